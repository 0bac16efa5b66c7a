"""Facebook "Download Your Information" JSON, generations 2019 to 2026 (docs: export_formats.md §1).

Detected by wrapper key (``comments_v2``, ``reactions_v2``, ``following_v3`` …) or, for the bare
arrays (posts, 2023+ reactions), by file name. Author is always the export's owner (``account``
None). Localised story lines (``title``) are kept as target text, never parsed for meaning except
to tell a share ("shared a link", "đã chia sẻ", "membagikan" …) from a post.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from jaganetral.detect.model import ActivityKind
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.meta_text import excerpt, load_json, unix_time
from jaganetral.ingest.model import Ignored, Provenance, Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile

PLATFORM = "facebook"
POSTS_NAME = re.compile(r"^your_posts(__check_ins__photos_and_videos)?_\d+\.json$")
REACTIONS_NAME = re.compile(r"^likes_and_reactions(_\d+)?\.json$")
SHARE_TITLE = re.compile(
    r"\b(shared|membagikan|berbagi|delte|compartió|partagé|teilte|condivis)|chia sẻ", re.IGNORECASE
)
GROUP_TITLE = re.compile(r"(?:posted in|memposting di|mengirim di|posted to) (?P<g>.+?)\.?$")
# Wrapper keys of records that are not public activity (saved, searches, logins, followers, …).
PRIVATE = {
    "saves_v2": "tersimpan", "saved_items_v2": "tersimpan", "searches_v2": "pencarian",
    "account_accesses_v2": "login", "logins_v2": "login", "followers_v2": "pengikut", "followers_v3": "pengikut",
    "friends_v2": "teman", "received_requests_v2": "permintaan_teman", "sent_requests_v2": "permintaan_teman",
    "group_membership_questions_answers_v2": "jawaban_keanggotaan_grup",
}


class _Bad(Exception):
    """A record that cannot be read; the message is the reason (Bahasa Indonesia)."""


Handler = Callable[[dict[str, Any], Provenance], Record]


def _data(item: dict[str, Any], key: str) -> list[Any]:
    """Values of ``key`` in ``item["data"]`` (a list of one-key dicts)."""
    data = item.get("data", [])
    if not isinstance(data, list):
        raise _Bad("kolom 'data' bukan daftar")
    return [d[key] for d in data if isinstance(d, dict) and key in d]


def _time(item: dict[str, Any]) -> Any:
    try:
        return unix_time(item.get("timestamp"))
    except ValueError as exc:
        raise _Bad(f"stempel waktu tidak valid: {item.get('timestamp')!r}") from exc


def _attachments(item: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(media URIs, external URLs) of a post or comment."""
    media: list[str] = []
    urls: list[str] = []
    for att in item.get("attachments") or []:
        for d in (att.get("data") or []) if isinstance(att, dict) else []:
            if not isinstance(d, dict):
                continue
            uri = (d.get("media") or {}).get("uri") if isinstance(d.get("media"), dict) else None
            if isinstance(uri, str) and uri:
                media.append(uri)
            url = d["external_context"].get("url") if isinstance(d.get("external_context"), dict) else None
            if isinstance(url, str) and url:
                urls.append(url)
    return media, urls


def _post(item: dict[str, Any], prov: Provenance, group: bool = False) -> Record:
    text = "\n".join(p for p in _data(item, "post") if isinstance(p, str))
    title = item.get("title") if isinstance(item.get("title"), str) else None
    media, urls = _attachments(item)
    kind: ActivityKind = "share" if title and SHARE_TITLE.search(title) else "post"
    target_group = None
    if group:
        m = GROUP_TITLE.search(title or "")
        target_group = m.group("g") if m else (title or "")
    return RawActivity(
        PLATFORM, kind, None, _time(item), text, prov, target_text=title if kind == "share" else None,
        target_group=target_group, url=urls[0] if urls else None, media=tuple(media),
    )


def _group_post(item: dict[str, Any], prov: Provenance) -> Record:
    return _post(item, prov, group=True)


def _comment(item: dict[str, Any], prov: Provenance) -> Record:
    comments = [c for c in _data(item, "comment") if isinstance(c, dict)]
    text = "\n".join(c["comment"] for c in comments if isinstance(c.get("comment"), str))
    groups = [c["group"] for c in comments if isinstance(c.get("group"), str)]
    media, urls = _attachments(item)
    title = item.get("title") if isinstance(item.get("title"), str) else None
    return RawActivity(
        PLATFORM, "comment", None, _time(item), text, prov, target_text=title,
        target_group=groups[0] if groups else None, url=urls[0] if urls else None, media=tuple(media),
    )


def _reaction(item: dict[str, Any], prov: Provenance) -> Record:
    labels = item.get("label_values")
    if isinstance(labels, list):  # 2024+: [{"label": "Reaction", "value": "Like"}, {"label": "Name", …}]
        lv = {d.get("label"): d.get("value") for d in labels if isinstance(d, dict)}
        name, url = lv.get("Name"), lv.get("URL")
        fbid = item.get("fbid")
        return RawActivity(
            PLATFORM, "like", None, _time(item), "", prov, target_text=name if isinstance(name, str) else None,
            target_account=name if isinstance(name, str) else None, url=url if isinstance(url, str) else None,
            native_id=str(fbid) if fbid is not None else None,
        )
    title = item.get("title")
    if not isinstance(title, str) and not _data(item, "reaction"):
        raise _Bad("reaksi tanpa judul maupun data")
    return RawActivity(PLATFORM, "like", None, _time(item), "", prov,
                       target_text=title if isinstance(title, str) else None)


def _group_join(item: dict[str, Any], prov: Provenance) -> Record:
    names = [n for n in _data(item, "name") if isinstance(n, str)]
    if not names:  # leaving a group and other events carry only a localised title
        return Ignored("aktivitas_grup_lain", prov)
    return RawActivity(PLATFORM, "group_join", None, _time(item), "", prov, target_group=names[0])


def _group_admin(item: dict[str, Any], prov: Provenance) -> Record:
    name = item.get("name")
    if not isinstance(name, str) or not name:
        raise _Bad("grup yang dikelola tanpa nama")
    return RawActivity(PLATFORM, "group_join", None, _time(item), "", prov, target_group=name)


def _follow(item: dict[str, Any], prov: Provenance) -> Record:
    names = [n for n in _data(item, "name") if isinstance(n, str)] if "data" in item else []
    name = names[0] if names else item.get("name")
    if not isinstance(name, str) or not name:
        raise _Bad("akun/halaman yang diikuti tanpa nama")
    return RawActivity(PLATFORM, "follow", None, _time(item), "", prov, target_account=name)


def _page_like(item: dict[str, Any], prov: Provenance) -> Record:
    name, url = item.get("name"), item.get("url")
    if not isinstance(name, str) or not name:
        raise _Bad("halaman yang disukai tanpa nama")
    return RawActivity(PLATFORM, "like", None, _time(item), "", prov, target_text=name, target_account=name,
                       url=url if isinstance(url, str) else None)


HANDLERS: dict[str, Handler] = {
    "comments_v2": _comment, "comments": _comment, "group_comments_v2": _comment,
    "reactions_v2": _reaction, "reactions": _reaction,
    "group_posts_v2": _group_post,
    "groups_joined_v2": _group_join, "groups_joined": _group_join, "groups_admined_v2": _group_admin,
    "pages_followed_v2": _follow, "pages_followed": _follow, "following_v3": _follow, "following_v2": _follow,
    "page_likes_v2": _page_like, "page_likes": _page_like,
}
KEY_HEAD = re.compile(rb'^\s*\[?\s*\{\s*"(?P<k>[a-z_0-9]+)"\s*:\s*[\[{]')


class FacebookDyiAdapter(Adapter):
    name: ClassVar[str] = "facebook_dyi"
    platform: ClassVar[str] = PLATFORM

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith(".json"):
            return False
        m = KEY_HEAD.match(head)
        if m:
            key = m.group("k").decode()
            if key in HANDLERS or key in PRIVATE:
                return True
        stripped = head.lstrip()
        if not stripped.startswith(b"["):
            return False
        name = source.name
        if POSTS_NAME.match(name) or REACTIONS_NAME.match(name):
            return b'"timestamp"' in head or stripped[1:].lstrip().startswith(b"]")
        return False

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        data = load_json(source)
        where = source.path or source.name
        seen: set[str] = set()
        for locator, item, handler, private in self._items(data, source.name, where):
            key = json.dumps(item, sort_keys=True, ensure_ascii=False)
            if key in seen:  # the same record twice in one file: emitted once
                continue
            seen.add(key)
            prov = self.where(source, sha256, locator)
            if private is not None:
                yield Ignored(private, prov)
                continue
            if not isinstance(item, dict):
                yield Quarantined("rekaman bukan objek JSON", prov, excerpt(item))
                continue
            try:
                yield handler(item, prov)
            except (_Bad, AttributeError, TypeError, KeyError) as exc:
                reason = str(exc) if isinstance(exc, _Bad) else f"struktur rekaman tidak dikenal ({exc})"
                yield Quarantined(reason, prov, excerpt(item))

    def _items(self, data: Any, name: str, where: str) -> Iterator[tuple[str, Any, Handler, str | None]]:
        if isinstance(data, list) and data and all(isinstance(d, dict) and len(d) == 1
                                                   and next(iter(d)) in HANDLERS | PRIVATE for d in data):
            for i, body in enumerate(data):  # several file bodies in one array (a test construct)
                yield from self._wrapped(body, where, prefix=f"[{i}].")
        elif isinstance(data, list):
            handler = _reaction if REACTIONS_NAME.match(name) else _post
            for i, item in enumerate(data):
                yield f"[{i}]", item, handler, None
        elif isinstance(data, dict):
            yield from self._wrapped(data, where)
        else:
            raise UnreadableInput(f"{where}: isi teratas bukan daftar atau objek JSON")

    def _wrapped(self, body: dict[str, Any], where: str,
                 prefix: str = "") -> Iterator[tuple[str, Any, Handler, str | None]]:
        known = [k for k in body if k in HANDLERS or k in PRIVATE]
        if not known:
            raise UnreadableInput(f"{where}: kunci pembungkus tidak dikenal: {', '.join(sorted(body))[:120]}")
        for key in known:
            items = body[key]
            if isinstance(items, dict):  # e.g. {"group_answers": [...]}: one private record
                items = [items]
            if not isinstance(items, list):
                raise UnreadableInput(f"{where}: '{key}' bukan daftar")
            for i, item in enumerate(items):
                yield f"{prefix}{key}[{i}]", item, HANDLERS.get(key, _post), PRIVATE.get(key)
