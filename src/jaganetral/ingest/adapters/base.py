"""The adapter contract: one module per export format, sniffed automatically.

An adapter says whether it can read a file (``sniff``, from its name and first bytes) and then
yields records from it (``read``): RawActivity, Ignored or Quarantined. It never raises for one
bad record (that record is quarantined); it raises ``UnreadableInput`` only when the file as a
whole cannot be read, with a message that names the file and the position.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar

from jaganetral.ingest.model import Provenance, Record
from jaganetral.ingest.sources import SourceFile


class Adapter(ABC):
    name: ClassVar[str]  # e.g. "whatsapp_txt"
    platform: ClassVar[str]  # e.g. "whatsapp"

    @abstractmethod
    def sniff(self, source: SourceFile, head: bytes) -> bool:
        """True when this adapter reads this file."""

    @abstractmethod
    def read(self, source: SourceFile, sha256: str) -> Iterator[Record]:
        """Records of the file; ``sha256`` is the file's digest, for provenance."""

    @staticmethod
    def where(source: SourceFile, sha256: str, locator: str) -> Provenance:
        return Provenance(sha256, source.path or source.name, locator)
