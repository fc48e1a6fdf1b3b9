"""The clinic logo: chosen in Settings, stored for every workstation, printed on handouts."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from facilitator.core import printing as P
from facilitator.handouts import render_pdf
from facilitator.ui import logo_picker
from facilitator.ui.logo_picker import LogoPicker


@pytest.fixture
def logo_file(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    Image.new("RGB", (160, 48), (30, 100, 160)).save(path, "PNG")
    return path


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(logo_picker, "show_error", lambda _parent, _title, text: said.append(text))
    return said


def choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(path), "Images")))


def test_choose_a_logo_then_remove_it(qtbot, monkeypatch, logo_file: Path, told: list[str]) -> None:  # type: ignore[no-untyped-def]
    picker = LogoPicker()
    qtbot.addWidget(picker)
    assert picker.value() == "" and not picker.remove.isEnabled()
    choose(monkeypatch, logo_file)
    qtbot.mouseClick(picker.choose, Qt.MouseButton.LeftButton)
    assert base64.b64decode(picker.value()) == logo_file.read_bytes()
    assert not picker.preview.pixmap().isNull() and picker.remove.isEnabled()
    qtbot.mouseClick(picker.remove, Qt.MouseButton.LeftButton)
    assert picker.value() == "" and "No logo" in picker.preview.text()
    assert told == []


def test_a_file_that_is_not_an_image_or_too_big_is_refused(
    qtbot, monkeypatch, tmp_path: Path, logo_file: Path, told: list[str]
) -> None:  # type: ignore[no-untyped-def]
    picker = LogoPicker(base64.b64encode(logo_file.read_bytes()).decode())
    qtbot.addWidget(picker)
    before = picker.value()
    fake = tmp_path / "notes.png"
    fake.write_text("not an image", encoding="utf-8")
    choose(monkeypatch, fake)
    qtbot.mouseClick(picker.choose, Qt.MouseButton.LeftButton)
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * (600 * 1024))
    choose(monkeypatch, big)
    qtbot.mouseClick(picker.choose, Qt.MouseButton.LeftButton)
    assert told == [
        "notes.png is not a PNG or JPEG image.",
        "big.png is 600 KB; please choose an image of 512 KB or less.",
    ]
    assert picker.value() == before


def test_the_stored_logo_prints_at_the_top_of_handouts(logo_file: Path, example_path: Path) -> None:
    from facilitator.core.library import load_library

    library = load_library(None, None, extra=[example_path])
    curriculum = library.curricula[0]
    letterhead = P.Letterhead.from_settings(
        {"clinic_name": "Harbor", P.LOGO_SETTING: base64.b64encode(logo_file.read_bytes()).decode()}
    )
    pdf = render_pdf(P.build_packet(curriculum, curriculum.sessions[0].id, [P.Recipient()], letterhead=letterhead))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(page.images) == 1 and page.images[0].image.size == (160, 48)


def test_settings_save_the_logo_for_every_workstation(qtbot, main_window, backend, monkeypatch, logo_file: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    choose(monkeypatch, logo_file)
    qtbot.mouseClick(dialog.logo.choose, Qt.MouseButton.LeftButton)
    dialog._on_save()
    from facilitator.ui import operations

    qtbot.waitUntil(lambda: not operations.busy())
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = backend.settings.get(P.LOGO_SETTING)
    assert base64.b64decode(stored) == logo_file.read_bytes()
    assert P.Letterhead.from_settings(backend.settings.all()).logo == logo_file.read_bytes()
