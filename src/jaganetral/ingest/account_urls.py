"""Social-media accounts as a roster declares them: handles, "@handles", profile URLs, phone numbers.

Each is normalised to (platform, handle, numeric_id, profile_url). ``handle`` keeps its case, without
"@"; ``profile_url`` is rebuilt in one canonical form, whatever the URL given (m., web., query strings,
a post's URL). A WhatsApp account is its phone number: international digits without "+" ("62812…") in
``numeric_id``, no handle. Links that do not name an account (share links, groups, posts without
author, invitations, short links) are refused: they would need a web request to resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlsplit

Platform = Literal["facebook", "instagram", "x", "tiktok", "whatsapp", "telegram"]
PLATFORMS: tuple[Platform, ...] = ("facebook", "instagram", "x", "tiktok", "whatsapp", "telegram")
LABELS: dict[Platform, str] = {
    "facebook": "Facebook", "instagram": "Instagram", "x": "X", "tiktok": "TikTok", "whatsapp": "WhatsApp",
    "telegram": "Telegram",
}
# Cell contents that mean "nothing": the cell (or one of its items) is treated as empty.
BLANKS = frozenset({"", "-", "--", "—", "–", "0", "tidak ada", "tidak punya", "belum ada", "nihil", "kosong",
                    "none", "n/a", "na", "null", "tidak", "tdk ada"})

_HANDLE: dict[Platform, re.Pattern[str]] = {
    "facebook": re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"),
    "instagram": re.compile(r"^[A-Za-z0-9._]{1,30}$"),
    "x": re.compile(r"^[A-Za-z0-9_]{1,20}$"),
    "tiktok": re.compile(r"^[A-Za-z0-9._]{2,24}$"),
    "telegram": re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$"),
}
_HOSTS: dict[str, Platform] = {
    "facebook.com": "facebook", "fb.com": "facebook", "instagram.com": "instagram", "instagr.am": "instagram",
    "x.com": "x", "twitter.com": "x", "tiktok.com": "tiktok", "t.me": "telegram", "telegram.me": "telegram",
    "telegram.dog": "telegram", "wa.me": "whatsapp", "whatsapp.com": "whatsapp",
}
_SUBDOMAINS = ("www.", "m.", "web.", "mbasic.", "touch.", "mobile.", "api.", "business.", "id-id.")
_SHORT_HOSTS = {"vm.tiktok.com", "vt.tiktok.com", "fb.me", "fb.watch", "t.co"}
# First path segments that are not an account.
_NOT_ACCOUNTS: dict[Platform, frozenset[str]] = {
    "facebook": frozenset({"groups", "share", "sharer", "sharer.php", "story.php", "permalink.php", "watch",
                           "events", "photo", "photo.php", "photos", "login", "login.php", "home.php", "hashtag",
                           "marketplace", "gaming", "reel", "stories", "messages", "friends", "settings", "search",
                           "notifications", "help", "policies", "privacy", "video.php", "l.php", "dialog"}),
    "instagram": frozenset({"p", "reel", "reels", "tv", "explore", "accounts", "direct", "about", "developer",
                            "legal", "s", "web", "challenge"}),
    "x": frozenset({"home", "search", "explore", "notifications", "messages", "settings", "hashtag", "share",
                    "compose", "login", "signup", "tos", "privacy", "i", "intent", "status"}),
    "tiktok": frozenset(),
    "telegram": frozenset({"share", "addstickers", "addemoji", "proxy", "socks", "iv", "joinchat", "c", "addlist"}),
}
_SEPARATORS = re.compile(r"[;,\n\r]+")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)+/)", re.IGNORECASE)
_PHONE_NOISE = re.compile(r"[\s().\-/]")


class InvalidAccount(ValueError):
    """The text is not an account of the platform; the message (Bahasa Indonesia) says why."""


@dataclass(frozen=True, slots=True)
class DeclaredAccount:
    """An account declared for an employee, normalised; ``handle`` or ``numeric_id`` (or both) is set."""

    platform: Platform
    handle: str | None
    numeric_id: str | None
    profile_url: str


def is_blank(text: str) -> bool:
    """True for "", "-", "tidak ada", … (a cell that holds nothing)."""
    return " ".join(text.split()).casefold() in BLANKS


def parse_accounts(platform: Platform, cell: str) -> tuple[DeclaredAccount, ...]:
    """The accounts in one cell (separated by ";", "," or new lines), deduplicated, in order."""
    out: dict[tuple[str | None, str | None], DeclaredAccount] = {}
    for piece in _SEPARATORS.split(cell):
        if is_blank(piece):
            continue
        account = parse_account(platform, piece)
        out.setdefault((account.handle.casefold() if account.handle else None, account.numeric_id), account)
    return tuple(out.values())


def parse_account(platform: Platform, text: str) -> DeclaredAccount:
    """One handle, "@handle", profile URL or (WhatsApp) phone number."""
    value = text.strip()
    if _URL.match(value):
        return _from_url(platform, value)
    if platform == "whatsapp":
        return _whatsapp(value)
    bare = value.removeprefix("@")
    if platform == "facebook" and bare.isascii() and bare.isdigit():
        return _account(platform, None, bare)
    if not _HANDLE[platform].match(bare):
        raise InvalidAccount(f"{value!r} bukan nama pengguna atau tautan profil {LABELS[platform]} yang sah")
    return _account(platform, bare, None)


def _account(platform: Platform, handle: str | None, numeric_id: str | None) -> DeclaredAccount:
    if platform == "whatsapp":
        url = f"https://wa.me/{numeric_id}"
    elif handle is None:
        url = {"facebook": f"https://www.facebook.com/profile.php?id={numeric_id}",
               "x": f"https://x.com/i/user/{numeric_id}"}[platform]
    else:
        url = {"facebook": f"https://www.facebook.com/{handle}", "instagram": f"https://www.instagram.com/{handle}/",
               "x": f"https://x.com/{handle}", "tiktok": f"https://www.tiktok.com/@{handle}",
               "telegram": f"https://t.me/{handle}"}[platform]
    return DeclaredAccount(platform, handle, numeric_id, url)


def _host(netloc: str) -> str:
    host = netloc.rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")
    for prefix in _SUBDOMAINS:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix):]
    return host


def _from_url(platform: Platform, url: str) -> DeclaredAccount:
    parts = urlsplit(url if "://" in url else f"https://{url}")
    label = LABELS[platform]
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidAccount(f"{url!r} bukan tautan web (http/https)")
    full_host = parts.netloc.lower()
    segments = [s for s in parts.path.split("/") if s]
    if full_host in _SHORT_HOSTS or (full_host.endswith("tiktok.com") and segments[:1] == ["t"]):
        raise InvalidAccount(f"{url!r} adalah tautan pendek: buka tautannya lalu salin alamat profil {label}")
    host = _host(parts.netloc)
    found = _HOSTS.get(host)
    if found is None:
        raise InvalidAccount(f"{url!r} bukan tautan {label}")
    if found != platform:
        raise InvalidAccount(f"{url!r} adalah tautan {LABELS[found]}, bukan {label}")
    query = parse_qs(parts.query)
    first = segments[0] if segments else ""
    if (platform == "facebook" and first in ("share", "sharer", "sharer.php")) or (
            platform == "telegram" and (first.startswith("+") or first == "joinchat")):
        raise InvalidAccount(f"{url!r} adalah tautan bagikan atau undangan, bukan profil: buka tautannya lalu "
                             f"salin alamat profil {label}")
    not_profile = InvalidAccount(f"{url!r} bukan tautan profil {label}: salin alamat halaman profilnya")
    if platform == "whatsapp":
        phone = query.get("phone", [""])[0] if first in ("send", "") else first
        if not phone or first == "message":
            raise not_profile
        return _whatsapp(phone)
    if platform == "facebook":
        if first == "profile.php":
            ident = query.get("id", [""])[0]
            if not ident.isascii() or not ident.isdigit():
                raise not_profile
            return _account(platform, None, ident)
        if first in ("people", "pages") and len(segments) >= 3 and segments[2].isdigit():
            return _account(platform, None, segments[2])
        if first.isdigit():
            return _account(platform, None, first)
    if platform == "x" and first == "i" and len(segments) >= 3 and segments[1] == "user" and segments[2].isdigit():
        return _account(platform, None, segments[2])
    if platform == "x" and first == "intent":
        ids, names = query.get("user_id", []), query.get("screen_name", [])
        if ids and ids[0].isdigit():
            return _account(platform, None, ids[0])
        first = names[0] if names else ""
    if platform == "instagram" and first == "stories" and len(segments) >= 2:
        first = segments[1]
    if platform == "telegram" and first == "s" and len(segments) >= 2:
        first = segments[1]
    if platform == "tiktok":
        if not first.startswith("@"):
            raise not_profile
        first = first[1:]
    if not first or first.lower() in _NOT_ACCOUNTS[platform] or not _HANDLE[platform].match(first):
        raise not_profile
    return _account(platform, first, None)


def _whatsapp(text: str) -> DeclaredAccount:
    raw = _PHONE_NOISE.sub("", text)
    if raw.startswith("+"):
        digits = raw[1:]
    elif raw.startswith("00"):
        digits = raw[2:]
    elif raw.startswith("0"):
        digits = "62" + raw[1:]
    elif raw.startswith("8"):  # Excel dropped the leading 0 of "0812…"
        digits = "62" + raw
    else:
        digits = raw
    if not (digits.isascii() and digits.isdigit()) or not 9 <= len(digits) <= 15 or digits.startswith("0"):
        raise InvalidAccount(f"{text!r} bukan nomor WhatsApp yang sah")
    return _account("whatsapp", None, digits)
