"""Roster cells holding accounts and relatives.

Every name, NIP, number and account here is invented for the tests; none belongs to a real person.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_roster import NIP_A, TODAY, write_xlsx

from jaganetral.ingest.account_urls import DeclaredAccount, InvalidAccount, Platform, parse_account, parse_accounts
from jaganetral.ingest.roster import Relative, parse_relatives, read_roster

# --- Accounts ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "text", "handle", "numeric_id", "url"),
    [
        ("facebook", "https://www.facebook.com/profile.php?id=1000123", None, "1000123",
         "https://www.facebook.com/profile.php?id=1000123"),
        ("facebook", "https://m.facebook.com/profile.php?id=1000123&ref=bookmarks", None, "1000123",
         "https://www.facebook.com/profile.php?id=1000123"),
        ("facebook", "https://web.facebook.com/budi.contoh/?locale=id_ID", "budi.contoh", None,
         "https://www.facebook.com/budi.contoh"),
        ("facebook", "facebook.com/budi.contoh", "budi.contoh", None, "https://www.facebook.com/budi.contoh"),
        ("facebook", "https://www.facebook.com/people/Budi-Contoh/100012345678901/", None, "100012345678901",
         "https://www.facebook.com/profile.php?id=100012345678901"),
        ("facebook", "1000123", None, "1000123", "https://www.facebook.com/profile.php?id=1000123"),
        ("facebook", "@budi.contoh", "budi.contoh", None, "https://www.facebook.com/budi.contoh"),
        ("instagram", "https://instagram.com/budi.s/", "budi.s", None, "https://www.instagram.com/budi.s/"),
        ("instagram", "https://www.instagram.com/Budi.S?igsh=abc123", "Budi.S", None,
         "https://www.instagram.com/Budi.S/"),
        ("instagram", "@budi.s", "budi.s", None, "https://www.instagram.com/budi.s/"),
        ("instagram", "budi_s", "budi_s", None, "https://www.instagram.com/budi_s/"),
        ("x", "https://x.com/budi", "budi", None, "https://x.com/budi"),
        ("x", "https://twitter.com/Budi_C/status/1234567890", "Budi_C", None, "https://x.com/Budi_C"),
        ("x", "https://mobile.twitter.com/budi", "budi", None, "https://x.com/budi"),
        ("x", "https://x.com/i/user/12345", None, "12345", "https://x.com/i/user/12345"),
        ("x", "@budi", "budi", None, "https://x.com/budi"),
        ("tiktok", "https://www.tiktok.com/@budi.contoh?lang=id-ID", "budi.contoh", None,
         "https://www.tiktok.com/@budi.contoh"),
        ("tiktok", "https://www.tiktok.com/@budi.contoh/video/7300000000000000000", "budi.contoh", None,
         "https://www.tiktok.com/@budi.contoh"),
        ("tiktok", "@budi.contoh", "budi.contoh", None, "https://www.tiktok.com/@budi.contoh"),
        ("telegram", "https://t.me/budi_contoh", "budi_contoh", None, "https://t.me/budi_contoh"),
        ("telegram", "https://t.me/s/kanal_contoh", "kanal_contoh", None, "https://t.me/kanal_contoh"),
        ("telegram", "@budi_contoh", "budi_contoh", None, "https://t.me/budi_contoh"),
        ("whatsapp", "0812-3456-7890", None, "6281234567890", "https://wa.me/6281234567890"),
        ("whatsapp", "+62 812 3456 7890", None, "6281234567890", "https://wa.me/6281234567890"),
        ("whatsapp", "https://wa.me/6281234567890", None, "6281234567890", "https://wa.me/6281234567890"),
        ("whatsapp", "https://api.whatsapp.com/send?phone=6281234567890&text=halo", None, "6281234567890",
         "https://wa.me/6281234567890"),
    ],
)
def test_account_normalisation(platform: Platform, text: str, handle: str | None, numeric_id: str | None,
                               url: str) -> None:
    assert parse_account(platform, text) == DeclaredAccount(platform, handle, numeric_id, url)


@pytest.mark.parametrize(
    ("platform", "text", "message"),
    [
        ("facebook", "https://www.facebook.com/groups/1234567", "bukan tautan profil Facebook"),
        ("facebook", "https://www.facebook.com/share/1AbCdEf/", "tautan bagikan atau undangan"),
        ("facebook", "https://fb.me/budi", "tautan pendek"),
        ("facebook", "https://www.facebook.com/profile.php", "bukan tautan profil Facebook"),
        ("instagram", "https://www.instagram.com/p/Cxyz123/", "bukan tautan profil Instagram"),
        ("instagram", "https://instagram.com", "bukan tautan profil Instagram"),
        ("instagram", "budi contoh", "bukan nama pengguna atau tautan profil Instagram"),
        ("instagram", "https://x.com/budi", "adalah tautan X, bukan Instagram"),
        ("instagram", "https://contoh.id/budi", "bukan tautan Instagram"),
        ("instagram", "ftp://instagram.com/budi", "bukan tautan web"),
        ("x", "https://x.com/home", "bukan tautan profil X"),
        ("x", "budi-contoh", "bukan nama pengguna atau tautan profil X"),
        ("tiktok", "https://vm.tiktok.com/ZSabc123/", "tautan pendek"),
        ("tiktok", "https://www.tiktok.com/t/ZSabc123/", "tautan pendek"),
        ("tiktok", "https://www.tiktok.com/budi", "bukan tautan profil TikTok"),
        ("telegram", "https://t.me/+AbCdEf123", "tautan bagikan atau undangan"),
        ("telegram", "https://t.me/joinchat/AbCdEf123", "tautan bagikan atau undangan"),
        ("telegram", "abc", "bukan nama pengguna atau tautan profil Telegram"),
        ("whatsapp", "12", "bukan nomor WhatsApp yang sah"),
        ("whatsapp", "0812-abc", "bukan nomor WhatsApp yang sah"),
        ("whatsapp", "https://wa.me/message/ABCDEF", "bukan tautan profil WhatsApp"),
    ],
)
def test_account_refused(platform: Platform, text: str, message: str) -> None:
    with pytest.raises(InvalidAccount) as raised:
        parse_account(platform, text)
    assert message in str(raised.value)


def test_several_accounts_in_one_cell() -> None:
    cell = "@budi.s; https://instagram.com/Budi.S/\nani_contoh, -\n\n"
    assert [(a.handle, a.profile_url) for a in parse_accounts("instagram", cell)] == [
        ("budi.s", "https://www.instagram.com/budi.s/"), ("ani_contoh", "https://www.instagram.com/ani_contoh/")]


def test_accounts_of_every_platform_from_one_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [
        ["NIP", "Nama", "OPD", "Facebook", "Instagram", "X", "TikTok", "WhatsApp", "Telegram"],
        [NIP_A, "Budi Contoh", "Dinas", "https://www.facebook.com/profile.php?id=1000123\nbudi.contoh",
         "-", "https://x.com/budi", "@budi.contoh", "0812 3456 7890", "tidak ada"],
    ])
    [row] = read_roster(path, TODAY).rows
    assert [(a.platform, a.handle, a.numeric_id) for a in row.accounts] == [
        ("facebook", None, "1000123"), ("facebook", "budi.contoh", None), ("x", "budi", None),
        ("tiktok", "budi.contoh", None), ("whatsapp", None, "6281234567890")]


# --- Relatives -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "relatives"),
    [
        ("Ahmad Contoh (kakak kandung)", [Relative("Ahmad Contoh", "kakak kandung")]),
        ("Ahmad Contoh (kakak kandung); Siti Contoh (ipar)",
         [Relative("Ahmad Contoh", "kakak kandung"), Relative("Siti Contoh", "ipar")]),
        ("Ahmad Contoh ( kakak  kandung )\nSiti Contoh", [Relative("Ahmad Contoh", "kakak kandung"),
                                                           Relative("Siti Contoh", None)]),
        ("Dr. Ahmad Contoh, S.H. (paman)", [Relative("Dr. Ahmad Contoh, S.H.", "paman")]),
        ("Ahmad Contoh ()", [Relative("Ahmad Contoh", None)]),
        ("", []), ("-", []), ("Tidak ada", []), ("Ahmad Contoh (kakak); -", [Relative("Ahmad Contoh", "kakak")]),
    ],
)
def test_relatives(cell: str, relatives: list[Relative]) -> None:
    assert list(parse_relatives(cell)) == relatives


@pytest.mark.parametrize(("cell", "number"), [("Ahmad Contoh (kakak", 1), ("Siti Contoh; (ipar)", 2),
                                               ("Siti Contoh; Ahmad (adik) (ipar)", 2)])
def test_relatives_refused(cell: str, number: int) -> None:
    with pytest.raises(ValueError, match=re.escape(f"kerabat ke-{number} tidak berbentuk 'Nama (hubungan)'")):
        parse_relatives(cell)
