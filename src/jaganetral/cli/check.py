"""``jaganetral check``: judge one text and explain the verdict in Bahasa Indonesia."""

from __future__ import annotations

import argparse

from jaganetral.cli.common import EXIT_OK, EXIT_USAGE, Subparsers, add_detector_options, detector_from, error
from jaganetral.cli.table import mark_spans, merge_spans, terminal_width, wrap
from jaganetral.service.activities import to_activity
from jaganetral.service.scanning import ACTIVITY_KINDS, Activity, Finding, finding_line

DESCRIPTION = """\
Menilai satu teks (unggahan, komentar, bio profil, ...) dan menampilkan putusan, skor,
bentuk pelanggaran, bukti beserta posisinya, teks dengan bukti ditandai «...», dan penjelasan.

Contoh:
  jaganetral check "Ayo coblos 02 tanggal 14 Februari!" --date 2024-01-20
  jaganetral check "" --kind like --target-text "Menangkan Prabowo-Gibran" --date 2024-01-20"""

FIELD_NAMES = {"text": "teks", "target_text": "teks sasaran", "target_account": "akun sasaran"}


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("check", help="nilai satu teks", description=DESCRIPTION)
    parser.add_argument("text", metavar="TEKS", help="teks yang dinilai (boleh kosong untuk like/follow)")
    parser.add_argument("--kind", metavar="K", choices=ACTIVITY_KINDS, default="post",
                        help=f"jenis aktivitas: {', '.join(ACTIVITY_KINDS)} (bawaan: post)")
    parser.add_argument("--date", metavar="ISO",
                        help="waktu aktivitas ISO-8601, mis. 2024-01-20 atau 2024-01-20T08:00+07:00")
    parser.add_argument("--target-text", metavar="T", help="teks konten yang disukai/dibagikan/dikomentari")
    parser.add_argument("--target-account", metavar="A", help="akun yang diikuti atau pemilik konten sasaran")
    add_detector_options(parser)
    parser.add_argument("--json", action="store_true", help="cetak temuan sebagai satu baris JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    raw = {"id": "check", "text": args.text, "kind": args.kind, "created_at": args.date,
           "target_text": args.target_text, "target_account": args.target_account}
    try:
        activity = to_activity(raw)
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    detector = detector_from(args)
    if detector is None:
        return EXIT_USAGE
    finding = detector.analyze(activity)
    if args.json:
        print(finding_line(finding))
    else:
        print(render_check(activity, finding, detector.settings.threshold))
    return EXIT_OK


def render_check(activity: Activity, finding: Finding, threshold: float, width: int | None = None) -> str:
    """The human-readable verdict of one activity."""
    width = width or terminal_width()
    verdict = "DIDUGA MELANGGAR" if finding.flag else "TIDAK DITEMUKAN PELANGGARAN"
    lines = [
        f"Putusan     : {verdict}",
        f"Skor        : {finding.score:.2f} (ambang {threshold:.2f})",
    ]
    if finding.violation:
        form = next((f for f in finding.forms if f.code == finding.violation), None)
        where = f" ({form.skb_item})" if form else ""
        lines.append(f"Pelanggaran : {finding.violation}{where}")
    if finding.also:
        lines.append(f"Juga        : {', '.join(finding.also)}")
    lines.append(f"Target      : {', '.join(finding.targets) or '-'}")
    if finding.flag and finding.stage:
        contest = f" ({finding.contest})" if finding.contest else ""
        lines.append(f"Tahapan     : {finding.stage}{contest}")
    if not finding.date_known:
        lines.append("Tanggal     : tidak diketahui")
    lines.append("")
    if finding.evidence:
        lines.append("Bukti:")
        for n, ev in enumerate(finding.evidence, start=1):
            lines.append(f"  {n}. {ev.field} [{ev.start}:{ev.end}] «{ev.text}» ({ev.recognizer})")
    else:
        lines.append("Bukti: tidak ada")
    marked = _marked_fields(activity, finding)
    if marked:
        lines += ["", "Teks bertanda:"]
        label_w = max(len(FIELD_NAMES[f]) for f, _ in marked)
        for field, text in marked:
            label = f"  {FIELD_NAMES[field]:<{label_w}} : "
            lines.extend(wrap(text, width, " " * len(label), first=label))
    lines += ["", "Penjelasan:"]
    lines.extend(wrap(finding.explanation, width, "  "))
    return "\n".join(lines)


def _marked_fields(activity: Activity, finding: Finding) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for field in FIELD_NAMES:
        value = getattr(activity, field)
        if value:
            out.append((field, mark_spans(value, merge_spans(finding.evidence, field))))
    return out
