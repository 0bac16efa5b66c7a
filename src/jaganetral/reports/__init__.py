"""Reports: pure renderers from data to bytes (no database, no clock, no settings).

``render_case_pdf`` (one case), ``render_recap_pdf`` and ``render_recap_xlsx`` (a recap over a
period). The service layer builds the input records of ``jaganetral.reports.model``.
"""

from __future__ import annotations

from .case_pdf import render_case_pdf
from .model import CaseReportData, RecapData
from .recap_pdf import render_recap_pdf
from .recap_xlsx import render_recap_xlsx

__all__ = ["CaseReportData", "RecapData", "render_case_pdf", "render_recap_pdf", "render_recap_xlsx"]
