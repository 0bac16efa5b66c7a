"""WhatsApp "Export chat" .txt (Android and iOS; Indonesian and English phone locales).

Every line that starts with a timestamp opens a record; lines without one continue the previous
message. ``Name: text`` is a member's message (a post in the group named by the file name);
encryption notices, membership changes, "<Media tidak disertakan>" and deleted messages are
ignored with a category. The export has no time zone: times are taken in ``tz`` (default WIB).
The day/month order is decided per file (a part above 12 settles it; otherwise the order that
keeps dates monotonic, day first on a tie).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from jaganetral.detect.model import WIB
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.model import AccountRef, Ignored, Quarantined, RawActivity, Record, utc
from jaganetral.ingest.sources import SourceFile

_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)(?:[\s\u202f\u00a0]*(?P<ampm>[aApP]\.?\s?[mM]\.?))?"
HEADER = re.compile(
    r"^[\u200e\u200f]?(?:\[" + _DATE + r",?\s" + _TIME + r"\]\s|" + _DATE.replace("date", "date2") + r",?\s"
    + _TIME.replace("time", "time2").replace("ampm", "ampm2") + r"\s[-–]\s)(?P<rest>.*)$"
)
SENDER = re.compile(r"^(?P<sender>[^:]{1,80}?):\s?(?P<text>.*)$", re.S)
GROUP_FILE = re.compile(r"(?:WhatsApp Chat with|Chat WhatsApp dengan|WhatsApp Chat -) (?P<group>.+?)\.(?:txt|zip)\b")
_SYSTEM: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("enkripsi", re.compile(
        r"^\u200e?(?:Messages and calls are end-to-end encrypted|Messages you send to this (?:group|chat) are now "
        r"secured with end-to-end encryption|Pesan dan panggilan (?:telah )?terenkripsi secara end-to-end|"
        r"Pesan yang Anda kirim ke (?:grup|chat) ini (?:sekarang )?(?:diamankan|dilindungi) dengan enkripsi)", re.I)),
    ("media_tidak_disertakan", re.compile(r"^\u200e?<(?:Media omitted|Media tidak disertakan)>$", re.I)),
    ("pesan_dihapus", re.compile(r"^\u200e?(?:This message was deleted|You deleted this message|"
                                 r"Pesan ini (?:telah )?dihapus|Anda menghapus pesan ini)\.?$", re.I)),
)
ATTACHED = re.compile(r"^\u200e?(?:(?P<file>.+?) \((?:file attached|file terlampir)\)|"
                      r"<(?:attached|terlampir): (?P<file2>[^>]+)>)$", re.I)
_MEMBERS = re.compile(
    r"\b(?:joined using this group's invite link|added|removed|left|were added|bergabung|menambahkan|"
    r"mengeluarkan|keluar|ditambahkan|dikeluarkan)\b", re.I)
_GROUP = re.compile(r"\b(?:created group|changed the subject|changed this group's|changed the group|membuat grup|"
                    r"mengubah)\b", re.I)


@dataclass
class _Open:
    line: int
    date: str
    time: str
    ampm: str | None
    rest: str


class WhatsAppTxtAdapter(Adapter):
    name: ClassVar[str] = "whatsapp_txt"
    platform: ClassVar[str] = "whatsapp"

    def __init__(self, tz: dt.tzinfo = WIB) -> None:
        self.tz = tz

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        if not source.name.lower().endswith(".txt"):
            return False
        lines = [ln for ln in head.decode("utf-8", "ignore").lstrip("\ufeff").splitlines() if ln.strip()]
        return bool(lines) and HEADER.match(lines[0]) is not None

    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        day_first = self._day_first(source)
        group = self.group_name(source)
        current: _Open | None = None
        extra: list[str] = []
        for number, line in self._lines(source, sha256):
            if isinstance(line, Quarantined):
                yield line
                continue
            m = HEADER.match(line)
            if m is None:
                if current is None:
                    if line.strip():
                        yield Quarantined("baris tanpa cap waktu sebelum pesan pertama",
                                          self.where(source, sha256, f"line {number}"), line[:200])
                    continue
                extra.append(line)
                continue
            if current is not None:
                yield self._record(source, sha256, current, extra, day_first, group)
            current = _Open(number, m.group("date") or m.group("date2"), m.group("time") or m.group("time2"),
                            m.group("ampm") or m.group("ampm2"), m.group("rest"))
            extra = []
        if current is not None:
            yield self._record(source, sha256, current, extra, day_first, group)

    @staticmethod
    def group_name(source: SourceFile) -> str | None:
        """The chat's name from the file name, or from the iOS zip ("WhatsApp Chat - X.zip")."""
        names = [source.path or source.name] + ([source.container.name] if source.member is not None else [])
        for name in names:
            found = GROUP_FILE.search(name)
            if found:
                return found.group("group")
        return None

    def _lines(self, source: SourceFile, sha256: str = "") -> Iterator[tuple[int, str | Quarantined]]:
        with source.open() as fh:
            for number, raw in enumerate(fh, start=1):
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield number, Quarantined("baris bukan teks UTF-8 yang sah",
                                              self.where(source, sha256, f"line {number}"),
                                              raw.decode("utf-8", "backslashreplace").lstrip("\ufeff")[:200])
                    continue
                if number == 1:
                    text = text.lstrip("\ufeff")
                yield number, text.rstrip("\r\n")

    def _day_first(self, source: SourceFile) -> bool:
        """Day before month? Settled by a part above 12, else by the order with fewer steps back."""
        back_dm = back_md = 0
        prev: tuple[int, int, int] | None = None
        for _, line in self._lines(source):
            m = HEADER.match(line) if isinstance(line, str) else None
            if m is None:
                continue
            parts = [int(p) for p in re.split(r"[./-]", m.group("date") or m.group("date2"))]
            if parts[0] > 31:
                return False  # year first: the order does not matter
            a, b, y = parts
            if a > 12 >= b:
                return True
            if b > 12 >= a:
                return False
            if prev is not None:
                back_dm += (y, b, a) < (prev[0], prev[2], prev[1])
                back_md += (y, a, b) < prev
            prev = (y, a, b)
        return back_dm <= back_md

    def _when(self, o: _Open, day_first: bool) -> dt.datetime:
        parts = [int(p) for p in re.split(r"[./-]", o.date)]
        if len(re.split(r"[./-]", o.date)[0]) == 4:
            year, month, day = parts
        elif day_first:
            day, month, year = parts
        else:
            month, day, year = parts
        if year < 100:
            year += 2000
        clock = [int(p) for p in re.split(r"[.:]", o.time)]
        hour, minute, second = clock[0], clock[1], clock[2] if len(clock) > 2 else 0
        if o.ampm:
            pm = o.ampm.lower().startswith("p")
            if hour > 12:
                raise ValueError("jam di atas 12 dengan AM/PM")
            hour = hour % 12 + (12 if pm else 0)
        return utc(dt.datetime(year, month, day, hour, minute, second, tzinfo=self.tz))

    def _record(self, source: SourceFile, sha256: str, o: _Open, extra: list[str], day_first: bool,
                group: str | None) -> Record:
        where = self.where(source, sha256, f"line {o.line}")
        full = "\n".join([o.rest, *extra]).rstrip("\n")
        try:
            when = self._when(o, day_first)
        except ValueError:
            return Quarantined(f"tanggal atau jam tidak sah: {o.date} {o.time}", where, full[:200])
        m = SENDER.match(full)
        body = m.group("text") if m else full
        for category, pattern in _SYSTEM:
            if pattern.search(body):
                return Ignored(category, where)
        if m is None:
            category = "grup_diubah" if _GROUP.search(full) else "anggota_grup" if _MEMBERS.search(full) else "sistem"
            return Ignored(category, where)
        account = AccountRef(self.platform, name=m.group("sender").strip())
        first, _, caption = body.partition("\n")
        attached = ATTACHED.match(first)
        if attached:
            media = (attached.group("file") or attached.group("file2"),)
            return RawActivity(self.platform, "post", account, when, caption, where, target_group=group, media=media)
        return RawActivity(self.platform, "post", account, when, body, where, target_group=group)
