"""A generic CSV or JSONL table, read through a column mapping (``ColumnMapping``).

Only the text column is required. The default mapping reads the detector's own JSONL contract
(``id, text, kind, created_at, platform, target_text, target_account``) and also ``account``,
``target_group`` and ``url``. Both formats are streamed: CSV row by row, JSONL line by line. A
missing kind is a post; an unknown kind, unreadable text or time is quarantined. Naive times are
taken in ``tz`` (default WIB); a number (or digits) is a Unix time. A row without an account
column is the export owner's (account None).

CSV bytes are decoded per physical line: UTF-8 (BOM dropped), else Windows cp1252, as written by
tools on Windows. These helpers are shared with the facebook-scraper adapter.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, ClassVar, cast

from jaganetral.detect.model import ACTIVITY_KINDS, WIB, ActivityKind
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.jsonstream import TOO_DEEP, TooDeep, loads
from jaganetral.ingest.model import AccountRef, Quarantined, RawActivity, Record, UnreadableInput, from_unix, utc
from jaganetral.ingest.sources import SourceFile

_JSONL = (".jsonl", ".ndjson")
# facebook-scraper's CSV and JSON have a "text" column too: that format has its own adapter
_FOREIGN = (("post_id", "post_url"),)


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Source column names; None: the table has no such column."""

    text: str = "text"
    id: str | None = "id"
    kind: str | None = "kind"
    created_at: str | None = "created_at"
    platform: str | None = "platform"
    account: str | None = "account"
    target_text: str | None = "target_text"
    target_account: str | None = "target_account"
    target_group: str | None = "target_group"
    url: str | None = "url"


def decode_line(raw: bytes, path: str, number: int) -> str:
    """One physical line: UTF-8 (an initial BOM dropped), else cp1252, else the file is unreadable."""
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"{path}: baris {number} bukan UTF-8 atau cp1252 (bita {exc.start})") from exc


def _lines(fh: IO[bytes], path: str) -> Iterator[str]:
    for number, raw in enumerate(fh, 1):
        yield decode_line(raw, path, number)


def iter_csv_rows(fh: IO[bytes], path: str) -> Iterator[tuple[int, list[str], dict[str, str] | None]]:
    """(data row number from 1, header, row or None when its cell count differs from the header)."""
    reader = csv.reader(_lines(fh, path))
    try:
        header = next(reader, None)
        if header is None:
            raise UnreadableInput(f"{path}: berkas CSV kosong (tanpa header)")
        for number, cells in enumerate(reader, 1):
            if not cells:
                continue
            yield number, header, dict(zip(header, cells, strict=True)) if len(cells) == len(header) else None
    except csv.Error as exc:
        raise UnreadableInput(f"{path}: CSV rusak pada baris {reader.line_num}: {exc}") from exc


def csv_header(head: bytes) -> list[str]:
    """The header row of a CSV head (empty when it cannot be read)."""
    first = head.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        return next(csv.reader([decode_line(first, "", 1)]), [])
    except (UnreadableInput, csv.Error):
        return []


def head_keys(head: bytes) -> set[str]:
    """The keys of the first JSON object of a JSONL head (or of a truncated first line)."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    try:
        obj = loads(first.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        if not first.startswith(b"{") or b"\n" in head.lstrip():
            return set()
        return {m.decode("utf-8", "replace") for m in re.findall(rb'"([^"\\]{1,64})"\s*:', first)}
    return set(obj) if isinstance(obj, dict) else set()


class GenericTableAdapter(Adapter):
    name: ClassVar[str] = "generic_table"
    platform: ClassVar[str] = "lainnya"

    def __init__(self, mapping: ColumnMapping | None = None, tz: dt.tzinfo = WIB,
                 platform: str | None = None) -> None:
        self.mapping = mapping or ColumnMapping()
        self.tz = tz
        self.default_platform = platform or self.platform

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        lower = source.name.lower()
        if lower.endswith(".csv"):
            columns = set(csv_header(head))
        elif lower.endswith(_JSONL):
            columns = head_keys(head)
        else:
            return False
        if any(all(c in columns for c in sig) for sig in _FOREIGN):
            return False
        return self.mapping.text in columns

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        path = source.path or source.name
        with source.open() as fh:
            if source.name.lower().endswith(_JSONL):
                yield from self._jsonl(fh, source, sha256)
                return
            first = True
            for number, header, row in iter_csv_rows(fh, path):
                if first and self.mapping.text not in header:
                    raise UnreadableInput(f"{path}: kolom teks {self.mapping.text!r} tidak ada di header CSV")
                first = False
                where = self.where(source, sha256, f"row {number}")
                if row is None:
                    yield Quarantined("jumlah sel baris tidak sama dengan header", where)
                    continue
                yield self._record({k: v for k, v in row.items() if v != ""}, where, repr(row)[:200])

    def _jsonl(self, fh: IO[bytes], source: SourceFile, sha256: str) -> Iterator[Record]:
        for number, raw in enumerate(fh, 1):
            where = self.where(source, sha256, f"line {number}")
            excerpt = raw[:200].decode("utf-8", "replace")
            if not raw.strip():
                continue
            try:
                obj = loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield Quarantined("baris bukan UTF-8 yang sah", where, excerpt)
                continue
            except TooDeep:
                yield Quarantined(f"baris: {TOO_DEEP}", where, excerpt)
                continue
            except ValueError:
                yield Quarantined("baris bukan JSON yang sah", where, excerpt)
                continue
            if not isinstance(obj, dict):
                yield Quarantined("baris bukan objek JSON", where, excerpt)
                continue
            yield self._record({k: v for k, v in obj.items() if v is not None}, where, excerpt)

    def _record(self, row: dict[str, Any], where: Any, excerpt: str) -> Record:
        m = self.mapping
        text = row.get(m.text)
        if not isinstance(text, str):
            reason = "kolom teks kosong" if text is None else "kolom teks bukan teks"
            return Quarantined(reason, where, excerpt)
        kind = _get(row, m.kind) or "post"
        if kind not in ACTIVITY_KINDS:
            return Quarantined(f"jenis aktivitas tidak dikenal: {kind[:40]!r}", where, excerpt)
        try:
            when = self._when(row.get(m.created_at) if m.created_at else None)
        except (TypeError, ValueError, OverflowError, OSError):
            return Quarantined("waktu tidak terbaca", where, excerpt)
        platform = _get(row, m.platform) or self.default_platform
        return RawActivity(platform, cast(ActivityKind, kind), _account(platform, _get(row, m.account)), when, text,
                           where, target_text=_get(row, m.target_text), target_account=_get(row, m.target_account),
                           target_group=_get(row, m.target_group), url=_get(row, m.url), native_id=_get(row, m.id))

    def _when(self, value: Any) -> dt.datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise TypeError("bool")
        if isinstance(value, int | float) or (isinstance(value, str) and re.fullmatch(r"\d{9,11}(\.\d+)?", value)):
            return from_unix(float(value))
        if not isinstance(value, str):
            raise TypeError(type(value))
        text = value.strip()
        parsed = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
        return utc(parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=self.tz))


def _get(row: dict[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = row.get(column)
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _account(platform: str, value: str | None) -> AccountRef | None:
    """A numeric id, a display name (with spaces) or a handle (``@`` dropped)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return AccountRef(platform, numeric_id=value)
    if any(c.isspace() for c in value):
        return AccountRef(platform, name=value)
    return AccountRef(platform, handle=value.lstrip("@"))
