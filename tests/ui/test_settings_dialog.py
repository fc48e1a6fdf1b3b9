"""The Settings dialog is generated from the declared settings: every entry, set in its widget, lands in the database."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from facilitator.core import clinic_settings as cs
from facilitator.store.settings_service import ClinicSettings
from facilitator.ui import operations
from facilitator.ui.logo_picker import LogoPicker
from facilitator.ui.settings_dialog import SettingsDialog


def another_value(spec: cs.Setting):  # type: ignore[no-untyped-def]
    """A valid value other than the default, for each kind."""
    if spec.kind is cs.Kind.TEXT:
        return "Harbor House IOP"
    if spec.kind is cs.Kind.TIME_ZONE:
        return "America/Chicago"
    if spec.kind is cs.Kind.CHOICE:
        return next(c for c in reversed(spec.choices) if c != spec.default)
    if spec.kind in (cs.Kind.INTEGER, cs.Kind.NUMBER):
        assert spec.minimum is not None and spec.maximum is not None
        value = spec.default + 1 if spec.default + 1 <= spec.maximum else spec.default - 1
        return int(value) if spec.kind is cs.Kind.INTEGER else float(value)
    raise AssertionError(spec.kind)


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select what the field holds and type over it, as a user would."""
    editor = widget.lineEdit() if isinstance(widget, (QSpinBox, QDoubleSpinBox, QComboBox)) else widget
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.interpretText()


def press_save(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operations.busy())


def test_one_box_per_section_and_the_help_on_every_widget(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    titles = [b.accessibleName() for b in dialog.findChildren(QGroupBox)]
    assert titles[: len(cs.SECTIONS) + 1] == ["This workstation", *cs.SECTIONS], "this workstation's settings first"
    assert set(dialog.fields) == set(cs.SETTINGS)
    for key, spec in cs.SETTINGS.items():
        widget = dialog.field(key)
        assert widget.toolTip() == spec.help and widget.accessibleDescription() == spec.help
        assert widget.accessibleName() == spec.label
        assert dialog.sections[spec.section].isAncestorOf(widget)
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            assert (widget.minimum(), widget.maximum()) == (spec.minimum, spec.maximum)
            assert widget.suffix() == f" {spec.unit}"
        if spec.kind is cs.Kind.CHOICE:
            assert [widget.itemText(i) for i in range(widget.count())] == list(spec.choices)  # type: ignore[attr-defined]
    # the workstation's own setting is still here
    assert dialog.folder.text() == str(backend.config.clinic_curricula_dir)


def test_the_dialog_fits_the_screen_and_starts_with_what_a_counselor_may_change(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    """On a 1280×800 projector the sections scroll and Save stays on screen; Tab starts on this
    workstation's settings (the folder, then the language), and a field tabbed to far down is scrolled into view."""
    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    room = (main_window.screen() or QApplication.primaryScreen()).availableGeometry().height()
    assert dialog.frameGeometry().height() <= room
    assert dialog.buttons.geometry().bottom() <= dialog.height()
    assert dialog.scroll.widget().sizeHint().height() > dialog.scroll.viewport().height() or dialog.height() < room
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.folder.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.folder)
    order = [QApplication.focusWidget()]
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert dialog.language in order, "the language is among the first stops of the Tab chain"
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cancel)
    while QApplication.focusWidget() in dialog.buttons.findChildren(QWidget):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # back from the buttons into the sections
    last = QApplication.focusWidget()
    assert dialog.scroll.widget().isAncestorOf(last)
    qtbot.waitUntil(lambda: not last.visibleRegion().isEmpty())  # scrolled into view


@pytest.mark.parametrize("key", list(cs.SETTINGS))
def test_every_setting_is_saved_from_its_widget(qtbot, main_window, backend, monkeypatch, tmp_path: Path, key: str) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import settings_dialog

    told: list[str] = []
    monkeypatch.setattr(settings_dialog, "show_error", lambda _p, _t, text: told.append(text))
    spec = cs.SETTINGS[key]
    before = backend.settings.values()
    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    widget = dialog.field(key)
    if spec.kind is cs.Kind.IMAGE:
        from PIL import Image

        logo = tmp_path / "logo.png"
        Image.new("RGB", (40, 20), (30, 100, 160)).save(logo, "PNG")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a: (str(logo), "Images")))
        assert isinstance(widget, LogoPicker)
        qtbot.mouseClick(widget.choose, Qt.MouseButton.LeftButton)
        expected = base64.b64encode(logo.read_bytes()).decode()
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        expected = another_value(spec)
        widget.setFocus()
        widget.setCurrentIndex(widget.findText(expected))
    else:
        expected = another_value(spec)
        assert isinstance(widget, (QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox))
        type_into(qtbot, widget, f"{expected:g}" if isinstance(expected, float) else str(expected))
    press_save(qtbot, dialog)
    assert told == [] and dialog.result() == dialog.DialogCode.Accepted
    stored = ClinicSettings(backend.engine).values()  # read back from the database, not the dialog
    assert stored[key] == expected
    assert {k: v for k, v in stored.items() if k != key} == {k: v for k, v in before.items() if k != key}


def test_a_value_the_service_refuses_keeps_what_was_typed(qtbot, main_window, backend, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import settings_dialog

    told: list[str] = []
    monkeypatch.setattr(settings_dialog, "show_error", lambda _p, _t, text: told.append(text))
    dialog = SettingsDialog(backend, main_window.library_state, main_window)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.field("clinic_name"), "Typed name")
    type_into(qtbot, dialog.field("clinic_time_zone"), "Mars/Olympus")
    press_save(qtbot, dialog)
    assert told == ["'Mars/Olympus' is not a time zone Facilitator knows, such as America/Chicago."]
    assert dialog.isVisible() or dialog.result() != dialog.DialogCode.Accepted
    assert dialog.field("clinic_name").text() == "Typed name"  # type: ignore[attr-defined]
    assert backend.settings.value("clinic_name") == ""  # nothing was saved
