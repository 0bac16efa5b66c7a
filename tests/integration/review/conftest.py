from __future__ import annotations

from pathlib import Path

import pytest

from integration.review.seed import World, seed
from jaganetral.service.case_rules import CaseRules, load_case_rules
from jaganetral.service.store import Store


@pytest.fixture
def world(store: Store, tmp_path: Path) -> World:
    return seed(store, tmp_path)


@pytest.fixture(scope="session")
def rules() -> CaseRules:
    return load_case_rules()
