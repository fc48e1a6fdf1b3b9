"""UI fixtures: a main window attached to a real (temporary) backend."""

from __future__ import annotations

import pytest

from facilitator.backend import open_backend
from facilitator.config import AppConfig


@pytest.fixture
def backend(config: AppConfig):  # type: ignore[no-untyped-def]
    b = open_backend(config)
    yield b
    b.dispose()


@pytest.fixture
def main_window(qtbot, backend):  # type: ignore[no-untyped-def]
    from facilitator.ui.main_window import MainWindow

    window = MainWindow(backend.config)
    qtbot.addWidget(window)
    window.attach(backend)
    window.show()
    qtbot.waitExposed(window)
    return window
