"""Golden files for the adapter tests: records as plain JSON data, compared with a stored file.

Set ``JAGANETRAL_UPDATE_GOLDEN=1`` to rewrite the golden files after an intended change, then
review their diff.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from jaganetral.ingest.model import Record


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def as_data(records: list[Record], type_key: str = "record") -> list[dict[str, Any]]:
    """Records in order, each with its type under ``type_key``, every field, times in ISO 8601."""
    return [{type_key: type(r).__name__, **_plain(dataclasses.asdict(r))} for r in records]


def check_golden(got: Any, golden: Path) -> None:
    """``got`` (plain JSON data) must equal the golden file; rewrite it first when asked to."""
    if os.environ.get("JAGANETRAL_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert golden.exists(), f"berkas golden hilang: {golden}"
    assert got == json.loads(golden.read_text(encoding="utf-8"))
