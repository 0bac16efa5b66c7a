"""Run an iterator in a background thread, a bounded number of items ahead of its consumer.

An import reads (parses, hashes: Python code holding the GIL) while it stores (SQLite and
PostgreSQL's drivers release the GIL while the database works), so the two overlap on two cores.
Whatever the producer raises is raised to the consumer, in order, after the items it produced
before; a consumer that stops early (an error, a KeyboardInterrupt, ``close``) stops the producer at
its next item and waits for it, so the source iterator is closed (its files too) before this returns.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Generator, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
_POLL = 0.05  # seconds between checks of the stop flag while the queue is full
# While both threads run, the interpreter's switch interval (5 ms by default) is how long a thread that
# gave up the GIL around a database call may wait to get it back from the busy reader: shortened to this
# (the consumer's thousands of short calls per second then wait ~0.5 ms each instead of up to 5 ms).
SWITCH_INTERVAL = 0.0005


class _Done(Generic[T]):
    __slots__ = ("error",)

    def __init__(self, error: BaseException | None) -> None:
        self.error = error


def prefetch(items: Iterable[T], depth: int = 1, name: str = "jaganetral-prefetch") -> Generator[T, None, None]:
    """The items of ``items``, produced in a daemon thread at most ``depth`` items ahead."""
    box: queue.Queue[T | _Done[T]] = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def put(value: T | _Done[T]) -> bool:
        while not stop.is_set():
            try:
                box.put(value, timeout=_POLL)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        source = iter(items)
        try:
            for item in source:
                if not put(item):
                    return
        except BaseException as exc:  # handed over to the consumer, which raises it
            put(_Done(exc))
        else:
            put(_Done(None))
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=produce, name=name, daemon=True)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    thread.start()
    try:
        while True:
            value = box.get()
            if isinstance(value, _Done):
                if value.error is not None:
                    raise value.error
                return
            yield value
    finally:
        stop.set()
        thread.join()
        sys.setswitchinterval(interval)
