"""The aftercare plan a participant takes home: plain words, their language and size, the 988 box.

What it says is decided in ``core.care`` (``AftercarePrint``); this module only lays it out.
Each part of the plan is a heading and its lines with room to write more; the crisis box
(``handouts.safety``) closes it and never splits across pages.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from ..core.care import AftercarePrint
from ..core.printing import Letterhead
from .base import BaseRenderer, DocumentInfo
from .flowables import text
from .safety import crisis_box_flowable


class AftercareRenderer(BaseRenderer[AftercarePrint]):
    def letterhead_of(self, model: AftercarePrint) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: AftercarePrint) -> DocumentInfo:
        # The title names no one: a file's metadata travels further than its pages.
        return DocumentInfo(title=model.title, subject=model.footer, language=model.language)

    def story(self, model: AftercarePrint) -> list[Flowable]:
        st = self.styles(model.large_print)
        story: list[Flowable] = [
            self.begin(
                section="plan",
                header_right=model.for_line,
                continued_right=model.footer,
                footer=model.footer,
                language=model.language,
                large_print=model.large_print,
            ),
            Paragraph(text(model.title), st.title),
            Paragraph(f"<b>{text(model.for_line)}</b>", st.body),
            Paragraph(text(model.intro), st.body),
        ]
        for section in model.sections:
            part: list[Flowable] = [Paragraph(text(section.title), st.heading)]
            if section.intro:
                part.append(Paragraph(text(section.intro), st.body))
            part += [Paragraph(text(line), st.bullet, bulletText="\u2022") for line in section.lines]
            story.append(KeepTogether(part))
        story.append(Spacer(1, st.sizes.body))
        story.append(Paragraph(f"<b>{text(model.crisis_intro)}</b>", st.body))
        story.append(crisis_box_flowable(model.language, st, self.text_area[0]))
        story.append(Spacer(1, st.sizes.body))
        story.append(Paragraph(text(model.made_line), st.small))
        story.append(Paragraph(text(model.confidential), st.small))
        return story


def render_aftercare_plan(model: AftercarePrint, *, invariant: bool = False) -> bytes:
    return AftercareRenderer(invariant=invariant).render(model)
