"""NewsRegisterRecognizer: attribution, outlets, surveys and headline style."""

from __future__ import annotations

import pytest

REC = "news_register"
HEADLINE = "Prabowo Hadiri Rapat Akbar Di Lapangan Banteng Jakarta Pusat"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, span, kind
    pytest.param("Menurut pengamat politik, debat berjalan lancar", "Menurut", "attribution", id="menurut"),
    pytest.param("Dilansir dari Kompas, jumlah DPT bertambah", "Kompas", "outlet", id="outlet-kompas"),
    pytest.param("Hasil survei elektabilitas terbaru dirilis", "elektabilitas", "survey", id="survey"),
    pytest.param("quick count menunjukkan hasil sementara", "quick count", "survey", id="quick-count"),
    pytest.param(HEADLINE, HEADLINE, "headline", id="headline-style"),
    # Hard negatives: personal, campaigning register is not news even in Title Case.
    pytest.param("Ayo Semua Dukung Pasangan Ini Sampai Menang Besar", None, None, id="neg-title-case-ayo"),
    pytest.param("Saya Bangga Sekali Dengan Kinerja Bapak Presiden Kita", None, None, id="neg-title-case-saya"),
    pytest.param("Ayo coblos nomor 2", None, None, id="neg-call"),
]


@pytest.mark.parametrize(("text", "span", "kind"), ROWS)
def test_news_register(evidence_of, text, span, kind):
    found = [e for e in evidence_of(text, "2024-01-10") if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} is not in news register, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text == span]
    assert hits, f"{text!r}: no {REC} evidence on {span!r}; got {_fmt(found)}"
    assert any(e.kind == kind for e in hits), _fmt(hits)
    assert all(e.stance == "neutral" and e.targets == () for e in found), _fmt(found)


def test_reporting_a_candidate_is_not_campaigning(detector, activity):
    f = detector.analyze(activity(HEADLINE, "2024-01-10"))
    assert not f.flag, f.explanation
    g = detector.analyze(activity("Menurut KPU, Prabowo-Gibran mendapat nomor urut 2", "2023-11-15"))
    assert not g.flag, g.explanation
