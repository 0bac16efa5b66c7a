"""``jaganetral eval --cv K``: cross-validation of rules + learned stage on labelled JSONL."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jaganetral.cli.common import EXIT_OK, EXIT_USAGE, describe_os_error, detector_from, error, read_labelled_file
from jaganetral.config import NO_MODEL
from jaganetral.learning.crossval import PREDICTED, CrossValidation, cross_validate
from jaganetral.service.evaluation import render


def run_cv(args: argparse.Namespace) -> int:
    if args.cv < 2:
        error("--cv harus paling sedikit 2")
        return EXIT_USAGE
    rules = detector_from(args, NO_MODEL)
    if rules is None:
        return EXIT_USAGE
    sets = [read_labelled_file(name) for name in [args.labelled, *args.train_extra]]
    if any(got is None for got in sets):
        return EXIT_USAGE
    rows, *extra_sets = [got[0].rows for got in sets if got is not None]
    extra = [row for more in extra_sets for row in more]

    def progress(fold: int) -> None:
        print(f"lipatan {fold}/{args.cv} selesai", file=sys.stderr, flush=True)

    try:
        cv = cross_validate(rules, rows, extra, args.cv, progress=progress)
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    if args.plot and not _plot(args.plot, cv):
        return EXIT_USAGE
    if args.json:
        print(json.dumps(cv.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(render_cv(cv))
    return EXIT_OK


def _plot(path: str, cv: CrossValidation) -> bool:
    from jaganetral.learning.plot import reliability_png

    try:
        Path(path).write_bytes(reliability_png(cv.scores, cv.truth, f"Reliabilitas, validasi silang {cv.k} lipatan"))
    except OSError as exc:
        error(f"tidak dapat menulis {path}: {describe_os_error(exc)}")
        return False
    return True


def render_cv(cv: CrossValidation) -> str:
    d = cv.as_dict()
    cal = d["calibration"]
    lines = [
        f"Validasi silang {cv.k} lipatan, {cv.clusters} kelompok hampir-duplikat; ambang per lipatan: "
        + ", ".join(f"{t:.2f}" for t in cv.thresholds),
        "",
        "== Aturan + model (lipatan uji) ==",
        render(cv.report),
        "",
        "== Aturan saja (baris yang sama) ==",
        render(cv.rules_report).splitlines()[1],
        "",
        f"Kalibrasi pada lipatan uji ({cal['rows']} baris dinilai model): ECE {cal['ece']:.3f}",
        f"{'skor':<10}{'rata2 skor':>12}{'proporsi':>10}{'n':>6}",
    ]
    for b in cal["bins"]:
        lines.append(f"{b['from']:.1f}-{b['from'] + 0.1:.1f}{b['mean_p']:>12.3f}{b['observed']:>10.3f}{b['n']:>6}")
    lines += ["", "Matriks kebingungan label (baris: label sebenarnya; kolom: label paling mungkin menurut model;",
              f"{PREDICTED[-1]}: aturan tidak menyebut siapa pun, model tidak menilai)",
              f"{'':<18}" + "".join(f"{name[:16]:>17}" for name in PREDICTED)]
    for row in d["confusion"]:
        lines.append(f"{row['label']:<18}" + "".join(f"{row[name]:>17}" for name in PREDICTED))
    return "\n".join(lines)
