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

from ..core.notes_print import CONTEXT, NotesPrint, PrintedNote
from ..core.print_language import tr
from ..core.privacy import CONFIDENTIAL_MARK, PART2_NOTICE_SHORT, PART2_NOTICE_TITLE, in_language
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
    """Holds pages until the end so each footer can say "page x of y" (in the document's language)."""

    language = "en"

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
            lang = self.language
            self.drawString(0.75 * inch, 0.5 * inch, in_language(lang, PART2_NOTICE_SHORT))
            self.drawRightString(LETTER[0] - 0.75 * inch, 0.5 * inch,
                                 tr(lang, CONTEXT, "Page {page} of {pages}", page=n, pages=total))
            self.drawString(0.75 * inch, LETTER[1] - 0.5 * inch, in_language(lang, CONFIDENTIAL_MARK))
            super().showPage()
        super().save()


def _note_flowables(note: PrintedNote, st: dict[str, ParagraphStyle], lang: str = "en") -> list:  # type: ignore[type-arg]
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
    sig = [_p(tr(lang, CONTEXT, "Signed: {signature}", signature=note.signed), st["body"])]
    if note.cosigned:
        sig.append(_p(tr(lang, CONTEXT, "Co-signed: {signature}", signature=note.cosigned), st["body"]))
    else:
        sig.append(_p(tr(lang, CONTEXT, "Status: {status}", status=note.status), st["small"]))
    out.append(Spacer(1, 4))
    out.append(KeepTogether(sig))
    for a in note.addenda:
        out.append(_p(tr(lang, CONTEXT, "Addendum, {when}, {signature}", when=a.when, signature=a.signature),
                      st["label"]))
        out.append(_p(a.text, st["body"]))
    out.append(Spacer(1, 6))
    return out


def render_notes_pdf(model: NotesPrint) -> bytes:
    register_fonts()
    lang = model.language
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
        subject=in_language(lang, PART2_NOTICE_SHORT),
        lang=lang,
    )
    width = LETTER[0] - 1.5 * inch
    story: list = [_p(model.title, st["title"])]  # type: ignore[type-arg]
    def t(text: str, **values: object) -> str:
        return tr(lang, CONTEXT, text, **values)

    facts = [
        (t("Clinic"), model.clinic_name),
        (t("About"), model.subject),
        (t("Period"), model.period),
        (t("Prepared"), t("{when} by {who}", when=f"{model.generated_at:%Y-%m-%d %H:%M}", who=model.prepared_by)),
        (
            t("Notes"),
            t("{count} signed note(s)", count=len(model.notes))
            + (t("; {count} unsigned draft(s) not included", count=model.omitted_unsigned)
               if model.omitted_unsigned else ""),
        ),
    ]
    table = Table(
        [[_p(k, st["label"]), _p(v, st["body"])] for k, v in facts], colWidths=[1.3 * inch, width - 1.3 * inch]
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    story.append(table)
    story.append(Spacer(1, 8))
    notice = Table(
        [[_p(in_language(lang, PART2_NOTICE_TITLE), st["small_bold"])], [_p(in_language(lang, model.notice), st["small"])]],
        colWidths=[width],
    )
    notice.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    story.append(notice)
    if not model.notes:
        story.append(_p(t("No signed notes in this period."), st["h"]))
    for note in model.notes:
        story.extend(_note_flowables(note, st, lang))
    canvas = type("_Canvas", (_NumberedCanvas,), {"language": lang})
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()
