"""Properties of the detector and the normaliser, checked on generated input (hypothesis).

Generated text mixes arbitrary Unicode (surrogates excluded: they cannot be encoded as UTF-8 and
never reach the detector from JSON), emoji with variation selectors and skin tones, and election
words, so that the recognizers actually fire.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jaganetral.detect.model import ACTIVITY_KINDS, WIB, Activity
from jaganetral.detect.normalize import Normalizer
from jaganetral.detect.recognizers.base import Context

ELECTION_WORDS = [
    "Prabowo", "Gibran", "Prabowo-Gibran", "Anies", "AMIN", "amin", "Amin ya Allah", "Cak Imin", "Ganjar",
    "Mahfud MD", "Khofifah", "Ridwan Kamil", "RK", "Uu", "UU", "Sandi", "Riza", "kolom kosong", "kotak kosong",
    "coblos", "nyoblos", "nomor", "no", "nmr", "urut", "paslon", "capres", "cagub", "cagub jatim", "pilgub",
    "partai", "Partai Demokrat", "Demokrat", "demokrasi", "PDIP", "PDI-P", "Gerindra", "PAN", "pan", "kader",
    "ketua DPC", "saya", "ayo", "yuk", "pilih", "pilihhh", "plh", "M3nang", "menangkan", "satu putaran",
    "jangan pilih", "asal bukan", "TPS", "ke TPS", "hak pilih", "golput", "pemilu damai", "hebat", "mantap",
    "pantas memimpin", "pembohong", "dinasti", "menurut", "Kompas", "survei", "#02Melanjutkan", "#AMIN",
    "#AsalBukanPrabowo", "#2019GantiPresiden", "#prabowogibran2024", "salam dua jari", "salam 4 jari",
    "@prabowo", "@KPU_ID", "@tkn_prabowogibran", "Jl.", "RT", "pukul", "02.30", "02/01/2024", "2", "02", "01",
    "03", "dua", "2periode", "yg", "gpp", "bgt", "!", "?", "!!!", "...", "https://contoh.id/a?b=1", "\n", "\t",
    "✌️", "✌🏽", "☝️", "🤟", "👍", "👍🏿", "🤮", "❤️", "🔥", "😂", "🇮🇩", "\u200d", "\ufe0f",
]

unicode_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=15)
emoji = st.characters(min_codepoint=0x1F000, max_codepoint=0x1FAFF) | st.sampled_from(["\ufe0f", "\u200d", "\u2764"])
piece = st.one_of(unicode_text, st.sampled_from(ELECTION_WORDS), emoji)
texts = st.builds(lambda parts, sep: sep.join(parts), st.lists(piece, max_size=14),
                  st.sampled_from([" ", "", ", ", "\n", "#", "-"]))

moments = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2026, 12, 31)).map(
        lambda d: dt.datetime.combine(d, dt.time(12), tzinfo=WIB)),
    st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2026, 12, 31),
                 timezones=st.sampled_from([dt.UTC, WIB, dt.timezone(dt.timedelta(hours=-10))])),
    st.datetimes(min_value=dt.datetime(2015, 1, 1), max_value=dt.datetime(2026, 12, 31)),  # naive
)

activities = st.builds(
    Activity,
    id=st.text(min_size=1, max_size=8),
    text=texts,
    kind=st.sampled_from(ACTIVITY_KINDS),
    created_at=moments,
    platform=st.none() | st.sampled_from(["x", "facebook", "instagram", "tiktok"]),
    target_text=st.none() | texts,
    target_account=st.none() | st.sampled_from(["@prabowo", "@KPU_ID", "Relawan Prabowo-Gibran Basel",
                                                "tkn_prabowogibran", "Grup Arisan RT 02"]) | unicode_text,
)

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)
FIELDS = ("text", "target_text", "target_account")


def _outcome(detector, a):  # the finding, or the exception it raised, as comparable data
    try:
        return detector.analyze(a).to_json()
    except Exception as exc:  # compared here; reported by the never-raises test
        return ("raised", type(exc).__name__, str(exc))


@PROPERTY_SETTINGS
@given(a=activities)
def test_analyze_never_raises_and_is_well_formed(detector, a):
    forms = detector.kb.forms
    f = detector.analyze(a)
    assert 0.0 <= f.score <= 1.0
    assert f.activity_id == a.id
    if f.flag:
        assert f.violation in forms
        assert all(code in forms for code in f.also)
        assert f.targets
        assert f.explanation
    else:
        assert f.violation is None and f.also == ()
    for e in f.evidence:
        value = getattr(a, e.field)
        assert isinstance(value, str) and value[e.start : e.end] == e.text, (e, value)


@PROPERTY_SETTINGS
@given(a=activities)
def test_every_evidence_span_is_exactly_the_original_text(detector, a):
    ctx = Context(a, a.day, detector.resolver)
    for field in FIELDS:
        value = getattr(a, field)
        if not value:
            continue
        for e in detector.evidence(field, value, ctx):
            assert e.field == field
            assert 0 <= e.start <= e.end <= len(value), e
            assert value[e.start : e.end] == e.text, (e.field, e.start, e.end, e.text, value)
            assert 0.0 <= e.weight <= 1.0, e


@PROPERTY_SETTINGS
@given(a=activities)
def test_same_input_same_finding(detector, a):
    assert _outcome(detector, a) == _outcome(detector, a)


@PROPERTY_SETTINGS
@given(text=texts)
def test_normalising_twice_changes_nothing(detector, text):
    n = detector.normalizer
    once = n(text).text
    assert n(once).text == once, (text, once, n(once).text)


@PROPERTY_SETTINGS
@given(text=texts)
def test_normaliser_offsets_map_back(detector, text):
    doc = detector.normalizer(text)
    assert doc.original == text
    starts = [t.start for t in doc.tokens]
    assert starts == sorted(starts)
    for t in doc.tokens:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start : t.end] == t.raw, (t, text)


# --- Normaliser examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        pytest.param("pilihhh", "pilih", id="elongation"),
        pytest.param("Pilihhhh", "pilih", id="elongation-capital"),
        pytest.param("yg", "yang", id="slang"),
        pytest.param("M3nang", "menang", id="leetspeak"),
        pytest.param("#02Melanjutkan", "02 melanjutkan", id="hashtag-split"),
        pytest.param("02", "02", id="number-kept"),
        pytest.param("01", "01", id="number-kept-01"),
        pytest.param("no 2", "nomor 2", id="no-before-number"),
        pytest.param("nmr 2", "nomor 2", id="nmr"),
        pytest.param("2periode", "2 periode", id="digits-split-from-letters"),
        pytest.param("✌️", "✌", id="variation-selector-dropped"),
        pytest.param("salam ✌🏽", "salam ✌", id="skin-tone-dropped"),
        pytest.param("Ayo coblos!!!", "ayo coblos !", id="punctuation-run"),
    ],
)
def test_normaliser_examples(detector, raw, norm):
    assert detector.normalizer(raw).text == norm


def test_no_is_only_nomor_before_a_number(detector):
    assert detector.normalizer("no way").text == "no way"


def test_normaliser_keeps_original_offsets(detector):
    text = "Ayo pilihhh yg M3nang #02Melanjutkan ✌️!!"
    doc = detector.normalizer(text)
    spans = {t.norm: text[t.start : t.end] for t in doc.tokens}
    assert spans["pilih"] == "pilihhh"
    assert spans["yang"] == "yg"
    assert spans["menang"] == "M3nang"
    assert spans["02"] == "02"
    assert spans["melanjutkan"] == "Melanjutkan"
    assert spans["✌"] == "✌"
    assert spans["!"] == "!!"


def test_multiword_slang_tokens_share_the_span(detector):
    doc = detector.normalizer("gpp kok")
    assert doc.norms[:3] == ("tidak", "apa", "apa")
    assert {(t.start, t.end) for t in doc.tokens[:3]} == {(0, 3)}


def test_leetspeak_needs_a_known_word():
    """Without 'menang' in the vocabulary, 'M3nang' is split, not guessed."""
    assert Normalizer(()).__call__("M3nang").text == "m 3 nang"
    assert Normalizer({"menang"})("M3nang").text == "menang"


def test_token_group_numbers_match_the_pattern():
    """The normaliser dispatches on group numbers for speed; they must follow TOKEN_RE's order."""
    from jaganetral.detect import normalize as n

    assert n.TOKEN_RE.groupindex == {
        "url": n.URL, "mention": n.MENTION, "hashtag": n.HASHTAG, "word": n.WORD, "punct": n.PUNCT, "emoji": n.EMOJI,
    }
