"""Imports started from the web page run in a background thread; the page polls their progress."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jaganetral.service.import_batch import Tally
from jaganetral.service.importing import ImportInputError, ImportOptions, ImportReport, import_paths
from jaganetral.service.scanning import Detector
from jaganetral.service.store import Store, now


@dataclass
class ImportJob:
    id: int
    actor: str
    files: list[str]
    started_at: dt.datetime
    status: str = "berjalan"  # berjalan, selesai, gagal
    current: str = ""
    activities: int = 0
    findings: int = 0
    files_done: int = 0
    report: ImportReport | None = None
    error: str | None = None
    finished_at: dt.datetime | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def running(self) -> bool:
        return self.status == "berjalan"


class ImportJobs:
    """The imports this process started (kept in memory; the import itself is in the database)."""

    def __init__(self, store: Store, detector: Callable[[], Detector], folder: Path) -> None:
        self.store, self.detector, self.folder = store, detector, folder
        self._jobs: dict[int, ImportJob] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def new_folder(self) -> Path:
        """A fresh folder for one upload's files (removed when its import ends)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="impor-", dir=self.folder))

    def start(self, actor: str, target: Path, owner: str | None) -> ImportJob:
        """Import every file in ``target`` in a background thread."""
        with self._lock:
            job = ImportJob(next(self._ids), actor, sorted(p.name[4:] for p in target.iterdir()), now())
            self._jobs[job.id] = job
        thread = threading.Thread(target=self._run, args=(job, target, owner), name=f"impor-{job.id}", daemon=True)
        thread.start()
        return job

    def _run(self, job: ImportJob, target: Path, owner: str | None) -> None:
        def progress(current: str, tally: Tally) -> None:
            with job.lock:
                job.current = current
                job.activities = sum(tally.activities.values())
                job.findings = tally.findings
                job.files_done = tally.files

        try:
            report = import_paths(self.store, [target], ImportOptions(owner=owner or None, actor=job.actor),
                                  self.detector(), progress)
        except ImportInputError as exc:
            self._finish(job, "gagal", None, str(exc))
        except Exception as exc:  # the page must show that it failed, whatever the reason
            self._finish(job, "gagal", None, f"impor gagal: {type(exc).__name__}: {exc}")
        else:
            self._finish(job, "selesai", report, None)
        finally:
            shutil.rmtree(target, ignore_errors=True)

    def _finish(self, job: ImportJob, status: str, report: ImportReport | None, error: str | None) -> None:
        with job.lock:
            job.status, job.report, job.error, job.finished_at = status, report, error, now()
            if report is not None:
                job.activities = sum(report.tally.activities.values())
                job.findings = report.tally.findings
                job.files_done = report.tally.files

    def get(self, job_id: int) -> ImportJob | None:
        return self._jobs.get(job_id)

    def recent(self) -> list[ImportJob]:
        return sorted(self._jobs.values(), key=lambda j: j.id, reverse=True)[:20]

    def wait(self, job_id: int, timeout: float = 60.0) -> None:
        """For tests and the demo: block until the job's thread is done."""
        for thread in threading.enumerate():
            if thread.name == f"impor-{job_id}":
                thread.join(timeout)
