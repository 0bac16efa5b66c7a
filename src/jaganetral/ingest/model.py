"""What an adapter yields: activities with their provenance, records it ignored, records it could not read.

Adapters only read. They never touch the database or the detector; the import service stores,
deduplicates and scans what they yield.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from jaganetral.detect.model import ActivityKind


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from: the file's SHA-256, its path inside the export, the record in it."""

    sha256: str  # of the file the record was read from (an archive member's own bytes)
    path: str  # path inside the archive or folder, with forward slashes
    locator: str  # the record inside the file: "[12]", "[3].data[0]", "line 34", "row 7"


@dataclass(frozen=True, slots=True)
class AccountRef:
    """An account as the export names it; any of the fields may be missing."""

    platform: str
    handle: str | None = None  # without "@", as written
    numeric_id: str | None = None
    name: str | None = None  # display name ("Budi Santoso", a WhatsApp contact name)


@dataclass(frozen=True, slots=True)
class RawActivity:
    """One thing an account did that others can see. ``created_at`` is timezone-aware UTC."""

    platform: str  # facebook, instagram, x, tiktok, telegram, whatsapp, crowdtangle, ...
    kind: ActivityKind
    account: AccountRef | None  # None: the owner of the export (linked to an employee later)
    created_at: dt.datetime | None
    text: str
    provenance: Provenance
    target_text: str | None = None  # the liked/shared/commented content, as text
    target_account: str | None = None  # the followed account or the owner of the target content
    target_group: str | None = None  # the joined group, or the group chat as context
    url: str | None = None
    media: tuple[str, ...] = ()  # paths or URIs of attached media, as the export gives them
    native_id: str | None = None  # the platform's id of the item, when the export has one


@dataclass(frozen=True, slots=True)
class Ignored:
    """A record that is not an activity (saved items, followers, logins, …), counted by category."""

    category: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A record the adapter could not read, with the reason (Bahasa Indonesia) and where it is."""

    reason: str
    provenance: Provenance
    excerpt: str = ""  # at most 200 characters of the record, to help a person find it


@dataclass(frozen=True, slots=True)
class OwnerIdentity:
    """Who the export belongs to, as the export's own profile says (X ``account.js``, the TikTok
    ``ProfileMap``): not an activity. The import gives the owner's activities this account when no
    --account-of names the employee, and completes the employee's account with it when one does.

    ``folder``: it names the owner of every file beside and below it (an X archive's ``data/``);
    otherwise of its own file only (TikTok's one ``user_data.json``). Counted with the ignored records
    under ``category`` when that is set (a file that is only a profile, like ``account.js``)."""

    account: AccountRef
    provenance: Provenance
    category: str | None = "data akun"
    folder: bool = True


Record = RawActivity | Ignored | Quarantined | OwnerIdentity


class UnreadableInput(Exception):
    """The input cannot be read at all (not a record-level problem): the message says where and why."""


def utc(value: dt.datetime) -> dt.datetime:
    """A timezone-aware time in UTC (a naive time is refused: adapters must know the zone)."""
    if value.tzinfo is None:
        raise ValueError("waktu tanpa zona waktu")
    try:
        return value.astimezone(dt.UTC)
    except OverflowError as exc:  # 0001-01-01 00:00+07:00 is in year 0 in UTC
        raise ValueError("waktu di luar jangkauan tahun 1-9999 setelah diubah ke UTC") from exc


def from_unix(seconds: float) -> dt.datetime:
    """Unix seconds as a timezone-aware UTC time; ValueError when not a finite time in the years 1-9999."""
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (OverflowError, OSError, ValueError) as exc:  # OSError: EOVERFLOW from the C library
        raise ValueError(f"stempel waktu Unix di luar jangkauan: {seconds!r}") from exc
