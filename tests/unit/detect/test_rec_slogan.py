"""SloganHashtagRecognizer: campaign slogans and hashtags, and hashtags that attack a contestant.

One-word slogans that are ordinary words ("Perubahan", "Lanjutkan") count only when the same text
names their contestant.
"""

from __future__ import annotations

import pytest

REC = "slogan_hashtag"
HASHTAG_KINDS = {"hashtag", "slogan"}


def _fmt(evidence):
    return [(e.recognizer, e.kind, e.text, e.targets, e.stance) for e in evidence]


ROWS = [
    # text, date, span, kinds, targets, stance
    pytest.param("Terus maju! #02Melanjutkan", "2024-01-10", "#02Melanjutkan", HASHTAG_KINDS, ("pilpres2024:02",),
                 "support", id="hashtag-02melanjutkan"),
    pytest.param("#AniesMuhaimin untuk Indonesia", "2024-01-10", "#AniesMuhaimin", HASHTAG_KINDS,
                 ("pilpres2024:01",), "support", id="hashtag-aniesmuhaimin"),
    pytest.param("Semangat pagi #prabowogibran2024", "2024-01-10", "#prabowogibran2024", HASHTAG_KINDS,
                 ("pilpres2024:02",), "support", id="hashtag-squashed"),
    pytest.param("Sat set tas tes!", "2024-01-10", "Sat set tas tes", {"slogan"}, ("pilpres2024:03",), "support",
                 id="slogan-sat-set"),
    pytest.param("Wakanda no more, Indonesia forever", "2024-01-10", "Wakanda no more, Indonesia forever", {"slogan"},
                 ("pilpres2024:01",), "support", id="slogan-wakanda"),
    pytest.param("Koalisi Rakyat Basel Bersatu", "2024-10-20", "Koalisi Rakyat Basel Bersatu", {"slogan"},
                 ("pilbup-basel2024:02",), "support", id="slogan-basel"),
    pytest.param("Indonesia Maju bersama Jokowi", "2019-01-10", "Indonesia Maju", {"slogan"}, ("pilpres2019:01",),
                 "support", id="slogan-indonesia-maju-2019"),
    # One-word slogans count when their contestant is named.
    pytest.param("Perubahan bersama Anies", "2024-01-10", "Perubahan", {"slogan"}, ("pilpres2024:01",), "support",
                 id="single-word-with-name"),
    pytest.param("Prabowo lanjutkan!", "2024-01-10", "lanjutkan", {"slogan"}, ("pilpres2024:02",), "support",
                 id="lanjutkan-with-name"),
    # Attack hashtags and counter-signs.
    pytest.param("#AsalBukanPrabowo", "2024-01-10", "#AsalBukanPrabowo", {"attack_hashtag"}, ("pilpres2024:02",),
                 "attack", id="attack-asalbukanprabowo"),
    pytest.param("#TolakAnies sekarang", "2024-01-10", "#TolakAnies", {"attack_hashtag"}, ("pilpres2024:01",),
                 "attack", id="attack-tolakanies"),
    pytest.param("Jangan lupa salam empat jari", "2024-01-10", "salam empat jari", {"attack_hashtag"},
                 ("pilpres2024:02",), "attack", id="attack-salam-empat-jari"),
    pytest.param("#2019GantiPresiden", "2018-10-10", "#2019GantiPresiden", {"attack_hashtag"}, ("pilpres2019:01",),
                 "attack", id="attack-2019gantipresiden"),
    # Hard negatives.
    pytest.param("Perubahan itu perlu", "2024-01-10", None, None, None, None, id="neg-perubahan-alone"),
    pytest.param("Lanjutkan pembangunan desa", "2024-01-10", None, None, None, None, id="neg-lanjutkan-alone"),
    pytest.param("Amin ya Allah semoga lancar", "2024-01-10", None, None, None, None, id="neg-amin-prayer"),
    pytest.param("Aamiin, amin ya rabbal alamin", "2024-01-10", None, None, None, None, id="neg-amin-rabbal-alamin"),
    pytest.param("BPBD gerak cepat tangani banjir di Toboali", "2024-01-10", None, None, None, None,
                 id="neg-gerak-cepat-bpbd"),
    pytest.param("Menteri Kabinet Indonesia Maju meninjau lokasi banjir", "2024-01-10", None, None, None, None,
                 id="neg-kabinet-indonesia-maju"),
    pytest.param("Kabinet Indonesia Maju rapat terbatas", "2021-06-01", None, None, None, None,
                 id="neg-kabinet-no-contest"),
]


@pytest.mark.parametrize(("text", "when", "span", "kinds", "targets", "stance"), ROWS)
def test_slogan_hashtag(evidence_of, text, when, span, kinds, targets, stance):
    found = [e for e in evidence_of(text, when) if e.recognizer == REC]
    if kinds is None:
        assert found == [], f"{text!r} ({when}) holds no campaign slogan, got {_fmt(found)}"
        return
    hits = [e for e in found if e.text.lstrip("#") == span.lstrip("#")]
    assert hits, f"{text!r} ({when}): no {REC} evidence on {span!r}; got {_fmt(found)}"
    assert any(e.kind in kinds and e.targets == targets and e.stance == stance for e in hits), (
        f"{text!r} ({when}): expected {sorted(kinds)} {targets} {stance}, got {_fmt(hits)}"
    )


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        pytest.param("Terus maju! #02Melanjutkan", "#02Melanjutkan", id="02melanjutkan"),
        pytest.param("#AniesMuhaimin untuk Indonesia", "#AniesMuhaimin", id="aniesmuhaimin"),
        pytest.param("Semangat pagi #prabowogibran2024", "#prabowogibran2024", id="prabowogibran2024"),
    ],
)
def test_campaign_hashtag_is_reported_as_hashtag(evidence_of, text, tag):
    """A campaign hashtag is evidence of kind 'hashtag' whose span is the whole tag, '#' included."""
    found = [e for e in evidence_of(text, "2024-01-10") if e.recognizer == REC]
    assert any(e.kind == "hashtag" and e.text == tag for e in found), _fmt(found)


def test_slogan_is_date_bound(evidence_of):
    """'Sat set' names Ganjar-Mahfud only while Pilpres 2024 is talked about."""
    found = [e for e in evidence_of("Sat set tas tes!", "2018-04-01") if e.recognizer == REC]
    assert found == [], _fmt(found)
