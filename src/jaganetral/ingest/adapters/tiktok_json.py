"""TikTok "Download your data" JSON: ``user_data.json`` / ``user_data_tiktok.json``, every layout.

The layouts (2021–2024 "Activity", 2024–2025 "Your Activity", 2025-01 "Profile"/"Video", 2026
"Likes and Favorites") differ in where a list sits, not in the list itself: every list lies three
levels deep (``<top>/<section>/<list key>``) and is recognised by its list key (and, for the
ambiguous ``VideoList``, by its section). Own posts, comments, likes, followed accounts and LIVE
comments become activities; favourites, watch, search, login and share history, followers,
hashtags and direct messages are counted as ignored. Dates are naive strings, taken as UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from jaganetral.detect.model import ActivityKind
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.jsonstream import iter_json_arrays
from jaganetral.ingest.model import AccountRef, Ignored, OwnerIdentity, Provenance, Quarantined, RawActivity, Record
from jaganetral.ingest.sources import SourceFile

NAME = re.compile(r"^user_data(_tiktok)?\b.*\.json$", re.I)
MARKERS = (b'"Your Activity"', b'"Likes and Favorites"', b'"ItemFavoriteList"', b'"Tiktok Live"',
           b'"Video Browsing History"', b'"ProfileMap"', b'"FavoriteVideoList"')
POST_SECTIONS = {"Videos", "Posts", "Recently Deleted Posts", "RecentlyDeletedPosts"}
ACTIVITY_LISTS: dict[str, ActivityKind] = {"PostList": "post", "CommentsList": "comment",
                                           "ItemFavoriteList": "like", "Following": "follow"}
IGNORED_LISTS = {"FansList": "pengikut", "SearchList": "riwayat pencarian", "LoginHistoryList": "riwayat login",
                 "ShareHistoryList": "riwayat berbagi", "HashtagList": "tagar"}
VIDEO_ID = re.compile(r"/video/(\d+)")
EMPTY: tuple[object, ...] = (None, "", {}, [], "N/A", "None")


class Skip(ValueError):
    """A record that cannot be read; the message is the user-facing reason."""


def parse_date(value: object) -> dt.datetime | None:
    """``"2024-12-08 04:24:23"`` (no zone, taken as UTC) → aware UTC; empty → None."""
    if value in EMPTY:
        return None
    if not isinstance(value, str):
        raise Skip(f"tanggal bukan teks: {value!r}")
    try:
        return dt.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.UTC)
    except ValueError as exc:
        raise Skip(f"tanggal tidak dapat dibaca: {value!r}") from exc


def _get(item: dict[str, Any], *keys: str) -> Any:
    """The first present key, trying each as written and lower-case (TikTok changed key case in 2024)."""
    for key in keys:
        for k in (key, key.lower()):
            if k in item:
                return item[k]
    return None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value not in EMPTY else None


def load_json(source: SourceFile) -> dict[str, Any]:
    """The top-level sections; UnreadableInput (line, column, position) when the file is not valid JSON.

    Read through ``jsonstream`` (top-level members one at a time) for its Indonesian messages;
    each section is still decoded whole, as the lists of one section are not in a fixed place.
    """
    sections: dict[str, Any] = {}
    with source.open() as fh:
        for _ in iter_json_arrays(fh, source.path or source.name, [], sections):
            pass
    return sections


class TikTokJsonAdapter(Adapter):
    name: ClassVar[str] = "tiktok_json"
    platform: ClassVar[str] = "tiktok"

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith(".json"):
            return False
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not start.startswith(b"{"):
            return False
        return NAME.match(source.name) is not None or any(m in head for m in MARKERS)

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        data = load_json(source)
        owner = _owner(data)
        if owner is not None:  # first, so that every activity of the file is the owner's, wherever the profile is
            where = self.where(source, sha256, owner[0])
            yield OwnerIdentity(AccountRef(self.platform, handle=owner[1]), where, category=None, folder=False)
        for top, sections in data.items():
            if not isinstance(sections, dict):
                continue
            for section, lists in sections.items():
                if not isinstance(lists, dict):
                    continue
                for key, value in lists.items():
                    yield from self._list(source, sha256, f"{top}/{section}/{key}", section, key, value)

    def _list(self, source: SourceFile, sha256: str, path: str, section: str, key: str,
              value: object) -> Iterator[Record]:
        if key == "ChatHistory":
            for chat, messages in (value.items() if isinstance(value, dict) else ()):
                for i, _ in enumerate(messages if isinstance(messages, list) else ()):
                    yield Ignored("pesan langsung", self.where(source, sha256, f"{path}/{chat}[{i}]"))
            return
        if key == "WatchLiveMap":
            for room, info in (value.items() if isinstance(value, dict) else ()):
                comments = info.get("Comments") if isinstance(info, dict) else None
                for i, item in enumerate(comments if isinstance(comments, list) else ()):
                    where = self.where(source, sha256, f"{path}/{room}/Comments[{i}]")
                    yield self._guard(item, where, lambda d, w: self._live_comment(d, w))
            return
        kind: ActivityKind | None = ACTIVITY_LISTS.get(key)
        category = IGNORED_LISTS.get(key)
        if key == "VideoList":
            if section in POST_SECTIONS:
                kind = "post"
            else:
                category = "riwayat tontonan"
        elif key.startswith("Favorite"):
            category = "favorit"
        if kind is None and category is None:
            return
        if value in EMPTY:
            return
        if not isinstance(value, list):
            yield Quarantined("bagian ini bukan daftar", self.where(source, sha256, path), _excerpt(value))
            return
        for i, item in enumerate(value):
            where = self.where(source, sha256, f"{path}[{i}]")
            if category is not None:
                yield Ignored(category, where)
            elif kind is not None:
                yield self._guard(item, where, lambda d, w, k=kind: self._activity(k, d, w))

    @staticmethod
    def _guard(item: object, where: Provenance, make: Any) -> Record:
        if not isinstance(item, dict):
            return Quarantined("rekaman bukan objek JSON", where, _excerpt(item))
        try:
            record: Record = make(item, where)
        except Skip as exc:
            return Quarantined(str(exc), where, _excerpt(item))
        return record

    def _activity(self, kind: ActivityKind, item: dict[str, Any], where: Provenance) -> RawActivity:
        created = parse_date(_get(item, "Date", "CreateTime"))
        if kind == "post":
            links = [s.strip() for s in str(_get(item, "Link") or "").split("\n") if s.strip()]
            title = _get(item, "Title", "Description")
            return RawActivity(self.platform, "post", None, created, title if isinstance(title, str) else "",
                               where, media=tuple(links))
        if kind == "comment":
            text = _get(item, "Comment", "CommentContent")
            if not isinstance(text, str):
                raise Skip("komentar tanpa teks")
            photo = _str(_get(item, "Photo"))
            return RawActivity(self.platform, "comment", None, created, text, where, url=_str(_get(item, "Url")),
                               media=(photo,) if photo else ())
        if kind == "like":
            link = _str(_get(item, "Link", "VideoLink"))
            if link is None:
                raise Skip("suka tanpa tautan video")
            vid = VIDEO_ID.search(link)
            return RawActivity(self.platform, "like", None, created, "", where, url=link,
                               native_id=vid.group(1) if vid else None)
        user = _str(_get(item, "UserName", "Username"))
        if user is None:
            raise Skip("akun yang diikuti tanpa UserName")
        return RawActivity(self.platform, "follow", None, created, "", where, target_account=user)

    def _live_comment(self, item: dict[str, Any], where: Provenance) -> RawActivity:
        text = _get(item, "CommentContent")
        if not isinstance(text, str):
            raise Skip("komentar LIVE tanpa teks")
        return RawActivity(self.platform, "comment", None, parse_date(_get(item, "CommentTime")), text, where)


def _owner(data: dict[str, Any]) -> tuple[str, str] | None:
    """Where the profile's ``userName`` is and its value: the export's owner (only the handle is kept)."""
    for top, sections in data.items():
        for section, lists in (sections.items() if isinstance(sections, dict) else ()):
            profile = lists.get("ProfileMap") if isinstance(lists, dict) else None
            name = _str(profile.get("userName")) if isinstance(profile, dict) else None
            if name is not None and name.upper() not in ("N/A", "REDACTED"):
                return f"{top}/{section}/ProfileMap", name.lstrip("@")
    return None


def _excerpt(item: object) -> str:
    return json.dumps(item, ensure_ascii=False, sort_keys=True)[:200]
