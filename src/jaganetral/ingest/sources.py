"""Source files: a path to a file, a folder or a zip as delivered, seen as a stream of files.

Nothing is extracted to disk; members are read straight from the archive. Every file's SHA-256
is computed from its own bytes while it is read, so provenance can name it.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

CHUNK = 1 << 20


@dataclass(frozen=True)
class SourceFile:
    """One file of an export: on disk, or a member of a zip."""

    container: Path  # the file, folder or zip that was given
    path: str  # path inside the container ("" for a plain file), forward slashes
    member: str | None = None  # zip member name when inside a zip

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name if self.path else self.container.name

    @contextmanager
    def open(self) -> Iterator[IO[bytes]]:
        if self.member is not None:
            with zipfile.ZipFile(self.container) as zf, zf.open(self.member) as fh:
                yield fh
        else:
            target = self.container / self.path if self.path else self.container
            with open(target, "rb") as fh:
                yield fh

    def head(self, size: int = 4096) -> bytes:
        """The first bytes, for sniffing."""
        with self.open() as fh:
            return fh.read(size)

    def sha256(self) -> str:
        digest = hashlib.sha256()
        with self.open() as fh:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                digest.update(chunk)
        return digest.hexdigest()


def iter_sources(given: str | Path) -> Iterator[SourceFile]:
    """Every file in ``given`` (a file, a folder walked in sorted order, or a zip), zips opened."""
    path = Path(given)
    if path.is_dir():
        for f in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = f.relative_to(path).as_posix()
            if zipfile.is_zipfile(f):
                yield from _zip_members(f, prefix=rel)
            else:
                yield SourceFile(path, rel)
    elif zipfile.is_zipfile(path):
        yield from _zip_members(path)
    else:
        yield SourceFile(path, "")


def _zip_members(zpath: Path, prefix: str = "") -> Iterator[SourceFile]:
    with zipfile.ZipFile(zpath) as zf:
        names = sorted(i.filename for i in zf.infolist() if not i.is_dir())
    for name in names:
        inner = f"{prefix}!/{name}" if prefix else name
        yield SourceFile(zpath, inner, member=name)
