"""Knowledge packs: the built-in packs load and hold what the detector relies on, and a broken
pack fails with a PackError that names the file, the line and the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jaganetral.detect.slang import SLANG
from jaganetral.knowledge.loader import PackError, builtin_pack_dir, load_pack, load_packs, pack_files
from jaganetral.knowledge.schema import AccountList, Catalogue, Contest

BUILTIN = builtin_pack_dir()
BUILTIN_FILES = pack_files([BUILTIN])


# --- The built-in packs ----------------------------------------------------------------------


def test_there_are_builtin_packs():
    kinds = {type(load_pack(f)) for f in BUILTIN_FILES}
    assert kinds == {Contest, Catalogue, AccountList}


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=[str(f.relative_to(BUILTIN)) for f in BUILTIN_FILES])
def test_every_builtin_pack_loads(path):
    pack = load_pack(path)
    assert pack.id
    assert pack.version


def test_builtin_packs_build_one_knowledge_base(kb):
    assert kb.catalogue.id == "skb-2-2022"
    assert kb.institutions
    assert kb.fingerprint and kb.version.startswith(kb.fingerprint + ":")


def test_catalogue_has_every_skb_form(kb):
    codes = set(kb.forms)
    assert codes == {f"KE-{i:02d}" for i in range(1, 8)} | {f"DS-{i:02d}" for i in range(1, 14)}


def test_catalogue_forms_are_coherent(kb):
    for code, form in kb.forms.items():
        assert "Lampiran SKB 2/2022" in form.skb_item, code
        assert form.text and form.sanction.text and form.sanction.basis, code
        if code.startswith("KE-"):
            assert form.group == "kode_etik" and form.phase == "pre", code
            assert form.sanction.kind == "moral", code
            assert "PP 42/2004" in form.sanction.basis, code
        else:
            assert form.group == "disiplin", code
    for code in ("DS-01", "DS-02", "DS-04", "DS-06", "DS-07", "DS-08"):
        assert "PP 94/2021" in kb.forms[code].sanction.basis, code
    assert kb.forms["DS-05"].sanction.kind == "ptdh"


def test_mapping_covers_the_social_media_forms(kb):
    """Campaign posts map to KE-02/DS-02 and engagement with a winning team to KE-04/DS-06."""
    rules = {(r.signal, k): (r.pre, r.post) for r in kb.catalogue.mapping for k in r.kinds}
    assert rules[("campaign", "post")] == ("KE-02", "DS-02")
    assert rules[("vote_call", "post")][1] == "DS-08"
    assert rules[("party_member", "profile")] == ("DS-05", "DS-05")
    for kind in ("like", "share", "comment", "follow", "group_join"):
        assert rules[("engage_target", kind)] == ("KE-04", "DS-06"), kind


REQUIRED = [
    "pilpres2019", "pileg2019", "pilpres2024", "pileg2024", "pilgub-babel2024", "pilbup-basel2024",
    "pilgub-dki2017", "pilgub-jabar2018", "pilgub-jateng2018", "pilgub-jatim2018", "pilgub-sumut2018",
    "pilgub-jatim2024", "pilgub-jakarta2024", "pilgub-jabar2024", "pilgub-jateng2024", "pilgub-sumut2024",
    "pilgub-banten2024",
]


@pytest.mark.parametrize("contest_id", REQUIRED)
def test_required_contest_exists(kb, contest_id):
    contest = kb.contests[contest_id]
    assert contest.contestants
    assert contest.id.startswith(contest.level)


@pytest.mark.parametrize(("contest_id", "count"), [("pileg2024", 24), ("pileg2019", 20)])
def test_pileg_parties(kb, contest_id, count):
    contest = kb.contests[contest_id]
    assert len(contest.contestants) == count
    assert all(c.kind == "party" and c.party for c in contest.contestants)
    assert sorted(c.number for c in contest.contestants) == list(range(1, count + 1))


def test_party_numbers_that_collide_with_pairs(kb):
    parties = {c.number: c.party for c in kb.contests["pileg2024"].contestants}
    assert (parties[1], parties[2], parties[3]) == ("PKB", "Gerindra", "PDIP")


def test_ambiguous_party_acronyms_are_exact_case(kb):
    for contest_id in ("pileg2019", "pileg2024"):
        for c in kb.contests[contest_id].contestants:
            for term in c.acronyms:
                if term.text in {"Demokrat", "PAN", "PSI"}:
                    assert term.exact_case, (contest_id, term.text)


@pytest.mark.parametrize(("contest_id", "numbers"), [("pilpres2024", [1, 2, 3]), ("pilpres2019", [1, 2])])
def test_pilpres_pairs(kb, contest_id, numbers):
    contest = kb.contests[contest_id]
    assert sorted(c.number for c in contest.contestants) == numbers
    assert all(c.kind == "pair" and len(c.persons) == 2 for c in contest.contestants)


def test_basel_is_a_single_pair_against_the_blank_column(kb):
    contest = kb.contests["pilbup-basel2024"]
    assert contest.single_pair
    assert contest.level == "pilbup" and contest.province == "babel" and contest.regency == "basel"
    kinds = sorted(c.kind for c in contest.contestants)
    assert kinds == ["blank_column", "pair"]
    assert {c.key for c in contest.contestants} == {"02", "kolom-kosong"}


@pytest.mark.parametrize(
    ("contest_id", "province"),
    [("pilgub-jabar2018", "jabar"), ("pilgub-jateng2018", "jateng"), ("pilgub-jatim2018", "jatim"),
     ("pilgub-sumut2018", "sumut"), ("pilgub-jatim2024", "jatim"), ("pilgub-jakarta2024", "jakarta"),
     ("pilgub-jabar2024", "jabar"), ("pilgub-jateng2024", "jateng"), ("pilgub-sumut2024", "sumut"),
     ("pilgub-banten2024", "banten"), ("pilgub-babel2024", "babel"), ("pilgub-dki2017", "jakarta")],
)
def test_pilgub_province(kb, contest_id, province):
    assert kb.contests[contest_id].level == "pilgub"
    assert kb.contests[contest_id].province == province


@pytest.mark.parametrize(
    ("contest_id", "determination", "voting"),
    [
        ("pilpres2024", dt.date(2023, 11, 13), dt.date(2024, 2, 14)),
        ("pilpres2019", dt.date(2018, 9, 20), dt.date(2019, 4, 17)),
        ("pilgub-jatim2018", dt.date(2018, 2, 12), dt.date(2018, 6, 27)),
        ("pilgub-jatim2024", dt.date(2024, 9, 22), dt.date(2024, 11, 27)),
        ("pilbup-basel2024", dt.date(2024, 9, 22), dt.date(2024, 11, 27)),
    ],
)
def test_key_dates(kb, contest_id, determination, voting):
    stages = kb.contests[contest_id].stages
    assert stages.determination.date == determination
    assert stages.voting.date == voting


def test_same_person_in_two_contests_with_different_numbers(kb):
    def number_of(contest_id, name):
        for c in kb.contests[contest_id].contestants:
            if any(p.name.startswith(name) for p in c.persons):
                return c.number
        raise AssertionError(f"{name} not in {contest_id}")

    assert number_of("pilgub-jatim2018", "Khofifah") == 1
    assert number_of("pilgub-jatim2024", "Khofifah") == 2
    assert number_of("pilgub-jabar2018", "Ridwan Kamil") == 1
    assert number_of("pilgub-jakarta2024", "Ridwan Kamil") == 1
    assert number_of("pilpres2019", "Prabowo") == 2
    assert number_of("pilpres2024", "Prabowo") == 2


def test_slang_values_are_fixed_points():
    """No word of a slang value is itself a slang key, so normalising twice changes nothing."""
    bad = {key: value for key, value in SLANG.items() for word in value.split() if word in SLANG}
    assert bad == {}


def test_slang_keys_are_single_lowercase_words():
    for key, value in SLANG.items():
        assert key == key.lower() and " " not in key and key.isalpha(), key
        assert value == value.lower() and value.strip() == value, key


# --- Broken packs ----------------------------------------------------------------------------

VALID = """\
schema: 1
kind: contest
id: pilbup-uji2030
version: "0.0.1"
name: Pemilihan Bupati Uji 2030
level: pilbup
province: ujiprov
regency: ujikab
stages:
  determination: {date: 2030-09-22, sources: [S1]}
  campaign: {start: 2030-09-25, end: 2030-11-23}
  quiet: {start: 2030-11-24, end: 2030-11-26}
  voting: {date: 2030-11-27}
contestants:
  - number: 1
    label: Pasangan Satu
  - number: 2
    label: Pasangan Dua
sources:
  S1: https://contoh.invalid/sumber-satu
"""


def _line(text: str, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[nth - 1]


def _write(tmp_path: Path, text: str, name: str = "uji.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_valid_example_loads(tmp_path):
    pack = load_pack(_write(tmp_path, VALID))
    assert isinstance(pack, Contest)
    assert pack.id == "pilbup-uji2030"


BROKEN = [
    # name, text, expected field (prefix), (needle, nth) of the expected line, words in the message
    pytest.param(
        VALID.replace("end: 2030-11-23}", "end: 2030-11-23"),
        "(yaml)", ("campaign:", 1), "YAML", id="bad-yaml-syntax"),
    pytest.param(VALID.replace("kind: contest", "kind: kontes"), "kind", ("kind:", 1), "kontes", id="unknown-kind"),
    pytest.param(VALID.replace("  determination: {date: 2030-09-22, sources: [S1]}\n", ""),
                 "stages.determination", ("stages:", 1), "", id="missing-determination"),
    pytest.param(VALID.replace("campaign: {start: 2030-09-25", "campaign: {start: 2030-09-01"),
                 "stages.campaign", ("campaign:", 1), "sebelum penetapan", id="campaign-before-determination"),
    pytest.param(VALID.replace("  - number: 2", "  - number: 1"), "contestants", ("- number: 1", 2), "ganda",
                 id="duplicate-ballot-number"),
    pytest.param(VALID.replace("level: pilbup", "level: pilbup\nwarna: merah"), "warna", ("warna:", 1), "",
                 id="unknown-top-level-field"),
    pytest.param(VALID.replace("    label: Pasangan Dua", "    label: Pasangan Dua\n    julukan: Dua"),
                 "contestants.1.julukan", ("julukan:", 1), "", id="unknown-nested-field"),
    pytest.param(VALID.replace("  voting: {date: 2030-11-27}", "  voting: {date: 2030-11-27, sources: [S9]}"),
                 "stages.voting", ("voting:", 1), "S9", id="source-cited-not-listed"),
]


@pytest.mark.parametrize(("text", "field", "where", "words"), BROKEN)
def test_broken_pack_names_file_line_and_field(tmp_path, text, field, where, words):
    path = _write(tmp_path, text)
    with pytest.raises(PackError) as info:
        load_pack(path)
    problems = info.value.problems
    assert problems, "PackError without problems"
    expected_line = _line(text, *where)
    described = [(p.file, p.line, p.field, p.message) for p in problems]
    assert all(p.file == str(path) for p in problems), described
    matching = [p for p in problems if p.field == field or p.field.startswith(field + ".")]
    assert matching, f"no problem names field {field!r}: {described}"
    if field == "(yaml)":  # the parser reports where it noticed the problem: that line or the next
        assert any(p.line in (expected_line, expected_line + 1) for p in matching), described
    else:
        assert any(p.line == expected_line for p in matching), f"expected line {expected_line}: {described}"
    assert words.lower() in " ".join(p.message for p in matching).lower(), described
    message = str(info.value)
    assert str(path) in message and f":{matching[0].line}:" in message and matching[0].field in message


def test_load_packs_reports_every_broken_file(tmp_path):
    catalogue = (BUILTIN / "catalogue" / "skb-2-2022.yaml").read_text(encoding="utf-8")
    _write(tmp_path, catalogue, "katalog.yaml")
    one = _write(tmp_path, VALID.replace("kind: contest", "kind: kontes"), "a.yaml")
    two = _write(tmp_path, VALID.replace("level: pilbup", "level: pilbup\nwarna: merah"), "b.yaml")
    with pytest.raises(PackError) as info:
        load_packs([tmp_path])
    files = {p.file for p in info.value.problems}
    assert {str(one), str(two)} <= files


def test_contest_defined_twice_is_a_pack_error(tmp_path):
    _write(tmp_path, (BUILTIN / "contests" / "pilpres2024.yaml").read_text(encoding="utf-8"), "salinan.yaml")
    with pytest.raises(PackError) as info:
        load_packs([BUILTIN, tmp_path])
    assert "pilpres2024" in str(info.value)


def test_packs_without_a_catalogue_are_rejected(tmp_path):
    _write(tmp_path, VALID)
    with pytest.raises(PackError) as info:
        load_packs([tmp_path])
    assert "catalogue" in str(info.value)


def test_a_valid_extra_pack_joins_the_builtin_ones(tmp_path):
    _write(tmp_path, VALID)
    merged = load_packs([BUILTIN, tmp_path])
    assert "pilbup-uji2030" in merged.contests
    assert set(merged.contests) - {"pilbup-uji2030"} == set(load_packs().contests)
