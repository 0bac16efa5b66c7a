"""The evidence vault: every source file kept as delivered, addressed by its SHA-256.

Files live at ``<root>/objects/ab/cd/<sha256>`` and are never changed once written. A file is
copied to ``<root>/tmp/`` while it is hashed, flushed to disk, then renamed into place, so a
crash leaves either nothing or a complete object (never a half-written one under its address).
The index rows (``vault_objects``, ``vault_members``, ``captures``) are written by the repository
functions below inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, select

from jaganetral.store.dialect import insert_ignoring
from jaganetral.store.tables import captures, vault_members, vault_objects

CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredObject:
    sha256: str
    size: int
    stored_path: str  # relative to the vault root
    new: bool  # False when the vault already had these bytes


class Vault:
    """Content-addressed files under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def relative(self, sha256: str) -> str:
        return f"objects/{sha256[:2]}/{sha256[2:4]}/{sha256}"

    def path_of(self, sha256: str) -> Path:
        return self.root / self.relative(sha256)

    def put_file(self, path: Path) -> StoredObject:
        """Copy ``path`` into the vault while hashing it (one pass)."""
        with open(path, "rb") as fh:
            return self.put_stream(fh)

    def put_stream(self, fh: IO[bytes]) -> StoredObject:
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        tmp = tmp_dir / f"{os.getpid()}-{id(fh)}.part"
        digest = hashlib.sha256()
        size = 0
        try:
            with open(tmp, "wb") as out:
                for chunk in iter(lambda: fh.read(CHUNK), b""):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_of(sha)
            if final.exists():
                tmp.unlink()
                return StoredObject(sha, size, self.relative(sha), new=False)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
            os.chmod(final, 0o444)
            return StoredObject(sha, size, self.relative(sha), new=True)
        finally:
            if tmp.exists():
                tmp.unlink()

    def sweep_tmp(self) -> int:
        """Remove copies left behind by a process that was killed mid-copy; returns how many."""
        tmp_dir = self.root / "tmp"
        removed = 0
        if tmp_dir.is_dir():
            for part in tmp_dir.glob("*.part"):
                pid = part.name.split("-", 1)[0]
                if pid.isdigit() and not _alive(int(pid)):
                    part.unlink(missing_ok=True)
                    removed += 1
        return removed

    def rehash(self, sha256: str) -> str | None:
        """The SHA-256 of the stored bytes now, or None when the object is missing."""
        path = self.path_of(sha256)
        if not path.is_file():
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def rehash_member(self, container_sha256: str, member: str) -> str | None:
        """The SHA-256 of a zip member of a stored container, or None when it cannot be read."""
        path = self.path_of(container_sha256)
        try:
            with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
                digest = hashlib.sha256()
                for chunk in iter(lambda: fh.read(CHUNK), b""):
                    digest.update(chunk)
                return digest.hexdigest()
        except (OSError, KeyError, zipfile.BadZipFile, EOFError, ValueError):
            return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def record_object(conn: Connection, obj: StoredObject, now: dt.datetime) -> None:
    conn.execute(insert_ignoring(conn, vault_objects, ["sha256"]).values(
        sha256=obj.sha256, size=obj.size, stored_path=obj.stored_path, stored_at=now))


def record_member(conn: Connection, container_sha256: str, member: str, sha256: str) -> None:
    conn.execute(insert_ignoring(conn, vault_members, ["container_sha256", "member"]).values(
        container_sha256=container_sha256, member=member, sha256=sha256))


def record_capture(conn: Connection, import_id: int, sha256: str, original_path: str, now: dt.datetime,
                   adapter: str | None) -> None:
    conn.execute(captures.insert().values(import_id=import_id, sha256=sha256, original_path=original_path,
                                          captured_at=now, adapter=adapter))


def iter_objects(conn: Connection) -> Iterator[tuple[str, int]]:
    q = select(vault_objects.c.sha256, vault_objects.c.size).order_by(vault_objects.c.sha256)
    for sha, size in conn.execute(q):
        yield str(sha), int(size)


def iter_members(conn: Connection) -> Iterator[tuple[str, str, str]]:
    q = select(vault_members.c.container_sha256, vault_members.c.member, vault_members.c.sha256)
    for container, member, sha in conn.execute(q.order_by(vault_members.c.container_sha256, vault_members.c.member)):
        yield str(container), str(member), str(sha)
