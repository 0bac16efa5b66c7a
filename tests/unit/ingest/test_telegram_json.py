"""Telegram Desktop result.json: golden records for synthetic fixtures, sniffing, quarantine, broken JSON.

The fixtures are invented (names, chats and messages); none is a real export. To accept a deliberate
change of the output, rerun with JAGANETRAL_UPDATE_GOLDEN=1 and review the diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.telegram_json import TelegramJsonAdapter
from jaganetral.ingest.model import Ignored, Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "telegram_result_json"
FILES = sorted(p.name for p in FIXTURES.glob("*.json") if not p.name.endswith(".golden.json"))




def read(source: SourceFile, adapter: TelegramJsonAdapter | None = None) -> list[Record]:
    return list((adapter or TelegramJsonAdapter()).read(source, source.sha256()))


def write(tmp_path: Path, name: str, text: str) -> SourceFile:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return SourceFile(tmp_path, name)


def by_locator(records: list[Record]) -> dict[str, Record]:
    return {r.provenance.locator: r for r in records}


def test_there_are_fixtures() -> None:
    assert FILES == ["full_export_result.json", "single_chat_result.json"]


@pytest.mark.parametrize("name", FILES)
def test_fixture_matches_golden(name: str) -> None:
    got = as_data(read(SourceFile(FIXTURES, name)))
    golden = FIXTURES / f"{Path(name).stem}.golden.json"
    check_golden(got, golden)


@pytest.mark.parametrize("name", FILES)
def test_sniffs_fixtures(name: str) -> None:
    source = SourceFile(FIXTURES, name)
    assert TelegramJsonAdapter().sniff(source, source.head(8192))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("message_1.json", '{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "type": "Generic"}]}'),
        ("posts_1.json", '[{"title": "x", "messages": []}]'),
        ("result.txt", '{"name": "G", "type": "private_group", "messages": [{"type": "message"}]}'),
        ("data.json", '{"messages": [1, 2, 3]}'),
        ("single_chat_result.golden.json", '[{"record": "RawActivity"}]'),
    ],
)
def test_does_not_sniff_other_files(tmp_path: Path, name: str, text: str) -> None:
    source = write(tmp_path, name, text)
    assert not TelegramJsonAdapter().sniff(source, source.head(8192))


def test_single_chat_kinds_and_targets() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "single_chat_result.json")))
    assert isinstance(records["messages[0]"], Ignored) and isinstance(records["messages[6]"], Ignored)
    post = records["messages[2]"]
    assert isinstance(post, RawActivity) and post.text == "Info posyandu: jadwal bulan ini."
    assert post.target_group == "Forum Warga Kelurahan Sukamaju" and post.native_id == "1234567890/3"
    share = records["messages[3]"]
    assert isinstance(share, RawActivity) and share.kind == "share" and share.target_account == "Kanal Info Kota"
    # no date_unixtime: "date" is local time of the exporting computer, WIB by default
    assert share.created_at == dt.datetime(2024, 2, 2, 12, 30, tzinfo=dt.UTC)


def test_local_date_follows_the_time_zone_parameter() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "single_chat_result.json"), TelegramJsonAdapter(tz=dt.UTC)))
    share = records["messages[3]"]
    assert isinstance(share, RawActivity) and share.created_at == dt.datetime(2024, 2, 2, 19, 30, tzinfo=dt.UTC)
    post = records["messages[1]"]  # date_unixtime wins over the zone
    assert isinstance(post, RawActivity) and post.created_at == dt.datetime(2024, 2, 1, 1, 5, tzinfo=dt.UTC)


def test_full_export_locators_and_private_chats() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "full_export_result.json")))
    private = records["chats.list[0].messages[0]"]
    assert isinstance(private, RawActivity) and private.target_group is None
    channel = records["chats.list[1].messages[1]"]
    assert isinstance(channel, RawActivity) and channel.target_group == "Kanal Kabar Desa"
    assert channel.account is not None and channel.account.numeric_id == "channel555"
    assert isinstance(records["left_chats.list[0].messages[0]"], RawActivity)


def test_malformed_records_are_quarantined() -> None:
    single = by_locator(read(SourceFile(FIXTURES, "single_chat_result.json")))
    bad = single["messages[5]"]
    assert isinstance(bad, Quarantined) and bad.reason == "teks pesan tidak terbaca" and "42" in bad.excerpt
    full = by_locator(read(SourceFile(FIXTURES, "full_export_result.json")))
    assert isinstance(full["chats.list[1].messages[2]"], Quarantined)
    assert isinstance(full["chats.list[2]"], Quarantined)


def test_broken_json_is_unreadable_with_position(tmp_path: Path) -> None:
    text = '{\n "name": "Grup",\n "type": "private_group",\n "messages": [\n  {"type": "message", "from": "A",}\n ]\n}'
    source = write(tmp_path, "result.json", text)
    assert TelegramJsonAdapter().sniff(source, source.head(8192))
    with pytest.raises(UnreadableInput) as caught:
        read(source)
    expected = "result.json: JSON rusak pada baris 5 kolom 35 (posisi 94): diharapkan nama kunci"
    assert str(caught.value).startswith(expected)


def test_truncated_export_is_unreadable_after_the_good_messages(tmp_path: Path) -> None:
    text = '{"name": "G", "type": "private_group", "messages": [{"type": "message", "from": "A", "text": "x"}, {"ty'
    source = write(tmp_path, "result.json", text)
    stream = TelegramJsonAdapter().read(source, "0" * 64)
    assert isinstance(next(stream), RawActivity)
    with pytest.raises(UnreadableInput, match=r"result\.json: JSON rusak"):
        next(stream)
