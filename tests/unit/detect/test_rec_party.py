"""PartyRecognizer: party names and acronyms, and declared membership ("kader PDIP").

Acronyms that are also ordinary words are matched only as written ("Demokrat", "PAN", "PSI"), so
"demokrasi" is not Partai Demokrat.
"""

from __future__ import annotations

import pytest

REC = "party"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, activity kind, span, evidence kind, targets
    pytest.param("Partai Demokrat menggelar rapat", "post", "Partai Demokrat", "party", ("party:Demokrat",),
                 id="partai-demokrat"),
    pytest.param("Demokrat solid di Jawa Barat", "post", "Demokrat", "party", ("party:Demokrat",), id="Demokrat"),
    pytest.param("Gerindra buka posko di kecamatan", "post", "Gerindra", "party", ("party:Gerindra",), id="gerindra"),
    pytest.param("Spanduk PDI-P terpasang di simpang", "post", "PDI-P", "party", ("party:PDIP",), id="pdi-p"),
    pytest.param("PDI Perjuangan menggelar rapat", "post", "PDI Perjuangan", "party", ("party:PDIP",),
                 id="pdi-perjuangan"),
    pytest.param("Partai Buruh turun ke jalan", "post", "Partai Buruh", "party", ("party:Buruh",), id="partai-buruh"),
    pytest.param("PAN membuka pendaftaran", "post", "PAN", "party", ("party:PAN",), id="PAN-caps"),
    pytest.param("Saya kader PDIP sejak muda", "post", "PDIP", "membership", ("party:PDIP",), id="saya-kader"),
    pytest.param("Kader PDIP", "profile", "PDIP", "membership", ("party:PDIP",), id="profile-kader"),
    pytest.param("Ketua DPC Gerindra Bangka Selatan", "profile", "Gerindra", "membership", ("party:Gerindra",),
                 id="profile-ketua-dpc"),
    # Someone else's office, reported: a party name, not the author's membership.
    pytest.param("Ketua DPC Gerindra memberi keterangan kepada wartawan", "post", "Gerindra", "party",
                 ("party:Gerindra",), id="reported-office-not-membership"),
    # Hard negatives.
    pytest.param("Semangat menjaga demokrasi kita", "post", None, None, None, id="neg-demokrasi"),
    pytest.param("Negara demokratis butuh pemilu jujur", "post", None, None, None, id="neg-demokratis"),
    pytest.param("Goreng telur pakai pan anti lengket", "post", None, None, None, id="neg-pan-wajan"),
    pytest.param("Tekanan ban 32 psi", "post", None, None, None, id="neg-psi-tekanan"),
    pytest.param("Naik Garuda ke Jakarta", "post", None, None, None, id="neg-garuda-maskapai"),
    pytest.param("Hak buruh pabrik harus dijaga", "post", None, None, None, id="neg-buruh"),
    pytest.param("Sidang umum PBB di New York", "post", None, None, None, id="neg-PBB-UN"),
    pytest.param("Pelajaran PKn kelas 5", "post", None, None, None, id="neg-PKn"),
    pytest.param("Umat Islam berdoa bersama", "post", None, None, None, id="neg-umat"),
    pytest.param("Bayar PKB motor di Samsat", "post", None, None, None, id="neg-PKB-pajak-kendaraan"),
]


@pytest.mark.parametrize(("text", "akind", "span", "kind", "targets"), ROWS)
def test_party(evidence_of, text, akind, span, kind, targets):
    found = [e for e in evidence_of(text, "2024-01-10", kind=akind) if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} names no party, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text == span]
    assert hits, f"{text!r}: no party evidence on {span!r}; got {_fmt(found)}"
    assert [(e.kind, e.targets) for e in hits] == [(kind, targets)], _fmt(hits)
    if kind == "membership":
        assert hits[0].stance == "support"


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        pytest.param("Ayo pilih partai nomor 2", "party:Gerindra", "pilpres2024:02", id="partai-nomor-2"),
        pytest.param("Ayo coblos paslon 02", "pilpres2024:02", "party:Gerindra", id="paslon-02"),
        pytest.param("Ayo coblos partai nomor urut 3", "party:PDIP", "pilpres2024:03", id="partai-nomor-3"),
        pytest.param("Capres nomor urut 3 paling siap", "pilpres2024:03", "party:PDIP", id="capres-nomor-3"),
    ],
)
def test_party_and_pair_numbers_do_not_collide(evidence_of, text, wanted, unwanted):
    """In January 2024 number 2 is both Gerindra and the Prabowo-Gibran pair: the cue decides."""
    targets = {t for e in evidence_of(text, "2024-01-10") for t in e.targets}
    assert wanted in targets, f"{text!r}: {sorted(targets)}"
    assert unwanted not in targets, f"{text!r}: {sorted(targets)}"


def test_party_name_alone_takes_no_side(evidence_of):
    found = [e for e in evidence_of("Gerindra", "2024-01-10") if e.recognizer == REC]
    assert [(e.kind, e.weight, e.stance) for e in found] == [("party", 0.0, None)]
