"""Users of the web application: create, authenticate, change password, limit a pimpinan to agencies.

Passwords are kept as argon2id hashes (argon2-cffi). Authenticating an unknown or inactive user
still verifies a hash, so the answer takes about as long as for a wrong password. Every change to
a user writes an audit event in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection

from jaganetral.service.access import ROLE_LABELS, ROLES, Viewer
from jaganetral.service.audit import append_event
from jaganetral.service.store import Store, now
from jaganetral.store import user_repo

MIN_PASSWORD = 10
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
SCOPED_ROLES = frozenset({"pimpinan"})  # limited to the agencies assigned to them


class UserError(Exception):
    """A user request that cannot be done; the message (Bahasa Indonesia) says why."""


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: str
    active: bool
    agencies: tuple[str, ...]
    created_at: dt.datetime
    last_login_at: dt.datetime | None

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return _hasher().hash("bukan-kata-sandi-siapa-pun")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"kata sandi terlalu pendek (paling sedikit {MIN_PASSWORD} karakter)")
    return _hasher().hash(password)


def _check_password(stored: str, password: str) -> bool:
    try:
        return _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _agency_ids(conn: Connection, names: Sequence[str]) -> list[int]:
    out = []
    for name in names:
        row = user_repo.find_agency(conn, name)
        if row is None:
            raise UserError(f"OPD {name.strip()!r} tidak ada di registri (tulis kode atau nama OPD)")
        out.append(int(row["id"]))
    return out


def create_user(store: Store, actor: str, username: str, password: str, role: str,
                full_name: str | None = None, agencies: Sequence[str] = ()) -> int:
    """Create an active user; a pimpinan must be limited to at least one agency."""
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise UserError("nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah dan tanda hubung "
                        "(3 sampai 60 karakter)")
    if role not in ROLES:
        raise UserError(f"peran tidak dikenal: {role} (pilihan: {', '.join(ROLES)})")
    if role in SCOPED_ROLES and not agencies:
        raise UserError("pimpinan wajib dibatasi ke paling sedikit satu OPD (--agency)")
    if role not in SCOPED_ROLES and agencies:
        raise UserError("hanya pimpinan yang dibatasi ke OPD tertentu; peran lain melihat semua OPD")
    hashed = hash_password(password)
    with store.transaction() as conn:
        if user_repo.by_username(conn, username) is not None:
            raise UserError(f"nama pengguna {username!r} sudah dipakai")
        agency_ids = _agency_ids(conn, agencies)
        user_id = user_repo.create(conn, {
            "username": username, "full_name": (full_name or "").strip() or username, "role": role,
            "password_hash": hashed, "active": True, "created_at": now()})
        user_repo.set_agencies(conn, user_id, agency_ids)
        append_event(conn, actor, "pengguna.buat", "pengguna", username,
                     {"peran": role, "opd": sorted(agency_ids)})
    return user_id


def authenticate(store: Store, username: str, password: str) -> Viewer | None:
    """The viewer for a correct username and password of an active user, else None."""
    with store.read() as conn:
        row = user_repo.by_username(conn, username.strip().lower())
    if row is None or not row["active"]:
        _check_password(_dummy_hash(), password)
        return None
    if not _check_password(row["password_hash"], password):
        return None
    with store.transaction() as conn:
        user_repo.touch_login(conn, row["id"], now())
        append_event(conn, row["username"], "pengguna.masuk", "pengguna", row["username"], {})
    return viewer_for(store, int(row["id"]))


def viewer_for(store: Store, user_id: int) -> Viewer | None:
    """The viewer of an active user (None when the user is gone or deactivated)."""
    with store.read() as conn:
        row = user_repo.by_id(conn, user_id)
        if row is None or not row["active"]:
            return None
        scope = user_repo.agency_ids(conn, user_id) if row["role"] in SCOPED_ROLES else None
    return Viewer(user_id=int(row["id"]), username=row["username"], role=row["role"],
                  full_name=row["full_name"], agency_ids=scope)


def _existing(conn: Connection, username: str) -> int:
    row = user_repo.by_username(conn, username.strip().lower())
    if row is None:
        raise UserError(f"pengguna {username!r} tidak ada")
    return int(row["id"])


def set_password(store: Store, actor: str, username: str, password: str) -> None:
    hashed = hash_password(password)
    with store.transaction() as conn:
        user_repo.change(conn, _existing(conn, username), {"password_hash": hashed})
        append_event(conn, actor, "pengguna.sandi", "pengguna", username.strip().lower(), {})


def set_active(store: Store, actor: str, username: str, active: bool) -> None:
    if username.strip().lower() == actor and not active:
        raise UserError("Anda tidak bisa menonaktifkan akun Anda sendiri")
    with store.transaction() as conn:
        user_repo.change(conn, _existing(conn, username), {"active": active})
        append_event(conn, actor, "pengguna.aktif" if active else "pengguna.nonaktif", "pengguna",
                     username.strip().lower(), {})


def assign_agencies(store: Store, actor: str, username: str, agencies: Sequence[str]) -> None:
    """Limit a pimpinan to these agencies (codes or names), replacing the previous ones."""
    with store.transaction() as conn:
        user_id = _existing(conn, username)
        row = user_repo.by_id(conn, user_id)
        if row is None or row["role"] not in SCOPED_ROLES:
            raise UserError("hanya pimpinan yang dibatasi ke OPD tertentu")
        if not agencies:
            raise UserError("pimpinan wajib dibatasi ke paling sedikit satu OPD")
        agency_ids = _agency_ids(conn, agencies)
        user_repo.set_agencies(conn, user_id, agency_ids)
        append_event(conn, actor, "pengguna.opd", "pengguna", row["username"], {"opd": sorted(agency_ids)})


def list_users(store: Store) -> list[UserInfo]:
    with store.read() as conn:
        links = user_repo.all_agency_links(conn)
        rows = user_repo.listing(conn)
    return [UserInfo(int(r["id"]), r["username"], r["full_name"], r["role"], bool(r["active"]),
                     tuple(links.get(int(r["id"]), ())), r["created_at"], r["last_login_at"]) for r in rows]


def agency_options(store: Store) -> list[tuple[str, str]]:
    """Every agency as (name, label), for choosing a pimpinan's agencies."""
    with store.read() as conn:
        rows = user_repo.agency_options(conn)
    return [(str(r["name"]), f"{r['name']} ({r['code']})" if r["code"] else str(r["name"])) for r in rows]
