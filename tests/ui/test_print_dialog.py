"""Printing from the app, as a counselor does it: open, adjust, look at the pages, save or print."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSize, Qt
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
    assert dialog.request().large_print and dialog.request().copies == 3
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
    assert dialog.request().kind is DocumentKind.GUIDE
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

    assert not dialog.two_sided.isChecked()
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        dialog.names.setFocus()
        qtbot.keyClick(dialog.names, Qt.Key.Key_Space)
    assert not dialog.names_warning.isHidden()
    assert dialog.two_sided.isChecked() and dialog.request().two_sided
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

    monkeypatch.setattr(P, "build_document", broken)
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
    assert dialog is not None and dialog.request().kind is DocumentKind.HANDOUTS
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=10000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Harbor House" in pages_of(tmp_path / "saved-1.pdf")[0]
    dialog.close()

    qtbot.mouseClick(actions.guide_button, Qt.MouseButton.LeftButton)
    guide = actions.dialog
    assert guide is not None and guide is not dialog and guide.request().kind is DocumentKind.GUIDE
    qtbot.waitUntil(lambda: guide.pdf is not None, timeout=10000)
    guide.close()


# -- two-sided printing, and one way to build what prints --------------------------------

BLANK = P.label("en", "blank_page")


def click_box(qtbot, box) -> None:  # type: ignore[no-untyped-def]
    """Click a check box where a person would: on its box, at the left."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def texts(pdf: bytes | None) -> list[str]:
    assert pdf is not None
    return [re.sub(r"\s+", " ", p.extract_text() or "").strip() for p in PdfReader(io.BytesIO(pdf)).pages]


def first_pages(pages: list[str], names: list[str]) -> list[int]:
    """The page number (from 1) where each named person's copy starts."""
    return [next(i for i, p in enumerate(pages, 1) if name in p) for name in names]


def test_two_sided_puts_a_blank_back_after_a_copy_with_an_odd_page_count(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    # Large print: Alma's and Celia's English copies take three pages, Bruno's Spanish one two.
    people = [
        P.Recipient("Alma Ruiz", large_print=True),
        P.Recipient("Bruno", language="es", large_print=True),
        P.Recipient("Celia", large_print=True),
    ]
    names = ["Alma", "Bruno", "Celia"]
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no", recipients=people)
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        click_box(qtbot, dialog.names)  # names turn two-sided on
    two = texts(dialog.pdf)

    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        click_box(qtbot, dialog.two_sided)
    one = texts(dialog.pdf)

    # One-sided: copies follow each other with no blank page between them.
    assert BLANK not in one and "" not in one
    starts = first_pages(one, names)
    lengths = [b - a for a, b in zip(starts, [*starts[1:], len(one) + 1], strict=True)]
    assert starts[0] == 1 and any(n % 2 for n in lengths[:-1]), lengths  # some copy ends on a front page
    # Two-sided: a blank back after each copy with an odd page count (not after the last), so
    # every copy starts on an odd page, the front of a sheet; nothing else changes.
    blanks = sum(1 for n in lengths[:-1] if n % 2)
    assert len(two) == len(one) + blanks
    assert all(start % 2 == 1 for start in first_pages(two, names))
    blank_pages = {BLANK, "Esta página se deja en blanco."}  # a blank back speaks its copy's language
    assert [p for p in two if p not in blank_pages] == one
    for index in (i for i, page in enumerate(two) if page in blank_pages):
        assert not any(name in two[index] for name in names) and "Page" not in two[index]
    assert all("Alma" in page for page in two[: lengths[0]])
    assert dialog.summary.text() == f"3 copies of 2 handouts: {len(one)} pages."

    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        click_box(qtbot, dialog.two_sided)
    assert texts(dialog.pdf) == two
    assert dialog.summary.text() == (
        f"3 copies of 2 handouts: {len(two)} pages ({blanks} left blank so each copy starts on a new sheet)."
    )


@pytest.fixture
def cli_data_dir(tmp_path: Path) -> Path:
    """A data folder for ``facilitator handouts`` whose curricula folder holds the same sample."""
    import shutil

    clinic = tmp_path / "cli-data" / "curricula"
    clinic.mkdir(parents=True)
    for f in FIXTURES.glob("*.yaml"):
        shutil.copy(f, clinic / f.name)
    return tmp_path / "cli-data"


def cli_pages(data_dir: Path, out: Path, *args: str) -> list[str]:
    from facilitator.cli import main

    assert main(["--data-dir", str(data_dir), "handouts", *args, "--clinic-name", "Lakeside", "-o", str(out)]) == 0
    return texts(out.read_bytes())


def test_the_command_line_prints_the_pages_the_dialog_shows(qtbot, library: Library, cli_data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no", letterhead=P.Letterhead("Lakeside"))
    default = texts(dialog.pdf)
    assert default == cli_pages(cli_data_dir, tmp_path / "default.pdf", "print-sample", "1")

    dialog.copies.setFocus()
    dialog.copies.selectAll()
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        qtbot.keyClicks(dialog.copies, "3")
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        qtbot.mouseClick(dialog.large_print, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        click_box(qtbot, dialog.two_sided)
    two_sided = texts(dialog.pdf)
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        click_box(qtbot, dialog.two_sided)
    one_sided = texts(dialog.pdf)

    args = ("print-sample", "saying-no", "--copies", "3", "--large-print")
    assert cli_pages(cli_data_dir, tmp_path / "two.pdf", *args, "--two-sided") == two_sided
    assert cli_pages(cli_data_dir, tmp_path / "one.pdf", *args) == one_sided
    assert cli_pages(cli_data_dir, tmp_path / "no.pdf", *args, "--no-two-sided") == one_sided
    assert two_sided.count(BLANK) == 2 and BLANK not in one_sided  # odd copies: a back after each but the last
    assert len(two_sided) == len(one_sided) + 2


def test_the_dialog_and_the_command_line_build_through_one_function(
    qtbot, library: Library, cli_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from facilitator.cli import main

    requests: list[P.PrintRequest] = []
    real = P.build_document

    def spy(library: Library, request: P.PrintRequest):  # type: ignore[no-untyped-def]
        requests.append(request)
        return real(library, request)

    monkeypatch.setattr(P, "build_document", spy)
    dialog = open_dialog(qtbot, library, "print-sample", "saying-no", letterhead=P.Letterhead("Lakeside"))
    with qtbot.waitSignal(dialog.rendered, timeout=10000):
        click_box(qtbot, dialog.two_sided)
    from_dialog = requests[-1]
    assert from_dialog.two_sided and len(requests) == 2

    out = tmp_path / "cli.pdf"
    args = ["--data-dir", str(cli_data_dir), "handouts", "print-sample", "1", "--two-sided"]
    assert main([*args, "--clinic-name", "Lakeside", "-o", str(out)]) == 0
    assert len(requests) == 3 and requests[-1] == from_dialog
    assert out.read_bytes()[:5] == b"%PDF-"
