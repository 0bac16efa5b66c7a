"""Run an iterator in a forked child process, its items sent pickled through a pipe to the consumer.

An import reads (parses, hashes, builds rows: Python code) while it stores (more Python code, and
the database's own work). In one process the two share one interpreter lock; in two processes they
run on two cores. The child only reads files and writes to the pipe: it never touches the store.

* Bounded: the child blocks on the pipe (a 64 KiB kernel buffer) until the consumer has read the
  item before, so at most the item being received and the one being built exist at a time.
* Errors: whatever the iterator raises is raised to the consumer, in order, after the items before.
* No orphans: a consumer that stops early (an error, Ctrl-C, ``close``) kills the child and waits for
  it; a consumer killed outright closes the pipe with its death, and the child, at its next send,
  gets EPIPE and exits. The child ignores SIGINT (Ctrl-C reaches the whole process group: the
  consumer handles it).

``fork`` is only safe in a process with a single thread (a lock held by another thread at the fork
stays held in the child forever), so elsewhere (a web server's job thread, a platform without fork)
the iterator runs in a thread instead (``prefetch``), as before.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable, Generator, Iterable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from jaganetral.service.prefetch import prefetch

T = TypeVar("T")
_ITEM, _DONE, _FAILED = 0, 1, 2


def can_fork() -> bool:
    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and threading.current_thread() is threading.main_thread())


def read_ahead(make: Callable[[], Iterable[T]], name: str = "jaganetral-reader") -> Generator[T, None, None]:
    """The items of ``make()``, produced one ahead in a child process (a thread when forking is unsafe)."""
    if not can_fork():
        yield from prefetch(make(), name=name)
        return
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_produce, args=(make, send, receive), name=name, daemon=True)
    child.start()
    send.close()
    try:
        while True:
            try:
                tag, value = receive.recv()
            except EOFError:
                raise RuntimeError(f"proses pembaca berkas berhenti tiba-tiba (kode {child.exitcode})") from None
            if tag == _ITEM:
                yield value
            elif tag == _DONE:
                return
            else:
                raise value
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()


def _produce(make: Callable[[], Iterable[Any]], send: Connection, receive: Connection) -> None:
    """The child: send every item, then done (or the error). Leaves with os._exit: nothing inherited
    from the parent (store connections, atexit handlers, buffered output) is closed, flushed or run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.disable()  # never finalise an object inherited from the parent (its database connection)
    receive.close()
    code = 0
    try:
        try:
            for item in make():
                send.send((_ITEM, item))
        except (BrokenPipeError, ConnectionResetError):
            raise
        except BaseException as exc:  # handed over to the consumer, which raises it
            try:
                payload = pickle.dumps((_FAILED, exc))
            except Exception:
                payload = pickle.dumps((_FAILED, RuntimeError(f"{type(exc).__name__}: {exc}")))
            send.send_bytes(payload)
        else:
            send.send((_DONE, None))
    except (BrokenPipeError, ConnectionResetError):  # the consumer is gone (stopped early, or killed)
        code = 1
    except BaseException:
        code = 2
    os._exit(code)
