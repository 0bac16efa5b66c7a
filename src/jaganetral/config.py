"""Settings for the command line and other front ends, read from arguments and the environment.

Nothing happens at import time: call :func:`load_settings` to build a :class:`Settings`.

Environment variables (used only when the matching argument is ``None``):

* ``JN_REGION``: region code (e.g. ``babel`` or ``basel``) that selects the Pilkada contests in play;
* ``JN_PACKS``: folders or files of knowledge packs, separated by ``os.pathsep`` (``:`` on Linux).
  When set, they replace the built-in packs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ENV_REGION = "JN_REGION"
ENV_PACKS = "JN_PACKS"


@dataclass(frozen=True)
class Settings:
    """What a detector is built from: region, pack paths (None = built-in packs) and threshold."""

    region: str | None
    packs: tuple[str, ...] | None
    threshold: float = 0.45


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
) -> Settings:
    """Build settings; ``region``/``packs`` given as None fall back to ``JN_REGION``/``JN_PACKS``."""
    if region is None:
        region = env.get(ENV_REGION)
    if packs is None:
        raw = env.get(ENV_PACKS)
        packs = raw.split(os.pathsep) if raw is not None else None
    return Settings(region=_region(region), packs=_packs(packs))
