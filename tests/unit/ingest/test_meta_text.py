"""Meta's mojibake: UTF-8 bytes written as one latin-1 character each, and its repair."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jaganetral.ingest.meta_text import mojibake, repair, repair_tree, unix_time


def test_repairs_the_documented_examples() -> None:
    assert repair("Mobiloverf\u00c3\u00b8rsler") == "Mobiloverførsler"
    assert repair("L\u00c3\u00aa Huy\u00e1\u00bb\u0081n") == "Lê Huyền"
    assert repair("\u00f0\u009f\u0098\u0082") == "😂"


@given(st.text())
def test_repair_undoes_mojibake_for_any_text(text: str) -> None:
    assert repair(mojibake(text)) == text


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_repair_is_identity_on_ascii(text: str) -> None:
    assert repair(text) == text


@pytest.mark.parametrize("text", [
    "Kopi di café dekat alun-alun",
    "Pak Ré dan Bu Zoé",
    "Du er stoppet med at være medlem af Group 4.",  # a real undamaged string in a Meta sample
    "Salam dari Jogja 🙏 — sampai jumpa",
])
def test_repair_keeps_real_text(text: str) -> None:
    assert repair(text) == text


def test_repair_tree_reaches_every_string() -> None:
    tree = {"a": [mojibake("Sémangat"), {"b": mojibake("😍")}], "n": 3, "z": None}
    assert repair_tree(tree) == {"a": ["Sémangat", {"b": "😍"}], "n": 3, "z": None}


def test_unix_time_is_aware_utc() -> None:
    assert unix_time(1704067200) == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    assert unix_time(None) is None
    with pytest.raises(ValueError):
        unix_time("kemarin")
    with pytest.raises(ValueError):
        unix_time(True)
