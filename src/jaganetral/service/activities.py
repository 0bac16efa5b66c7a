"""Reading activities from JSONL: one JSON object per line, bad lines reported, never fatal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

from jaganetral.detect.model import ACTIVITY_KINDS, Activity, ActivityKind


@dataclass(frozen=True)
class BadLine:
    line: int
    reason: str


@dataclass(frozen=True)
class Row:
    line: int
    activity: Activity
    raw: dict[str, Any]


def parse_time(value: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError("created_at harus berupa teks ISO-8601")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"created_at bukan tanggal ISO-8601: {value!r}") from exc


def _optional_text(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} harus berupa teks")
    return value


def to_activity(obj: Any) -> Activity:
    """Validate one decoded JSON value into an Activity (ValueError with an Indonesian reason)."""
    if not isinstance(obj, dict):
        raise ValueError("baris harus berupa objek JSON")
    if "id" not in obj or "text" not in obj:
        missing = [k for k in ("id", "text") if k not in obj]
        raise ValueError(f"kolom wajib tidak ada: {', '.join(missing)}")
    ident, text = obj["id"], obj["text"]
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        raise ValueError("id harus berupa teks")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise ValueError("text harus berupa teks")
    kind = obj.get("kind") or "post"
    if kind not in ACTIVITY_KINDS:
        raise ValueError(f"kind tidak dikenal: {kind!r} (pilihan: {', '.join(ACTIVITY_KINDS)})")
    return Activity(
        id=str(ident),
        text=text,
        kind=cast(ActivityKind, kind),
        created_at=parse_time(obj.get("created_at")),
        platform=_optional_text(obj, "platform"),
        target_text=_optional_text(obj, "target_text"),
        target_account=_optional_text(obj, "target_account"),
    )


def read_jsonl(lines: Iterable[str]) -> Iterator[Row | BadLine]:
    """Yield a Row per valid line and a BadLine per invalid one; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield BadLine(number, f"bukan JSON yang sah: {exc}")
            continue
        try:
            yield Row(number, to_activity(obj), obj)
        except ValueError as exc:
            yield BadLine(number, str(exc))
