"""``jaganetral eval``: measure the detector on hand-labelled JSONL."""

from __future__ import annotations

import argparse
import json
import sys

from jaganetral.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_detector_options,
    describe_os_error,
    detector_from,
    error,
)
from jaganetral.cli.evaluate_cv import run_cv
from jaganetral.service.evaluation import LABELS, EvalReport, evaluate, render
from jaganetral.service.scanning import json_line

DESCRIPTION = f"""\
Mengukur detektor pada data berlabel: JSONL dengan kolom aktivitas (id, text, kind, created_at, ...)
ditambah "label" ({', '.join(LABELS)} atau unclear) dan "target" (daftar id kontestan, boleh kosong).
Label support/attack dianggap harus ditandai; baris unclear dilewati.

Mencetak precision, recall, F1, akurasi kontestan dan matriks per label.

Dengan --cv K: validasi silang K lipatan (kelompok hampir-duplikat tidak pernah terbelah); tiap
lipatan diuji dengan model yang dilatih pada lipatan lain, dibandingkan dengan aturan saja pada
baris yang sama, ditambah kalibrasi skor pada lipatan uji (--plot FILE.png: diagram reliabilitas)."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("eval", help="ukur detektor pada data berlabel", description=DESCRIPTION)
    parser.add_argument("labelled", metavar="LABELLED.jsonl", help="berkas JSONL berlabel")
    parser.add_argument("--json", action="store_true", help="cetak hasil sebagai JSON")
    parser.add_argument("--errors", metavar="FILE", help="tulis baris yang salah dinilai ke FILE (JSONL)")
    parser.add_argument("--cv", type=int, metavar="K", help="validasi silang K lipatan (melatih model tiap lipatan)")
    parser.add_argument("--train-extra", metavar="FILE", nargs="+", action="extend", default=[],
                        help="dengan --cv: data berlabel tambahan yang ikut dilatih di setiap lipatan, "
                             "tidak pernah diuji")
    parser.add_argument("--plot", metavar="FILE.png", help="dengan --cv: tulis diagram reliabilitas (PNG)")
    add_detector_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.cv is not None:
        return run_cv(args)
    if args.plot or args.train_extra:
        error("--plot dan --train-extra hanya berlaku dengan --cv")
        return EXIT_USAGE
    detector = detector_from(args)
    if detector is None:
        return EXIT_USAGE
    try:
        with open(args.labelled, encoding="utf-8", errors="replace") as handle:
            report = evaluate(detector, handle)
    except OSError as exc:
        error(f"tidak dapat membaca {args.labelled}: {describe_os_error(exc)}")
        return EXIT_USAGE
    for bad in report.bad_lines:
        print(f"baris {bad.line}: {bad.reason}", file=sys.stderr)
    if args.errors and not _write_errors(args.errors, report):
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render(report))
    if args.errors:
        print(f"{len(report.errors)} baris salah dinilai ditulis ke {args.errors}", file=sys.stderr)
    return EXIT_OK


def _write_errors(path: str, report: EvalReport) -> bool:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            for row in report.errors:
                out.write(json_line(row) + "\n")
    except OSError as exc:
        error(f"tidak dapat menulis {path}: {describe_os_error(exc)}")
        return False
    return True
