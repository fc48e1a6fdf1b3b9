"""The base PDF renderer: a core view model in, PDF bytes out, with small hooks.

Shaped like pretix's invoice renderer: subclasses override ``story`` (the flowables),
and may override ``document_info``, ``page_templates``, ``draw_header`` or
``draw_footer``. The base class owns fonts, the letterhead, and "page x of y".

Page numbers count within a *section* (one handout of one copy in a packet, or the whole
document for a guide or workbook). A section's total is known only once it has been laid
out, so pages are held back until the end and numbered as the document is saved.
"""

from __future__ import annotations

import io
import logging
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import DocIf

from ..core.printing import Letterhead, label
from . import fonts
from .flowables import Mark, text
from .styles import MUTED, RULE, Styles, styles

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
M = TypeVar("M")

# ReportLab keeps some process-wide state (font caches, rl_config); one render at a time.
_render_lock = threading.Lock()


@dataclass(frozen=True)
class PageState:
    """What the page furniture says, set by marks in the story as they are laid out."""

    section: object = 0
    section_start: int = 1
    header_right: str = ""
    continued_right: str = ""
    name: str = ""  # a recipient's first name: bold, top right, on every page of their copy
    footer: str = ""
    language: str = "en"
    large_print: bool = False
    blank: bool = False  # a page left empty on purpose: no header, footer or number


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str = ""
    language: str = "en"


class _HeldPagesCanvas(Canvas):
    """A canvas that holds every page until ``save`` so footers can say "of y"."""

    def __init__(self, *args: Any, renderer: BaseRenderer[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._renderer = renderer
        self._held: list[dict[str, Any]] = []
        self.fac_state = PageState()

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        self._renderer.page_count = len(self._held)
        self._renderer.blank_pages = sum(1 for page in self._held if page["fac_state"].blank)
        totals = Counter(page["fac_state"].section for page in self._held)
        seen: Counter[object] = Counter()
        for page in self._held:
            self.__dict__.update(page)
            state: PageState = page["fac_state"]
            seen[state.section] += 1
            self._renderer.draw_page_number(self, state, seen[state.section], totals[state.section])
            Canvas.showPage(self)
        super().save()


class BaseRenderer(Generic[M]):
    """Render one view model to PDF bytes; subclasses supply the story."""

    pagesize = LETTER
    margin_left = margin_right = 0.75 * inch
    margin_top = 1.1 * inch
    margin_bottom = 0.9 * inch

    def __init__(self, *, invariant: bool = False, progress: Progress | None = None) -> None:
        self.invariant = invariant
        self.progress = progress
        self.state = PageState()
        self.letterhead = Letterhead()
        self._logo: ImageReader | None = None
        self.page_count = 0  # pages in the last document rendered
        self.blank_pages = 0  # of which left blank for two-sided printing

    @property
    def text_area(self) -> tuple[float, float]:
        """Width and height of the page's body frame, in points."""
        width, height = self.pagesize
        return width - self.margin_left - self.margin_right, height - self.margin_top - self.margin_bottom

    # -- hooks -----------------------------------------------------------------------------

    def story(self, model: M) -> list[Flowable]:
        raise NotImplementedError

    def document_info(self, model: M) -> DocumentInfo:
        raise NotImplementedError

    def letterhead_of(self, model: M) -> Letterhead:
        return getattr(model, "letterhead", Letterhead())

    def styles(self, large_print: bool) -> Styles:
        return styles(large_print)

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        frame = Frame(
            doc.leftMargin,
            doc.bottomMargin,
            doc.width,
            doc.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return [PageTemplate(id="page", frames=[frame], onPageEnd=self._on_page_end)]

    def draw_header(self, canvas: Canvas, state: PageState, first_page: bool) -> None:
        """Clinic name (and logo) on the left; on the right, a name or a "continued" title."""
        width, height = self.pagesize
        small = self.styles(state.large_print).sizes.small
        top = height - 0.45 * inch
        x = self.margin_left
        canvas.saveState()
        if self._logo is not None:
            logo_h = 0.42 * inch if not state.large_print else 0.55 * inch
            iw, ih = self._logo.getSize()
            logo_w = min(logo_h * iw / ih, 2.2 * inch) if ih else logo_h
            canvas.drawImage(
                self._logo, x, top - logo_h + small * 0.3, logo_w, logo_h, preserveAspectRatio=True, mask="auto"
            )
            x += logo_w + 8
        right_x = width - self.margin_right
        gap = small
        if state.name:
            name = _fit(canvas, state.name, fonts.BOLD, small + 1, 1.5 * inch)
            canvas.setFont(fonts.BOLD, small + 1)
            canvas.setFillColor(colors.black)
            canvas.drawRightString(right_x, top - small, name)
            right_x -= canvas.stringWidth(name, fonts.BOLD, small + 1) + gap
        clinic = self.letterhead.clinic_name
        clinic_w = canvas.stringWidth(clinic, fonts.BOLD, small + 1)
        right = state.header_right if first_page else (state.continued_right or state.header_right)
        if right:
            # The page's own words get what the clinic name leaves, and at least half.
            room = max(right_x - x - clinic_w - gap * 2, (right_x - x) / 2)
            right = _fit(canvas, right, fonts.REGULAR, small, room)
            canvas.setFont(fonts.REGULAR, small)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(right_x, top - small, right)
            right_x -= canvas.stringWidth(right, fonts.REGULAR, small) + gap * 2
        if clinic:
            canvas.setFont(fonts.BOLD, small + 1)
            canvas.setFillColor(MUTED)
            canvas.drawString(x, top - small, _fit(canvas, clinic, fonts.BOLD, small + 1, right_x - x))
        rule_y = height - self.margin_top + 0.22 * inch
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.margin_left, rule_y, width - self.margin_right, rule_y)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, state: PageState) -> None:
        width, _height = self.pagesize
        small = self.styles(state.large_print).sizes.small
        y = self.margin_bottom - 0.45 * inch
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.margin_left, y + small * 1.4, width - self.margin_right, y + small * 1.4)
        canvas.setFont(fonts.REGULAR, small)
        canvas.setFillColor(MUTED)
        room = width - self.margin_left - self.margin_right - small * 9
        canvas.drawString(self.margin_left, y, _fit(canvas, state.footer, fonts.REGULAR, small, room))
        canvas.restoreState()

    def draw_page_number(self, canvas: Canvas, state: PageState, page: int, pages: int) -> None:
        if state.blank:
            return
        width, _height = self.pagesize
        small = self.styles(state.large_print).sizes.small
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, small)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(
            width - self.margin_right,
            self.margin_bottom - 0.45 * inch,
            label(state.language, "page", page=page, pages=pages),
        )
        canvas.restoreState()

    # -- machinery -------------------------------------------------------------------------

    def begin(self, **changes: Any) -> Mark:
        """A mark that starts a new section of page furniture where it lands."""

        def action(canvas: Canvas) -> None:
            self.state = replace(self.state, section_start=canvas.getPageNumber(), blank=False, **changes)

        return Mark(action)

    def start_on_odd_page(self, language: str = "en", large_print: bool = False) -> Flowable:
        """Placed at the top of a page: if it is an even page, leave it blank and go on.

        For two-sided printing: what follows then starts on the front of a new sheet. The
        blank page has no header, name or number, only a small line in ``language`` saying
        it is blank on purpose, so a page with nothing on it is never taken for a fault.
        """

        def action(canvas: Canvas) -> None:
            self.state = replace(self.state, blank=True, section=("blank", canvas.getPageNumber()))

        st = self.styles(large_print)
        note = ParagraphStyle("blank-page", parent=st.small, alignment=TA_CENTER)
        return DocIf(
            "doc.page % 2 == 0",
            [
                Mark(action),
                Spacer(1, self.text_area[1] / 2 - st.sizes.small),
                Paragraph(text(label(language, "blank_page")), note),
                PageBreak(),
            ],
        )

    def report(self, done: int, total: int, what: str = "") -> Mark:
        """A mark that reports progress when layout reaches it."""

        def action(_canvas: Canvas) -> None:
            if self.progress is not None:
                self.progress(done, total, what)

        return Mark(action)

    def _on_page_end(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        state = self.state
        if not state.blank:
            first = canvas.getPageNumber() == state.section_start
            self.draw_header(canvas, state, first)
            self.draw_footer(canvas, state)
        canvas.fac_state = state  # type: ignore[attr-defined]

    def _load_logo(self) -> None:
        self._logo = None
        if not self.letterhead.logo:
            return
        try:
            reader = ImageReader(io.BytesIO(self.letterhead.logo))
            reader.getSize()
        except Exception:  # a broken logo must never stop handouts printing
            log.warning("The clinic logo could not be read; printing without it", exc_info=True)
            return
        self._logo = reader

    def build(self, model: M, story: list[Flowable]) -> bytes:
        """Lay out ``story`` into a PDF with this renderer's pages and furniture."""
        info = self.document_info(model)
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=info.title,
            subject=info.subject,
            author=self.letterhead.clinic_name or "Facilitator",
            creator="Facilitator",
            lang=info.language,
            invariant=1 if self.invariant else 0,
            initialFontName=fonts.REGULAR,  # else every page names Helvetica, never embedded
            initialFontSize=10,
        )
        doc.addPageTemplates(self.page_templates(doc))
        self.state = PageState()

        def canvasmaker(*args: Any, **kwargs: Any) -> _HeldPagesCanvas:
            return _HeldPagesCanvas(*args, renderer=self, **kwargs)

        doc.build(story, canvasmaker=canvasmaker)
        return buffer.getvalue()

    def render(self, model: M) -> bytes:
        """The PDF for ``model``."""
        fonts.register_fonts()
        with _render_lock:
            self.letterhead = self.letterhead_of(model)
            self._load_logo()
            return self.build(model, self.story(model))


def _fit(canvas: Canvas, value: str, font: str, size: float, room: float) -> str:
    """``value`` cut with an ellipsis to fit ``room`` points."""
    if canvas.stringWidth(value, font, size) <= room:
        return value
    while value and canvas.stringWidth(value + "…", font, size) > room:
        value = value[:-1]
    return value.rstrip() + "…"
