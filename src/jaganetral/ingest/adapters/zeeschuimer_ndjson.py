"""Zeeschuimer NDJSON captures and 4CAT datasets made from them (NDJSON and CSV), read line/row by line.

Zeeschuimer writes one object per line: ``source_platform`` ("tiktok.com", "x.com", "instagram.com", …),
``item_id``, ``timestamp_collected`` and ``data``, the platform's own object. 4CAT stores the same item
as ``data`` with the wrapper moved into ``__import_meta``; without either, the platform is taken from
the item's layout. Each item is a public post of its author (X: a retweet or a quote is a share, a reply
a comment; a TikTok comment capture is a comment). Platforms whose layout is not known here are
quarantined, never dropped. A line that is not a JSON object is quarantined as "line N".

4CAT's CSV export (``id, thread_id, body, author, timestamp, unix_timestamp`` plus columns per platform)
is read by ``FourCatCsvAdapter``; its platform is recognised from the columns. 4CAT writes times in UTC.
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
from jaganetral.ingest.jsonstream import TOO_DEEP, TooDeep, loads
from jaganetral.ingest.model import (
    AccountRef,
    Provenance,
    Quarantined,
    RawActivity,
    Record,
    UnreadableInput,
    from_unix,
)
from jaganetral.ingest.sources import SourceFile

_BOM = b"\xef\xbb\xbf"
_ZEESCHUIMER = re.compile(rb'^\{\s*"(?:nav_index|item_id|timestamp_collected|source_platform)"\s*:')
_LAYOUTS = ((b'"rest_id"', b'"legacy"'), (b'"taken_at"', b'"caption"'), (b'"createTime"', b'"author"'),
            (b'"cid"', b'"aweme_id"'))
_READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile)
_X_TIME = "%a %b %d %H:%M:%S %z %Y"


def platform_name(source_platform: str) -> str:
    """"x.com"/"twitter.com" -> "x", "tiktok-comments" -> "tiktok", "instagram.com" -> "instagram"."""
    name = source_platform.lower().removeprefix("www.").split(".")[0].removesuffix("-comments")
    return "x" if name == "twitter" else name


def _layout(data: dict[str, Any]) -> str | None:
    if "rest_id" in data or "legacy" in data:
        return "x"
    if "taken_at" in data or "taken_at_timestamp" in data or "shortcode" in data:
        return "instagram"
    if "createTime" in data or "cid" in data or "aweme_id" in data:
        return "tiktok"
    return None


class ZeeschuimerNdjsonAdapter(Adapter):
    name: ClassVar[str] = "zeeschuimer_ndjson"
    platform: ClassVar[str] = "zeeschuimer"

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith((".ndjson", ".jsonl")):
            return False
        first = head.removeprefix(_BOM).lstrip(b" \t\r\n").split(b"\n", 1)[0]
        if _ZEESCHUIMER.match(first) and b'"source_platform"' in first:
            return True
        return first.startswith(b"{") and (b'"__import_meta"' in first or any(
            a in first and b in first for a, b in _LAYOUTS))

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        label = source.path or source.name
        n = 0
        try:
            with source.open() as fh:
                for n, raw in enumerate(fh, 1):
                    line = raw.removeprefix(_BOM) if n == 1 else raw
                    if n == 1 and b"\x00" in line:
                        raise UnreadableInput(f"{label}: baris 1: berkas biner, bukan NDJSON")
                    if line.strip():
                        yield self._line(self.where(source, sha256, f"line {n}"), line)
        except _READ_ERRORS as exc:
            raise UnreadableInput(f"{label}: tidak dapat dibaca setelah baris {n}: {exc}") from exc

    def _line(self, where: Provenance, line: bytes) -> Record:
        excerpt = line[:200].decode("utf-8", "replace")
        try:
            item = loads(line)
        except TooDeep:
            return Quarantined(f"baris: {TOO_DEEP}", where, excerpt)
        except ValueError:  # also UnicodeDecodeError
            return Quarantined("baris bukan JSON yang sah", where, excerpt)
        if not isinstance(item, dict):
            return Quarantined("baris bukan objek JSON", where, excerpt)
        if isinstance(item.get("data"), dict):
            data, hint = item["data"], item.get("source_platform")
        else:
            meta = item.get("__import_meta")
            data = {k: v for k, v in item.items() if k != "__import_meta"}
            hint = meta.get("source_platform") if isinstance(meta, dict) else None
        platform = platform_name(hint) if isinstance(hint, str) and hint else _layout(data)
        reader = _READERS.get(platform or "")
        if platform is None or reader is None:
            return Quarantined(f"platform belum didukung: {hint or 'tidak diketahui'}", where, excerpt)
        try:
            return reader(platform, data, where)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            return Quarantined(f"item {platform} tidak terbaca ({type(exc).__name__})", where, excerpt)


def _s(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _epoch(value: Any) -> dt.datetime:
    return from_unix(int(value))


def _x(platform: str, data: dict[str, Any], where: Provenance) -> Record:
    if "legacy" not in data and isinstance(data.get("tweet"), dict):  # TweetWithVisibilityResults
        data = data["tweet"]
    legacy = data["legacy"]
    user = data["core"]["user_results"]["result"]
    handle = user.get("legacy", {}).get("screen_name") or user.get("core", {}).get("screen_name")
    name = user.get("legacy", {}).get("name") or user.get("core", {}).get("name")
    tid = _s(data.get("rest_id") or legacy.get("id_str"))
    account = AccountRef(platform, _s(handle), _s(user.get("rest_id")), _s(name))
    when = dt.datetime.strptime(legacy["created_at"], _X_TIME).astimezone(dt.UTC)
    text = str(legacy.get("full_text", ""))
    url = f"https://x.com/{handle}/status/{tid}" if handle and tid else None
    media = tuple(str(m["media_url_https"]) for m in legacy.get("extended_entities", {}).get("media", [])
                  if m.get("media_url_https"))
    kind: ActivityKind = "post"
    target_account = target_text = None
    retweet = legacy.get("retweeted_status_result", {}).get("result")
    quote = data.get("quoted_status_result", {}).get("result")
    if isinstance(retweet, dict):
        original = retweet.get("tweet", retweet)
        kind, text = "share", ""
        target_text = _s(original.get("legacy", {}).get("full_text"))
        target_account = _x_handle(original)
    elif legacy.get("in_reply_to_status_id_str"):
        kind, target_account = "comment", _s(legacy.get("in_reply_to_screen_name"))
    elif isinstance(quote, dict):
        original = quote.get("tweet", quote)
        kind, target_account = "share", _x_handle(original)
        target_text = _s(original.get("legacy", {}).get("full_text"))
    return RawActivity(platform, kind, account, when, text, where, target_text=target_text,
                       target_account=target_account, url=url, media=media, native_id=tid)


def _x_handle(tweet: dict[str, Any]) -> str | None:
    user = tweet.get("core", {}).get("user_results", {}).get("result", {})
    return _s(user.get("legacy", {}).get("screen_name") or user.get("core", {}).get("screen_name"))


def _instagram(platform: str, data: dict[str, Any], where: Provenance) -> Record:
    if "shortcode" in data:  # older GraphQL layout
        user = data["owner"]
        edges = data.get("edge_media_to_caption", {}).get("edges", [])
        text, code, taken = (edges[0]["node"]["text"] if edges else ""), data["shortcode"], data["taken_at_timestamp"]
        media: tuple[str, ...] = (str(data["display_url"]),) if data.get("display_url") else ()
    else:
        user = data["user"]
        caption = data.get("caption")
        text, code, taken = (caption or {}).get("text", ""), data.get("code"), data["taken_at"]
        items = data.get("carousel_media") or [data]
        media = tuple(str(c["image_versions2"]["candidates"][0]["url"]) for c in items
                      if c.get("image_versions2", {}).get("candidates"))
    account = AccountRef(platform, _s(user.get("username")), _s(user.get("pk") or user.get("id")),
                         _s(user.get("full_name")))
    url = f"https://www.instagram.com/p/{code}/" if code else None
    native = _s(data.get("pk") or data.get("id"))
    return RawActivity(platform, "post", account, _epoch(taken), str(text), where, url=url, media=media,
                       native_id=native)


def _tiktok(platform: str, data: dict[str, Any], where: Provenance) -> Record:
    if "cid" in data:  # tiktok-comments capture
        user = data.get("user") or {}
        account = AccountRef(platform, _s(user.get("unique_id")), _s(user.get("uid")), _s(user.get("nickname")))
        return RawActivity(platform, "comment", account, _epoch(data["create_time"]), str(data["text"]), where,
                           target_text=f"video {data.get('aweme_id')}", native_id=_s(data["cid"]))
    author = data["author"]
    if isinstance(author, dict):
        account = AccountRef(platform, _s(author.get("uniqueId")), _s(author.get("id")), _s(author.get("nickname")))
    else:
        account = AccountRef(platform, _s(author), _s(data.get("authorId")))
    vid = _s(data.get("id"))
    url = f"https://www.tiktok.com/@{account.handle}/video/{vid}" if account.handle and vid else None
    return RawActivity(platform, "post", account, _epoch(data["createTime"]), str(data.get("desc", "")), where,
                       url=url, native_id=vid)


_READERS = {"x": _x, "instagram": _instagram, "tiktok": _tiktok}

# 4CAT CSV: which columns tell the platform, and the column names per field
_CSV_CORE = {"id", "body", "author"}
_CSV_PLATFORMS = (("tiktok", {"tiktok_url"}), ("x", {"is_retweet"}), ("instagram", {"media_type", "num_likes"}),
                  ("facebook", {"is_in_group"}), ("telegram", {"chat", "author_username"}))
_YES = {"yes", "true", "1"}


class FourCatCsvAdapter(Adapter):
    name: ClassVar[str] = "fourcat_csv"
    platform: ClassVar[str] = "4cat"

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith(".csv"):
            return False
        first = head.removeprefix(_BOM).split(b"\n", 1)[0].decode("utf-8", "replace").strip()
        try:
            columns = {c.strip().strip('"') for c in next(csv.reader([first]), [])}
        except csv.Error:  # e.g. a lone carriage return inside the header: not a 4CAT header
            return False
        return columns >= _CSV_CORE and ("thread_id" in columns or "unix_timestamp" in columns)

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        label = source.path or source.name
        n = 0
        try:
            with source.open() as fh, io.TextIOWrapper(fh, encoding="utf-8-sig", newline="") as text:
                rows = csv.DictReader(text)
                columns = set(rows.fieldnames or ())
                if not columns >= _CSV_CORE:
                    raise UnreadableInput(f"{label}: baris 1: kolom 4CAT tidak ditemukan (id, body, author)")
                platform = next((p for p, need in _CSV_PLATFORMS if need <= columns), None)
                for n, row in enumerate(rows, 1):
                    yield self._row(platform, row, self.where(source, sha256, f"row {n}"))
        except (csv.Error, UnicodeDecodeError, *_READ_ERRORS) as exc:
            raise UnreadableInput(f"{label}: tidak dapat dibaca pada baris data {n + 1}: {exc}") from exc

    def _row(self, platform: str | None, row: dict[str | None, Any], where: Provenance) -> Record:
        excerpt = ",".join(str(v) for v in row.values() if v)[:200]
        if None in row or None in row.values():
            return Quarantined("jumlah kolom baris tidak sesuai kepala CSV", where, excerpt)
        url = row.get("link") or row.get("url") or row.get("tiktok_url") or ""
        platform = platform or _platform_of_url(url)
        if platform is None:
            return Quarantined("platform baris 4CAT tidak dikenali", where, excerpt)
        try:
            if row.get("unix_timestamp"):
                when = _epoch(row["unix_timestamp"])
            else:
                when = dt.datetime.fromisoformat(row["timestamp"]).replace(tzinfo=dt.UTC)
        except (KeyError, TypeError, ValueError, OverflowError):
            return Quarantined("waktu baris 4CAT tidak terbaca", where, excerpt)
        full = row.get("author_fullname") or row.get("author_full") or row.get("author_name")
        handle = row.get("author_username") if platform == "telegram" else row.get("author")
        account = AccountRef(platform, _s(handle), _s(row.get("author_id")), _s(full))
        kind: ActivityKind = "post"
        target = target_text = None
        if str(row.get("is_retweet", "")).lower() in _YES:
            kind, target = "share", _s(row.get("retweeted_user"))
        elif str(row.get("is_quote_tweet", "")).lower() in _YES:
            kind, target, target_text = "share", _s(row.get("quote_author")), _s(row.get("quote_body"))
        elif str(row.get("is_reply", "")).lower() in _YES:
            kind, target = "comment", _s(row.get("replied_author") or row.get("reply_to"))
        elif row.get("author_forwarded_from_name"):
            kind, target = "share", _s(row["author_forwarded_from_name"])
        group = _s(row.get("group_name") or row.get("chat"))
        return RawActivity(platform, kind, account, when, str(row.get("body") or ""), where, target_text=target_text,
                           target_account=target, target_group=group, url=_s(url), native_id=_s(row.get("id")))


def _platform_of_url(url: str) -> str | None:
    host = re.match(r"https?://(?:www\.|m\.)?([^/]+)", url)
    return platform_name(host.group(1)) if host else None
