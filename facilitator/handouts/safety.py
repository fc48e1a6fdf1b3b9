"""The crisis box printed on every handout set, and the printed safety protocol.

What they say is decided once, in ``core.safety``; this module only lays it out.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..core.catalogue import QT_TRANSLATE_NOOP
from ..core.print_language import tr
from ..core.safety import SafetyProtocolPrint, crisis_box
from . import fonts
from .base import BaseRenderer, DocumentInfo
from .flowables import bullet_list, text
from .styles import Styles

BOX_INK = colors.Color(0.55, 0.05, 0.05)  # dark red: reads as "important" and prints well in grey
BOX_FILL = colors.Color(0.99, 0.95, 0.94)


def crisis_box_flowable(language: str, st: Styles, width: float) -> Flowable:
    """A bordered box: where to call or text in a crisis, in the handout's language.

    Kept whole (it never splits across pages) so the numbers are always read together.
    """
    box = crisis_box(language)
    rows: list[list[Flowable]] = [[Paragraph(f"<b>{text(box.title)}</b>", st.heading)]]
    for line in box.lines:
        rows.append(
            [
                Paragraph(
                    f"<b>{text(line.how)}</b> — {text(line.name)}. {text(line.when)}",
                    st.bullet,
                    bulletText="\u25b6",
                )
            ]
        )
    rows.append([Paragraph(text(box.note), st.body)])
    table = Table(rows, colWidths=[width])
    pad = st.sizes.body * 0.6
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # else the table names Helvetica, never embedded
                ("BOX", (0, 0), (-1, -1), 2, BOX_INK),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (0, 0), pad * 0.6),
                ("BOTTOMPADDING", (0, -1), (0, -1), pad * 0.6),
            ]
        )
    )
    return KeepTogether([Spacer(1, st.sizes.body * 0.8), table])


SAFETY_WORDS = (
    QT_TRANSLATE_NOOP("print.safety", "Facilitator safety protocol"),
    QT_TRANSLATE_NOOP("print.safety", "For facilitators"),
    QT_TRANSLATE_NOOP("print.safety", "{title} · reviewed {reviewed}"),
    QT_TRANSLATE_NOOP("print.safety", "Keep in mind"),
    QT_TRANSLATE_NOOP("print.safety", "Sources"),
)


class SafetyProtocolRenderer(BaseRenderer[SafetyProtocolPrint]):
    """The facilitator's protocol on paper: every situation, its steps and notes, the sources."""

    def document_info(self, model: SafetyProtocolPrint) -> DocumentInfo:
        subject = tr(model.language, "print.safety", "Facilitator safety protocol")
        return DocumentInfo(title=model.title, subject=subject, language=model.language)

    def story(self, model: SafetyProtocolPrint) -> list[Flowable]:
        st = self.styles(model.large_print)
        lang = model.language
        story: list[Flowable] = [
            self.begin(
                section="protocol",
                header_right=tr(lang, "print.safety", "For facilitators"),
                continued_right=model.title,
                footer=tr(lang, "print.safety", "{title} · reviewed {reviewed}", title=model.title, reviewed=model.reviewed),
                language=lang,
                large_print=model.large_print,
            ),
            Paragraph(text(model.title), st.title),
            Paragraph(text(model.intro), st.body),
        ]
        for n, section in enumerate(model.sections):
            if n > 1:  # each emergency on a page of its own, to find and to post
                story.append(PageBreak())
            story.append(Paragraph(text(section.title), st.heading))
            story.append(Paragraph(f"<b>{text(section.summary)}</b>", st.body))
            story += [
                Paragraph(text(step), st.numbered, bulletText=f"{i}.") for i, step in enumerate(section.steps, 1)
            ]
            if section.notes:
                story.append(Paragraph(tr(lang, "print.safety", "Keep in mind"), st.prompt))
                story += bullet_list(section.notes, st)
            story.append(self.report(n + 1, len(model.sections), "protocol"))
        story.append(crisis_box_flowable(lang, st, self.text_area[0]))
        story.append(Paragraph(tr(lang, "print.safety", "Sources"), st.heading))
        story += [Paragraph(text(s), st.small) for s in model.sources]
        return story
