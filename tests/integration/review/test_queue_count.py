"""The queue's total: exact up to the cap, "more than" past it; the count joins only what it needs."""

from __future__ import annotations

import pytest
from sqlalchemy import and_, func, select, true

from integration.review.seed import World
from jaganetral.service import review
from jaganetral.service.store import Store
from jaganetral.store import review_repo
from jaganetral.store.review_repo import QueueQuery


def test_small_queues_are_counted_exactly(store: Store, world: World) -> None:
    everything = len(world.findings_a) + len(world.findings_b)
    page = review.queue(store, world.viewers["admin"])
    assert page.exact and page.total == everything == len(page.rows)
    scoped = review.queue(store, world.viewers["pimpinan_a"], review.QueueFilter(platform="x"))
    assert scoped.exact and scoped.total == len(world.findings_a)


@pytest.mark.parametrize("offset", [0, 1])
def test_counting_stops_past_the_cap(store: Store, world: World, offset: int) -> None:
    everything = len(world.findings_a) + len(world.findings_b)
    assert everything >= 3
    page = review.queue(store, world.viewers["pengawas"], limit=1, offset=offset, count_cap=1)
    # counting stops after max(cap, offset + limit) + 1 matches: "more than" that many minus one
    assert not page.exact and page.total == max(1, offset + 1) and len(page.rows) == 1
    exact = review.queue(store, world.viewers["pengawas"], limit=1, offset=offset, count_cap=None)
    assert exact.exact and exact.total == everything
    roomy = review.queue(store, world.viewers["pengawas"], count_cap=everything)
    assert roomy.exact and roomy.total == everything


def test_count_leaves_out_joins_no_condition_uses(store: Store, world: World) -> None:
    plain = review_repo._counted(review_repo._where(QueueQuery(), true()))
    sql = str(plain)
    assert "activities" not in sql and "employees" not in sql and "finding_reviews" in sql
    by_agency = str(review_repo._counted(review_repo._where(QueueQuery(agency_id=world.agency_a), true())))
    assert all(t in by_agency for t in ("accounts", "employees")) and "agencies" not in by_agency
    assert "activities" not in by_agency  # the finding carries its activity's account
    by_platform = str(review_repo._counted(review_repo._where(QueueQuery(platform="x"), true())))
    assert "activities" not in by_platform and "accounts" not in by_platform
    with store.read() as conn:  # the same numbers as counting over every join
        for q in (QueueQuery(), QueueQuery(agency_id=world.agency_a), QueueQuery(platform="x", status="semua")):
            cond = review_repo._where(q, true())
            full = conn.execute(review_repo._joined([func.count()]).where(and_(*cond))).scalar_one()
            assert conn.execute(review_repo._counted(cond)).scalar_one() == full
            assert conn.execute(select(review_repo._counted(cond, 2).subquery().c[0])).scalar_one() == min(full, 2)
