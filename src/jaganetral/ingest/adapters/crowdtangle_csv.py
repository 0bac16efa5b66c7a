"""CrowdTangle exports: dashboard CSV (Facebook or Instagram), per-post history CSV, API ``/posts`` JSON.

Dashboard CSV (UTF-8 with BOM, read row by row): each row is a post of the page/account (``Page Name`` or
``Account``, ``User Name``, ``Facebook Id``), text = ``Message``, url = ``URL`` (its trailing number is
the post id). ``Post Created`` carries the dashboard's zone abbreviation ("2021-07-05 18:02:45 BRT");
it is mapped to its UTC offset, an unknown abbreviation is quarantined (a time without zone only when the
adapter is given ``tz``). Link-type posts (``Type`` Link, YouTube, Video) are shares of the link, with
``Link Text``/``Description`` as target text. Interaction counts are locale-formatted ("407.137",
"1,234") and are not activities, so they are not parsed. The per-post history CSV holds only statistics:
every row is ignored. The API JSON (``result.posts``, dates in UTC) gives the same records.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any, ClassVar

from jaganetral.detect.model import ActivityKind
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.jsonstream import iter_json_arrays
from jaganetral.ingest.model import (
    AccountRef,
    Ignored,
    Provenance,
    Quarantined,
    RawActivity,
    Record,
    UnreadableInput,
    utc,
)
from jaganetral.ingest.sources import SourceFile

_BOM = b"\xef\xbb\xbf"
_H = 3600
ZONES: dict[str, int] = {  # abbreviation -> offset from UTC in seconds
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": _H, "BST": _H, "CET": _H, "CEST": 2 * _H, "EET": 2 * _H,
    "EEST": 3 * _H, "MSK": 3 * _H, "IST": 5 * _H + 1800, "ICT": 7 * _H, "WIB": 7 * _H, "WITA": 8 * _H,
    "WIT": 9 * _H, "SGT": 8 * _H, "MYT": 8 * _H, "PHT": 8 * _H, "HKT": 8 * _H, "AWST": 8 * _H, "JST": 9 * _H,
    "KST": 9 * _H, "AEST": 10 * _H, "AEDT": 11 * _H, "NZST": 12 * _H, "NZDT": 13 * _H,
    "BRT": -3 * _H, "BRST": -2 * _H, "ART": -3 * _H, "AST": -4 * _H, "ADT": -3 * _H, "EST": -5 * _H,
    "EDT": -4 * _H, "CST": -6 * _H, "CDT": -5 * _H, "MST": -7 * _H, "MDT": -6 * _H, "PST": -8 * _H,
    "PDT": -7 * _H, "AKST": -9 * _H, "AKDT": -8 * _H, "HST": -10 * _H,
}
_CREATED = re.compile(r"^(\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?)(?:\s+([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?$")
_NAME_COLUMNS = ("Page Name", "Account", "Group Name")
_SHARE_TYPES = {"link", "youtube", "video", "vine"}
_EMPTY = {"", "N/A", "-"}
_READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile)


def parse_created(value: str, tz: dt.tzinfo | None = None) -> dt.datetime:
    """``Post Created`` in UTC; ValueError for an unknown zone abbreviation or (without ``tz``) no zone."""
    match = _CREATED.match(value.strip())
    if not match:
        raise ValueError(f"format waktu tidak dikenal: {value!r}")
    naive = dt.datetime.fromisoformat(match.group(1).replace("T", " "))
    zone = match.group(2)
    if zone is None:
        if tz is None:
            raise ValueError("waktu tanpa zona waktu")
        return utc(naive.replace(tzinfo=tz))
    if zone[0] in "+-":
        return utc(dt.datetime.fromisoformat(f"{match.group(1)}{zone}"))
    if zone.upper() not in ZONES:
        raise ValueError(f"singkatan zona waktu tidak dikenal: {zone}")
    return utc(naive.replace(tzinfo=dt.timezone(dt.timedelta(seconds=ZONES[zone.upper()]))))


def _columns(head: bytes) -> list[str]:
    first = head.removeprefix(_BOM).split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    try:
        return [c.strip() for c in next(csv.reader([first]), [])]
    except csv.Error:  # e.g. a lone carriage return inside the header: not a CrowdTangle header
        return []


def _list(value: Any) -> list[Any]:
    """An optional list field (``media``, ``expandedLinks``); anything else counts as absent."""
    return value if isinstance(value, list) else []


def _clean(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return None if text in _EMPTY else text


class CrowdTangleCsvAdapter(Adapter):
    name: ClassVar[str] = "crowdtangle_csv"
    platform: ClassVar[str] = "crowdtangle"

    def __init__(self, tz: dt.tzinfo | None = None) -> None:
        self.tz = tz  # zone of a "Post Created" written without abbreviation; None: quarantine such rows

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        lower = source.name.lower()
        if lower.endswith(".json"):
            body = head.removeprefix(_BOM).lstrip()
            return body.startswith(b"{") and b'"result"' in head and b'"posts"' in head and (
                b'"platformId"' in head or b'"subscriberCount"' in head or b'"status"' in head)
        if not lower.endswith(".csv"):
            return False
        columns = set(_columns(head))
        if {"ID", "Score Date (GMT)", "Timestep"} <= columns:
            return True
        return "Post Created" in columns and "URL" in columns and any(c in columns for c in _NAME_COLUMNS)

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        if source.name.lower().endswith(".json"):
            yield from self._api(source, sha256)
            return
        label = source.path or source.name
        n = 0
        try:
            with source.open() as fh, io.TextIOWrapper(fh, encoding="utf-8-sig", newline="") as text:
                rows = csv.DictReader(text)
                columns = [c.strip() for c in rows.fieldnames or ()]
                rows.fieldnames = columns
                history = "Score Date (GMT)" in columns
                if not history and ("Post Created" not in columns or not set(_NAME_COLUMNS) & set(columns)):
                    raise UnreadableInput(f"{label}: baris 1: kepala CSV CrowdTangle tidak dikenal")
                for n, row in enumerate(rows, 1):
                    where = self.where(source, sha256, f"row {n}")
                    yield Ignored("riwayat_statistik", where) if history else self._row(row, where)
        except (csv.Error, UnicodeDecodeError, *_READ_ERRORS) as exc:
            raise UnreadableInput(f"{label}: tidak dapat dibaca pada baris data {n + 1}: {exc}") from exc

    def _row(self, row: dict[str | None, Any], where: Provenance) -> Record:
        excerpt = ",".join(str(v) for v in row.values() if v)[:200]
        if None in row or None in row.values():
            return Quarantined("jumlah kolom baris tidak sesuai kepala CSV", where, excerpt)
        try:
            when = parse_created(str(row.get("Post Created", "")), self.tz)
        except ValueError as exc:
            return Quarantined(str(exc), where, excerpt)
        name = next((_clean(row.get(c)) for c in _NAME_COLUMNS if _clean(row.get(c))), None)
        handle = _clean(row.get("User Name")) or _clean(row.get("Account Handle")) or _clean(row.get("Handle"))
        numeric = _clean(row.get("Facebook Id")) or _clean(row.get("Account Id"))
        if name is None and handle is None and numeric is None:
            return Quarantined("akun pengirim tidak diketahui", where, excerpt)
        platform = "instagram" if "Account" in row and "Page Name" not in row else "facebook"
        url = _clean(row.get("URL"))
        post_id = re.search(r"(\d+)/?$", url or "")
        text = _clean(row.get("Message")) or _clean(row.get("Description")) or ""
        kind: ActivityKind = "share" if str(row.get("Type", "")).strip().lower() in _SHARE_TYPES else "post"
        link = _clean(row.get("Final Link")) or _clean(row.get("Link"))
        target_text = None
        if kind == "share":
            target_text = _clean(row.get("Link Text")) or _clean(row.get("Description")) or link
        return RawActivity(platform, kind, AccountRef(platform, handle, numeric, name), when, text, where,
                           target_text=target_text, url=url, media=(link,) if kind == "post" and link else (),
                           native_id=post_id.group(1) if post_id else None)

    def _api(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        with source.open() as fh:
            for _, index, post in iter_json_arrays(fh, source.path or source.name, [("result", "posts")]):
                yield self._post(post, self.where(source, sha256, f"result.posts[{index}]"))

    def _post(self, post: Any, where: Provenance) -> Record:
        excerpt = repr(post)[:200]
        if not isinstance(post, dict):
            return Quarantined("pos bukan objek JSON", where, excerpt)
        try:
            stamp = dt.datetime.fromisoformat(str(post["date"]))
            when = utc(stamp) if stamp.tzinfo is not None else stamp.replace(tzinfo=dt.UTC)
        except (KeyError, ValueError):
            return Quarantined("waktu pos tidak terbaca", where, excerpt)
        account = post.get("account")
        if not isinstance(account, dict):
            return Quarantined("akun pengirim tidak diketahui", where, excerpt)
        platform = str(post.get("platform") or "facebook").lower()
        ref = AccountRef(platform, _clean(account.get("handle")), _clean(account.get("platformId")),
                         _clean(account.get("name")))
        kind: ActivityKind = "share" if str(post.get("type", "")).lower() in _SHARE_TYPES else "post"
        links = [x for x in _list(post.get("expandedLinks")) if isinstance(x, dict)]
        link = _clean(links[0].get("expanded") or links[0].get("original")) if links else _clean(post.get("link"))
        media = tuple(str(m["url"]) for m in _list(post.get("media")) if isinstance(m, dict) and m.get("url"))
        target = (_clean(post.get("title")) or _clean(post.get("description")) or link) if kind == "share" else None
        return RawActivity(platform, kind, ref, when, str(post.get("message") or ""), where, target_text=target,
                           url=_clean(post.get("postUrl")), media=media, native_id=_clean(post.get("platformId")))
