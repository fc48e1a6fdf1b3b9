"""Progress notes as PDF: a meeting's notes or one participant's notes over a range.

The 42 CFR 2.32 notice prints in full on the first page and in short in every footer,
with "page x of y"; each note shows its fields, signatures with credentials and dates,
addenda after the original, and an entered-in-error mark where there is one.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..core.notes_print import NotesPrint, PrintedNote
from ..core.privacy import CONFIDENTIAL_MARK, PART2_NOTICE_SHORT, PART2_NOTICE_TITLE
from .fonts import BOLD, REGULAR, register_fonts


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("notes-body", fontName=REGULAR, fontSize=9.5, leading=12.5)
    return {
        "body": base,
        "title": ParagraphStyle("notes-title", parent=base, fontName=BOLD, fontSize=16, leading=20, spaceAfter=4),
        "h": ParagraphStyle("notes-h", parent=base, fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=10),
        "label": ParagraphStyle("notes-label", parent=base, fontName=BOLD, spaceBefore=3),
        "small": ParagraphStyle("notes-small", parent=base, fontSize=7.5, leading=9.5),
        "small_bold": ParagraphStyle("notes-small-bold", parent=base, fontName=BOLD, fontSize=8, leading=10),
        "error": ParagraphStyle("notes-error", parent=base, fontName=BOLD, textColor=colors.Color(0.65, 0, 0)),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class _NumberedCanvas(Canvas):
    """Holds pages until the end so each footer can say "page x of y"."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []  # type: ignore[type-arg]

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for n, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(REGULAR, 7.5)
            self.drawString(0.75 * inch, 0.5 * inch, PART2_NOTICE_SHORT)
            self.drawRightString(LETTER[0] - 0.75 * inch, 0.5 * inch, f"Page {n} of {total}")
            self.drawString(0.75 * inch, LETTER[1] - 0.5 * inch, CONFIDENTIAL_MARK)
            super().showPage()
        super().save()


def _note_flowables(note: PrintedNote, st: dict[str, ParagraphStyle]) -> list:  # type: ignore[type-arg]
    head = [
        _p(note.heading, st["h"]),
        _p(note.meeting_line + (f" · {note.note_format}" if note.note_format else ""), st["small"]),
    ]
    out: list = list(head)  # type: ignore[type-arg]
    if note.error:
        out.append(_p(note.error, st["error"]))
    for label, text in note.sections:
        out.append(_p(label, st["label"]))
        out.append(_p(text or "—", st["body"]))
    sig = [_p(f"Signed: {note.signed}", st["body"])]
    if note.cosigned:
        sig.append(_p(f"Co-signed: {note.cosigned}", st["body"]))
    else:
        sig.append(_p(f"Status: {note.status}", st["small"]))
    out.append(Spacer(1, 4))
    out.append(KeepTogether(sig))
    for a in note.addenda:
        out.append(_p(f"Addendum, {a.when}, {a.signature}", st["label"]))
        out.append(_p(a.text, st["body"]))
    out.append(Spacer(1, 6))
    return out


def render_notes_pdf(model: NotesPrint) -> bytes:
    register_fonts()
    st = _styles()
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.75 * inch,
        bottomMargin=0.8 * inch,
        title=model.title,
        author=model.prepared_by,
        subject=PART2_NOTICE_SHORT,
    )
    width = LETTER[0] - 1.5 * inch
    story: list = [_p(model.title, st["title"])]  # type: ignore[type-arg]
    facts = [
        ("Clinic", model.clinic_name),
        ("About", model.subject),
        ("Period", model.period),
        ("Prepared", f"{model.generated_at:%Y-%m-%d %H:%M} by {model.prepared_by}"),
        (
            "Notes",
            f"{len(model.notes)} signed note(s)"
            + (f"; {model.omitted_unsigned} unsigned draft(s) not included" if model.omitted_unsigned else ""),
        ),
    ]
    table = Table(
        [[_p(k, st["label"]), _p(v, st["body"])] for k, v in facts], colWidths=[1.3 * inch, width - 1.3 * inch]
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    story.append(table)
    story.append(Spacer(1, 8))
    notice = Table([[_p(PART2_NOTICE_TITLE, st["small_bold"])], [_p(model.notice, st["small"])]], colWidths=[width])
    notice.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    story.append(notice)
    if not model.notes:
        story.append(_p("No signed notes in this period.", st["h"]))
    for note in model.notes:
        story.extend(_note_flowables(note, st))
    doc.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
