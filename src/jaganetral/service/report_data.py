"""From the database to the report renderers' input (:mod:`jaganetral.reports.model`).

Producing a case report is an access to the case: it is recorded in the audit chain, in the same
transaction that reads the case.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, cast

from sqlalchemy import RowMapping

from jaganetral.detect.model import WIB
from jaganetral.reports import model as rm
from jaganetral.service import review
from jaganetral.service.access import InvalidAction, Viewer, agency_clause
from jaganetral.service.audit import append_event
from jaganetral.service.case_rules import CaseRules, today_wib
from jaganetral.service.cases import is_overdue, visible_case
from jaganetral.service.store import Store, now
from jaganetral.store import case_repo, recap_repo, review_repo
from jaganetral.store.tables import employees
from jaganetral.store.tables_review import cases

DEFAULT_OFFICE = "Pemerintah Daerah"


def _person(viewer: Viewer) -> rm.Person:
    return rm.Person(viewer.username, viewer.full_name or None, viewer.role)


def _finding(row: RowMapping, spans: list[dict[str, Any]], rules: CaseRules) -> rm.FindingData:
    form = rules.forms.get(row["violation"] or "")
    legal = "; ".join(x for x in (form.skb_item if form else None, form.basis if form else None) if x)
    return rm.FindingData(
        form_id=row["violation"] or "-", form_title=form.text if form else "(bentuk pelanggaran tidak dikenal)",
        legal_basis=legal or "SKB 2/2022", score=min(1.0, max(0.0, float(row["score"]))),
        explanation=row["explanation"], detector_version=row["detector_version"],
        pack_version=row["pack_version"], stance=row["stance"], contest=row["contest"],
        targets=tuple(str(t.get("name", t)) if isinstance(t, dict) else str(t) for t in row["targets"] or []),
        spans=tuple(rm.EvidenceSpan(s["start"], s["end"], s["text"], s["label"]) for s in spans))


def case_report(store: Store, viewer: Viewer, case_id: int, rules: CaseRules,
                office: str = DEFAULT_OFFICE) -> rm.CaseReportData:
    with store.transaction() as conn:
        case = visible_case(conn, viewer, case_id)
        append_event(conn, viewer.username, "kasus.laporan", "kasus", case_id, {"nomor": case["number"]})
        events = case_repo.events(conn, case_id)
        documents = case_repo.documents(conn, case_id)
    detail = review.finding_detail(store, viewer, case["finding_id"])
    row = detail.row
    labels = rules.procedure.labels()
    employee = rm.Employee(row["employee_name"], row["nip"] or row["staff_number"],
                           cast(Any, row["employee_status"]), row["position"], row["agency_name"])
    activity = rm.ActivityData(row["platform"], cast(Any, row["kind"]), row["created_at"], row["text"] or "",
                               row["target_text"], row["target_account"], row["target_group"], row["url"])
    timeline = tuple(rm.TimelineEvent(e["at"], e["full_name"] or e["username"], _action_label(e["action"]),
                                      e["from_state"], e["to_state"], e["note"]) for e in events)
    docs = tuple(rm.DocumentData(d["filename"], d["kind"], d["sha256"], d["uploaded_at"], d["username"])
                 for d in documents)
    deadlines: tuple[rm.Deadline, ...] = ()
    if case["due_on"] is not None:
        deadlines = (rm.Deadline(labels.get(case["state"], case["state"]), case["due_on"],
                                 is_overdue(case, today_wib(now()))),)
    sanction = rules.procedure.sanctions.get(case["sanction"] or "")
    return rm.CaseReportData(
        case_number=case["number"], state=case["state"], opened_at=case["opened_at"], generated_at=now(),
        generated_by=_person(viewer), office=office, employee=employee,
        account=rm.Account(row["account_platform"], row["handle"], row["profile_url"]),
        activity=activity, finding=_finding(row, detail.spans, rules),
        source=rm.EvidenceSource(row["source_sha256"], row["source_path"], row["locator"], row["imported_at"]),
        timeline=timeline, documents=docs, deadlines=deadlines,
        proposed_sanction=sanction.label if sanction else None, ppk_decision=case["ppk_decision"])


ACTION_LABELS = {"buka": "Kasus dibuka", "lanjut": "Pindah tahap", "klarifikasi": "Klarifikasi pegawai dicatat",
                 "sanksi": "Usulan sanksi", "keputusan_ppk": "Keputusan PPK dicatat", "catatan": "Catatan",
                 "dokumen": "Dokumen diunggah", "hentikan": "Kasus dihentikan"}


def _action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def recap(store: Store, viewer: Viewer, rules: CaseRules, start: dt.date, end: dt.date,
          agency_id: int | None = None, office: str | None = None) -> rm.RecapData:
    """Findings (by the activity's time) and cases (by opening time) from ``start`` to ``end`` inclusive, WIB."""
    if end < start:
        raise InvalidAction("tanggal akhir sebelum tanggal awal")
    lo = dt.datetime.combine(start, dt.time(), WIB)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), WIB)
    f_scope = agency_clause(viewer, employees.c.agency_id)
    c_scope = agency_clause(viewer, cases.c.agency_id)
    if agency_id is not None:
        f_scope = f_scope & (employees.c.agency_id == agency_id)
        c_scope = c_scope & (cases.c.agency_id == agency_id)
    today = today_wib(now())
    with store.read() as conn:
        by_agency = dict(review_repo.counts_by(conn, "agency", f_scope, lo, hi))
        forms = review_repo.counts_by(conn, "violation", f_scope, lo, hi)
        platforms = review_repo.counts_by(conn, "platform", f_scope, lo, hi)
        mondays = review_repo.counts_by(conn, "week", f_scope, lo, hi)
        case_rows = recap_repo.case_counts(conn, c_scope, lo, hi, today)
    scope_names = tuple(a["name"] for a in review.agencies(store, viewer)
                        if agency_id is None or a["id"] == agency_id)
    per: dict[str, dict[str, int]] = {name: {"findings": n} for name, n in by_agency.items()}
    for agency, state, n, late in case_rows:
        slot = per.setdefault(agency, {"findings": 0})
        slot[state] = slot.get(state, 0) + n
        slot["overdue"] = slot.get("overdue", 0) + late
    rows = tuple(rm.AgencyRow(name, **counts) for name, counts in sorted(per.items()))
    weeks: Counter[tuple[int, int]] = Counter()
    for monday, n in mondays:
        weeks[dt.date.fromisoformat(str(monday)).isocalendar()[:2]] += n
    titles = {code: form.text for code, form in rules.forms.items()}
    return rm.RecapData(
        title="REKAPITULASI DUGAAN PELANGGARAN NETRALITAS ASN", period_start=start, period_end=end,
        generated_at=now(), generated_by=_person(viewer), office=office,
        scope=scope_names if (viewer.scoped or agency_id is not None) else (),
        rows=rows, forms=tuple(rm.FormCount(code, titles.get(code, "-"), n) for code, n in forms),
        platforms=tuple(rm.PlatformCount(p, n) for p, n in platforms),
        weeks=tuple(rm.WeekCount(y, w, n) for (y, w), n in sorted(weeks.items())))
