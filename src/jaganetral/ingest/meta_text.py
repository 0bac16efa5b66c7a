"""Meta (Facebook, Instagram) JSON: the "latin-1 mojibake" repair and small shared readers.

Meta writes every non-ASCII character as one ``\\u00XX`` escape per UTF-8 byte, so after
``json.load`` "Lê" reads as "LÃª". ``repair`` undoes that on one string when the string is such
mojibake, and keeps it unchanged otherwise (real text with "é" is not valid UTF-8 as latin-1 bytes).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from jaganetral.ingest.jsonstream import TOO_DEEP, TOO_LONG, deep_position, long_number_position, too_deep
from jaganetral.ingest.model import UnreadableInput, from_unix
from jaganetral.ingest.sources import SourceFile


def repair(text: str) -> str:
    """``text`` with Meta's mojibake undone; unchanged when it is not mojibake."""
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return text


def mojibake(text: str) -> str:
    """What Meta makes of ``text`` (the inverse of ``repair``; used by tests and fixtures)."""
    return text.encode("utf-8").decode("latin-1")


def repair_tree(value: Any) -> Any:
    """A JSON value with ``repair`` applied to every string (keys too; they are ASCII anyway)."""
    if isinstance(value, str):
        return repair(value)
    if isinstance(value, list):
        return [repair_tree(v) for v in value]
    if isinstance(value, dict):
        return {repair(str(k)): repair_tree(v) for k, v in value.items()}
    return value


def load_json(source: SourceFile) -> Any:
    """The file's JSON with the mojibake repaired; ``UnreadableInput`` names file and position."""
    where = source.path or source.name
    with source.open() as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"{where}: bukan teks UTF-8 (bita ke-{exc.start})") from exc
    try:
        data = json.loads(text)
        deep = too_deep(data)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            f"{where}: JSON tidak valid di baris {exc.lineno} kolom {exc.colno} ({exc.msg})"
        ) from exc
    except ValueError as exc:  # an integer longer than Python converts
        raise UnreadableInput(f"{where}: {TOO_LONG} di {_position(text, long_number_position(text))}") from exc
    except RecursionError:  # far too deep for Python's decoder
        data, deep = None, True
    if deep:
        raise UnreadableInput(f"{where}: {TOO_DEEP} di {_position(text, deep_position(text))}")
    return repair_tree(data)


def _position(text: str, at: int | None) -> str:
    """``at`` (an index in ``text``; None: the start) as line and column, for a message."""
    at = at or 0
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    return f"baris {line} kolom {column}"


def unix_time(value: Any) -> dt.datetime | None:
    """Unix seconds (UTC) → aware datetime; None when absent or 0; ValueError when not a number."""
    if value is None or value == 0:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"stempel waktu bukan angka: {value!r}")
    return from_unix(value)


def excerpt(value: Any) -> str:
    """At most 200 characters of a record, for a person to find it."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)[:200]
