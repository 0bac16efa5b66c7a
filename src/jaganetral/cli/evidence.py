"""``jaganetral evidence verify``: re-hash every file in the evidence vault and report mismatches."""

from __future__ import annotations

import argparse
import json

from jaganetral.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subparsers
from jaganetral.cli.storage import add_store_options, store_from
from jaganetral.service.evidence import verify_vault

DESCRIPTION = """\
Menghitung ulang SHA-256 setiap berkas di brankas bukti (dan setiap berkas di dalam arsip zip yang
dibaca) lalu membandingkannya dengan yang tercatat saat impor.
Kode keluar: 0 bila semua cocok, 1 bila ada berkas yang hilang atau berubah."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("evidence", help="brankas bukti: periksa keutuhan berkas", description=DESCRIPTION)
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True, title="aksi")
    verify = actions.add_parser("verify", help="hitung ulang SHA-256 semua berkas bukti", description=DESCRIPTION)
    add_store_options(verify)
    verify.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON")
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        report = verify_vault(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"objects": report.objects, "members": report.members, "ok": report.ok,
                          "problems": report.problems}, ensure_ascii=False))
    else:
        print(f"Berkas diperiksa: {report.objects} (ditambah {report.members} berkas di dalam arsip)")
        if report.ok:
            print("Semua cocok dengan SHA-256 yang tercatat.")
        else:
            print(f"TIDAK COCOK: {len(report.problems)}")
            for problem in report.problems:
                print(f"  {problem}")
    return EXIT_OK if report.ok else EXIT_PROBLEMS
