"""Web settings refuse a missing, placeholder or short secret (except in demo mode)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jaganetral.config import StoreSettings
from jaganetral.web.settings import SettingsError, WebSettings

GOOD = "Zq3v9Lm2Xw8Rt5Yp1Kd7Hs4Nf6Bg0Cj-aE_uI"


@pytest.mark.parametrize(("secret", "words"), [
    ("", "belum diisi"),
    ("changethis", "nilai bawaan"),
    ("rahasia", "nilai bawaan"),
    ("a" * 40, "nilai bawaan"),
    ("pendek-tapi-acak-9x", "terlalu pendek"),
])
def test_weak_secrets_are_refused_with_an_indonesian_reason(secret: str, words: str) -> None:
    with pytest.raises(SettingsError, match=words) as caught:
        WebSettings(secret_key=secret, store=StoreSettings(data_dir=Path("/tmp/x")))
    assert "JN_SECRET_KEY" in str(caught.value)


def test_a_strong_secret_is_accepted_and_settings_are_frozen() -> None:
    s = WebSettings(secret_key=GOOD, store=StoreSettings(data_dir=Path("/tmp/x")))
    with pytest.raises(AttributeError):
        s.secret_key = "lain"  # type: ignore[misc]


def test_from_env_needs_the_secret_unless_demo(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="belum diisi"):
        WebSettings.from_env({"JN_DATA_DIR": str(tmp_path)})
    demo = WebSettings.from_env({}, demo=True, data_dir=tmp_path)
    assert demo.demo and len(demo.secret_key) >= 32
    assert WebSettings.from_env({}, demo=True, data_dir=tmp_path).secret_key != demo.secret_key


def test_from_env_reads_the_other_variables(tmp_path: Path) -> None:
    s = WebSettings.from_env({"JN_SECRET_KEY": GOOD, "JN_DATA_DIR": str(tmp_path), "JN_COOKIE_SECURE": "1",
                              "JN_SESSION_MAX_AGE": "3600", "JN_LOGIN_MAX_FAILURES": "3",
                              "JN_DATABASE_URL": "postgresql://127.0.0.1/jn"})
    assert (s.cookie_secure, s.session_max_age, s.login_max_failures) == (True, 3600, 3)
    assert s.data_dir == tmp_path and s.store.database_url == "postgresql://127.0.0.1/jn"
    with pytest.raises(SettingsError, match="bilangan bulat"):
        WebSettings.from_env({"JN_SECRET_KEY": GOOD, "JN_SESSION_MAX_AGE": "satu jam"})


def test_building_the_app_does_nothing_at_import() -> None:
    import jaganetral.web.app as app_module

    assert not hasattr(app_module, "app")
