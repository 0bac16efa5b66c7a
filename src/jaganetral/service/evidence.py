"""Checking the evidence vault: every stored file (and every archive member read from it) re-hashed."""

from __future__ import annotations

from dataclasses import dataclass, field

from jaganetral.service.store import Store
from jaganetral.store.vault import iter_members, iter_objects


@dataclass
class VerifyReport:
    objects: int = 0
    members: int = 0
    problems: list[str] = field(default_factory=list)  # Bahasa Indonesia, one per mismatch

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_vault(store: Store) -> VerifyReport:
    """Re-hash every file the database lists; a missing or changed file is a problem."""
    report = VerifyReport()
    with store.read() as conn:
        objects = list(iter_objects(conn))
        members = list(iter_members(conn))
    bad: set[str] = set()
    for sha, size in objects:
        report.objects += 1
        actual = store.vault.rehash(sha)
        if actual is None:
            report.problems.append(f"{sha}: berkas hilang dari brankas ({store.vault.relative(sha)})")
            bad.add(sha)
        elif actual != sha:
            report.problems.append(f"{sha}: isi berubah, SHA-256 sekarang {actual} ({size} bita tercatat)")
            bad.add(sha)
    for container, member, sha in members:
        report.members += 1
        if container in bad:
            continue
        actual = store.vault.rehash_member(container, member)
        if actual != sha:
            now_is = "tidak terbaca" if actual is None else f"SHA-256 sekarang {actual}"
            report.problems.append(f"{sha}: anggota arsip {container}!/{member} {now_is}")
    return report
