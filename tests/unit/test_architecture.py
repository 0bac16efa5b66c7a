"""Layering of the package, checked on the source with ``ast``.

    knowledge, detect  →  pure: data and functions, no I/O, no clock
    reports            →  pure renderers (data in, bytes out): no store/service/front ends, no clock
    ingest             →  may use knowledge/detect
    store              →  may use knowledge/detect/ingest
    service, learning  →  the only way in for front ends (learning: training and measuring the model)
    cli, web           →  front ends: use service, never detect/store directly

A module may import only from layers below it. ``detect`` and ``knowledge`` must not touch the
file system, the environment or the clock (only ``knowledge/loader.py`` reads files).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

import jaganetral

PACKAGE = Path(jaganetral.__file__).resolve().parent
ROOT = "jaganetral"

# layer → layers it must not import
FORBIDDEN_LAYERS: dict[str, set[str]] = {
    "knowledge": {"ingest", "store", "service", "web", "cli", "config"},
    "detect": {"ingest", "store", "service", "web", "cli", "config"},
    "ingest": {"store", "service", "web", "cli"},
    "store": {"service", "web", "cli"},
    "learning": {"store", "web", "cli"},
    "reports": {"ingest", "store", "service", "web", "cli", "config"},
    "cli": {"detect", "store"},
    "web": {"detect", "store"},
}
IO_MODULES = {"pathlib", "os", "sys", "time", "io", "shutil", "glob", "tempfile", "subprocess", "socket", "urllib",
              "http", "requests", "sqlite3"}
CLOCK_CALLS = {"now", "today", "utcnow", "monotonic", "perf_counter"}
LOADER = "knowledge/loader.py"
LOADER_ALLOWED_IO = {"pathlib", "os"}


@dataclass(frozen=True)
class Import:
    module: str  # absolute dotted name
    line: int


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool = False) -> list[Import]:
    """Every module imported by ``source`` (relative imports resolved against ``module``)."""
    tree = ast.parse(source)
    out: list[Import] = []
    base = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(Import(alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                prefix = ".".join(anchor + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            out.append(Import(prefix, node.lineno))
            # "from jaganetral import detect" imports the subpackage too
            out.extend(Import(f"{prefix}.{alias.name}", node.lineno) for alias in node.names if alias.name != "*")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "__import__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.append(Import(node.args[0].value, node.lineno))
    return out


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != ROOT or len(parts) < 2:
        return None
    return parts[1]


def layer_violations(source: str, module: str, is_package: bool = False) -> list[str]:
    layer = layer_of(module)
    forbidden = FORBIDDEN_LAYERS.get(layer or "", set())
    out = []
    for imp in imports_of(source, module, is_package):
        target = layer_of(imp.module)
        if target in forbidden:
            out.append(f"{module}:{imp.line} imports {imp.module} (layer {layer} must not use {target})")
    return out


def io_violations(source: str, module: str, rel: str, is_package: bool = False) -> list[str]:
    """I/O imports, open() calls and clock reads in knowledge/ and detect/."""
    layer = layer_of(module)
    if layer not in ("knowledge", "detect"):
        return []
    allowed = LOADER_ALLOWED_IO if rel == LOADER else set()
    out = []
    for imp in imports_of(source, module, is_package):
        top = imp.module.split(".")[0]
        if top in IO_MODULES and top not in allowed:
            out.append(f"{module}:{imp.line} imports {imp.module} (no I/O in {layer})")
    if rel == LOADER:
        return out
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"open", "input", "print", "exec", "eval"}:
            out.append(f"{module}:{node.lineno} calls {func.id}() (no I/O in {layer})")
        elif isinstance(func, ast.Attribute) and func.attr in CLOCK_CALLS:
            out.append(f"{module}:{node.lineno} calls .{func.attr}() (no clock in {layer})")
        elif isinstance(func, ast.Attribute) and func.attr in {"read_text", "read_bytes", "write_text", "open"}:
            out.append(f"{module}:{node.lineno} calls .{func.attr}() (no file access in {layer})")
    return out


def clock_violations(source: str, module: str) -> list[str]:
    """Clock reads in reports/: a report shows the times it is given (``generated_at``), never now()."""
    if layer_of(module) != "reports":
        return []
    return [f"{module}:{node.lineno} calls .{node.func.attr}() (no clock in reports)"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CLOCK_CALLS]


def _sources() -> list[tuple[str, str, str, bool]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        out.append((rel, _module_name(path), path.read_text(encoding="utf-8"), path.name == "__init__.py"))
    return out


SOURCES = _sources()


def test_the_package_has_the_core_layers():
    layers = {layer_of(module) for _, module, _, _ in SOURCES}
    assert {"knowledge", "detect"} <= layers
    assert any(rel.startswith("detect/recognizers/") for rel, _, _, _ in SOURCES)


@pytest.mark.parametrize(("rel", "module", "source", "is_package"), SOURCES, ids=[s[0] for s in SOURCES])
def test_module_respects_layers(rel, module, source, is_package):
    assert layer_violations(source, module, is_package) == []


@pytest.mark.parametrize(("rel", "module", "source", "is_package"), SOURCES, ids=[s[0] for s in SOURCES])
def test_core_modules_do_no_io(rel, module, source, is_package):
    assert io_violations(source, module, rel, is_package) == []


@pytest.mark.parametrize(("rel", "module", "source", "is_package"), SOURCES, ids=[s[0] for s in SOURCES])
def test_reports_read_no_clock(rel, module, source, is_package):
    assert clock_violations(source, module) == []


def test_report_checks_can_fail():
    assert layer_violations("from jaganetral.store import db\n", "jaganetral.reports.case_pdf")
    assert layer_violations("from ..service import x\n", "jaganetral.reports.case_pdf")
    assert clock_violations("import datetime as dt\nx = dt.datetime.now()\n", "jaganetral.reports.model")
    assert not layer_violations("from jaganetral.detect.model import WIB\n", "jaganetral.reports.text")


# --- The checks themselves must be able to fail --------------------------------------------------


@pytest.mark.parametrize(
    ("module", "source", "needle"),
    [
        ("jaganetral.detect.engine", "from jaganetral.service.scanning import scan\n", "jaganetral.service.scanning"),
        ("jaganetral.detect.engine", "import jaganetral.store.db\n", "jaganetral.store.db"),
        ("jaganetral.knowledge.base", "from ..cli import main\n", "jaganetral.cli"),
        ("jaganetral.detect.recognizers.party", "from ...ingest import x\n", "jaganetral.ingest"),
        ("jaganetral.ingest.reader", "from jaganetral.store import db\n", "jaganetral.store"),
        ("jaganetral.store.db", "from jaganetral.web import app\n", "jaganetral.web"),
        ("jaganetral.cli.scan", "from jaganetral.detect.engine import Detector\n", "jaganetral.detect.engine"),
        ("jaganetral.cli.scan", "from jaganetral import detect\n", "jaganetral.detect"),
        ("jaganetral.web.app", "import jaganetral.store\n", "jaganetral.store"),
        ("jaganetral.detect.engine", "from jaganetral.config import Settings\n", "jaganetral.config"),
    ],
)
def test_layer_check_catches_bad_imports(module, source, needle):
    found = layer_violations(source, module)
    assert any(needle in v for v in found), found


@pytest.mark.parametrize(
    ("module", "source", "ok"),
    [
        ("jaganetral.cli.scan", "from jaganetral.service.scanning import scan\n", True),
        ("jaganetral.service.scanning", "from jaganetral.detect.engine import Detector\n", True),
        ("jaganetral.detect.engine", "from jaganetral.knowledge.base import KnowledgeBase\n", True),
        ("jaganetral.detect.engine", "from .model import Activity\n", True),
    ],
)
def test_layer_check_allows_good_imports(module, source, ok):
    assert (layer_violations(source, module) == []) is ok


@pytest.mark.parametrize(
    ("module", "rel", "source"),
    [
        ("jaganetral.detect.engine", "detect/engine.py", "import os\n"),
        ("jaganetral.detect.engine", "detect/engine.py", "from pathlib import Path\n"),
        ("jaganetral.detect.engine", "detect/engine.py", "import sys\n"),
        ("jaganetral.detect.engine", "detect/engine.py", "import time\n"),
        ("jaganetral.detect.engine", "detect/engine.py", "import datetime as dt\nx = dt.datetime.now()\n"),
        ("jaganetral.detect.engine", "detect/engine.py", "from datetime import date\nx = date.today()\n"),
        ("jaganetral.detect.engine", "detect/engine.py", "data = open('x.txt').read()\n"),
        ("jaganetral.knowledge.base", "knowledge/base.py", "from pathlib import Path\n"),
        ("jaganetral.knowledge.base", "knowledge/base.py", "import os\n"),
        ("jaganetral.knowledge.loader", "knowledge/loader.py", "import sys\n"),
    ],
)
def test_io_check_catches_io(module, rel, source):
    assert io_violations(source, module, rel) != []


def test_io_check_allows_the_loader_to_read_files():
    source = "import os\nfrom pathlib import Path\ntext = Path('p').read_text()\n"
    assert io_violations(source, "jaganetral.knowledge.loader", LOADER) == []
    assert io_violations("import datetime as dt\nx = dt.date(2024, 1, 1)\n", "jaganetral.detect.model",
                         "detect/model.py") == []


def test_repositories_never_commit() -> None:
    """Transactions belong to the service layer: nothing under store/ commits, rolls back or begins."""
    offenders: list[str] = []
    for path in sorted((PACKAGE / "store").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"commit", "rollback", "begin"}):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: .{node.func.attr}()")
    assert offenders == []
