"""The audit chain shows any changed, removed or inserted event."""

from __future__ import annotations

from sqlalchemy import delete, update

from integration.review.seed import World
from jaganetral.service import audit, review
from jaganetral.service.store import Store
from jaganetral.store.tables_review import audit_events


def make_events(store: Store, world: World, n: int = 3) -> None:
    for fid in (world.findings_a + world.findings_b)[:n]:
        review.dismiss(store, world.viewers["pengawas"], [fid], "bukan kampanye, hanya berita")


def test_an_untouched_chain_verifies(store: Store, world: World) -> None:
    make_events(store, world)
    report = audit.verify_chain(store)
    assert report.ok and report.count == 3 and report.first_bad_id is None


def test_a_changed_event_is_named(store: Store, world: World) -> None:
    make_events(store, world)
    with store.transaction() as conn:
        conn.execute(update(audit_events).where(audit_events.c.id == 2).values(details={"alasan": "diubah"}))
    report = audit.verify_chain(store)
    assert not report.ok and report.first_bad_id == 2 and "diubah" in report.message


def test_a_removed_event_shows(store: Store, world: World) -> None:
    make_events(store, world)
    with store.transaction() as conn:
        conn.execute(delete(audit_events).where(audit_events.c.id == 2))
    report = audit.verify_chain(store)
    assert not report.ok and report.first_bad_id == 3


def test_removing_the_last_event_shows(store: Store, world: World) -> None:
    make_events(store, world)
    with store.transaction() as conn:
        conn.execute(delete(audit_events).where(audit_events.c.id == 3))
    report = audit.verify_chain(store)
    assert not report.ok and "kepala rantai" in report.message


def test_a_changed_actor_shows(store: Store, world: World) -> None:
    make_events(store, world, 1)
    with store.transaction() as conn:
        conn.execute(update(audit_events).values(actor="orang_lain"))
    assert not audit.verify_chain(store).ok
