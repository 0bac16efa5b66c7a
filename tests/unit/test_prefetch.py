"""prefetch: items in order, the producer's error raised after its items, an early stop closes the source."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from jaganetral.service.prefetch import prefetch


def test_items_come_in_order() -> None:
    assert list(prefetch(range(1000), depth=3)) == list(range(1000))
    assert list(prefetch([])) == []


def test_an_error_of_the_producer_comes_after_its_items() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise ValueError("rusak")

    got: list[int] = []
    with pytest.raises(ValueError, match="rusak"):
        for item in prefetch(items()):
            got.append(item)
    assert got == [1, 2]


def test_a_consumer_that_stops_closes_the_source_and_the_thread() -> None:
    closed = threading.Event()

    def items() -> Iterator[int]:
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    before = threading.active_count()
    with pytest.raises(RuntimeError):
        for item in prefetch(items()):
            if item == 5:
                raise RuntimeError("berhenti")
    assert closed.is_set()
    assert threading.active_count() == before

    stream = prefetch(items())
    assert next(stream) == 0
    closed.clear()
    stream.close()
    assert closed.is_set()
