"""CallToVoteRecognizer: calls to vote for or against someone.

Neutral get-out-the-vote language ("ayo ke TPS", "gunakan hak pilih") is not a call to vote for
anyone.
"""

from __future__ import annotations

import pytest

REC = "call_to_vote"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, span, kind, stance
    pytest.param("Ayo coblos", "Ayo coblos", "vote_strong", "support", id="ayo-coblos"),
    pytest.param("Jangan lupa coblos tanggal 14", "Jangan lupa coblos", "vote_strong", "support", id="jangan-lupa"),
    pytest.param("Menangkan satu putaran!", "satu putaran", "vote_strong", "support", id="satu-putaran"),
    pytest.param("Pilihan saya sudah bulat", "Pilihan saya", "choice", "support", id="pilihan-saya"),
    pytest.param("Presidenku cuma satu", "Presidenku", "choice", "support", id="presidenku"),
    pytest.param("Saya dukung penuh", "Saya dukung", "choice", "support", id="saya-dukung"),
    pytest.param("Jangan pilih yang suka ingkar janji", "Jangan pilih", "vote_against", "attack", id="jangan-pilih"),
    pytest.param("Asal bukan dia", "Asal bukan", "vote_against", "attack", id="asal-bukan"),
    # Hard negatives: neutral civic language and ordinary sentences.
    pytest.param("Ayo ke TPS tanggal 14 Februari", None, None, None, id="neg-ayo-ke-tps"),
    pytest.param("Gunakan hak pilih anda", None, None, None, id="neg-gunakan-hak-pilih"),
    pytest.param("Hak pilih warga binaan dijamin undang-undang", None, None, None, id="neg-hak-pilih-noun"),
    pytest.param("Jangan golput ya", None, None, None, id="neg-jangan-golput"),
    pytest.param("Rapat koordinasi dinas pukul sembilan", None, None, None, id="neg-plain"),
]


@pytest.mark.parametrize(("text", "span", "kind", "stance"), ROWS)
def test_call_to_vote(evidence_of, text, span, kind, stance):
    found = [e for e in evidence_of(text, "2024-01-10") if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} is not a call to vote for anyone, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text == span]
    assert hits, f"{text!r}: no {REC} evidence on {span!r}; got {_fmt(found)}"
    assert any(e.kind == kind and e.stance == stance for e in hits), _fmt(hits)
    # A cue names nobody by itself: the decision layer attaches it to the nearest contestant.
    assert all(e.targets == () for e in found)
