"""``jaganetral pack validate``: check knowledge-pack YAML before it is used."""

from __future__ import annotations

import argparse

from jaganetral.cli.common import EXIT_OK, EXIT_PROBLEMS, Subparsers
from jaganetral.service.packs import builtin_pack_dir, validate_packs

DESCRIPTION = """\
Perintah untuk paket pengetahuan (berkas YAML: katalog pelanggaran, kontestasi, akun lembaga)."""

VALIDATE_DESCRIPTION = """\
Memvalidasi setiap berkas YAML paket (untuk folder: semua *.yaml di dalamnya, termasuk subfolder).
Bila himpunan berkas memuat katalog pelanggaran, seluruh paket juga dirakit menjadi satu basis
pengetahuan untuk memeriksa konsistensi antarpaket (mis. kontestasi yang didefinisikan dua kali).

Tanpa PATH, paket bawaan yang divalidasi. Kode keluar: 0 bila semua valid, 1 bila ada masalah;
setiap masalah dicetak sebagai berkas:baris: kolom: pesan."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("pack", help="perintah paket pengetahuan", description=DESCRIPTION)
    actions = parser.add_subparsers(dest="pack_command", metavar="PERINTAH", required=True, title="perintah")
    validate = actions.add_parser("validate", help="validasi berkas/folder paket YAML",
                                  description=VALIDATE_DESCRIPTION)
    validate.add_argument("paths", metavar="PATH", nargs="*", help="berkas YAML atau folder paket")
    validate.set_defaults(handler=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    paths = args.paths or [builtin_pack_dir()]
    check = validate_packs(paths)
    if check.ok:
        print(f"OK: {len(check.files)} paket valid")
        if check.cross_checked:
            print("Konsistensi antarpaket diperiksa (katalog dan semua kontestasi dirakit bersama).")
        else:
            print("Tanpa katalog pelanggaran: konsistensi antarpaket tidak diperiksa.")
        return EXIT_OK
    for problem in check.problems:
        print(problem)
    files = len({p.file for p in check.problems})
    print(f"GAGAL: {len(check.problems)} masalah di {files} berkas (dari {len(check.files)} berkas diperiksa)")
    return EXIT_PROBLEMS
