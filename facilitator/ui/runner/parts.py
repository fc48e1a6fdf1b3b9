"""The runner's own widgets: the big clock, the session pane, the lock cover and two dialogs."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.agenda_clock import RunStatus, RunView, WrapUpRule, format_balance
from ..i18n import sentence_text
from ..keyboard import reachable_sentence
from .controller import RunnerSettings

if TYPE_CHECKING:
    from .window import RunnerWindow

# The keys a presenter clicker sends, and the minutes: they stay live while the screen is locked
# during a run, because they change only the timer the whole room already sees. The safety
# protocol (F1) stays live too: it holds no one's record, and an emergency does not wait for a password.
LOCKED_CONTROLS = ("toggle", "previous", "next", "minus1", "plus1", "plus5", "next_phase", "safety")


class BigClock(QLabel):
    """A label whose text is as large as its box allows."""

    def __init__(self, name: str, share: float = 0.85, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._share = share
        self.setAccessibleName(name)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self._chars = 0

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text == self.text():
            return
        super().setText(text)
        if len(text) != self._chars:
            self._fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # The font follows the box, so the box must not follow the font (a QLabel's would).
        return QSize(120, 60)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 200)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self._chars = len(self.text())
        chars = max(4, self._chars)
        px = int(min(self.height() * self._share, self.width() / (chars * 0.7)))
        font = QFont(self.font())
        font.setPixelSize(max(10, px))
        super().setFont(font)


class SessionPane(QWidget):
    """The current item: where the focus lives, so every key is a control and none is typing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPane")
        self.setAccessibleName(self.tr("Session"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class RunLockCover(QWidget):
    """The runner while the workstation is locked: the timer and the item's title, then the lock panel.

    No name, no script, no note. The clicker keys (Space, N, P, R, minutes) work while the
    focus is on the cover; Enter (or a click) goes to the password, Esc comes back from it.
    """

    def __init__(self, window: RunnerWindow, panel: QWidget, *, running: bool) -> None:
        super().__init__(window)
        self.setObjectName("runLockCover")
        self.setAccessibleName(self.tr("Locked runner"))
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.panel = panel
        self.password = getattr(panel, "password", None)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Current item"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.title.setFont(font)
        self.timer = BigClock(self.tr("Item countdown"), share=0.8)
        self.state = QLabel()
        self.state.setAccessibleName(self.tr("Timer state"))
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(
            self.tr("Space, N, P, R and the minute keys still work. Press Enter to type your password; Esc comes back.")
        )
        self.hint.setAccessibleName(self.tr("Keys while locked"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        for w in (self.title, self.timer, self.state, self.hint):
            w.setVisible(running)
        layout.addWidget(self.title)
        layout.addWidget(self.timer, 3)
        layout.addWidget(self.state)
        layout.addWidget(self.hint)
        panel.setParent(self)
        layout.addWidget(panel, 2 if running else 1)
        self.running = running
        if running:
            self.actions_while_locked = [self._live(window, name) for name in LOCKED_CONTROLS]
        else:
            self.actions_while_locked = []

    def _live(self, window: RunnerWindow, name: str) -> QAction:
        """A twin of one of the window's controls (those are held by the lock), owned by the cover."""
        original = window.actions[name]
        twin = QAction(original.text(), self)
        twin.setShortcuts(original.shortcuts())
        twin.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        twin.triggered.connect(original.triggered)
        twin.triggered.connect(lambda: self.setFocus(Qt.FocusReason.OtherFocusReason) if not self._typing() else None)
        self.addAction(twin)
        return twin

    def _typing(self) -> bool:
        return self.password is not None and self.password.hasFocus()

    def show_view(self, view: RunView, timer: str, state: str, colour: str) -> None:
        """The title, the timer and its state as the runner shows them (in the same colour)."""
        if not self.running:
            return
        cur = view.current
        self.title.setText(cur.title if cur is not None else (self.tr("Session ended") if view.status is RunStatus.ENDED else ""))
        self.timer.setText(timer)
        self.state.setText(state)
        if self.timer.styleSheet() != colour:
            self.timer.setStyleSheet(colour)
            self.state.setStyleSheet(colour + " font-weight: bold;")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.password is not None and not self._typing():
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if key == Qt.Key.Key_Escape and self.running:
            if self.password is not None:
                self.password.clear()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)


class FinishOnTimeDialog(QDialog):
    """Shows the proposed shorter items; nothing changes unless the facilitator applies it."""

    def __init__(self, proposal, minimum_seconds: int, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("Finish on time"))
        self.setAccessibleName(self.tr("Finish on time"))
        rows = "".join(
            self.tr("<tr><td>{title}</td><td align='right'>{old} min</td><td>→</td><td align='right'><b>{new} min</b></td></tr>").format(title=escape(c.title), old=c.old_seconds // 60, new=c.new_seconds // 60)
            for c in proposal.changes
        )
        outcome = (
            self.tr("The session will end on time.")
            if proposal.still_over_seconds <= 0
            else self.tr("It will still run about {minutes} min over: nothing can be shortened further.").format(minutes=round(proposal.still_over_seconds / 60))
        )
        text = QLabel(
            self.tr("<p>The session is <b>{behind}</b>. Shorten the items still to come (breaks and the check-out stay whole; nothing goes below {minimum} min):</p><table cellpadding='4'>{rows}</table><p>Saves {saves} min. {outcome}</p>").format(behind=sentence_text(format_balance(proposal.behind_seconds)), minimum=minimum_seconds // 60, rows=rows, saves=proposal.saves_seconds // 60, outcome=outcome)
        )
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("Proposed changes"))
        # The proposal is what the facilitator decides on: Tab reaches it, and a screen reader reads it.
        reachable_sentence(text)
        document = QTextDocument()
        document.setHtml(text.text())
        text.setAccessibleDescription(" ".join(document.toPlainText().split()))
        buttons = QDialogButtonBox()
        apply = buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setAccessibleName(self.tr("Apply the shorter items"))
        cancel = buttons.addButton(self.tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Keep the agenda as it is"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        apply.setDefault(True)


class TimerSettingsDialog(QDialog):
    """Wrap-up window, the finish-on-time minimum and the chime."""

    def __init__(self, settings: RunnerSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Timer settings"))
        self.setAccessibleName(self.tr("Timer settings"))
        self._settings = settings
        self.percent = QSpinBox()
        self.percent.setRange(5, 50)
        self.percent.setSuffix(" %")
        self.percent.setValue(round(settings.wrap_up.fraction * 100))
        self.percent.setAccessibleName(self.tr("Wrap-up share of the item"))
        self.max_minutes = QSpinBox()
        self.max_minutes.setRange(1, 15)
        self.max_minutes.setSuffix(self.tr(" min"))
        self.max_minutes.setValue(max(1, round(settings.wrap_up.max_seconds / 60)))
        self.max_minutes.setAccessibleName(self.tr("Wrap-up at most, in minutes"))
        self.minimum = QSpinBox()
        self.minimum.setRange(1, 15)
        self.minimum.setSuffix(self.tr(" min"))
        self.minimum.setValue(max(1, settings.minimum_item_seconds // 60))
        self.minimum.setAccessibleName(self.tr("Finish on time never shortens an item below, in minutes"))
        self.chime = QCheckBox(self.tr("&Chime at wrap-up, at zero and between role-play phases"))
        self.chime.setAccessibleName(self.tr("Chime"))
        self.chime.setChecked(settings.chime)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Wrap-up (amber) starts in the last part of an item, whichever is shorter:")))
        form.addRow(self.tr("Last &share of the item:"), self.percent)
        form.addRow(self.tr("Or the last &minutes:"), self.max_minutes)
        form.addRow(self.tr("Finish on time keeps items at least:"), self.minimum)
        form.addRow(self.chime)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_settings(self) -> RunnerSettings:
        return RunnerSettings(
            wrap_up=WrapUpRule(self.percent.value() / 100, self.max_minutes.value() * 60),
            minimum_item_seconds=self.minimum.value() * 60,
            chime=self.chime.isChecked(),
            zone=self._settings.zone,
        )


__all__ = ["LOCKED_CONTROLS", "BigClock", "FinishOnTimeDialog", "RunLockCover", "SessionPane", "TimerSettingsDialog"]
