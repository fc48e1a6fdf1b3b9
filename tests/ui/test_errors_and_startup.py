"""Unexpected errors and an unopenable database reach the user as sentences, never tracebacks."""

from __future__ import annotations

import sys
from pathlib import Path

from facilitator.config import AppConfig


def test_an_uncaught_error_is_logged_and_shown_calmly(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.logs import setup_logging
    from facilitator.ui import errors

    log_file = setup_logging(tmp_path / "logs")
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook()
    try:
        raise KeyError("boom in a slot")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    [(title, text)] = shown
    assert title == "Unexpected problem"
    assert str(log_file) in text and "Traceback" not in text and "boom" not in text
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "boom in a slot" in logged


def test_a_database_that_cannot_open_shows_a_sentence_in_the_window(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.app import start_backend
    from facilitator.ui.main_window import MainWindow

    folder = tmp_path / "is-a-folder.sqlite"
    folder.mkdir()
    config = AppConfig.build(data_dir=tmp_path / "data", database_url=f"sqlite:///{folder}", environ={})
    window = MainWindow(config)
    qtbot.addWidget(window)
    window.show()
    start_backend(window, config)  # opens the database on a worker thread
    qtbot.waitUntil(lambda: "database" in window.loading_label.text().lower() and "Opening" not in window.loading_label.text(), timeout=10000)
    assert window.backend is None
    text = window.loading_label.text()
    assert "Traceback" not in text
    assert text.startswith("Cannot open the database") or text.startswith("Facilitator could not open")


def test_a_long_database_sentence_is_shown_whole(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from facilitator.backend import open_backend
    from facilitator.ui.app import start_backend
    from facilitator.ui.main_window import MainWindow

    # A configured clinic whose database file went missing: refused with a long sentence, not recreated.
    deep = tmp_path / "clinic-records" / "evening-intensive-outpatient-program" / "workstation-data"
    database = deep / "facilitator.sqlite"
    config = AppConfig.build(data_dir=deep, database_url=f"sqlite:///{database}", environ={})
    open_backend(config).dispose()
    database.unlink()
    window = MainWindow(config)
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.show()
    start_backend(window, config)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Could not open the database", timeout=10000)
    label = window.loading_label
    sentence = label.text()
    assert len(sentence) > 150 and str(database) in sentence, sentence
    assert not database.exists(), "the missing database was not made again"

    def shown_whole() -> bool:
        from PySide6.QtCore import QRect, Qt

        room = label.contentsRect()
        needed = label.fontMetrics().boundingRect(QRect(0, 0, room.width(), 10_000), Qt.TextFlag.TextWordWrap,
                                                  label.text())
        return needed.width() <= room.width() and needed.height() <= room.height()

    for width, height in ((900, 600), (560, 480), (1400, 900)):
        window.resize(width, height)
        qtbot.waitUntil(shown_whole)
        assert label.width() <= window.loading.width()
        assert label.height() >= 2 * label.fontMetrics().lineSpacing(), "a long sentence wraps onto several lines"
