"""BallotNumberRecognizer: ballot numbers with a cue to a contest, and partisan hand signs.

A number names a contestant only with a cue (a contest word, a contestant named in the same
text, or an electoral word plus a date at which one contest is talked about). A bare number, an
address, a neighbourhood unit, a clock time or a date names no one.
"""

from __future__ import annotations

import pytest

REC = "ballot_number"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, date, kind, targets, the number the span must contain (None for hand signs)
    pytest.param("Coblos nomor urut 2 capres", "2024-01-10", "number", ("pilpres2024:02",), "2", id="capres-2-2024"),
    pytest.param("Coblos nomor urut 2 capres", "2018-10-10", "number", ("pilpres2019:02",), "2", id="capres-2-2018"),
    pytest.param("Paslon 02 paling siap", "2024-01-10", "number", ("pilpres2024:02",), "02", id="paslon-02"),
    pytest.param("paslon 01 pasti menang", "2024-01-10", "number", ("pilpres2024:01",), "01", id="paslon-01"),
    pytest.param("capres nomor 3 paling santun", "2024-01-10", "number", ("pilpres2024:03",), "3", id="capres-3"),
    pytest.param("paslon nomor dua", "2024-01-10", "number", ("pilpres2024:02",), "dua", id="number-word-dua"),
    pytest.param("coblos no 3", "2024-01-10", "number", ("pilpres2024:03",), "3", id="no-means-nomor"),
    # A contestant named in the same text settles the contest (and the date the number).
    pytest.param("Khofifah nomor 1", "2018-05-01", "number", ("pilgub-jatim2018:01",), "1", id="khofifah-1-2018"),
    pytest.param("Khofifah nomor 2", "2024-10-20", "number", ("pilgub-jatim2024:02",), "2", id="khofifah-2-2024"),
    # A regional contest cue settles which governor race is meant.
    pytest.param("Cagub Jatim nomor 1 paling berpengalaman", "2018-05-01", "number", ("pilgub-jatim2018:01",), "1",
                 id="cagub-jatim-1-2018"),
    pytest.param("Pilih nomor urut 1 di pilgub Jabar", "2024-10-20", "number", ("pilgub-jabar2024:01",), "1",
                 id="pilgub-jabar-1-2024"),
    # Party numbers: a party cue makes the number a party, and the party depends on the date.
    pytest.param("Pilih partai nomor 2", "2024-01-10", "number", ("party:Gerindra",), "2", id="partai-2-gerindra"),
    pytest.param("Caleg DPRD dari partai nomor urut 3", "2024-01-10", "number", ("party:PDIP",), "3",
                 id="partai-3-pdip"),
    pytest.param("Coblos partai nomor urut 6", "2018-12-10", "number", ("party:Garuda",), "6",
                 id="partai-6-2019-garuda"),
    pytest.param("Coblos partai nomor urut 6", "2024-01-10", "number", ("party:Buruh",), "6",
                 id="partai-6-2024-buruh"),
    # Hand signs.
    pytest.param("salam dua jari ✌️", "2024-01-10", "sign", ("pilpres2024:02",), None, id="salam-dua-jari-2024"),
    pytest.param("salam tiga jari 🤟", "2024-01-10", "sign", ("pilpres2024:03",), None, id="salam-tiga-jari-2024"),
    pytest.param("salam satu jari ☝️", "2024-01-10", "sign", ("pilpres2024:01",), None, id="salam-satu-jari-2024"),
    pytest.param("Jangan lupa salam dua jari", "2018-12-10", "sign", ("pilpres2019:02",), None,
                 id="salam-dua-jari-2018"),
    # Hard negatives.
    pytest.param("Rumah saya di Jl. Merdeka nomor 2, dekat TPS", "2024-01-10", None, None, None, id="neg-street"),
    pytest.param("Posko pemilu di rumah nomor 2 dari ujung", "2024-01-10", None, None, None, id="neg-rumah-nomor"),
    pytest.param("Rapat RT 02 bahas persiapan TPS", "2024-01-10", None, None, None, id="neg-RT-02"),
    pytest.param("Rekap suara di TPS selesai pukul 02.30", "2024-01-10", None, None, None, id="neg-clock-02.30"),
    pytest.param("Debat capres tanggal 02/01/2024", "2024-01-10", None, None, None, id="neg-date-02/01"),
    pytest.param("Lihat pasal 2 ayat 1 UU Pemilu", "2024-01-10", None, None, None, id="neg-pasal"),
    pytest.param("antrean nomor 2 di TPS", "2024-01-10", None, None, None, id="neg-antrean"),
    pytest.param("Anak saya juara 2 lomba pidato pemilu", "2024-01-10", None, None, None, id="neg-juara-2"),
    pytest.param("nomor 2", "2024-01-10", None, None, None, id="neg-bare-nomor-2"),
    pytest.param("02", "2024-01-10", None, None, None, id="neg-bare-02"),
    pytest.param("Ada 2 orang antre di depan", "2024-01-10", None, None, None, id="neg-count"),
    pytest.param("Coblos nomor urut 2 capres", "2026-06-01", None, None, None, id="neg-no-contest-in-play"),
    pytest.param("coblos nomor 2", "2024-10-20", None, None, None, id="neg-ambiguous-pilkada-no-region"),
]


@pytest.mark.parametrize(("text", "when", "kind", "targets", "number"), ROWS)
def test_ballot_number(evidence_of, text, when, kind, targets, number):
    found = [e for e in evidence_of(text, when) if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} ({when}) is not a ballot reference, got {_fmt(found)}"
        return
    hits = [e for e in found if e.kind == kind and e.targets == targets]
    assert hits, f"{text!r} ({when}): expected {kind} {targets}, got {_fmt(found)}"
    if number is not None:
        assert any(e.text.split()[-1] == number for e in hits), _fmt(hits)
    assert all(e.stance == "support" for e in hits)


def test_hand_sign_and_emoji_both_found(evidence_of):
    found = [e for e in evidence_of("salam dua jari ✌️", "2024-01-10") if e.recognizer == REC]
    assert {e.text for e in found} >= {"salam dua jari", "✌"}, _fmt(found)
    assert {e.targets for e in found} == {("pilpres2024:02",)}


def test_targets_are_well_formed(evidence_of, kb):
    """Every target is 'party:X' or '<contest id>:<key>' of a contestant that exists."""
    keys = {f"{c.id}:{k.key}" for c in kb.contests.values() for k in c.contestants if k.kind != "party"}
    parties = {k.key for c in kb.contests.values() for k in c.contestants if k.kind == "party"}
    for text, when in [("Jangan lupa salam dua jari", "2018-12-10"), ("salam dua jari ✌️", "2024-01-10"),
                       ("Coblos partai nomor urut 6", "2018-12-10"), ("Paslon 02 paling siap", "2024-01-10")]:
        for e in evidence_of(text, when):
            for t in e.targets:
                assert t in keys or t in parties, f"{text!r} ({when}): malformed target {t!r} from {e.recognizer}"


def test_region_settles_pilkada_number(basel_detector, evidence_of):
    """In Bangka Selatan in October 2024, 'coblos nomor 2' means the Pilbup pair number 2."""
    found = [e for e in evidence_of("coblos nomor 2", "2024-10-20", using=basel_detector) if e.recognizer == REC]
    assert [e.targets for e in found] == [("pilbup-basel2024:02",)], _fmt(found)
