"""Reading in a forked child process: jobs go to it, their items come back pickled through a pipe.

An import reads (parses, hashes, builds rows: Python code) while it stores (more Python code, and
the database's own work). In one process the two share one interpreter lock; in two processes they
run on two cores. The child only reads files and writes to its pipe: it never touches the store.

* One child per ``Reader``, forked when the first job comes (before the store's caches fill, so it
  shares little memory with its parent), serving jobs one after the other: ``work(job)`` runs in the
  child, so ``work`` is whatever the parent had at the fork and a job is a small picklable value.
* Bounded: the child blocks on the pipe (a 64 KiB kernel buffer) until the consumer has read the
  item before, so at most the item being received and the one being built exist at a time.
* Errors: whatever ``work`` raises is raised to the consumer, in order, after the items before;
  the child then waits for the next job.
* No orphans: a consumer that stops early (an error, Ctrl-C, ``close``) kills the child and waits for
  it; a consumer killed outright closes both pipes with its death, and the child exits at its next
  send (EPIPE) or while waiting for a job (end of file). The child ignores SIGINT: Ctrl-C reaches the
  whole process group, and the consumer handles it.

``fork`` is only safe in a process with a single thread (a lock held by another thread at the fork
stays held in the child forever), so elsewhere (a web server's job thread, a platform without fork)
``work(job)`` runs in a thread instead (``prefetch``), one item ahead, as before.
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
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

from jaganetral.service.prefetch import prefetch

J = TypeVar("J")
T = TypeVar("T")
_ITEM, _DONE, _FAILED = 0, 1, 2


def can_fork() -> bool:
    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and threading.current_thread() is threading.main_thread())


class Reader(Generic[J, T]):
    """Runs ``work(job)`` one item ahead of its consumer, in a child process when forking is safe."""

    def __init__(self, work: Callable[[J], Iterable[T]], name: str = "jaganetral-reader") -> None:
        self.work, self.name = work, name
        self.child: BaseProcess | None = None
        self.jobs: Connection | None = None
        self.items: Connection | None = None

    def run(self, job: J) -> Generator[T, None, None]:
        """The items of ``work(job)``."""
        if self.child is None and not can_fork():
            yield from prefetch(self.work(job), name=self.name)
            return
        if self.child is None:
            self._start()
        assert self.jobs is not None and self.items is not None
        finished = False
        try:
            self.jobs.send(job)
            while True:
                try:
                    tag, value = self.items.recv()
                except EOFError:
                    code = self.child.exitcode if self.child is not None else None
                    raise RuntimeError(f"proses pembaca berkas berhenti tiba-tiba (kode {code})") from None
                if tag == _ITEM:
                    yield value
                    continue
                finished = True
                if tag == _FAILED:
                    raise value
                return
        finally:
            if not finished:  # stopped half-way: the child is still busy with this job
                self.close()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("fork")
        job_out, job_in = ctx.Pipe(duplex=False)  # parent -> child
        item_out, item_in = ctx.Pipe(duplex=False)  # child -> parent
        child = ctx.Process(target=_serve, args=(self.work, job_out, job_in, item_out, item_in), name=self.name,
                            daemon=True)
        child.start()
        job_out.close()
        item_in.close()
        self.child, self.jobs, self.items = child, job_in, item_out

    def close(self) -> None:
        """Stop the child (if any) and wait for it."""
        child, self.child = self.child, None
        for conn in (self.jobs, self.items):
            if conn is not None:
                conn.close()
        self.jobs = self.items = None
        if child is not None:
            if child.is_alive():
                child.kill()
            child.join()

    def __enter__(self) -> Reader[J, T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(work: Callable[[Any], Iterable[Any]], jobs: Connection, parent_jobs: Connection,
           parent_items: Connection, items: Connection) -> None:
    """The child: for each job, send every item, then done (or the error). Leaves with os._exit: nothing
    inherited from the parent (store connections, atexit handlers, buffered output) is closed or run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.freeze()  # never collect (finalise) an object inherited from the parent (its database connection)
    parent_jobs.close()  # else the child would keep its own job pipe open and never see the parent go
    parent_items.close()
    code = 0
    try:
        while True:
            try:
                job = jobs.recv()
            except EOFError:  # the parent closed the pipe (done) or is gone
                break
            try:
                for item in work(job):
                    items.send((_ITEM, item))
            except (BrokenPipeError, ConnectionResetError):
                raise
            except BaseException as exc:  # handed over to the consumer, which raises it
                try:
                    payload = pickle.dumps((_FAILED, exc))
                except Exception:
                    payload = pickle.dumps((_FAILED, RuntimeError(f"{type(exc).__name__}: {exc}")))
                items.send_bytes(payload)
            else:
                items.send((_DONE, None))
    except (BrokenPipeError, ConnectionResetError):  # the consumer is gone (stopped early, or killed)
        code = 1
    except BaseException:
        code = 2
    os._exit(code)
