"""Property test: whatever unicode a post holds, and wherever its spans point, the case PDF renders
and the post's text (as the font can draw it) is in the output."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_samples import body_text, case_data, squash

from jaganetral.reports import render_case_pdf
from jaganetral.reports.model import Employee, EvidenceSpan
from jaganetral.reports.pdfkit import drawable

offsets = st.integers(min_value=-5, max_value=600)


@st.composite
def posts(draw: st.DrawFn) -> tuple[str, tuple[EvidenceSpan, ...]]:
    text = draw(st.text(max_size=400))
    spans = []
    for start, end, label in draw(st.lists(st.tuples(offsets, offsets, st.text(max_size=20)), max_size=5)):
        spans.append(EvidenceSpan(start, end, text[max(start, 0):max(end, 0)], label))
    return text, tuple(spans)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(post=posts(), name=st.text(max_size=60))
def test_any_text_renders_and_is_found(post: tuple[str, tuple[EvidenceSpan, ...]], name: str) -> None:
    text, spans = post
    pdf = render_case_pdf(case_data(text=text, spans=spans, employee=Employee(name=name)))
    assert pdf.startswith(b"%PDF-")
    body = squash(body_text(pdf))
    assert squash(drawable(text)) in body
    assert squash(drawable(name)) in body
