"""Queue, finding detail and dismissal: agency scoping in the queries, reasons, audit events."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from integration.review.seed import World
from jaganetral.service import audit, review
from jaganetral.service.access import Forbidden, InvalidAction, NotFound
from jaganetral.service.store import Store
from jaganetral.store.tables_review import audit_events, finding_reviews


def ids(page: review.QueuePage) -> set[int]:
    return {int(r["finding_id"]) for r in page.rows}


def test_queue_is_scoped_to_the_pimpinan_agencies(store: Store, world: World) -> None:
    everything = set(world.findings_a) | set(world.findings_b)
    assert world.findings_a and world.findings_b
    assert ids(review.queue(store, world.viewers["admin"])) == everything
    assert ids(review.queue(store, world.viewers["pimpinan_a"])) == set(world.findings_a)
    page_b = review.queue(store, world.viewers["pimpinan_b"])
    assert ids(page_b) == set(world.findings_b) and page_b.total == len(world.findings_b)
    # a filter naming another agency does not widen the scope
    sneaky = review.queue(store, world.viewers["pimpinan_b"], review.QueueFilter(agency_id=world.agency_a))
    assert sneaky.total == 0 and not sneaky.rows


def test_queue_is_ordered_by_score_and_filters(store: Store, world: World) -> None:
    page = review.queue(store, world.viewers["pengawas"])
    scores = [r["score"] for r in page.rows]
    assert scores == sorted(scores, reverse=True)
    high = review.queue(store, world.viewers["pengawas"], review.QueueFilter(min_score=2.0))
    assert high.total == 0
    only_b = review.queue(store, world.viewers["pengawas"], review.QueueFilter(agency_id=world.agency_b))
    assert ids(only_b) == set(world.findings_b)


def test_finding_detail_checks_the_agency(store: Store, world: World) -> None:
    fid = world.findings_a[0]
    detail = review.finding_detail(store, world.viewers["pimpinan_a"], fid)
    assert detail.row["employee_name"] == "Andi Contoh"
    assert detail.spans, "evidence spans point into the text"
    for span in detail.spans:
        assert detail.row["text"][span["start"]:span["end"]] == span["text"]
    with pytest.raises(Forbidden):
        review.finding_detail(store, world.viewers["pimpinan_b"], fid)
    with pytest.raises(NotFound):
        review.finding_detail(store, world.viewers["admin"], 999_999)


def test_dismiss_needs_a_reason_and_is_audited(store: Store, world: World) -> None:
    fid = world.findings_a[0]
    with pytest.raises(InvalidAction):
        review.dismiss(store, world.viewers["verifikator"], [fid], "  ")
    assert review.dismiss(store, world.viewers["verifikator"], [fid], "berita, bukan kampanye") == 1
    assert fid not in ids(review.queue(store, world.viewers["admin"]))
    assert fid in ids(review.queue(store, world.viewers["admin"], review.QueueFilter(status="ditolak")))
    with pytest.raises(InvalidAction):
        review.dismiss(store, world.viewers["verifikator"], [fid], "sekali lagi ditolak")
    with store.read() as conn:
        event = conn.execute(select(audit_events).where(audit_events.c.action == "temuan.tolak")).mappings().one()
    assert event["actor"] == "verifikator" and event["object_id"] == str(fid)
    assert event["details"]["alasan"] == "berita, bukan kampanye"
    assert audit.verify_chain(store).ok


def test_bulk_dismiss_is_all_or_nothing(store: Store, world: World) -> None:
    with pytest.raises(Forbidden):  # pimpinan may not triage at all
        review.dismiss(store, world.viewers["pimpinan_a"], world.findings_a, "bukan pelanggaran")
    with pytest.raises(NotFound):
        review.dismiss(store, world.viewers["pengawas"], [world.findings_a[0], 999_999], "bukan pelanggaran")
    with store.read() as conn:
        assert conn.execute(select(finding_reviews)).first() is None
    with store.read() as conn:
        assert conn.execute(select(audit_events)).first() is None


def test_dashboard_counts_are_scoped(store: Store, world: World) -> None:
    full = review.dashboard(store, world.viewers["admin"])
    assert sum(n for _, n in full.by_agency) == len(world.findings_a) + len(world.findings_b)
    assert sum(n for _, n in full.by_week) == sum(n for _, n in full.by_platform)
    assert all(str(week).count("-") == 2 for week, _ in full.by_week)
    scoped = review.dashboard(store, world.viewers["pimpinan_b"])
    assert dict(scoped.by_agency) == {"Dinas Contoh Dua": len(world.findings_b)}
