"""The tables. Alembic migrations under ``migrations/`` create exactly these (a test compares them).

Registry: agencies, employees, accounts, relatives. Evidence: vault_objects (files by SHA-256),
vault_members (files inside a stored archive), captures (who delivered which file when).
Imports: imports, activities, quarantine. Judgements: findings, rescans.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from jaganetral.store.types import JsonText, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)
# SQLite only makes INTEGER PRIMARY KEY an alias of the rowid; PostgreSQL gets a 64-bit key.
BigId = BigInteger().with_variant(Integer(), "sqlite")

agencies = Table(
    "agencies", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), unique=True),
    Column("name", String(300), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
)

employees = Table(
    "employees", metadata,
    Column("id", Integer, primary_key=True),
    Column("nip", String(18), unique=True),  # PNS and PPPK
    Column("staff_number", String(60), unique=True),  # honorer (and optional for ASN)
    Column("name", String(300), nullable=False),
    Column("status", String(10), nullable=False),  # PNS, PPPK, honorer
    Column("position", String(300)),
    Column("agency_id", ForeignKey("agencies.id"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
)

accounts = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True),
    Column("platform", String(30), nullable=False),
    Column("key", Text, nullable=False),  # platform's best identity: id:…, h:…, n:…
    Column("handle", Text),
    Column("numeric_id", String(60)),
    Column("display_name", Text),
    Column("profile_url", Text),
    Column("employee_id", ForeignKey("employees.id"), index=True),  # None: not linked yet
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("platform", "key", name="uq_accounts_platform_key"),
)

relatives = Table(
    "relatives", metadata,
    Column("id", Integer, primary_key=True),
    Column("employee_id", ForeignKey("employees.id"), nullable=False, index=True),
    Column("name", String(300), nullable=False),
    Column("relation", String(100)),
    Column("created_at", UtcDateTime, nullable=False),
    UniqueConstraint("employee_id", "name", name="uq_relatives_employee_name"),
)

vault_objects = Table(
    "vault_objects", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("stored_path", String(200), nullable=False),  # relative to the vault root
    Column("stored_at", UtcDateTime, nullable=False),
)

vault_members = Table(
    "vault_members", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, index=True),  # the member's own bytes
    Column("container_sha256", ForeignKey("vault_objects.sha256"), nullable=False),
    Column("member", String(1000), nullable=False),
    UniqueConstraint("container_sha256", "member", name="uq_vault_members_container_member"),
)

imports = Table(
    "imports", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime),
    Column("status", String(20), nullable=False),  # berjalan, selesai, gagal (a killed run stays berjalan)
    Column("actor", String(200), nullable=False),
    Column("owner_employee_id", ForeignKey("employees.id")),  # --account-of
    Column("options", JsonText, nullable=False),
    Column("counts", JsonText),
)

captures = Table(
    "captures", metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", ForeignKey("imports.id"), nullable=False, index=True),
    Column("sha256", ForeignKey("vault_objects.sha256"), nullable=False, index=True),
    Column("original_path", Text, nullable=False),  # as given on the command line
    Column("captured_at", UtcDateTime, nullable=False),
    Column("adapter", String(60)),  # None when a folder/zip: see its members' adapters
)

activities = Table(
    "activities", metadata,
    Column("id", BigId, primary_key=True),
    Column("key", String(32), nullable=False),  # dedup key (see service.dedup); not indexed: see key64
    # The key's first 64 bits as a signed integer (activity_repo.key64), indexed (not unique): an index of
    # 8-byte integers stays small enough for the page cache where one of 32-character texts did not, and
    # its random inserts dirty fewer pages. Lookups compare the full key, so a 64-bit collision is harmless.
    Column("key64", BigInteger, nullable=False, index=True),
    Column("platform", String(30), nullable=False),
    Column("kind", String(12), nullable=False),
    Column("account_id", ForeignKey("accounts.id")),  # None: owner of an unlinked export
    Column("created_at", UtcDateTime),
    Column("text", Text, nullable=False),
    Column("target_text", Text),
    Column("target_account", Text),
    Column("target_group", Text),
    Column("url", Text),
    Column("media", JsonText),
    Column("native_id", Text),
    Column("source_sha256", String(64), nullable=False),  # forget_file finds a file's rows by import_id
    Column("source_path", Text, nullable=False),
    Column("locator", Text, nullable=False),
    Column("import_id", ForeignKey("imports.id"), nullable=False, index=True),  # the run that stored it
    Column("seen_import", Integer, nullable=False),  # the last run that met it (counts a duplicate once per run)
    Column("judged_pack", String(64)),  # fingerprint of the packs last judged with; None: not scanned yet
)

quarantine = Table(
    "quarantine", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_sha256", String(64), nullable=False),
    Column("source_path", Text, nullable=False),
    Column("locator", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("excerpt", Text, nullable=False),
    Column("import_id", ForeignKey("imports.id"), nullable=False),
    UniqueConstraint("source_sha256", "locator", name="uq_quarantine_source_locator"),
)

findings = Table(
    "findings", metadata,
    Column("id", BigId, primary_key=True),
    Column("activity_id", ForeignKey("activities.id"), nullable=False, index=True),
    Column("current", Boolean, nullable=False),  # False once a rescan replaced it
    Column("score", Float, nullable=False),
    Column("violation", String(10)),
    Column("also", JsonText, nullable=False),
    Column("targets", JsonText, nullable=False),
    Column("stance", String(10)),
    Column("contest", String(100)),
    Column("stage", String(100)),
    Column("evidence", JsonText, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("detector_version", String(40), nullable=False),
    Column("pack_version", Text, nullable=False),
    Column("judged_at", UtcDateTime, nullable=False),
    Column("rescan_id", ForeignKey("rescans.id")),  # the rescan that made it (None: made on import)
    Column("replaces_id", BigId),  # the finding it replaced, when a rescan changed the judgement
    Column("retired_in", Integer),  # the rescan that retired it (changed or no longer flagged)
    # Copies of the activity's account, platform and time, so the review queue filters and counts
    # without visiting the activities table (written by import_batch.finding_row, kept by set_account).
    Column("activity_account_id", ForeignKey("accounts.id"), index=True),
    Column("activity_platform", String(30)),
    Column("activity_at", UtcDateTime),
)
Index("ix_accounts_platform_handle", accounts.c.platform, accounts.c.handle)
Index("ix_accounts_platform_numeric_id", accounts.c.platform, accounts.c.numeric_id)
Index("ix_findings_current_activity", findings.c.current, findings.c.activity_id)
# The review queue: current findings by score (read backwards for ORDER BY score DESC, id DESC, so a
# page stops after its rows instead of sorting every finding); partial, so retired ones cost nothing.
Index("ix_findings_queue", findings.c.score, findings.c.id,
      postgresql_where=findings.c.current.is_(True), sqlite_where=findings.c.current.is_(True))
# An account's activities; with the id in the index, the agency-scoped count (employees -> accounts
# -> activities -> findings) reads no activity rows (index-only scan).
Index("ix_activities_account_id_id", activities.c.account_id, activities.c.id)

rescans = Table(
    "rescans", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime),
    Column("actor", String(200), nullable=False),
    Column("pack_version", Text, nullable=False),
    Column("detector_version", String(40), nullable=False),
    Column("counts", JsonText),  # judged, new, removed, changed, unchanged
)
