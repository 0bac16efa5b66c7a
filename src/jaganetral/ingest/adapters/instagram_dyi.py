"""Instagram "Download your information" JSON, 2024 layout and the 2026 likes/saved layout (§2).

Detected by wrapper key (``likes_media_likes``, ``relationships_following`` …) or, for bare arrays,
by file name. Stories are published content visible to the account's followers, so they are read
as posts (export_formats.md §2.1 lists ``stories.json`` under posts), not ignored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.meta_text import excerpt, load_json, unix_time
from jaganetral.ingest.model import Ignored, Provenance, Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile

PLATFORM = "instagram"
USER_URL = re.compile(r"instagram\.com/(?:_u/)?(?P<u>[A-Za-z0-9._]+)/?$")


class _Bad(Exception):
    """A record that cannot be read; the message is the reason (Bahasa Indonesia)."""


Handler = Callable[[dict[str, Any], Provenance], Record]


def _time(value: Any) -> Any:
    try:
        return unix_time(value)
    except ValueError as exc:
        raise _Bad(f"stempel waktu tidak valid: {value!r}") from exc


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _post(item: dict[str, Any], prov: Provenance) -> Record:
    media = item.get("media")
    if media is None and "uri" in item:  # a story: one media item per record
        media = [item]
    if not isinstance(media, list) or not media or not all(isinstance(m, dict) for m in media):
        raise _Bad("kiriman tanpa daftar media")
    first = media[0]
    text = _str(item.get("title")) or _str(first.get("title")) or ""
    when = item.get("creation_timestamp", first.get("creation_timestamp"))
    uris = tuple(m["uri"] for m in media if _str(m.get("uri")))
    return RawActivity(PLATFORM, "post", None, _time(when), text, prov, media=uris)


def _string_list(item: dict[str, Any]) -> dict[str, Any]:
    sld = item.get("string_list_data")
    if not isinstance(sld, list) or not sld or not isinstance(sld[0], dict):
        raise _Bad("rekaman tanpa 'string_list_data'")
    first: dict[str, Any] = sld[0]
    return first


def _comment(item: dict[str, Any], prov: Provenance) -> Record:
    smd = item.get("string_map_data")
    if isinstance(smd, dict):  # 2024: {"Comment": {"value"}, "Media Owner": {"value"}, "Time": {"timestamp"}}
        text = _str((smd.get("Comment") or {}).get("value"))
        if text is None:
            raise _Bad("komentar tanpa teks")
        owner = _str((smd.get("Media Owner") or {}).get("value"))
        when = (smd.get("Time") or {}).get("timestamp")
        return RawActivity(PLATFORM, "comment", None, _time(when), text, prov, target_account=owner)
    sl = _string_list(item)  # older: {"title": owner, "string_list_data": [{"value", "timestamp"}]}
    return RawActivity(PLATFORM, "comment", None, _time(sl.get("timestamp")), _str(sl.get("value")) or "",
                       prov, target_account=_str(item.get("title")))


def _label_values(values: Any, out: dict[str, list[str]]) -> dict[str, list[str]]:
    """2026 ``label_values``, walked recursively: label (with its parent title) → values."""
    for entry in values if isinstance(values, list) else []:
        if not isinstance(entry, dict):
            continue
        if _str(entry.get("label")) and _str(entry.get("value")):
            out.setdefault(entry["label"], []).append(entry["value"])
        title = entry.get("title") or ""
        for sub in entry.get("dict") or []:
            inner = _label_values(sub.get("dict") if isinstance(sub, dict) else None, {})
            for label, vals in inner.items():
                out.setdefault(f"{title}.{label}" if title else label, []).extend(vals)
    return out


def _like(item: dict[str, Any], prov: Provenance) -> Record:
    if "label_values" in item:  # 2026 bare array
        lv = _label_values(item["label_values"], {})
        caption = "\n".join(lv.get("Caption", []))
        tags = " ".join("#" + t.lstrip("#") for t in lv.get("Hashtags.Name", []))
        owners = lv.get("Owner.Username") or lv.get("Owner.Name") or []
        urls = lv.get("URL") or []
        fbid = item.get("fbid")
        return RawActivity(
            PLATFORM, "like", None, _time(item.get("timestamp")), "", prov,
            target_text=" ".join(p for p in (caption, tags) if p) or None, target_account=owners[0] if owners else None,
            url=urls[0] if urls else None, native_id=str(fbid) if fbid is not None else None,
        )
    sl = _string_list(item)
    href = _str(sl.get("href"))
    return RawActivity(PLATFORM, "like", None, _time(sl.get("timestamp")), "", prov,
                       target_account=_str(item.get("title")), url=href)


def _follow(item: dict[str, Any], prov: Provenance) -> Record:
    sl = _string_list(item)
    href = _str(sl.get("href"))
    m = USER_URL.search(href or "")
    user = _str(sl.get("value")) or _str(item.get("title")) or (m.group("u") if m else None)
    if user is None:
        raise _Bad("akun yang diikuti tanpa nama pengguna")
    return RawActivity(PLATFORM, "follow", None, _time(sl.get("timestamp")), "", prov, target_account=user,
                       url=href)


HANDLERS: dict[str, Handler] = {
    "ig_stories": _post, "comments_media_comments": _comment, "comments_reels_comments": _comment,
    "likes_media_likes": _like, "likes_comment_likes": _like, "relationships_following": _follow,
}
PRIVATE = {"saved_saved_media": "tersimpan", "saved_saved_collections": "tersimpan",
           "relationships_followers": "pengikut"}
# bare arrays, by file name → handler, or None + category for ignored files
BARE: list[tuple[re.Pattern[str], Handler | None, str]] = [
    (re.compile(r"^posts_\d+\.json$"), _post, ""),
    (re.compile(r"^(post|reels)_comments(_\d+)?\.json$"), _comment, ""),
    (re.compile(r"^liked_(posts|comments)\.json$"), _like, ""),
    (re.compile(r"^saved_posts\.json$"), None, "tersimpan"),
    (re.compile(r"^followers(_\d+)?\.json$"), None, "pengikut"),
]
KEY_HEAD = re.compile(rb'^\s*\{\s*"(?P<k>[a-z_0-9]+)"\s*:\s*\[')


class InstagramDyiAdapter(Adapter):
    name: ClassVar[str] = "instagram_dyi"
    platform: ClassVar[str] = PLATFORM

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith(".json"):
            return False
        m = KEY_HEAD.match(head)
        if m:
            key = m.group("k").decode()
            return key in HANDLERS or key in PRIVATE
        return head.lstrip().startswith(b"[") and any(p.match(source.name) for p, _, _ in BARE)

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        data = load_json(source)
        where = source.path or source.name
        if isinstance(data, dict):
            keys = [k for k in data if k in HANDLERS or k in PRIVATE]
            if not keys:
                raise UnreadableInput(f"{where}: kunci pembungkus tidak dikenal: {', '.join(sorted(data))[:120]}")
            batches = [(f"{k}", data[k], HANDLERS.get(k), PRIVATE.get(k, "")) for k in keys]
        elif isinstance(data, list):
            match = next(((h, c) for p, h, c in BARE if p.match(source.name)), None)
            if match is None:
                raise UnreadableInput(f"{where}: daftar JSON dari berkas yang tidak dikenal")
            batches = [("", data, match[0], match[1])]
        else:
            raise UnreadableInput(f"{where}: isi teratas bukan daftar atau objek JSON")
        seen: set[str] = set()
        for key, items, handler, category in batches:
            if not isinstance(items, list):
                raise UnreadableInput(f"{where}: '{key}' bukan daftar")
            for i, item in enumerate(items):
                sig = json.dumps(item, sort_keys=True, ensure_ascii=False)
                if sig in seen:  # the same record twice in one file: emitted once
                    continue
                seen.add(sig)
                prov = self.where(source, sha256, f"{key}[{i}]")
                if handler is None:
                    yield Ignored(category, prov)
                elif not isinstance(item, dict):
                    yield Quarantined("rekaman bukan objek JSON", prov, excerpt(item))
                else:
                    try:
                        yield handler(item, prov)
                    except (_Bad, AttributeError, TypeError, KeyError) as exc:
                        reason = str(exc) if isinstance(exc, _Bad) else f"struktur rekaman tidak dikenal ({exc})"
                        yield Quarantined(reason, prov, excerpt(item))
