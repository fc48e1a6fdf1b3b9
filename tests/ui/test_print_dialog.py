"""Printing from the app, as a counselor does it: open, adjust, look at the pages, save or print."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from facilitator.core import printing as P
from facilitator.core.library import Library, load_library
from facilitator.ui import print_dialog as pd
from facilitator.ui.print_dialog import DocumentKind, PrintActions, PrintDialog

FIXTURES = Path(__file__).parents[1] / "handouts" / "fixtures"


@pytest.fixture(scope="module")
def library() -> Library:
    lib = load_library(None, None, extra=[FIXTURES])
    assert lib.ok
    return lib


def pages_of(path: Path) -> list[str]:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]


def open_dialog(qtbot, library: Library, *args, **kwargs) -> PrintDialog:  # type: ignore[no-untyped-def]
    dialog = PrintDialog(library, *args, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        dialog.show()
    return dialog


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The file dialog answers with a path in tmp_path; the suggested names are kept."""
    suggested: list[str] = []

    def answer(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        suggested.append(start)
        return str(tmp_path / f"saved-{len(suggested)}.pdf"), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return suggested


def test_set_copies_and_large_print_then_save(qtbot, library: Library, save_as: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no", letterhead=P.Letterhead("Lakeside Counseling"))
    one_copy = dialog.document.pageCount()
    assert one_copy >= 2 and dialog.summary.text() == f"1 copy of 2 handouts: {one_copy} pages."

    dialog.copies.setFocus()
    dialog.copies.selectAll()
    with qtbot.waitSignal(dialog.rendered, timeout=10000) as blocker:
        qtbot.keyClicks(dialog.copies, "3")
    assert blocker.args == [3 * one_copy] and dialog.document.pageCount() == 3 * one_copy

    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        qtbot.mouseClick(dialog.large_print, Qt.MouseButton.LeftButton)
    assert dialog.options().large_print and dialog.options().copies == 3
    assert not dialog.progress.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "saved-1.pdf"
    pages = pages_of(saved)
    assert len(pages) == dialog.document.pageCount() >= 3 * one_copy  # (the crisis box can fill a page either way)
    assert sum(bool(re.search(r"Five Ways to Say No(?! \(continued\))", p)) for p in pages) == 3
    assert sum("Help is there, day or night" in p for p in pages) == 3, "each copy carries the crisis box"
    assert all("Lakeside Counseling" in p for p in pages)
    assert Path(save_as[0]).name == "print-sample-session-1-handouts-large-print.pdf"
    assert dialog.summary.text() == "Saved saved-1.pdf."
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    sizes: set[float] = set()
    reader.pages[0].extract_text(
        visitor_text=lambda t, _c, _m, _f, size: sizes.add(size) if "Offer something" in t else None
    )
    assert sizes == {18.0}


def test_choose_spanish_and_the_guide(qtbot, library: Library, save_as: list[str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no")
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["en", "es"]
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        dialog.kind.setFocus()
        qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.options().kind is DocumentKind.GUIDE
    assert not dialog.copies.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    text = " ".join(pages_of(tmp_path / "saved-1.pdf"))
    assert "Guía del facilitador" in text and "Decir que no con firmeza" in text
    assert Path(save_as[0]).name == "print-sample-session-1-guide-es.pdf"


def test_a_missing_translation_is_explained(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, library, "print-sample", "talking-it-through")
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == ["guide", "workbook"]
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    assert dialog.notes.text() == "There is no 'es' edition; this prints in 'en'."
    assert not dialog.notes.isHidden()


def test_named_copies_for_attendees_say_they_are_protected(
    qtbot, library: Library, save_as: list[str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    people = [P.Recipient("Maria Lopez", language="es"), P.Recipient("Jo", large_print=True)]
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no", recipients=people)
    assert not dialog.copies.isEnabled() and dialog.copies.value() == 2
    assert not dialog.names.isChecked() and dialog.names_warning.isHidden()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Maria" not in " ".join(pages_of(tmp_path / "saved-1.pdf"))

    assert not dialog.double_sided.isChecked()
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        dialog.names.setFocus()
        qtbot.keyClick(dialog.names, Qt.Key.Key_Space)
    assert not dialog.names_warning.isHidden()
    assert dialog.double_sided.isChecked() and dialog.options().double_sided
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    pages = pages_of(tmp_path / "saved-2.pdf")
    assert "Maria" in pages[0] and "Cinco maneras de decir que no" in pages[0]
    assert "Lopez" not in " ".join(pages)
    assert all("Maria" not in name and "Jo" not in name for name in save_as)


def test_print_to_a_printer_draws_every_page_on_white(qtbot, library: Library, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no", kind=DocumentKind.GUIDE)
    image = pd.page_image(dialog.document, 0, QSize(85, 110))
    assert image.pixelColor(1, 1).name() == "#ffffff"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    seen: list[tuple[int, int]] = []
    printed = dialog.print_to(printer, lambda done, total: seen.append((done, total)) is None)
    assert printed == dialog.document.pageCount() == len(PdfReader(str(tmp_path / "printed.pdf")).pages)
    assert seen[0] == (0, printed) and seen[-1] == (printed - 1, printed)


def test_a_failed_render_is_a_sentence(qtbot, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pd, "build_model", broken)
    with qtbot.waitSignal(dialog.render_failed, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.large_print, Qt.MouseButton.LeftButton)
    assert blocker.args[0].startswith("The pages could not be prepared.")
    assert "boom" not in dialog.summary.text()
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()


def test_library_buttons_open_the_dialog_on_the_session_shown(
    qtbot, library: Library, engine, config, save_as, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from facilitator.store.settings_service import ClinicSettings
    from facilitator.ui.library_state import LibraryState
    from facilitator.ui.library_view import LibraryPage

    settings = ClinicSettings(engine)
    settings.set("clinic_name", "Harbor House")
    page = LibraryPage(LibraryState(config, library))
    qtbot.addWidget(page)
    actions = PrintActions(page, LibraryState(config, library), settings)
    page.show()
    page.open("print-sample")
    assert actions.print_button.isEnabled() and not actions.guide_button.isEnabled()
    page.open("print-sample", "saying-no")
    assert actions.print_button.isEnabled() and actions.guide_button.isEnabled()

    qtbot.mouseClick(actions.print_button, Qt.MouseButton.LeftButton)
    dialog = actions.dialog
    assert dialog is not None and dialog.options().kind is DocumentKind.HANDOUTS
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=10000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Harbor House" in pages_of(tmp_path / "saved-1.pdf")[0]
    dialog.close()

    qtbot.mouseClick(actions.guide_button, Qt.MouseButton.LeftButton)
    guide = actions.dialog
    assert guide is not None and guide is not dialog and guide.options().kind is DocumentKind.GUIDE
    qtbot.waitUntil(lambda: guide.pdf is not None, timeout=10000)
    guide.close()
