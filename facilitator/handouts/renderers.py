"""The four printed documents: handout packets, facilitator guides, role cards, workbooks."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from ..core.printing import (
    Guide,
    GuideItem,
    HandoutDoc,
    Packet,
    RoleCard,
    RoleCardSheet,
    Workbook,
    clock_label,
    label,
)
from . import fonts
from .base import BaseRenderer, DocumentInfo
from .flowables import (
    CardSheet,
    ContentsLine,
    blocks_flowables,
    bullet_list,
    check_list,
    text,
    worksheet_flowables,
)
from .safety import crisis_box_flowable
from .styles import RULE, Styles

__all__ = ["PacketRenderer", "GuideRenderer", "RoleCardsRenderer", "WorkbookRenderer", "handout_flowables"]


def handout_flowables(doc: HandoutDoc, st: Styles, kicker: str = "") -> list[Flowable]:
    """A handout's title, body and worksheet."""
    out: list[Flowable] = []
    if kicker:
        out.append(Paragraph(text(kicker), st.kicker))
    out.append(Paragraph(text(doc.title), st.title))
    out += blocks_flowables(doc.blocks, st)
    if doc.worksheet:
        out.append(Spacer(1, st.sizes.body * 0.3))
        out += worksheet_flowables(doc.worksheet, st)
    return out


class PacketRenderer(BaseRenderer[Packet]):
    """Every handout of a session, once per copy; each handout starts a page.

    The crisis box follows each copy's first handout, in that copy's language.
    """

    def document_info(self, model: Packet) -> DocumentInfo:
        language = model.copies[0].language if model.copies else "en"
        return DocumentInfo(title=model.title, subject=label(language, "subject.handouts"), language=language)

    def story(self, model: Packet) -> list[Flowable]:
        story: list[Flowable] = []
        total = len(model.copies)
        for n, copy in enumerate(model.copies):
            for h, doc in enumerate(copy.handouts):
                if story:
                    story.append(PageBreak())
                    if h == 0 and model.two_sided:
                        before = model.copies[n - 1]
                        story.append(self.start_on_odd_page(before.language, before.large_print))
                name = doc.first_name or ""
                story.append(
                    self.begin(
                        section=(n, h),
                        name=name,
                        header_right="",
                        continued_right=label(doc.language, "continued", title=doc.title),
                        footer=doc.footer,
                        language=doc.language,
                        large_print=doc.large_print,
                    )
                )
                story += handout_flowables(doc, self.styles(doc.large_print))
                if h == 0:  # every copy's set carries the crisis numbers, once
                    story.append(crisis_box_flowable(doc.language, self.styles(doc.large_print), self.text_area[0]))
            story.append(self.report(n + 1, total, "handouts"))
        if not story:
            story.append(Paragraph("", self.styles(False).body))
        return story


class WorkbookRenderer(BaseRenderer[Workbook]):
    """A cover (with the crisis box), contents with page numbers, then every handout session by session.

    The contents need the pages the handouts land on, so the book is laid out twice: the
    contents take the same room whatever the numbers, so the second layout keeps the pages
    the first one found.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._pages: dict[str, int] = {}
        self._found: dict[str, int] = {}

    def document_info(self, model: Workbook) -> DocumentInfo:
        return DocumentInfo(title=model.title, subject=label(model.language, "subject.workbook"),
                            language=model.language)

    def _found_at(self, key: str) -> Flowable:
        from .flowables import Mark

        def action(canvas: Any) -> None:
            self._found.setdefault(key, canvas.getPageNumber())

        return Mark(action)

    def story(self, model: Workbook) -> list[Flowable]:
        st = self.styles(model.large_print)
        lang = model.language
        furniture = dict(section="book", footer=model.curriculum_title, language=lang, large_print=model.large_print)
        story: list[Flowable] = [self.begin(header_right="", continued_right="", **furniture)]
        story.append(Spacer(1, st.sizes.title * 3))
        story.append(Paragraph(text(label(lang, "workbook")), st.kicker))
        story.append(Paragraph(text(model.curriculum_title), st.title))
        story.append(Paragraph(text(model.summary), st.body))
        story.append(crisis_box_flowable(lang, st, self.text_area[0]))
        story.append(PageBreak())
        story.append(Paragraph(text(label(lang, "contents")), st.title))
        for session in model.sessions:
            story.append(
                ContentsLine(session.label, self._page_text(f"s:{session.session_id}"), fonts.BOLD, st.sizes.body)
            )
            for doc in session.handouts:
                key = f"h:{session.session_id}:{doc.handout_id}"
                story.append(
                    ContentsLine(doc.title, self._page_text(key), fonts.REGULAR, st.sizes.body, st.sizes.indent)
                )
        done, total = 0, model.handout_count
        for session in model.sessions:
            for i, doc in enumerate(session.handouts):
                story.append(PageBreak())
                story.append(
                    self.begin(
                        header_right="",
                        continued_right=label(lang, "continued", title=doc.title),
                        **furniture,
                    )
                )
                if i == 0:
                    story.append(self._found_at(f"s:{session.session_id}"))
                story.append(self._found_at(f"h:{session.session_id}:{doc.handout_id}"))
                story += handout_flowables(doc, st, kicker=session.label)
                done += 1
                story.append(self.report(done, total, "handouts"))
        return story

    def _page_text(self, key: str) -> str:
        page = self._pages.get(key)
        return str(page) if page else "\u2007\u2007"

    def render(self, model: Workbook) -> bytes:
        from . import base

        fonts.register_fonts()
        with base._render_lock:
            self.letterhead = self.letterhead_of(model)
            self._load_logo()
            self._pages = {}
            pdf = b""
            for _attempt in range(3):
                self._found = {}
                pdf = self.build(model, self.story(model))
                if self._found == self._pages:
                    break
                self._pages = dict(self._found)
            return pdf


class GuideRenderer(BaseRenderer[Guide]):
    """The facilitator's session guide: overview, agenda, each item's script, then role cards."""

    def document_info(self, model: Guide) -> DocumentInfo:
        return DocumentInfo(title=model.title, subject=label(model.language, "subject.guide"), language=model.language)

    def story(self, model: Guide) -> list[Flowable]:
        st = self.styles(model.large_print)
        lang = model.language
        story: list[Flowable] = [
            self.begin(
                section="guide",
                header_right=label(lang, "guide"),
                continued_right=label(lang, "guide"),
                footer=model.footer,
                language=lang,
                large_print=model.large_print,
            ),
            Paragraph(text(f"{model.session_label} · {label(lang, 'minutes', minutes=model.minutes)}"), st.kicker),
            Paragraph(text(model.session_title), st.title),
            Paragraph(text(label(lang, "guide_note")), st.small),
            Spacer(1, st.sizes.body * 0.5),
            Paragraph(text(label(lang, "objectives")), st.heading),
            *bullet_list(model.objectives, st),
        ]
        if model.materials:
            story += [Paragraph(text(label(lang, "materials")), st.heading), *bullet_list(model.materials, st)]
        story.append(Paragraph(text(label(lang, "handouts")), st.heading))
        if model.handout_titles:
            story += bullet_list(model.handout_titles, st)
        else:
            story.append(Paragraph(text(label(lang, "no_handouts")), st.body))
        story.append(Paragraph(text(label(lang, "agenda")), st.heading))
        story.append(self._agenda_table(model, st))
        for n, item in enumerate(model.items):
            story += self._item(item, st, lang)
            story.append(self.report(n + 1, len(model.items) + (1 if model.cards else 0), "agenda"))
        if model.cards:
            story.append(PageBreak())
            story.append(self.begin(header_right=label(lang, "role_cards"), continued_right=label(lang, "role_cards")))
            story += card_pages(model.cards, st, model.large_print, self.text_area, heading=True)
        return story

    def _agenda_table(self, model: Guide, st: Styles) -> Table:
        lang = model.language
        size = st.sizes.body
        head, cell = st.cell_bold, st.cell
        rows: list[list[Any]] = [
            [
                Paragraph(text(label(lang, "starts")), head),
                Paragraph("min", head),
                Paragraph("", head),
                Paragraph("", head),
            ]
        ]
        for item in model.items:
            rows.append(
                [
                    Paragraph(clock_label(item.start), cell),
                    Paragraph(str(item.minutes), cell),
                    Paragraph(text(item.kind_label), cell),
                    Paragraph(text(item.title), cell),
                ]
            )
        rows.append(
            [
                Paragraph(text(label(lang, "total")), head),
                Paragraph(str(model.minutes), head),
                Paragraph("", cell),
                Paragraph("", cell),
            ]
        )
        width = self.pagesize[0] - self.margin_left - self.margin_right
        first = size * 4.2
        table = Table(rows, colWidths=[first, size * 3.2, size * 9, width - first - size * 12.2], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.3, RULE),
                    ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def _item(self, item: GuideItem, st: Styles, lang: str) -> list[Flowable]:
        out: list[Flowable] = [
            Paragraph(
                text(
                    f"{clock_label(item.start)}–{clock_label(item.end)} · {item.kind_label} · {label(lang, 'minutes', minutes=item.minutes)}"
                ),
                st.item_kicker,
            ),
            Paragraph(text(item.title), st.item_heading),
        ]
        if item.script:
            out += blocks_flowables(item.script, st)
        if item.prompts:
            out.append(Paragraph(text(label(lang, "prompts")), st.prompt))
            out += bullet_list(item.prompts, st)
        if item.display:
            out.append(Paragraph(f"<b>{text(label(lang, 'display'))}:</b> {text(item.display)}", st.body))
        rp = item.role_play
        if rp is not None:
            out.append(Paragraph(f"<b>{text(label(lang, 'scenario'))}:</b> {text(rp.scenario)}", st.body))
            out.append(Paragraph(text(label(lang, "roles")), st.prompt))
            out += [
                Paragraph(f"<b>{text(name)}</b> — {text(brief)}", st.bullet, bulletText="\u2022")
                for name, brief in rp.roles
            ]
            phases = " · ".join(f"{text(name)} {label(lang, 'minutes', minutes=m)}" for name, m in rp.phases)
            rounds = label(lang, "rounds", rounds=rp.rounds) if rp.rounds > 1 else label(lang, "one_round")
            out.append(
                Paragraph(
                    f"<b>{text(label(lang, 'round'))}:</b> {phases} = {label(lang, 'minutes', minutes=rp.round_minutes)}. {text(rounds)}",
                    st.body,
                )
            )
            if rp.debrief:
                out.append(Paragraph(text(label(lang, "debrief")), st.prompt))
                out += bullet_list(rp.debrief, st)
        return out


class RoleCardsRenderer(BaseRenderer[RoleCardSheet]):
    """Only the cards: four to a page (two in large print), dashed lines to cut along."""

    def document_info(self, model: RoleCardSheet) -> DocumentInfo:
        return DocumentInfo(title=model.title, subject=label(model.language, "subject.role_cards"), language=model.language)

    def story(self, model: RoleCardSheet) -> list[Flowable]:
        st = self.styles(model.large_print)
        lang = model.language
        story: list[Flowable] = [
            self.begin(
                section="cards",
                header_right=label(lang, "role_cards"),
                continued_right=label(lang, "role_cards"),
                footer=model.footer,
                language=lang,
                large_print=model.large_print,
            )
        ]
        if not model.cards:
            story.append(Paragraph("", st.body))
        story += card_pages(model.cards, st, model.large_print, self.text_area, heading=False)
        return story


def card_flowables(card: RoleCard, st: Styles) -> list[Flowable]:
    lang = card.language
    out: list[Flowable] = [
        Paragraph(text(label(lang, "role_play", title=card.role_play_title)), st.small),
        Paragraph(text(card.role_name), st.title),
        Paragraph(f"<b>{text(label(lang, 'scenario'))}:</b> {text(card.scenario)}", st.body),
        Paragraph(f"<b>{text(label(lang, 'your_role'))}:</b> {text(card.brief)}", st.body),
    ]
    if card.checklist:
        out.append(Paragraph(text(label(lang, "watch_for")), st.prompt))
        out += check_list(card.checklist, st)
    return out


CARD_SHRINK = 1.15  # a card may shrink its text this much before it gets more room

CardPage = tuple[int, tuple[tuple[RoleCard, ...], ...]]  # (row slots on the page, rows of cards)


def card_fits(card: RoleCard, st: Styles, width: float, height: float) -> bool:
    """Whether a card's text keeps (nearly) its size on a card of this size."""
    pad = min(width, height) * CardSheet.PAD
    return _height(card_flowables(card, st), width - 2 * pad) <= (height - 2 * pad) * CARD_SHRINK


def card_sheets(
    cards: tuple[RoleCard, ...], st: Styles, large_print: bool, width: float, height: float
) -> list[CardPage]:
    """Cards in agenda order, laid out in pages of two rows.

    A row holds two cards side by side when both keep their type size there, else one
    card across the page; a card too long even for that gets a page to itself. Large
    print always gives a card a whole row.
    """
    half = height / 2
    rows: list[tuple[RoleCard, ...]] = []
    alone: set[int] = set()  # rows that need a whole page
    n = 0
    while n < len(cards):
        card = cards[n]
        pair = cards[n : n + 2]
        narrow = not large_print and len(pair) == 2
        if narrow and all(card_fits(c, st, width / 2, half) for c in pair):
            rows.append(tuple(pair))
            n += 2
            continue
        if not card_fits(card, st, width, half):
            alone.add(len(rows))
        rows.append((card,))
        n += 1
    pages: list[CardPage] = []
    current: list[tuple[RoleCard, ...]] = []
    for i, row in enumerate(rows):
        if i in alone:
            if current:
                pages.append((2, tuple(current)))
                current = []
            pages.append((1, (row,)))
            continue
        current.append(row)
        if len(current) == 2:
            pages.append((2, tuple(current)))
            current = []
    if current:
        pages.append((2, tuple(current)))
    return pages


def _height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def card_pages(
    cards: tuple[RoleCard, ...], st: Styles, large_print: bool, size: tuple[float, float], *, heading: bool
) -> list[Flowable]:
    """Pages of cards; with ``heading``, the first page starts with a title and a cutting note.

    ``size`` is the page's text area (width, height).
    """
    out: list[Flowable] = []
    if not cards:
        return out
    lang = cards[0].language
    room = size[1] - st.sizes.small * 3
    if heading:
        out.append(Paragraph(text(label(lang, "role_cards")), st.heading))
        room -= st.sizes.heading * 2
    out.append(Paragraph(text(label(lang, "cut_here")), st.small))
    out.append(Spacer(1, st.sizes.small))
    for n, (slots, rows) in enumerate(card_sheets(cards, st, large_print, size[0], room)):
        if n:
            out.append(PageBreak())
        out.append(CardSheet([[card_flowables(c, st) for c in row] for row in rows], slots))
    return out
