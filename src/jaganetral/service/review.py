"""Triage of findings: the queue, one finding in context, dismissal with a reason, the dashboard.

Every function takes the :class:`Viewer`; agency scoping is part of each query. A dismissal or a
case opened from a finding is a person's decision, recorded with an audit event in the same
transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, RowMapping, insert

from jaganetral.service.access import (
    TRIAGE_ROLES,
    Forbidden,
    InvalidAction,
    NotFound,
    Viewer,
    agency_clause,
    require_role,
)
from jaganetral.service.audit import append_event
from jaganetral.service.store import Store, now
from jaganetral.store import review_repo
from jaganetral.store.review_repo import QueueQuery
from jaganetral.store.tables import agencies as agencies_table
from jaganetral.store.tables import employees
from jaganetral.store.tables_review import cases, finding_reviews

QueueFilter = QueueQuery
MIN_REASON = 5
# The queue counts matching findings up to here, then says "more than": an exact count of a
# filtered queue reads every current finding's activity, on each page view.
COUNT_CAP = 1000


@dataclass(frozen=True)
class QueuePage:
    rows: list[RowMapping]
    total: int
    limit: int
    offset: int
    exact: bool = True  # False: more than ``total`` findings match (counting stopped at COUNT_CAP)


@dataclass(frozen=True)
class FindingDetail:
    row: RowMapping
    spans: list[dict[str, Any]]  # evidence spans into row["text"]: start, end, label, text
    history: list[RowMapping] = field(default_factory=list)  # the employee's other findings


@dataclass(frozen=True)
class Dashboard:
    by_agency: list[tuple[Any, int]]
    by_violation: list[tuple[Any, int]]
    by_platform: list[tuple[Any, int]]
    by_week: list[tuple[Any, int]]
    cases: list[tuple[str, str, int]]


def queue(store: Store, viewer: Viewer, q: QueueFilter | None = None, limit: int = 50,
          offset: int = 0, count_cap: int | None = COUNT_CAP) -> QueuePage:
    """A page of the queue; the total is exact up to ``count_cap`` (None: always exact)."""
    limit = max(1, min(limit, 500))
    with store.read() as conn:
        rows, total, exact = review_repo.queue(conn, q or QueueQuery(),
                                               agency_clause(viewer, employees.c.agency_id),
                                               limit, max(0, offset), count_cap)
    return QueuePage(rows, total, limit, offset, exact)


def _visible_finding(conn: Connection, viewer: Viewer, finding_id: int) -> RowMapping:
    row = review_repo.finding(conn, finding_id)
    if row is None:
        raise NotFound(f"temuan {finding_id} tidak ada")
    if not viewer.sees_agency(row["agency_id"]):
        raise Forbidden("temuan ini milik OPD di luar wewenang Anda")
    return row


def spans_of(row: RowMapping) -> list[dict[str, Any]]:
    """The evidence spans that point into the activity text, sorted, overlaps dropped."""
    text = row["text"] or ""
    out: list[dict[str, Any]] = []
    for ev in row["evidence"] or []:
        start, end = ev.get("start"), ev.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            continue
        if ev.get("field", "text") not in ("text", None):
            continue
        out.append({"start": start, "end": end, "label": str(ev.get("note") or ev.get("kind") or ""),
                    "text": text[start:end]})
    out.sort(key=lambda s: (s["start"], -s["end"]))
    kept: list[dict[str, Any]] = []
    for s in out:
        if not kept or s["start"] >= kept[-1]["end"]:
            kept.append(s)
    return kept


def finding_detail(store: Store, viewer: Viewer, finding_id: int) -> FindingDetail:
    with store.read() as conn:
        row = _visible_finding(conn, viewer, finding_id)
        history = []
        if row["employee_id"] is not None:
            history = [h for h in review_repo.employee_findings(conn, row["employee_id"])
                       if h["finding_id"] != finding_id]
    return FindingDetail(row, spans_of(row), history)


def dismiss(store: Store, viewer: Viewer, finding_ids: Sequence[int], reason: str) -> int:
    """Dismiss findings (all or none) with a required reason; returns how many."""
    require_role(viewer, TRIAGE_ROLES, "menolak temuan")
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise InvalidAction("alasan penolakan wajib diisi (paling sedikit 5 huruf)")
    ids = sorted(set(int(i) for i in finding_ids))
    if not ids:
        raise InvalidAction("pilih paling sedikit satu temuan")
    with store.transaction() as conn:
        for fid in ids:
            row = _visible_finding(conn, viewer, fid)
            _check_open(row)
            conn.execute(insert(finding_reviews).values(
                finding_id=fid, decision="ditolak", reason=reason, user_id=viewer.user_id,
                decided_at=now()))
            append_event(conn, viewer.username, "temuan.tolak", "temuan", fid,
                         {"alasan": reason, "skor": row["score"], "pelanggaran": row["violation"]})
    return len(ids)


def _check_open(row: RowMapping) -> None:
    if not row["current"]:
        raise InvalidAction(f"temuan {row['id']} sudah diganti oleh pemindaian ulang")
    if row["decision"] is not None:
        raise InvalidAction(f"temuan {row['id']} sudah diputuskan ({row['decision']})")


def claim_for_case(conn: Connection, viewer: Viewer, finding_id: int) -> RowMapping:
    """Inside a transaction: check the finding may become a case and record that decision."""
    require_role(viewer, TRIAGE_ROLES, "membuka kasus")
    row = _visible_finding(conn, viewer, finding_id)
    _check_open(row)
    conn.execute(insert(finding_reviews).values(
        finding_id=finding_id, decision="kasus", reason=None, user_id=viewer.user_id,
        decided_at=now()))
    return row


def dashboard(store: Store, viewer: Viewer, since: dt.datetime | None = None) -> Dashboard:
    scope = agency_clause(viewer, employees.c.agency_id)
    with store.read() as conn:
        return Dashboard(
            by_agency=review_repo.counts_by(conn, "agency", scope, since),
            by_violation=review_repo.counts_by(conn, "violation", scope, since),
            by_platform=review_repo.counts_by(conn, "platform", scope, since),
            by_week=review_repo.counts_by(conn, "week", scope, since),
            cases=review_repo.case_counts(conn, agency_clause(viewer, cases.c.agency_id)),
        )


def agencies(store: Store, viewer: Viewer) -> list[RowMapping]:
    with store.read() as conn:
        return review_repo.agencies_list(conn, agency_clause(viewer, agencies_table.c.id))
