"""facebook-scraper (kevinzg) CSV and JSON: golden records for synthetic fixtures, sniffing, quarantine, broken input.

The fixtures are invented (pages, groups, people and texts); none is real scraper output. To accept a
deliberate change of the output, rerun with JAGANETRAL_UPDATE_GOLDEN=1 and review the diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.facebook_scraper import FacebookScraperAdapter, literal
from jaganetral.ingest.model import Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile, iter_sources

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
FIXTURES = EXPORTS / "facebook_scraper"
FILES = sorted(p.name for p in FIXTURES.iterdir() if not p.name.endswith(".golden.json"))




def read(source: SourceFile, adapter: FacebookScraperAdapter | None = None) -> list[Record]:
    return list((adapter or FacebookScraperAdapter()).read(source, source.sha256()))


def write(tmp_path: Path, name: str, data: str | bytes) -> SourceFile:
    (tmp_path / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return SourceFile(tmp_path, name)


def by_locator(records: list[Record]) -> dict[str, Record]:
    return {r.provenance.locator: r for r in records}


def test_there_are_fixtures() -> None:
    assert FILES == ["grup_warga.get_posts.json", "halaman_desa.cli_output.csv",
                     "halaman_kelurahan.get_posts_reactors.json"]


@pytest.mark.parametrize("name", FILES)
def test_fixture_matches_golden(name: str) -> None:
    got = as_data(read(SourceFile(FIXTURES, name)))
    golden = FIXTURES / f"{Path(name).stem}.golden.json"
    check_golden(got, golden)


@pytest.mark.parametrize("name", FILES)
def test_sniffs_fixtures(name: str) -> None:
    source = SourceFile(FIXTURES, name)
    assert FacebookScraperAdapter().sniff(source, source.head(8192))


def test_does_not_sniff_other_formats_fixtures() -> None:
    adapter = FacebookScraperAdapter()
    for source in iter_sources(EXPORTS):
        if not source.path.startswith("facebook_scraper/"):
            assert not adapter.sniff(source, source.head(8192)), source.path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("posts.csv", "id,text,kind\n1,halo,post\n"),
        ("posts.json", '{"post_id": "1", "post_url": "u"}'),
        ("posts.txt", '[{"post_id": "1", "post_url": "u"}]'),
        ("grup_warga.get_posts.golden.json", '[{"post_id": "1", "post_url": "u"}]'),
        ("your_posts_1.json", '[{"timestamp": 1, "data": [{"post": "x"}]}]'),
    ],
)
def test_does_not_sniff_other_files(tmp_path: Path, name: str, text: str) -> None:
    source = write(tmp_path, name, text)
    assert not FacebookScraperAdapter().sniff(source, source.head(8192))


def test_csv_posts_shares_comments_and_windows_encoding() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "halaman_desa.cli_output.csv")))
    post = records["row 1"]
    assert isinstance(post, RawActivity) and post.kind == "post" and len(post.media) == 2
    assert post.account is not None and post.account.handle == "kabardesasukamaju"
    assert post.created_at == dt.datetime(2024, 3, 10, 0, 15, tzinfo=dt.UTC)  # timestamp, not the local time
    comment = records["row 1.comments_full[0]"]
    assert isinstance(comment, RawActivity) and comment.kind == "comment"
    assert comment.account is not None and comment.account.name == "Siti Rahmawati"
    assert comment.target_text == post.text and comment.target_account == "Kabar Desa Sukamaju"
    assert comment.created_at == dt.datetime(2024, 3, 10, 1, 0, 5, tzinfo=dt.UTC)  # repr datetime, WIB
    share = records["row 2"]
    assert isinstance(share, RawActivity) and share.kind == "share" and share.text == "Mari ikut posyandu bulan ini."
    assert share.target_text == "Jadwal imunisasi balita: Sabtu, 16 Maret, di balai desa."
    assert share.target_account == "Puskesmas Kecamatan Contoh"
    assert share.created_at == dt.datetime(2024, 3, 11, 12, 30, tzinfo=dt.UTC)
    assert isinstance(records["row 3"], Quarantined)  # unreadable time, though its cp1252 text decodes
    assert "\u2019" in records["row 3"].excerpt


def test_local_time_follows_the_time_zone_parameter() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "halaman_desa.cli_output.csv"), FacebookScraperAdapter(tz=dt.UTC)))
    share = records["row 2"]
    assert isinstance(share, RawActivity) and share.created_at == dt.datetime(2024, 3, 11, 19, 30, tzinfo=dt.UTC)


def test_json_group_posts_comments_and_replies() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "grup_warga.get_posts.json")))
    post = records["[0]"]
    assert isinstance(post, RawActivity) and post.target_group == "700800900" and post.native_id == "7000000000000011"
    comment = records["[0].comments_full[0]"]
    assert isinstance(comment, RawActivity) and comment.account is not None
    assert comment.account.numeric_id == "444555666" and comment.target_group == "700800900"
    reply = records["[0].comments_full[0].replies[0]"]
    assert isinstance(reply, RawActivity) and reply.target_text == comment.text
    assert reply.target_account == "Dewi Lestari"
    share = records["[1]"]
    assert isinstance(share, RawActivity) and share.kind == "share" and share.text == "Info pemadaman listrik bergilir."


def test_bad_records_are_quarantined_not_dropped() -> None:
    csv_records = by_locator(read(SourceFile(FIXTURES, "halaman_desa.cli_output.csv")))
    reasons = {k: r.reason for k, r in csv_records.items() if isinstance(r, Quarantined)}
    assert reasons == {
        "row 3": "waktu kiriman tidak terbaca",
        "row 4": "penulis kiriman tidak diketahui (tanpa username/user_id)",
        "row 5.comments_full": "comments_full tidak terbaca",
        "row 6": "jumlah sel baris tidak sama dengan header",
    }
    json_records = by_locator(read(SourceFile(FIXTURES, "grup_warga.get_posts.json")))
    reasons = {k: r.reason for k, r in json_records.items() if isinstance(r, Quarantined)}
    assert reasons == {
        "[0].comments_full[1]": "penulis komentar tidak diketahui",
        "[0].comments_full[2]": "waktu komentar tidak terbaca",
        "[2]": "kiriman bukan objek",
        "[3]": "teks kiriman tidak terbaca",
        "[4].comments_full": "comments_full tidak terbaca",
    }


def test_reactors_are_likes_of_the_post_by_each_reactor() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "halaman_kelurahan.get_posts_reactors.json")))
    post = records["[0]"]
    assert isinstance(post, RawActivity) and post.kind == "post"
    likes = [r for k, r in records.items() if k.startswith("[0].reactors") and isinstance(r, RawActivity)]
    assert [(a.account.name, a.account.handle, a.account.numeric_id) for a in likes if a.account] == [
        ("Yanti Kusumawardani", "yanti.kusumawardani.contoh", None),
        ("Hendra Wibisono", None, "100000000000321"),
        (None, "tanpa.nama.contoh", None),
    ]
    for like in likes:  # a like by the reactor, not by the page, of the page's post; its time is unknown
        assert (like.kind, like.created_at, like.text) == ("like", None, "")
        assert like.target_text == post.text and like.target_account == "Kelurahan Mekar Sari"
        assert like.url == post.url and like.native_id is None
    comment = records["[0].comments_full[0]"]
    comment_like = records["[0].comments_full[0].comment_reactors[0]"]
    assert isinstance(comment, RawActivity) and isinstance(comment_like, RawActivity)
    assert comment_like.account is not None and comment_like.account.name == "Fajar Nugroho"
    assert (comment_like.kind, comment_like.target_text) == ("like", comment.text)
    assert comment_like.target_account == "Yanti Kusumawardani" and comment_like.url == comment.url
    reasons = {k: r.reason for k, r in records.items() if isinstance(r, Quarantined)}
    assert reasons == {
        "[0].reactors[3]": "pemberi reaksi tidak diketahui (tanpa name/link)",
        "[0].reactors[4]": "pemberi reaksi bukan objek",
        "[1].reactors": "daftar pemberi reaksi tidak terbaca",
    }
    assert not any(k.startswith("[2].") for k in records)  # an empty list, and counts that name no one


def test_reactors_in_the_csv_are_read_from_python_repr(tmp_path: Path) -> None:
    reactors = "[{'name': 'Wulan Sari', 'link': 'https://facebook.com/wulan.sari.contoh', 'type': 'like'}]"
    source = write(tmp_path, "posts.csv", "post_id,text,post_url,username,reactors\n"
                   f'1,Halo warga,https://facebook.com/desa.contoh/posts/1,Desa Contoh,"{reactors}"\n'
                   "2,Rapat RT,https://facebook.com/desa.contoh/posts/2,Desa Contoh,<generator object>\n")
    records = by_locator(read(source))
    like = records["row 1.reactors[0]"]
    assert isinstance(like, RawActivity) and like.kind == "like" and like.target_text == "Halo warga"
    assert like.account is not None and like.account.handle == "wulan.sari.contoh"
    assert isinstance(records["row 2.reactors"], Quarantined)


def test_literal_reads_python_repr_but_nothing_else() -> None:
    assert literal("[{'a': None, 't': datetime.datetime(2024, 1, 2, 3, 4)}, -1]") == [
        {"a": None, "t": dt.datetime(2024, 1, 2, 3, 4)}, -1]
    with pytest.raises(ValueError):
        literal("__import__('os').system('true')")


def test_broken_json_is_unreadable_with_position(tmp_path: Path) -> None:
    source = write(tmp_path, "posts.json", '[{"post_id": "1", "post_url": "u", "username": "A"},\n {"post_id": }]')
    stream = FacebookScraperAdapter().read(source, "0" * 64)
    assert isinstance(next(stream), RawActivity)
    with pytest.raises(UnreadableInput, match=r"posts\.json: JSON rusak pada baris 2"):
        next(stream)


def test_broken_csv_is_unreadable(tmp_path: Path) -> None:
    source = write(tmp_path, "posts.csv", b"post_id,text,post_url,username\n1,\x81\x8d,u,A\n")
    with pytest.raises(UnreadableInput, match=r"posts\.csv: baris 2 bukan UTF-8 atau cp1252"):
        read(source)
    empty = write(tmp_path, "kosong.csv", b"")
    with pytest.raises(UnreadableInput, match=r"kosong\.csv: berkas CSV kosong"):
        read(empty)
