"""When two records are the same activity: the deduplication key.

Two exports of the same account that overlap in time yield the same records with different
provenance, so the key is built from what the activity is, never from where it was read:
platform, kind, the acting account (the export's owner counts as one account, whoever it is),
time, text, targets and the platform's own id. A record repeated inside one file has one key.
"""

from __future__ import annotations

import datetime as dt
from hashlib import blake2b

from jaganetral.ingest.model import RawActivity
from jaganetral.store.registry_repo import account_key

OWNER = "owner"
SEP = "\x1f"


def actor_key(raw: RawActivity) -> str:
    if raw.account is None:
        return OWNER
    a = raw.account
    return account_key(a.handle, a.numeric_id, a.name)


def key_text(raw: RawActivity) -> str:
    """What the key is a digest of: the activity's parts, joined."""
    created = raw.created_at
    if created is None:
        when = ""
    elif created.tzinfo is dt.UTC:  # what adapters give (model.utc): already the UTC form
        when = created.isoformat()
    else:
        when = created.astimezone(dt.UTC).isoformat()
    actor = OWNER if raw.account is None else actor_key(raw)
    parts = (raw.platform, raw.kind, actor, when, raw.text, raw.target_text or "",
             raw.target_account or "", raw.target_group or "", raw.native_id or "")
    return SEP.join(parts)


def key_digest(text: str) -> bytes:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def activity_key(raw: RawActivity) -> str:
    """32 hex characters (128 bits of BLAKE2b) naming the activity."""
    return key_digest(key_text(raw)).hex()
