"""Settings: arguments first, then JN_REGION / JN_PACKS, nothing read at import time."""

from __future__ import annotations

import dataclasses
import os

import pytest

from jaganetral.config import Settings, load_settings


def test_defaults_without_environment() -> None:
    s = load_settings(env={})
    assert s == Settings(region=None, packs=None, threshold=0.45)


def test_environment_is_read_when_arguments_are_none() -> None:
    env = {"JN_REGION": "babel", "JN_PACKS": os.pathsep.join(["/a/packs", "/b/extra.yaml"])}
    s = load_settings(env=env)
    assert s.region == "babel"
    assert s.packs == ("/a/packs", "/b/extra.yaml")


def test_arguments_override_environment() -> None:
    env = {"JN_REGION": "babel", "JN_PACKS": "/from/env"}
    s = load_settings(region="basel", packs=["/from/arg"], env=env)
    assert s.region == "basel"
    assert s.packs == ("/from/arg",)


def test_empty_values_mean_unset() -> None:
    env = {"JN_REGION": "  ", "JN_PACKS": os.pathsep}
    s = load_settings(env=env)
    assert s.region is None
    assert s.packs is None


def test_empty_parts_of_jn_packs_are_dropped() -> None:
    env = {"JN_PACKS": os.pathsep.join(["", "/one", "", "/two", ""])}
    assert load_settings(env=env).packs == ("/one", "/two")


def test_region_is_stripped() -> None:
    assert load_settings(region=" basel ", env={}).region == "basel"


def test_settings_are_frozen() -> None:
    s = load_settings(env={})
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.region = "babel"  # type: ignore[misc]


def test_default_env_is_os_environ_read_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JN_REGION", "jatim")  # set after import: still seen
    monkeypatch.delenv("JN_PACKS", raising=False)
    s = load_settings()
    assert s.region == "jatim"
    assert s.packs is None
