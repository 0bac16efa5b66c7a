"""EndorsementRecognizer: praise and endorsement words and emoji."""

from __future__ import annotations

import pytest

REC = "endorsement"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, span, kind
    pytest.param("Beliau pantas memimpin negeri ini", "pantas memimpin", "praise_strong", id="pantas-memimpin"),
    pytest.param("Luar biasa!", "Luar biasa", "praise_strong", id="luar-biasa"),
    pytest.param("Sosok pemimpin sejati", "pemimpin sejati", "praise_strong", id="pemimpin-sejati"),
    pytest.param("Hebat sekali kerjanya", "Hebat", "praise", id="hebat"),
    pytest.param("Mantap 👍", "👍", "emoji", id="thumbs-up"),
    # Hard negatives.
    pytest.param("Rapat koordinasi dinas pukul sembilan", None, None, id="neg-plain"),
    pytest.param("Laporan keuangan triwulan sudah dikirim", None, None, id="neg-report"),
    pytest.param("Besok saya dinas luar kota", None, None, id="neg-dinas-luar-kota"),
]


@pytest.mark.parametrize(("text", "span", "kind"), ROWS)
def test_endorsement(evidence_of, text, span, kind):
    found = [e for e in evidence_of(text, "2024-01-10") if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} praises no one, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text == span]
    assert hits, f"{text!r}: no {REC} evidence on {span!r}; got {_fmt(found)}"
    assert [(e.kind, e.stance, e.targets) for e in hits] == [(kind, "support", ())], _fmt(hits)


def test_strong_praise_outweighs_plain_praise(evidence_of):
    strong = [e for e in evidence_of("pantas memimpin", "2024-01-10") if e.recognizer == REC]
    plain = [e for e in evidence_of("hebat", "2024-01-10") if e.recognizer == REC]
    assert len(strong) == 1 and len(plain) == 1
    assert strong[0].weight > plain[0].weight
