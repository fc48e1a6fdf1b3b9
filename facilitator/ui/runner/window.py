"""The session runner's window: it lays out and shows; the controller decides.

``RunController`` (controller.py) owns the agenda clock, the run record and its save queue;
this window builds the widgets, turns keys into the controller's controls and paints each
``RunView`` the controller reports. Every control is a QAction with a shortcut and an
accessible name.

The window is driven by keys whenever it is the active one. Focus starts on the session
(the current item), never in a text field; the players box, the check boxes and the script
take focus only when the facilitator clicks them or uses their Alt+ letter, and Esc leaves
any of them back to the session (the players box puts back what it said). After the screen
is unlocked the focus returns to the session with nothing selected, so a key pressed then
can never type over the players.

While the workstation is locked during a run, the window shows only the big timer and the
current item's title (``RunLockCover``): the keys a presenter clicker sends keep working,
everything else waits for the password. See docs/runner.md, "The lock during a session".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.agenda_clock import (
    AgendaClock,
    ItemStatus,
    RunStatus,
    RunView,
    TimerState,
    format_balance,
    format_clock,
    format_duration,
    format_hms,
    summarize_run,
)
from ...core.clock import Clock
from ...core.curriculum import AgendaItem, Curriculum, CurriculumSession
from ...core.room_view import numbered_name
from ..i18n import core_word, sentence_text, translate
from ..style import ButtonRows, current_mode, display_modes, set_ink_html, set_ink_style
from .chime import Chime
from .controller import PlayerInput, RunController, RunnerSettings, parse_players
from .display import RoomDisplay
from .parts import BigClock, FinishOnTimeDialog, RunLockCover, SessionPane, TimerSettingsDialog
from .style import runner_balance_colour, runner_clock_colours

log = logging.getLogger(__name__)

KEY_NAMES = {"Alt+Up": "Alt+↑", "Alt+Down": "Alt+↓", "-": "−"}
BIG_CONTROLS = ("toggle", "previous", "next", "skip", "minus1", "plus1", "plus5", "next_phase", "finish", "end")


def _local_time(moment: datetime | None, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M") if moment is not None else ""


class RunnerWindow(QMainWindow):
    """One run of one curriculum session, as the facilitator sees it."""

    run_ended = Signal(int)  # run id, once the end is in the record
    ended = Signal(int, int)  # run id, meeting id: a run of a meeting ended (its end is in the record)
    write_notes_requested = Signal(int)  # meeting id: "Write notes" on the ended-run screen

    def __init__(
        self,
        curriculum: Curriculum,
        session: CurriculumSession,
        agenda_clock: AgendaClock,
        *,
        clock: Clock,
        settings: RunnerSettings,
        store=None,  # type: ignore[no-untyped-def]  # RunStore | None (None: nothing recorded, as in the benchmark)
        run_id: int | None = None,
        meeting_id: int | None = None,
        players: Sequence[PlayerInput] = (),
        show_first_names: bool = False,
        small_groups: bool = False,
        recorded_rounds: set[tuple[int, int]] | None = None,
        chime: Chime | None = None,
        local_settings=None,  # type: ignore[no-untyped-def]  # (LocalSettings, path) to remember the screen
        notice: str = "",
        hub=None,  # type: ignore[no-untyped-def]  # ChangeHub: a session that ended under the user goes there
        run_number: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.curriculum = curriculum
        self.session = session
        self.chime = chime if chime is not None else Chime(settings.chime, self)
        self.controller = RunController(
            curriculum,
            session,
            agenda_clock,
            clock=clock,
            settings=settings,
            store=store,
            run_id=run_id,
            meeting_id=meeting_id,
            players=players,
            show_first_names=show_first_names,
            small_groups=small_groups,
            recorded_rounds=recorded_rounds,
            chime=self.chime,
            hub=hub,
            run_number=run_number,
        )
        self._local = local_settings
        self._notice_text = notice
        self._table_key: tuple[object, ...] | None = None
        self._item_key: tuple[object, ...] | None = None
        self._colour_key: tuple[object, ...] | None = None
        self._rp_key: tuple[object, ...] | None = None
        self.display: RoomDisplay | None = None
        self.lock_view: RunLockCover | None = None

        number = self.tr("Run {run_number}").format(run_number=run_number) if run_number > 1 else self.tr("Run")
        self.setWindowTitle(self.tr("{number}: {title} — Facilitator").format(number=number, title=session.title))
        self.setAccessibleName(self.tr("Session runner"))
        self.resize(1320, 860)
        self._build()
        c = self.controller
        c.refreshed.connect(self._render)
        c.message.connect(self._show_message)  # a bound method: gone with the window, never called after
        c.run_ended.connect(self.run_ended)
        c.ended.connect(self.ended)
        c.write_notes_requested.connect(self.write_notes_requested)
        display_modes().changed.connect(self._on_display_mode)  # a bound method: gone with the window
        c.start_ticking()
        self.session_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    # == what the controller holds, for callers and tests ==================================

    @property
    def clock(self) -> AgendaClock:
        return self.controller.clock

    @property
    def store(self):  # type: ignore[no-untyped-def]
        return self.controller.store

    @property
    def run_id(self) -> int | None:
        return self.controller.run_id

    @property
    def meeting_id(self) -> int | None:
        return self.controller.meeting_id

    @property
    def players(self) -> list[PlayerInput]:
        return self.controller.players

    @property
    def settings(self) -> RunnerSettings:
        return self.controller.settings

    @property
    def last_view(self) -> RunView:
        return self.controller.last_view

    @property
    def tick_probe(self) -> Callable[[], None] | None:
        return self.controller.tick_probe

    @tick_probe.setter
    def tick_probe(self, probe: Callable[[], None] | None) -> None:
        self.controller.tick_probe = probe

    @property
    def run_active(self) -> bool:
        return self.controller.run_active

    def room_view(self):  # type: ignore[no-untyped-def]
        return self.controller.room_view()

    def _on_tick(self) -> None:
        self.controller.tick()

    def _show_message(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

    def _on_display_mode(self, _mode: object) -> None:
        """Repaint in the display mode just chosen in Settings (the palette and fonts are the application's)."""
        self._table_key = self._item_key = self._rp_key = None
        self._render(self.controller.last_view, True)
        if self.display is not None:
            self.display.restyle()

    # == building ========================================================================

    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        c = self.controller

        # Header: what is running, session clock, ahead/behind.
        run = f" · run {c.run_number}" if c.run_number > 1 else ""
        self.heading = QLabel(f"{escape(self.curriculum.title)} › <b>{escape(self.session.title)}</b>{run}")
        self.heading.setAccessibleName(self.tr("Curriculum and session"))
        self.heading.setWordWrap(True)  # a long title wraps (large text on a small screen)
        self.session_clock = QLabel()
        self.session_clock.setAccessibleName(self.tr("Session elapsed and remaining"))
        self.balance = QLabel()
        self.balance.setAccessibleName(self.tr("Ahead or behind schedule"))
        bold = QFont(self.balance.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.balance.setFont(bold)
        self.session_clock.setFont(bold)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.session_clock)
        header.addSpacing(24)
        header.addWidget(self.balance)
        outer.addLayout(header)
        self.notice = QLabel(self._notice_text)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.setWordWrap(True)
        set_ink_style(self.notice, "color: {warning}; font-weight: bold;")
        self.notice.setVisible(bool(self._notice_text))
        outer.addWidget(self.notice)

        # Players (typed in, or from the meeting's attendance). A field only when entered on purpose.
        self.players_edit = QLineEdit(", ".join(p.label for p in c.players))
        self.players_edit.setPlaceholderText(self.tr("First names or initials, separated by commas"))
        self.players_edit.setAccessibleName(self.tr("Players for role plays"))
        self.players_edit.setToolTip(self.tr("Click here or press Alt+P to type; Enter keeps the names, Esc goes back"))
        self.players_edit.returnPressed.connect(self._on_players_entered)
        self.players_edit.editingFinished.connect(self._on_players_changed)
        players_label = QLabel(self.tr("&Players:"))
        players_label.setBuddy(self.players_edit)
        self.first_names = QCheckBox(self.tr("Show first &names on the room display"))
        self.first_names.setAccessibleName(self.tr("Show first names on the room display"))
        self.first_names.setChecked(c.show_first_names)
        self.first_names.toggled.connect(self._on_first_names)
        self.small_groups_box = QCheckBox(self.tr("Play in s&mall groups"))
        self.small_groups_box.setAccessibleName(self.tr("Play role plays in small groups at once"))
        self.small_groups_box.setChecked(c.small_groups)
        self.small_groups_box.toggled.connect(self._on_small_groups)
        players_row = ButtonRows(
            [[players_label, self.players_edit, self.first_names, self.small_groups_box]],
            [[players_label, self.players_edit], [self.first_names, self.small_groups_box, None]],  # large text
        )
        outer.addWidget(players_row)
        self.player_numbers = QLabel()
        self.player_numbers.setAccessibleName(self.tr("Players' numbers on the room display"))
        self.player_numbers.setWordWrap(True)
        self.player_numbers.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.player_numbers)

        # Left: the current item (the session pane, where the focus lives).
        left = SessionPane()
        self.session_pane = left
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.item_title = QLabel()
        self.item_title.setAccessibleName(self.tr("Current item"))
        self.item_title.setWordWrap(True)
        title_font = QFont(self.item_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.7)
        self.item_title.setFont(title_font)
        self.item_meta = QLabel()
        self.item_meta.setAccessibleName(self.tr("Current item kind and plan"))
        self.item_meta.setWordWrap(True)
        self.clock_frame = QFrame()
        self.clock_frame.setObjectName("clockFrame")
        frame_layout = QVBoxLayout(self.clock_frame)
        self.big_clock = BigClock(self.tr("Item countdown"))
        self.big_clock.setMinimumHeight(150)
        self.state_label = QLabel()
        self.state_label.setAccessibleName(self.tr("Timer state"))
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        state_font = QFont(self.state_label.font())
        state_font.setBold(True)
        state_font.setPointSizeF(state_font.pointSizeF() * 1.5)
        self.state_label.setFont(state_font)
        frame_layout.addWidget(self.big_clock, 1)
        frame_layout.addWidget(self.state_label)
        self.item_elapsed = QLabel()
        self.item_elapsed.setAccessibleName(self.tr("Item elapsed"))
        self.item_elapsed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.write_notes_button = QPushButton()
        self.write_notes_button.setAccessibleName(self.tr("Write notes"))
        self.write_notes_button.setMinimumHeight(48)
        self.write_notes_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # W works from anywhere
        self.write_notes_button.setVisible(False)

        self.role_panel = self._build_role_panel()
        self.script = QTextBrowser()
        self.script.setAccessibleName(self.tr("Script and prompts"))
        self.script.setMinimumHeight(120)
        left_layout.addWidget(self.item_title)
        left_layout.addWidget(self.item_meta)
        left_layout.addWidget(self.clock_frame, 3)
        left_layout.addWidget(self.item_elapsed)
        left_layout.addWidget(self.write_notes_button)
        left_layout.addWidget(self.role_panel, 2)
        # Off the Tab chain like every field here (see below), and reached by its Alt letter instead.
        self.script_label = QLabel(self.tr("&Script and prompts:"))
        self.script_label.setBuddy(self.script)
        left_layout.addWidget(self.script_label)
        left_layout.addWidget(self.script, 2)

        # Right: the agenda and its editing.
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.agenda = QTableWidget(0, 6)
        self.agenda.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.agenda.setHorizontalHeaderLabels(["#", self.tr("Item"), self.tr("Kind"), self.tr("Planned"), self.tr("Actual"), self.tr("Status")])
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.verticalHeader().setVisible(False)
        head = self.agenda.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.agenda.itemSelectionChanged.connect(self._update_enabled)
        agenda_label = QLabel(self.tr("&Agenda"))
        agenda_label.setBuddy(self.agenda)
        right_layout.addWidget(agenda_label)
        right_layout.addWidget(self.agenda, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 520])
        outer.addWidget(splitter, 1)

        self._build_actions()
        self.write_notes_button.setText(self.tr("✎ &Write notes  [W]"))
        self.write_notes_button.setToolTip(self.actions["write_notes"].toolTip())
        self.write_notes_button.clicked.connect(self._on_write_notes)
        move_up, move_down, minutes, leave_out = (self._button(name) for name in ("move_up", "move_down", "minutes", "leave_out"))
        right_layout.addWidget(ButtonRows(
            [[move_up, move_down, minutes, leave_out, None]],
            [[move_up, move_down, None], [minutes, leave_out, None]],  # large text
        ))

        big = [self._button(name, big=True) for name in BIG_CONTROLS]
        half = (len(big) + 1) // 2
        outer.addWidget(ButtonRows([big], [big[:half], big[half:]]))  # two rows at large text

        display = self._button("display")
        self.screen_combo = QComboBox()
        self.screen_combo.setAccessibleName(self.tr("Screen for the room display"))
        self._fill_screens()
        self.screen_combo.currentIndexChanged.connect(self._on_screen_chosen)
        screen_label = QLabel(self.tr("on s&creen:"))
        screen_label.setBuddy(self.screen_combo)
        hide, chime, timer_settings, safety = (self._button(name) for name in ("hide", "chime", "timer_settings", "safety"))
        outer.addWidget(ButtonRows(
            [[display, screen_label, self.screen_combo, hide, chime, timer_settings, safety, None]],
            [[display, screen_label, self.screen_combo, hide, None], [chime, timer_settings, safety, None]],  # large text
        ))

        # Fields take the focus only when clicked or called by their Alt+ letter; Tab moves between
        # the session and the agenda, so a stray Tab or an unlock never lands in a field.
        for field in (self.players_edit, self.first_names, self.small_groups_box, self.screen_combo, self.script):
            field.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCentralWidget(central)
        self.setTabOrder(self.session_pane, self.agenda)

    def _build_role_panel(self) -> QGroupBox:
        box = QGroupBox(self.tr("Role play"))
        box.setAccessibleName(self.tr("Role play"))
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Role-play details"))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QVBoxLayout(box).addWidget(scroll)
        self.rp_scenario = QLabel()
        self.rp_scenario.setAccessibleName(self.tr("Role-play scenario"))
        self.rp_scenario.setWordWrap(True)
        phase_row = QHBoxLayout()
        self.rp_phase = QLabel()
        self.rp_phase.setAccessibleName(self.tr("Role-play round and phase"))
        font = QFont(self.rp_phase.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.rp_phase.setFont(font)
        self.rp_phase_clock = QLabel()
        self.rp_phase_clock.setAccessibleName(self.tr("Phase countdown"))
        clock_font = QFont(font)
        clock_font.setPointSizeF(font.pointSizeF() * 1.6)
        self.rp_phase_clock.setFont(clock_font)
        phase_row.addWidget(self.rp_phase, 1)
        phase_row.addWidget(self.rp_phase_clock)
        self.rp_roles = QLabel()
        self.rp_roles.setAccessibleName(self.tr("Who plays which role"))
        self.rp_roles.setWordWrap(True)
        self.rp_roles.setTextFormat(Qt.TextFormat.RichText)
        self.rp_warnings = QLabel()
        self.rp_warnings.setAccessibleName(self.tr("Role-play notes"))
        self.rp_warnings.setWordWrap(True)
        set_ink_style(self.rp_warnings, "color: {warning};")
        self.rp_checklist = QLabel()
        self.rp_checklist.setAccessibleName(self.tr("Observer's checklist"))
        self.rp_checklist.setWordWrap(True)
        self.rp_checklist.setTextFormat(Qt.TextFormat.RichText)
        self.rp_debrief = QLabel()
        self.rp_debrief.setAccessibleName(self.tr("Debrief questions"))
        self.rp_debrief.setWordWrap(True)
        self.rp_debrief.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.rp_scenario)
        layout.addLayout(phase_row)
        layout.addWidget(self.rp_roles)
        layout.addWidget(self.rp_warnings)
        layout.addWidget(self.rp_checklist)
        layout.addWidget(self.rp_debrief)
        layout.addStretch(1)
        return box

    def _build_actions(self) -> None:
        c = self.controller
        specs: list[tuple[str, str, list[str], Callable[[], object], str]] = [
            ("toggle", self.tr("Start"), ["Space"], self._on_toggle, self.tr("Start, pause or resume the timer")),
            ("previous", self.tr("◀ Previous"), ["P", "PgUp"], self._on_previous, self.tr("Go back to the previous item")),
            ("next", self.tr("Next ▶"), ["N", "PgDown"], self._on_next, self.tr("Finish this item and go to the next")),
            ("skip", self.tr("Skip"), ["S"], c.skip, self.tr("Leave out this item and go to the next")),
            ("minus1", "−1 min", ["-"], lambda: c.adjust(-60), self.tr("Take away one minute")),
            ("plus1", "+1 min", ["+", "="], lambda: c.adjust(60), self.tr("Add one minute")),
            ("plus5", "+5 min", ["5"], lambda: c.adjust(300), self.tr("Add five minutes")),
            ("next_phase", self.tr("Next phase"), ["R"], c.next_phase, self.tr("Move the role play to its next phase")),
            ("finish", self.tr("Finish on time…"), ["F"], self._on_finish_on_time, self.tr("Propose shorter items to finish on time")),
            ("end", self.tr("End session…"), ["End", "Ctrl+E"], self._on_end, self.tr("End the session")),
            ("display", self.tr("Room display"), ["D"], self._on_display_toggled, self.tr("Show or hide the room display")),
            ("hide", self.tr("Hide my window"), ["H"], self._on_hide_window, self.tr("Hide this window; the room display stays")),
            ("chime", self.tr("Chime"), ["M"], self._on_chime_toggled, self.tr("Chime at wrap-up, at zero and between phases")),
            (
                "timer_settings",
                self.tr("Timer settings…"),
                ["Ctrl+,"],
                self._on_timer_settings,
                self.tr("Wrap-up and finish-on-time settings"),
            ),
            ("move_up", self.tr("Move up"), ["Alt+Up"], lambda: self._on_move(-1), self.tr("Move the selected item up")),
            ("move_down", self.tr("Move down"), ["Alt+Down"], lambda: self._on_move(1), self.tr("Move the selected item down")),
            ("minutes", self.tr("Minutes…"), ["Ctrl+M"], self._on_minutes, self.tr("Change the selected item's minutes")),
            ("leave_out", self.tr("Leave out"), ["L"], self._on_leave_out, self.tr("Leave out the selected item, or put it back")),
            ("write_notes", self.tr("Write notes"), ["W"], self._on_write_notes, self.tr("Write the notes of the meeting that ran")),
            ("back", self.tr("Back to the session"), ["Esc"], self.back_to_session, self.tr("Leave a field; keys control the session")),
        ]
        self.actions: dict[str, QAction] = {}
        for name, text, keys, slot, description in specs:
            hint = KEY_NAMES.get(keys[0], keys[0])
            action = QAction(f"{text}\n{hint}" if name in BIG_CONTROLS else f"{text}  [{hint}]", self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{description} ({' or '.join(keys)})")
            action.setStatusTip(description)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions[name] = action
        # The facilitator's safety protocol (intoxication, suicide, overdose): one key, any moment.
        from .safety_dialog import install_safety_key

        self.actions["safety"] = install_safety_key(self)
        for name in ("display", "chime"):
            self.actions[name].setCheckable(True)
        self.actions["chime"].setChecked(self.chime.enabled)

    def _button(self, name: str, big: bool = False) -> QToolButton:
        action = self.actions[name]
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(action.toolTip().split(" (")[0])  # the description, without the keys
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work from anywhere in the window
        if big:
            button.setMinimumHeight(54)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.1)
            button.setFont(font)
        return button

    def _fill_screens(self) -> None:
        self.screen_combo.blockSignals(True)
        self.screen_combo.clear()
        screens = QGuiApplication.screens()
        wanted = self._local[0].room_display_screen if self._local else ""
        chosen = 0
        for n, screen in enumerate(screens):
            g = screen.geometry()
            name = screen.name() or self.tr("Screen {number}").format(number=n + 1)
            self.screen_combo.addItem(f"{name} ({g.width()}×{g.height()})", screen.name())
            if screen.name() == wanted:
                chosen = n
        if not wanted and len(screens) > 1:
            mine = self.screen() if self.isVisible() else QGuiApplication.primaryScreen()
            chosen = next((n for n, s in enumerate(screens) if s is not mine), 0)
        self.screen_combo.setCurrentIndex(chosen)
        self.screen_combo.blockSignals(False)

    # == focus =============================================================================

    def back_to_session(self) -> None:
        """Esc: leave any field (the players box puts back what it said) and select nothing."""
        if self.players_edit.hasFocus():
            self.players_edit.setText(", ".join(p.label for p in self.players))
        self.players_edit.deselect()
        self.agenda.clearSelection()
        self.session_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or focused is self.players_edit:
            self.session_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    # == showing =========================================================================

    def _render(self, view: RunView, full: bool) -> None:
        cur = view.current
        self._refresh_header(view)
        self._refresh_table(view, full)
        if full:
            self._refresh_player_numbers()
        if view.status is RunStatus.ENDED:
            self._show_ended(view)
        elif cur is None:
            self._show_ready(view)
        else:
            item = self.controller.agenda_item(cur.source_index, cur.title)
            key = (cur.position, cur.source_index, cur.planned_seconds, view.status)
            if full or key != self._item_key:
                self._item_key = key
                self._show_item_text(cur.title, core_word(cur.kind.label), item, view)
            self.big_clock.setText(format_clock(cur.remaining_seconds))
            self.item_elapsed.setText(
                self.tr("Elapsed {elapsed} of {planned}").format(elapsed=format_clock(cur.elapsed_seconds, countdown=False), planned=format_clock(cur.planned_seconds))
            )
            if view.paused:
                self.state_label.setText(self.tr("Paused"))
            else:
                self.state_label.setText(
                    self.tr("{state} — counting up").format(state=core_word(cur.state.label))
                    if cur.state is TimerState.OVERTIME else core_word(cur.state.label)
                )
            self._colour(cur.state, view.paused)
            self._refresh_role_play(view, item, full)
        if self.lock_view is not None:
            self.lock_view.show_view(view, self.big_clock.text(), self.state_label.text(), self.big_clock.styleSheet())
        self._update_enabled()

    def _refresh_header(self, view: RunView) -> None:
        if view.status is RunStatus.ENDED:
            snapshot = self.clock.snapshot()
            span = ""
            if snapshot.started_at is not None and snapshot.ended_at is not None:
                span = f" ({_local_time(snapshot.started_at, self.settings.zone)}–{_local_time(snapshot.ended_at, self.settings.zone)})"
            self.session_clock.setText(self.tr("Session ended after {session_elapsed}{span}").format(session_elapsed=format_duration(view.session_elapsed), span=span))
            self.balance.setText("")
            return
        slot = format_clock(view.slot_seconds)
        elapsed = format_clock(view.session_elapsed, countdown=False)
        remaining = view.session_remaining
        if remaining > 0:
            left = self.tr("{clock} left").format(clock=format_clock(remaining))
        else:
            left = self.tr("{clock} over").format(clock=format_clock(remaining))
        self.session_clock.setText(self.tr("Session {elapsed} of {slot} · {left}").format(elapsed=elapsed, slot=slot, left=left))
        if view.status is RunStatus.READY:
            text = (
                self.tr("Planned to fit")
                if abs(view.balance_seconds) < 30
                else sentence_text(format_balance(view.balance_seconds, planning=True))
            )
        else:
            text = sentence_text(format_balance(view.balance_seconds))
        self.balance.setText(text)
        colour = runner_balance_colour(view.balance_seconds, current_mode().high_contrast)
        self.balance.setStyleSheet(f"color: {colour};")

    def _refresh_player_numbers(self) -> None:
        players = self.players
        if not players:
            self.player_numbers.setText("")
            self.player_numbers.setVisible(False)
            return
        numbered = "&nbsp;&nbsp;&nbsp;".join(
            f"<b>{escape(numbered_name(n, p.label))}</b>" for n, p in enumerate(players)
        )
        set_ink_html(self.player_numbers, self.tr("<span style='color:@muted'>Numbers on the room display:</span> {numbered}").format(numbered=numbered))
        self.player_numbers.setVisible(True)

    def _refresh_table(self, view: RunView, full: bool) -> None:
        key = tuple((r.source_index, r.status, r.planned_seconds) for r in view.items)
        rebuild = full or key != self._table_key
        selected = None
        if rebuild:
            selected = self._selected_position()
            self._table_key = key
            self.agenda.setRowCount(len(view.items))
        for row in view.items:
            current = view.current is not None and row.position == view.current.position
            if not rebuild and not current:
                continue
            ran = row.first_started_at is not None
            actual = format_clock(row.elapsed_seconds, countdown=False) if ran else "—"
            if not rebuild:
                self._set_cell(row.position, 4, actual, current)
                continue
            if row.planned_seconds != row.original_seconds:
                planned = self.tr("{minutes} min (was {original})").format(
                    minutes=row.planned_seconds // 60, original=row.original_seconds // 60)
            else:
                planned = self.tr("{minutes} min").format(minutes=row.planned_seconds // 60)
            if view.status is RunStatus.ENDED and row.status is ItemStatus.PENDING:
                status = self.tr("Not reached")
            else:
                status = {
                    ItemStatus.PENDING: "",
                    ItemStatus.CURRENT: self.tr("Now") if view.status is not RunStatus.PAUSED else self.tr("Now (paused)"),
                    ItemStatus.DONE: self.tr("Done"),
                    ItemStatus.SKIPPED: self.tr("Skipped") if ran else self.tr("Left out"),
                }[row.status]
            values = [str(row.position + 1), row.title, core_word(row.kind.label), planned, actual, status]
            for column, value in enumerate(values):
                self._set_cell(row.position, column, value, current)
            self.agenda.item(row.position, 1).setToolTip(row.title)
        if rebuild:
            self.agenda.resizeRowsToContents()  # a long title wraps (large text) rather than being cut short
        if rebuild and selected is not None and selected < len(view.items):
            self.agenda.selectRow(selected)

    def _set_cell(self, row: int, column: int, text: str, bold: bool) -> None:
        cell = self.agenda.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            self.agenda.setItem(row, column, cell)
        if cell.text() != text:
            cell.setText(text)
        font = cell.font()
        if font.bold() != bold:
            font.setBold(bold)
            cell.setFont(font)

    def _show_ready(self, view: RunView) -> None:
        first = next((r for r in view.items if r.status is ItemStatus.PENDING), None)
        key = ("ready", first.source_index if first else None, first.planned_seconds if first else None)
        if key != self._item_key:
            self._item_key = key
            if first is not None:
                item = self.controller.agenda_item(first.source_index, first.title)
                self._show_item_text(first.title, core_word(first.kind.label), item, view)
                self.item_meta.setText(self.tr("{label} · first item · press Space to start").format(label=core_word(first.kind.label)))
            self.role_panel.setVisible(False)
        self.big_clock.setText(format_clock(first.planned_seconds) if first else "—")
        self.item_elapsed.setText(self.tr("Not started"))
        self.state_label.setText(self.tr("Ready"))
        self._colour(None, False)

    def _show_ended(self, view: RunView) -> None:
        if self._item_key != ("ended",):
            self._item_key = ("ended",)
            self.item_title.setText(self.tr("Session ended"))
            summary = summarize_run(view)
            snapshot = self.clock.snapshot()
            span = ""
            if snapshot.started_at is not None and snapshot.ended_at is not None:
                span = f", from {_local_time(snapshot.started_at, self.settings.zone)} to {_local_time(snapshot.ended_at, self.settings.zone)}"
            self.item_meta.setText(
                self.tr("The session lasted {duration}{span}, in a {slot}-minute slot. The record keeps every item's actual time.").format(duration=format_duration(summary.session_seconds), span=span, slot=summary.slot_seconds // 60)
            )
            set_ink_html(self.script, _summary_html(summary, self.meeting_id is not None))
            self.role_panel.setVisible(False)
            meeting = self.meeting_id is not None
            self.write_notes_button.setVisible(meeting)
            layout = self.clock_frame.parentWidget().layout()
            layout.setStretchFactor(self.clock_frame, 1)
            layout.setStretchFactor(self.script, 3)
        self.big_clock.setText(format_hms(view.session_elapsed))
        self.item_elapsed.setText(self.tr("Session length (hours:minutes:seconds)"))
        self.state_label.setText(self.tr("Ended"))
        self._colour(None, False)

    def _show_item_text(self, title: str, kind: str, item: AgendaItem | None, view: RunView) -> None:
        cur = view.current
        self.item_title.setText(title)
        if cur is not None:
            number = cur.position + 1
            self.item_meta.setText(
                self.tr("{kind} · item {number} of {count} · planned {planned} min").format(kind=kind, number=number, count=len(view.items), planned=cur.planned_seconds // 60)
            )
        parts = []
        if item is None:
            parts.append(self.tr("<p><i>The curriculum file has changed since this run began; its script is not shown.</i></p>"))
        else:
            if item.script:
                paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in item.script.split("\n\n") if p.strip())
                parts.append(self.tr("<h3>Script <small>(your screen only)</small></h3>") + paragraphs)
            if item.prompts:
                parts.append(self.tr("<h3>Prompts</h3>") + "<ul>" + "".join(f"<li>{escape(p)}</li>" for p in item.prompts) + "</ul>")
            if item.display:
                parts.append(self.tr("<h3>On the room display</h3><p>{text}</p>").format(text=escape(item.display).replace(chr(10), '<br/>')))
            if not parts:
                parts.append(self.tr("<p><i>No script for this item.</i></p>"))
        self.script.setHtml("".join(parts))
        role_play = item is not None and item.role_play is not None and cur is not None
        self.role_panel.setVisible(role_play)
        layout = self.clock_frame.parentWidget().layout()
        layout.setStretchFactor(self.clock_frame, 2 if role_play else 3)
        layout.setStretchFactor(self.role_panel, 4 if role_play else 0)
        layout.setStretchFactor(self.script, 1 if role_play else 2)

    def _colour(self, state: TimerState | None, paused: bool) -> None:
        high_contrast = current_mode().high_contrast
        key = (state, paused, high_contrast)
        if key == self._colour_key:
            return
        self._colour_key = key
        colour, background = runner_clock_colours(state, paused, high_contrast)
        self.big_clock.setStyleSheet(f"color: {colour};")
        self.state_label.setStyleSheet(f"color: {colour};")
        self.clock_frame.setStyleSheet(
            f"#clockFrame {{ border: 6px solid {colour}; border-radius: 10px; background: {background}; }}"
        )

    # -- role play ------------------------------------------------------------------------

    def _refresh_role_play(self, view: RunView, item: AgendaItem | None, full: bool) -> None:
        cur = view.current
        if item is None or item.role_play is None or cur is None or cur.role_play is None:
            return
        rp, pos = item.role_play, cur.role_play
        plan = self.controller.plan(item)
        key = ("rp", cur.position, pos.round, pos.phase_index, pos.in_debrief, plan.players, plan.teams)
        if pos.in_debrief:
            self.rp_phase.setText(self.tr("Debrief — after the last round"))
            self.rp_phase_clock.setText(format_clock(cur.remaining_seconds))
        else:
            self.rp_phase.setText(self.tr("Round {round} of {rounds} · {phase_name}").format(round=pos.round, rounds=pos.rounds, phase_name=pos.phase_name))
            self.rp_phase_clock.setText(format_clock(pos.phase_remaining))
        if not full and key == self._rp_key:
            return
        self._rp_key = key
        self.rp_scenario.setText(self.tr("<b>Scenario:</b> {scenario}").format(scenario=escape(rp.scenario)))
        briefs = {r.name: r.brief for r in rp.roles}

        def who(index: int) -> str:
            # The number the room display shows ("Player 1") beside the name only this screen shows.
            return escape(numbered_name(index, plan.players[index]))

        def seats_html(number: int) -> str:
            lines = []
            for team in plan.round(number).teams:
                seats = [
                    (f"<b>{who(seat.player)}</b>" if seat.player is not None else self.tr("<i>no player</i>"))
                    + f" — <span title='{escape(briefs.get(seat.role, ''), quote=True)}'>{escape(seat.role)}</span>"
                    for seat in team.seats
                ]
                if team.watching:
                    seats.append(self.tr("<i>Watching:</i> {players}").format(players=", ".join(who(p) for p in team.watching)))
                prefix = f"<b>{team.label}</b>: " if plan.teams > 1 else ""
                lines.append(prefix + " · ".join(seats) if plan.teams > 1 else "<br/>".join(seats))
            return "<br/>".join(lines)

        if not plan.players:
            roles_html = self.tr("<i>Type the players' first names or initials above (Alt+P) to share out the roles.</i>")
        else:
            heading = self.tr("This round") if not pos.in_debrief else self.tr("Last round")
            roles_html = self.tr("<p><b>{heading}:</b><br/>{seats}</p>").format(heading=heading, seats=seats_html(pos.round))
            if not pos.in_debrief and pos.round < pos.rounds:
                roles_html += self.tr("<p style='color:@muted'><b>Next round:</b><br/>{seats}</p>").format(seats=seats_html(pos.round + 1))
        set_ink_html(self.rp_roles, roles_html)
        self.rp_warnings.setText(" ".join(plan.warnings))
        self.rp_warnings.setVisible(bool(plan.warnings))
        checks = [
            self.tr("<b>{name}</b> watches for: {checklist}").format(name=escape(r.name), checklist=escape('; '.join(r.checklist))) for r in rp.roles if r.checklist
        ]
        self.rp_checklist.setText("<br/>".join(checks))
        self.rp_checklist.setVisible(bool(checks))
        if rp.debrief:
            style = "background:@now; padding:4px;" if pos.in_debrief else "color:@muted;"
            title = self.tr("Debrief now") if pos.in_debrief else self.tr("Debrief after the last round")
            items = "".join(f"<li>{escape(q)}</li>" for q in rp.debrief)
            set_ink_html(self.rp_debrief, self.tr("<div style='{style}'><b>{title}:</b><ol>{items}</ol></div>").format(style=style, title=title, items=items))
        self.rp_debrief.setVisible(bool(rp.debrief))

    # == controls ========================================================================

    def _on_toggle(self) -> None:
        self.controller.toggle()

    def _on_next(self) -> None:
        self.controller.next()

    def _on_previous(self) -> None:
        self.controller.previous()

    def _on_end(self) -> None:
        if not self.controller.run_active:
            self.statusBar().showMessage(self.tr("The session is not running."), 5000)
            return
        if not self._confirm(self.tr("End the session?"), self.tr("End the session now? The record keeps every item's actual time.")):
            return
        if self.controller.end() is not None:
            self.session_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self)
        box.setAccessibleName(title)
        yes = box.addButton(self.tr("&End session"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Keep going"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _on_write_notes(self) -> None:
        if self.clock.status is not RunStatus.ENDED:
            self.statusBar().showMessage(self.tr("Notes are written once the session has ended."), 5000)
            return
        if not self.controller.request_notes():
            self.statusBar().showMessage(self.tr("This run was started from the Library, not for a meeting: it has no notes."), 6000)

    def _selected_position(self) -> int | None:
        rows = self.agenda.selectionModel().selectedRows() if self.agenda.selectionModel() else []
        return rows[0].row() if rows else None

    def _on_move(self, step: int) -> None:
        position = self._selected_position()
        if position is None:
            self.statusBar().showMessage(self.tr("Choose an item in the agenda first."), 5000)
            return
        if self.controller.move(position, step) is not None:
            self.agenda.selectRow(position + step)

    def _on_minutes(self) -> None:
        position = self._selected_position()
        if position is None:
            self.statusBar().showMessage(self.tr("Choose an item in the agenda first."), 5000)
            return
        row = self.controller.last_view.items[position]
        if not row.editable:
            self.statusBar().showMessage(self.tr("“{title}” is over; its time can no longer change.").format(title=row.title), 6000)
            return
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Minutes"), self.tr("Minutes for “{title}”:").format(title=row.title), row.planned_seconds // 60, 1, 300, 1
        )
        if ok:
            self.controller.set_minutes(position, minutes)

    def _on_leave_out(self) -> None:
        position = self._selected_position()
        if position is None:
            self.statusBar().showMessage(self.tr("Choose an item in the agenda first."), 5000)
            return
        self.controller.toggle_left_out(position)

    def _on_finish_on_time(self) -> None:
        proposal = self.controller.propose_finish_on_time()
        if proposal is None:
            self.statusBar().showMessage(self.tr("The session is on schedule: nothing needs shortening."), 6000)
            return
        if not proposal.changes:
            self.statusBar().showMessage(
                self.tr("{behind}, but every item still to come is already at its minimum, a break or the check-out.").format(behind=sentence_text(format_balance(proposal.behind_seconds))),
                8000,
            )
            return
        if FinishOnTimeDialog(proposal, self.settings.minimum_item_seconds, self).exec():
            self.controller.apply_proposal(proposal)

    # -- players --------------------------------------------------------------------------

    def _on_players_entered(self) -> None:
        self._on_players_changed()
        self.session_pane.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter keeps the names and gives the keys back

    def _on_players_changed(self) -> None:
        labels = parse_players(self.players_edit.text())
        self.controller.set_players(labels)
        if self.players_edit.text() != ", ".join(labels):
            self.players_edit.setText(", ".join(labels))

    def _on_first_names(self, on: bool) -> None:
        self.controller.set_show_first_names(on)

    def _on_small_groups(self, on: bool) -> None:
        self.controller.set_small_groups(on)

    # -- room display and the facilitator's window -----------------------------------------

    def _chosen_screen(self):  # type: ignore[no-untyped-def]
        name = self.screen_combo.currentData()
        return next((s for s in QGuiApplication.screens() if s.name() == name), QGuiApplication.primaryScreen())

    def _on_display_toggled(self) -> None:
        on = self.actions["display"].isChecked()
        if on:
            if self.display is None:
                self.display = RoomDisplay()
                self.display.keys_go_to = self
                self.controller.room_changed.connect(self.display.render)
            self.controller.set_room_display(True)
            self.display.show_on(self._chosen_screen())
            if len(QGuiApplication.screens()) == 1:
                self.statusBar().showMessage(
                    self.tr("Only one screen: the room display covers this window. Press D to hide it."), 10000
                )
        elif self.display is not None:
            self.controller.set_room_display(False)
            self.display.hide()

    def _on_screen_chosen(self) -> None:
        if self._local is not None:
            local, path = self._local
            local.room_display_screen = self.screen_combo.currentData() or ""
            try:
                local.save(path)
            except OSError:
                log.warning("Could not remember the room display screen", exc_info=True)
        if self.display is not None and self.display.isVisible():
            self.display.show_on(self._chosen_screen())
        self.session_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_hide_window(self) -> None:
        """Hide the facilitator's screens; the room display runs on."""
        parent = self.parentWidget()
        if parent is not None:
            parent.showMinimized()
        self.showMinimized()

    def _on_chime_toggled(self) -> None:
        self.chime.enabled = self.actions["chime"].isChecked()
        self.settings.chime = self.chime.enabled
        if self._local is not None:
            local, path = self._local
            local.extra["runner_chime"] = self.chime.enabled
            try:
                local.save(path)
            except OSError:
                log.warning("Could not remember the chime setting", exc_info=True)

    def _on_timer_settings(self) -> None:
        dialog = TimerSettingsDialog(self.settings, self)
        if dialog.exec():
            settings = dialog.result_settings()
            self.controller.apply_settings(settings)
            self.actions["chime"].setChecked(settings.chime)
            self._on_chime_toggled()
            self.settings_changed(settings)

    def settings_changed(self, settings: RunnerSettings) -> None:
        """Overridden by the launcher to save clinic-wide values; nothing by default."""

    # -- state of the controls ---------------------------------------------------------------

    def _update_enabled(self) -> None:
        status = self.clock.status
        active = status in (RunStatus.RUNNING, RunStatus.PAUSED)
        view = self.controller.last_view
        cur = view.current
        toggle = self.actions["toggle"]
        toggle.setText(
            {RunStatus.READY: self.tr("▶ Start"), RunStatus.RUNNING: self.tr("❚❚ Pause"), RunStatus.PAUSED: self.tr("▶ Resume")}.get(
                status, self.tr("Ended")
            )
            + "\n" + self.tr("Space")
        )
        if self.lock_view is not None:
            return  # the lock holds the actions; it gives them back as they were
        toggle.setEnabled(status is not RunStatus.ENDED)
        for name in ("previous", "next", "skip", "minus1", "plus1", "plus5", "end", "finish"):
            self.actions[name].setEnabled(active)
        self.actions["finish"].setEnabled(status is not RunStatus.ENDED)
        self.actions["next_phase"].setEnabled(
            active and cur is not None and cur.role_play is not None and not cur.role_play.in_debrief
        )
        self.actions["write_notes"].setEnabled(status is RunStatus.ENDED and self.meeting_id is not None)
        position = self._selected_position()
        editable = status is not RunStatus.ENDED and position is not None
        for name in ("move_up", "move_down", "minutes", "leave_out"):
            self.actions[name].setEnabled(editable)
        if position is not None and position < len(view.items):
            row = view.items[position]
            self.actions["leave_out"].setText(
                (self.tr("Put back") if row.status is ItemStatus.SKIPPED else self.tr("Leave out")) + "  [L]"
            )

    # -- the workstation lock -----------------------------------------------------------------

    def lock_cover(self, panel: QWidget) -> QWidget:
        """What covers this window while the workstation is locked (``ui/session.py`` asks).

        The session's content is hidden, not just covered: no name, no script, no note is in
        the window while it is locked. During a run the cover shows the big timer and the
        current item's title, and the clicker keys stay live; otherwise only the lock panel.
        """
        self.centralWidget().setVisible(False)
        self.statusBar().clearMessage()
        cover = RunLockCover(self, panel, running=self.controller.run_active)
        self.lock_view = cover
        self._render(self.controller.last_view, False)
        if self.isActiveWindow():
            cover.setFocus(Qt.FocusReason.OtherFocusReason)
        return cover

    def after_unlock(self) -> None:
        """The screen was unlocked: the session comes back with the focus on it and nothing selected."""
        self.lock_view = None
        self.centralWidget().setVisible(True)
        self.controller.refresh(full=True)
        self.back_to_session()

    # -- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller.closed:  # closed before: the run was settled then
            super().closeEvent(event)
            return
        if self.run_active:
            choice = self.ask_close()
            if choice == "end":
                self.controller.end()
            elif choice != "keep":
                event.ignore()
                return
        elif self.clock.status is RunStatus.READY:
            self.controller.discard_if_unstarted()
        self.controller.close()
        if self.display is not None:
            self.display.close()
            self.display.deleteLater()
            self.display = None
        super().closeEvent(event)

    def ask_close(self) -> str:
        """ "end", "keep" (close, resume later) or "cancel"; a dialog (tests replace this method)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close the runner?"),
            self.tr("The session is still running. End it now, or close this window and keep it open in the record "
            "(Facilitator offers to resume it next time)?"),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setAccessibleName(self.tr("Close the runner?"))
        end = box.addButton(self.tr("&End session"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Close, &resume later"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "end" if clicked is end else "keep" if clicked is keep else "cancel"


def _summary_html(summary, has_meeting: bool) -> str:  # type: ignore[no-untyped-def]
    """Which items ran (with their real minutes), which were skipped, left out or not reached."""

    def rows(outcome: str, say: Callable[[object], str]) -> str:
        found = summary.with_outcome(outcome)
        return "".join(f"<li>{say(i)}</li>" for i in found)

    ran = rows(
        "ran",
        lambda i: translate("window", "{title} — {elapsed} <span style='color:@muted'>(planned {planned} min)</span>").format(  # type: ignore[attr-defined]
            title=escape(i.title), elapsed=format_duration(i.elapsed_seconds), planned=i.planned_seconds // 60),  # type: ignore[attr-defined]
    )
    skipped = rows(
        "skipped",
        lambda i: translate("window", "{title} — skipped after {elapsed}").format(title=escape(i.title), elapsed=format_duration(i.elapsed_seconds)),  # type: ignore[attr-defined]
    )
    left_out = rows("left out", lambda i: translate("window", "{title} — left out before it began").format(title=escape(i.title)))  # type: ignore[attr-defined]
    not_reached = rows("not reached", lambda i: escape(i.title))  # type: ignore[attr-defined]
    parts = [translate("window", "<h3>Ran</h3>") + "<ul>" + ran + "</ul>" if ran else translate("window", "<p><i>No item ran.</i></p>")]
    if skipped or left_out:
        parts.append(translate("window", "<h3>Skipped</h3>") + "<ul>" + skipped + left_out + "</ul>")
    if not_reached:
        parts.append(translate("window", "<h3>Not reached</h3>") + "<ul>" + not_reached + "</ul>")
    if has_meeting:
        parts.append(translate("window", "<p>Press <b>W</b> (Write notes) to write this meeting's notes from what happened.</p>"))
    else:
        parts.append(translate("window", "<p>Close this window when you are done. The room display shows “Thank you”.</p>"))
    return "".join(parts)


__all__ = [
    "BigClock",
    "PlayerInput",
    "RunLockCover",
    "RunnerSettings",
    "RunnerWindow",
    "parse_players",
]
