"""Stream the items of a JSON array in constant memory (one item at a time).

The bytes are decoded incrementally (UTF-8, an optional BOM is dropped) and every item is parsed
with ``json.JSONDecoder.raw_decode`` from a buffer that only keeps what has not been consumed yet.
The array may be the whole document or sit under object keys (``key="messages"`` or
``key=("chats", "list")``). Malformed JSON raises ``UnreadableInput`` naming line, column and
character position.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator, Sequence
from typing import IO, Any

from jaganetral.ingest.model import UnreadableInput

CHUNK = 1 << 16
_WS = " \t\n\r"
_LOOKAHEAD = 3
_REASONS = {
    "Expecting value": "nilai JSON diharapkan",
    "Unterminated string starting at": "string tidak ditutup",
    "Invalid control character at": "karakter kontrol tidak sah di dalam string",
    "Invalid \\escape": "escape tidak sah",
    "Invalid \\uXXXX escape": "escape \\uXXXX tidak sah",
    "Expecting ',' delimiter": "diharapkan ','",
    "Expecting ':' delimiter": "diharapkan ':'",
    "Expecting property name enclosed in double quotes": "diharapkan nama kunci dalam tanda kutip",
    "Illegal trailing comma before end of object": "koma berlebih sebelum akhir objek",
    "Illegal trailing comma before end of array": "koma berlebih sebelum akhir larik",
}


class _Reader:
    """A text buffer over a byte stream that forgets what it has consumed."""

    def __init__(self, stream: IO[bytes], path: str, chunk: int) -> None:
        self.stream, self.path, self.chunk = stream, path, max(1, chunk)
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.json = json.JSONDecoder()
        self.buf = ""
        self.pos = 0  # index into buf
        self.base = 0  # characters dropped before buf
        self.lines = 0  # newlines dropped before buf
        self.col_base = 0  # characters after the last dropped newline
        self.bytes_read = 0
        self.eof = False

    def fill(self, size: int | None = None) -> None:
        """Append at least one more chunk (or mark the end), dropping the consumed prefix."""
        if self.pos:
            dropped = self.buf[: self.pos]
            nl = dropped.count("\n")
            self.lines += nl
            self.col_base = len(dropped) - dropped.rfind("\n") - 1 if nl else self.col_base + len(dropped)
            self.base += self.pos
            self.buf, self.pos = self.buf[self.pos :], 0
        data = self.stream.read(size or self.chunk)
        pending = len(self.decoder.getstate()[0])
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            at = self.bytes_read - pending + exc.start
            raise UnreadableInput(f"{self.path}: bukan UTF-8 yang sah pada bita {at}") from exc
        self.bytes_read += len(data)
        self.buf += text
        if not data:
            self.eof = True

    def fail(self, reason: str, index: int | None = None) -> UnreadableInput:
        at = self.pos if index is None else index
        before = self.buf[:at]
        nl = before.count("\n")
        line = self.lines + nl + 1
        col = (at - before.rfind("\n") if nl else self.col_base + at + 1)
        for english, indonesian in _REASONS.items():
            if reason.startswith(english):
                reason = indonesian
                break
        return UnreadableInput(
            f"{self.path}: JSON rusak pada baris {line} kolom {col} (posisi {self.base + at}): {reason}"
        )

    def peek(self) -> str:
        """The next non-whitespace character, without consuming it ("" at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if self.eof:
                return ""
            self.fill()

    def expect(self, chars: str, what: str) -> str:
        c = self.peek()
        if not c or c not in chars:
            raise self.fail(f"diharapkan {what}" + ("" if c else ", tetapi berkas berakhir"))
        self.pos += 1
        return c

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                obj, end = self.json.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise self.fail(exc.msg, exc.pos) from None
                self.fill(max(self.chunk, len(self.buf) - self.pos))
                continue
            if len(self.buf) - end < _LOOKAHEAD and not self.eof:  # "1" may go on as "1.5" or "1e+3"
                self.fill()
                continue
            self.pos = end
            return obj


def iter_json_array(
    stream: IO[bytes], path: str, key: str | Sequence[str] | None = None, *, chunk: int = CHUNK
) -> Iterator[tuple[int, Any]]:
    """(index, item) of the top-level array, or of the array under ``key`` (a key or a key path)."""
    keys = () if key is None else (key,) if isinstance(key, str) else tuple(key)
    for _, index, item in iter_json_arrays(stream, path, [keys], chunk=chunk):
        yield index, item


def iter_json_arrays(
    stream: IO[bytes],
    path: str,
    keys: Sequence[tuple[str, ...]],
    meta: dict[str, Any] | None = None,
    *,
    chunk: int = CHUNK,
) -> Iterator[tuple[tuple[str, ...], int, Any]]:
    """(key path, index, item) of every array found under one of ``keys`` (``()``: the document).

    The other members of the top-level object are decoded and stored in ``meta`` as they are met
    (those before an array are there when its items are yielded). A key path that is absent is
    simply not yielded; the whole document is still checked to the end.
    """
    reader = _Reader(stream, path, chunk)
    if reader.peek() == "":
        raise reader.fail("berkas kosong")
    yield from _walk(reader, (), tuple(tuple(k) for k in keys), meta)
    if reader.peek() != "":
        raise reader.fail("data tambahan setelah akhir JSON")


def _walk(
    reader: _Reader, here: tuple[str, ...], tails: tuple[tuple[str, ...], ...], meta: dict[str, Any] | None
) -> Iterator[tuple[tuple[str, ...], int, Any]]:
    if () in tails:
        yield from _array(reader, here)
        return
    reader.expect("{", "'{'")
    if reader.peek() == "}":
        reader.pos += 1
        return
    while True:
        if reader.peek() != '"':
            raise reader.fail("diharapkan nama kunci dalam tanda kutip")
        name = reader.value()
        reader.expect(":", "':'")
        below = tuple(t[1:] for t in tails if t[0] == name)
        if below:
            yield from _walk(reader, (*here, name), below, None)
        else:
            value = reader.value()
            if meta is not None:
                meta[name] = value
        if reader.expect(",}", "',' atau '}'") == "}":
            return


def _array(reader: _Reader, here: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], int, Any]]:
    reader.expect("[", "'['")
    if reader.peek() == "]":
        reader.pos += 1
        return
    index = 0
    while True:
        yield here, index, reader.value()
        index += 1
        if reader.expect(",]", "',' atau ']'") == "]":
            return
