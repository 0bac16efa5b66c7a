"""Telegram Desktop export ``result.json``: one chat, or the whole account (``chats.list``).

The messages array is streamed (``jsonstream``); in a full export each chat of ``chats.list`` and
``left_chats.list`` is read as one item. A member's message is a post (a share when it was
forwarded, with the original author as target account), in the chat named as target group for
groups and channels. Service messages are ignored. ``date_unixtime`` is UTC; the older ``date``
is the exporting computer's local time, taken in ``tz`` (default WIB).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from jaganetral.detect.model import WIB
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.jsonstream import iter_json_arrays
from jaganetral.ingest.model import AccountRef, Ignored, Quarantined, RawActivity, Record, from_unix, utc
from jaganetral.ingest.sources import SourceFile

PRIVATE = {"personal_chat", "bot_chat", "saved_messages", "replies"}
NOT_INCLUDED = "(File not included"
_KEYS = (("messages",), ("chats", "list"), ("left_chats", "list"))
_MESSAGES = re.compile(rb'"messages"\s*:\s*\[')
_FULL = re.compile(rb'"(?:chats|personal_information)"\s*:\s*\{')
_TELEGRAM_FIELDS = (b'"date_unixtime"', b'"from_id"', b'"text_entities"', b'"type": "message"', b'"chats"')


class TelegramJsonAdapter(Adapter):
    name: ClassVar[str] = "telegram_json"
    platform: ClassVar[str] = "telegram"

    def __init__(self, tz: dt.tzinfo = WIB) -> None:
        self.tz = tz

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith(".json") or not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return False
        if b'"sender_name"' in head or b'"participants"' in head:  # Facebook / Instagram messages
            return False
        if _FULL.search(head):
            return True
        return _MESSAGES.search(head) is not None and any(f in head for f in _TELEGRAM_FIELDS)

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        meta: dict[str, Any] = {}
        with source.open() as fh:
            for keys, index, item in iter_json_arrays(fh, source.path or source.name, _KEYS, meta):
                if keys == ("messages",):
                    yield self._message(source, sha256, meta, item, f"messages[{index}]")
                    continue
                prefix = f"{'.'.join(keys)}[{index}]"
                messages = item.get("messages") if isinstance(item, dict) else None
                if not isinstance(messages, list):
                    yield Quarantined("obrolan tanpa daftar pesan", self.where(source, sha256, prefix),
                                      _excerpt(item))
                    continue
                for j, message in enumerate(messages):
                    yield self._message(source, sha256, item, message, f"{prefix}.messages[{j}]")

    def _message(self, source: SourceFile, sha256: str, chat: dict[str, Any], m: Any, locator: str) -> Record:
        where = self.where(source, sha256, locator)
        if not isinstance(m, dict):
            return Quarantined("pesan bukan objek JSON", where, _excerpt(m))
        kind = m.get("type", "message")
        if kind == "service":
            return Ignored("pesan_layanan", where)
        if kind != "message":
            return Ignored("pesan_tidak_didukung", where)
        sender, sender_id = m.get("from"), m.get("from_id")
        if sender is None and sender_id is None:
            return Quarantined("pengirim pesan tidak diketahui (tanpa from/from_id)", where, _excerpt(m))
        text = _text(m.get("text", ""))
        if text is None:
            return Quarantined("teks pesan tidak terbaca", where, _excerpt(m))
        try:
            when = self._when(m)
        except (TypeError, ValueError, OverflowError):
            return Quarantined("waktu pesan tidak terbaca", where, _excerpt(m))
        account = AccountRef(self.platform, numeric_id=None if sender_id is None else str(sender_id),
                             name=None if sender is None else str(sender))
        chat_name, chat_type = chat.get("name"), chat.get("type")
        private = isinstance(chat_type, str) and chat_type in PRIVATE
        group = str(chat_name) if chat_name is not None and not private else None
        media = tuple(str(m[k]) for k in ("photo", "file")
                      if isinstance(m.get(k), str) and not m[k].startswith(NOT_INCLUDED))
        native = None
        if m.get("id") is not None:
            native = f"{chat['id']}/{m['id']}" if chat.get("id") is not None else str(m["id"])
        forwarded = m.get("forwarded_from")
        if forwarded is not None or "forwarded_from" in m:
            return RawActivity(self.platform, "share", account, when, text, where, target_text=text,
                               target_account=None if forwarded is None else str(forwarded),
                               target_group=group, media=media, native_id=native)
        return RawActivity(self.platform, "post", account, when, text, where, target_group=group, media=media,
                           native_id=native)

    def _when(self, m: dict[str, Any]) -> dt.datetime | None:
        if m.get("date_unixtime") is not None:
            return from_unix(int(m["date_unixtime"]))
        if m.get("date") is None:
            return None
        value = dt.datetime.fromisoformat(str(m["date"]))
        return utc(value if value.tzinfo is not None else value.replace(tzinfo=self.tz))


def _text(value: Any) -> str | None:
    """A string, or the concatenated texts of a list of strings and entity objects."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return None
    parts: list[str] = []
    for part in value:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text", ""), str):
            parts.append(part.get("text", ""))
        else:
            return None
    return "".join(parts)


def _excerpt(value: Any) -> str:
    return repr(value)[:200]
