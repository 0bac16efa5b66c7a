"""Which adapter reads a file: every registered adapter is asked, in order, from the file's name and head."""

from __future__ import annotations

from collections.abc import Sequence

from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.sources import SourceFile

HEAD = 8192


def pick(source: SourceFile, adapters: Sequence[Adapter]) -> Adapter | None:
    """The first adapter that recognises ``source``, or None (the file is then reported, not read)."""
    head = source.head(HEAD)
    for adapter in adapters:
        if adapter.sniff(source, head):
            return adapter
    return None
