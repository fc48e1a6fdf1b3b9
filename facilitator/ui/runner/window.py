"""The session runner: the facilitator's window while a group is in session.

The window owns an ``AgendaClock`` (core) and shows what it reports. It repaints when a
shown whole second is due to change (the clock says when), with a precise single-shot
timer, so the display flips within a few milliseconds of the true moment and never counts
ticks: a late tick only delays a repaint, it cannot make the time wrong.

Every control is a QAction with a shortcut and an accessible name; each one is saved to
the run record at once (``RunStore.save``), so a crash loses nothing. If the database
does not answer, the timer goes on and the record catches up at the next save.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
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
    ClockError,
    ClockEvent,
    ItemStatus,
    RunStatus,
    RunView,
    TimerState,
    WrapUpRule,
    format_balance,
    format_clock,
)
from ...core.clock import Clock
from ...core.curriculum import AgendaItem, Curriculum, CurriculumSession
from ...core.room_view import build_room_view
from ...core.rotation import RotationPlan, plan_rotation
from .chime import Chime
from .display import RoomDisplay
from .style import RUNNER_COLOURS, RUNNER_PAUSED

log = logging.getLogger(__name__)

MAX_PLAYER_LABEL = 40
RUNNER_SWITCH_INTERVAL = 0.001  # seconds; see RunnerWindow.__init__
KEY_NAMES = {"Alt+Up": "Alt+↑", "Alt+Down": "Alt+↓", "-": "−"}
BIG_CONTROLS = ("toggle", "previous", "next", "skip", "minus1", "plus1", "plus5", "next_phase", "finish", "end")


@dataclass
class RunnerSettings:
    """How the runner behaves; clinic-wide values come from the database, chime from this computer."""

    wrap_up: WrapUpRule
    minimum_item_seconds: int = 120
    chime: bool = True


@dataclass(frozen=True)
class PlayerInput:
    label: str
    participant_id: int | None = None


def parse_players(text: str) -> list[str]:
    """First names or initials, separated by commas or new lines; repeats get a number."""
    labels: list[str] = []
    for raw in text.replace("\n", ",").replace(";", ",").split(","):
        label = " ".join(raw.split())[:MAX_PLAYER_LABEL]
        if not label:
            continue
        candidate, n = label, 2
        while candidate in labels:
            candidate = f"{label} {n}"
            n += 1
        labels.append(candidate)
    return labels


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


class RunnerWindow(QMainWindow):
    """One run of one curriculum session."""

    run_ended = Signal(int)

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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.curriculum = curriculum
        self.session = session
        self.clock = agenda_clock
        self._time = clock
        self.settings = settings
        self.clock.wrap_up = settings.wrap_up
        self.store = store
        self.run_id = run_id
        self.meeting_id = meeting_id
        self.players: list[PlayerInput] = list(players)
        self.show_first_names = show_first_names
        self.small_groups = small_groups
        self._recorded_rounds: set[tuple[int, int]] = set(recorded_rounds or ())
        self.chime = chime if chime is not None else Chime(settings.chime, self)
        self._local = local_settings
        self._notice_text = notice
        self._unsaved: list[ClockEvent] = []
        self._plan_cache: tuple[tuple[object, ...], RotationPlan] | None = None
        self._table_key: tuple[object, ...] | None = None
        self._item_key: tuple[object, ...] | None = None
        self._colour_key: tuple[object, ...] | None = None
        self.display: RoomDisplay | None = None
        self.tick_probe: Callable[[], None] | None = None  # the timer benchmark looks here before each repaint
        self.last_view: RunView | None = None

        self.setWindowTitle(f"Run: {session.title} — Facilitator")
        self.setAccessibleName("Session runner")
        self.resize(1320, 860)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_tick)
        # While a session runs, other Python threads (printing, saving) hand the interpreter
        # lock back within 1 ms instead of 5, so a repaint that is due is not kept waiting.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, RUNNER_SWITCH_INTERVAL))
        self._refresh(full=True)
        self._schedule()

    # == building ========================================================================

    def _build(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)

        # Header: what is running, session clock, ahead/behind.
        self.heading = QLabel(f"{escape(self.curriculum.title)} › <b>{escape(self.session.title)}</b>")
        self.heading.setAccessibleName("Curriculum and session")
        self.session_clock = QLabel()
        self.session_clock.setAccessibleName("Session elapsed and remaining")
        self.balance = QLabel()
        self.balance.setAccessibleName("Ahead or behind schedule")
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
        self.notice.setAccessibleName("Notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.notice.setVisible(bool(self._notice_text))
        outer.addWidget(self.notice)

        # Players (typed in, or from the meeting's attendance).
        self.players_edit = QLineEdit(", ".join(p.label for p in self.players))
        self.players_edit.setPlaceholderText("First names or initials, separated by commas")
        self.players_edit.setAccessibleName("Players for role plays")
        self.players_edit.returnPressed.connect(self._on_players_changed)
        self.players_edit.editingFinished.connect(self._on_players_changed)
        players_label = QLabel("&Players:")
        players_label.setBuddy(self.players_edit)
        self.first_names = QCheckBox("Show first &names on the room display")
        self.first_names.setAccessibleName("Show first names on the room display")
        self.first_names.setChecked(self.show_first_names)
        self.first_names.toggled.connect(self._on_first_names)
        self.small_groups_box = QCheckBox("Play in s&mall groups")
        self.small_groups_box.setAccessibleName("Play role plays in small groups at once")
        self.small_groups_box.setChecked(self.small_groups)
        self.small_groups_box.toggled.connect(self._on_small_groups)
        players_row = QHBoxLayout()
        players_row.addWidget(players_label)
        players_row.addWidget(self.players_edit, 1)
        players_row.addWidget(self.first_names)
        players_row.addWidget(self.small_groups_box)
        outer.addLayout(players_row)

        # Left: the current item.
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.item_title = QLabel()
        self.item_title.setAccessibleName("Current item")
        self.item_title.setWordWrap(True)
        title_font = QFont(self.item_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.7)
        self.item_title.setFont(title_font)
        self.item_meta = QLabel()
        self.item_meta.setAccessibleName("Current item kind and plan")
        self.clock_frame = QFrame()
        self.clock_frame.setObjectName("clockFrame")
        frame_layout = QVBoxLayout(self.clock_frame)
        self.big_clock = BigClock("Item countdown")
        self.big_clock.setMinimumHeight(150)
        self.state_label = QLabel()
        self.state_label.setAccessibleName("Timer state")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        state_font = QFont(self.state_label.font())
        state_font.setBold(True)
        state_font.setPointSizeF(state_font.pointSizeF() * 1.5)
        self.state_label.setFont(state_font)
        frame_layout.addWidget(self.big_clock, 1)
        frame_layout.addWidget(self.state_label)
        self.item_elapsed = QLabel()
        self.item_elapsed.setAccessibleName("Item elapsed")
        self.item_elapsed.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.role_panel = self._build_role_panel()
        self.script = QTextBrowser()
        self.script.setAccessibleName("Script and prompts")
        self.script.setMinimumHeight(120)
        left_layout.addWidget(self.item_title)
        left_layout.addWidget(self.item_meta)
        left_layout.addWidget(self.clock_frame, 3)
        left_layout.addWidget(self.item_elapsed)
        left_layout.addWidget(self.role_panel, 2)
        left_layout.addWidget(self.script, 2)

        # Right: the agenda and its editing.
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.agenda = QTableWidget(0, 6)
        self.agenda.setHorizontalHeaderLabels(["#", "Item", "Kind", "Planned", "Actual", "Status"])
        self.agenda.setAccessibleName("Agenda")
        self.agenda.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.verticalHeader().setVisible(False)
        head = self.agenda.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.agenda.itemSelectionChanged.connect(self._update_enabled)
        agenda_label = QLabel("&Agenda")
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
        edit_row = QHBoxLayout()
        for name in ("move_up", "move_down", "minutes", "leave_out"):
            edit_row.addWidget(self._button(name))
        edit_row.addStretch(1)
        right_layout.addLayout(edit_row)

        controls = QHBoxLayout()
        for name in BIG_CONTROLS:
            controls.addWidget(self._button(name, big=True))
        outer.addLayout(controls)

        tools = QHBoxLayout()
        tools.addWidget(self._button("display"))
        self.screen_combo = QComboBox()
        self.screen_combo.setAccessibleName("Screen for the room display")
        self._fill_screens()
        self.screen_combo.currentIndexChanged.connect(self._on_screen_chosen)
        screen_label = QLabel("on s&creen:")
        screen_label.setBuddy(self.screen_combo)
        tools.addWidget(screen_label)
        tools.addWidget(self.screen_combo)
        tools.addWidget(self._button("hide"))
        tools.addWidget(self._button("chime"))
        tools.addWidget(self._button("timer_settings"))
        tools.addStretch(1)
        outer.addLayout(tools)

        self.setCentralWidget(central)
        self.setTabOrder(self.players_edit, self.agenda)
        self.setTabOrder(self.agenda, self.script)

    def _build_role_panel(self) -> QGroupBox:
        box = QGroupBox("Role play")
        box.setAccessibleName("Role play")
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Role-play details")
        QVBoxLayout(box).addWidget(scroll)
        self.rp_scenario = QLabel()
        self.rp_scenario.setAccessibleName("Role-play scenario")
        self.rp_scenario.setWordWrap(True)
        phase_row = QHBoxLayout()
        self.rp_phase = QLabel()
        self.rp_phase.setAccessibleName("Role-play round and phase")
        font = QFont(self.rp_phase.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.rp_phase.setFont(font)
        self.rp_phase_clock = QLabel()
        self.rp_phase_clock.setAccessibleName("Phase countdown")
        clock_font = QFont(font)
        clock_font.setPointSizeF(font.pointSizeF() * 1.6)
        self.rp_phase_clock.setFont(clock_font)
        phase_row.addWidget(self.rp_phase, 1)
        phase_row.addWidget(self.rp_phase_clock)
        self.rp_roles = QLabel()
        self.rp_roles.setAccessibleName("Who plays which role")
        self.rp_roles.setWordWrap(True)
        self.rp_roles.setTextFormat(Qt.TextFormat.RichText)
        self.rp_warnings = QLabel()
        self.rp_warnings.setAccessibleName("Role-play notes")
        self.rp_warnings.setWordWrap(True)
        self.rp_warnings.setStyleSheet("color: #8a4b00;")
        self.rp_checklist = QLabel()
        self.rp_checklist.setAccessibleName("Observer's checklist")
        self.rp_checklist.setWordWrap(True)
        self.rp_checklist.setTextFormat(Qt.TextFormat.RichText)
        self.rp_debrief = QLabel()
        self.rp_debrief.setAccessibleName("Debrief questions")
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
        specs: list[tuple[str, str, list[str], Callable[[], None], str]] = [
            ("toggle", "Start", ["Space"], self._on_toggle, "Start, pause or resume the timer"),
            ("previous", "◀ Previous", ["P", "PgUp"], self._on_previous, "Go back to the previous item"),
            ("next", "Next ▶", ["N", "PgDown"], self._on_next, "Finish this item and go to the next"),
            ("skip", "Skip", ["S"], self._on_skip, "Leave out this item and go to the next"),
            ("minus1", "−1 min", ["-"], lambda: self._on_adjust(-60), "Take away one minute"),
            ("plus1", "+1 min", ["+", "="], lambda: self._on_adjust(60), "Add one minute"),
            ("plus5", "+5 min", ["5"], lambda: self._on_adjust(300), "Add five minutes"),
            ("next_phase", "Next phase", ["R"], self._on_next_phase, "Move the role play to its next phase"),
            ("finish", "Finish on time…", ["F"], self._on_finish_on_time, "Propose shorter items to finish on time"),
            ("end", "End session…", ["End", "Ctrl+E"], self._on_end, "End the session"),
            ("display", "Room display", ["D"], self._on_display_toggled, "Show or hide the room display"),
            ("hide", "Hide my window", ["H"], self._on_hide_window, "Hide this window; the room display stays"),
            ("chime", "Chime", ["M"], self._on_chime_toggled, "Chime at wrap-up, at zero and between phases"),
            (
                "timer_settings",
                "Timer settings…",
                ["Ctrl+,"],
                self._on_timer_settings,
                "Wrap-up and finish-on-time settings",
            ),
            ("move_up", "Move up", ["Alt+Up"], lambda: self._on_move(-1), "Move the selected item up"),
            ("move_down", "Move down", ["Alt+Down"], lambda: self._on_move(1), "Move the selected item down"),
            ("minutes", "Minutes…", ["Ctrl+M"], self._on_minutes, "Change the selected item's minutes"),
            ("leave_out", "Leave out", ["L"], self._on_leave_out, "Leave out the selected item, or put it back"),
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
            self.screen_combo.addItem(f"{screen.name() or f'Screen {n + 1}'} ({g.width()}×{g.height()})", screen.name())
            if screen.name() == wanted:
                chosen = n
        if not wanted and len(screens) > 1:
            mine = self.screen() if self.isVisible() else QGuiApplication.primaryScreen()
            chosen = next((n for n, s in enumerate(screens) if s is not mine), 0)
        self.screen_combo.setCurrentIndex(chosen)
        self.screen_combo.blockSignals(False)

    # == the tick ========================================================================

    def _schedule(self) -> None:
        view = self.last_view
        delay = 1000
        if view is not None and view.next_change is not None:
            delay = int(view.next_change * 1000) + 1  # just past the moment the shown second changes
        self._timer.start(max(1, min(1000, delay)))

    def _on_tick(self) -> None:
        if self.tick_probe is not None:
            self.tick_probe()
        self._refresh()
        for cue in self.clock.poll_cues():
            self.chime.play(cue)
        self._record_round_if_new()
        self._schedule()

    # == showing =========================================================================

    def _agenda_item(self, source_index: int, title: str) -> AgendaItem | None:
        """The curriculum text for an item, if the curriculum still says the same thing there."""
        agenda = self.session.agenda
        if 0 <= source_index < len(agenda) and agenda[source_index].title == title:
            return agenda[source_index]
        return None

    def _refresh(self, full: bool = False) -> None:
        view = self.clock.view()
        self.last_view = view
        cur = view.current
        self._refresh_header(view)
        self._refresh_table(view, full)
        if view.status is RunStatus.ENDED:
            self._show_ended(view)
        elif cur is None:
            self._show_ready(view)
        else:
            item = self._agenda_item(cur.source_index, cur.title)
            key = (cur.position, cur.source_index, cur.planned_seconds, view.status)
            if full or key != self._item_key:
                self._item_key = key
                self._show_item_text(cur.title, cur.kind.label, item, view)
            self.big_clock.setText(format_clock(cur.remaining_seconds))
            self.item_elapsed.setText(
                f"Elapsed {format_clock(cur.elapsed_seconds, countdown=False)} of {format_clock(cur.planned_seconds)}"
            )
            if view.paused:
                self.state_label.setText("Paused")
            else:
                self.state_label.setText(
                    cur.state.label + (" — counting up" if cur.state is TimerState.OVERTIME else "")
                )
            self._colour(cur.state, view.paused)
            self._refresh_role_play(view, item, full)
        if self.display is not None and self.display.isVisible():
            self.display.render(self.room_view())
        self._update_enabled()

    def room_view(self):  # type: ignore[no-untyped-def]
        view = self.last_view or self.clock.view()
        cur = view.current
        item = self._agenda_item(cur.source_index, cur.title) if cur else None
        plan = self._plan(item) if item is not None and item.role_play is not None else None
        return build_room_view(
            view, item, plan, show_first_names=self.show_first_names, session_title=self.session.title
        )

    def _refresh_header(self, view: RunView) -> None:
        slot = format_clock(view.slot_seconds)
        elapsed = format_clock(view.session_elapsed, countdown=False)
        remaining = view.session_remaining
        left = f"{format_clock(remaining)} left" if remaining > 0 else f"{format_clock(remaining)} over"
        self.session_clock.setText(f"Session {elapsed} of {slot} · {left}")
        if view.status is RunStatus.READY:
            text = (
                "Planned to fit"
                if abs(view.balance_seconds) < 30
                else format_balance(view.balance_seconds)
                .replace("behind", "over the slot")
                .replace("ahead", "under the slot")
            )
        else:
            text = format_balance(view.balance_seconds)
        self.balance.setText(text)
        colour = "#b71c1c" if view.balance_seconds >= 60 else ("#1b5e20" if view.balance_seconds <= -60 else "#37474f")
        self.balance.setStyleSheet(f"color: {colour};")

    def _refresh_table(self, view: RunView, full: bool) -> None:
        key = tuple((r.source_index, r.status, r.planned_seconds) for r in view.items)
        rebuild = full or key != self._table_key
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
            planned = f"{row.planned_seconds // 60} min"
            if row.planned_seconds != row.original_seconds:
                planned += f" (was {row.original_seconds // 60})"
            status = {
                ItemStatus.PENDING: "",
                ItemStatus.CURRENT: "Now" if view.status is not RunStatus.PAUSED else "Now (paused)",
                ItemStatus.DONE: "Done",
                ItemStatus.SKIPPED: "Skipped" if ran else "Left out",
            }[row.status]
            values = [str(row.position + 1), row.title, row.kind.label, planned, actual, status]
            for column, value in enumerate(values):
                self._set_cell(row.position, column, value, current)
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
                item = self._agenda_item(first.source_index, first.title)
                self._show_item_text(first.title, first.kind.label, item, view)
                self.item_meta.setText(f"{first.kind.label} · first item · press Space to start")
            self.role_panel.setVisible(False)
        self.big_clock.setText(format_clock(first.planned_seconds) if first else "—")
        self.item_elapsed.setText("Not started")
        self.state_label.setText("Ready")
        self._colour(None, False)

    def _show_ended(self, view: RunView) -> None:
        if self._item_key != ("ended",):
            self._item_key = ("ended",)
            self.item_title.setText("Session ended")
            planned = view.slot_seconds // 60
            self.item_meta.setText(
                f"Ran {format_clock(view.session_elapsed, countdown=False)} for a {planned}-minute slot. "
                "The record keeps every item's actual time."
            )
            self.script.setHtml("<p>Close this window when you are done. The room display shows “Thank you”.</p>")
            self.role_panel.setVisible(False)
        self.big_clock.setText(format_clock(view.session_elapsed, countdown=False))
        self.item_elapsed.setText("Session length")
        self.state_label.setText("Ended")
        self._colour(None, False)

    def _show_item_text(self, title: str, kind: str, item: AgendaItem | None, view: RunView) -> None:
        cur = view.current
        self.item_title.setText(title)
        if cur is not None:
            number = cur.position + 1
            self.item_meta.setText(
                f"{kind} · item {number} of {len(view.items)} · planned {cur.planned_seconds // 60} min"
            )
        parts = []
        if item is None:
            parts.append("<p><i>The curriculum file has changed since this run began; its script is not shown.</i></p>")
        else:
            if item.script:
                paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in item.script.split("\n\n") if p.strip())
                parts.append("<h3>Script <small>(your screen only)</small></h3>" + paragraphs)
            if item.prompts:
                parts.append("<h3>Prompts</h3><ul>" + "".join(f"<li>{escape(p)}</li>" for p in item.prompts) + "</ul>")
            if item.display:
                parts.append(f"<h3>On the room display</h3><p>{escape(item.display).replace(chr(10), '<br/>')}</p>")
            if not parts:
                parts.append("<p><i>No script for this item.</i></p>")
        self.script.setHtml("".join(parts))
        role_play = item is not None and item.role_play is not None and cur is not None
        self.role_panel.setVisible(role_play)
        layout = self.clock_frame.parentWidget().layout()
        layout.setStretchFactor(self.clock_frame, 2 if role_play else 3)
        layout.setStretchFactor(self.role_panel, 4 if role_play else 0)
        layout.setStretchFactor(self.script, 1 if role_play else 2)

    def _colour(self, state: TimerState | None, paused: bool) -> None:
        key = (state, paused)
        if key == self._colour_key:
            return
        self._colour_key = key
        colour = RUNNER_PAUSED if paused else RUNNER_COLOURS[state]
        self.big_clock.setStyleSheet(f"color: {colour};")
        self.state_label.setStyleSheet(f"color: {colour};")
        background = {TimerState.WRAP_UP: "#fff8e1", TimerState.OVERTIME: "#ffebee"}.get(state, "#f7f9f7")  # type: ignore[arg-type]
        self.clock_frame.setStyleSheet(
            f"#clockFrame {{ border: 6px solid {colour}; border-radius: 10px; background: {background}; }}"
        )

    # -- role play ------------------------------------------------------------------------

    def _plan(self, item: AgendaItem) -> RotationPlan:
        rp = item.role_play
        assert rp is not None
        labels = tuple(p.label for p in self.players)
        key = (id(item), labels, self.small_groups)
        if self._plan_cache is None or self._plan_cache[0] != key:
            plan = plan_rotation(labels, [r.name for r in rp.roles], rp.rounds, small_groups=self.small_groups)
            self._plan_cache = (key, plan)
        return self._plan_cache[1]

    def _refresh_role_play(self, view: RunView, item: AgendaItem | None, full: bool) -> None:
        cur = view.current
        if item is None or item.role_play is None or cur is None or cur.role_play is None:
            return
        rp, pos = item.role_play, cur.role_play
        plan = self._plan(item)
        key = ("rp", cur.position, pos.round, pos.phase_index, pos.in_debrief, plan.players, plan.teams)
        if pos.in_debrief:
            self.rp_phase.setText("Debrief — after the last round")
            self.rp_phase_clock.setText(format_clock(cur.remaining_seconds))
        else:
            self.rp_phase.setText(f"Round {pos.round} of {pos.rounds} · {pos.phase_name}")
            self.rp_phase_clock.setText(format_clock(pos.phase_remaining))
        if not full and key == getattr(self, "_rp_key", None):
            return
        self._rp_key = key
        self.rp_scenario.setText(f"<b>Scenario:</b> {escape(rp.scenario)}")
        briefs = {r.name: r.brief for r in rp.roles}

        def seats_html(number: int) -> str:
            lines = []
            for team in plan.round(number).teams:
                seats = " · ".join(
                    f"<b title='{escape(briefs.get(seat.role, ''), quote=True)}'>{escape(seat.role)}</b>: "
                    + (escape(plan.players[seat.player]) if seat.player is not None else "<i>no player</i>")
                    for seat in team.seats
                )
                if team.watching:
                    seats += " · <i>Watching</i>: " + ", ".join(escape(plan.players[p]) for p in team.watching)
                lines.append((f"<b>{team.label}</b> — " if plan.teams > 1 else "") + seats)
            return "<br/>".join(lines)

        if not plan.players:
            roles_html = "<i>Type the players' first names or initials above to share out the roles.</i>"
        else:
            heading = "This round" if not pos.in_debrief else "Last round"
            roles_html = f"<p><b>{heading}:</b><br/>{seats_html(pos.round)}</p>"
            if not pos.in_debrief and pos.round < pos.rounds:
                roles_html += f"<p style='color:#546e7a'><b>Next round:</b><br/>{seats_html(pos.round + 1)}</p>"
        self.rp_roles.setText(roles_html)
        self.rp_warnings.setText(" ".join(plan.warnings))
        self.rp_warnings.setVisible(bool(plan.warnings))
        checks = [
            f"<b>{escape(r.name)}</b> watches for: {escape('; '.join(r.checklist))}" for r in rp.roles if r.checklist
        ]
        self.rp_checklist.setText("<br/>".join(checks))
        self.rp_checklist.setVisible(bool(checks))
        if rp.debrief:
            style = "background:#e3f2fd; padding:4px;" if pos.in_debrief else "color:#546e7a;"
            title = "Debrief now" if pos.in_debrief else "Debrief after the last round"
            items = "".join(f"<li>{escape(q)}</li>" for q in rp.debrief)
            self.rp_debrief.setText(f"<div style='{style}'><b>{title}:</b><ol>{items}</ol></div>")
        self.rp_debrief.setVisible(bool(rp.debrief))

    def _record_round_if_new(self, force: bool = False) -> None:
        """Save who holds which role when a round begins (again, when the players change)."""
        view = self.last_view
        if self.store is None or view is None or view.current is None or view.current.role_play is None:
            return
        pos = view.current.role_play
        if pos.in_debrief or view.status not in (RunStatus.RUNNING, RunStatus.PAUSED) or not self.players:
            return
        item = self._agenda_item(view.current.source_index, view.current.title)
        if item is None or item.role_play is None:
            return
        key = (view.current.source_index, pos.round)
        if key in self._recorded_rounds and not force:
            return
        if self.run_id is None:
            return
        from ...store.runs import Player

        try:
            self.store.record_round(
                self.run_id,
                view.current.source_index,
                self._plan(item).round(pos.round),
                [Player(p.label, p.participant_id) for p in self.players],
                self._time.now(),
            )
        except Exception:
            log.exception("Could not record role-play round %s of run %s", pos.round, self.run_id)
            self.statusBar().showMessage("The role-play round could not be saved; it will be tried again.", 8000)
            return
        self._recorded_rounds.add(key)

    # == controls ========================================================================

    def _act(self, control: Callable[[], ClockEvent]) -> ClockEvent | None:
        """Run one control, save it, repaint; a control that does not apply says why."""
        try:
            event = control()
        except ClockError as exc:
            self.statusBar().showMessage(str(exc), 6000)
            return None
        self._persist(event)
        self._refresh(full=True)
        self._record_round_if_new()
        self._schedule()
        return event

    def _persist(self, event: ClockEvent | None) -> None:
        if self.store is None:
            return
        if event is not None:
            self._unsaved.append(event)
        try:
            if self.run_id is None:
                from ...store.runs import Player

                self.run_id = self.store.create(
                    self.curriculum,
                    self.session,
                    self.clock.snapshot(),
                    meeting_id=self.meeting_id,
                    players=[Player(p.label, p.participant_id) for p in self.players],
                )
                if self.show_first_names or self.small_groups:
                    self._save_players()
            snapshot = self.clock.snapshot()
            while self._unsaved:
                self.store.save(self.run_id, self._unsaved[0], snapshot)
                self._unsaved.pop(0)
        except Exception:
            log.exception("Saving the run record failed (%d actions waiting)", len(self._unsaved))
            self.statusBar().showMessage(
                "The run record could not be saved just now; the timer goes on and the record will catch up.", 10000
            )

    def _save_players(self) -> None:
        if self.store is None or self.run_id is None:
            return
        from ...store.runs import Player

        self.store.set_players(
            self.run_id,
            [Player(p.label, p.participant_id) for p in self.players],
            show_first_names=self.show_first_names,
            small_groups=self.small_groups,
            at=self._time.now(),
        )

    def _on_toggle(self) -> None:
        self._act(self.clock.toggle)

    def _on_next(self) -> None:
        self._act(self.clock.next)

    def _on_previous(self) -> None:
        self._act(self.clock.previous)

    def _on_skip(self) -> None:
        self._act(self.clock.skip)

    def _on_adjust(self, seconds: int) -> None:
        self._act(lambda: self.clock.adjust(seconds))

    def _on_next_phase(self) -> None:
        self._act(self.clock.next_phase)

    def _on_end(self) -> None:
        if self.clock.status not in (RunStatus.RUNNING, RunStatus.PAUSED):
            self.statusBar().showMessage("The session is not running.", 5000)
            return
        if not self._confirm("End the session?", "End the session now? The record keeps every item's actual time."):
            return
        if self._act(self.clock.end) is not None and self.run_id is not None:
            self.run_ended.emit(self.run_id)

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self)
        box.setAccessibleName(title)
        yes = box.addButton("&End session", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Keep going", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _selected_position(self) -> int | None:
        rows = self.agenda.selectionModel().selectedRows() if self.agenda.selectionModel() else []
        return rows[0].row() if rows else None

    def _on_move(self, step: int) -> None:
        position = self._selected_position()
        if position is None:
            self.statusBar().showMessage("Choose an item in the agenda first.", 5000)
            return
        if self._act(lambda: self.clock.move(position, position + step)) is not None:
            self.agenda.selectRow(position + step)

    def _on_minutes(self) -> None:
        position = self._selected_position()
        if position is None:
            self.statusBar().showMessage("Choose an item in the agenda first.", 5000)
            return
        row = self.clock.view().items[position]
        if not row.editable:
            self.statusBar().showMessage(f"“{row.title}” is over; its time can no longer change.", 6000)
            return
        minutes, ok = QInputDialog.getInt(
            self, "Minutes", f"Minutes for “{row.title}”:", row.planned_seconds // 60, 1, 300, 1
        )
        if ok:
            self._act(lambda: self.clock.set_planned(position, minutes * 60))

    def _on_leave_out(self) -> None:
        position = self._selected_position()
        if position is None:
            self.statusBar().showMessage("Choose an item in the agenda first.", 5000)
            return
        row = self.clock.view().items[position]
        self._act(lambda: self.clock.set_left_out(position, row.status is not ItemStatus.SKIPPED))

    def _on_finish_on_time(self) -> None:
        proposal = self.clock.propose_finish_on_time(self.settings.minimum_item_seconds)
        if proposal is None:
            self.statusBar().showMessage("The session is on schedule: nothing needs shortening.", 6000)
            return
        if not proposal.changes:
            self.statusBar().showMessage(
                f"{format_balance(proposal.behind_seconds)}, but every item still to come is already at its "
                "minimum, a break or the check-out.",
                8000,
            )
            return
        if FinishOnTimeDialog(proposal, self.settings.minimum_item_seconds, self).exec():
            self._act(lambda: self.clock.apply_proposal(proposal))

    # -- players --------------------------------------------------------------------------

    def _on_players_changed(self) -> None:
        labels = parse_players(self.players_edit.text())
        if labels == [p.label for p in self.players]:
            return
        known = {p.label: p.participant_id for p in self.players}
        self.players = [PlayerInput(label, known.get(label)) for label in labels]
        self.players_edit.setText(", ".join(labels))
        self._players_changed()

    def _on_first_names(self, on: bool) -> None:
        self.show_first_names = on
        self._players_changed()

    def _on_small_groups(self, on: bool) -> None:
        self.small_groups = on
        self._players_changed()

    def _players_changed(self) -> None:
        self._plan_cache = None
        try:
            if self.store is not None:
                if self.run_id is None:
                    self._persist(None)
                self._save_players()
        except Exception:
            log.exception("Saving the players failed")
            self.statusBar().showMessage("The players could not be saved just now; they are kept on screen.", 8000)
        self._refresh(full=True)
        self._record_round_if_new(force=True)

    # -- room display and the facilitator's window -----------------------------------------

    def _chosen_screen(self):  # type: ignore[no-untyped-def]
        name = self.screen_combo.currentData()
        return next((s for s in QGuiApplication.screens() if s.name() == name), QGuiApplication.primaryScreen())

    def _on_display_toggled(self) -> None:
        on = self.actions["display"].isChecked()
        if on:
            if self.display is None:
                self.display = RoomDisplay()
            screen = self._chosen_screen()
            self.display.render(self.room_view())
            self.display.show_on(screen)
            if len(QGuiApplication.screens()) == 1:
                self.statusBar().showMessage(
                    "Only one screen: the room display covers this window. Press D to hide it.", 10000
                )
        elif self.display is not None:
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

    def _on_hide_window(self) -> None:
        """Hide the facilitator's screens; the room display runs on. (Step 5 adds a password lock.)"""
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
            self.settings = dialog.result_settings()
            self.clock.wrap_up = self.settings.wrap_up
            self.actions["chime"].setChecked(self.settings.chime)
            self._on_chime_toggled()
            self.settings_changed(self.settings)
            self._refresh(full=True)

    def settings_changed(self, settings: RunnerSettings) -> None:
        """Overridden by the launcher to save clinic-wide values; nothing by default."""

    # -- state of the controls ---------------------------------------------------------------

    def _update_enabled(self) -> None:
        status = self.clock.status
        active = status in (RunStatus.RUNNING, RunStatus.PAUSED)
        view = self.last_view
        cur = view.current if view else None
        toggle = self.actions["toggle"]
        toggle.setText(
            {RunStatus.READY: "▶ Start", RunStatus.RUNNING: "❚❚ Pause", RunStatus.PAUSED: "▶ Resume"}.get(
                status, "Ended"
            )
            + "\nSpace"
        )
        toggle.setEnabled(status is not RunStatus.ENDED)
        for name in ("previous", "next", "skip", "minus1", "plus1", "plus5", "end", "finish"):
            self.actions[name].setEnabled(active)
        self.actions["finish"].setEnabled(status is not RunStatus.ENDED)
        self.actions["next_phase"].setEnabled(
            active and cur is not None and cur.role_play is not None and not cur.role_play.in_debrief
        )
        position = self._selected_position()
        editable = status is not RunStatus.ENDED and position is not None
        for name in ("move_up", "move_down", "minutes", "leave_out"):
            self.actions[name].setEnabled(editable)
        if position is not None and view is not None and position < len(view.items):
            row = view.items[position]
            self.actions["leave_out"].setText(
                ("Put back" if row.status is ItemStatus.SKIPPED else "Leave out") + "  [L]"
            )

    # -- closing ---------------------------------------------------------------------------

    @property
    def run_active(self) -> bool:
        return self.clock.status in (RunStatus.RUNNING, RunStatus.PAUSED)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run_active:
            choice = self.ask_close()
            if choice == "end":
                self._act(self.clock.end)
            elif choice != "keep":
                event.ignore()
                return
        elif self.clock.status is RunStatus.READY and self.run_id is not None and self.store is not None:
            try:
                self.store.discard_unstarted(self.run_id)
            except Exception:
                log.exception("Could not discard an unstarted run")
        self._timer.stop()
        sys.setswitchinterval(self._switch_interval)
        if self.display is not None:
            self.display.close()
            self.display.deleteLater()
            self.display = None
        super().closeEvent(event)

    def ask_close(self) -> str:
        """ "end", "keep" (close, resume later) or "cancel"; a dialog (tests replace this method)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Close the runner?",
            "The session is still running. End it now, or close this window and keep it open in the record "
            "(Facilitator offers to resume it next time)?",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setAccessibleName("Close the runner?")
        end = box.addButton("&End session", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Close, &resume later", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("&Cancel", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return "end" if clicked is end else "keep" if clicked is keep else "cancel"


class FinishOnTimeDialog(QDialog):
    """Shows the proposed shorter items; nothing changes unless the facilitator applies it."""

    def __init__(self, proposal, minimum_seconds: int, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle("Finish on time")
        self.setAccessibleName("Finish on time")
        rows = "".join(
            f"<tr><td>{escape(c.title)}</td><td align='right'>{c.old_seconds // 60} min</td>"
            f"<td>→</td><td align='right'><b>{c.new_seconds // 60} min</b></td></tr>"
            for c in proposal.changes
        )
        outcome = (
            "The session will end on time."
            if proposal.still_over_seconds <= 0
            else f"It will still run about {round(proposal.still_over_seconds / 60)} min over: "
            "nothing can be shortened further."
        )
        text = QLabel(
            f"<p>The session is <b>{format_balance(proposal.behind_seconds)}</b>. Shorten the items still to come "
            f"(breaks and the check-out stay whole; nothing goes below {minimum_seconds // 60} min):</p>"
            f"<table cellpadding='4'>{rows}</table>"
            f"<p>Saves {proposal.saves_seconds // 60} min. {outcome}</p>"
        )
        text.setWordWrap(True)
        text.setAccessibleName("Proposed changes")
        buttons = QDialogButtonBox()
        apply = buttons.addButton("&Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setAccessibleName("Apply the shorter items")
        cancel = buttons.addButton("&Cancel", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName("Keep the agenda as it is")
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
        self.setWindowTitle("Timer settings")
        self.setAccessibleName("Timer settings")
        self._settings = settings
        self.percent = QSpinBox()
        self.percent.setRange(5, 50)
        self.percent.setSuffix(" %")
        self.percent.setValue(round(settings.wrap_up.fraction * 100))
        self.percent.setAccessibleName("Wrap-up share of the item")
        self.max_minutes = QSpinBox()
        self.max_minutes.setRange(1, 15)
        self.max_minutes.setSuffix(" min")
        self.max_minutes.setValue(max(1, round(settings.wrap_up.max_seconds / 60)))
        self.max_minutes.setAccessibleName("Wrap-up at most, in minutes")
        self.minimum = QSpinBox()
        self.minimum.setRange(1, 15)
        self.minimum.setSuffix(" min")
        self.minimum.setValue(max(1, settings.minimum_item_seconds // 60))
        self.minimum.setAccessibleName("Finish on time never shortens an item below, in minutes")
        self.chime = QCheckBox("&Chime at wrap-up, at zero and between role-play phases")
        self.chime.setAccessibleName("Chime")
        self.chime.setChecked(settings.chime)
        form = QFormLayout(self)
        form.addRow(QLabel("Wrap-up (amber) starts in the last part of an item, whichever is shorter:"))
        form.addRow("Last &share of the item:", self.percent)
        form.addRow("Or the last &minutes:", self.max_minutes)
        form.addRow("Finish on time keeps items at least:", self.minimum)
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
        )


__all__ = ["BigClock", "PlayerInput", "RunnerSettings", "RunnerWindow", "parse_players"]
