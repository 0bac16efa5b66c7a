"""One batch of an import, stored in one transaction: accounts resolved, duplicates counted,
new activities inserted, quarantined records kept, and (unless deferred) the new activities judged.

A batch commits as a whole, so a process killed mid-import leaves whole batches behind and the
next run counts them as duplicates and stores the rest: every record ends up stored exactly once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from jaganetral.detect.engine import Detector
from jaganetral.detect.model import Activity, Finding
from jaganetral.ingest.model import AccountRef, OwnerIdentity, Quarantined, RawActivity
from jaganetral.service.dedup import key_digest, key_text
from jaganetral.store import activity_repo, registry_repo


def clean(value: str | None) -> str | None:
    """Text as PostgreSQL can store it (no NUL characters)."""
    if value is None or "\x00" not in value:
        return value
    return value.replace("\x00", "\ufffd")


def judgement_id(detector: Detector) -> str:
    """What ``judged_pack`` records: detector version, the packs' content fingerprint, region, threshold."""
    fingerprint = detector.kb_version.split(":", 1)[0]
    s = detector.settings
    return f"{detector.version}+{fingerprint}+{s.region or '*'}+{s.threshold:g}"


@dataclass
class Tally:
    """What one run did (the contract's counts, plus details for the people reading the summary)."""

    files: int = 0
    activities: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    ignored: int = 0
    ignored_by: Counter[str] = field(default_factory=Counter)
    quarantined: int = 0
    findings: int = 0
    linked: int = 0  # stored activities of an unknown owner now linked to the --account-of employee


@dataclass
class Accounts:
    """Account ids by (platform, identity key), resolved once per run."""

    owner_employee_id: int | None
    pending_owner: str | None = None  # --account-of names an employee not registered yet
    cache: dict[tuple[str, str], int] = field(default_factory=dict)
    # owners named by an export's own profile: (platform, container, folder or file, is folder) -> account
    named: dict[tuple[str, str, str, bool], int] = field(default_factory=dict)
    here: tuple[str, str] = ("", "")  # the file being stored: container, path inside it

    def of(self, conn: Connection, platform: str, a: AccountRef | None, now: dt.datetime) -> int | None:
        """The account of an activity on ``platform`` by ``a`` (None: the export owner)."""
        if a is None:
            return self.owner(conn, platform, now)
        key = registry_repo.account_key(a.handle, a.numeric_id, a.name)
        if key == "?":
            return None
        found = self.cache.get((a.platform, key))
        if found is None:
            found = registry_repo.find_account(conn, a.platform, a.handle, a.numeric_id, a.name)
            if found is None:
                found = registry_repo.add_account(conn, a.platform, a.handle, a.numeric_id, a.name, None, now)
            else:
                registry_repo.complete_account(conn, found, a.handle, a.numeric_id)
            self.cache[(a.platform, key)] = found
        return found

    def owner(self, conn: Connection, platform: str, now: dt.datetime) -> int | None:
        """The export owner's account on ``platform``: the employee's own, else one made for the export
        (linked to the employee, or pending until the employee named by --account-of is registered);
        without --account-of, the account the export's own profile file named (see :meth:`identify`)."""
        if self.owner_employee_id is None and self.pending_owner is None:
            return self.named_owner(platform)
        found = self.cache.get((platform, "(owner)"))
        if found is None:
            known = (registry_repo.accounts_of(conn, self.owner_employee_id, platform)
                     if self.owner_employee_id is not None else [])
            if known:
                found = int(known[0]["id"])
            elif self.owner_employee_id is not None:
                found = registry_repo.add_account(conn, platform, None, None, None, None, now,
                                                  employee_id=self.owner_employee_id,
                                                  key=f"pemilik-ekspor:pegawai-{self.owner_employee_id}")
            else:
                assert self.pending_owner is not None
                found = registry_repo.add_account(conn, platform, None, None, f"pemilik ekspor {self.pending_owner}",
                                                  None, now, key=registry_repo.pending_owner_key(self.pending_owner))
            self.cache[(platform, "(owner)")] = found
        return found

    def at(self, container: str, path: str) -> None:
        """The file being stored now (its container and path inside it): a named owner applies to the
        files beside and below the profile file that named them, in the same container only."""
        self.here = (container, path)

    def named_owner(self, platform: str) -> int | None:
        """The owner a profile file named for the file being stored (the nearest folder wins)."""
        container, path = self.here
        near = [(len(covered), account) for (p, c, covered, folder), account in self.named.items()
                if p == platform and c == container
                and ((path.startswith(covered + "/") or not covered) if folder else path == covered)]
        return max(near)[1] if near else None

    def identify(self, conn: Connection, named: OwnerIdentity, now: dt.datetime) -> None:
        """The export's profile file (the file being stored, see :meth:`at`) names its owner. With
        --account-of, the owner's account gains the handle and numeric id it lacked (never one another
        account holds). Without it, the owner's activities in that export belong to the account so
        named (found or made), which an employee's registered handle or id links."""
        who = named.account
        if who.handle is None and who.numeric_id is None:
            return
        if self.has_owner:
            owner = self.owner(conn, who.platform, now)
            if owner is not None:
                registry_repo.complete_account(conn, owner, who.handle, who.numeric_id)
            return
        found = registry_repo.find_account(conn, who.platform, who.handle, who.numeric_id, who.name)
        if found is None:
            found = registry_repo.add_account(conn, who.platform, who.handle, who.numeric_id, who.name, None, now)
        else:
            registry_repo.complete_account(conn, found, who.handle, who.numeric_id)
        container, path = self.here
        self.named[(who.platform, container, path.rpartition("/")[0] if named.folder else path, named.folder)] = found

    @property
    def has_owner(self) -> bool:
        """--account-of named the owner (their activities on every platform are theirs)."""
        return self.owner_employee_id is not None or self.pending_owner is not None


# An activity as the reader hands it over: the columns it knows, in this order (text cleaned, key
# computed); the store adds account_id, import_id, seen_import and judged_pack (STORE_COLUMNS).
ROW_COLUMNS = ("key", "key64", "platform", "kind", "created_at", "text", "target_text", "target_account",
               "target_group", "url", "media", "native_id", "source_sha256", "source_path", "locator")
STORE_COLUMNS = (*ROW_COLUMNS, "account_id", "import_id", "seen_import", "judged_pack")
Row = tuple[Any, ...]
_KEY, _KEY64, _PLATFORM, _KIND = 0, 1, 2, 3


def activity_row(raw: RawActivity) -> Row:
    """``raw`` as a row of ROW_COLUMNS (pure: the reader builds it, in its own process)."""
    joined = key_text(raw)
    key = key_digest(joined).hex()
    text, target_text, target_account, target_group, native_id = (
        raw.text, raw.target_text, raw.target_account, raw.target_group, raw.native_id)
    if "\x00" in joined:  # those five are in the key's text: clean only when it has a NUL at all
        text, target_text, target_account, target_group, native_id = (
            text.replace("\x00", "\ufffd"), clean(target_text), clean(target_account), clean(target_group),
            clean(native_id))
    where = raw.provenance
    return (key, activity_repo.key64(key), raw.platform, raw.kind, raw.created_at, text, target_text, target_account,
            target_group, clean(raw.url), [clean(m) for m in raw.media] if raw.media else None, native_id,
            where.sha256, clean(where.path), clean(where.locator))


def store_batch(conn: Connection, import_id: int, rows: Sequence[Row], refs: Sequence[AccountRef | None],
                quarantined: list[Quarantined], accounts: Accounts, tally: Tally, now: dt.datetime,
                detector: Detector | None) -> None:
    """Store one batch in the caller's transaction and add what happened to ``tally``.

    ``rows``: activities as ``activity_row`` makes them; ``refs``: each one's account (None: the owner)."""
    first: dict[str, int] = {}  # each key's first row: a record repeated in the batch is one activity
    add = first.setdefault
    for i, row in enumerate(rows):
        add(row[_KEY], i)
    activity_repo.lock_activities(conn)  # another import must not insert these keys meanwhile
    stored = activity_repo.existing(conn, list(first), [rows[i][_KEY64] for i in first.values()])
    relink: dict[str, list[int]] = {}  # by platform: the owner's account differs per platform
    met: list[int] = []
    for key, old in stored.items():
        if old.seen_import != import_id:  # stored before this run, met for the first time in this run
            tally.duplicates += 1
            met.append(old.id)
            i = first[key]
            if old.account_id is None and refs[i] is None:  # stored without an owner: linked below if one is known
                relink.setdefault(rows[i][_PLATFORM], []).append(old.id)
    activity_repo.mark_seen(conn, met, import_id)
    judged = judgement_id(detector) if detector is not None else None
    new: list[Row] = []
    append = new.append
    tails: dict[tuple[str, AccountRef | None], Row] = {}  # the store's columns, by platform and account
    for i in first.values():
        row = rows[i]
        if stored and row[_KEY] in stored:
            continue
        who = (row[_PLATFORM], refs[i])
        tail = tails.get(who)
        if tail is None:
            tail = tails[who] = (accounts.of(conn, *who, now), import_id, import_id, judged)
        append(row + tail)
    tally.activities.update(map(itemgetter(_KIND), new))
    activity_repo.insert_rows(conn, STORE_COLUMNS, new)
    for platform, ids in relink.items():
        account_id = accounts.owner(conn, platform, now)
        if account_id is not None:
            activity_repo.set_account(conn, ids, account_id)
            tally.linked += len(ids)
    if quarantined:
        activity_repo.insert_quarantine(conn, [{
            "source_sha256": q.provenance.sha256, "source_path": clean(q.provenance.path),
            "locator": clean(q.provenance.locator), "reason": clean(q.reason), "excerpt": clean(q.excerpt[:200]),
            "import_id": import_id} for q in quarantined])
    if detector is not None and new:
        dicts = [dict(zip(STORE_COLUMNS, row, strict=True)) for row in new]
        found = activity_repo.existing(conn, [r["key"] for r in dicts])
        tally.findings += judge(conn, detector, [(found[r["key"]].id, r) for r in dicts], now)


def judge(conn: Connection, detector: Detector, items: list[tuple[int, dict[str, Any]]], now: dt.datetime,
          rescan_id: int | None = None) -> int:
    """Judge activities and store the flagged findings; returns how many were flagged. An activity the
    detector fails on is left unjudged (``judged_pack`` None), so the next ``rescan`` tries it again."""
    out: list[dict[str, Any]] = []
    failed: list[int] = []
    for activity_id, row in items:
        finding = analyze(detector, row)
        if finding is None:
            failed.append(activity_id)
        elif finding.flag:
            out.append(finding_row(activity_id, row, finding, now, rescan_id))
    activity_repo.insert_findings(conn, out)
    activity_repo.mark_judged(conn, failed, None)
    return len(out)


def analyze(detector: Detector, row: dict[str, Any]) -> Finding | None:
    activity = Activity(id=str(row["key"]), text=row["text"] or "", kind=row["kind"], created_at=row["created_at"],
                        platform=row["platform"], target_text=row["target_text"],
                        target_account=row["target_account"])
    try:
        return detector.analyze(activity)
    except Exception:  # one activity the detector fails on must not stop an import; it stays unjudged
        return None


def finding_row(activity_id: int, activity: Mapping[str, Any], f: Finding, now: dt.datetime,
                rescan_id: int | None) -> dict[str, Any]:
    """A finding's row, with copies of its activity's account, platform and time (for the review queue)."""
    return {
        "activity_id": activity_id, "current": True, "score": round(f.score, 4), "violation": f.violation,
        "also": list(f.also), "targets": list(f.targets), "stance": f.stance, "contest": f.contest,
        "stage": f.stage, "evidence": [dict(e.to_json(), kind=e.kind, note=e.note) for e in f.evidence],
        "explanation": f.explanation, "detector_version": f.detector_version, "pack_version": f.pack_version,
        "judged_at": now, "rescan_id": rescan_id, "activity_account_id": activity["account_id"],
        "activity_platform": activity["platform"], "activity_at": activity["created_at"],
    }
