"""Validating knowledge packs for the ``pack validate`` command.

Every file is validated on its own; when the set holds a violation catalogue, the whole set is
also built into a knowledge base and a detector, which checks that the packs fit together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jaganetral.detect.engine import Detector
from jaganetral.knowledge.loader import PackError, PackProblem, builtin_pack_dir, load_pack, load_packs

__all__ = ["PackCheck", "PackProblem", "builtin_pack_dir", "validate_packs"]


@dataclass(frozen=True)
class PackCheck:
    """Result of validating a set of pack files."""

    files: tuple[Path, ...]
    problems: tuple[PackProblem, ...]
    cross_checked: bool  # the whole set was built into one knowledge base

    @property
    def ok(self) -> bool:
        return not self.problems


def _collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[PackProblem]]:
    files: list[Path] = []
    problems: list[PackProblem] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(q for q in path.rglob("*.yaml") if q.is_file())
            if not found:
                problems.append(PackProblem(str(path), None, "(folder)", "tidak ada berkas *.yaml di folder ini"))
        elif path.exists():
            found = [path]
        else:
            problems.append(PackProblem(str(path), None, "(berkas)", "berkas atau folder tidak ditemukan"))
            continue
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, problems


def validate_packs(paths: Iterable[str | Path]) -> PackCheck:
    """Validate every YAML file under ``paths`` (files and folders); report all problems at once."""
    files, problems = _collect(paths)
    has_catalogue = False
    for f in files:
        try:
            pack = load_pack(f)
        except PackError as exc:
            problems.extend(exc.problems)
            continue
        has_catalogue = has_catalogue or pack.kind == "catalogue"
    cross = has_catalogue and not problems
    if cross:
        try:
            Detector(load_packs(files))
        except PackError as exc:
            problems.extend(exc.problems)
        except (ValueError, KeyError, TypeError) as exc:
            where = ", ".join(str(f) for f in files)
            problems.append(PackProblem(where, None, "(detektor)", f"paket tidak dapat dipakai detektor: {exc}"))
    return PackCheck(tuple(files), tuple(problems), cross)
