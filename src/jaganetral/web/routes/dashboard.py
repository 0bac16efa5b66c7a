"""Dasbor: findings and cases by agency, violation form, platform and ISO week, as plain bar charts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from jaganetral.service import review
from jaganetral.web.deps import CurrentUser, RulesDep, StoreDep
from jaganetral.web.templating import render

router = APIRouter()


def bars(pairs: Sequence[tuple[Any, int]], labels: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Rows of a bar chart: label, count and the bar's width in percent of the largest."""
    top = max((n for _, n in pairs), default=0) or 1
    return [{"label": (labels or {}).get(str(k), str(k)), "key": str(k), "n": n, "pct": round(100 * n / top, 1)}
            for k, n in pairs]


@router.get("/")
def home(request: Request, viewer: CurrentUser, store: StoreDep, rules: RulesDep) -> Response:
    data = review.dashboard(store, viewer)
    states = rules.procedure.labels()
    per_agency: dict[str, int] = defaultdict(int)
    per_state: dict[str, int] = defaultdict(int)
    for agency, state, n in data.cases:
        per_agency[agency] += n
        per_state[state] += n
    charts = [
        ("Temuan per OPD", bars(data.by_agency)),
        ("Temuan per bentuk pelanggaran", bars(data.by_violation)),
        ("Temuan per platform", bars(data.by_platform)),
        ("Temuan per pekan (Senin, WIB)", bars(data.by_week)),
        ("Kasus per OPD", bars(sorted(per_agency.items()))),
        ("Kasus per tahap", bars([(s, per_state[s]) for s in states if per_state.get(s)], states)),
    ]
    total = sum(n for _, n in data.by_agency)
    return render(request, "dashboard.html", {"charts": charts, "total": total,
                                              "cases_total": sum(per_state.values()),
                                              "forms": rules.forms})
