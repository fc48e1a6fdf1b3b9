"""Unexpected errors: logged with their traceback, shown to the user as a calm sentence."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..logs import log_path
from .i18n import translate

log = logging.getLogger("facilitator.ui")


def show_error(parent: QWidget | None, title: str, sentence: str) -> None:
    """Tell the user what went wrong in words; the log has the details."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, sentence, QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(title)
    box.exec()


def unexpected_error_text() -> str:
    where = log_path()
    if where:
        return translate(
            "errors",
            "Something went wrong that Facilitator did not expect. What you typed has been kept "
            "where it could be; please tell your administrator.\n\nThe details were written to the log file:\n{where}",
        ).format(where=where)
    return translate(
        "errors",
        "Something went wrong that Facilitator did not expect. What you typed has been kept "
        "where it could be; please tell your administrator.",
    )


def install_excepthook() -> None:
    """Route uncaught exceptions in Qt slots to the log and a calm dialog."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("Unexpected error", exc_info=(kind, value, tb))
        app = QApplication.instance()
        if app is not None and not getattr(app, "_facilitator_quiet_errors", False):
            show_error(QApplication.activeWindow(), translate("errors", "Unexpected problem"), unexpected_error_text())

    sys.excepthook = hook
