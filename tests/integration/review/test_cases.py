"""A case carried through the whole procedure, by the roles that own each step."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from integration.review.seed import World
from jaganetral.service import audit, cases, review
from jaganetral.service.access import Forbidden, InvalidAction, NotFound
from jaganetral.service.case_rules import CaseRules
from jaganetral.service.store import Store, now
from jaganetral.store.tables_review import audit_events, case_documents, finding_reviews


def actions_logged(store: Store) -> list[str]:
    with store.read() as conn:
        return [r[0] for r in conn.execute(select(audit_events.c.action).order_by(audit_events.c.id))]


def test_the_whole_procedure(store: Store, world: World, rules: CaseRules) -> None:
    v = world.viewers
    fid = world.findings_a[0]
    case_id = cases.open_case(store, v["pengawas"], fid, "unggahan dukungan paslon", rules)
    with store.read() as conn:
        assert conn.execute(select(finding_reviews.c.decision)).scalar_one() == "kasus"
    detail = cases.case_detail(store, v["verifikator"], case_id, rules)
    assert detail.case["state"] == "temuan" and detail.case["number"].startswith("JN-")
    expected_due = rules.due("temuan", detail.case["opened_at"])
    assert expected_due is not None and detail.case["due_on"] == expected_due.date
    assert "lanjut" in detail.allowed and "hentikan" not in detail.allowed

    with pytest.raises(Forbidden):  # temuan belongs to the verifikator
        cases.act(store, v["pengawas"], case_id, "lanjut", {}, rules)
    cases.act(store, v["verifikator"], case_id, "lanjut", {}, rules)
    cases.act(store, v["verifikator"], case_id, "lanjut", {"catatan": "terverifikasi"}, rules)
    with pytest.raises(InvalidAction):  # no clarification recorded yet
        cases.act(store, v["verifikator"], case_id, "lanjut", {}, rules)
    statement = cases.UploadedDocument("klarifikasi.pdf", "application/pdf", b"%PDF-1.4 pernyataan", "klarifikasi")
    cases.act(store, v["verifikator"], case_id, "klarifikasi",
              {"pernyataan": "Pegawai menyatakan akunnya dipakai orang lain"}, rules, statement)
    cases.act(store, v["verifikator"], case_id, "lanjut", {}, rules)

    detail = cases.case_detail(store, v["pengawas"], case_id, rules)
    assert detail.case["state"] == "rekomendasi" and detail.sanctions
    with pytest.raises(InvalidAction):
        cases.act(store, v["pengawas"], case_id, "lanjut", {}, rules)  # no sanction yet
    with pytest.raises(InvalidAction):
        cases.act(store, v["pengawas"], case_id, "sanksi", {"sanksi": "hukuman_mati", "alasan": "salah"}, rules)
    choice = next(iter(detail.sanctions))
    cases.act(store, v["pengawas"], case_id, "sanksi", {"sanksi": choice, "alasan": "unggahan publik"}, rules)
    cases.act(store, v["pengawas"], case_id, "lanjut", {}, rules)

    with pytest.raises(Forbidden):  # another agency's head
        cases.act(store, v["pimpinan_b"], case_id, "keputusan_ppk", {"keputusan": "SK nomor 1"}, rules)
    with pytest.raises(Forbidden):
        cases.case_detail(store, v["pimpinan_b"], case_id, rules)
    cases.act(store, v["pimpinan_a"], case_id, "keputusan_ppk", {"keputusan": "SK Bupati Contoh nomor 1"}, rules)
    cases.act(store, v["pimpinan_a"], case_id, "lanjut", {}, rules)

    final = cases.case_detail(store, v["auditor"], case_id, rules)
    assert final.case["state"] == "selesai" and final.case["due_on"] is None
    assert final.allowed == []
    steps = [(e["from_state"], e["to_state"]) for e in final.events if e["action"] == "lanjut"]
    assert steps == [("temuan", "verifikasi"), ("verifikasi", "klarifikasi"), ("klarifikasi", "rekomendasi"),
                     ("rekomendasi", "tindak_lanjut"), ("tindak_lanjut", "selesai")]
    assert [d["filename"] for d in final.documents] == ["klarifikasi.pdf"]
    doc, data = cases.document_bytes(store, v["verifikator"], case_id, final.documents[0]["id"])
    assert data == b"%PDF-1.4 pernyataan" and store.vault.path_of(doc["sha256"]).exists()
    logged = actions_logged(store)
    assert logged.count("kasus.lihat") == 3 and logged.count("kasus.lanjut") == 5
    assert logged.count("kasus.akses_ditolak") == 1  # pimpinan_b's refused look
    assert "kasus.buka" in logged and "kasus.klarifikasi" in logged and "kasus.unduh_dokumen" in logged
    assert audit.verify_chain(store).ok


def test_a_failed_action_changes_nothing(store: Store, world: World, rules: CaseRules) -> None:
    v = world.viewers
    case_id = cases.open_case(store, v["verifikator"], world.findings_a[0], "", rules)
    before = actions_logged(store)
    big = cases.UploadedDocument("x.bin", None, b"x", "bukti")
    with pytest.raises(InvalidAction):
        cases.act(store, v["verifikator"], case_id, "catatan", {"catatan": ""}, rules, big)
    with store.read() as conn:
        assert conn.execute(select(case_documents)).first() is None
    assert actions_logged(store) == before


def test_stopping_needs_the_admin_and_a_reason(store: Store, world: World, rules: CaseRules) -> None:
    v = world.viewers
    case_id = cases.open_case(store, v["verifikator"], world.findings_b[0], "", rules)
    with pytest.raises(Forbidden):
        cases.act(store, v["verifikator"], case_id, "hentikan", {"alasan": "tidak cukup bukti"}, rules)
    with pytest.raises(InvalidAction):
        cases.act(store, v["admin"], case_id, "hentikan", {"alasan": ""}, rules)
    cases.act(store, v["admin"], case_id, "hentikan", {"alasan": "akun bukan milik pegawai"}, rules)
    detail = cases.case_detail(store, v["admin"], case_id, rules)
    assert detail.case["state"] == "dihentikan" and detail.case["stop_reason"] == "akun bukan milik pegawai"
    assert detail.allowed == ["catatan"]
    with pytest.raises(Forbidden):
        cases.act(store, v["verifikator"], case_id, "lanjut", {}, rules)


def test_one_case_per_finding_and_listing(store: Store, world: World, rules: CaseRules) -> None:
    v = world.viewers
    cases.open_case(store, v["pengawas"], world.findings_a[0], "", rules)
    with pytest.raises(InvalidAction):
        cases.open_case(store, v["pengawas"], world.findings_a[0], "", rules)
    with pytest.raises(Forbidden):
        cases.open_case(store, v["auditor"], world.findings_a[1], "", rules)
    with pytest.raises(NotFound):
        cases.case_detail(store, v["admin"], 999_999, rules)
    assert len(cases.list_cases(store, v["admin"])) == 1
    assert len(cases.list_cases(store, v["pimpinan_a"])) == 1
    assert cases.list_cases(store, v["pimpinan_b"]) == []
    assert cases.list_cases(store, v["admin"], cases.CaseFilter(overdue=True)) == []
    assert review.queue(store, v["admin"], review.QueueFilter(status="kasus")).total == 1


def test_overdue_when_the_deadline_has_passed(store: Store, world: World, rules: CaseRules) -> None:
    from jaganetral.store import case_repo
    case_id = cases.open_case(store, world.viewers["pengawas"], world.findings_a[0], "", rules)
    with store.transaction() as conn:
        case_repo.change(conn, case_id, {"due_on": now().date() - dt.timedelta(days=2)})
    listed = cases.list_cases(store, world.viewers["admin"], cases.CaseFilter(overdue=True))
    assert [c["id"] for c in listed] == [case_id]
    assert cases.case_detail(store, world.viewers["admin"], case_id, rules).overdue
