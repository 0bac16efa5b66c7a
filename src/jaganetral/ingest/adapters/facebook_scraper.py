"""kevinzg facebook-scraper output: the CLI's CSV, or a JSON list of post dicts (``get_posts``).

Each post is a post of its author (``username``/``user_id``/``user_url``), or a share when
``shared_text``/``shared_post_url``/``shared_post_id`` says so (the shared text as target text,
the shared author as target account). ``timestamp`` (Unix) is used when present, else ``time``,
a naive local time taken in ``tz`` (default WIB). Group posts (``/groups/<id>/`` in
``post_url``) name the group as target group. ``comments_full`` (and their ``replies``) become
comments of the commenters, with the post (or parent comment) text as target text.

``reactors`` (``[{name, link, type}]``, with the ``reactors`` option) lists the people who reacted to
the post: each is a like by that person (not by the scraped page), with the post text as target
text, its author as target account and no date (the scraper gives none). ``comment_reactors`` on a
comment are likes of that comment the same way. The ``reactions`` counts name no one and are skipped.

The CSV writes lists and dicts as Python repr (``['…']``, ``datetime.datetime(…)``): they are read
by a small literal evaluator. The CSV is streamed row by row, the JSON item by item.
"""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from jaganetral.detect.model import WIB
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.adapters.generic_table import csv_header, iter_csv_rows
from jaganetral.ingest.jsonstream import iter_json_array
from jaganetral.ingest.model import AccountRef, Provenance, Quarantined, RawActivity, Record, from_unix, utc
from jaganetral.ingest.sources import SourceFile

_SIGNATURE = ("post_id", "post_url")
_GROUP = re.compile(r"/groups/([^/?#]+)")
_HANDLE = re.compile(r"^(?:https?://)?(?:[a-z0-9-]+\.)?facebook\.com/([A-Za-z0-9.]+)/?(?:[?#]|$)")
_NOT_HANDLES = {"profile.php", "groups", "pages", "people", "permalink.php", "story.php"}
_LISTS = ("images", "comments_full", "reactors")


@dataclass(frozen=True, slots=True)
class _Liked:
    """What reactors reacted to: its text, its author, its group and its URL."""

    text: str
    account: str | None
    group: str | None
    url: str | None


class FacebookScraperAdapter(Adapter):
    name: ClassVar[str] = "facebook_scraper"
    platform: ClassVar[str] = "facebook"

    def __init__(self, tz: dt.tzinfo = WIB) -> None:
        self.tz = tz

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        lower = source.name.lower()
        if lower.endswith(".csv"):
            columns = set(csv_header(head))
            return all(c in columns for c in _SIGNATURE) and ("text" in columns or "post_text" in columns)
        if not lower.endswith(".json") or lower.endswith(".golden.json"):
            return False
        body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not body.startswith(b"["):
            return False
        first = body[1:].lstrip(b" \t\r\n")
        return first.startswith(b"{") and all(re.search(rb'"%s"\s*:' % c.encode(), head) for c in _SIGNATURE)

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        path = source.path or source.name
        with source.open() as fh:
            if source.name.lower().endswith(".csv"):
                for number, _, row in iter_csv_rows(fh, path):
                    where = self.where(source, sha256, f"row {number}")
                    if row is None:
                        yield Quarantined("jumlah sel baris tidak sama dengan header", where)
                        continue
                    yield from self._post(source, sha256, _from_csv(row), f"row {number}", repr(row)[:200])
            else:
                for index, item in iter_json_array(fh, path):
                    yield from self._post(source, sha256, item, f"[{index}]", repr(item)[:200])

    def _post(self, source: SourceFile, sha256: str, p: Any, locator: str, excerpt: str) -> Iterator[Record]:
        where = self.where(source, sha256, locator)
        if not isinstance(p, dict):
            yield Quarantined("kiriman bukan objek", where, excerpt)
            return
        account = _account(p.get("username"), p.get("user_id"), p.get("user_url"))
        if account is None:
            yield Quarantined("penulis kiriman tidak diketahui (tanpa username/user_id)", where, excerpt)
            return
        text, own = p.get("text"), p.get("post_text")
        if not isinstance(text, str | None) or not isinstance(own, str | None):
            yield Quarantined("teks kiriman tidak terbaca", where, excerpt)
            return
        try:
            when = self._when(p.get("timestamp"), p.get("time"))
        except (TypeError, ValueError, OverflowError, OSError):
            yield Quarantined("waktu kiriman tidak terbaca", where, excerpt)
            return
        full = text if text is not None else own or ""
        url, native = _str(p.get("post_url")), _str(p.get("post_id"))
        group_match = _GROUP.search(url or "")
        group = group_match.group(1) if group_match else None
        media = _media(p)
        shared = _str(p.get("shared_text")) or _str(p.get("original_text"))
        if shared or _str(p.get("shared_post_url")) or _str(p.get("shared_post_id")):
            mine = own if own is not None else full
            if shared and own is None and mine.endswith(shared):
                mine = mine[: -len(shared)].rstrip()
            target = _str(p.get("shared_username")) or _str(p.get("shared_user_id"))
            yield RawActivity(self.platform, "share", account, when, mine, where, target_text=shared or None,
                              target_account=target, target_group=group, url=url, media=media, native_id=native)
        else:
            yield RawActivity(self.platform, "post", account, when, full, where, target_group=group, url=url,
                              media=media, native_id=native)
        owner = account.name or account.handle or account.numeric_id
        yield from self._reactors(source, sha256, p.get("reactors"), f"{locator}.reactors",
                                  _Liked(full, owner, group, url))
        comments = p.get("comments_full")
        if comments is None or comments == "":
            return
        if not isinstance(comments, list):
            yield Quarantined("comments_full tidak terbaca", self.where(source, sha256, f"{locator}.comments_full"),
                              repr(comments)[:200])
            return
        yield from self._comments(source, sha256, comments, f"{locator}.comments_full", full, owner, group)

    def _comments(self, source: SourceFile, sha256: str, comments: list[Any], prefix: str, target: str,
                  target_account: str | None, group: str | None) -> Iterator[Record]:
        for j, c in enumerate(comments):
            locator = f"{prefix}[{j}]"
            where = self.where(source, sha256, locator)
            record = self._comment(c, where, target, target_account, group)
            yield record
            if not isinstance(record, RawActivity) or not isinstance(c, dict):
                continue
            who = record.account
            author = (who.name or who.handle or who.numeric_id) if who else None
            yield from self._reactors(source, sha256, c.get("comment_reactors"), f"{locator}.comment_reactors",
                                      _Liked(record.text, author, group, record.url))
            replies = c.get("replies")
            if isinstance(replies, list) and replies:
                yield from self._comments(source, sha256, replies, f"{locator}.replies", record.text, author, group)

    def _reactors(self, source: SourceFile, sha256: str, reactors: Any, prefix: str,
                  liked: _Liked) -> Iterator[Record]:
        """A like by each reactor (``{name, link, type}``) of what they reacted to; its time is unknown."""
        if reactors is None or reactors == "":
            return
        if not isinstance(reactors, list):
            yield Quarantined("daftar pemberi reaksi tidak terbaca", self.where(source, sha256, prefix),
                              repr(reactors)[:200])
            return
        for k, r in enumerate(reactors):
            where = self.where(source, sha256, f"{prefix}[{k}]")
            if not isinstance(r, dict):
                yield Quarantined("pemberi reaksi bukan objek", where, repr(r)[:200])
                continue
            account = _account(r.get("name"), r.get("id"), r.get("link"))
            if account is None:
                yield Quarantined("pemberi reaksi tidak diketahui (tanpa name/link)", where, repr(r)[:200])
                continue
            yield RawActivity(self.platform, "like", account, None, "", where, target_text=liked.text,
                              target_account=liked.account, target_group=liked.group, url=liked.url)

    def _comment(self, c: Any, where: Provenance, target: str, target_account: str | None,
                 group: str | None) -> Record:
        if not isinstance(c, dict):
            return Quarantined("komentar bukan objek", where, repr(c)[:200])
        account = _account(c.get("commenter_name"), c.get("commenter_id"), c.get("commenter_url"))
        if account is None:
            return Quarantined("penulis komentar tidak diketahui", where, repr(c)[:200])
        text = c.get("comment_text")
        if not isinstance(text, str | None):
            return Quarantined("teks komentar tidak terbaca", where, repr(c)[:200])
        try:
            when = self._when(None, c.get("comment_time"))
        except (TypeError, ValueError, OverflowError, OSError):
            return Quarantined("waktu komentar tidak terbaca", where, repr(c)[:200])
        image = _str(c.get("comment_image"))
        return RawActivity(self.platform, "comment", account, when, text or "", where, target_text=target,
                           target_account=target_account, target_group=group, url=_str(c.get("comment_url")),
                           media=(image,) if image else (), native_id=_str(c.get("comment_id")))

    def _when(self, timestamp: Any, local: Any) -> dt.datetime | None:
        if timestamp not in (None, "") and not isinstance(timestamp, bool):
            return from_unix(float(timestamp))
        if local in (None, ""):
            return None
        value = local if isinstance(local, dt.datetime) else dt.datetime.fromisoformat(str(local))
        return utc(value if value.tzinfo is not None else value.replace(tzinfo=self.tz))


def _from_csv(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row as a post dict: empty cells are None, repr lists evaluated (an unreadable one kept as text)."""
    post: dict[str, Any] = {k: (v if v != "" else None) for k, v in row.items()}
    for key in _LISTS:
        if isinstance(post.get(key), str):
            with contextlib.suppress(ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                post[key] = literal(post[key])
    return post


def literal(text: str) -> Any:
    """A Python literal as the CLI writes it, also allowing ``datetime.datetime(…)`` with number arguments."""
    return _eval(ast.parse(text.strip(), mode="eval").body)


def _eval(node: ast.expr) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.List | ast.Tuple):
        return [_eval(e) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {_eval(k) if k is not None else None: _eval(v) for k, v in zip(node.keys, node.values, strict=True)}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _eval(node.operand)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Call) and ast.unparse(node.func) in ("datetime.datetime", "datetime") and not node.keywords:
        args = [_eval(a) for a in node.args]
        if all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            return dt.datetime(*args)
    raise ValueError(f"bukan literal: {ast.unparse(node)[:60]}")


def _str(value: Any) -> str | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    return value if isinstance(value, str) else str(value)


def _account(name: Any, numeric: Any, url: Any) -> AccountRef | None:
    name_s, numeric_s, url_s = _str(name), _str(numeric), _str(url)
    handle = None
    match = _HANDLE.match(url_s or "")
    if match and match.group(1).lower() not in _NOT_HANDLES:
        handle = match.group(1)
    if numeric_s is None and url_s and "profile.php" in url_s:
        found = re.search(r"[?&]id=(\d+)", url_s)
        numeric_s = found.group(1) if found else None
    if name_s is None and numeric_s is None and handle is None:
        return None
    return AccountRef("facebook", handle=handle, numeric_id=numeric_s, name=name_s)


def _media(p: dict[str, Any]) -> tuple[str, ...]:
    images = p.get("images")
    found = [str(i) for i in images if _str(i)] if isinstance(images, list) else []
    if not found and _str(p.get("image")):
        found = [str(p["image"])]
    if _str(p.get("video")):
        found.append(str(p["video"]))
    return tuple(found)
