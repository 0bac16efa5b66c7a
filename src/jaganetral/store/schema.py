"""The whole schema: every table module imported, so :data:`metadata` knows every table."""

from __future__ import annotations

from jaganetral.store import tables_review  # noqa: F401  (registers its tables)
from jaganetral.store.tables import metadata

__all__ = ["metadata"]
