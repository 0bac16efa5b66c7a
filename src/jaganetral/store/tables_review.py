"""Review tables: users and their agencies, finding triage, cases, case events and documents, audit.

They share :data:`jaganetral.store.tables.metadata`; :mod:`jaganetral.store.schema` imports both
modules so that the metadata is complete (the migrations and the schema test use that).

* ``users``: local accounts (argon2 hash), one role each; ``user_agencies`` scopes a pimpinan.
* ``finding_reviews``: a person's triage of a finding (``ditolak`` with a reason, or ``kasus``).
* ``cases``: what people manage; ``state`` follows :mod:`jaganetral.knowledge.procedure`;
  ``due_on`` is the deadline of the current step (a date, counted in working days where the step says so).
* ``case_events``: the timeline of a case (every step, note and document, with who and when).
* ``case_documents``: files attached to a case (the bytes live in the evidence vault).
* ``audit_events``: the hash chain; ``audit_head`` holds the chain's last hash in one row that
  every appender locks, so two transactions can never fork the chain.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from jaganetral.store.tables import BigId, metadata
from jaganetral.store.types import JsonText, UtcDateTime

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(60), nullable=False, unique=True),
    Column("full_name", String(300), nullable=False),
    Column("role", String(20), nullable=False),  # admin, pengawas, verifikator, pimpinan, auditor
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_login_at", UtcDateTime),
)

user_agencies = Table(
    "user_agencies", metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("agency_id", ForeignKey("agencies.id"), primary_key=True),
)

finding_reviews = Table(
    "finding_reviews", metadata,
    Column("finding_id", BigId, ForeignKey("findings.id"), primary_key=True),
    Column("decision", String(12), nullable=False),  # ditolak, kasus
    Column("reason", Text),  # required when ditolak
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("decided_at", UtcDateTime, nullable=False),
)

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(40), nullable=False, unique=True),  # e.g. JN-2026-000123
    Column("finding_id", BigId, ForeignKey("findings.id"), nullable=False, unique=True),
    Column("employee_id", ForeignKey("employees.id"), index=True),  # None: account not linked yet
    Column("agency_id", ForeignKey("agencies.id"), index=True),  # the employee's agency when opened
    Column("state", String(20), nullable=False, index=True),
    Column("violation", String(10)),  # as confirmed by a person (starts as the finding's)
    Column("sanction", String(40)),  # proposed in rekomendasi
    Column("ppk_decision", Text),  # recorded at tindak lanjut
    Column("stop_reason", Text),  # when dihentikan
    Column("opened_by", ForeignKey("users.id"), nullable=False),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("state_since", UtcDateTime, nullable=False),
    Column("due_on", Date),  # deadline of the current step; None: no deadline
    Column("updated_at", UtcDateTime, nullable=False),
)

case_events = Table(
    "case_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id"), nullable=False, index=True),
    Column("at", UtcDateTime, nullable=False),
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("action", String(30), nullable=False),  # buka, pindah, catatan, dokumen, hentikan
    Column("from_state", String(20)),
    Column("to_state", String(20)),
    Column("note", Text),
    Column("data", JsonText),
)

case_documents = Table(
    "case_documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("case_id", ForeignKey("cases.id"), nullable=False, index=True),
    Column("sha256", ForeignKey("vault_objects.sha256"), nullable=False),
    Column("filename", String(300), nullable=False),
    Column("content_type", String(100)),
    Column("kind", String(30), nullable=False),  # klarifikasi, bukti, surat, lainnya
    Column("user_id", ForeignKey("users.id"), nullable=False),
    Column("uploaded_at", UtcDateTime, nullable=False),
)

audit_events = Table(
    "audit_events", metadata,
    Column("id", BigId, primary_key=True),  # the chain's order
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(60), nullable=False),  # username, or "sistem"
    Column("action", String(40), nullable=False),  # e.g. kasus.lihat, kasus.pindah, temuan.tolak
    Column("object_type", String(30), nullable=False),
    Column("object_id", String(60), nullable=False),
    Column("details", JsonText, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("hash", name="uq_audit_events_hash"),
)
Index("ix_audit_events_object", audit_events.c.object_type, audit_events.c.object_id)

audit_head = Table(
    "audit_head", metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("last_id", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
)
