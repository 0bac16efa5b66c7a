"""Who is asking: the viewer every review service takes, the roles, and the errors they raise.

Agency scoping is enforced in the queries (see :func:`agency_clause`): a pimpinan sees only the
findings and cases of their own agencies, whatever page or URL they open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, false, true

ROLES = ("admin", "pengawas", "verifikator", "pimpinan", "auditor")
ROLE_LABELS = {
    "admin": "Administrator",
    "pengawas": "Pengawas (analis)",
    "verifikator": "Verifikator",
    "pimpinan": "Pimpinan / PPK",
    "auditor": "Auditor",
}
TRIAGE_ROLES = frozenset({"admin", "pengawas", "verifikator"})  # dismiss a finding, open a case
AUDIT_ROLES = frozenset({"admin", "auditor"})


class AccessError(Exception):
    """Base of the errors a front end turns into a status (message in Bahasa Indonesia)."""


class Forbidden(AccessError):
    """The viewer may not see or do this (403)."""


class NotFound(AccessError):
    """No such thing (404)."""


class InvalidAction(AccessError):
    """The request is understood but not allowed in this state (400/409)."""


@dataclass(frozen=True)
class Viewer:
    user_id: int
    username: str
    role: str
    full_name: str = ""
    agency_ids: frozenset[int] | None = None  # None: every agency

    @property
    def scoped(self) -> bool:
        return self.agency_ids is not None

    def sees_agency(self, agency_id: int | None) -> bool:
        if self.agency_ids is None:
            return True
        return agency_id is not None and agency_id in self.agency_ids


def agency_clause(viewer: Viewer, column: Any) -> ColumnElement[bool]:
    """The WHERE condition that limits a query to the viewer's agencies."""
    if viewer.agency_ids is None:
        return true()
    if not viewer.agency_ids:
        return false()
    return column.in_(sorted(viewer.agency_ids))  # type: ignore[no-any-return]


def require_role(viewer: Viewer, roles: frozenset[str], what: str) -> None:
    if viewer.role not in roles:
        raise Forbidden(f"peran {ROLE_LABELS.get(viewer.role, viewer.role)} tidak boleh {what}")


def system_viewer() -> Viewer:
    """For jobs run from the command line (audited as "sistem")."""
    return Viewer(user_id=0, username="sistem", role="admin", full_name="Sistem")
