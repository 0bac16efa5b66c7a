"""A small hand-written progress bar for long scans, drawn on stderr only when it is a terminal."""

from __future__ import annotations

import time
from typing import TextIO

BAR_WIDTH = 28


class Progress:
    """Redraws one status line at most every ``interval`` seconds; ``close`` erases it."""

    def __init__(self, stream: TextIO, total_bytes: int | None = None, interval: float = 0.2,
                 enabled: bool | None = None) -> None:
        self.stream = stream
        self.total = total_bytes if total_bytes else None
        self.interval = interval
        self.enabled = _is_tty(stream) if enabled is None else enabled
        self.started = time.perf_counter()
        self.last = 0.0
        self.bytes = 0
        self.rows = 0
        self.width = 0

    def advance(self, nbytes: int) -> None:
        self.bytes += nbytes

    def update(self, rows: int) -> None:
        self.rows = rows
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < self.interval:
            return
        self.last = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        rate = self.rows / elapsed
        text = f"{self.rows} baris  {rate:,.0f} pos/detik".replace(",", ".")
        if self.total:
            frac = min(self.bytes / self.total, 1.0)
            filled = int(frac * BAR_WIDTH)
            text = f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {frac:4.0%}  {text}"
        line = f"memindai {text}"
        pad = " " * max(self.width - len(line), 0)
        self.width = len(line)
        self.stream.write(f"\r{line}{pad}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
