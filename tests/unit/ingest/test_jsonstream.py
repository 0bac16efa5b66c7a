"""Streaming JSON arrays: same items as json.loads for any chunk size; malformed JSON names the position."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jaganetral.ingest.jsonstream import iter_json_array, iter_json_arrays
from jaganetral.ingest.model import UnreadableInput

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


def items(doc: bytes, chunk: int = 3, key: str | tuple[str, ...] | None = None) -> list[tuple[int, Any]]:
    return list(iter_json_array(io.BytesIO(doc), "data.json", key=key, chunk=chunk))


@settings(max_examples=200, deadline=None)
@given(values=st.lists(JSON_VALUES, max_size=8), chunk=st.integers(1, 40), indent=st.sampled_from([None, 0, 2]),
       ascii_only=st.booleans())
def test_same_items_as_json_loads(values: list[Any], chunk: int, indent: int | None, ascii_only: bool) -> None:
    doc = json.dumps(values, indent=indent, ensure_ascii=ascii_only).encode("utf-8")
    assert items(doc, chunk) == list(enumerate(json.loads(doc)))
    wrapped = json.dumps({"before": values[:1], "messages": values, "after": 1}, indent=indent,
                         ensure_ascii=ascii_only).encode("utf-8")
    assert items(wrapped, chunk, key="messages") == list(enumerate(json.loads(wrapped)["messages"]))


@pytest.mark.parametrize("chunk", [1, 2, 5, 1 << 16])
def test_utf8_split_across_chunks_and_bom(chunk: int) -> None:
    doc = "\ufeff [\"Selamat pagi 🇮🇩\", 12345, -1.5e3, true, null, {\"é\": []}] \n".encode()
    assert items(doc, chunk) == [(0, "Selamat pagi 🇮🇩"), (1, 12345), (2, -1500.0), (3, True), (4, None), (5, {"é": []})]


def test_number_at_chunk_boundary_is_not_cut() -> None:
    assert items(b"[1234567890123]", chunk=4) == [(0, 1234567890123)]


def test_empty_array_and_missing_key() -> None:
    assert items(b" [ ] ") == []
    assert items(b'{"name": "x", "list": [1]}', key="messages") == []


def test_nested_key_path_and_meta() -> None:
    doc = b'{"name": "Grup", "chats": {"about": "a", "list": [{"m": 1}, {"m": 2}]}, "tail": [3]}'
    meta: dict[str, Any] = {}
    found = list(iter_json_arrays(io.BytesIO(doc), "r.json", [("messages",), ("chats", "list")], meta, chunk=2))
    assert found == [(("chats", "list"), 0, {"m": 1}), (("chats", "list"), 1, {"m": 2})]
    assert meta == {"name": "Grup", "tail": [3]}


@pytest.mark.parametrize(
    ("doc", "key", "expected"),
    [
        (b'[1, 2,\n  x]', None, "data.json: JSON rusak pada baris 2 kolom 3 (posisi 9): nilai JSON diharapkan"),
        (b"[1, 2", None,
         "data.json: JSON rusak pada baris 1 kolom 6 (posisi 5): diharapkan ',' atau ']', tetapi berkas"),
        (b"[1 2]", None, "data.json: JSON rusak pada baris 1 kolom 4 (posisi 3): diharapkan ',' atau ']'"),
        (b"[1] [2]", None, "data.json: JSON rusak pada baris 1 kolom 5 (posisi 4): data tambahan setelah akhir JSON"),
        (b"", None, "data.json: JSON rusak pada baris 1 kolom 1 (posisi 0): berkas kosong"),
        (b'{"a": 1}', None, "data.json: JSON rusak pada baris 1 kolom 1 (posisi 0): diharapkan '['"),
        (b'{\n "messages": [\n  {"a": "tidak ditutup}]}', "messages",
         "data.json: JSON rusak pada baris 3 kolom 9 (posisi 25): string tidak ditutup"),
        (b'{"messages": [1], "x": }', "messages",
         "data.json: JSON rusak pada baris 1 kolom 24 (posisi 23): nilai JSON"),
    ],
)
def test_malformed_json_names_the_position(doc: bytes, key: str | None, expected: str) -> None:
    for chunk in (1, 3, 1 << 16):
        with pytest.raises(UnreadableInput) as caught:
            items(doc, chunk, key=key)
        assert str(caught.value).startswith(expected)


def test_items_before_the_error_are_yielded_first() -> None:
    stream = iter_json_array(io.BytesIO(b'[{"a": 1}, {"b": 2}, oops]'), "data.json", chunk=4)
    assert next(stream) == (0, {"a": 1})
    assert next(stream) == (1, {"b": 2})
    with pytest.raises(UnreadableInput, match="posisi 21"):
        next(stream)


def test_invalid_utf8_is_unreadable() -> None:
    with pytest.raises(UnreadableInput, match=r"data.json: bukan UTF-8 yang sah pada bita 9"):
        items(b'["abc", "\xff"]', chunk=2)
