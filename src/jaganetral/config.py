"""Settings for the command line and other front ends, read from arguments and the environment.

Nothing happens at import time: call :func:`load_settings` to build a :class:`Settings`.

Environment variables (used only when the matching argument is ``None``):

* ``JN_REGION``: region code (e.g. ``babel`` or ``basel``) that selects the Pilkada contests in play;
* ``JN_PACKS``: folders or files of knowledge packs, separated by ``os.pathsep`` (``:`` on Linux).
  When set, they replace the built-in packs;
* ``JN_MODEL``: the learned stage's artifact: a path, or ``none`` for the rules alone; unset: the
  artifact shipped with the package;
* ``JN_DATA_DIR``: where the evidence vault and the embedded database live;
* ``JN_DATABASE_URL``: a database URL (``postgresql://…``) instead of the embedded SQLite file.
  When set, they replace the built-in packs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ENV_REGION = "JN_REGION"
ENV_PACKS = "JN_PACKS"
ENV_MODEL = "JN_MODEL"
NO_MODEL = "none"


@dataclass(frozen=True)
class Settings:
    """What a detector is built from: region, pack paths (None = built-in packs), the rules' threshold
    and the learned stage's artifact (None = the shipped one, ``"none"`` = rules alone)."""

    region: str | None
    packs: tuple[str, ...] | None
    threshold: float = 0.45
    model: str | None = None


def _region(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _packs(value: Sequence[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    parts = tuple(p for p in value if p.strip())
    return parts or None


def load_settings(
    region: str | None = None,
    packs: Sequence[str] | None = None,
    env: Mapping[str, str] = os.environ,
    model: str | None = None,
) -> Settings:
    """Build settings; ``region``/``packs`` given as None fall back to ``JN_REGION``/``JN_PACKS``."""
    if region is None:
        region = env.get(ENV_REGION)
    if packs is None:
        raw = env.get(ENV_PACKS)
        packs = raw.split(os.pathsep) if raw is not None else None
    if model is None:
        model = env.get(ENV_MODEL) or None
    return Settings(region=_region(region), packs=_packs(packs), model=model.strip() if model else None)


ENV_DATA_DIR = "JN_DATA_DIR"
ENV_DATABASE_URL = "JN_DATABASE_URL"


@dataclass(frozen=True)
class StoreSettings:
    """Where things are kept: the data directory (vault, embedded database) and the database URL.

    ``database_url`` None means the embedded default, ``sqlite:///<data_dir>/jaganetral.db``.
    """

    data_dir: Path
    database_url: str | None = None


def default_data_dir(env: Mapping[str, str]) -> Path:
    """``$JN_DATA_DIR``, else ``$XDG_DATA_HOME/jaganetral``, else ``~/.local/share/jaganetral``."""
    if env.get(ENV_DATA_DIR):
        return Path(env[ENV_DATA_DIR]).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local" / "share")
    return Path(base) / "jaganetral"


def load_store_settings(
    database_url: str | None = None,
    data_dir: str | Path | None = None,
    env: Mapping[str, str] = os.environ,
) -> StoreSettings:
    """Arguments first, then ``JN_DATABASE_URL`` / ``JN_DATA_DIR``, then the defaults."""
    directory = Path(data_dir).expanduser() if data_dir is not None else default_data_dir(env)
    url = database_url or env.get(ENV_DATABASE_URL) or None
    return StoreSettings(data_dir=directory, database_url=url)
