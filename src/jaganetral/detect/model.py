"""The detector's nouns: Activity (what is judged), Evidence (a span found), Finding (the judgement)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

ActivityKind = Literal["post", "comment", "share", "like", "follow", "group_join", "photo", "profile"]
ACTIVITY_KINDS: tuple[str, ...] = ("post", "comment", "share", "like", "follow", "group_join", "photo", "profile")
Stance = Literal["support", "attack", "neutral", "lean"]
WIB = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True, slots=True)
class Activity:
    """One thing an account did. ``created_at`` may be None (the date is then unknown)."""

    id: str
    text: str
    kind: ActivityKind = "post"
    created_at: dt.datetime | None = None
    platform: str | None = None
    target_text: str | None = None
    target_account: str | None = None

    @property
    def day(self) -> dt.date | None:
        """Calendar day in Western Indonesia Time (a naive time is taken as given)."""
        if self.created_at is None:
            return None
        if self.created_at.tzinfo is None:
            return self.created_at.date()
        return self.created_at.astimezone(WIB).date()


class Evidence(NamedTuple):
    """A span that a recognizer found, with what it means (an immutable record)."""

    field: str  # text, target_text or target_account
    start: int
    end: int
    text: str
    recognizer: str
    kind: str  # mention, number, party, slogan, hashtag, vote_call, praise, attack, neutral, news, team, …
    weight: float
    stance: Stance | None = None
    targets: tuple[str, ...] = ()
    note: str = ""  # Bahasa Indonesia: what the span is
    token: int = 0  # index of the first token, for attaching stance to the nearest target

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "recognizer": self.recognizer,
        }


@dataclass(frozen=True, slots=True)
class FormRef:
    code: str
    text: str
    skb_item: str
    sanction: str
    basis: str


class Finding(NamedTuple):
    """The detector's judgement of one activity (an immutable record). Everything the explanation
    says is here as data: forms with their legal basis, targets, evidence, stage, versions."""

    activity_id: str
    flag: bool
    score: float
    violation: str | None
    also: tuple[str, ...]
    targets: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    explanation: str
    stance: Stance | None = None
    contest: str | None = None
    stage: str | None = None
    date_known: bool = True
    forms: tuple[FormRef, ...] = ()
    detector_version: str = ""
    pack_version: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.activity_id,
            "flag": self.flag,
            "score": round(self.score, 4),
            "violation": self.violation,
            "targets": list(self.targets),
            "evidence": [e.to_json() for e in self.evidence],
            "explanation": self.explanation,
        }
        if self.also:
            out["also"] = list(self.also)
        return out
