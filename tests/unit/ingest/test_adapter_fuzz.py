"""Every adapter survives mangled copies of its own fixtures: records or ``UnreadableInput``, nothing else.

For each adapter of ``default_adapters()`` the repository fixtures it recognises are damaged (cut
short, bytes flipped, inserted or deleted, lines dropped or repeated, CSV cells or JSON values
replaced by another type, invalid UTF-8 spliced in, or emptied) and written under the same relative
path in a temporary folder, so path-based dispatch still applies. The adapter is called directly
(mangled bytes may no longer sniff) and must either yield only RawActivity / Ignored / Quarantined,
or raise ``UnreadableInput`` with a message. No other exception may escape.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jaganetral.detect.model import ACTIVITY_KINDS
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.model import Ignored, OwnerIdentity, Quarantined, RawActivity, UnreadableInput
from jaganetral.ingest.registry import default_adapters
from jaganetral.ingest.sources import SourceFile

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
ADAPTERS = {a.name: a for a in default_adapters()}
JS_PREFIX = re.compile(rb"\A(\xef\xbb\xbf)?\s*window\.YTD\.\w+\.part\d+\s*=\s*")
BAD_UTF8 = [b"\xff", b"\xfe\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80\x80", b"\x00",
            b"\xef\xbb\xbf", b"\x81\x8d\x8f\x90\x9d"]
NASTY_TEXT = ["", " ", "N/A", "None", "null", "[", "]", "{", "}", "[]", "{}", '"', "'", ",", "\\", "\x00",
              "1e400", "-1", "0", "99999999999999999999999", "NaN", "2024-13-45 25:61:00", "2024-02-30T10:00:00Z",
              "Wed Feb 31 10:00:00 +0000 2024", "Mon Jan 01 00:00:00 +1400 0001", "0001-01-01 00:00:00 WIB",
              "0001-01-01T00:00:00+14:00", "9999-12-31 23:59:59-12:00", "01/01/0001", "1152921504606846976",
              "-9223372036854775808", "datetime.datetime(2024, 13, 1)", "datetime.datetime(99999, 1, 1)",
              "[" * 300 + "]" * 300, "{'a': [1, {'b': None}]}", "[{'name': None}]", "['x', 3, None, {}]",
              "(1, 2)", "lambda: 0", "9" * 5000, "1e99999", "__import__('os')", "1/0", "\u202e\u200e", "\ud800"]
NASTY_NUMBERS = [-1, 0, 1, 0.5, 2**31, 2**60, 2**63 - 1, 2**63, 10**20, -(10**20), 253402300800, -62135596801,
                 1e308, -1e308, float("inf"), float("nan"), True, False]
JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(NASTY_NUMBERS)
                | st.sampled_from(NASTY_TEXT) | st.text(max_size=12))
DEPTHS = [50, 500, 900, 990, 1100, 5000, 60000]
RAW_JSON: dict[str, Any] = {
    "@@deeply-nested@@": lambda data: "[" * (depth := data.draw(st.sampled_from(DEPTHS), label="depth")) + "]" * depth,
    "@@long-integer@@": "7" * 5000,
    "@@huge-exponent@@": "-1e99999",
}
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _fixtures() -> list[str]:
    return sorted(p.relative_to(EXPORTS).as_posix() for p in EXPORTS.rglob("*")
                  if p.is_file() and not p.name.endswith(".golden.json"))


def _cases() -> dict[str, list[str]]:
    """Adapter name → the fixtures (paths relative to EXPORTS) it recognises."""
    cases: dict[str, list[str]] = {name: [] for name in ADAPTERS}
    for rel in _fixtures():
        source = SourceFile(EXPORTS, rel)
        head = source.head(8192)
        for name, adapter in ADAPTERS.items():
            if adapter.sniff(source, head):
                cases[name].append(rel)
    return cases


CASES = _cases()


# --- the mutations -------------------------------------------------------------------------------


def _paths(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location inside a JSON value (the value itself included)."""
    found = [here]
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*here, i))
    return found


_DROP = object()


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    """``value`` with the location ``path`` set to ``new`` (removed when ``new`` is ``_DROP``)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        out = {k: _replaced(v, rest, new) if k == head else v for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not _DROP}
    items = [_replaced(v, rest, new) if i == head else v for i, v in enumerate(value)]
    return [v for v in items if v is not _DROP]


def _mutate_json_doc(doc: bytes, data: st.DataObject) -> bytes | None:
    """One JSON value of ``doc`` replaced by a value of another type; None when ``doc`` is not JSON."""
    try:
        value = json.loads(doc.decode("utf-8-sig"))
        paths = _paths(value)
    except (ValueError, RecursionError):  # not JSON, or already mangled too deep to handle here
        return None
    if max(len(p) for p in paths) > 200:  # already mangled too deep for _replaced and json.dumps
        return None
    path = data.draw(st.sampled_from(paths), label="json path")
    if path and data.draw(st.booleans(), label="drop"):  # the value removed from its object or array
        value = _replaced(value, path, _DROP)
    else:
        value = _replaced(value, path, data.draw(JSON_VALUES | st.sampled_from(sorted(RAW_JSON)), label="json value"))
    text = json.dumps(value, ensure_ascii=data.draw(st.booleans(), label="ascii"))
    for marker, raw in RAW_JSON.items():  # valid JSON that json.dumps cannot write: too deep, too long
        text = text.replace(f'"{marker}"', raw(data) if callable(raw) else raw)
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate becomes invalid UTF-8, as it should


def mutate_json(raw: bytes, rel: str, data: st.DataObject) -> bytes:
    """Replace a JSON value in a .json file, one line of an NDJSON file, or the body of a .js file."""
    if rel.endswith(".js"):
        prefix = JS_PREFIX.match(raw)
        if prefix is None:
            return raw
        body = raw[prefix.end():].rstrip().removesuffix(b";")
        new = _mutate_json_doc(body, data)
        return raw if new is None else raw[: prefix.end()] + new
    if rel.endswith((".ndjson", ".jsonl")):
        lines = raw.split(b"\n")
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        new = _mutate_json_doc(lines[i], data)
        if new is not None:
            lines[i] = new
        return b"\n".join(lines)
    new = _mutate_json_doc(raw, data)
    return raw if new is None else new


def mutate_csv_cell(raw: bytes, data: st.DataObject) -> bytes:
    """One CSV cell replaced by a nasty or random text."""
    text = raw.decode("utf-8", "surrogateescape")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return raw
    cells = [(r, c) for r, row in enumerate(rows) for c in range(len(row))]
    if not cells:
        return raw
    r, c = data.draw(st.sampled_from(cells), label="cell")
    value = data.draw(st.sampled_from(NASTY_TEXT) | st.text(max_size=20), label="cell value")
    rows[r][c] = value.encode("utf-8", "surrogatepass").decode("utf-8", "surrogateescape")
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8", "surrogateescape")


def mutate_bytes(raw: bytes, data: st.DataObject) -> bytes:
    """A few random byte flips, insertions and deletions."""
    buf = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 6), label="byte edits")):
        op = data.draw(st.sampled_from(["flip", "insert", "delete"]), label="byte op")
        at = data.draw(st.integers(0, len(buf)), label="at")
        if op == "insert" or not buf:
            buf[at:at] = data.draw(st.binary(min_size=1, max_size=4), label="inserted")
        elif op == "flip":
            at = min(at, len(buf) - 1)
            buf[at] ^= data.draw(st.integers(1, 255), label="mask")
        else:
            del buf[min(at, len(buf) - 1): at + data.draw(st.integers(1, 8), label="deleted")]
    return bytes(buf)


def mutate_lines(raw: bytes, data: st.DataObject) -> bytes:
    """Random lines removed or duplicated."""
    lines = raw.split(b"\n")
    for _ in range(data.draw(st.integers(1, 4), label="line edits")):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        if data.draw(st.booleans(), label="duplicate"):
            lines.insert(i, lines[i])
        else:
            del lines[i]
    return b"\n".join(lines)


def mutate_utf8(raw: bytes, data: st.DataObject) -> bytes:
    """Invalid UTF-8 (or NUL, or a stray BOM) spliced in at a random point."""
    at = data.draw(st.integers(0, len(raw)), label="at")
    return raw[:at] + data.draw(st.sampled_from(BAD_UTF8), label="bad bytes") + raw[at:]


def mutate_depth(raw: bytes, data: st.DataObject) -> bytes:
    """Deeply nested brackets (JSON arrays/objects, Python repr lists) spliced in at a random point."""
    at = data.draw(st.integers(0, len(raw)), label="at")
    depth = data.draw(st.sampled_from(DEPTHS), label="depth")
    opener, closer = data.draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}"), (b"'[", b"]'")]), label="brackets")
    closed = data.draw(st.booleans(), label="closed")
    return raw[:at] + opener * depth + (closer * depth if closed else b"") + raw[at:]


def mangle(raw: bytes, rel: str, data: st.DataObject) -> bytes:
    for _ in range(data.draw(st.integers(1, 2), label="mutations")):
        kinds = ["truncate", "bytes", "lines", "utf8", "depth", "empty"]
        if rel.endswith((".json", ".js", ".ndjson", ".jsonl")):
            kinds += ["json", "json"]
        if rel.endswith(".csv"):
            kinds += ["cell", "cell"]
        kind = data.draw(st.sampled_from(kinds), label="mutation")
        if kind == "truncate":
            raw = raw[: data.draw(st.integers(0, max(0, len(raw) - 1)), label="cut at")]
        elif kind == "bytes":
            raw = mutate_bytes(raw, data)
        elif kind == "lines":
            raw = mutate_lines(raw, data)
        elif kind == "utf8":
            raw = mutate_utf8(raw, data)
        elif kind == "depth":
            raw = mutate_depth(raw, data)
        elif kind == "json":
            raw = mutate_json(raw, rel, data)
        elif kind == "cell":
            raw = mutate_csv_cell(raw, data)
        else:
            raw = b""
    return raw


# --- the property --------------------------------------------------------------------------------


def check_read(adapter: Adapter, root: Path, rel: str, raw: bytes) -> None:
    """Write ``raw`` as ``root/rel``, sniff it and read it fully: only records, or UnreadableInput with a message."""
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)
    source = SourceFile(root, rel)
    assert isinstance(adapter.sniff(source, source.head(8192)), bool)  # sniffing must not raise either
    try:
        records = list(adapter.read(source, hashlib.sha256(raw).hexdigest()))
    except UnreadableInput as exc:
        assert str(exc).strip(), f"{adapter.name}: UnreadableInput tanpa pesan"
        return
    for record in records:
        assert isinstance(record, RawActivity | Ignored | Quarantined | OwnerIdentity), record
        assert isinstance(record.provenance.locator, str) and record.provenance.locator
        if isinstance(record, Quarantined):
            assert isinstance(record.reason, str) and record.reason.strip()
            assert isinstance(record.excerpt, str) and len(record.excerpt) <= 200
        elif isinstance(record, RawActivity):
            assert record.created_at is None or record.created_at.utcoffset() is not None, record
            assert isinstance(record.text, str), record
            assert record.kind in ACTIVITY_KINDS, record


def test_every_adapter_has_fixtures() -> None:
    assert {name for name, files in CASES.items() if not files} == set()


@pytest.mark.parametrize("name", sorted(ADAPTERS))
def test_empty_file_of_every_fixture(name: str, tmp_path: Path) -> None:
    for rel in CASES[name]:
        check_read(ADAPTERS[name], tmp_path, rel, b"")


@pytest.mark.parametrize("name", sorted(ADAPTERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)
@given(data=st.data())
def test_mangled_fixtures(name: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    adapter = ADAPTERS[name]
    rel = data.draw(st.sampled_from(CASES[name]), label="fixture")
    raw = mangle((EXPORTS / rel).read_bytes(), rel, data)
    check_read(adapter, tmp_path_factory.mktemp(name), rel, raw)
