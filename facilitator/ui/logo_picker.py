"""The clinic logo for printed pages: choose an image, see it, or remove it.

The logo is kept in the clinic settings (base64 of the file), not as a path, so every
workstation on one database prints the same letterhead.
"""

from __future__ import annotations

import base64
import binascii
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from .errors import show_error

log = logging.getLogger(__name__)
MAX_LOGO_BYTES = 512 * 1024
FORMATS = {"PNG", "JPEG", "JPG"}


class LogoPicker(QWidget):
    """A thumbnail with Choose… and Remove; ``value()`` is what the setting stores."""

    def __init__(self, value: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = value.strip()
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Clinic logo preview"))
        self.preview.setFixedHeight(44)
        self.preview.setMinimumWidth(120)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose = QPushButton(self.tr("Ch&oose…"))
        self.choose.setAccessibleName(self.tr("Choose a logo image for printed pages"))
        self.choose.setToolTip(self.tr("A PNG or JPEG up to 512 KB; it prints at the top left of handouts and reports"))
        self.choose.clicked.connect(self._on_choose)
        self.remove = QPushButton(self.tr("Re&move"))
        self.remove.setAccessibleName(self.tr("Remove the logo"))
        self.remove.clicked.connect(self._on_remove)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview, 1)
        row.addWidget(self.choose)
        row.addWidget(self.remove)
        self._show()

    def value(self) -> str:
        return self._value

    def load_file(self, path: Path) -> bool:
        """Take an image file as the logo; False (after saying why) if it will not do."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(self, self.tr("Clinic logo"), self.tr("{name} could not be read ({exc}).").format(name=path.name, exc=exc.strerror or exc))
            return False
        if len(data) > MAX_LOGO_BYTES:
            show_error(
                self, self.tr("Clinic logo"), self.tr("{name} is {size} KB; please choose an image of 512 KB or less.").format(name=path.name, size=len(data) // 1024)
            )
            return False
        image = QImage.fromData(data)
        kind = _format(data)
        if image.isNull() or kind not in FORMATS:
            show_error(self, self.tr("Clinic logo"), self.tr("{name} is not a PNG or JPEG image.").format(name=path.name))
            return False
        self._value = base64.b64encode(data).decode("ascii")
        self._show()
        return True

    def _on_choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Clinic logo"), str(Path.home()), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self.load_file(Path(chosen))

    def _on_remove(self) -> None:
        self._value = ""
        self._show()

    def _show(self) -> None:
        image = QImage()
        if self._value:
            try:
                image = QImage.fromData(base64.b64decode(self._value, validate=True))
            except (binascii.Error, ValueError):
                log.warning("The stored clinic logo does not decode; showing none")
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo: pages show the clinic name only."))
        else:
            self.preview.setText("")
            pixmap = QPixmap.fromImage(image).scaledToHeight(40, Qt.TransformationMode.SmoothTransformation)
            self.preview.setPixmap(pixmap)
        self.remove.setEnabled(bool(self._value))


def _format(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8"):
        return "JPEG"
    return ""
