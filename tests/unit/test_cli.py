"""The ``jaganetral`` command line: scan contract, check, eval, pack validate, console script."""

from __future__ import annotations

import ast
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jaganetral.cli import common
from jaganetral.cli.main import main
from jaganetral.cli.progress import Progress
from jaganetral.config import Settings
from jaganetral.service import scanning
from jaganetral.service.packs import builtin_pack_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CLI_DIR = Path(common.__file__).resolve().parent
PARTISAN = "Ayo coblos 02 tanggal 14 Februari, menangkan Prabowo-Gibran satu putaran! #PrabowoGibran2024"
_DETECTORS: dict[Settings, scanning.Detector] = {}


def _detector(settings: Settings) -> scanning.Detector:
    """Each detector is built once per test session (building one takes about a second)."""
    if settings not in _DETECTORS:
        _DETECTORS[settings] = scanning.build_detector(settings)
    return _DETECTORS[settings]


@pytest.fixture(autouse=True)
def _cached_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "build_detector", _detector)
    monkeypatch.delenv("JN_REGION", raising=False)
    monkeypatch.delenv("JN_PACKS", raising=False)
    monkeypatch.delenv("JN_MODEL", raising=False)


def _jsonl(rows: list[dict[str, Any] | str]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


INPUT_ROWS: list[dict[str, Any] | str] = [
    {"id": "a", "text": PARTISAN, "created_at": "2024-01-20T10:00:00+07:00"},
    "{not json",
    "",
    {"id": "b", "text": "Ayo ke TPS, gunakan hak pilih Anda.", "kind": "post", "created_at": "2024-02-10"},
    {"id": "c", "kind": "post"},
    {"id": 7, "text": "", "kind": "like", "target_text": "Menangkan Prabowo-Gibran!", "created_at": "2024-01-21"},
    {"id": "d", "text": "x", "kind": "tweet"},
    {"id": "e", "text": "Kantor pindah ke Jl. Merdeka nomor 2. Profil: Kader PDIP", "platform": "x"},
]
VALID_IDS = ["a", "b", "7", "e"]


def _scan(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[dict[str, Any]], str]:
    src = tmp_path / "in.jsonl"
    src.write_text(_jsonl(INPUT_ROWS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["scan", str(src), "--out", str(out), *extra])
    err = capsys.readouterr().err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return code, rows, err


def test_scan_writes_one_line_per_valid_line_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, rows, _ = _scan(tmp_path, capsys)
    assert code == 0
    assert [r["id"] for r in rows] == VALID_IDS
    for r in rows:
        assert set(r) >= {"id", "flag", "score", "violation", "targets", "evidence", "explanation"}
    assert rows[0]["flag"] is True and rows[0]["violation"]


def test_scan_reports_bad_lines_with_numbers_and_counts_them(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = _scan(tmp_path, capsys)
    assert "baris 2: bukan JSON yang sah" in err
    assert "baris 5: kolom wajib tidak ada: text" in err
    assert "baris 7: kind tidak dikenal" in err
    assert "baris 3:" not in err  # the blank line is skipped silently
    assert "Baris rusak         : 3" in err
    assert "Baris dipindai      : 4" in err


def test_scan_evidence_spans_point_into_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, rows, _ = _scan(tmp_path, capsys)
    inputs = {str(r["id"]): r for r in INPUT_ROWS if isinstance(r, dict) and "text" in r}
    assert any(r["evidence"] for r in rows)
    for r in rows:
        for ev in r["evidence"]:
            assert inputs[r["id"]][ev["field"]][ev["start"]:ev["end"]] == ev["text"]
            assert ev["recognizer"]


def test_scan_table_prints_flagged_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(_jsonl(INPUT_ROWS), encoding="utf-8")
    assert main(["scan", str(src), "--out", str(tmp_path / "o.jsonl"), "--table"]) == 0
    out = capsys.readouterr().out
    assert "PELANGGARAN" in out and "SKOR" in out
    assert "pilpres2024:02" in out
    assert "\nb " not in out  # a neutral post is not listed


def test_scan_table_refused_with_stdout_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(FIXTURES / "labelled.jsonl"), "--out", "-", "--table"]) == 2
    assert "--table" in capsys.readouterr().err


def test_scan_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "tidak dapat membaca INPUT" in err and "tidak ditemukan" in err
    assert main(["scan", str(tmp_path), "--out", str(tmp_path / "o.jsonl")]) == 2  # a folder
    assert not (tmp_path / "o.jsonl").exists()


def test_scan_unwritable_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(_jsonl(INPUT_ROWS), encoding="utf-8")
    assert main(["scan", str(src), "--out", str(tmp_path / "no" / "such" / "dir.jsonl")]) == 2
    assert "tidak dapat menulis OUTPUT" in capsys.readouterr().err
    assert main(["scan", str(src), "--out", str(src)]) == 2  # would overwrite its own input
    assert src.read_text(encoding="utf-8") == _jsonl(INPUT_ROWS)


def test_scan_stdin_to_stdout_with_bad_bytes_and_surrogates(monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = (
        b'\xef\xbb\xbf{"id": "bom", "text": "Ayo ke TPS"}\n'
        b'{"id": "bytes", "text": "caf\xe9 \xff coblos 02 Prabowo-Gibran", "created_at": "2024-01-20"}\n'
        b'{"id": "surrogate", "text": "halo \\ud800 Prabowo-Gibran"}\n'
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["scan", "-", "--out", "-"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["bom", "bytes", "surrogate"]
    assert "Ringkasan pemindaian" in captured.err and "Ringkasan" not in captured.out


def test_finding_line_and_summary() -> None:
    detector = _detector(Settings(region=None, packs=None))
    finding = detector.analyze(scanning.Activity("x", "Ayo ke TPS!"))
    assert json.loads(scanning.finding_line(finding))["id"] == "x"
    lone = scanning.Finding("halo \ud800", False, 0.0, None, (), (), (), "tidak ada")
    line = scanning.finding_line(lone)  # a lone surrogate cannot be UTF-8: ASCII escapes instead
    assert "\\ud800" in line and json.loads(line)["id"] == "halo \ud800"
    assert scanning.finding_line(scanning.Finding("é", False, 0.0, None, (), (), (), "")).startswith('{"id": "é"')
    summary = scanning.ScanSummary()
    summary.add(scanning.BadLine(3, "rusak"), None)
    summary.add(scanning.ScanFailure(4, "galat"), None)
    summary.seconds = 2.0
    text = summary.render()
    assert "Baris rusak         : 1" in text and "Gagal dinilai       : 1" in text


def test_progress_bar_only_draws_when_enabled() -> None:
    quiet = io.StringIO()
    bar = Progress(quiet, total_bytes=100, interval=0.0)  # StringIO is not a terminal
    bar.update(5)
    bar.close()
    assert quiet.getvalue() == ""
    loud = io.StringIO()
    bar = Progress(loud, total_bytes=100, interval=0.0, enabled=True)
    bar.advance(50)
    bar.update(5)
    assert "50%" in loud.getvalue() and "5 baris" in loud.getvalue()
    bar.close()
    assert loud.getvalue().endswith("\r")


def test_check_flagged_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", PARTISAN, "--date", "2024-01-20", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert main(["check", PARTISAN, "--date", "2024-01-20"]) == 0
    out = capsys.readouterr().out
    assert "Putusan     : DIDUGA MELANGGAR" in out
    assert f"Skor        : {data['score']:.2f}" in out
    assert f"Pelanggaran : {data['violation']}" in out and "pilpres2024:02" in out
    assert "Bukti:" in out and data["evidence"]
    for n, ev in enumerate(data["evidence"], start=1):
        assert f"  {n}. {ev['field']} [{ev['start']}:{ev['end']}] «{ev['text']}» ({ev['recognizer']})" in out
    marked = out.split("Teks bertanda:")[1].split("Penjelasan:")[0]
    assert "«" in marked and "»" in marked and "14 Februari" in marked
    assert out.split("Penjelasan:")[1].split()[:3] == data["explanation"].split()[:3]


def test_check_clear_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Jadwal senam pagi pegawai dipindah ke hari Jumat."]) == 0
    assert "TIDAK DITEMUKAN PELANGGARAN" in capsys.readouterr().out
    args = ["check", "", "--kind", "like", "--target-text", "Menangkan Prabowo-Gibran satu putaran!",
            "--date", "2024-01-21", "--json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "check" and data["flag"] is True
    assert {e["field"] for e in data["evidence"]} == {"target_text"}


def test_check_rejects_bad_date_and_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "halo", "--date", "kemarin"]) == 2
    assert "created_at bukan tanggal ISO-8601" in capsys.readouterr().err
    assert main(["check", "halo", "--kind", "tweet"]) == 2
    assert "pilihan tidak sah" in capsys.readouterr().err


def test_eval_on_labelled_fixture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    errors = tmp_path / "errors.jsonl"
    assert main(["eval", str(FIXTURES / "labelled.jsonl"), "--errors", str(errors)]) == 0
    captured = capsys.readouterr()
    assert "Baris dinilai: 5 (unclear dilewati: 1, baris rusak: 2)" in captured.out
    assert "precision" in captured.out
    assert "baris 7: bukan JSON yang sah" in captured.err
    assert "baris 8: label tidak dikenal" in captured.err
    for line in errors.read_text(encoding="utf-8").splitlines():
        assert {"id", "label", "flag"} <= set(json.loads(line))
    assert main(["eval", str(FIXTURES / "labelled.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows"] == 5 and report["bad_lines"] == 2


def test_eval_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "nope.jsonl")]) == 2
    assert "tidak dapat membaca" in capsys.readouterr().err


def test_pack_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "validate", str(FIXTURES / "packs" / "pilbup-fiksi2029.yaml")]) == 0
    assert capsys.readouterr().out.startswith("OK: 1 paket valid")
    # the next election added next to the built-in packs: the whole set is built together
    assert main(["pack", "validate", str(builtin_pack_dir()), str(FIXTURES / "packs")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "Konsistensi antarpaket diperiksa" in out


def test_pack_validate_broken_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = (FIXTURES / "packs" / "pilbup-fiksi2029.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "pilbup-rusak2029.yaml"
    broken.write_text(good.replace("voting: {date: 2029-11-27}", "voting: {date: bukan-tanggal}"), encoding="utf-8")
    line = next(n for n, text in enumerate(broken.read_text().splitlines(), 1) if "bukan-tanggal" in text)
    assert main(["pack", "validate", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:{line}: stages.voting.date:" in out
    assert "GAGAL" in out


def test_pack_validate_duplicate_contest_is_a_cross_pack_problem(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "salinan.yaml"
    copy.write_text((FIXTURES / "packs" / "pilbup-fiksi2029.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["pack", "validate", str(builtin_pack_dir()), str(FIXTURES / "packs"), str(copy)]) == 1
    assert "defined twice" in capsys.readouterr().out


def test_usage_errors_and_version_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "argumen wajib belum diisi" in capsys.readouterr().err
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("jaganetral ")


def test_cli_reaches_the_detector_only_through_the_service_layer() -> None:
    for path in CLI_DIR.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                assert not name.startswith(("jaganetral.detect", "jaganetral.knowledge")), f"{path.name}: {name}"


def test_console_script_end_to_end(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "jaganetral"
    assert script.exists(), "install the package: pip install -e '.[test]'"
    version = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert version.returncode == 0 and version.stdout.startswith("jaganetral ")
    data = _jsonl([{"id": "s1", "text": PARTISAN, "created_at": "2024-01-20"}, "rusak", {"id": "s2", "text": "halo"}])
    done = subprocess.run([str(script), "scan", "-", "--out", "-"], input=data.encode("utf-8"),
                          capture_output=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert [json.loads(line)["id"] for line in done.stdout.decode("utf-8").splitlines()] == ["s1", "s2"]
    assert "baris 2:" in done.stderr.decode("utf-8")
