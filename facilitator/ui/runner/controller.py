"""The run controller: owns the agenda clock, the run record and its save queue; no widgets.

The window (``window.py``) lays out and shows what this reports; every decision about the
run is taken here. The controller:

- keeps time: a precise single-shot timer repaints just after the moment a shown whole
  second is due to change (the clock says when), never by counting ticks, so a late tick
  only delays a repaint and cannot make the time wrong;
- runs each control on the ``AgendaClock`` and queues what it changed for the record;
- saves the record off the GUI thread, in order, one save at a time, through the one
  writer thread of this workstation (``ui.operations.CollectionOp``). A save that fails
  stays at the head of the queue and is tried again; the timer never waits for the
  database;
- decides who holds which role, records each round as it begins, and builds what the room
  display may show (``core.room_view``).

Signals: ``refreshed(view, full)`` for the window, ``room_changed(room_view)`` for the room
display while it is on, ``message(text, ms)`` for a sentence in the status bar, and, once the
end of a run is in the record, ``run_ended(run_id)`` and, for a run of a meeting,
``ended(run_id, meeting_id)``. ``write_notes_requested(meeting_id)`` is emitted when the
facilitator asks to write the notes of the meeting that ran.
"""

from __future__ import annotations

import logging
import sys
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, tzinfo
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ...core.agenda_clock import (
    AgendaClock,
    ClockError,
    ClockEvent,
    FinishOnTimeProposal,
    ItemStatus,
    RunStatus,
    RunView,
    WrapUpRule,
)
from ...core.changes import DatabaseUnavailable, SessionEnded, UserFacingError
from ...core.clock import Clock
from ...core.curriculum import AgendaItem, Curriculum, CurriculumSession
from ...core.room_view import RoomView, build_room_view
from ...core.rotation import RotationPlan, plan_rotation
from ..i18n import sentence_text

log = logging.getLogger(__name__)

MAX_PLAYER_LABEL = 40
RUNNER_SWITCH_INTERVAL = 0.001  # seconds; see RunController.start_ticking
SAVE_RETRY_MS = 5000


@dataclass
class RunnerSettings:
    """How the runner behaves; clinic-wide values come from the database, chime from this computer."""

    wrap_up: WrapUpRule
    minimum_item_seconds: int = 120
    chime: bool = True
    zone: tzinfo = UTC  # the clinic's time zone: start and end times are shown on its clock


@dataclass(frozen=True)
class PlayerInput:
    label: str
    participant_id: int | None = None


def parse_players(text: str) -> list[str]:
    """First names or initials, separated by commas or new lines; repeats get a number."""
    labels: list[str] = []
    for raw in text.replace("\n", ",").replace(";", ",").split(","):
        label = " ".join("".join(ch for ch in raw if ch.isprintable() or ch.isspace()).split())[:MAX_PLAYER_LABEL]
        if not label:
            continue
        candidate, n = label, 2
        while candidate in labels:
            candidate = f"{label} {n}"
            n += 1
        labels.append(candidate)
    return labels


@dataclass
class _Save:
    """One write waiting for the record: ``call(store, run_id)``, run on the writer thread."""

    what: str
    call: Callable[[Any, int | None], object]
    needs_run: bool = True
    event: ClockEvent | None = None


class RunController(QObject):
    """One run of one curriculum session: its clock, its record and its players."""

    refreshed = Signal(object, bool)  # RunView, full (everything, not just the clocks, may have changed)
    room_changed = Signal(object)  # RoomView, while the room display is on
    message = Signal(str, int)  # a sentence for the status bar, and how long to show it (ms)
    run_ended = Signal(int)  # run id: the end of any run is in the record
    ended = Signal(int, int)  # run id, meeting id: a run of a meeting ended and its end is in the record
    write_notes_requested = Signal(int)  # meeting id

    def __init__(
        self,
        curriculum: Curriculum,
        session: CurriculumSession,
        agenda_clock: AgendaClock,
        *,
        clock: Clock,
        settings: RunnerSettings,
        store: Any = None,  # RunStore | None (None: nothing recorded, as in the benchmark)
        run_id: int | None = None,
        meeting_id: int | None = None,
        players: Sequence[PlayerInput] = (),
        show_first_names: bool = False,
        small_groups: bool = False,
        recorded_rounds: set[tuple[int, int]] | None = None,
        chime: Any = None,  # anything with ``play(cue)`` and ``enabled``
        hub: Any = None,  # ChangeHub: a session that ended under the user goes there
        run_number: int = 1,
    ) -> None:
        super().__init__()
        self.curriculum = curriculum
        self.session = session
        self.clock = agenda_clock
        self.time = clock
        self.settings = settings
        self.clock.wrap_up = settings.wrap_up
        self.store = store
        self.run_id = run_id
        self.meeting_id = meeting_id
        self.run_number = run_number
        self.players: list[PlayerInput] = list(players)
        self.show_first_names = show_first_names
        self.small_groups = small_groups
        self.chime = chime
        self.hub = hub
        self.room_display_on = False
        self.tick_probe: Callable[[], None] | None = None  # the timer benchmark looks here before each repaint
        self.last_view: RunView = agenda_clock.view()
        self._recorded_rounds: set[tuple[int, int]] = set(recorded_rounds or ())
        self._plan_cache: tuple[tuple[object, ...], RotationPlan] | None = None
        self._queue: deque[_Save] = deque()
        self._saving = False
        self._create_queued = False
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._pump)
        self._switch_interval: float | None = None

    # == time ==============================================================================

    def start_ticking(self) -> None:
        """Begin repainting on the second; while a session runs, other Python threads yield sooner.

        Other threads (printing, saving) hand the interpreter lock back within 1 ms instead
        of 5, so a repaint that is due is not kept waiting.
        """
        if self._switch_interval is None:
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, RUNNER_SWITCH_INTERVAL))
        self.refresh(full=True)
        self._schedule()

    def stop_ticking(self) -> None:
        self._timer.stop()
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def _schedule(self) -> None:
        view = self.last_view
        delay = 1000
        if view.next_change is not None:
            delay = int(view.next_change * 1000) + 1  # just past the moment the shown second changes
        if not self._closed:
            self._timer.start(max(1, min(1000, delay)))

    def tick(self) -> None:
        if self.tick_probe is not None:
            self.tick_probe()
        self.refresh()
        if self.chime is not None:
            for cue in self.clock.poll_cues():
                self.chime.play(cue)
        self._record_round_if_new()
        self._schedule()

    def refresh(self, full: bool = False) -> RunView:
        view = self.clock.view()
        self.last_view = view
        self.refreshed.emit(view, full)
        if self.room_display_on:
            self.room_changed.emit(self.room_view())
        return view

    # == what is shown ======================================================================

    @property
    def status(self) -> RunStatus:
        return self.clock.status

    @property
    def run_active(self) -> bool:
        return self.clock.status in (RunStatus.RUNNING, RunStatus.PAUSED)

    @property
    def saving(self) -> bool:
        """Whether writes are still waiting for the record."""
        return bool(self._queue) or self._saving

    def agenda_item(self, source_index: int, title: str) -> AgendaItem | None:
        """The curriculum text for an item, if the curriculum still says the same thing there."""
        agenda = self.session.agenda
        if 0 <= source_index < len(agenda) and agenda[source_index].title == title:
            return agenda[source_index]
        return None

    def current_item(self) -> AgendaItem | None:
        cur = self.last_view.current
        return self.agenda_item(cur.source_index, cur.title) if cur is not None else None

    def plan(self, item: AgendaItem) -> RotationPlan:
        """Who holds which role in each round of a role play (cached while the players stay)."""
        rp = item.role_play
        assert rp is not None
        labels = tuple(p.label for p in self.players)
        key = (id(item), labels, self.small_groups)
        if self._plan_cache is None or self._plan_cache[0] != key:
            plan = plan_rotation(labels, [r.name for r in rp.roles], rp.rounds, small_groups=self.small_groups)
            self._plan_cache = (key, plan)
        return self._plan_cache[1]

    def room_view(self) -> RoomView:
        view = self.last_view
        item = self.current_item()
        plan = self.plan(item) if item is not None and item.role_play is not None else None
        return build_room_view(
            view, item, plan, show_first_names=self.show_first_names, session_title=self.session.title,
            language=self.curriculum.language,
        )

    def set_room_display(self, on: bool) -> None:
        self.room_display_on = on
        if on:
            self.room_changed.emit(self.room_view())

    # == controls ==========================================================================

    def act(self, control: Callable[[], ClockEvent]) -> ClockEvent | None:
        """Run one control, queue it for the record, repaint; a control that does not apply says why."""
        try:
            event = control()
        except ClockError as exc:
            self.message.emit(sentence_text(exc), 6000)
            return None
        self._queue_event(event)
        self.refresh(full=True)
        self._record_round_if_new()
        self._schedule()
        return event

    def toggle(self) -> ClockEvent | None:
        return self.act(self.clock.toggle)

    def next(self) -> ClockEvent | None:
        return self.act(self.clock.next)

    def previous(self) -> ClockEvent | None:
        return self.act(self.clock.previous)

    def skip(self) -> ClockEvent | None:
        return self.act(self.clock.skip)

    def adjust(self, seconds: int) -> ClockEvent | None:
        return self.act(lambda: self.clock.adjust(seconds))

    def next_phase(self) -> ClockEvent | None:
        return self.act(self.clock.next_phase)

    def end(self) -> ClockEvent | None:
        return self.act(self.clock.end)

    def move(self, position: int, step: int) -> ClockEvent | None:
        return self.act(lambda: self.clock.move(position, position + step))

    def set_minutes(self, position: int, minutes: int) -> ClockEvent | None:
        return self.act(lambda: self.clock.set_planned(position, minutes * 60))

    def toggle_left_out(self, position: int) -> ClockEvent | None:
        row = self.last_view.items[position]
        return self.act(lambda: self.clock.set_left_out(position, row.status is not ItemStatus.SKIPPED))

    def propose_finish_on_time(self) -> FinishOnTimeProposal | None:
        return self.clock.propose_finish_on_time(self.settings.minimum_item_seconds)

    def apply_proposal(self, proposal: FinishOnTimeProposal) -> ClockEvent | None:
        return self.act(lambda: self.clock.apply_proposal(proposal))

    def apply_settings(self, settings: RunnerSettings) -> None:
        self.settings = settings
        self.clock.wrap_up = settings.wrap_up
        if self.chime is not None:
            self.chime.enabled = settings.chime
        self.refresh(full=True)

    def request_notes(self) -> bool:
        """Ask for the notes of the meeting that ran; False when the run had no meeting."""
        if self.meeting_id is None:
            return False
        self.write_notes_requested.emit(self.meeting_id)
        return True

    # -- players -----------------------------------------------------------------------------

    def set_players(self, labels: Sequence[str]) -> bool:
        """New player labels (participant links kept by label); False when nothing changed."""
        labels = list(labels)
        if labels == [p.label for p in self.players]:
            return False
        known = {p.label: p.participant_id for p in self.players}
        self.players = [PlayerInput(label, known.get(label)) for label in labels]
        self._players_changed()
        return True

    def set_show_first_names(self, on: bool) -> None:
        if on != self.show_first_names:
            self.show_first_names = on
            self._players_changed()

    def set_small_groups(self, on: bool) -> None:
        if on != self.small_groups:
            self.small_groups = on
            self._players_changed()

    def _players_changed(self) -> None:
        self._plan_cache = None
        if self.store is not None:
            self._ensure_created()
            players = self._store_players()
            first, small, at = self.show_first_names, self.small_groups, self.time.now()
            self._enqueue(
                _Save(
                    "players",
                    lambda store, run_id: store.set_players(
                        run_id, players, show_first_names=first, small_groups=small, at=at
                    ),
                )
            )
        self.refresh(full=True)
        self._record_round_if_new(force=True)

    def _store_players(self) -> list[Any]:
        from ...store.runs import Player

        return [Player(p.label, p.participant_id) for p in self.players]

    # -- role-play rounds --------------------------------------------------------------------

    def _record_round_if_new(self, force: bool = False) -> None:
        """Queue who holds which role when a round begins (again, when the players change)."""
        view = self.last_view
        if self.store is None or view.current is None or view.current.role_play is None:
            return
        pos = view.current.role_play
        if pos.in_debrief or view.status not in (RunStatus.RUNNING, RunStatus.PAUSED) or not self.players:
            return
        item = self.agenda_item(view.current.source_index, view.current.title)
        if item is None or item.role_play is None:
            return
        key = (view.current.source_index, pos.round)
        if key in self._recorded_rounds and not force:
            return
        self._recorded_rounds.add(key)
        self._ensure_created()
        source_index, plan_round = view.current.source_index, self.plan(item).round(pos.round)
        players, at = self._store_players(), self.time.now()
        self._enqueue(
            _Save(
                f"role-play round {pos.round}",
                lambda store, run_id: store.record_round(run_id, source_index, plan_round, players, at),
            )
        )

    # == the record =========================================================================

    def _ensure_created(self) -> None:
        if self.store is None or self.run_id is not None or self._create_queued:
            return
        self._create_queued = True
        curriculum, session, meeting_id = self.curriculum, self.session, self.meeting_id
        snapshot, players = self.clock.snapshot(), self._store_players()
        first, small, at = self.show_first_names, self.small_groups, self.time.now()

        def create(store: Any, _run_id: int | None) -> int:
            run_id = store.create(curriculum, session, snapshot, meeting_id=meeting_id, players=players)
            if first or small:
                store.set_players(run_id, players, show_first_names=first, small_groups=small, at=at)
            return int(run_id)

        self._queue.appendleft(_Save("the new run", create, needs_run=False))

    def _queue_event(self, event: ClockEvent) -> None:
        if self.store is None:
            return
        self._ensure_created()
        snapshot = self.clock.snapshot()  # the state right after the action, taken on this thread
        self._enqueue(_Save(event.action, lambda store, run_id: store.save(run_id, event, snapshot), event=event))

    def discard_if_unstarted(self) -> None:
        """Closing before the start: the run leaves no record (once what is queued is written)."""
        if self.store is None or (self.run_id is None and not self._create_queued):
            return
        self._enqueue(_Save("discarding the unstarted run", lambda store, run_id: store.discard_unstarted(run_id)))

    def _enqueue(self, save: _Save) -> None:
        self._queue.append(save)
        self._pump()

    def _pump(self) -> None:
        if self._saving or not self._queue or self.store is None:
            return
        save = self._queue[0]
        if save.needs_run and self.run_id is None:
            if self._create_queued:
                return  # the create is queued ahead of it, or failed and waits for a retry
            self._queue.popleft()  # nothing to attach it to (the run could not be created)
            self._pump()
            return
        from ..operations import CollectionOp

        store, run_id = self.store, self.run_id
        self._saving = True
        (
            CollectionOp(None, lambda: save.call(store, run_id), self.hub)
            .success(lambda result: self._saved(save, result))
            .failure(lambda exc: self._save_failed(save, exc))
            .run()
        )

    def _saved(self, save: _Save, result: object) -> None:
        self._saving = False
        if self._queue and self._queue[0] is save:
            self._queue.popleft()
        if not save.needs_run and isinstance(result, int):
            self.run_id = result
            self._create_queued = False
        if save.event is not None and save.event.action == "end" and self.run_id is not None:
            self.run_ended.emit(self.run_id)
            if self.meeting_id is not None:
                self.ended.emit(self.run_id, self.meeting_id)
        self._pump()

    def _save_failed(self, save: _Save, exc: Exception) -> bool:
        self._saving = False
        transient = isinstance(exc, (DatabaseUnavailable, SessionEnded)) or not isinstance(exc, UserFacingError)
        if transient:
            log.warning("Saving %s of the run failed; trying again", save.what, exc_info=exc)
            self.message.emit(
                self.tr("The run record could not be saved just now; the timer goes on and the record will catch up."),
                10000,
            )
            if not self._closed or self._queue:
                self._retry.start(SAVE_RETRY_MS)
            # A session that ended under the user goes to the session gate, which asks them to sign in again.
            return not (isinstance(exc, SessionEnded) and self.hub is not None)
        log.warning("Saving %s of the run was refused: %s", save.what, exc)
        if self._queue and self._queue[0] is save:
            self._queue.popleft()
        if not save.needs_run:
            self._create_queued = False
        self.message.emit(self.tr("Not recorded: {reason}.").format(reason=sentence_text(exc).rstrip('.')), 10000)
        self._pump()
        return True

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """The window is closing: stop the clock's timer; what is queued is still written."""
        self._closed = True
        self.stop_ticking()


__all__ = ["PlayerInput", "RunController", "RunnerSettings", "parse_players"]
