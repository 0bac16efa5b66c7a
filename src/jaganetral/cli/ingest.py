"""``jaganetral ingest``: import exports (files, folders, zips) into the store and judge them."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TextIO

from jaganetral.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subparsers, add_detector_options, detector_from
from jaganetral.cli.common import error as say_error
from jaganetral.cli.storage import add_store_options, store_from
from jaganetral.service.import_batch import Tally
from jaganetral.service.importing import BATCH, ImportInputError, ImportOptions, ImportReport, import_paths
from jaganetral.service.scanning import Detector

DESCRIPTION = """\
Mengimpor ekspor media sosial ke basis data: arsip "unduh informasi Anda" Facebook/Instagram/X/TikTok,
ekspor crawler dan social listening, ekspor obrolan WhatsApp/Telegram, atau tabel CSV/JSONL.
PATH boleh berkas, folder, atau zip apa adanya. Setiap berkas disimpan di brankas bukti dengan SHA-256-nya,
setiap aktivitas disimpan sekali (impor ulang tidak menggandakan), lalu dinilai detektor.

Kode keluar: 0 bila impor selesai (walau ada rekaman yang dikarantina), 1 bila ada berkas yang tidak
bisa dibaca sama sekali (berkas lain tetap diimpor), 2 bila tidak ada yang bisa diimpor."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("ingest", help="impor ekspor media sosial ke basis data", description=DESCRIPTION)
    parser.add_argument("paths", metavar="PATH", nargs="+", help="berkas, folder, atau zip ekspor")
    add_store_options(parser)
    parser.add_argument("--account-of", metavar="NIP",
                        help="NIP (atau nomor pegawai honorer) pemilik ekspor, untuk menautkan akunnya")
    parser.add_argument("--no-scan", action="store_true", help="simpan saja, tunda penilaian (jaganetral rescan)")
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON di stdout")
    parser.add_argument("--batch-size", type=positive, default=BATCH, metavar="N",
                        help=f"rekaman per transaksi (bawaan {BATCH})")
    add_detector_options(parser)
    parser.set_defaults(handler=run)


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def run(args: argparse.Namespace) -> int:
    detector: Detector | None = None
    if not args.no_scan:
        detector = detector_from(args)
        if detector is None:
            return EXIT_USAGE
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        options = ImportOptions(owner=args.account_of, scan=not args.no_scan, batch_size=args.batch_size)
        line = StatusLine(sys.stderr)
        try:
            report = import_paths(store, args.paths, options, detector, progress=line.show)
        finally:
            line.close()
    except ImportInputError as exc:
        say_error(str(exc))
        return EXIT_USAGE
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
        print(render(report), file=sys.stderr)
    else:
        print(render(report))
    for warning in report.warnings:
        say_error(f"peringatan: {warning}")
    for problem in report.errors:
        say_error(f"berkas tidak bisa dibaca: {problem}")
    return EXIT_PROBLEMS if report.errors else EXIT_OK


class StatusLine:
    """One line on stderr, redrawn at most five times a second, only on a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.last = 0.0
        self.width = 0

    def show(self, name: str, tally: Tally) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        text = f"mengimpor {name[-40:]}: {sum(tally.activities.values())} baru, {tally.duplicates} sudah ada"
        self.stream.write("\r" + text + " " * max(self.width - len(text), 0))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def render(report: ImportReport) -> str:
    t = report.tally
    kinds = ", ".join(f"{k} {n}" for k, n in report.to_json()["activities"].items() if n) or "tidak ada"
    lines = [
        f"Impor #{report.import_id}",
        f"  Berkas dibaca       : {t.files}",
        f"  Aktivitas baru      : {sum(t.activities.values())} ({kinds})",
        f"  Sudah tersimpan     : {t.duplicates}",
        f"  Bukan aktivitas     : {t.ignored}" + (
            " (" + ", ".join(f"{k} {n}" for k, n in sorted(t.ignored_by.items())) + ")" if t.ignored_by else ""),
        f"  Dikarantina         : {t.quarantined}",
        f"  Temuan              : {t.findings}",
    ]
    if t.linked:
        lines.append(f"  Ditautkan ke pemilik: {t.linked}")
    if report.unrecognised:
        lines.append(f"  Berkas lain disimpan tanpa dibaca: {len(report.unrecognised)}")
    return "\n".join(lines)
