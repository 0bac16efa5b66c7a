"""NeutralCivicRecognizer: get-out-the-vote, peaceful-election and organiser language."""

from __future__ import annotations

import pytest

REC = "neutral_civic"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, span, kind
    pytest.param("Ayo ke TPS tanggal 14 Februari", "Ayo ke TPS", "civic_strong", id="ayo-ke-tps"),
    pytest.param("Gunakan hak pilih anda", "Gunakan hak pilih", "civic_strong", id="gunakan-hak-pilih"),
    pytest.param("Jangan golput", "Jangan golput", "civic_strong", id="jangan-golput"),
    pytest.param("Pemilu damai, tetap bersaudara", "Pemilu damai", "civic_strong", id="pemilu-damai"),
    pytest.param("Siapapun pilihannya, tetap rukun", "Siapapun pilihannya", "civic_strong", id="siapapun"),
    pytest.param("Semua paslon punya gagasan", "Semua paslon", "balance", id="semua-paslon"),
    pytest.param("KPU menetapkan DPT", "KPU", "civic", id="kpu"),
    pytest.param("Apakah sudah terdaftar?", "?", "question", id="question"),
    # Hard negatives: partisan sentences carry no neutral language.
    pytest.param("Ayo coblos Prabowo-Gibran", None, None, id="neg-ayo-coblos"),
    pytest.param("Prabowo-Gibran pantas memimpin", None, None, id="neg-praise"),
]


@pytest.mark.parametrize(("text", "span", "kind"), ROWS)
def test_neutral_civic(evidence_of, text, span, kind):
    found = [e for e in evidence_of(text, "2024-01-10") if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} is partisan, not civic, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text == span]
    assert hits, f"{text!r}: no {REC} evidence on {span!r}; got {_fmt(found)}"
    assert all((e.kind, e.stance, e.targets) == (kind, "neutral", ()) for e in hits), _fmt(hits)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ayo ke TPS tanggal 14 Februari!", id="ayo-ke-tps"),
        pytest.param("Gunakan hak pilih anda, jangan golput", id="gunakan-hak-pilih"),
        pytest.param("Ayo ke TPS, gunakan hak pilihmu, pemilu damai", id="combined"),
    ],
)
def test_civic_language_is_not_support(detector, activity, text):
    f = detector.analyze(activity(text, "2024-02-01"))
    assert not f.flag, f.explanation
    assert f.targets == ()
    assert f.violation is None
