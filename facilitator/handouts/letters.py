"""Letters written under a consent, and the services-to-bill summary, as PDF.

Both reuse the handout base renderer (fonts, letterhead, "page x of y"). A letter is a
disclosure of a Part 2 record: it says under which consent it goes out, prints the full
42 CFR 2.32 notice, and carries the short statement in every page's footer. Its sentences
are ``core.consents.letter_paragraphs``: nothing but the record.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..core.attendance import hours_text
from ..core.billing import BILLING, ServicesExport
from ..core.catalogue import QT_TRANSLATE_NOOP
from ..core.consents import LETTER, Letter
from ..core.print_language import continued, core_word, long_date, period, short_day, tr
from ..core.printing import Letterhead
from ..core.privacy import PART2_NOTICE_SHORT, in_language
from .base import BaseRenderer, DocumentInfo
from .reports import _table, _table_styles


def _p(value: object, style: object) -> Paragraph:
    return Paragraph(escape(str(value)), style)  # type: ignore[arg-type]


def _notice(title: str, text: str, width: float, st: object) -> Flowable:
    box = Table([[_p(title, st.small_bold)], [_p(text, st.small)]], colWidths=[width])  # type: ignore[attr-defined]
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([box])


LETTER_WORDS = (
    QT_TRANSLATE_NOOP("print.letter", "Confidential: 42 CFR part 2"),
    QT_TRANSLATE_NOOP("print.letter", "To: {name} ({kind})"),
    QT_TRANSLATE_NOOP("print.letter", "Re: {name}, record {record}"),
    QT_TRANSLATE_NOOP("print.letter",
                      "This letter is sent under the participant's written consent signed on {signed} (consent {id}), "
                      "for this purpose: {purpose}. The consent lasts until {until}, unless revoked."),
    QT_TRANSLATE_NOOP("print.letter", "Meetings attended"),
    QT_TRANSLATE_NOOP("print.letter", "Date"),
    QT_TRANSLATE_NOOP("print.letter", "Group"),
    QT_TRANSLATE_NOOP("print.letter", "Time attended"),
    QT_TRANSLATE_NOOP("print.letter", "Total"),
    QT_TRANSLATE_NOOP("print.letter", "Sincerely,"),
)


class LetterRenderer(BaseRenderer[Letter]):
    """Date, recipient, the record's sentences, a table of meetings attended, signature, the notice."""

    def letterhead_of(self, model: Letter) -> Letterhead:
        return model.letterhead if model.letterhead.clinic_name else Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: Letter) -> DocumentInfo:
        # No name in the metadata: a file name or a search index may show it.
        lang = model.language
        return DocumentInfo(title=core_word(lang, model.kind.label), subject=tr(lang, LETTER,
                            "Confidential: 42 CFR part 2"), language=lang)

    def story(self, model: Letter) -> list[Flowable]:
        st = self.styles(False)
        cell, bold, heading = _table_styles()
        lang = model.language

        def t(text: str, **values: object) -> str:
            return tr(lang, LETTER, text, **values)

        title = core_word(lang, model.kind.label)
        width = self.pagesize[0] - self.margin_left - self.margin_right
        facts = model.facts
        story: list[Flowable] = [
            self.begin(section=0, header_right=title, continued_right=continued(lang, title),
                       footer=in_language(lang, PART2_NOTICE_SHORT), language=lang),
            _p(long_date(lang, model.dated), st.body),
            Spacer(1, 6),
            _p(t("To: {name} ({kind})", name=model.recipient_name,
                 kind=core_word(lang, model.recipient_kind.label).lower()), st.body),
            _p(t("Re: {name}, record {record}", name=facts.participant_name, record=facts.record_number), st.body),
            Spacer(1, 8),
            _p(title, st.title),
        ]
        for para in model.paragraphs:
            story.append(_p(para, st.body))
            story.append(Spacer(1, 4))
        story.append(
            _p(
                t("This letter is sent under the participant's written consent signed on {signed} (consent {id}), "
                  "for this purpose: {purpose}. The consent lasts until {until}, unless revoked.",
                  signed=model.consent_signed_on.isoformat(), id=model.consent_id, purpose=model.purpose,
                  until=model.consent_until),
                st.small,
            )
        )
        if facts.attended:
            story.append(_p(t("Meetings attended"), heading))
            rows: list[list[object]] = [[_p(h, bold) for h in (t("Date"), t("Group"), t("Time attended"))]]
            for m in facts.attended:
                rows.append([_p(short_day(lang, m.day), cell), _p(m.group_name, cell),
                             _p(hours_text(m.minutes), cell)])
            rows.append([_p(t("Total"), bold), _p("", cell), _p(hours_text(facts.total_minutes), bold)])
            story.append(_table(rows, [1.3 * inch, width - 2.5 * inch, 1.2 * inch], st))
        story.append(Spacer(1, 18))
        story.append(KeepTogether([_p(t("Sincerely,"), st.body), Spacer(1, 22), _p(model.signer, st.body),
                                   _p(model.clinic_name, st.body)]))
        story.append(Spacer(1, 14))
        story.append(_notice(in_language(lang, model.notice_title), in_language(lang, model.notice), width, st))
        return story


def render_letter(model: Letter, *, invariant: bool = False) -> bytes:
    return LetterRenderer(invariant=invariant).render(model)


BILLING_WORDS = (
    QT_TRANSLATE_NOOP("print.billing", "Services to bill"),
    QT_TRANSLATE_NOOP("print.billing", "Services {period}"),
    QT_TRANSLATE_NOOP("print.billing", "Period: {period}. Prepared {day} by {who}."),
    QT_TRANSLATE_NOOP("print.billing", "Built from attendance and signed progress notes only. Per-diem codes ({codes}) "
                                       "need {hours} attended with signed notes in a day."),
    QT_TRANSLATE_NOOP("print.billing", "none"),
    QT_TRANSLATE_NOOP("print.billing", "Totals by code"),
    QT_TRANSLATE_NOOP("print.billing", "Code"),
    QT_TRANSLATE_NOOP("print.billing", "Units"),
    QT_TRANSLATE_NOOP("print.billing", "No billable services in this period."),
    QT_TRANSLATE_NOOP("print.billing", "Falling short"),
    QT_TRANSLATE_NOOP("print.billing", "Billable services"),
    QT_TRANSLATE_NOOP("print.billing", "Date"),
    QT_TRANSLATE_NOOP("print.billing", "Record"),
    QT_TRANSLATE_NOOP("print.billing", "Minutes"),
    QT_TRANSLATE_NOOP("print.billing", "Rendering"),
    QT_TRANSLATE_NOOP("print.billing", "Supervising"),
    QT_TRANSLATE_NOOP("print.billing", "Note"),
    QT_TRANSLATE_NOOP("print.billing", "Falling short (not billable as recorded)"),
    QT_TRANSLATE_NOOP("print.billing", "Reason"),
    QT_TRANSLATE_NOOP("print.billing", "Confidential: 42 CFR part 2"),
)


class ServicesSummaryRenderer(BaseRenderer[ServicesExport]):
    """Totals by code, then every billable service, then what falls short and why."""

    def letterhead_of(self, model: ServicesExport) -> Letterhead:
        return Letterhead(clinic_name=model.clinic_name)

    def document_info(self, model: ServicesExport) -> DocumentInfo:
        lang = model.language
        return DocumentInfo(title=tr(lang, BILLING, "Services to bill"),
                            subject=tr(lang, BILLING, "Confidential: 42 CFR part 2"), language=lang)

    def story(self, model: ServicesExport) -> list[Flowable]:
        st = self.styles(False)
        cell, bold, heading = _table_styles()
        lang = model.language

        def t(text: str, **values: object) -> str:
            return tr(lang, BILLING, text, **values)

        width = self.pagesize[0] - self.margin_left - self.margin_right
        span = period(lang, model.first, model.last)
        header_right = t("Services {period}", period=span)
        story: list[Flowable] = [
            self.begin(section=0, header_right=header_right, continued_right=continued(lang, header_right),
                       footer=in_language(lang, PART2_NOTICE_SHORT), language=lang),
            _p(t("Services to bill"), st.title),
            _p(t("Period: {period}. Prepared {day} by {who}.", period=span, day=f"{model.generated_at:%Y-%m-%d}",
                 who=model.exported_by), st.body),
            _p(
                t("Built from attendance and signed progress notes only. Per-diem codes ({codes}) "
                  "need {hours} attended with signed notes in a day.",
                  codes=", ".join(sorted(model.rules.per_diem_codes)) or t("none"),
                  hours=hours_text(model.rules.per_diem_minimum_minutes)),
                st.small,
            ),
        ]
        if model.scope_note:
            story.append(_p(t(model.scope_note), st.small))
        story.append(_p(t("Totals by code"), heading))
        totals = model.units_by_code()
        rows: list[list[object]] = [[_p(t("Code"), bold), _p(t("Units"), bold)]]
        rows += [[_p(code, cell), _p(units, cell)] for code, units in totals.items()]
        if not totals:
            rows.append([_p(t("No billable services in this period."), cell), _p("", cell)])
        rows.append([_p(t("Falling short"), bold), _p(len(model.short), bold)])
        totals_table = _table(rows, [2.0 * inch, 1.0 * inch], st)
        totals_table.hAlign = "LEFT"
        story.append(totals_table)

        none = tr(lang, "print.common", "None.")
        story.append(_p(t("Billable services"), heading))
        header = (t("Date"), t("Record"), t("Code"), t("Units"), t("Minutes"), t("Rendering"), t("Supervising"),
                  t("Note"))
        rows = [[_p(h, bold) for h in header]]
        for s in model.services:
            rows.append([_p(s.day.isoformat(), cell), _p(s.record_number, cell), _p(s.code, cell), _p(s.units, cell),
                         _p(s.minutes, cell), _p(s.rendering, cell), _p(s.supervising, cell),
                         _p(" ".join(str(i) for i in s.note_ids), cell)])
        if not model.services:
            rows.append([_p(none, cell)] + [""] * 7)
        widths = [0.9, 0.92, 0.65, 0.8, 0.72, 1.25, 1.26, 0.5]  # a header word never splits, in either language
        scale = width / (sum(widths) * inch)
        story.append(_table(rows, [w * inch * scale for w in widths], st))

        story.append(_p(t("Falling short (not billable as recorded)"), heading))
        header = (t("Date"), t("Record"), t("Code"), t("Minutes"), t("Reason"))
        rows = [[_p(h, bold) for h in header]]
        for s in model.short:
            rows.append([_p(s.day.isoformat(), cell), _p(s.record_number, cell), _p(s.code, cell),
                         _p(s.minutes, cell), _p(s.reason_in(lang), cell)])
        if not model.short:
            rows.append([_p(none, cell)] + [""] * 4)
        widths = [0.9, 0.92, 0.65, 0.75, 3.78]
        scale = width / (sum(widths) * inch)
        story.append(_table(rows, [w * inch * scale for w in widths], st))
        return story


def render_services_summary(model: ServicesExport, *, invariant: bool = False) -> bytes:
    return ServicesSummaryRenderer(invariant=invariant).render(model)


__all__ = ["LetterRenderer", "ServicesSummaryRenderer", "render_letter", "render_services_summary"]
