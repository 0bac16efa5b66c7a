"""AttackRecognizer: insults, accusations and derisive emoji."""

from __future__ import annotations

import pytest

REC = "attack"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, span, kind
    pytest.param("Dasar pembohong!", "pembohong", "insult", id="pembohong"),
    pytest.param("Capres planga plongo", "planga plongo", "insult", id="planga-plongo"),
    pytest.param("Kinerjanya tidak becus", "tidak becus", "insult", id="tidak-becus"),
    pytest.param("Politik dinasti merusak demokrasi", "Politik dinasti", "accuse", id="politik-dinasti"),
    pytest.param("🤮🤮", "🤮", "emoji", id="vomit-emoji"),
    # Hard negatives: ordinary words that are not attacks.
    pytest.param("Rapat koordinasi dinas pukul sembilan", None, None, id="neg-plain"),
    pytest.param("Tukang parkir depan kantor ramah sekali", None, None, id="neg-tukang-parkir"),
    pytest.param("Saya asal Palembang, tinggal di Bangka", None, None, id="neg-asal-daerah"),
]


@pytest.mark.parametrize(("text", "span", "kind"), ROWS)
def test_attack(evidence_of, text, span, kind):
    found = [e for e in evidence_of(text, "2024-01-10") if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} attacks no one, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text == span]
    assert hits, f"{text!r}: no {REC} evidence on {span!r}; got {_fmt(found)}"
    assert all((e.kind, e.stance, e.targets) == (kind, "attack", ()) for e in hits), _fmt(hits)


def test_attack_attaches_to_the_named_contestant(detector, activity):
    """An insult next to a name, during the campaign, is campaigning against that contestant."""
    f = detector.analyze(activity("Anies itu pembohong, politik identitas!", "2024-01-10"))
    assert f.flag, f.explanation
    assert f.stance == "attack"
    assert f.targets[0] == "pilpres2024:01"
