"""Loading and validating knowledge packs.

``load_pack(path)`` reads one YAML file and returns a validated pack; ``load_packs(paths)``
reads files and folders and returns a :class:`~jaganetral.knowledge.base.KnowledgeBase`.
Every failure is a :class:`PackError` that names the file, the line and the field.
Reading files is the loader's job; the resulting objects are plain immutable data.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from jaganetral.knowledge.base import KnowledgeBase
from jaganetral.knowledge.procedure import Procedure, parse_procedure
from jaganetral.knowledge.schema import AccountList, AnyPack, Catalogue, Contest
from jaganetral.knowledge.workdays import HolidayCalendar, parse_calendar


@dataclass(frozen=True)
class PackProblem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class PackError(Exception):
    """A pack could not be loaded; ``problems`` lists every reason with file, line and field."""

    def __init__(self, problems: Sequence[PackProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


_HINT = re.compile(r"^@([\w.]+): ")
_KINDS: dict[str, type[AnyPack]] = {"contest": Contest, "catalogue": Catalogue, "accounts": AccountList}


def builtin_pack_dir() -> Path:
    """The folder of packs shipped with the package."""
    return Path(str(resources.files("jaganetral.knowledge") / "packs"))


def load_pack(path: str | Path) -> AnyPack:
    """Read and validate one pack file."""
    path = Path(path)
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError([PackProblem(name, None, "(file)", f"tidak dapat dibaca: {exc}")]) from exc
    return parse_pack(text, name)


def parse_pack(text: str, name: str = "<pack>") -> AnyPack:
    """Validate pack YAML given as text; ``name`` is used in error messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise PackError([PackProblem(name, line, "(yaml)", f"bukan YAML yang sah: {problem}")]) from exc
    if not isinstance(data, dict):
        raise PackError([PackProblem(name, 1, "(root)", "paket harus berupa mapping YAML")])
    kind = data.get("kind")
    model = _KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        line = _line_of(node, ("kind",)) or 1
        allowed = ", ".join(sorted(_KINDS))
        raise PackError([PackProblem(name, line, "kind", f"harus salah satu dari: {allowed}; tertulis {kind!r}")])
    try:
        return TypeAdapter(model).validate_python(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            hint = _HINT.match(msg)
            if hint:  # a whole-record check that names the field it is about
                loc = loc + tuple(int(p) if p.isdigit() else p for p in hint.group(1).split("."))
                msg = msg[hint.end() :]
            field = ".".join(str(p) for p in loc) or "(root)"
            problems.append(PackProblem(name, _line_of(node, loc), field, msg))
        raise PackError(problems) from exc


def _line_of(node: Any, loc: tuple[Any, ...]) -> int | None:
    """Line (1-based) of the deepest YAML node that ``loc`` reaches."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    node = value
                    line = key.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(q for q in p.rglob("*.yaml") if q.is_file()))
        else:
            files.append(p)
    return files


def load_packs(paths: Iterable[str | Path] | None = None) -> KnowledgeBase:
    """Load every pack under ``paths`` (default: the built-in packs) into one knowledge base.

    All files are checked before anything fails, so one run reports every broken pack.
    """
    files = pack_files([builtin_pack_dir()] if paths is None else paths)
    packs: list[AnyPack] = []
    problems: list[PackProblem] = []
    digest = hashlib.sha256()
    for f in files:
        try:
            packs.append(load_pack(f))
            digest.update(f.read_bytes())
        except PackError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PackError(problems)
    try:
        return KnowledgeBase.build(packs, fingerprint=digest.hexdigest()[:12])
    except ValueError as exc:
        raise PackError([PackProblem(", ".join(str(f) for f in files) or "(none)", None, "(packs)", str(exc))]) from exc


def load_procedure(path: Path | None = None) -> Procedure:
    """The case procedure: the built-in ``procedure.yaml``, or a file of the same shape."""
    if path is not None:
        return parse_procedure(path.read_text(encoding="utf-8"), str(path))
    text = (resources.files("jaganetral.knowledge") / "procedure.yaml").read_text(encoding="utf-8")
    return parse_procedure(text)


def load_holidays(extra: Iterable[Path] = ()) -> HolidayCalendar:
    """The built-in yearly holiday tables plus any extra YAML files (a later file wins on a date)."""
    base = resources.files("jaganetral.knowledge") / "calendar"
    texts = [(item.name, item.read_text(encoding="utf-8"))
             for item in sorted(base.iterdir(), key=lambda p: p.name) if item.name.endswith(".yaml")]
    texts += [(str(p), p.read_text(encoding="utf-8")) for p in extra]
    return parse_calendar(texts)
