"""Cases: a finding a person decided to pursue, carried through the procedure step by step.

Each step has an owner role (``procedure.yaml``); only a person with that role moves the case on,
and only when the step's requirements are recorded (the employee's clarification, the proposed
sanction, the PPK's decision). Every change and every view writes a case event (where it belongs
to the timeline) and an audit event, in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, RowMapping

from jaganetral.service import review
from jaganetral.service.access import (
    Forbidden,
    InvalidAction,
    NotFound,
    Viewer,
    agency_clause,
)
from jaganetral.service.audit import append_event
from jaganetral.service.case_rules import CaseRules, today_wib
from jaganetral.service.store import Store, now
from jaganetral.store import case_repo
from jaganetral.store.tables_review import cases
from jaganetral.store.vault import record_object

ACTIONS = ("lanjut", "klarifikasi", "sanksi", "keputusan_ppk", "catatan", "dokumen", "hentikan")
DOC_KINDS = ("klarifikasi", "bukti", "surat", "lainnya")
MAX_DOCUMENT = 20 * 1024 * 1024


@dataclass(frozen=True)
class UploadedDocument:
    filename: str
    content_type: str | None
    data: bytes
    kind: str = "lainnya"


@dataclass(frozen=True)
class CaseFilter:
    state: str | None = None
    agency_id: int | None = None
    overdue: bool = False
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class CaseDetail:
    case: RowMapping
    finding: review.FindingDetail
    events: list[RowMapping]
    documents: list[RowMapping]
    overdue: bool
    allowed: list[str]  # the actions this viewer may take now
    sanctions: dict[str, str] = field(default_factory=dict)  # code -> label, for rekomendasi


def open_case(store: Store, viewer: Viewer, finding_id: int, note: str, rules: CaseRules) -> int:
    at = now()
    with store.transaction() as conn:
        row = review.claim_for_case(conn, viewer, finding_id)
        first = rules.procedure.first.id
        due = rules.due(first, at)
        case_id, number = case_repo.create(conn, {
            "finding_id": finding_id, "employee_id": row["employee_id"], "agency_id": row["agency_id"],
            "state": first, "violation": row["violation"], "opened_by": viewer.user_id,
            "opened_at": at, "state_since": at, "due_on": due.date if due else None, "updated_at": at,
        }, today_wib(at).year)
        case_repo.add_event(conn, {"case_id": case_id, "at": at, "user_id": viewer.user_id,
                                   "action": "buka", "from_state": None, "to_state": first,
                                   "note": (note or "").strip() or None,
                                   "data": {"temuan": finding_id, "skor": row["score"]}})
        append_event(conn, viewer.username, "kasus.buka", "kasus", case_id,
                     {"nomor": number, "temuan": finding_id, "pelanggaran": row["violation"]})
    return case_id


def visible_case(conn: Connection, viewer: Viewer, case_id: int, for_update: bool = False) -> RowMapping:
    row = case_repo.get(conn, case_id, for_update)
    if row is None:
        raise NotFound(f"kasus {case_id} tidak ada")
    if not viewer.sees_agency(row["agency_id"]):
        raise Forbidden("kasus ini milik OPD di luar wewenang Anda")
    return row


def allowed_actions(case: RowMapping, viewer: Viewer, rules: CaseRules) -> list[str]:
    if viewer.role == "auditor":
        return []
    state = rules.procedure.state(case["state"])
    out: list[str] = []
    if state.terminal:
        return ["catatan"]
    if viewer.role == state.owner:
        out.append("lanjut")
        if state.id == "klarifikasi":
            out.append("klarifikasi")
        if state.id == "rekomendasi":
            out.append("sanksi")
        if state.id == "tindak_lanjut":
            out.append("keputusan_ppk")
    out += ["catatan", "dokumen"]
    if viewer.role == rules.procedure.stop.owner:
        out.append("hentikan")
    return out


def is_overdue(case: RowMapping, today: dt.date) -> bool:
    return case["due_on"] is not None and case["due_on"] < today


def case_detail(store: Store, viewer: Viewer, case_id: int, rules: CaseRules) -> CaseDetail:
    """One case with its timeline; the view itself is recorded in the audit chain."""
    try:
        with store.transaction() as conn:
            row = visible_case(conn, viewer, case_id)
            append_event(conn, viewer.username, "kasus.lihat", "kasus", case_id, {"nomor": row["number"]})
            events = case_repo.events(conn, case_id)
            documents = case_repo.documents(conn, case_id)
    except Forbidden:
        with store.transaction() as conn:  # a refused look is on the record too
            append_event(conn, viewer.username, "kasus.akses_ditolak", "kasus", case_id, {"peran": viewer.role})
        raise
    finding = review.finding_detail(store, viewer, row["finding_id"])
    sanctions = {k: v.label for k, v in rules.sanctions(row["violation"]).items()}
    return CaseDetail(row, finding, events, documents, is_overdue(row, today_wib(now())),
                      allowed_actions(row, viewer, rules), sanctions)


def list_cases(store: Store, viewer: Viewer, f: CaseFilter | None = None) -> list[RowMapping]:
    f = f or CaseFilter()
    overdue = today_wib(now()) if f.overdue else None
    with store.read() as conn:
        return case_repo.listing(conn, agency_clause(viewer, cases.c.agency_id), f.state, f.agency_id,
                                 overdue, max(1, min(f.limit, 500)), max(0, f.offset))


def _text(form: Mapping[str, str], key: str, what: str, minimum: int = 5) -> str:
    value = (form.get(key) or "").strip()
    if len(value) < minimum:
        raise InvalidAction(f"{what} wajib diisi (paling sedikit {minimum} huruf)")
    return value


def act(store: Store, viewer: Viewer, case_id: int, action: str, form: Mapping[str, str],
        rules: CaseRules, document: UploadedDocument | None = None) -> None:
    """Carry out one action on a case (see :data:`ACTIONS`), as the viewer, in one transaction."""
    if action not in ACTIONS:
        raise InvalidAction(f"tindakan tidak dikenal: {action}")
    if document is not None and len(document.data) > MAX_DOCUMENT:
        raise InvalidAction("dokumen terlalu besar (paling besar 20 MB)")
    at = now()
    stored = store.vault.put_stream(io.BytesIO(document.data)) if document is not None else None
    with store.transaction() as conn:
        case = visible_case(conn, viewer, case_id, for_update=True)
        if action not in allowed_actions(case, viewer, rules):
            raise Forbidden(f"tindakan '{action}' tidak boleh dilakukan oleh peran {viewer.role} "
                            f"pada tahap {case['state']}")
        state = rules.procedure.state(case["state"])
        event: dict[str, Any] = {"case_id": case_id, "at": at, "user_id": viewer.user_id, "action": action,
                                 "from_state": None, "to_state": None, "note": None, "data": None}
        changes: dict[str, Any] = {}
        if action == "lanjut":
            _check_requirements(conn, case, state.requires)
            nxt = state.next or ""
            due = rules.due(nxt, at)
            changes = {"state": nxt, "state_since": at, "due_on": due.date if due else None}
            event.update(from_state=case["state"], to_state=nxt, note=(form.get("catatan") or "").strip() or None)
        elif action == "hentikan":
            reason = _text(form, "alasan", "alasan penghentian")
            changes = {"state": "dihentikan", "state_since": at, "due_on": None, "stop_reason": reason}
            event.update(from_state=case["state"], to_state="dihentikan", note=reason)
        elif action == "klarifikasi":
            event.update(note=_text(form, "pernyataan", "pernyataan pegawai"))
        elif action == "sanksi":
            code = (form.get("sanksi") or "").strip()
            options = rules.sanctions(case["violation"])
            if code not in options:
                raise InvalidAction("pilih sanksi yang sesuai dengan bentuk pelanggaran")
            changes = {"sanction": code}
            event.update(note=_text(form, "alasan", "pertimbangan rekomendasi"), data={"sanksi": code})
        elif action == "keputusan_ppk":
            decision = _text(form, "keputusan", "keputusan PPK")
            changes = {"ppk_decision": decision}
            event.update(note=decision)
        elif action == "catatan":
            event.update(note=_text(form, "catatan", "catatan", 2))
        elif action == "dokumen" and document is None:
            raise InvalidAction("pilih berkas dokumen yang akan diunggah")
        if stored is not None and document is not None:
            record_object(conn, stored, at)
            kind = document.kind if document.kind in DOC_KINDS else "lainnya"
            doc_id = case_repo.add_document(conn, {
                "case_id": case_id, "sha256": stored.sha256, "filename": document.filename[:300] or "dokumen",
                "content_type": document.content_type, "kind": kind, "user_id": viewer.user_id,
                "uploaded_at": at})
            event["data"] = dict(event["data"] or {}, dokumen=doc_id, sha256=stored.sha256)
        if changes:
            case_repo.change(conn, case_id, dict(changes, updated_at=at))
        case_repo.add_event(conn, event)
        append_event(conn, viewer.username, f"kasus.{action}", "kasus", case_id,
                     {"nomor": case["number"], "dari": event["from_state"], "ke": event["to_state"],
                      **{k: v for k, v in changes.items() if k in ("sanction", "stop_reason")},
                      **({"sha256": stored.sha256} if stored else {})})


def _check_requirements(conn: Connection, case: RowMapping, requires: Sequence[str]) -> None:
    if "klarifikasi" in requires and not any(e["action"] == "klarifikasi" for e in case_repo.events(conn, case["id"])):
        raise InvalidAction("catat dulu klarifikasi (pernyataan) pegawai sebelum melanjutkan")
    if "sanksi" in requires and not case["sanction"]:
        raise InvalidAction("usulkan dulu sanksi sebelum mengirim rekomendasi")
    if "keputusan_ppk" in requires and not case["ppk_decision"]:
        raise InvalidAction("catat dulu keputusan PPK sebelum menyelesaikan kasus")


def document_bytes(store: Store, viewer: Viewer, case_id: int, document_id: int) -> tuple[RowMapping, bytes]:
    with store.transaction() as conn:
        visible_case(conn, viewer, case_id)
        doc = case_repo.document(conn, document_id)
        if doc is None or doc["case_id"] != case_id:
            raise NotFound("dokumen tidak ada")
        append_event(conn, viewer.username, "kasus.unduh_dokumen", "kasus", case_id,
                     {"dokumen": document_id, "sha256": doc["sha256"]})
    return doc, store.vault.path_of(doc["sha256"]).read_bytes()
