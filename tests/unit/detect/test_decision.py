"""From evidence to a finding: which SKB 2/2022 form, by activity kind and contest stage.

Before a contest's determination (penetapan) the contestants are bakal calon and the forms are
the code-of-ethics ones (KE-xx, sanksi moral, PP 42/2004); from the determination on they are
calon and the forms are the disciplinary ones (DS-xx, PP 94/2021).
"""

from __future__ import annotations

import pytest

from jaganetral.detect.decide import judge
from jaganetral.detect.engine import Detector, DetectorSettings

SUPPORT_POST = "Prabowo-Gibran pantas memimpin Indonesia, terbukti kerja nyata"
CALL_TO_VOTE = "Ayo coblos Prabowo-Gibran tanggal 14 Februari!"
TEAM_POST = "Tim Kampanye Nasional Prabowo-Gibran mengajak relawan memenangkan satu putaran! #PrabowoGibran2024"
PRE = "2023-10-30"  # before the Pilpres 2024 determination (13 Nov 2023)
POST = "2024-01-10"  # campaign period
ENGAGE_FORMS = [pytest.param(PRE, "KE-04", id="pre"), pytest.param(POST, "DS-06", id="post")]


def _fmt(f):
    return (f.flag, round(f.score, 3), f.violation, f.also, f.targets, f.stance, f.contest)


# --- KE before determination, DS after -------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "form"),
    [
        pytest.param("2023-10-30", "KE-02", id="bakal-calon"),
        pytest.param("2023-11-12", "KE-02", id="day-before-determination"),
        pytest.param("2023-11-13", "DS-02", id="determination-day"),
        pytest.param("2023-11-20", "DS-02", id="after-determination"),
        pytest.param("2024-01-10", "DS-02", id="campaign"),
    ],
)
def test_support_post_form_depends_on_determination(detector, activity, when, form):
    f = detector.analyze(activity(SUPPORT_POST, when))
    assert f.flag, _fmt(f)
    assert f.violation == form, _fmt(f)
    assert f.targets[0] == "pilpres2024:02"
    assert f.contest == "pilpres2024"
    assert f.stance == "support"


def test_call_to_vote_after_determination_is_ds08_with_ds02(detector, activity):
    f = detector.analyze(activity(CALL_TO_VOTE, POST))
    assert f.flag, _fmt(f)
    assert f.violation == "DS-08", _fmt(f)
    assert "DS-02" in f.also, _fmt(f)
    assert f.targets[0] == "pilpres2024:02"


def test_call_to_vote_before_determination_is_ke02(detector, activity):
    f = detector.analyze(activity(CALL_TO_VOTE, PRE))
    assert f.flag, _fmt(f)
    assert f.violation == "KE-02", _fmt(f)
    assert not any(code.startswith("DS-") for code in f.also), _fmt(f)


def test_unknown_date_assumes_after_determination(detector, activity):
    f = detector.analyze(activity(SUPPORT_POST, None))
    assert f.flag, _fmt(f)
    assert f.violation == "DS-02", _fmt(f)
    assert f.date_known is False
    assert "tidak diketahui" in f.explanation


def test_known_date_is_not_called_unknown(detector, activity):
    f = detector.analyze(activity(SUPPORT_POST, POST))
    assert f.date_known is True
    assert "tidak diketahui" not in f.explanation


# --- Engagement: like, share, follow, join ---------------------------------------------------


@pytest.mark.parametrize(("when", "form"), ENGAGE_FORMS)
def test_like_of_winning_team_post(detector, activity, when, form):
    f = detector.analyze(activity("", when, "like", target_text=TEAM_POST))
    assert f.flag, _fmt(f)
    assert f.violation == form, _fmt(f)
    assert "pilpres2024:02" in f.targets
    assert f.evidence and all(e.field == "target_text" for e in f.evidence)


@pytest.mark.parametrize(("when", "form"), ENGAGE_FORMS)
def test_joining_a_volunteer_group(detector, activity, when, form):
    f = detector.analyze(activity("", when, "group_join", target_account="Relawan Prabowo-Gibran Basel"))
    assert f.flag, _fmt(f)
    assert f.violation == form, _fmt(f)
    assert f.targets[0] == "pilpres2024:02"


@pytest.mark.parametrize(
    ("account", "target"),
    [
        pytest.param("@prabowo", "pilpres2024:02", id="candidate-at"),
        pytest.param("aniesbaswedan", "pilpres2024:01", id="candidate-bare"),
        pytest.param("@tkn_prabowogibran", "pilpres2024:02", id="team-account"),
        pytest.param("@tpn_ganjarmahfud", "pilpres2024:03", id="team-account-03"),
    ],
)
def test_following_a_contestant_account_during_campaign(detector, activity, account, target):
    f = detector.analyze(activity("", POST, "follow", target_account=account))
    assert f.flag, _fmt(f)
    assert f.violation == "DS-06", _fmt(f)
    assert f.targets[0] == target


@pytest.mark.parametrize(
    ("kind", "target_text", "target_account"),
    [
        pytest.param("follow", None, "@KPU_ID", id="follow-kpu"),
        pytest.param("follow", None, "bawaslu_RI", id="follow-bawaslu"),
        pytest.param("like", "KPU mengajak masyarakat menggunakan hak pilih", None, id="like-kpu-post"),
        pytest.param("share", "KPU mengajak masyarakat menggunakan hak pilih pada 14 Februari 2024", None,
                     id="share-kpu-post"),
        pytest.param("like", "Debat capres ketiga digelar KPU malam ini, ketiga paslon hadir", "@KPU_ID",
                     id="like-kpu-debate-notice"),
    ],
)
def test_engaging_with_the_election_organiser_is_not_flagged(detector, activity, kind, target_text, target_account):
    f = detector.analyze(activity("", POST, kind, target_text=target_text, target_account=target_account))
    assert not f.flag, (_fmt(f), f.explanation)
    assert f.violation is None


@pytest.mark.parametrize("target_text", [pytest.param(TEAM_POST, id="with-target"), pytest.param(None, id="no-target")])
@pytest.mark.parametrize("kind", ["like", "follow", "group_join"])
def test_engagement_kinds_with_partisan_own_text(detector, activity, kind, target_text):
    """A like/follow/join whose own text campaigns: analyze must not raise, and a flag names an SKB form."""
    f = detector.analyze(activity(CALL_TO_VOTE, POST, kind, target_text=target_text))
    if f.flag:
        assert f.violation is not None, _fmt(f)
        assert f.violation in {r.code for r in f.forms}


# --- Kolom kosong, party membership ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ayo pilih kolom kosong!", id="kolom-kosong-only"),
        pytest.param("Coblos kotak kosong di Pilbup Basel!", id="kotak-kosong"),
        pytest.param("Riza-Debby sudah cukup, ayo pilih kolom kosong", id="pair-named-too"),
    ],
)
def test_campaigning_for_the_blank_column_is_against_the_single_pair(detector, activity, text):
    f = detector.analyze(activity(text, "2024-10-20"))
    assert f.flag, _fmt(f)
    assert "pilbup-basel2024:kolom-kosong" in f.targets, _fmt(f)
    assert f.contest == "pilbup-basel2024"
    pair = judge(list(f.evidence)).targets.get("pilbup-basel2024:02")
    assert pair is not None, "the single pair is not judged at all"
    assert pair.stance == "attack", (pair.support, pair.attack)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Kader PDIP", "profile", id="profile"),
        pytest.param("ASN | Kader PDIP | Pecinta kopi", "profile", id="profile-bio"),
        pytest.param("Saya kader Gerindra sejak 2015, bangga!", "post", id="post-first-person"),
    ],
)
def test_party_membership_is_ds05(detector, activity, text, kind):
    f = detector.analyze(activity(text, POST, kind))
    assert f.flag, _fmt(f)
    assert f.violation == "DS-05", _fmt(f)
    assert f.targets[0].startswith("party:")


def test_party_membership_is_ds05_without_a_date(detector, activity):
    f = detector.analyze(activity("Kader PDIP", None, "profile"))
    assert f.violation == "DS-05", _fmt(f)


# --- The explanation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "code", "basis"),
    [pytest.param(PRE, "KE-02", "PP 42/2004", id="KE"), pytest.param(POST, "DS-02", "PP 94/2021", id="DS")],
)
def test_explanation_cites_the_skb_item_and_sanction_basis(detector, activity, kb, when, code, basis):
    f = detector.analyze(activity(SUPPORT_POST, when))
    assert f.violation == code, _fmt(f)
    text = f.explanation
    assert "Lampiran SKB 2/2022" in text
    assert kb.forms[code].skb_item in text
    assert basis in text
    assert "Diduga melanggar netralitas ASN" in text
    assert "Sanksi" in text
    assert "Prabowo-Gibran" in text  # quotes the evidence span
    assert f.forms[0].code == code


def test_explanation_of_a_clear_finding_is_indonesian(detector, activity):
    f = detector.analyze(activity("Ayo ke TPS tanggal 14 Februari, gunakan hak pilih anda!", POST))
    assert not f.flag
    assert "Tidak ditemukan indikasi kampanye" in f.explanation


# --- Region -----------------------------------------------------------------------------------


def test_region_narrows_pilkada_contests(kb, activity):
    text = "Ayo coblos nomor 2!"
    basel = Detector(kb, DetectorSettings(region="basel")).analyze(activity(text, "2024-10-20"))
    assert basel.flag, _fmt(basel)
    assert basel.targets == ("pilbup-basel2024:02",), _fmt(basel)
    assert basel.contest == "pilbup-basel2024"
    nowhere = Detector(kb).analyze(activity(text, "2024-10-20"))
    assert not nowhere.flag, _fmt(nowhere)
    assert nowhere.targets == ()
    assert not any(e.targets for e in nowhere.evidence), [(e.text, e.targets) for e in nowhere.evidence]


def test_region_alias_is_accepted(kb):
    """'Bangka Selatan' names the same region as the code 'basel'."""
    by_code = {c.id for c in kb.contests_in_play("basel")}
    by_alias = {c.id for c in kb.contests_in_play("bangka selatan")}
    assert by_code == by_alias
    assert {"pilbup-basel2024", "pilgub-babel2024", "pilpres2024"} <= by_code
    assert "pilgub-jatim2024" not in by_code


# --- Hard negatives at the finding level -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Semangat menjaga demokrasi kita, pemilu damai", id="demokrasi"),
        pytest.param("Rumah saya di Jl. Merdeka nomor 2, dekat TPS", id="street-number"),
        pytest.param("Rapat RT 02 bahas persiapan TPS", id="RT-02"),
        pytest.param("Rekap suara di TPS selesai pukul 02.30", id="clock"),
        pytest.param("Ayo ke TPS tanggal 14 Februari!", id="ayo-ke-tps"),
        pytest.param("Gunakan hak pilih anda, jangan golput", id="hak-pilih"),
        pytest.param("nomor 2", id="bare-number"),
        pytest.param("Ayo dukung Timnas Indonesia di Piala Asia!", id="football"),
        pytest.param("Debat capres malam ini: Anies, Prabowo, dan Ganjar adu gagasan soal ekonomi", id="balanced"),
        pytest.param("Amin ya Allah semoga lancar", id="amin-prayer"),
        pytest.param("BPBD gerak cepat tangani banjir di Toboali", id="gerak-cepat"),
        pytest.param("Menteri Kabinet Indonesia Maju meninjau lokasi banjir", id="kabinet-indonesia-maju"),
        pytest.param("Semoga Allah ganjar kebaikan bapak, sehat selalu", id="ganjar-verb"),
        pytest.param("Bangga bayar PKB tepat waktu, mantap!", id="pajak-kendaraan"),
    ],
)
def test_not_flagged(detector, activity, text):
    f = detector.analyze(activity(text, POST))
    assert not f.flag, (_fmt(f), [(e.recognizer, e.text, e.targets) for e in f.evidence])
    assert f.violation is None


# --- No date, and who is a contestant ----------------------------------------------------------


@pytest.mark.parametrize(
    ("account", "when"),
    [
        pytest.param("@jokowi", None, id="former-contestant-no-date"),
        pytest.param("@jokowi", "2024-01-10", id="president-2024"),
        pytest.param("@presidenrepublikindonesia", "2024-01-10", id="presidential-office"),
    ],
)
def test_following_the_president_is_not_partisan(detector, activity, account, when):
    """Jokowi ran in 2019; once a later pilpres without him is known he is no contestant."""
    f = detector.analyze(activity("", when, "follow", target_account=account))
    assert not f.flag, _fmt(f)
    assert f.targets == ()


def test_a_name_without_a_date_means_its_latest_race(detector, activity):
    f = detector.analyze(activity("Dukung terus Prabowo!", None))
    assert f.flag, _fmt(f)
    assert f.targets == ("pilpres2024:02",), _fmt(f)


def test_a_vote_verb_before_a_number_is_a_call_to_vote(detector, activity):
    f = detector.analyze(activity("Coblos 02 Prabowo", POST))
    assert f.violation == "DS-08", _fmt(f)
    assert "DS-02" in f.also
    spans = {(e.text, e.recognizer) for e in f.evidence}
    assert ("Coblos", "call_to_vote") in spans and ("02", "ballot_number") in spans, spans
