"""The model artifact: one file, deterministic bytes, named by its SHA-256.

Layout: the magic line ``JNLM1\\n``, an 8-byte big-endian header length, the header (UTF-8 JSON,
sorted keys: feature spec, labels, bits, calibration, threshold, training manifest), then the
zlib-compressed (level 9) weights as little-endian float16 (``2**bits`` rows × labels) followed
by the bias as little-endian float32. Nothing in it is a text of the training data: the features
are hashed. The same training data and settings give the same bytes, hence the same hash.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from jaganetral.detect.learned import LABELS, Calibration, LearnedModel

MAGIC = b"JNLM1\n"
FEATURES = "jn-hash-v2"  # words, word bigrams, char 3-5-grams in words, rule features (detect/learned.py)
DEFAULT_NAME = "flag-lr.jnm"


class ModelError(Exception):
    """The artifact cannot be read or does not fit this version of the detector."""


def to_bytes(model: LearnedModel, manifest: dict[str, Any]) -> bytes:
    header = {
        "format": 1,
        "features": FEATURES,
        "labels": list(LABELS),
        "bits": model.bits,
        "calibration": {"a": model.calibration.a, "b": model.calibration.b},
        "threshold": model.threshold,
        "manifest": manifest,
    }
    head = json.dumps(header, sort_keys=True, ensure_ascii=False).encode("utf-8")
    body = model.weights.astype("<f2").tobytes() + model.bias.astype("<f4").tobytes()
    return MAGIC + len(head).to_bytes(8, "big") + head + zlib.compress(body, 9)


def from_bytes(data: bytes) -> tuple[LearnedModel, dict[str, Any]]:
    if not data.startswith(MAGIC):
        raise ModelError("bukan berkas model Jaga Netral (tanda JNLM1 tidak ada)")
    try:
        n = int.from_bytes(data[len(MAGIC):len(MAGIC) + 8], "big")
        start = len(MAGIC) + 8
        header = json.loads(data[start:start + n].decode("utf-8"))
        body = zlib.decompress(data[start + n:])
    except (ValueError, zlib.error, UnicodeDecodeError) as exc:
        raise ModelError(f"berkas model rusak: {exc}") from exc
    if header.get("features") != FEATURES or header.get("labels") != list(LABELS):
        raise ModelError(f"model untuk fitur {header.get('features')!r} dan label {header.get('labels')!r}; "
                         f"detektor ini memakai {FEATURES!r} dan {list(LABELS)!r}")
    bits = int(header["bits"])
    rows, cols = 1 << bits, len(LABELS)
    if len(body) != rows * cols * 2 + cols * 4:
        raise ModelError("berkas model rusak: ukuran bobot tidak cocok")
    weights = np.frombuffer(body, dtype="<f2", count=rows * cols).reshape(rows, cols).astype(np.float32)
    bias = np.frombuffer(body, dtype="<f4", offset=rows * cols * 2, count=cols).astype(np.float32)
    digest = hashlib.sha256(data).hexdigest()
    cal = header["calibration"]
    model = LearnedModel(f"lr-{digest[:12]}", bits, weights, bias, Calibration(float(cal["a"]), float(cal["b"])),
                         float(header["threshold"]), digest)
    return model, dict(header["manifest"])


def finalize(model: LearnedModel, manifest: dict[str, Any]) -> tuple[LearnedModel, bytes]:
    """The bytes to write and the model as it will be read back (named by their hash)."""
    data = to_bytes(model, manifest)
    digest = hashlib.sha256(data).hexdigest()
    return replace(model, version=f"lr-{digest[:12]}", sha256=digest), data


def default_path() -> Path:
    return Path(str(resources.files("jaganetral.models").joinpath(DEFAULT_NAME)))


def load(path: str | Path | None = None) -> tuple[LearnedModel, dict[str, Any]]:
    """Read an artifact (the shipped one when ``path`` is None). Raises :class:`ModelError`."""
    target = Path(path) if path is not None else default_path()
    try:
        data = target.read_bytes()
    except OSError as exc:
        raise ModelError(f"berkas model tidak dapat dibaca: {target}: {exc.strerror or exc}") from exc
    return from_bytes(data)
