"""The knowledge base: every loaded pack, indexed for the detector. Pure data, no I/O."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from jaganetral.knowledge.schema import AccountList, AnyPack, Catalogue, Contest, Contestant, ViolationForm

# How long before registration (or determination) and after voting day talk about a contest is
# taken to be about that contest. Analysis, not law: bakal calon talk starts about a year ahead,
# and disputes and celebrations go on for some months.
LEAD = dt.timedelta(days=400)
TAIL = dt.timedelta(days=120)
PILKADA = ("pilgub", "pilbup", "pilwalkot")


@dataclass(frozen=True)
class ContestantRef:
    contest: Contest
    contestant: Contestant

    @property
    def target_id(self) -> str:
        if self.contestant.kind == "party":
            return self.contestant.key
        return f"{self.contest.id}:{self.contestant.key}"


@dataclass(frozen=True)
class KnowledgeBase:
    contests: dict[str, Contest]
    catalogue: Catalogue
    institutions: tuple[AccountList, ...]
    fingerprint: str
    forms: dict[str, ViolationForm] = field(default_factory=dict)

    @classmethod
    def build(cls, packs: Sequence[AnyPack], fingerprint: str = "") -> KnowledgeBase:
        contests: dict[str, Contest] = {}
        catalogues = [p for p in packs if isinstance(p, Catalogue)]
        if len(catalogues) != 1:
            raise ValueError(f"exactly one violation catalogue pack is needed, found {len(catalogues)}")
        for p in packs:
            if isinstance(p, Contest):
                if p.id in contests:
                    raise ValueError(f"contest {p.id!r} is defined twice")
                contests[p.id] = p
        forms = {f.code: f for f in catalogues[0].forms}
        institutions = tuple(p for p in packs if isinstance(p, AccountList))
        return cls(contests, catalogues[0], institutions, fingerprint, forms)

    @functools.cached_property
    def version(self) -> str:
        """One string naming every pack and its version, plus a hash of the files."""
        parts = [f"{self.catalogue.id}@{self.catalogue.version}"]
        parts += [f"{c.id}@{c.version}" for c in sorted(self.contests.values(), key=lambda c: c.id)]
        parts += [f"{a.id}@{a.version}" for a in self.institutions]
        return f"{self.fingerprint}:" + ",".join(parts)

    @functools.cached_property
    def labels(self) -> dict[str, str]:
        """Readable label of every target id (the latest pack wins for a party in several)."""
        out: dict[str, str] = {}
        for c in sorted(self.contests.values(), key=lambda c: c.stages.voting.date):
            for k in c.contestants:
                ref = ContestantRef(c, k)
                if k.kind == "party":
                    out[ref.target_id] = f"{ref.target_id} ({k.label})"
                else:
                    number = f"nomor urut {k.number}, " if k.number else ""
                    out[ref.target_id] = f"{ref.target_id} ({number}{k.label}, {c.name})"
        return out

    def refs(self) -> list[ContestantRef]:
        return [ContestantRef(c, k) for c in self.contests.values() for k in c.contestants]

    def contests_in_play(self, region: str | None) -> list[Contest]:
        """All national contests, and the Pilkada contests of ``region`` (all when None).

        A province keeps its governor race and every regency/city race inside it; a regency
        keeps its own race and its province's governor race.
        """
        if not region:
            return list(self.contests.values())
        provinces, regencies = _resolve_region(self, region.strip().lower())
        out = []
        for c in self.contests.values():
            if c.level not in PILKADA:
                out.append(c)
            elif c.level == "pilgub":
                if c.province in provinces:
                    out.append(c)
            elif c.regency in regencies or (c.province in provinces and c.province not in _parents(regencies, self)):
                out.append(c)
        return out


def _names(c: Contest) -> set[str]:
    return {a.lower() for a in c.region_aliases}


def _resolve_region(kb: KnowledgeBase, region: str) -> tuple[set[str], set[str]]:
    """(provinces, regencies) that a region code or alias stands for."""
    provinces: set[str] = set()
    regencies: set[str] = set()
    for c in kb.contests.values():
        if c.level == "pilgub" and (region == c.province or region in _names(c)):
            provinces.add(region if region == c.province else c.province or region)
        elif c.regency and (region == c.regency or region in _names(c)):
            regencies.add(c.regency)
            if c.province:
                provinces.add(c.province)
        elif c.province == region:
            provinces.add(region)
    if not provinces and not regencies:
        provinces.add(region)
    return provinces, regencies


def _parents(regencies: set[str], kb: KnowledgeBase) -> set[str]:
    return {c.province for c in kb.contests.values() if c.regency in regencies and c.province}


def window(contest: Contest) -> tuple[dt.date, dt.date]:
    """Dates during which talk about this contest's people is taken to be about this contest."""
    st = contest.stages
    start = st.registration.start if st.registration else st.determination.date
    end = st.results.date if st.results else st.voting.date
    return start - LEAD, max(end, st.voting.date) + TAIL


def phase(contest: Contest, when: dt.date | None) -> str:
    """'pre' before the contest's determination (bakal calon), 'post' from it on (calon).

    Without a date the stage after determination is assumed.
    """
    if when is None or when >= contest.stages.determination.date:
        return "post"
    return "pre"


def stage_name(contest: Contest, when: dt.date | None) -> str:
    """Indonesian name of the stage the contest was in on ``when``."""
    st = contest.stages
    if when is None:
        return "tanggal tidak diketahui"
    if when < st.determination.date:
        return "sebelum penetapan pasangan calon (masa bakal calon)"
    if when < st.campaign.start:
        return "setelah penetapan, sebelum masa kampanye"
    if when <= st.campaign.end:
        return "masa kampanye"
    if when <= st.quiet.end:
        return "masa tenang"
    if when == st.voting.date:
        return "hari pemungutan suara"
    return "setelah hari pemungutan suara"
