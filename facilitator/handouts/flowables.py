"""Flowables the handouts need beyond ReportLab's: markers, writing lines, scales, cards.

Also turns parsed markup blocks (``core.markup``) into paragraphs, the one place the
light markup becomes PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, Paragraph

from ..core.curriculum import ChecklistField, LinesField, ScaleField, WorksheetField
from ..core.markup import Block, Span
from . import fonts
from .styles import MUTED, RULE, Styles

BALLOT_BOX = "\u2610"  # ☐, in DejaVu Sans


def text(value: str) -> str:
    """Plain text made safe for a Paragraph (which reads a little XML)."""
    return escape(value)


def spans_xml(spans: Iterable[Span]) -> str:
    out = []
    for span in spans:
        piece = escape(span.text)
        if span.bold:
            piece = f"<b>{piece}</b>"
        if span.italic:
            piece = f"<i>{piece}</i>"
        out.append(piece)
    return "".join(out)


def blocks_flowables(blocks: Iterable[Block], st: Styles) -> list[Flowable]:
    """Headings, paragraphs and lists of a parsed body, as paragraphs."""
    out: list[Flowable] = []
    for block in blocks:
        if block.kind == "heading":
            out.append(Paragraph(spans_xml(block.items[0]), st.heading))
        elif block.kind == "paragraph":
            out.append(Paragraph(spans_xml(block.items[0]), st.body))
        elif block.kind == "bullets":
            out += [Paragraph(spans_xml(item), st.bullet, bulletText="\u2022") for item in block.items]
        else:
            out += [
                Paragraph(spans_xml(item), st.numbered, bulletText=f"{n}.") for n, item in enumerate(block.items, 1)
            ]
    return out


def bullet_list(items: Iterable[str], st: Styles) -> list[Flowable]:
    return [Paragraph(text(i), st.bullet, bulletText="\u2022") for i in items]


def check_list(items: Iterable[str], st: Styles) -> list[Flowable]:
    return [Paragraph(text(i), st.check, bulletText=BALLOT_BOX) for i in items]


def worksheet_flowables(fields: Sequence[WorksheetField], st: Styles) -> list[Flowable]:
    """Each field kept together with its prompt, so a prompt never ends a page alone."""
    out: list[Flowable] = []
    for f in fields:
        prompt = Paragraph(text(f.prompt), st.prompt)
        if isinstance(f, LinesField):
            out.append(KeepTogether([prompt, RuledLines(f.lines, st.sizes.line_gap)]))
        elif isinstance(f, ChecklistField):
            out.append(KeepTogether([prompt, *check_list(f.checklist, st)]))
        elif isinstance(f, ScaleField):
            out.append(KeepTogether([prompt, ScaleRow(f.min, f.max, f.low, f.high, st)]))
    return out


class Mark(Flowable):
    """Takes no space; calls ``action(canvas)`` when laid out on a page.

    Renderers use marks to learn where a handout or session begins (for headers, page
    numbers, contents and progress) without a second layout pass.
    """

    _ZEROSIZE = 1

    def __init__(self, action: Callable[[Canvas], None]) -> None:
        super().__init__()
        self.action = action
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.action(self.canv)


class RuledLines(Flowable):
    """``count`` lines to write on, ``gap`` points apart, across the frame."""

    def __init__(self, count: int, gap: float) -> None:
        super().__init__()
        self.count = count
        self.gap = gap
        self.spaceAfter = gap * 0.5

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.count * self.gap
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Twenty large-print lines are taller than a page: carry the rest over."""
        fits = int(availHeight // self.gap)
        if fits < 1 or fits >= self.count:
            return []
        return [RuledLines(fits, self.gap), RuledLines(self.count - fits, self.gap)]

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        for i in range(1, self.count + 1):
            y = self.height - i * self.gap
            c.line(0, y, self.width, y)
        c.restoreState()


class ScaleRow(Flowable):
    """A rating row: a numbered box for each point, the words for both ends beneath."""

    def __init__(self, low: int, high: int, low_text: str, high_text: str, st: Styles) -> None:
        super().__init__()
        self.low, self.high = low, high
        self.low_text, self.high_text = low_text, high_text
        self.size = st.sizes.body
        self.spaceBefore = st.sizes.body * 0.2
        self.spaceAfter = st.sizes.body * 0.6

    def _layout(self, width: float) -> tuple[float, float, list[str], list[str]]:
        points = self.high - self.low + 1
        cell = width / points
        box = min(cell * 0.82, self.size * 2.3)
        half = width / 2 - self.size
        label_size = self.size * 0.85
        left = simpleSplit(self.low_text, fonts.REGULAR, label_size, half) if self.low_text else []
        right = simpleSplit(self.high_text, fonts.REGULAR, label_size, half) if self.high_text else []
        return cell, box, left, right

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        _cell, box, left, right = self._layout(availWidth)
        lines = max(len(left), len(right))
        self.height = box + (self.size * 0.4 + lines * self.size * 1.1 if lines else 0)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        cell, box, left, right = self._layout(self.width)
        top = self.height
        number_size = min(self.size, box * 0.5)
        c.saveState()
        c.setLineWidth(0.8)
        c.setStrokeColor(MUTED)
        for i, value in enumerate(range(self.low, self.high + 1)):
            cx = cell * i + cell / 2
            c.roundRect(cx - box / 2, top - box, box, box, box * 0.15)
            c.setFont(fonts.REGULAR, number_size)
            c.drawCentredString(cx, top - box / 2 - number_size * 0.35, str(value))
        label_size = self.size * 0.85
        c.setFont(fonts.REGULAR, label_size)
        c.setFillColor(MUTED)
        y = top - box - self.size * 0.4 - label_size
        first_x = cell / 2 - box / 2
        last_x = self.width - (cell / 2 - box / 2)
        for n, line in enumerate(left):
            c.drawString(first_x, y - n * self.size * 1.1, line)
        for n, line in enumerate(right):
            c.drawRightString(last_x, y - n * self.size * 1.1, line)
        c.restoreState()


class ContentsLine(Flowable):
    """A contents entry: its words on the left, dot leaders, the page number on the right."""

    def __init__(self, words: str, page: str, font: str, size: float, indent: float = 0) -> None:
        super().__init__()
        self.words, self.page = words, page
        self.font, self.size, self.indent = font, size, indent
        self.leading = size * 1.35
        self.spaceAfter = size * 0.25

    def _lines(self, width: float) -> list[str]:
        room = width - self.indent - self.size * 4  # room kept for "...  999"
        return simpleSplit(self.words, self.font, self.size, room) or [""]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self._lines(availWidth)) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        lines = self._lines(self.width)
        c.saveState()
        c.setFont(self.font, self.size)
        y = self.height - self.size
        for line in lines:
            c.drawString(self.indent, y, line)
            y -= self.leading
        y += self.leading
        c.drawRightString(self.width, y, self.page)
        start = self.indent + c.stringWidth(lines[-1], self.font, self.size) + self.size * 0.5
        end = self.width - c.stringWidth(self.page, self.font, self.size) - self.size * 0.5
        if end > start:
            c.setFillColor(MUTED)
            dot = c.stringWidth(". ", fonts.REGULAR, self.size)
            count = int((end - start) / dot)
            c.setFont(fonts.REGULAR, self.size)
            c.drawRightString(end, y, ". " * count)
        c.restoreState()


class CardSheet(Flowable):
    """A page of cut-out cards, in rows of one or two, with dashed cut lines between them.

    ``rows`` holds each row's cards (their flowables); the page has room for ``slots`` rows
    of equal height. Each card's content is shrunk to fit its card if it must be, so a long
    brief never spills onto another card.
    """

    PAD = 0.07  # inner margin, as a share of the card's shorter side

    def __init__(self, rows: Sequence[Sequence[Sequence[Flowable]]], slots: int) -> None:
        super().__init__()
        self.card_rows = [[list(card) for card in row] for row in rows]
        self.slots = slots

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight - 1
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        h = self.height / self.slots
        used = len(self.card_rows) * h
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.7)
        c.setDash(4, 3)
        c.rect(0, self.height - used, self.width, used)
        for r, row in enumerate(self.card_rows):
            top = self.height - r * h
            if r:
                c.line(0, top, self.width, top)
            for i in range(1, len(row)):
                x = i * self.width / len(row)
                c.line(x, top, x, top - h)
        c.restoreState()
        for r, row in enumerate(self.card_rows):
            w = self.width / len(row)
            pad = min(w, h) * self.PAD
            for i, content in enumerate(row):
                top = self.height - r * h - pad
                frame = KeepInFrame(w - 2 * pad, h - 2 * pad, content, mode="shrink")
                _fw, fh = frame.wrapOn(c, w - 2 * pad, h - 2 * pad)
                frame.drawOn(c, i * w + pad, top - fh)
