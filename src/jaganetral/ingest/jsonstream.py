"""Stream the items of a JSON array in constant memory (one item at a time).

The bytes are decoded incrementally (UTF-8, an optional BOM is dropped) and every item is parsed
with ``json.JSONDecoder.raw_decode`` from a buffer that only keeps what has not been consumed yet.
The array may be the whole document or sit under object keys (``key="messages"`` or
``key=("chats", "list")``). Malformed JSON raises ``UnreadableInput`` naming line, column and
character position; so does a value nested deeper than ``MAX_DEPTH`` arrays/objects, which no real
export has and which Python's recursion (``repr``, ``json.dumps``) could not handle later on.
``loads`` applies the same limit to a single document (one NDJSON line).
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterator, Sequence
from typing import IO, Any

from jaganetral.ingest.model import UnreadableInput

CHUNK = 1 << 16
_SKIP_WS = re.compile(r"[ \t\n\r]*").match  # JSON's whitespace
_LOOKAHEAD = 3
MAX_DEPTH = 100
TOO_DEEP = f"JSON bersarang lebih dari {MAX_DEPTH} tingkat"
TOO_LONG = "angka terlalu panjang untuk dibaca"
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]')  # a string (maybe unterminated) or a bracket
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


class TooDeep(ValueError):
    """A JSON document nested deeper than ``MAX_DEPTH``."""


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """True when arrays/objects in ``value`` nest deeper than ``limit`` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if type(node) is not dict and type(node) is not list:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in (node.values() if type(node) is dict else node)
                     if type(child) is dict or type(child) is list)
    return False


def deep_position(text: str, start: int = 0, end: int | None = None, limit: int = MAX_DEPTH) -> int | None:
    """Index in ``text[start:end]`` of the bracket that opens level ``limit + 1``, or None."""
    stop = len(text) if end is None else end
    if text.count("[", start, stop) + text.count("{", start, stop) <= limit:
        return None
    depth = 0
    for match in _TOKEN.finditer(text, start, stop):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                return match.start()
        elif token in ("]", "}"):
            depth -= 1
    return None


def long_number_position(text: str, start: int = 0) -> int | None:
    """Index in ``text`` of the first integer too long for Python to convert, or None."""
    limit = sys.get_int_max_str_digits()
    found = re.compile(f"[0-9]{{{limit + 1},}}").search(text, start) if limit else None
    return found.start() if found else None


def loads(text: str | bytes) -> Any:
    """``json.loads``, refusing nesting deeper than ``MAX_DEPTH`` (``TooDeep``, a ValueError)."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise TooDeep(TOO_DEEP) from None
    if too_deep(value):
        raise TooDeep(TOO_DEEP)
    return value


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
            self.pos = _SKIP_WS(self.buf, self.pos).end()  # type: ignore[union-attr]  # always matches
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
            except RecursionError:  # far too deep: Python's decoder gave up
                raise self.fail(TOO_DEEP, deep_position(self.buf, self.pos)) from None
            except ValueError:  # an integer longer than Python converts (4300 digits by default)
                raise self.fail(TOO_LONG, long_number_position(self.buf, self.pos)) from None
            if len(self.buf) - end < _LOOKAHEAD and not self.eof:  # "1" may go on as "1.5" or "1e+3"
                self.fill()
                continue
            if self.buf.count("[", self.pos, end) + self.buf.count("{", self.pos, end) > MAX_DEPTH and too_deep(obj):
                raise self.fail(TOO_DEEP, deep_position(self.buf, self.pos, end))
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
