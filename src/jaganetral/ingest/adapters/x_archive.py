"""X / Twitter archive data files: ``window.YTD.<name>.partN = [ ... ]`` (2020, 2022 and 2026 generations).

The data type is taken from the global name, not the file name (``tweet.js`` → ``tweet``, 2022+
``tweets.js`` → ``tweets``, ``tweets-part1.js`` → ``tweets``, ``deleted-tweets.js`` →
``deleted_tweets``). Own tweets become posts, replies comments, retweets ("RT @x: …") and quote
tweets shares; likes and followed accounts become likes and follows. Followers, direct messages,
ad data and every other data type are counted as ignored. Long tweets (``note-tweet.js``) are
emitted as posts with their full text: one file is read at a time, so they cannot be merged into
the truncated copy in ``tweets.js``.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any, ClassVar

from jaganetral.detect.model import ActivityKind
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.jsonstream import iter_json_array
from jaganetral.ingest.model import (
    AccountRef,
    Ignored,
    OwnerIdentity,
    Provenance,
    Quarantined,
    RawActivity,
    Record,
    UnreadableInput,
    utc,
)
from jaganetral.ingest.sources import SourceFile

PREFIX = re.compile(r"\A\ufeff?\s*window\.YTD\.([A-Za-z0-9_]+)\.part(\d+)\s*=")
RETWEET = re.compile(r"\ART @(\w{1,50}):\s?(.*)\Z", re.DOTALL)
STATUS_URL = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,50})/status(?:es)?/(\d+)", re.I)
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"), start=1)}
RFC = re.compile(r"^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$")
TWEET_TYPES = {"tweet", "tweets", "deleted_tweet", "deleted_tweets", "community_tweet"}
NOTE_TYPES = {"note_tweet", "note_tweets"}
IGNORED_CATEGORIES = {"follower": "pengikut", "account": "data akun", "block": "daftar blokir", "mute": "daftar bisu"}



class Skip(ValueError):
    """A record that cannot be read; the message is the user-facing reason."""


def parse_time(value: object) -> dt.datetime | None:
    """``"Wed Oct 10 20:19:24 +0000 2018"`` or ISO 8601 with a zone, as UTC; empty → None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise Skip(f"waktu bukan teks: {value!r}")
    m = RFC.match(value.strip())
    try:
        if m and m.group(1).lower() in MONTHS:
            mon, day, hh, mi, ss, sign, oh, om, year = m.groups()
            if oh == "00" and om == "00":  # every archive writes +0000: already UTC, no conversion needed
                return dt.datetime(int(year), MONTHS[mon.lower()], int(day), int(hh), int(mi), int(ss), tzinfo=dt.UTC)
            offset = dt.timedelta(hours=int(oh), minutes=int(om)) * (-1 if sign == "-" else 1)
            stamp = dt.datetime(int(year), MONTHS[mon.lower()], int(day), int(hh), int(mi), int(ss),
                                tzinfo=dt.timezone(offset))
        else:
            stamp = dt.datetime.fromisoformat(value.strip())
        return utc(stamp)
    except ValueError as exc:
        raise Skip(f"waktu tidak dapat dibaca: {value!r}") from exc


def _text(value: object) -> str:
    return html.unescape(value) if isinstance(value, str) else ""


def _str(value: object) -> str | None:
    kind = type(value)
    if kind is str:  # the common cases first (isinstance with a union is slow)
        return value or None  # type: ignore[return-value]
    if kind is int:
        return str(value)
    if isinstance(value, str | int) and not isinstance(value, bool) and str(value) != "":
        return str(value)
    return None


def _excerpt(item: object) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)[:200]


class _Blanked(io.RawIOBase):
    """The file's bytes with the JS prefix (and a final ";") replaced by spaces, so positions stay true."""

    def __init__(self, inner: IO[bytes], blank_from: int, blank_to: int) -> None:
        self.inner, self.blank_from, self.blank_to = inner, blank_from, blank_to
        self.offset = 0
        self.ready = b""  # bytes to hand out
        self.held = b""  # trailing whitespace/";" kept back until more data or the end shows up

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while not self.ready:
            data = self.inner.read(max(len(view), 1))
            if not data:
                self.ready, self.held = self.held.replace(b";", b" ", 1), b""
                break
            if self.offset < self.blank_to:
                cut = max(0, min(len(data), self.blank_to - self.offset))
                keep = max(0, min(cut, self.blank_from - self.offset))
                data = data[:keep] + b" " * (cut - keep) + data[cut:]
            self.offset += len(data)
            joined = self.held + data
            self.ready = joined.rstrip(b" \t\r\n;")
            self.held = joined[len(self.ready):]
        n = min(len(self.ready), len(view))
        view[:n] = self.ready[:n]
        self.ready = self.ready[n:]
        return n


def iter_ytd(source: SourceFile) -> Iterator[tuple[str, int, Any]]:
    """(data type, index, item) of a ``window.YTD`` file, streamed one item at a time.

    UnreadableInput (naming line, column and position in the file itself) when the prefix is
    missing or the array is not valid JSON.
    """
    where = source.path or source.name
    head = source.head(512)
    bom = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    m = PREFIX.match(head.decode("utf-8", errors="replace"))
    if m is None:
        raise UnreadableInput(f"{where}: baris 1, kolom 1: awalan 'window.YTD.<nama>.partN =' tidak ditemukan")
    prefix_bytes = len(head.decode("utf-8", errors="replace")[: m.end()].encode("utf-8"))
    with source.open() as fh:
        stream = io.BufferedReader(_Blanked(fh, bom, prefix_bytes))
        for index, item in iter_json_array(stream, where):
            yield m.group(1), index, item


class XArchiveAdapter(Adapter):
    name: ClassVar[str] = "x_archive"
    platform: ClassVar[str] = "x"

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith(".js"):
            return False
        return PREFIX.match(head[:512].decode("utf-8", errors="replace")) is not None

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        label = source.name
        path = source.path or source.name  # as Adapter.where
        seen: set[str] = set()
        one = None
        for kind, index, item in iter_ytd(source):
            where = Provenance(sha256, path, f"{label}[{index}]")
            if one is None:  # the data type is the file's global name: the same for every item
                one = self._reader(kind)
            try:
                key, record = one(item, where)
            except Skip as exc:
                yield Quarantined(str(exc), where, _excerpt(item))
                continue
            if key is not None:
                if key in seen:
                    yield Ignored("duplikat dalam berkas", where)
                    continue
                seen.add(key)
            yield record

    def _one(self, kind: str, item: object, where: Provenance) -> tuple[str | None, Record]:
        return self._reader(kind)(item, where)

    def _reader(self, kind: str) -> Callable[[object, Provenance], tuple[str | None, Record]]:
        """What turns one item of a ``kind`` file into (in-file dedup key, record)."""
        if kind in TWEET_TYPES:
            return lambda item, where: self._tweet(
                _unwrap(item, ("tweet", "deleted_tweet", "community_tweet"), accept_bare="id_str"), where)
        if kind in NOTE_TYPES:
            return lambda item, where: self._note(
                _unwrap(item, ("noteTweet", "note_tweet"), accept_bare="noteTweetId"), where)
        if kind == "like":
            return lambda item, where: self._like(_unwrap(item, ("like",), accept_bare="tweetId"), where)
        if kind == "following":
            return lambda item, where: self._follow(_unwrap(item, ("following",), accept_bare="accountId"), where)
        if kind == "account":
            return lambda item, where: self._account(_unwrap(item, ("account",), accept_bare="accountId"), where)
        category = _category(kind)
        return lambda item, where: (None, Ignored(category, where))

    def _account(self, a: dict[str, Any], where: Provenance) -> tuple[str | None, Record]:
        """The archive owner's own account (``account.js``): username, numeric id, display name."""
        handle, numeric_id = _str(a.get("username")), _str(a.get("accountId"))
        if handle is None and numeric_id is None:
            return None, Ignored(IGNORED_CATEGORIES["account"], where)
        ref = AccountRef(self.platform, handle, numeric_id, _str(a.get("accountDisplayName")))
        return None, OwnerIdentity(ref, where, IGNORED_CATEGORIES["account"])

    def _tweet(self, t: dict[str, Any], where: Provenance) -> tuple[str | None, Record]:
        tid = _str(t.get("id_str")) or _str(t.get("id"))
        full = t.get("full_text", t.get("text"))
        if not isinstance(full, str):
            raise Skip("tweet tanpa teks (full_text)")
        created = parse_time(t.get("created_at"))
        text = _text(full)
        url = f"https://twitter.com/i/web/status/{tid}" if tid else None
        entities = _dict(t.get("entities"))
        kind: ActivityKind = "post"
        target_account: str | None = None
        target_text: str | None = None
        rt = RETWEET.match(text)
        if rt:
            kind, target_account, target_text, text = "share", rt.group(1), rt.group(2), ""
        elif _str(t.get("in_reply_to_status_id_str")) or _str(t.get("in_reply_to_status_id")):
            kind, target_account = "comment", _str(t.get("in_reply_to_screen_name"))
        else:
            for u in _dicts(entities.get("urls")):
                qm = STATUS_URL.match(str(u.get("expanded_url") or ""))
                if qm:
                    kind, target_account = "share", qm.group(1)
                    break
        activity = RawActivity(
            platform=self.platform, kind=kind, account=None, created_at=created, text=text, provenance=where,
            target_text=target_text, target_account=target_account, url=url, media=_media(t), native_id=tid)
        return tid, activity

    def _note(self, n: dict[str, Any], where: Provenance) -> tuple[str | None, Record]:
        core = _dict(n.get("core"))
        text = core.get("text")
        if not isinstance(text, str):
            raise Skip("tweet panjang tanpa teks (core.text)")
        nid = _str(n.get("noteTweetId"))
        activity = RawActivity(
            platform=self.platform, kind="post", account=None, created_at=parse_time(n.get("createdAt")),
            text=_text(text), provenance=where, native_id=f"note:{nid}" if nid else None)
        return (f"note:{nid}" if nid else None), activity

    def _like(self, like: dict[str, Any], where: Provenance) -> tuple[str | None, Record]:
        tid = _str(like.get("tweetId"))
        url = _str(like.get("expandedUrl")) or (f"https://twitter.com/i/web/status/{tid}" if tid else None)
        if tid is None and url is None:
            raise Skip("suka tanpa tweetId maupun expandedUrl")
        full = like.get("fullText")
        qm = STATUS_URL.match(url or "")
        owner = qm.group(1) if qm and qm.group(1).lower() != "i" else None
        activity = RawActivity(
            platform=self.platform, kind="like", account=None, created_at=None, text="", provenance=where,
            target_text=_text(full) if isinstance(full, str) else None, target_account=owner, url=url, native_id=tid)
        return (tid or url), activity

    def _follow(self, f: dict[str, Any], where: Provenance) -> tuple[str | None, Record]:
        account = _str(f.get("accountId"))
        if account is None:
            raise Skip("akun yang diikuti tanpa accountId")
        activity = RawActivity(
            platform=self.platform, kind="follow", account=None, created_at=None, text="", provenance=where,
            target_account=account, url=_str(f.get("userLink")))
        return account, activity


def _unwrap(item: object, wrappers: tuple[str, ...], accept_bare: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise Skip("rekaman bukan objek JSON")
    inner = item.get(wrappers[0])
    if type(inner) is dict:  # the usual wrapper
        return inner
    for key in wrappers:
        inner = item.get(key)
        if isinstance(inner, dict):
            return inner
    if accept_bare in item:
        return item
    raise Skip(f"rekaman tanpa pembungkus yang dikenal ({', '.join(wrappers)})")


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _media(t: dict[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    for holder in (t.get("extended_entities"), t.get("entities")):
        if isinstance(holder, dict):
            for m in _dicts(holder.get("media")):
                url = m.get("media_url_https") or m.get("media_url")
                if isinstance(url, str) and url not in found:
                    found.append(url)
    return tuple(found)


def _category(kind: str) -> str:
    if kind in IGNORED_CATEGORIES:
        return IGNORED_CATEGORIES[kind]
    if kind.startswith("direct_message"):
        return "pesan langsung"
    if kind.startswith("ad_") or kind.startswith("ads_") or kind == "personalization":
        return "data iklan"
    return f"lainnya: {kind}"
