"""Pydantic schema of a knowledge pack.

A pack is one YAML file. Three kinds exist:

* ``catalogue``: the SKB 2/2022 violation forms and how activity kinds map to them;
* ``contest``: one electoral contest (pilpres, pileg, pilgub, pilbup, pilwalkot) with its
  stages, dates and contestants (pairs, or parties for a pileg);
* ``accounts``: institutional accounts whose content is neutral by nature (KPU, Bawaslu, …).

Every fact can carry its sources and an ``uncertain`` mark. A plain string is accepted where a
term is expected and means "this term, with the sources of the enclosing record".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SourceId = Annotated[str, Field(pattern=r"^[A-Za-z]+[0-9]+[a-z]?$")]
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*[0-9]{4}$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(Strict):
    """One surface form (name, alias, slogan, hashtag…) with where it comes from."""

    text: Annotated[str, Field(min_length=1)]
    sources: list[SourceId] = []
    uncertain: bool = False
    exact_case: bool = False  # match only as written (for short acronyms that are also words)
    avoid: list[str] = []  # neighbouring words that show another meaning ("PKB" next to "pajak")
    needs_name: bool = False  # a slogan that is also an ordinary phrase counts only with its contestant named
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        return value


class Period(Strict):
    start: dt.date
    end: dt.date
    sources: list[SourceId] = []
    uncertain: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Day(Strict):
    date: dt.date
    sources: list[SourceId] = []
    uncertain: bool = False
    note: str | None = None


class Stages(Strict):
    """Stages of a contest. ``determination`` separates bakal calon (KE) from calon (DS)."""

    registration: Period | None = None
    determination: Day
    ballot_draw: Day | None = None
    campaign: Period
    quiet: Period
    voting: Day
    results: Day | None = None

    @model_validator(mode="after")
    def _chronology(self) -> Stages:
        if self.registration and self.registration.start > self.determination.date:
            raise ValueError("@registration: pendaftaran dimulai setelah penetapan")
        if self.campaign.start < self.determination.date:
            raise ValueError("@campaign: masa kampanye dimulai sebelum penetapan calon")
        if not self.campaign.end < self.quiet.start <= self.quiet.end:
            raise ValueError("@quiet: masa tenang harus sesudah masa kampanye")
        if not self.quiet.end < self.voting.date:
            raise ValueError("@voting: hari pemungutan suara harus sesudah masa tenang")
        return self


class Person(Strict):
    name: str
    role: str
    aliases: list[Term] = []
    incumbent: bool = False  # holds the office during the contest: much talk of them is about governing
    sources: list[SourceId] = []


class HandSign(Strict):
    name: str
    emoji: list[str] = []
    words: list[Term] = []
    sources: list[SourceId] = []
    uncertain: bool = False
    note: str | None = None


class Account(Strict):
    platform: Literal["x", "facebook", "instagram", "tiktok", "youtube", "telegram", "whatsapp"]
    handle: str
    kind: Literal["candidate", "team", "volunteer", "party", "institution"]
    sources: list[SourceId] = []
    uncertain: bool = False

    @field_validator("handle")
    @classmethod
    def _bare(cls, value: str) -> str:
        value = value.strip().lstrip("@").lower()
        if not value or " " in value:
            raise ValueError("handle must be a single word without spaces")
        return value


class Contestant(Strict):
    """A pair (or single candidate), the blank column of a single-pair race, or a party."""

    number: int | None = Field(default=None, ge=1, le=99)
    kind: Literal["pair", "candidate", "party", "blank_column"] = "pair"
    party: str | None = None  # canonical acronym, only for kind == party
    label: str
    persons: list[Person] = []
    names: list[Term] = []  # pair names ("Prabowo-Gibran") and other whole-contestant names
    acronyms: list[Term] = []
    slogans: list[Term] = []
    hashtags: list[Term] = []
    attack_hashtags: list[Term] = []  # hashtags that campaign against this contestant
    supporter_labels: list[Term] = []  # derisive names for this contestant's supporters ("cebong")
    hand_signs: list[HandSign] = []
    teams: list[Term] = []
    volunteer_groups: list[Term] = []
    accounts: list[Account] = []
    parties: list[str] = []  # coalition, as canonical party acronyms
    sources: list[SourceId] = []
    uncertain: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Contestant:
        if self.kind == "party" and not self.party:
            raise ValueError("a party contestant needs 'party' (its canonical acronym)")
        if self.kind != "party" and self.party:
            raise ValueError("'party' is only for contestants of kind party")
        if self.kind in ("pair", "candidate") and self.number is None:
            raise ValueError("a pair or candidate needs its ballot 'number'")
        if self.kind == "blank_column" and self.persons:
            raise ValueError("the blank column has no persons")
        return self

    @property
    def key(self) -> str:
        if self.kind == "party":
            return f"party:{self.party}"
        if self.kind == "blank_column":
            return "kolom-kosong"
        return f"{self.number:02d}"


class Contest(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    kind: Literal["contest"]
    id: str
    version: str
    name: str
    level: Literal["pilpres", "pileg", "pilgub", "pilbup", "pilwalkot"]
    province: str | None = None  # region code, e.g. jatim, babel
    regency: str | None = None  # region code for pilbup/pilwalkot, e.g. basel
    region_aliases: list[str] = []
    cues: list[Term] = []  # words that tie a bare ballot number to this contest
    stages: Stages
    single_pair: bool = False
    contestants: list[Contestant]
    sources: dict[SourceId, str] = {}
    notes: list[str] = []

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ID_RE.match(value):
            raise ValueError("contest id must look like pilpres2024, pilgub-jatim2024 or pileg2019")
        return value

    @model_validator(mode="after")
    def _coherent(self) -> Contest:
        if not self.id.startswith(self.level):
            raise ValueError(f"id {self.id!r} does not start with its level {self.level!r}")
        if self.level in ("pilgub", "pilbup", "pilwalkot") and not self.province:
            raise ValueError("a Pilkada contest needs 'province'")
        if self.level in ("pilbup", "pilwalkot") and not self.regency:
            raise ValueError("a pilbup/pilwalkot contest needs 'regency'")
        keys = [c.key for c in self.contestants]
        for i, k in enumerate(keys):
            if k in keys[:i]:
                raise ValueError(f"@contestants.{i}: kontestan ganda (nomor/kunci {k!r} sudah dipakai)")
        blank = [c for c in self.contestants if c.kind == "blank_column"]
        if blank and not self.single_pair:
            raise ValueError("a blank column is only allowed when single_pair is true")
        if self.single_pair and len(self.contestants) - len(blank) != 1:
            raise ValueError("single_pair contest must have exactly one pair")
        if self.level == "pileg" and any(c.kind != "party" for c in self.contestants):
            raise ValueError("pileg contestants must be parties")
        known = set(self.sources)
        if known:
            for cited, path in _cited_sources(self, ""):
                if cited not in known:
                    raise ValueError(f"@{path}: sumber {cited!r} dikutip tetapi tidak ada di 'sources'")
        return self


def _cited_sources(model: BaseModel, prefix: str) -> list[tuple[str, str]]:
    """Every (source id, field path) cited inside ``model``."""
    found: list[tuple[str, str]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if name == "sources" and isinstance(value, list):
            found.extend((v, path) for v in value)
        elif isinstance(value, BaseModel):
            found.extend(_cited_sources(value, path + "."))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    found.extend(_cited_sources(item, f"{path}.{i}."))
    return found


Phase = Literal["pre", "post"]


class Sanction(Strict):
    kind: Literal["moral", "disiplin_sedang", "disiplin_berat", "ptdh", "satgas"]
    text: str  # Indonesian description of the sanction
    basis: str  # legal basis, e.g. "PP 42/2004 Pasal 15 ayat (1), (2), (3)"
    uncertain: bool = False
    note: str | None = None


class ViolationForm(Strict):
    code: Annotated[str, Field(pattern=r"^(KE|DS)-[0-9]{2}$")]
    group: Literal["kode_etik", "disiplin"]
    phase: Literal["pre", "post", "any"]
    text: str
    gloss_en: str
    skb_item: str
    sanction: Sanction
    severity: int = Field(ge=1, le=100)
    activity_kinds: list[str]
    sources: list[SourceId] = []
    uncertain: bool = False
    note: str | None = None


ActivityKind = Literal["post", "comment", "share", "like", "follow", "group_join", "photo", "profile"]
Signal = Literal["campaign", "vote_call", "party_member", "engage_target"]


class MappingRule(Strict):
    """Which form an activity shows, by activity kind, evidence signal and phase."""

    kinds: list[ActivityKind]
    signal: Signal
    pre: str | None
    post: str | None
    note: str | None = None


class Catalogue(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    kind: Literal["catalogue"]
    id: str
    version: str
    name: str
    forms: list[ViolationForm]
    mapping: list[MappingRule]
    sources: dict[SourceId, str] = {}
    notes: list[str] = []

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _coherent(self) -> Catalogue:
        codes = [f.code for f in self.forms]
        if len(set(codes)) != len(codes):
            raise ValueError("duplicate violation codes")
        for rule in self.mapping:
            for code in (rule.pre, rule.post):
                if code is not None and code not in codes:
                    raise ValueError(f"mapping names unknown form {code!r}")
        return self


class AccountList(Strict):
    schema_version: Literal[1] = Field(alias="schema")
    kind: Literal["accounts"]
    id: str
    version: str
    name: str
    accounts: list[Account]
    names: list[Term] = []  # institution names whose content is neutral (KPU, Bawaslu…)
    sources: dict[SourceId, str] = {}

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


AnyPack = Contest | Catalogue | AccountList
