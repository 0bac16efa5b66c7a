"""Meta (Facebook, Instagram) JSON: the "latin-1 mojibake" repair and small shared readers.

Meta writes every non-ASCII character as one ``\\u00XX`` escape per UTF-8 byte, so after
``json.load`` "Lê" reads as "LÃª". ``repair`` undoes that on one string when the string is such
mojibake, and keeps it unchanged otherwise (real text with "é" is not valid UTF-8 as latin-1 bytes).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from jaganetral.ingest.model import UnreadableInput, utc
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
    except json.JSONDecodeError as exc:
        raise UnreadableInput(
            f"{where}: JSON tidak valid di baris {exc.lineno} kolom {exc.colno} ({exc.msg})"
        ) from exc
    return repair_tree(data)


def unix_time(value: Any) -> dt.datetime | None:
    """Unix seconds (UTC) → aware datetime; None when absent or 0; ValueError when not a number."""
    if value is None or value == 0:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"stempel waktu bukan angka: {value!r}")
    return utc(dt.datetime.fromtimestamp(value, tz=dt.UTC))


def excerpt(value: Any) -> str:
    """At most 200 characters of a record, for a person to find it."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)[:200]
