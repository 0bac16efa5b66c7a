"""Typed settings of the web application, built by :meth:`WebSettings.from_env`, never at import.

Environment variables: ``JN_SECRET_KEY`` (required, at least 32 characters, not a placeholder),
``JN_DATA_DIR`` / ``JN_DATABASE_URL`` (as for the command line), ``JN_COOKIE_SECURE`` (``1`` behind
HTTPS), ``JN_SESSION_MAX_AGE`` (seconds), ``JN_LOGIN_MAX_FAILURES`` and ``JN_LOGIN_WINDOW`` (seconds).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from jaganetral.config import StoreSettings, load_store_settings

ENV_SECRET_KEY = "JN_SECRET_KEY"
MIN_SECRET = 32
PLACEHOLDERS = frozenset({"changethis", "changeme", "secret", "rahasia", "ganti", "gantiini", "default",
                          "password", "jaganetral", "development", "dev"})


class SettingsError(ValueError):
    """Settings that must not be used; the message (Bahasa Indonesia) says how to fix them."""


def check_secret(secret: str, demo: bool) -> None:
    if demo:
        return
    key = secret.strip()
    if not key:
        raise SettingsError(f"{ENV_SECRET_KEY} belum diisi: buat kunci rahasia acak, misalnya dengan "
                            "`python -c 'import secrets; print(secrets.token_urlsafe(48))'`")
    if key.lower() in PLACEHOLDERS or len(set(key)) < 8:
        raise SettingsError(f"{ENV_SECRET_KEY} masih berisi nilai bawaan/contoh; ganti dengan kunci rahasia acak")
    if len(key) < MIN_SECRET:
        raise SettingsError(f"{ENV_SECRET_KEY} terlalu pendek ({len(key)} karakter); "
                            f"paling sedikit {MIN_SECRET} karakter acak")


@dataclass(frozen=True)
class WebSettings:
    secret_key: str
    store: StoreSettings
    demo: bool = False
    cookie_secure: bool = False
    session_max_age: int = 8 * 3600
    login_max_failures: int = 5
    login_window: int = 15 * 60
    cookie_name: str = "jn_sesi"
    max_upload: int = 512 * 1024 * 1024
    upload_dir: Path | None = field(default=None)  # where uploaded exports wait (default: <data_dir>/unggahan)

    def __post_init__(self) -> None:
        check_secret(self.secret_key, self.demo)
        if self.session_max_age < 60:
            raise SettingsError("masa berlaku sesi terlalu pendek (paling sedikit 60 detik)")
        if self.login_max_failures < 1 or self.login_window < 1:
            raise SettingsError("batas percobaan masuk harus bilangan positif")

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    @property
    def uploads(self) -> Path:
        return self.upload_dir or self.store.data_dir / "unggahan"

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ, *, demo: bool = False, data_dir: str | Path | None = None,
                 database_url: str | None = None) -> WebSettings:
        """Settings from the environment (arguments win); refuses a missing or weak secret unless demo."""
        secret = env.get(ENV_SECRET_KEY, "")
        if demo and not secret:
            secret = secrets.token_urlsafe(48)
        return cls(
            secret_key=secret,
            store=load_store_settings(database_url=database_url, data_dir=data_dir, env=env),
            demo=demo,
            cookie_secure=_flag(env.get("JN_COOKIE_SECURE", "")),
            session_max_age=_int(env, "JN_SESSION_MAX_AGE", 8 * 3600),
            login_max_failures=_int(env, "JN_LOGIN_MAX_FAILURES", 5),
            login_window=_int(env, "JN_LOGIN_WINDOW", 15 * 60),
        )


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "ya", "yes", "on")


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} harus bilangan bulat, bukan {raw!r}") from None
