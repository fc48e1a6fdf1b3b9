"""Printing from the app: choose what to print, see the pages, then print or save as PDF.

The dialog turns its options into a ``core.printing.PrintRequest`` and builds the model
with ``core.printing.build_document``, the same function the command line uses. It renders
off the UI thread with a progress bar and shows the PDF with QtPdf. Printing sends page
images to the system's printer through QPrintDialog; saving writes the same PDF bytes the
preview shows.

Names: the dialog prints names only when a caller passes recipients (a meeting's attendees)
and the counselor ticks "Print first names". A named packet is protected information, so
the dialog says so, and the file name it suggests never holds a name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import printing as P
from ..core.curriculum import Curriculum
from ..core.library import Library
from ..core.printing import MAX_COPIES, DocumentKind, available_kinds
from .errors import show_error
from .i18n import core_word, sentence_text, translate
from .style import qcolor, set_ink_style
from .worker import run_in_background

log = logging.getLogger(__name__)

RERENDER_DELAY_MS = 250
PRINT_DPI = 300


@dataclass(frozen=True)
class Rendered:
    request: P.PrintRequest
    pdf: bytes
    pages: int
    blank_pages: int
    notes: tuple[str, ...]


def suggested_file_name(request: P.PrintRequest, curriculum: Curriculum) -> str:
    """A file name from what is printed; never from whom it is for."""
    parts = [curriculum.id]
    if request.session_id and request.kind is not DocumentKind.WORKBOOK:
        parts.append(f"session-{curriculum.session_number(request.session_id)}")
    parts.append(request.kind.value)
    if request.large_print:
        parts.append("large-print")
    language = request.language or curriculum.language
    if _primary(language) != _primary(curriculum.language):
        parts.append(language)
    return "-".join(parts) + ".pdf"


def _primary(language: str) -> str:
    return language.split("-")[0].lower()


def page_image(document: QPdfDocument, page: int, size: QSize) -> QImage:
    """A page as an opaque image: QtPdf leaves the background transparent."""
    rendered = document.render(page, size)
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(qcolor("paper"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


class PrintDialog(QDialog):
    """Options on the left, the pages on the right, Print and Save as PDF below."""

    rendered = Signal(int)  # pages in the preview, after each finished render
    render_failed = Signal(str)

    def __init__(
        self,
        library: Library,
        curriculum_id: str,
        session_id: str | None = None,
        *,
        letterhead: P.Letterhead | None = None,
        kind: DocumentKind | None = None,
        recipients: Sequence[P.Recipient] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._curriculum = library.get(curriculum_id)
        self._session_id = session_id
        self._letterhead = letterhead or P.Letterhead()
        self._recipients = list(recipients) if recipients is not None else None
        self._generation = 0
        self._current: Rendered | None = None
        self._closed = False
        self.setWindowTitle(self.tr("Print"))
        self.setAccessibleName(self.tr("Print handouts and guides"))
        self.resize(1180, 860)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("What to print"))
        for k in available_kinds(self._curriculum, session_id):
            self.kind.addItem(core_word(k.label), k.value)
        if kind is not None and self.kind.findData(kind.value) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(kind.value))

        self.copies = QSpinBox()
        self.copies.setRange(1, MAX_COPIES)
        self.copies.setAccessibleName(self.tr("Number of copies"))
        self.copies.setToolTip(self.tr("One copy of every handout of the session for each person"))

        self.large_print = QCheckBox(self.tr("&Large print (18 point)"))
        self.large_print.setAccessibleName(self.tr("Large print"))
        if self._recipients is not None:
            self.large_print.setToolTip(
                self.tr("Every copy in large print. Unticked, each person gets the size their record asks for.")
            )

        self.two_sided = QCheckBox(self.tr("&Two-sided printing"))
        self.two_sided.setChecked(P.TWO_SIDED_DEFAULT)
        self.two_sided.setAccessibleName(self.tr("Two-sided printing, each copy on its own sheets"))
        self.two_sided.setToolTip(
            self.tr("Tick this when the printer prints on both sides: a blank page is added where one copy "
            "would otherwise end on the front of a sheet whose back starts the next copy.")
        )

        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for edition in sorted(
            library.editions(self._curriculum), key=lambda c: (c.language != self._curriculum.language, c.language)
        ):
            self.language.addItem(f"{_language_name(edition.language)} — {edition.title}", edition.language)

        self.names = QCheckBox(self.tr("Print first &names"))
        self.names.setAccessibleName(self.tr("Print first names on handouts"))
        self.names.setToolTip(self.tr("Each copy carries its owner's first name. A named handout is protected information."))
        self.names_warning = QLabel(
            self.tr("Named handouts are protected health information: hand each to its owner and shred any "
            "left over. Leave Two-sided printing ticked if the printer prints on both sides: each copy then starts on a new sheet.")
        )
        self.names_warning.setWordWrap(True)
        self.names_warning.setAccessibleName(self.tr("Warning about named handouts"))
        set_ink_style(self.names_warning, "color: {warning};")

        form = QFormLayout()
        form.addRow(self.tr("&Print:"), self.kind)
        form.addRow(self.tr("&Copies:"), self.copies)
        form.addRow("", self.large_print)
        form.addRow("", self.two_sided)
        form.addRow(self.tr("Lan&guage:"), self.language)
        form.addRow("", self.names)
        form.addRow(self.names_warning)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("What will print"))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Notes about this print"))
        set_ink_style(self.notes, "color: {warning};")
        self.notes.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Preparing the pages"))
        self.progress.setTextVisible(True)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.summary)
        left.addWidget(self.notes)
        left.addStretch(1)
        left.addWidget(self.progress)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(360)

        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self.preview = QPdfView()
        self.preview.setAccessibleName(self.tr("Preview of the pages"))
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.preview.setPageSpacing(12)
        set_ink_style(self.preview, "background: {desk};")
        self.preview.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self.zoom = QComboBox()
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Whole page"), QPdfView.ZoomMode.FitInView.value)
        self.zoom.addItem(self.tr("Page width"), QPdfView.ZoomMode.FitToWidth.value)
        self.zoom.currentIndexChanged.connect(self._on_zoom)
        zoom_label = QLabel(self.tr("&Zoom:"))
        zoom_label.setBuddy(self.zoom)
        self.page_label = QLabel()
        self.page_label.setAccessibleName(self.tr("Page shown"))
        preview_bar = QHBoxLayout()
        preview_bar.addWidget(self.page_label)
        preview_bar.addStretch(1)
        preview_bar.addWidget(zoom_label)
        preview_bar.addWidget(self.zoom)
        preview_box = QVBoxLayout()
        preview_box.addWidget(self.preview, 1)
        preview_box.addLayout(preview_bar)

        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setAccessibleName(self.tr("Print on a printer"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("Choose a printer and print these pages (Ctrl+P)"))
        self.print_button.clicked.connect(self._on_print)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.setAccessibleName(self.tr("Save as PDF"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self._on_save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        body = QHBoxLayout()
        body.addWidget(left_box)
        body.addLayout(preview_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        self.setTabOrder(self.kind, self.copies)
        self.setTabOrder(self.copies, self.large_print)
        self.setTabOrder(self.large_print, self.two_sided)
        self.setTabOrder(self.two_sided, self.language)
        self.setTabOrder(self.language, self.names)
        self.setTabOrder(self.names, self.preview)
        self.setTabOrder(self.preview, self.zoom)
        self.setTabOrder(self.zoom, self.print_button)
        self.setTabOrder(self.print_button, self.save_button)
        self.setTabOrder(self.save_button, self.close_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RERENDER_DELAY_MS)
        self._timer.timeout.connect(self._render)
        self.kind.currentIndexChanged.connect(self._on_options_changed)
        self.copies.valueChanged.connect(self._on_options_changed)
        self.large_print.toggled.connect(self._on_options_changed)
        self.language.currentIndexChanged.connect(self._on_options_changed)
        self.two_sided.toggled.connect(self._on_options_changed)
        self.names.toggled.connect(self._on_names_toggled)

        self._sync_controls()
        self._render()

    # -- public --------------------------------------------------------------------------

    def request(self) -> P.PrintRequest:
        """What the options on screen ask for."""
        kind = DocumentKind(self.kind.currentData() or DocumentKind.GUIDE.value)
        return P.PrintRequest(
            kind=kind,
            curriculum_id=self._curriculum.id,
            session_id=self._session_id,
            language=self.language.currentData() or self._curriculum.language,
            large_print=self.large_print.isChecked(),
            copies=self.copies.value(),
            recipients=tuple(self._recipients) if self._recipients is not None else None,
            show_names=self.names.isChecked() and self._recipients is not None,
            two_sided=kind is DocumentKind.HANDOUTS and self.two_sided.isChecked(),
            letterhead=self._letterhead,
        )

    @property
    def pdf(self) -> bytes | None:
        """The PDF the preview shows, once rendered."""
        return self._current.pdf if self._current else None

    def save_to(self, path: Path) -> None:
        """Write the previewed PDF, whole or not at all."""
        assert self._current is not None
        from ..core.files import write_private

        write_private(Path(path), self._current.pdf)

    def print_to(self, printer: QPrinter, report: Callable[[int, int], bool] | None = None) -> int:
        """Draw the pages onto ``printer``; returns how many were printed.

        ``report(done, total)`` may return False to stop.
        """
        count = self.document.pageCount()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(0, printer.fromPage() - 1)
            last = min(count - 1, printer.toPage() - 1) if printer.toPage() > 0 else last
        dpi = min(printer.resolution(), PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be opened")
        printed = 0
        try:
            for page in range(first, last + 1):
                if report is not None and report(printed, last - first + 1) is False:
                    break
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
                image = page_image(self.document, page, size)
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
                printed += 1
        finally:
            painter.end()
        return printed

    # -- slots ---------------------------------------------------------------------------

    def _on_zoom(self, _index: int) -> None:
        self.preview.setZoomMode(QPdfView.ZoomMode(self.zoom.currentData()))

    def _on_page_changed(self, page: int) -> None:
        count = self.document.pageCount()
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=page + 1, count=count) if count else "")

    def _on_names_toggled(self, on: bool) -> None:
        if on:
            # Printed on both sides, a sheet could carry two people's names: start each copy anew.
            self.two_sided.setChecked(True)
        self._on_options_changed()

    def _on_options_changed(self, *_args: object) -> None:
        self._sync_controls()
        self._timer.start()

    def _on_print(self) -> None:
        if self._current is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(suggested_file_name(self._current.request, self._curriculum)).stem)
        printer.setFromTo(1, self._current.pages)
        dialog = QPrintDialog(printer, self)
        dialog.setAccessibleName(self.tr("Choose a printer"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        progress = QProgressDialog(self.tr("Sending the pages to the printer…"), self.tr("Stop"), 0, self._current.pages, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAccessibleName(self.tr("Printing progress"))
        progress.setMinimumDuration(300)

        def report(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            printed = self.print_to(printer, report)
        except Exception:
            log.exception("Printing failed")
            show_error(
                self,
                self.tr("Print"),
                self.tr("The pages could not be sent to the printer. Check that it is on and try again, or save as PDF."),
            )
            return
        finally:
            progress.close()
        self.summary.setText(self.tr("Sent 1 page to the printer.") if printed == 1
                             else self.tr("Sent {count} pages to the printer.").format(count=printed))

    def _on_save(self) -> None:
        if self._current is None:
            return
        start = str(Path.home() / suggested_file_name(self._current.request, self._curriculum))
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), start, self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            self.save_to(path)
        except OSError as exc:
            log.exception("Saving the PDF failed")
            show_error(self, self.tr("Save as PDF"), self.tr("The PDF could not be saved in {parent} ({exc}).").format(parent=path.parent, exc=exc.strerror or exc))
            return
        self.summary.setText(self.tr("Saved {name}.").format(name=path.name))

    def _render(self) -> None:
        self._timer.stop()
        request = self.request()
        self._generation += 1
        generation = self._generation
        library = self._library
        self.progress.setRange(0, 0)
        self.progress.setFormat("Preparing the pages…")
        self.progress.setVisible(True)
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

        def work(report: Callable[[int, int, str], None]) -> Rendered:
            from ..handouts import renderer_for

            model, notes = P.build_document(library, request)
            renderer = renderer_for(model, progress=report)
            pdf = renderer.render(model)
            return Rendered(request, pdf, renderer.page_count, renderer.blank_pages, notes)

        run_in_background(
            work,
            lambda result: self._on_rendered(generation, result),
            lambda exc: self._on_render_failed(generation, exc),
            lambda done, total, _what: self._on_progress(generation, done, total),
        )

    def _on_progress(self, generation: int, done: int, total: int) -> None:
        if self._closed or generation != self._generation:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat("Preparing the pages… %p%")

    def _on_rendered(self, generation: int, result: Rendered) -> None:
        if self._closed or generation != self._generation:
            return
        self._current = result
        data = QByteArray(result.pdf)
        buffer = QBuffer(self)
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.progress.setVisible(False)
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.summary.setText(self._summary_text(result))
        self.notes.setText("\n".join(result.notes))
        self.notes.setVisible(bool(result.notes))
        self._on_page_changed(self.preview.pageNavigator().currentPage())
        self.rendered.emit(result.pages)

    def _on_render_failed(self, generation: int, exc: Exception) -> None:
        if self._closed or generation != self._generation:
            return
        self.progress.setVisible(False)
        sentence = self.tr("The pages could not be prepared. The log has the details; try again, or print fewer copies.")
        from ..handouts import FontMissing

        if isinstance(exc, FontMissing):
            sentence = sentence_text(exc)
        self.summary.setText(sentence)
        self.render_failed.emit(sentence)

    # -- helpers -------------------------------------------------------------------------

    def _sync_controls(self) -> None:
        handouts = self.kind.currentData() == DocumentKind.HANDOUTS.value
        self.copies.setEnabled(handouts and self._recipients is None)
        self.two_sided.setVisible(handouts)
        if self._recipients is not None:
            self.copies.setValue(max(1, len(self._recipients)))
        has_recipients = handouts and self._recipients is not None
        self.names.setVisible(has_recipients)
        self.names_warning.setVisible(has_recipients and self.names.isChecked())
        self.language.setEnabled(self.language.count() > 1 and not (handouts and self._recipients is not None))

    def _summary_text(self, result: Rendered) -> str:
        r = result.request
        pages = self.tr("1 page") if result.pages == 1 else self.tr("{count} pages").format(count=result.pages)
        if result.blank_pages:
            pages = self.tr("{pages} ({blank} left blank so each copy starts on a new sheet)").format(
                pages=pages, blank=result.blank_pages)
        if r.kind is DocumentKind.HANDOUTS:
            handouts = len(self._curriculum.session(r.session_id or "").handouts)
            copies = r.copy_count
            what = (self.tr("1 copy of {handouts} handouts") if copies == 1
                    else self.tr("{copies} copies of {handouts} handouts")) if handouts != 1 else (
                self.tr("1 copy of 1 handout") if copies == 1 else self.tr("{copies} copies of 1 handout"))
            return self.tr("{what}: {pages}.").format(what=what.format(copies=copies, handouts=handouts), pages=pages)
        return self.tr("{what}: {pages}.").format(what=core_word(r.kind.label), pages=pages)

    def done(self, result: int) -> None:  # noqa: D401 (Qt's name)
        self._closed = True
        self._timer.stop()
        super().done(result)


class PrintActions:
    """Adds "Print…" and "Facilitator guide…" to the Library page's action bar.

    Both open the print dialog on what the page shows: a session prints its handouts (or
    its guide when it has none); a curriculum prints its workbook.
    """

    def __init__(self, page, library_state, settings, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        self._page = page
        self._state = library_state
        self._settings = settings
        self._parent = parent or page
        self.dialog: PrintDialog | None = None
        self.print_button = QPushButton(translate("PrintActions", "&Print…"))
        self.print_button.setAccessibleName(translate("PrintActions", "Print handouts"))
        self.print_button.setToolTip(translate("PrintActions", "Print this session's handouts, or the curriculum's workbook (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.guide_button = QPushButton(translate("PrintActions", "Facilitator gu&ide…"))
        self.guide_button.setAccessibleName(translate("PrintActions", "Print the facilitator guide"))
        self.guide_button.setToolTip(translate("PrintActions", "Print this session's facilitator guide with its role cards (Ctrl+Shift+P)"))
        self.guide_button.setShortcut(QKeySequence("Ctrl+Shift+P"))
        page.actions_bar.addWidget(self.print_button)
        page.actions_bar.addWidget(self.guide_button)
        self.print_button.clicked.connect(self._on_print)
        self.guide_button.clicked.connect(self._on_guide)
        page.session_chosen.connect(self._on_selection)
        self._on_selection()

    def _on_selection(self, *_args: object) -> None:
        selection = self._page.current_selection()
        curriculum = self._state.library.find(selection[0]) if selection else None
        session_id = selection[1] if selection else None
        self.print_button.setEnabled(curriculum is not None and bool(available_kinds(curriculum, session_id)))
        self.guide_button.setEnabled(curriculum is not None and bool(session_id))

    def _on_print(self) -> None:
        self.open(None)

    def _on_guide(self) -> None:
        self.open(DocumentKind.GUIDE)

    def open(self, kind: DocumentKind | None) -> PrintDialog | None:
        """Open the print dialog on what the Library shows; returns it (it runs modeless)."""
        selection = self._page.current_selection()
        if not selection or self._state.library.find(selection[0]) is None:
            return None
        return self._show(selection[0], selection[1], kind=kind)

    def open_packet(self, curriculum_id: str, session_id: str, recipients: Sequence[P.Recipient]) -> PrintDialog | None:
        """Open the print dialog on a meeting's packet: one copy per recipient, in their edition."""
        if self._state.library.find(curriculum_id) is None:
            show_error(self._parent, translate("PrintActions", "Handout packet"), translate("PrintActions", "This meeting's curriculum is not loaded, so its handouts cannot be printed."))
            return None
        return self._show(curriculum_id, session_id, recipients=recipients)

    def _show(
        self,
        curriculum_id: str,
        session_id: str | None,
        *,
        kind: DocumentKind | None = None,
        recipients: Sequence[P.Recipient] | None = None,
    ) -> PrintDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = PrintDialog(
            self._state.library,
            curriculum_id,
            session_id,
            letterhead=self._letterhead(),
            kind=kind,
            recipients=recipients,
            parent=self._parent,
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.show()
        return self.dialog

    def _forget(self, *_args: object) -> None:
        self.dialog = None

    def _letterhead(self) -> P.Letterhead:
        try:
            return P.Letterhead.from_settings(self._settings.all())
        except Exception:
            log.warning("Could not read the clinic settings; printing without the clinic name", exc_info=True)
            return P.Letterhead()


_LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt": "Português",
    "vi": "Tiếng Việt",
    "zh": "中文",
}


def _language_name(tag: str) -> str:
    return _LANGUAGE_NAMES.get(_primary(tag), tag)
