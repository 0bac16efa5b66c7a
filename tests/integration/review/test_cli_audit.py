"""``jaganetral audit verify`` on a real store: 0 when intact, 1 with the bad event named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update

from integration.review.seed import seed
from jaganetral.cli.main import main
from jaganetral.config import StoreSettings
from jaganetral.service import review
from jaganetral.service.store import open_store
from jaganetral.store.tables_review import audit_events


def test_audit_verify_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    store = open_store(StoreSettings(data_dir=data))
    world = seed(store, tmp_path)
    review.dismiss(store, world.viewers["pengawas"], world.findings_a[:1], "hanya berita biasa")
    assert main(["audit", "verify", "--data-dir", str(data), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "events": 1, "first_bad_id": None,
                                                  "message": "rantai audit utuh: 1 peristiwa terverifikasi"}
    with store.transaction() as conn:
        conn.execute(update(audit_events).values(object_id="123456"))
    store.close()
    assert main(["audit", "verify", "--data-dir", str(data)]) == 1
    assert "RUSAK" in capsys.readouterr().out
