"""Importing exports: every file kept in the vault, every record stored once, new activities judged.

``import_paths`` streams: records go to the database in batches of ``batch_size``, each batch in
its own transaction, so memory stays flat on a multi-gigabyte export and a killed run can simply
be run again. A child process reads (parses, computes dedup keys, builds the rows) one batch ahead
while a batch is stored (``readahead``: one reader process per run, forked at its first file).
A file that turns out unreadable half-way contributes nothing (what this run stored from it is
removed) and its error names the position; the other files are imported.
"""

from __future__ import annotations

import copy
import datetime as dt
import getpass
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jaganetral.detect.engine import Detector
from jaganetral.detect.model import ACTIVITY_KINDS, WIB
from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.model import (
    AccountRef,
    Ignored,
    OwnerIdentity,
    Quarantined,
    RawActivity,
    Record,
    UnreadableInput,
)
from jaganetral.ingest.nip import InvalidNip, parse_nip
from jaganetral.ingest.registry import default_adapters
from jaganetral.ingest.sniff import pick
from jaganetral.ingest.sources import SourceFile, iter_sources
from jaganetral.service.import_batch import Accounts, Row, Tally, activity_row, store_batch
from jaganetral.service.readahead import Reader
from jaganetral.service.store import Store, now
from jaganetral.store import activity_repo, import_repo, registry_repo
from jaganetral.store.vault import StoredObject, record_capture, record_member, record_object

BATCH = 5000


class ImportInputError(Exception):
    """Nothing can be imported (a path is missing, an owner is unknown, no file is readable)."""


@dataclass
class ImportOptions:
    owner: str | None = None  # NIP or staff number of the employee who owns the export(s)
    scan: bool = True
    batch_size: int = BATCH
    actor: str = field(default_factory=getpass.getuser)


@dataclass
class ImportReport:
    import_id: int
    tally: Tally
    errors: list[str] = field(default_factory=list)  # files that could not be read at all
    warnings: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)  # files no adapter reads (media, html, …)

    def to_json(self) -> dict[str, Any]:
        """Exactly the contract's object."""
        t = self.tally
        return {
            "files": t.files,
            "activities": {kind: t.activities.get(kind, 0) for kind in ACTIVITY_KINDS},
            "duplicates": t.duplicates,
            "ignored": t.ignored,
            "quarantined": t.quarantined,
            "findings": t.findings,
        }


Progress = Callable[[str, Tally], None]


def import_paths(store: Store, paths: Sequence[str | Path], options: ImportOptions,
                 detector: Detector | None, progress: Progress | None = None,
                 adapters: Sequence[Adapter] | None = None) -> ImportReport:
    """Import files, folders and zips. Raises ImportInputError before storing anything when a path
    is missing or --account-of is not a plausible NIP."""
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise ImportInputError("berkas atau folder tidak ditemukan: " + ", ".join(missing))
    owner_id, pending, warnings = _owner(store, options.owner)
    with store.transaction() as conn:
        import_id = import_repo.start_import(conn, now(), options.actor, owner_id, {
            "paths": [str(p) for p in paths], "scan": options.scan, "owner": options.owner})
    run = _Run(store, import_id, options, detector, Accounts(owner_id, pending), list(adapters or default_adapters()),
               progress)
    report = ImportReport(import_id, run.tally, warnings=warnings)
    try:
        with run.reader:
            for path in paths:
                run.import_path(Path(path), report)
    except BaseException:
        with store.transaction() as conn:
            import_repo.finish_import(conn, import_id, now(), "gagal", report.to_json())
        raise
    status = "selesai" if not report.errors else "sebagian"
    with store.transaction() as conn:
        import_repo.finish_import(conn, import_id, now(), status, dict(report.to_json(), errors=report.errors))
    if run.tally.files == 0 and not report.errors:
        raise ImportInputError("tidak ada berkas ekspor yang dikenali di: " + ", ".join(str(p) for p in paths)
                               + _unrecognised_hint(report.unrecognised))
    return report


def _owner(store: Store, identifier: str | None) -> tuple[int | None, str | None, list[str]]:
    """The export owner's employee id; or, for a plausible NIP (or a staff number) not registered yet,
    the identifier to keep on a pending owner account that registering the employee will link."""
    if not identifier:
        return None, None, []
    identifier = identifier.strip()
    with store.read() as conn:
        emp = registry_repo.employee_by_identifier(conn, identifier)
    if emp is not None:
        return int(emp["id"]), None, []
    digits = identifier.replace(" ", "").replace(".", "")
    if digits.isdigit():
        try:
            identifier = parse_nip(digits, today_in_indonesia()).value
        except InvalidNip as exc:
            raise ImportInputError(f"--account-of {identifier}: {exc}") from exc
    return None, identifier, [
        f"pegawai {identifier} belum ada di registri: aktivitas pemilik ekspor disimpan pada akun yang belum "
        "tertaut dan akan tertaut otomatis saat daftar pegawai yang memuatnya diimpor"]


def today_in_indonesia() -> dt.date:
    return now().astimezone(WIB).date()


def _unrecognised_hint(names: list[str]) -> str:
    if not names:
        return ""
    shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
    return f" (berkas yang tidak dikenali: {shown})"


@dataclass
class _Run:
    store: Store
    import_id: int
    options: ImportOptions
    detector: Detector | None
    accounts: Accounts
    adapters: list[Adapter]
    progress: Progress | None
    tally: Tally = field(default_factory=Tally)
    stored: dict[Path, StoredObject] = field(default_factory=dict)  # physical files put in the vault this run
    reader: Reader[tuple[int, SourceFile, str], _Batch] = field(init=False)

    def __post_init__(self) -> None:
        adapters, size = self.adapters, self.options.batch_size

        def batches(job: tuple[int, SourceFile, str]) -> Iterator[_Batch]:  # runs in the reader process
            adapter, source, sha = job
            return _batches(adapters[adapter].read(source, sha), size)

        self.reader = Reader(batches)

    def import_path(self, path: Path, report: ImportReport) -> None:
        for source in iter_sources(path):
            physical = _physical(source)
            obj = self.keep(physical, path)
            adapter = pick(source, self.adapters)
            if adapter is None:
                report.unrecognised.append(source.path or source.name)
                continue
            if source.member is not None:
                sha = source.sha256()
                with self.store.transaction() as conn:
                    record_member(conn, obj.sha256, source.member, sha)
            else:
                sha = obj.sha256
            self.tally.files += 1
            before = copy.deepcopy(self.tally)
            try:
                self.read_file(adapter, source, sha)
            except UnreadableInput as exc:
                with self.store.transaction() as conn:
                    activity_repo.forget_file(conn, self.import_id, sha)
                self.tally.__dict__.update(before.__dict__)
                report.tally = self.tally
                name = source.path or source.name
                message = str(exc)
                report.errors.append(message if name in message else f"{name}: {message}")

    def keep(self, physical: Path, given: Path) -> StoredObject:
        """Put a delivered file in the vault once per run and record who delivered it when."""
        obj = self.stored.get(physical)
        if obj is None:
            obj = self.store.vault.put_file(physical)
            self.stored[physical] = obj
            stamp = now()
            with self.store.transaction() as conn:
                record_object(conn, obj, stamp)
                record_capture(conn, self.import_id, obj.sha256, str(physical), stamp, None)
        return obj

    def read_file(self, adapter: Adapter, source: SourceFile, sha: str) -> None:
        """Store what ``adapter`` reads, batch by batch; the reading runs one batch ahead in a child process."""
        tally = self.tally
        for batch in self.reader.run((self.adapters.index(adapter), source, sha)):
            tally.ignored += sum(batch.ignored.values())
            tally.ignored_by.update(batch.ignored)
            tally.quarantined += len(batch.quarantined)
            self.flush(batch, source)

    def flush(self, batch: _Batch, source: SourceFile) -> None:
        if not batch.rows and not batch.quarantined and batch.owner is None:
            return
        stamp: dt.datetime = now()
        detector = self.detector if self.options.scan else None
        self.accounts.at(str(source.container), source.path)
        with self.store.transaction() as conn:
            if batch.owner is not None:
                self.accounts.identify(conn, batch.owner, stamp)
            store_batch(conn, self.import_id, batch.rows, batch.accounts, batch.quarantined, self.accounts,
                        self.tally, stamp, detector)
        if self.progress is not None:
            self.progress(source.path or source.name, self.tally)


@dataclass
class _Batch:
    """Up to a batch of activities (as rows, see ``activity_row``) and the records read along with them."""

    rows: list[Row] = field(default_factory=list)
    accounts: list[AccountRef | None] = field(default_factory=list)  # each row's acting account
    quarantined: list[Quarantined] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)
    owner: OwnerIdentity | None = None  # the export's owner, as its own profile names them


def _batches(records: Iterator[Record], size: int) -> Iterator[_Batch]:
    """Group what an adapter yields; the last batch (maybe empty) comes at the end of the file."""
    batch = _Batch()
    for rec in records:
        if isinstance(rec, RawActivity):
            batch.rows.append(activity_row(rec))
            batch.accounts.append(rec.account)
            if len(batch.rows) >= size:
                yield batch
                batch = _Batch()
        elif isinstance(rec, Ignored):
            batch.ignored[rec.category] += 1
        elif isinstance(rec, OwnerIdentity):  # not an activity: remembered (and counted, when it is a record)
            if rec.category is not None:
                batch.ignored[rec.category] += 1
            batch.owner = rec
        else:
            batch.quarantined.append(rec)
    yield batch


def _physical(source: SourceFile) -> Path:
    """The file on disk that holds ``source`` (the zip for a member)."""
    if source.member is not None:
        return source.container
    return source.container / source.path if source.path else source.container
