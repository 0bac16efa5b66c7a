"""What both PDF reports share: the bundled font, safe paragraph markup, styles, tables, page numbers.

The font is Bitstream Vera, shipped inside the reportlab wheel (``reportlab/fonts``), so the
reports look the same on every machine. Characters the font cannot draw (emoji, most non-Latin
scripts) become ``?``; invisible format characters are dropped. Every user-supplied string goes
through ``markup`` (escaped, then ``\\n`` → ``<br/>``) before it reaches reportlab's paragraph
parser, so ``<b>``, ``&`` or ``<script>`` in a post is printed literally.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

FONT = "JNSans"
FONT_BOLD = "JNSans-Bold"
FONT_ITALIC = "JNSans-Italic"
FONT_BOLD_ITALIC = "JNSans-BoldItalic"
MONO = "Courier"  # standard PDF font: used only for hashes (hex digits)
_FACES = {FONT: "Vera.ttf", FONT_BOLD: "VeraBd.ttf", FONT_ITALIC: "VeraIt.ttf", FONT_BOLD_ITALIC: "VeraBI.ttf"}

MARGIN = 56.7  # 2 cm
GRID = colors.HexColor("#7F7F7F")
HEAD_BG = colors.HexColor("#D9E2F3")
LABEL_BG = colors.HexColor("#F2F2F2")
HIGHLIGHT = "#FFE58F"
REPLACEMENT = "?"
CELL_PAD = 4.0
NO_W = 26.0  # the "No" column


def content_width(pagesize: tuple[float, float]) -> float:
    """Usable width between the margins (the document frame pads 6 pt on each side)."""
    return pagesize[0] - 2 * MARGIN - 12


@functools.cache
def ensure_fonts() -> frozenset[int]:
    """Register the bundled Vera family once; return the code points every face can draw."""
    covered: set[int] | None = None
    for name, filename in _FACES.items():
        font = TTFont(name, filename)
        pdfmetrics.registerFont(font)
        cmap = {cp for cp in font.face.charToGlyph if 0x20 <= cp < 0xFFFE}
        covered = cmap if covered is None else covered & cmap
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    return frozenset(covered or ())


def drawable(text: str) -> str:
    """``text`` as the font can draw it: unknown glyphs → ``?``, odd spaces → `` ``, format chars dropped."""
    covered = ensure_fonts()
    out: list[str] = []
    for ch in text.replace("\r\n", "\n").replace("\r", "\n"):
        if ch == "\n":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        if category in ("Zs", "Zl", "Zp", "Cc"):
            out.append(" ")
        elif ord(ch) in covered and ch != "\u00ad":  # a soft hyphen would vanish when not at a line end
            out.append(ch)
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def markup(text: str | None) -> str:
    """Paragraph markup that prints ``text`` literally (escaped, line breaks kept)."""
    return escape(drawable(text or "")).replace("\n", "<br/>")


def ascii_markup(text: str) -> str:
    """For hashes in the monospaced standard font: anything outside printable ASCII → ``?``."""
    return escape("".join(ch if " " <= ch <= "~" else REPLACEMENT for ch in text))


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    ensure_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, splitLongWords=True)
    return {
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", body, fontSize=8.5, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", body, fontName=FONT_BOLD, fontSize=8.5, leading=11),
        "cell_right": ParagraphStyle("cell_right", body, fontSize=8.5, leading=11, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", body, fontName=FONT_BOLD, fontSize=8.5, leading=11, alignment=TA_CENTER),
        "mono": ParagraphStyle("mono", body, fontName=MONO, fontSize=7.5, leading=10),
        "kop1": ParagraphStyle("kop1", body, fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER),
        "kop2": ParagraphStyle("kop2", body, fontName=FONT_BOLD, fontSize=11, leading=14, alignment=TA_CENTER),
        "title": ParagraphStyle("title", body, fontName=FONT_BOLD, fontSize=12, leading=15, alignment=TA_CENTER,
                                spaceBefore=8),
        "center": ParagraphStyle("center", body, alignment=TA_CENTER),
        "section": ParagraphStyle("section", body, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=12,
                                  spaceAfter=5, keepWithNext=True),
        "sub": ParagraphStyle("sub", body, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=3, keepWithNext=True),
        "quote": ParagraphStyle("quote", body, borderColor=GRID, borderWidth=0.5, borderPadding=6,
                                backColor=colors.HexColor("#FAFAFA"), leftIndent=6, rightIndent=6, spaceBefore=6,
                                spaceAfter=10),
        "notice": ParagraphStyle("notice", body, fontName=FONT_BOLD, borderColor=colors.black, borderWidth=0.8,
                                 borderPadding=6, leftIndent=6, rightIndent=6, spaceBefore=8, spaceAfter=8),
    }


def para(text: str | None, style: str = "body") -> Paragraph:
    """A paragraph printing ``text`` literally."""
    return Paragraph(markup(text), styles()[style])


def raw(marked_up: str, style: str = "body") -> Paragraph:
    """A paragraph from markup this package built itself (user text already escaped)."""
    return Paragraph(marked_up, styles()[style])


def header_width(label: str, minimum: float = 0.0) -> float:
    """The narrowest column in which no word of the header ``label`` has to break."""
    ensure_fonts()
    style = styles()["head"]
    widest = max((pdfmetrics.stringWidth(w, style.fontName, style.fontSize) for w in drawable(label).split()),
                 default=0.0)
    return max(minimum, widest + 2 * CELL_PAD + 2)


Cell = str | Flowable | None


def _cell(value: Cell, style: str, bold: bool = False) -> Flowable:
    if isinstance(value, Flowable):
        return value
    text = markup("-" if value is None else value)
    return raw(f"<b>{text}</b>" if bold else text, style)


def grid_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float],
               *, right: Sequence[int] = (), bold_last: bool = False) -> Table:
    """A ruled table with a shaded header repeated on every page; rows may split across pages.

    ``right``: columns aligned right (numbers); ``bold_last``: the last row is a TOTAL row.
    """
    data: list[list[Flowable]] = [[para(h, "head") for h in header]]
    for i, row in enumerate(rows):
        bold = bold_last and i == len(rows) - 1
        data.append([_cell(v, "cell_right" if j in right else "cell", bold) for j, v in enumerate(row)])
    table = Table(data, colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
    ]
    if bold_last and rows:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), LABEL_BG))
    table.setStyle(TableStyle(commands))
    return table


def field_table(pairs: Sequence[tuple[str, Cell]], widths: Sequence[float]) -> Table:
    """Label / value rows (``Nama : Budi Contoh``), labels shaded."""
    data = [[para(label, "cell_bold"), _cell(value, "cell")] for label, value in pairs]
    table = Table(data, colWidths=list(widths), splitInRow=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


class _NumberedCanvas(Canvas):
    """Holds every page until the end so that each can say "Halaman X dari Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self._width = float(kwargs.get("pagesize", A4)[0])

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset (the stubs omit it)

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(colors.black)
            self.drawRightString(self._width - MARGIN, MARGIN / 2, f"Halaman {number} dari {total}")
            super().showPage()
        super().save()


PageHook = Callable[[Canvas, Any], None]


def build_pdf(story: list[Flowable], *, pagesize: tuple[float, float], title: str, subject: str,
              on_page: PageHook, top: float = MARGIN, bottom: float = MARGIN) -> bytes:
    """Lay out ``story``; deterministic (``invariant=1``): the same story gives the same bytes."""
    ensure_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=top, bottomMargin=bottom,
        title=title, author="Jaga Netral", creator="Jaga Netral (reportlab)", subject=subject,
        producer="Jaga Netral", invariant=1, lang="id-ID",
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
