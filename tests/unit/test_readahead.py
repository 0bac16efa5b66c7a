"""Reader: items in order from a forked child, errors after the items before, jobs served in turn,
an early stop kills the child, a killed consumer leaves no child behind, threads when forking is unsafe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator

import pytest

from jaganetral.service import readahead
from jaganetral.service.readahead import Reader


@pytest.fixture(autouse=True)
def fork_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even when an earlier test left a thread running (these children only count)."""
    monkeypatch.setattr(readahead, "can_fork", lambda: True)


def numbers(job: tuple[int, str | None]) -> Iterator[int]:
    count, error = job
    yield from range(count)
    if error:
        raise ValueError(error)


def test_jobs_are_served_in_turn_by_one_child() -> None:
    with Reader(numbers) as reader:
        assert list(reader.run((1000, None))) == list(range(1000))
        child = reader.child
        assert child is not None and child.pid != os.getpid()
        assert list(reader.run((3, None))) == [0, 1, 2]
        assert reader.child is child
    assert reader.child is None and not child.is_alive()


def test_an_error_comes_after_the_items_and_the_child_serves_on() -> None:
    got: list[int] = []
    with Reader(numbers) as reader:
        with pytest.raises(ValueError, match="rusak"):
            for item in reader.run((5, "rusak")):
                got.append(item)
        assert got == [0, 1, 2, 3, 4]
        assert list(reader.run((2, None))) == [0, 1]


def test_stopping_early_kills_the_child() -> None:
    reader = Reader(numbers)
    items = reader.run((10**9, None))
    assert next(items) == 0
    child = reader.child
    assert child is not None
    items.close()
    assert reader.child is None and not child.is_alive()


def test_without_fork_the_work_runs_in_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readahead, "can_fork", lambda: False)
    seen: list[int] = []

    def where(job: int) -> Iterator[int]:
        seen.append(os.getpid())
        yield threading.get_ident()

    with Reader(where) as reader:
        assert list(reader.run(1)) != [threading.get_ident()]
        assert reader.child is None and seen == [os.getpid()]


def test_a_killed_consumer_leaves_no_reader_behind() -> None:
    script = textwrap.dedent("""
        import itertools, sys, time
        from jaganetral.service.readahead import Reader
        reader = Reader(lambda job: itertools.count())
        items = reader.run(None)
        next(items)
        print(reader.child.pid, flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    child = int(proc.stdout.readline())
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.05)
    assert not _running(child)


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False
