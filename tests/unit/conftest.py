"""Shared fixtures for the unit tests.

Everything here is built from the packs shipped inside the package (``load_packs()`` with no
arguments), so the tests run on any machine with the package installed. All example sentences
in the tests are invented for the tests; none is a real person's post.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from jaganetral.detect.engine import Detector, DetectorSettings
from jaganetral.detect.model import WIB, Activity, ActivityKind, Evidence
from jaganetral.detect.recognizers.base import Context
from jaganetral.knowledge.base import KnowledgeBase
from jaganetral.knowledge.loader import load_packs

When = str | dt.date | dt.datetime | None


def to_datetime(when: When) -> dt.datetime | None:
    """``"2024-01-10"`` or a date → noon Western Indonesia Time that day; a datetime is kept as is."""
    if when is None:
        return None
    if isinstance(when, dt.datetime):
        return when
    if isinstance(when, str):
        when = dt.date.fromisoformat(when)
    return dt.datetime.combine(when, dt.time(12, 0), tzinfo=WIB)


def make_activity(
    text: str = "",
    when: When = None,
    kind: ActivityKind = "post",
    *,
    target_text: str | None = None,
    target_account: str | None = None,
    ident: str = "uji-1",
    platform: str | None = None,
) -> Activity:
    """An Activity dated ``when`` (``None``: the date is unknown)."""
    return Activity(
        id=ident,
        text=text,
        kind=kind,
        created_at=to_datetime(when),
        platform=platform,
        target_text=target_text,
        target_account=target_account,
    )


def field_evidence(
    detector: Detector,
    text: str,
    when: When = None,
    *,
    field: str = "text",
    kind: ActivityKind = "post",
) -> list[Evidence]:
    """Evidence that ``detector`` finds in one field holding ``text``, for an activity dated ``when``."""
    activity = make_activity(text if field == "text" else "", when, kind,
                             target_text=text if field == "target_text" else None,
                             target_account=text if field == "target_account" else None)
    ctx = Context(activity, activity.day, detector.resolver)
    return detector.evidence(field, text, ctx)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_packs()


@pytest.fixture(scope="session")
def detector(kb: KnowledgeBase) -> Detector:
    return Detector(kb)


@pytest.fixture(scope="session")
def basel_detector(kb: KnowledgeBase) -> Detector:
    """A detector set up for Kabupaten Bangka Selatan (its Pilbup and the Babel Pilgub in play)."""
    return Detector(kb, DetectorSettings(region="basel"))


@pytest.fixture(scope="session")
def activity() -> Callable[..., Activity]:
    """``activity(text, "2024-01-10", "like", target_text=...)`` builds a dated Activity."""
    return make_activity


@pytest.fixture(scope="session")
def evidence_of(detector: Detector) -> Callable[..., list[Evidence]]:
    """``evidence_of(text, "2024-01-10", field="text", kind="post")`` → the detector's evidence for one field."""

    def run(text: str, when: When = None, *, field: str = "text", kind: ActivityKind = "post",
            using: Detector | None = None) -> list[Evidence]:
        return field_evidence(using or detector, text, when, field=field, kind=kind)

    return run
