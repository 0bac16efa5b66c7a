"""``jaganetral rescan``: judge stored activities again after a pack changed; record what changed."""

from __future__ import annotations

import argparse
import json

from jaganetral.cli.common import EXIT_OK, EXIT_USAGE, Subparsers, add_detector_options, detector_from
from jaganetral.cli.storage import add_store_options, store_from
from jaganetral.service.rescan import rescan

DESCRIPTION = """\
Menilai ulang aktivitas yang tersimpan dengan detektor dan paket pengetahuan yang berlaku sekarang.
Bawaan: hanya aktivitas yang dinilai dengan versi paket/detektor lain (atau belum dinilai, mis. impor
--no-scan). Temuan lama tidak dihapus: yang berubah atau gugur ditandai, yang baru menyebut temuan
yang digantikannya, dan jumlah perubahan dicatat per pemindaian ulang."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("rescan", help="nilai ulang aktivitas tersimpan setelah paket berubah",
                            description=DESCRIPTION)
    add_store_options(parser)
    add_detector_options(parser)
    parser.add_argument("--all", action="store_true", help="nilai ulang semua aktivitas, bukan hanya yang usang")
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    detector = detector_from(args)
    if detector is None:
        return EXIT_USAGE
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        report = rescan(store, detector, everything=args.all)
    finally:
        store.close()
    data = report.to_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"Penilaian ulang #{data['rescan']}")
        print(f"  Dinilai ulang : {data['judged']}")
        print(f"  Temuan baru   : {data['new']}")
        print(f"  Temuan gugur  : {data['removed']}")
        print(f"  Temuan berubah: {data['changed']}")
        print(f"  Tetap         : {data['unchanged']}")
        if data["failed"]:
            print(f"  Gagal dinilai : {data['failed']}")
    return EXIT_OK
