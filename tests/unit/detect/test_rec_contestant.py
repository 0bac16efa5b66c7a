"""ContestantMentionRecognizer: names, nicknames, pair names, acronyms, teams, volunteers, accounts.

The same person ran in several contests under different numbers, so a mention resolves by the
activity's date (and, without a date, to the most recent contest).
"""

from __future__ import annotations

import pytest

REC = "contestant_mention"


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, date, span, kind, targets
    # Same person, different contest, decided by the date.
    pytest.param("Khofifah turun ke pasar pagi ini", "2018-05-01", "Khofifah", "alias",
                 ("pilgub-jatim2018:01",), id="khofifah-2018-jatim-01"),
    pytest.param("Khofifah turun ke pasar pagi ini", "2024-10-20", "Khofifah", "incumbent",
                 ("pilgub-jatim2024:02",), id="khofifah-2024-jatim-02"),
    pytest.param("Ridwan Kamil datang ke kampung kami", "2018-05-01", "Ridwan Kamil", "alias",
                 ("pilgub-jabar2018:01",), id="rk-2018-jabar"),
    pytest.param("Ridwan Kamil datang ke kampung kami", "2024-10-20", "Ridwan Kamil", "alias",
                 ("pilgub-jakarta2024:01",), id="rk-2024-jakarta"),
    pytest.param("Ridwan Kamil datang ke kampung kami", None, "Ridwan Kamil", "alias",
                 ("pilgub-jakarta2024:01",), id="rk-no-date-latest-contest"),
    pytest.param("Pak Prabowo mampir ke pasar", "2018-09-25", "Pak Prabowo", "alias",
                 ("pilpres2019:02",), id="prabowo-2018-09-pilpres2019"),
    pytest.param("Pak Prabowo mampir ke pasar", "2024-01-10", "Pak Prabowo", "alias",
                 ("pilpres2024:02",), id="prabowo-2024-01-pilpres2024"),
    pytest.param("Anies berkunjung ke Tanah Abang", "2016-12-01", "Anies", "alias",
                 ("pilgub-dki2017:03",), id="anies-2016-dki"),
    pytest.param("Anies berkunjung ke Tanah Abang", "2024-01-10", "Anies", "alias",
                 ("pilpres2024:01",), id="anies-2024-pilpres"),
    pytest.param("Ganjar blusukan lagi ke pasar", "2018-04-01", "Ganjar", "incumbent",
                 ("pilgub-jateng2018:01",), id="ganjar-2018-jateng"),
    pytest.param("Ganjar blusukan lagi ke pasar", "2024-01-10", "Ganjar", "alias",
                 ("pilpres2024:03",), id="ganjar-2024-pilpres"),
    pytest.param("Taj Yasin menyapa santri", "2018-04-01", "Taj Yasin", "alias",
                 ("pilgub-jateng2018:01",), id="taj-yasin-2018-no1"),
    pytest.param("Taj Yasin menyapa santri", "2024-10-20", "Taj Yasin", "alias",
                 ("pilgub-jateng2024:02",), id="taj-yasin-2024-no2"),
    pytest.param("Djarot hadir di acara warga", "2017-01-10", "Djarot", "alias",
                 ("pilgub-dki2017:02",), id="djarot-2017-dki"),
    pytest.param("Djarot hadir di acara warga", "2018-05-01", "Djarot", "alias",
                 ("pilgub-sumut2018:02",), id="djarot-2018-sumut"),
    pytest.param("Riza Herdavid meresmikan pasar baru", "2024-10-20", "Riza Herdavid", "incumbent",
                 ("pilbup-basel2024:02",), id="riza-basel"),
    # Pair names, acronyms, teams, volunteer groups, accounts.
    pytest.param("Prabowo-Gibran hadir di Bandung", "2024-01-10", "Prabowo-Gibran", "pair_name",
                 ("pilpres2024:02",), id="pair-name"),
    pytest.param("Dukung AMIN sampai menang", "2024-01-10", "AMIN", "acronym",
                 ("pilpres2024:01",), id="acronym-AMIN"),
    pytest.param("Timnas AMIN konsolidasi di Surabaya", "2024-01-10", "Timnas AMIN", "team",
                 ("pilpres2024:01",), id="team-timnas-amin"),
    pytest.param("TKN Prabowo-Gibran rapat di Jakarta", "2024-01-10", "TKN Prabowo-Gibran", "team",
                 ("pilpres2024:02",), id="team-tkn"),
    pytest.param("Relawan Ganjar turun ke desa", "2024-01-10", "Relawan Ganjar", "volunteer",
                 ("pilpres2024:03",), id="volunteer-ganjar"),
    pytest.param("Ikuti terus @aniesbaswedan ya", "2024-01-10", "@aniesbaswedan", "account",
                 ("pilpres2024:01",), id="account-mention"),
    # Hard negatives: no contestant is named.
    pytest.param("Amin ya Allah semoga lancar", "2024-01-10", None, None, None, id="neg-amin-prayer"),
    pytest.param("Aamiin, amin ya rabbal alamin", "2024-01-10", None, None, None, id="neg-aamiin-prayer"),
    pytest.param("Saya lupa kata sandi email kantor", "2017-01-10", None, None, None, id="neg-kata-sandi"),
    pytest.param("Revisi UU ITE dibahas DPR", "2018-04-01", None, None, None, id="neg-UU-not-Uu"),
    pytest.param("Prabowo mampir ke pasar", "2010-05-01", None, None, None, id="neg-no-contest-in-2010"),
    pytest.param("Semoga Allah ganjar kebaikan bapak", "2024-01-10", None, None, None,
                 id="neg-ganjar-verb-reward"),
    pytest.param("Rapat koordinasi dinas pukul sembilan", "2024-01-10", None, None, None, id="neg-plain"),
]


@pytest.mark.parametrize(("text", "when", "span", "kind", "targets"), ROWS)
def test_contestant_mention(evidence_of, text, when, span, kind, targets):
    found = [e for e in evidence_of(text, when) if e.recognizer == REC]
    if kind is None:
        assert found == [], f"{text!r} ({when}) should name no contestant, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text == span]
    assert hits, f"{text!r} ({when}): no {REC} evidence on {span!r}; got {_fmt(found)}"
    assert any(e.kind == kind and e.targets == targets for e in hits), (
        f"{text!r} ({when}): expected {kind} {targets}, got {_fmt(hits)}"
    )


@pytest.mark.parametrize(
    ("text", "when", "pair"),
    [
        pytest.param("Amin ya Allah semoga lancar", "2024-01-10", "pilpres2024:01", id="amin-ya-allah"),
        pytest.param("Aamiin, amin ya rabbal alamin", "2024-01-10", "pilpres2024:01", id="amin-rabbal-alamin"),
        pytest.param("Amin, semoga sehat selalu pak", "2024-01-10", "pilpres2024:01", id="amin-semoga"),
    ],
)
def test_prayer_amin_names_no_pair_in_any_recognizer(evidence_of, text, when, pair):
    """'amin' in a prayer is not the AMIN pair: no recognizer may attach it to pilpres2024:01."""
    found = [e for e in evidence_of(text, when) if pair in e.targets]
    assert found == [], f"{text!r} is a prayer, yet evidence names {pair}: {_fmt(found)}"


def test_mentions_take_no_side_by_themselves(evidence_of):
    """A bare name is who is talked about, not support: weight 0 and no stance."""
    found = [e for e in evidence_of("Prabowo", "2024-01-10") if e.recognizer == REC]
    assert [(e.kind, e.weight, e.stance) for e in found] == [("alias", 0.0, None)]


def test_region_drops_pilkada_of_other_provinces(basel_detector, evidence_of):
    """With region basel, Jatim's governor race is not in play; national contests still are."""
    jatim = [e for e in evidence_of("Khofifah turun ke pasar", "2024-10-20", using=basel_detector)
             if e.recognizer == REC]
    assert jatim == [], _fmt(jatim)
    national = [e for e in evidence_of("Prabowo turun ke pasar", "2024-01-10", using=basel_detector)
                if e.recognizer == REC]
    assert [e.targets for e in national] == [("pilpres2024:02",)]
    local = [e for e in evidence_of("Riza Herdavid turun ke pasar", "2024-10-20", using=basel_detector)
             if e.recognizer == REC]
    assert [e.targets for e in local] == [("pilbup-basel2024:02",)]
