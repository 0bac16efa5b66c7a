"""``jaganetral train`` and ``jaganetral eval --cv`` end to end on our own fixture; the shipped model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jaganetral.cli.main import main
from jaganetral.config import load_settings
from jaganetral.learning.artifact import default_path, load
from jaganetral.service.scanning import build_detector


@pytest.fixture
def data(tmp_path: Path, fixture_jsonl: str) -> Path:
    path = tmp_path / "own.jsonl"
    path.write_text(fixture_jsonl + '{"id": "u", "text": "entah", "label": "unclear"}\n{broken\n', encoding="utf-8")
    return path


def test_train_twice_gives_the_same_file(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.jnm", tmp_path / "b" / "b.jnm"
    assert main(["train", str(data), "--out", str(a), "--bits", "12", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert main(["train", str(data), "--out", str(b), "--bits", "12"]) == 0
    out = capsys.readouterr()
    assert a.read_bytes() == b.read_bytes()
    assert summary["sha256"] in out.out and summary["version"] == "lr-" + summary["sha256"][:12]
    assert "baris 110" in out.err  # the broken line is reported, not fatal
    manifest = json.loads((tmp_path / "a.jnm.manifest.json").read_text(encoding="utf-8"))
    files = manifest["training_files"]
    assert files[0]["name"] == "own.jsonl" and files[0]["unclear_skipped"] == 1 and files[0]["bad_lines"] == 1
    assert len(files[0]["sha256"]) == 64 and str(tmp_path) not in json.dumps(manifest)  # no local paths


def test_trained_model_is_used_by_scan(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = tmp_path / "m.jnm"
    assert main(["train", str(data), "--out", str(model), "--bits", "12"]) == 0
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Mantap Anies, pemimpin yang tegas dan merakyat, lanjutkan!",
                               "created_at": "2024-01-20"}) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["scan", str(src), "--out", "-", "--model", str(model)]) in (0, 1)
    finding = json.loads(capsys.readouterr().out.splitlines()[0])
    assert finding["flag"] and "peluang kampanye" in finding["explanation"] and finding["evidence"]


def test_eval_cv_prints_both_and_plots(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    png = tmp_path / "rel.png"
    assert main(["eval", str(data), "--cv", "3", "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    assert "Aturan + model" in out and "Aturan saja" in out and "ECE" in out and "Matriks kebingungan" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert main(["eval", str(data), "--cv", "3", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["k"] == 3 and len(d["thresholds"]) == 3
    assert d["learned"]["rows"] == d["rules_only"]["rows"] == 108
    assert sum(v for row in d["confusion"] for k, v in row.items() if k != "label") == 108


@pytest.mark.parametrize("argv", [["--cv", "1"], ["--plot", "x.png"], ["--train-extra", "x.jsonl"]])
def test_eval_cv_usage_errors(data: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(data), *argv]) == 2
    assert "jaganetral:" in capsys.readouterr().err


def test_a_broken_model_file_is_a_clear_error(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jnm"
    bad.write_bytes(b"JNLM1\n\x00\x00")
    assert main(["eval", str(data), "--model", str(bad)]) == 2
    assert "model tidak dapat dimuat" in capsys.readouterr().err
    assert main(["eval", str(data), "--model", str(tmp_path / "missing.jnm")]) == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err


def test_rules_alone_on_request(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(data), "--model", "none", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == 108


def test_the_shipped_model() -> None:
    """The artifact in the package loads, is small, names its training data, and is the default."""
    path = default_path()
    assert path.stat().st_size < 200 * 1024 * 1024
    model, manifest = load()
    assert model.version == "lr-" + model.sha256[:12]
    assert [f["name"] for f in manifest["training_files"]] and manifest["rows_judged"] > 0
    assert 0.0 < model.threshold < 1.0
    card = (path.parent / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert model.sha256 in card and all(f["sha256"] in card for f in manifest["training_files"])
    detector = build_detector(load_settings(env={}))
    assert detector.learned is not None and detector.learned.sha256 == model.sha256
    assert build_detector(load_settings(env={"JN_MODEL": "none"})).learned is None
