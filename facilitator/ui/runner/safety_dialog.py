"""The facilitator's safety protocol, in large text, one key away in the runner.

It opens over the facilitator's own window and on that window's screen, never over the room
display, and it is not modal: the group's timer keeps running while the facilitator reads.
Everything it says comes from ``core.safety`` (the same words print with
``facilitator handouts --safety-protocol``).

Keys: Up/Down (or the letter shown beside each situation) choose a situation; Tab moves to
the text, where Page Up/Page Down scroll; Ctrl++ and Ctrl+- change the text size; Esc closes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.safety import ProtocolSection, crisis_box, protocol_in
from ..i18n import current_language, translate
from ..session import is_public_window

SAFETY_KEY = "F1"  # the runner's key for the protocol: the usual "help" key, free in the runner
BASE_POINTS = 17.0  # readable at arm's length while something urgent is happening
MIN_POINTS, MAX_POINTS = 12.0, 32.0
SECTION_ROLE = Qt.ItemDataRole.UserRole


def section_html(section: ProtocolSection, language: str = "en") -> str:
    steps = "".join(f"<li style='margin-bottom:6px'>{escape(step)}</li>" for step in section.steps)
    html = f"<h2>{escape(section.title)}</h2><p><b>{escape(section.summary)}</b></p><ol>{steps}</ol>"
    if section.notes:
        html += translate("safety_dialog", "<h3>Keep in mind</h3>") + "<ul>" + "".join(f"<li>{escape(n)}</li>" for n in section.notes) + "</ul>"
    box = crisis_box(language)
    lines = "".join(f"<li><b>{escape(line.how)}</b> — {escape(line.name)}</li>" for line in box.lines)
    return html + f"<hr/><p><b>{escape(box.title)}</b></p><ul>{lines}</ul>"


class SafetyProtocolDialog(QDialog):
    """Situations on the left, what to do on the right; every control reachable by keyboard."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # The protocol in the facilitator's language (the screen's), crisis lines included.
        self._language = current_language()
        title, intro, self._sections = protocol_in(self._language)
        self.setWindowTitle(self.tr("{title} — your screen only").format(title=title))
        self.setAccessibleName(self.tr("Safety protocol"))
        self.setAccessibleDescription(intro)
        self.setModal(False)
        self._points = BASE_POINTS

        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(self.tr("About this protocol"))

        self.situations = QListWidget()
        self.situations.setAccessibleName(self.tr("Situations"))
        self.situations.setAccessibleDescription(self.tr("Up and Down, or the letter in brackets, choose a situation"))
        for section in self._sections:
            item = QListWidgetItem(f"[{section.key}]  {section.title}")
            item.setData(SECTION_ROLE, section.id)
            item.setToolTip(section.summary)
            self.situations.addItem(item)
        self.situations.currentRowChanged.connect(self._show_row)
        self.situations.setWordWrap(True)
        self.situations.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("What to do"))
        self.text.setOpenExternalLinks(False)

        self.close_button = QPushButton(self.tr("&Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the safety protocol"))
        self.close_button.clicked.connect(self.close)
        self.close_button.setAutoDefault(False)

        body = QHBoxLayout()
        body.addWidget(self.situations, 0)
        body.addWidget(self.text, 1)
        buttons = QHBoxLayout()
        hint = QLabel(self.tr("Letters jump to a situation · Tab to the text · Ctrl+ and Ctrl− change the size"))
        hint.setAccessibleName(self.tr("Keyboard help"))
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

        for row, section in enumerate(self._sections):
            shortcut = QShortcut(QKeySequence(section.key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda row=row: self._choose(row))
        for keys, step in (
            ((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), 2.0),
            ((QKeySequence.StandardKey.ZoomOut,), -2.0),
        ):
            for k in keys:
                zoom = QShortcut(QKeySequence(k), self)
                zoom.activated.connect(lambda step=step: self.set_points(self._points + step))

        self.setTabOrder(self.situations, self.text)
        self.setTabOrder(self.text, self.close_button)
        self.set_points(BASE_POINTS)
        self.situations.setCurrentRow(0)
        self.situations.setFocus()
        self.resize(1000, 700)

    # -- public --------------------------------------------------------------------------

    def show_section(self, section_id: str) -> None:
        ids = [s.id for s in self._sections]
        self._choose(ids.index(section_id))

    def current_section(self) -> str:
        item = self.situations.currentItem()
        return str(item.data(SECTION_ROLE)) if item else ""

    def points(self) -> float:
        return self._points

    def set_points(self, points: float) -> None:
        self._points = max(MIN_POINTS, min(MAX_POINTS, points))
        for widget, share in ((self.situations, 1.0), (self.text, 1.0), (self.intro, 0.8)):
            font = widget.font()
            font.setPointSizeF(self._points * share)
            widget.setFont(font)
        self.text.document().setDefaultFont(self.text.font())
        # Every situation's name whole, at any size: the list is as wide as its longest entry.
        metrics = self.situations.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.situations.item(i).text()) for i in range(self.situations.count()))
        self.situations.setMinimumWidth(min(widest + metrics.averageCharWidth() * 4, 560))

    # -- slots ---------------------------------------------------------------------------

    def _choose(self, row: int) -> None:
        self.situations.setCurrentRow(row)
        self.situations.setFocus()

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._sections):
            self.text.setHtml(section_html(self._sections[row], self._language))
            self.text.verticalScrollBar().setValue(0)


def _facilitator_window(parent: QWidget) -> QWidget:
    window = parent.window()
    if is_public_window(window):
        raise ValueError("the safety protocol opens only over the facilitator's own window, never the room display")
    return window


def show_safety_protocol(parent: QWidget, section: str | None = None) -> None:
    """Open (or bring back) the safety protocol over the facilitator's window, on its screen.

    One dialog per window: pressing the key again raises it (and shows ``section`` if given).
    """
    window = _facilitator_window(parent)
    dialog = window.findChild(SafetyProtocolDialog)
    if dialog is None:
        dialog = SafetyProtocolDialog(window)
    if section is not None:
        dialog.show_section(section)
    screen = window.screen()
    if screen is not None and dialog.screen() is not screen:
        dialog.setScreen(screen)
    available = screen.availableGeometry() if screen is not None else None
    if not dialog.isVisible():
        frame = window.frameGeometry()
        geometry = dialog.frameGeometry()
        geometry.moveCenter(frame.center())
        if available is not None:
            geometry.moveLeft(max(available.left(), min(geometry.left(), available.right() - geometry.width())))
            geometry.moveTop(max(available.top(), min(geometry.top(), available.bottom() - geometry.height())))
        dialog.move(geometry.topLeft())
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.situations.setFocus()


def install_safety_key(window: QWidget, key: str = SAFETY_KEY) -> QAction:
    """Give ``window`` (the runner) an action that opens the protocol with one key, at any moment.

    The action works wherever focus is in the window (typing in a text box included: F1 types
    nothing), and never on the room display, which takes no keyboard focus.
    """
    action = QAction(translate("safety_dialog", "Safety protocol  [{key}]").format(key=key), window)
    action.setObjectName("safety_protocol")
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(translate("safety_dialog", "What to do if someone arrives intoxicated, talks about suicide, or overdoses ({key})").format(key=key))
    action.setStatusTip(translate("safety_dialog", "Open the safety protocol on your screen only"))
    action.triggered.connect(lambda: show_safety_protocol(window))
    window.addAction(action)
    return action
