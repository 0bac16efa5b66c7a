"""Re-judging stored activities after a pack (or the detector) changed, recording what changed.

Only activities judged with another detector/pack fingerprint are judged again (``everything``
re-judges all). Per activity: a new flag adds a finding; a flag that disappears retires the
finding; a changed judgement (violation form, targets or score) retires the old finding and adds
one that names it in ``replaces_id``. Nothing is deleted: retired findings keep ``retired_in``.
"""

from __future__ import annotations

import getpass
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import RowMapping

from jaganetral.detect.engine import Detector
from jaganetral.detect.model import Finding
from jaganetral.service.import_batch import analyze, finding_row, judgement_id
from jaganetral.service.store import Store, now
from jaganetral.store import activity_repo, rescan_repo

BATCH = 2000


@dataclass
class RescanReport:
    rescan_id: int
    counts: Counter[str] = field(default_factory=Counter)  # judged, new, removed, changed, unchanged, failed

    def to_json(self) -> dict[str, Any]:
        keys = ("judged", "new", "removed", "changed", "unchanged", "failed")
        return {"rescan": self.rescan_id, **{k: self.counts.get(k, 0) for k in keys}}


def rescan(store: Store, detector: Detector, everything: bool = False, actor: str | None = None,
           progress: Callable[[RescanReport], None] | None = None, batch_size: int = BATCH) -> RescanReport:
    judged_with = judgement_id(detector)
    with store.transaction() as conn:
        rescan_id = rescan_repo.start_rescan(conn, now(), actor or getpass.getuser(), detector.kb_version,
                                             detector.version)
    report = RescanReport(rescan_id)
    after = 0
    while True:
        with store.transaction() as conn:
            rows = activity_repo.to_judge(conn, after, batch_size, None if everything else judged_with)
            if not rows:
                break
            ids = [int(r["id"]) for r in rows]
            old = activity_repo.current_findings(conn, ids)
            stamp = now()
            retire: list[int] = []
            add: list[dict[str, Any]] = []
            judged: list[int] = []  # a failed activity keeps its old mark: a later rescan tries it again
            for row in rows:
                report.counts["judged"] += 1
                data = dict(row)
                finding = analyze(detector, data)
                if finding is None:
                    report.counts["failed"] += 1
                    continue
                judged.append(int(row["id"]))
                before = old.get(int(row["id"]))
                outcome = compare(before, finding)
                report.counts[outcome] += 1
                if outcome in ("removed", "changed") and before is not None:
                    retire.append(int(before["id"]))
                if outcome in ("new", "changed"):
                    new_row = finding_row(int(row["id"]), data, finding, stamp, rescan_id)
                    new_row["replaces_id"] = int(before["id"]) if before is not None else None
                    add.append(new_row)
            activity_repo.retire_findings(conn, retire, rescan_id)
            activity_repo.insert_findings(conn, add)
            activity_repo.mark_judged(conn, judged, judged_with)
            after = ids[-1]
        if progress is not None:
            progress(report)
    with store.transaction() as conn:
        rescan_repo.finish_rescan(conn, rescan_id, now(), report.to_json())
    return report


def compare(before: RowMapping | None, after: Finding) -> str:
    """new, removed, changed or unchanged (``unchanged`` also when neither judgement flags)."""
    if before is None:
        return "new" if after.flag else "unchanged"
    if not after.flag:
        return "removed"
    same = (before["violation"] == after.violation and list(before["targets"]) == list(after.targets)
            and abs(float(before["score"]) - round(after.score, 4)) < 1e-4)
    return "unchanged" if same else "changed"
