"""The room display: a frameless full-screen window on the group room's screen or projector.

It shows only a ``RoomView`` (core/room_view.py decides what may be seen: no script, no
participant names unless first names are on). It never takes keyboard focus, so every
shortcut stays with the facilitator's window, and it keeps running when that window is
hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core.room_view import RoomView
from ..style import current_mode, display_modes
from .style import room_colours


def _label(name: str, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class RoomDisplay(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(self.tr("Facilitator — room display"))
        self.setAccessibleName(self.tr("Room display"))
        self.setProperty("facilitatorPublicWindow", True)  # the workstation lock leaves it running
        self.setAutoFillBackground(True)
        self.title = _label(self.tr("Display item title"), bold=True)
        self.banner = _label(self.tr("Display timer state"), bold=True)
        self.timer = _label(self.tr("Display timer"), bold=True)
        self.phase = _label(self.tr("Display role-play phase"), bold=True)
        self.phase_timer = _label(self.tr("Display phase timer"), bold=True)
        self.roles = _label(self.tr("Display roles"))
        self.scenario = _label(self.tr("Display scenario"))
        self.lines = _label(self.tr("Display prompts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.timer, 3)
        layout.addWidget(self.phase)
        layout.addWidget(self.phase_timer)
        layout.addWidget(self.roles)
        layout.addWidget(self.scenario)
        layout.addWidget(self.lines, 1)
        self.view: RoomView | None = None
        # The facilitator's window: if a window manager (or none, as under a bare X server) makes
        # this window the active one anyway, the keys are handed straight back to it.
        self.keys_go_to: QWidget | None = None
        self._colour_key: tuple[object, ...] | None = None
        display_modes().changed.connect(self.restyle)
        self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate and self.keys_go_to is not None:
            owner = self.keys_go_to
            if owner.isVisible() and not owner.isMinimized():
                owner.activateWindow()
        return super().event(event)

    # -- placing -------------------------------------------------------------------------

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (the primary screen when None)."""
        screen = screen or QGuiApplication.primaryScreen()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        # Not showFullScreen(): it asks for activation, and the display must never take focus.
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.show()

    # -- content -------------------------------------------------------------------------

    def render(self, view: RoomView) -> None:
        if view == self.view:
            return
        layout_changed = self.view is None or (
            bool(self.view.phase),
            bool(self.view.roles),
            len(self.view.lines),
            len(self.view.timer),
        ) != (bool(view.phase), bool(view.roles), len(view.lines), len(view.timer))
        self.view = view
        self.title.setText(view.title)
        self.banner.setText(view.banner)
        self.banner.setVisible(bool(view.banner))
        self.timer.setText(view.timer)
        self.phase.setText(view.phase)
        self.phase.setVisible(bool(view.phase))
        self.phase_timer.setText(view.phase_timer)
        self.phase_timer.setVisible(bool(view.phase_timer))
        self.roles.setText("\n".join(view.roles))
        self.roles.setVisible(bool(view.roles))
        self.scenario.setText(view.scenario)
        self.scenario.setVisible(bool(view.scenario))
        self.lines.setText("\n".join(f"• {line}" if len(view.lines) > 1 else line for line in view.lines))
        self.lines.setVisible(bool(view.lines))
        self._paint(view)
        if layout_changed:
            self._fit()

    def _paint(self, view: RoomView) -> None:
        high_contrast = current_mode().high_contrast
        key = (view.state, view.paused, high_contrast)
        if key != self._colour_key:
            self._colour_key = key
            background, text, timer = room_colours(view.state, view.paused, high_contrast)
            self.setStyleSheet(
                f"RoomDisplay {{ background: {background}; }}"
                f"QLabel {{ color: {text}; background: transparent; }}"
            )
            for label in (self.timer, self.banner):
                label.setStyleSheet(f"color: {timer};")

    def restyle(self, _mode: object = None) -> None:
        """Repaint in the display mode just chosen (high contrast: white on black; large text: bigger still)."""
        if self.view is not None:
            self._paint(self.view)
        self._fit()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Font sizes in proportion to the screen, the timer as large as fits."""
        h, w = max(1, self.height()), max(1, self.width())
        chars = max(4, len(self.timer.text()) or 5)
        timer_px = int(min(h * (0.24 if self.phase.isVisible() else 0.32), w / (chars * 0.62)))
        # Large text: every line bigger still; the timer as large as the width allows.
        scale = current_mode().text_scale
        timer_px = int(min(timer_px * scale, w / (chars * 0.62)))
        sizes = {
            self.title: h * 0.065,
            self.banner: h * 0.05,
            self.timer: timer_px,
            self.phase: h * 0.05,
            self.phase_timer: h * 0.07,
            self.roles: h * 0.036,
            self.scenario: h * 0.032,
            self.lines: h * (0.034 if len(self.view.lines) > 4 else 0.042) if self.view else h * 0.04,
        }
        for label, px in sizes.items():
            font = QFont(label.font())
            font.setPixelSize(max(8, int(px if label is self.timer else px * scale)))
            label.setFont(font)
