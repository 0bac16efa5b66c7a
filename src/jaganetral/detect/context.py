"""Which contest a name, number or slogan refers to, given the activity's date and the region.

The same person ran in several contests under different numbers (Ridwan Kamil no. 1 in Jabar
2018 and in Jakarta 2024; Khofifah no. 1 in Jatim 2018 and no. 2 in 2024). A reference is
resolved to the contest whose period of talk contains the date, preferring the next vote to
come; without a date, to the most recent contest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from jaganetral.knowledge.base import KnowledgeBase, window
from jaganetral.knowledge.schema import Contest

MAX_GAP = dt.timedelta(days=365)
MEMO_LIMIT = 50_000  # remembered (contests, day) answers; the same few recur across a scan


@dataclass(frozen=True)
class ContestResolver:
    kb: KnowledgeBase
    in_play: frozenset[str]
    windows: dict[str, tuple[dt.date, dt.date]]
    home: frozenset[str] = frozenset()  # the most local races of the deployment's region
    current_editions: frozenset[str] = frozenset()  # the latest contest of each race (level and region)
    memo: dict[tuple[frozenset[str], dt.date | None], list[str]] = field(default_factory=dict, compare=False)

    @classmethod
    def build(cls, kb: KnowledgeBase, region: str | None) -> ContestResolver:
        in_play = kb.contests_in_play(region)
        local = [c for c in in_play if c.level in ("pilbup", "pilwalkot")] if region else []
        home = local or ([c for c in in_play if c.level == "pilgub"] if region else [])
        latest: dict[tuple[str, str | None, str | None], Contest] = {}
        for c in kb.contests.values():
            race = (c.level, c.province, c.regency)
            if race not in latest or c.stages.voting.date > latest[race].stages.voting.date:
                latest[race] = c
        return cls(kb, frozenset(c.id for c in in_play), {c.id: window(c) for c in kb.contests.values()},
                   frozenset(c.id for c in home), frozenset(c.id for c in latest.values()))

    def contest(self, contest_id: str) -> Contest:
        return self.kb.contests[contest_id]

    def pick(self, contest_ids: Iterable[str], when: dt.date | None) -> list[str]:
        """The contests (usually one) that a reference naming ``contest_ids`` means on ``when``."""
        key = (frozenset(contest_ids), when)
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) > MEMO_LIMIT:
                self.memo.clear()
            hit = self.memo[key] = self._pick(key[0], when)
        return list(hit)

    def _pick(self, contest_ids: frozenset[str], when: dt.date | None) -> list[str]:
        cands = [self.kb.contests[c] for c in contest_ids if c in self.in_play]
        if not cands:
            return []
        if when is None:
            # without a date only the latest edition of each race is current: Jokowi (pilpres2019)
            # is not a contestant once a later pilpres without him is known
            cands = [c for c in cands if c.id in self.current_editions]
            if not cands:
                return []
            latest = max(c.stages.voting.date for c in cands)
            return sorted(c.id for c in cands if c.stages.voting.date == latest)
        w = self.windows
        inside = [c for c in cands if w[c.id][0] <= when <= w[c.id][1]]
        if inside:
            upcoming = [c for c in inside if c.stages.voting.date >= when]
            pool = upcoming or inside
            best = min(c.stages.voting.date for c in pool) if upcoming else max(c.stages.voting.date for c in pool)
            return sorted(c.id for c in pool if c.stages.voting.date == best)
        gaps = [(min(abs((w[c.id][0] - when).days), abs((when - w[c.id][1]).days)), c) for c in cands]
        gap, _ = min(gaps, key=lambda g: g[0])
        if dt.timedelta(days=gap) > MAX_GAP:
            return []
        return sorted(c.id for g, c in gaps if g == gap)

    def current(self, when: dt.date | None, levels: tuple[str, ...] | None = None) -> list[str]:
        """Contests in play that talk on ``when`` is about (the latest ones when the date is unknown)."""
        ids = [c for c in self.in_play if levels is None or self.kb.contests[c].level in levels]
        return self.pick(ids, when)
