"""The agenda clock: the state of one run of a curriculum session, driven by an injected clock.

Everything it reports is computed from elapsed monotonic time at the moment of asking, never
from counting timer ticks, so a busy machine that delivers ticks late cannot make it drift:
the next reading is right again. Every control returns a ``ClockEvent`` for the run record,
and ``snapshot()`` / ``AgendaClock.restore`` carry the state across a restart of the app
using wall-clock stamps (monotonic readings mean nothing in another process).

Words: the *slot* is the session's planned length (the room is booked for it); *planned* is
an item's current target (edited or extended); *original* is what the curriculum says.
Session time counts pauses, because the room's clock does not stop: a pause makes the
group fall behind, which is what "finish on time" is for.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from facilitator.core.catalogue import QT_TRANSLATE_NOOP, say

from .clock import Clock
from .curriculum import AgendaItem, ItemKind, RolePlay


class ClockError(Exception):
    """A control cannot be used in the run's present state; the message says why."""


class RunStatus(StrEnum):
    READY = "ready"  # not started yet
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class ItemStatus(StrEnum):
    PENDING = "pending"  # not reached yet (or gone back past)
    CURRENT = "current"
    DONE = "done"
    SKIPPED = "skipped"


class TimerState(StrEnum):
    """The colour state of an item's timer."""

    RUNNING = "running"
    WRAP_UP = "wrap-up"
    OVERTIME = "overtime"

    @property
    def label(self) -> str:
        return {"running": "On time", "wrap-up": "Wrap up", "overtime": "Overtime"}[self.value]


class Cue(StrEnum):
    """Moments worth a chime: the timer entered wrap-up, reached zero, or a role-play phase ended."""

    WRAP_UP = "wrap-up"
    ZERO = "zero"
    PHASE = "phase"


#: Kinds that "finish on time" never shortens: people need their break, and the group its check-out.
PROTECTED_KINDS = frozenset({ItemKind.BREAK, ItemKind.CHECK_OUT})


@dataclass(frozen=True)
class WrapUpRule:
    """Wrap-up starts in the last ``fraction`` of an item or the last ``max_seconds``, whichever is shorter."""

    fraction: float = 0.2
    max_seconds: float = 120.0

    def window(self, planned_seconds: float) -> float:
        return max(0.0, min(planned_seconds * self.fraction, self.max_seconds))

    def state(self, planned_seconds: float, elapsed_seconds: float) -> TimerState:
        remaining = planned_seconds - elapsed_seconds
        if remaining <= 0:
            return TimerState.OVERTIME
        if remaining <= self.window(planned_seconds):
            return TimerState.WRAP_UP
        return TimerState.RUNNING


# -- what the clock reports ---------------------------------------------------------------


@dataclass(frozen=True)
class ClockEvent:
    """One control action, as it goes into the run record."""

    action: str
    at: datetime
    position: int | None = None
    source_index: int | None = None
    seconds: float | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ItemRow:
    """One agenda item as the agenda table shows it."""

    position: int
    source_index: int
    title: str
    kind: ItemKind
    original_seconds: int
    planned_seconds: int
    elapsed_seconds: float
    status: ItemStatus
    first_started_at: datetime | None
    last_ended_at: datetime | None

    @property
    def editable(self) -> bool:
        return self.status in (ItemStatus.PENDING, ItemStatus.CURRENT)


@dataclass(frozen=True)
class RolePlayView:
    """Where a role play stands: round, phase and the phase's own countdown."""

    round: int  # 1-based; equals ``rounds`` during the debrief
    rounds: int
    phase_index: int  # -1 during the debrief
    phase_name: str
    phase_seconds: int
    phase_remaining: float
    in_debrief: bool
    elapsed_seconds: float  # role-play time, including "next phase" jumps


@dataclass(frozen=True)
class CurrentView:
    position: int
    source_index: int
    title: str
    kind: ItemKind
    planned_seconds: int
    elapsed_seconds: float
    remaining_seconds: float  # negative in overtime
    state: TimerState
    role_play: RolePlayView | None


@dataclass(frozen=True)
class RunView:
    """Everything the runner and the room display show, computed at one instant."""

    status: RunStatus
    items: tuple[ItemRow, ...]
    current: CurrentView | None
    slot_seconds: int
    session_elapsed: float
    projected_seconds: float  # where the session will end, at the present pace, from its start
    next_change: float | None  # seconds until a shown whole-second value changes; None when frozen

    @property
    def session_remaining(self) -> float:
        return self.slot_seconds - self.session_elapsed

    @property
    def balance_seconds(self) -> float:
        """Positive when behind schedule (the session will run over), negative when ahead."""
        return self.projected_seconds - self.slot_seconds

    @property
    def paused(self) -> bool:
        return self.status is RunStatus.PAUSED


@dataclass(frozen=True)
class Shortening:
    position: int
    source_index: int
    title: str
    old_seconds: int
    new_seconds: int


@dataclass(frozen=True)
class FinishOnTimeProposal:
    """Shorter remaining items so the session ends in its slot; applied only when approved."""

    changes: tuple[Shortening, ...]
    behind_seconds: float  # how far behind the session was when proposed
    still_over_seconds: float  # what remains over even after the proposal (0 when it fits)

    @property
    def saves_seconds(self) -> int:
        return sum(c.old_seconds - c.new_seconds for c in self.changes)


# -- what a restart carries ----------------------------------------------------------------


@dataclass(frozen=True)
class ItemSnapshot:
    source_index: int
    title: str
    kind: ItemKind
    original_seconds: int
    planned_seconds: int
    elapsed_seconds: float  # closed segments only; an open segment runs from ``segment_started_at``
    status: ItemStatus
    first_started_at: datetime | None = None
    last_ended_at: datetime | None = None
    phase_offset: float = 0.0


@dataclass(frozen=True)
class ClockSnapshot:
    """The clock's state in wall-clock terms, enough to rebuild it in another process."""

    status: RunStatus
    items: tuple[ItemSnapshot, ...]  # in running order
    slot_seconds: int
    current: int | None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    segment_started_at: datetime | None = None  # when the current item last started or resumed


# -- the clock ----------------------------------------------------------------------------


@dataclass
class _Item:
    source_index: int
    title: str
    kind: ItemKind
    original_seconds: int
    planned_seconds: int
    role_play: RolePlay | None
    elapsed: float = 0.0
    status: ItemStatus = ItemStatus.PENDING
    first_started_at: datetime | None = None
    last_ended_at: datetime | None = None
    phase_offset: float = 0.0


class AgendaClock:
    """The run's state machine. Not thread-safe: the UI thread owns it."""

    def __init__(
        self,
        agenda: Sequence[AgendaItem],
        clock: Clock,
        slot_seconds: int | None = None,
        wrap_up: WrapUpRule | None = None,
    ) -> None:
        if not agenda:
            raise ValueError("an agenda needs at least one item")
        self._clock = clock
        self.wrap_up = wrap_up or WrapUpRule()
        self._items = [
            _Item(n, a.title, a.kind, a.minutes * 60, a.minutes * 60, a.role_play) for n, a in enumerate(agenda)
        ]
        self._slot = int(slot_seconds if slot_seconds is not None else sum(i.planned_seconds for i in self._items))
        self._status = RunStatus.READY
        self._current: int | None = None
        self._run_mono: float | None = None  # monotonic reading at the start of the session
        self._end_mono: float | None = None
        self._segment_mono: float | None = None  # monotonic reading when the current segment began
        self._started_at: datetime | None = None
        self._ended_at: datetime | None = None
        self._segment_wall: datetime | None = None
        self._cue_state: tuple[int, TimerState, tuple[int, int] | None] | None = None

    # -- reading ----------------------------------------------------------------------

    @property
    def status(self) -> RunStatus:
        return self._status

    @property
    def current_position(self) -> int | None:
        return self._current

    @property
    def slot_seconds(self) -> int:
        return self._slot

    def item_elapsed(self, position: int) -> float:
        item = self._items[position]
        if position == self._current and self._status is RunStatus.RUNNING and self._segment_mono is not None:
            return item.elapsed + (self._clock.monotonic() - self._segment_mono)
        return item.elapsed

    def session_elapsed(self) -> float:
        if self._run_mono is None:
            return 0.0
        end = self._end_mono if self._end_mono is not None else self._clock.monotonic()
        return max(0.0, end - self._run_mono)

    def view(self) -> RunView:
        """Everything shown, computed now from monotonic time."""
        rows = tuple(
            ItemRow(
                position=n,
                source_index=i.source_index,
                title=i.title,
                kind=i.kind,
                original_seconds=i.original_seconds,
                planned_seconds=i.planned_seconds,
                elapsed_seconds=self.item_elapsed(n),
                status=i.status,
                first_started_at=i.first_started_at,
                last_ended_at=i.last_ended_at,
            )
            for n, i in enumerate(self._items)
        )
        current = None
        if self._current is not None and self._status is not RunStatus.ENDED:
            item = self._items[self._current]
            elapsed = rows[self._current].elapsed_seconds
            current = CurrentView(
                position=self._current,
                source_index=item.source_index,
                title=item.title,
                kind=item.kind,
                planned_seconds=item.planned_seconds,
                elapsed_seconds=elapsed,
                remaining_seconds=item.planned_seconds - elapsed,
                state=self.wrap_up.state(item.planned_seconds, elapsed),
                role_play=self._role_play_view(item, elapsed),
            )
        session_elapsed = self.session_elapsed()
        return RunView(
            status=self._status,
            items=rows,
            current=current,
            slot_seconds=self._slot,
            session_elapsed=session_elapsed,
            projected_seconds=self._projected(session_elapsed, current),
            next_change=self._next_change(session_elapsed, current),
        )

    def _projected(self, session_elapsed: float, current: CurrentView | None) -> float:
        if self._status is RunStatus.ENDED:
            return session_elapsed
        ahead = max(0.0, current.remaining_seconds) if current else 0.0
        later = sum(i.planned_seconds for i in self._pending_after(self._current))
        return session_elapsed + ahead + later

    def _pending_after(self, position: int | None) -> list[_Item]:
        start = -1 if position is None else position
        return [i for n, i in enumerate(self._items) if n > start and i.status is ItemStatus.PENDING]

    def _role_play_view(self, item: _Item, elapsed: float) -> RolePlayView | None:
        rp = item.role_play
        if rp is None:
            return None
        return role_play_position(rp, elapsed + item.phase_offset)

    def _next_change(self, session_elapsed: float, current: CurrentView | None) -> float | None:
        """Seconds until the next shown whole second changes (item, phase or session clock)."""
        if self._status in (RunStatus.READY, RunStatus.ENDED):
            return None
        values = [session_elapsed]
        if self._status is RunStatus.RUNNING and current is not None:
            values.append(current.elapsed_seconds)
            if current.role_play is not None:
                values.append(current.role_play.elapsed_seconds)
        return min(1.0 - (v - math.floor(v)) for v in values)

    # -- controls -----------------------------------------------------------------------

    def start(self) -> ClockEvent:
        if self._status is not RunStatus.READY:
            raise ClockError(say("core.agenda_clock", "The session has already started."))
        first = next((n for n, i in enumerate(self._items) if i.status is ItemStatus.PENDING), None)
        if first is None:
            raise ClockError(say("core.agenda_clock", "Every item is left out; put one back before starting."))
        now = self._clock.now()
        self._run_mono = self._clock.monotonic()
        self._started_at = now
        self._status = RunStatus.RUNNING
        self._enter(first, now)
        return self._event("start", first)

    def pause(self) -> ClockEvent:
        if self._status is not RunStatus.RUNNING:
            raise ClockError(say("core.agenda_clock", "The timer is not running."))
        self._close_segment()
        self._status = RunStatus.PAUSED
        return self._event("pause", self._current, seconds=self.item_elapsed(self._require_current()))

    def resume(self) -> ClockEvent:
        if self._status is not RunStatus.PAUSED:
            raise ClockError(say("core.agenda_clock", "The timer is not paused."))
        self._status = RunStatus.RUNNING
        self._open_segment(self._clock.now())
        return self._event("resume", self._current)

    def toggle(self) -> ClockEvent:
        """Start, pause or resume: one key does the obvious thing."""
        if self._status is RunStatus.READY:
            return self.start()
        if self._status is RunStatus.RUNNING:
            return self.pause()
        if self._status is RunStatus.PAUSED:
            return self.resume()
        raise ClockError(say("core.agenda_clock", "The session has ended."))

    def next(self) -> ClockEvent:
        """Finish the current item and go to the next one; a paused timer stays paused."""
        here = self._require_current()
        target = next(
            (n for n in range(here + 1, len(self._items)) if self._items[n].status is ItemStatus.PENDING), None
        )
        if target is None:
            raise ClockError(say("core.agenda_clock", "This is the last item; end the session instead."))
        return self._move_to(target, "next", finished=ItemStatus.DONE)

    def previous(self) -> ClockEvent:
        """Go back to the item before this one; its time carries on from where it stopped."""
        here = self._require_current()
        if here == 0:
            raise ClockError(say("core.agenda_clock", "This is the first item."))
        return self._move_to(here - 1, "previous", finished=ItemStatus.PENDING)

    def skip(self) -> ClockEvent:
        """Leave out the current item and go on to the next; the time it ran is kept."""
        here = self._require_current()
        target = next(
            (n for n in range(here + 1, len(self._items)) if self._items[n].status is ItemStatus.PENDING), None
        )
        if target is None:
            raise ClockError(say("core.agenda_clock", "This is the last item; end the session instead."))
        return self._move_to(target, "skip", finished=ItemStatus.SKIPPED)

    def adjust(self, seconds: int) -> ClockEvent:
        """Add (or with a negative number take away) time from the current item; never below zero."""
        here = self._require_current()
        item = self._items[here]
        before = item.planned_seconds
        item.planned_seconds = max(0, item.planned_seconds + int(seconds))
        return self._event("adjust", here, seconds=item.planned_seconds - before, planned=item.planned_seconds)

    def end(self) -> ClockEvent:
        if self._status not in (RunStatus.RUNNING, RunStatus.PAUSED):
            raise ClockError(say("core.agenda_clock", "The session is not running."))
        here = self._require_current()
        now = self._clock.now()
        self._close_segment()
        item = self._items[here]
        item.status = ItemStatus.DONE
        item.last_ended_at = now
        self._end_mono = self._clock.monotonic()
        self._ended_at = now
        self._status = RunStatus.ENDED
        return self._event("end", here, seconds=self.session_elapsed())

    def next_phase(self) -> ClockEvent:
        """Jump the current role play to its next phase (or to the debrief after the last one)."""
        here = self._require_current()
        item = self._items[here]
        if item.role_play is None:
            raise ClockError(say("core.agenda_clock", "The current item is not a role play."))
        pos = role_play_position(item.role_play, self.item_elapsed(here) + item.phase_offset)
        if pos.in_debrief:
            raise ClockError(say("core.agenda_clock", "The role play is already at its debrief."))
        jump = pos.phase_remaining
        item.phase_offset += jump
        after = role_play_position(item.role_play, self.item_elapsed(here) + item.phase_offset)
        return self._event(
            "next_phase", here, seconds=jump, round=after.round, phase=after.phase_name, debrief=after.in_debrief
        )

    # -- editing the agenda ---------------------------------------------------------------

    def move(self, position: int, new_position: int) -> ClockEvent:
        """Reorder: only items not reached yet move, and only among themselves."""
        self._check_position(position)
        self._check_position(new_position)
        floor = -1 if self._current is None else self._current
        if self._status is RunStatus.ENDED:
            raise ClockError(say("core.agenda_clock", "The session has ended."))
        if position <= floor or new_position <= floor:
            raise ClockError(say("core.agenda_clock", "Only items still to come can be moved, and only below the "
                                 "current item."))
        if position == new_position:
            raise ClockError(say("core.agenda_clock", "The item is already there."))
        item = self._items.pop(position)
        self._items.insert(new_position, item)
        return self._event("move", new_position, source_index=item.source_index, origin=position)

    def set_planned(self, position: int, seconds: int) -> ClockEvent:
        """Shorten or lengthen an item still to come (or the current one)."""
        self._check_position(position)
        item = self._items[position]
        if item.status not in (ItemStatus.PENDING, ItemStatus.CURRENT) or self._status is RunStatus.ENDED:
            raise ClockError(say("core.agenda_clock", "“{title}” is over; its time can no longer change.",
                                 title=item.title))
        if seconds < 60:
            raise ClockError(say("core.agenda_clock", "An item needs at least one minute; leave it out instead."))
        before = item.planned_seconds
        item.planned_seconds = int(seconds)
        return self._event("set_planned", position, seconds=item.planned_seconds - before, planned=item.planned_seconds)

    def set_left_out(self, position: int, left_out: bool) -> ClockEvent:
        """Leave out an item still to come, or put a left-out item back."""
        self._check_position(position)
        item = self._items[position]
        if self._status is RunStatus.ENDED:
            raise ClockError(say("core.agenda_clock", "The session has ended."))
        if position == self._current:
            raise ClockError(say("core.agenda_clock", "Use Skip to leave out the current item."))
        if left_out:
            if item.status is not ItemStatus.PENDING or (self._current is not None and position < self._current):
                raise ClockError(say("core.agenda_clock", "“{title}” is not still to come.", title=item.title))
            item.status = ItemStatus.SKIPPED
        else:
            if item.status is not ItemStatus.SKIPPED or (self._current is not None and position < self._current):
                raise ClockError(say("core.agenda_clock", "“{title}” cannot be put back: it is not a left-out item "
                                     "still to come.", title=item.title))
            item.status = ItemStatus.PENDING
        return self._event("leave_out" if left_out else "put_back", position)

    # -- finishing on time ----------------------------------------------------------------

    def propose_finish_on_time(self, minimum_seconds: int = 120) -> FinishOnTimeProposal | None:
        """Shorten the items still to come so the session ends in its slot; None when not behind.

        Items are shortened in proportion to their planned length, to whole minutes, never
        below ``minimum_seconds``, and breaks and check-outs are kept whole.
        """
        view = self.view()
        behind = view.balance_seconds
        if behind <= 0 or self._status is RunStatus.ENDED:
            return None
        floor = -1 if self._current is None else self._current
        candidates = [
            (n, i)
            for n, i in enumerate(self._items)
            if n > floor
            and i.status is ItemStatus.PENDING
            and i.kind not in PROTECTED_KINDS
            and i.planned_seconds > minimum_seconds
        ]
        need_minutes = math.ceil(behind / 60 - 1e-9)
        new_minutes = _shorten_proportionally(
            [i.planned_seconds / 60 for _, i in candidates], need_minutes, minimum_seconds / 60
        )
        changes = tuple(
            Shortening(n, i.source_index, i.title, i.planned_seconds, int(m * 60))
            for (n, i), m in zip(candidates, new_minutes, strict=True)
            if int(m * 60) < i.planned_seconds
        )
        saves = sum(c.old_seconds - c.new_seconds for c in changes)
        return FinishOnTimeProposal(changes, behind, max(0.0, behind - saves))

    def apply_proposal(self, proposal: FinishOnTimeProposal) -> ClockEvent:
        """Apply an approved proposal, provided the agenda has not changed since it was made."""
        for c in proposal.changes:
            if c.position >= len(self._items):
                raise ClockError(say("core.agenda_clock", "The agenda changed since the proposal; ask for a new one."))
            item = self._items[c.position]
            if (
                item.source_index != c.source_index
                or item.planned_seconds != c.old_seconds
                or item.status is not ItemStatus.PENDING
            ):
                raise ClockError(say("core.agenda_clock", "The agenda changed since the proposal; ask for a new one."))
        for c in proposal.changes:
            self._items[c.position].planned_seconds = c.new_seconds
        return self._event(
            "finish_on_time",
            None,
            seconds=-float(proposal.saves_seconds),
            changes=[
                {"source_index": c.source_index, "from": c.old_seconds, "to": c.new_seconds} for c in proposal.changes
            ],
        )

    # -- chimes ---------------------------------------------------------------------------

    def poll_cues(self) -> list[Cue]:
        """Cues crossed since the last poll; entering an item, or restoring, never cues by itself."""
        view = self.view()
        cur = view.current
        if cur is None or view.status is not RunStatus.RUNNING:
            if cur is None:
                self._cue_state = None
            return []
        phase = (cur.role_play.round, cur.role_play.phase_index) if cur.role_play else None
        state = (cur.position, cur.state, phase)
        previous, self._cue_state = self._cue_state, state
        if previous is None or previous[0] != cur.position:
            return []
        cues = []
        if previous[1] is not cur.state:
            if cur.state is TimerState.WRAP_UP and previous[1] is TimerState.RUNNING:
                cues.append(Cue.WRAP_UP)
            elif cur.state is TimerState.OVERTIME:
                cues.append(Cue.ZERO)
        if phase is not None and previous[2] is not None and phase != previous[2] and not cues:
            cues.append(Cue.PHASE)
        return cues

    # -- restart ---------------------------------------------------------------------------

    def snapshot(self) -> ClockSnapshot:
        items = []
        for i in self._items:
            items.append(
                ItemSnapshot(
                    source_index=i.source_index,
                    title=i.title,
                    kind=i.kind,
                    original_seconds=i.original_seconds,
                    planned_seconds=i.planned_seconds,
                    elapsed_seconds=i.elapsed,
                    status=i.status,
                    first_started_at=i.first_started_at,
                    last_ended_at=i.last_ended_at,
                    phase_offset=i.phase_offset,
                )
            )
        return ClockSnapshot(
            status=self._status,
            items=tuple(items),
            slot_seconds=self._slot,
            current=self._current,
            started_at=self._started_at,
            ended_at=self._ended_at,
            segment_started_at=self._segment_wall if self._status is RunStatus.RUNNING else None,
        )

    @classmethod
    def restore(
        cls,
        snapshot: ClockSnapshot,
        agenda: Sequence[AgendaItem],
        clock: Clock,
        wrap_up: WrapUpRule | None = None,
    ) -> AgendaClock:
        """Rebuild a clock; time that passed while the app was closed counts (from the wall clock).

        ``agenda`` is the curriculum session's agenda, for role-play details; an item whose
        source index no longer exists (the file changed) runs as a plain timer.
        """
        placeholder = AgendaItem(title="-", kind=ItemKind.DISCUSSION, minutes=1)
        restored = cls([placeholder], clock, snapshot.slot_seconds, wrap_up)
        restored._load(snapshot, agenda)
        return restored

    def _load(self, snapshot: ClockSnapshot, agenda: Sequence[AgendaItem]) -> None:
        clock = self._clock
        self._items = []
        for s in snapshot.items:
            source = agenda[s.source_index] if 0 <= s.source_index < len(agenda) else None
            role_play = source.role_play if source is not None and source.kind is s.kind else None
            self._items.append(
                _Item(
                    s.source_index,
                    s.title,
                    s.kind,
                    s.original_seconds,
                    s.planned_seconds,
                    role_play,
                    s.elapsed_seconds,
                    s.status,
                    s.first_started_at,
                    s.last_ended_at,
                    s.phase_offset,
                )
            )
        self._status = snapshot.status
        self._current = snapshot.current
        self._started_at = snapshot.started_at
        self._ended_at = snapshot.ended_at
        mono, now = clock.monotonic(), clock.now()
        if snapshot.started_at is not None:
            self._run_mono = mono - (now - snapshot.started_at).total_seconds()
        if snapshot.ended_at is not None and snapshot.started_at is not None:
            self._end_mono = self._run_mono + (snapshot.ended_at - snapshot.started_at).total_seconds()  # type: ignore[operator]
        if snapshot.status is RunStatus.RUNNING:
            if snapshot.segment_started_at is None or snapshot.current is None:
                raise ValueError("a running snapshot needs its current item and segment start")
            self._segment_wall = snapshot.segment_started_at
            self._segment_mono = mono - (now - snapshot.segment_started_at).total_seconds()

    # -- helpers ---------------------------------------------------------------------------

    def _require_current(self) -> int:
        if self._status not in (RunStatus.RUNNING, RunStatus.PAUSED) or self._current is None:
            if self._status is RunStatus.READY:
                raise ClockError(say("core.agenda_clock", "Start the session first."))
            raise ClockError(say("core.agenda_clock", "The session has ended."))
        return self._current

    def _check_position(self, position: int) -> None:
        if not 0 <= position < len(self._items):
            raise ClockError(say("core.agenda_clock", "There is no item {number}.", number=position + 1))

    def _open_segment(self, now: datetime) -> None:
        self._segment_mono = self._clock.monotonic()
        self._segment_wall = now

    def _close_segment(self) -> None:
        if self._status is RunStatus.RUNNING and self._current is not None and self._segment_mono is not None:
            self._items[self._current].elapsed += self._clock.monotonic() - self._segment_mono
        self._segment_mono = None
        self._segment_wall = None

    def _enter(self, position: int, now: datetime) -> None:
        item = self._items[position]
        item.status = ItemStatus.CURRENT
        if item.first_started_at is None:
            item.first_started_at = now
        self._current = position
        self._cue_state = None
        if self._status is RunStatus.RUNNING:
            self._open_segment(now)

    def _move_to(self, target: int, action: str, finished: ItemStatus) -> ClockEvent:
        here = self._require_current()
        now = self._clock.now()
        elapsed = self.item_elapsed(here)
        self._close_segment()
        item = self._items[here]
        item.status = finished
        item.last_ended_at = now
        self._enter(target, now)
        return self._event(
            action, here, seconds=elapsed, to_position=target, to_source_index=self._items[target].source_index
        )

    def _event(
        self,
        action: str,
        position: int | None,
        seconds: float | None = None,
        source_index: int | None = None,
        **detail: Any,
    ) -> ClockEvent:
        if source_index is None and position is not None:
            source_index = self._items[position].source_index
        return ClockEvent(action, self._clock.now(), position, source_index, seconds, dict(detail))


def role_play_position(rp: RolePlay, elapsed: float) -> RolePlayView:
    """Round and phase of a role play ``elapsed`` seconds in; after the last round, the debrief."""
    round_seconds = rp.round_minutes * 60
    total = round_seconds * rp.rounds
    if round_seconds <= 0 or elapsed >= total:
        return RolePlayView(rp.rounds, rp.rounds, -1, "Debrief", 0, 0.0, True, elapsed)
    t = max(0.0, elapsed)
    round_index = int(t // round_seconds)
    within = t - round_index * round_seconds
    start = 0
    for n, phase in enumerate(rp.phases):
        end = start + phase.minutes * 60
        if within < end:
            return RolePlayView(
                round_index + 1, rp.rounds, n, phase.name, phase.minutes * 60, end - within, False, elapsed
            )
        start = end
    last = rp.phases[-1]  # floating point at the very edge of a round
    return RolePlayView(
        round_index + 1, rp.rounds, len(rp.phases) - 1, last.name, last.minutes * 60, 0.0, False, elapsed
    )


def _shorten_proportionally(minutes: list[float], need: int, minimum: float) -> list[float]:
    """New whole-minute lengths that save ``need`` minutes (or all there is), never below ``minimum``.

    Each item keeps the same share of its length (water-filling with a floor), then whole
    minutes are dealt out by largest remainder so the saving is exact.
    """
    if not minutes or need <= 0:
        return list(minutes)
    floor_each = [max(minimum, 0.0) for _ in minutes]
    capacity = sum(m - math.ceil(f) for m, f in zip(minutes, floor_each, strict=True) if m > math.ceil(f))
    need = min(need, int(capacity))
    target_total = sum(minutes) - need
    # Water-filling: scale everything above its floor by one factor.
    fixed: set[int] = set()
    shares = list(minutes)
    while True:
        free = [n for n in range(len(minutes)) if n not in fixed]
        free_total = sum(minutes[n] for n in free)
        fixed_total = sum(math.ceil(floor_each[n]) for n in fixed)
        factor = (target_total - fixed_total) / free_total if free_total else 0.0
        newly = [n for n in free if minutes[n] * factor < math.ceil(floor_each[n])]
        if not newly:
            shares = [math.ceil(floor_each[n]) if n in fixed else minutes[n] * factor for n in range(len(minutes))]
            break
        fixed.update(newly)
    whole = [max(math.ceil(floor_each[n]), math.floor(s)) for n, s in enumerate(shares)]
    short = target_total - sum(whole)
    by_remainder = sorted(range(len(shares)), key=lambda n: shares[n] - math.floor(shares[n]), reverse=True)
    for n in by_remainder:
        if short <= 0:
            break
        if whole[n] < minutes[n]:
            whole[n] += 1
            short -= 1
    return [float(min(w, m)) for w, m in zip(whole, minutes, strict=True)]


def format_clock(seconds: float, *, countdown: bool = True) -> str:
    """m:ss (or h:mm:ss) as shown: a countdown rounds up, so 0:00 appears exactly at zero.

    A negative countdown is overtime and counts up with a plus sign; a count-up rounds down.
    """
    if countdown:
        if seconds > 0:
            whole, sign = math.ceil(seconds - 1e-9), ""
        else:
            whole, sign = math.floor(-seconds + 1e-9), "+"
    else:
        whole, sign = math.floor(max(0.0, seconds) + 1e-9), ""
    hours, rest = divmod(int(whole), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def shown_whole_seconds(remaining: float) -> int:
    """The whole seconds a countdown shows for ``remaining`` (negative in overtime)."""
    if remaining > 0:
        return math.ceil(remaining - 1e-9)
    return -math.floor(-remaining + 1e-9)


def format_duration(seconds: float) -> str:
    """A length in words that cannot be misread: "45 s", "2 min 14 s", "1 h 05 min"."""
    whole = int(math.floor(max(0.0, seconds) + 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def format_hms(seconds: float) -> str:
    """h:mm:ss always, so a short length never reads like hours ("0:02:14")."""
    whole = int(math.floor(max(0.0, seconds) + 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


@dataclass(frozen=True)
class ItemOutcome:
    """One agenda item at the end of a run: whether it ran, and for how long."""

    title: str
    kind: ItemKind
    planned_seconds: int
    elapsed_seconds: float
    outcome: str  # "ran", "skipped" (started, then skipped), "left out" (never started) or "not reached"


@dataclass(frozen=True)
class RunOutcome:
    """What a run did, for the screen after it ends: its length and each item's outcome."""

    session_seconds: float
    slot_seconds: int
    items: tuple[ItemOutcome, ...]

    def with_outcome(self, *outcomes: str) -> tuple[ItemOutcome, ...]:
        return tuple(i for i in self.items if i.outcome in outcomes)


def summarize_run(view: RunView) -> RunOutcome:
    """Each item's outcome in running order: ran, skipped, left out, or not reached."""
    items = []
    for row in view.items:
        started = row.first_started_at is not None
        if row.status is ItemStatus.SKIPPED:
            outcome = "skipped" if started else "left out"
        elif started:
            outcome = "ran"
        else:
            outcome = "not reached"
        items.append(ItemOutcome(row.title, row.kind, row.planned_seconds, row.elapsed_seconds, outcome))
    return RunOutcome(view.session_elapsed, view.slot_seconds, tuple(items))


def format_balance(balance_seconds: float, *, planning: bool = False) -> str:
    """“3 min behind”, “2 min ahead” or “On schedule” (within half a minute); before the start
    (``planning``) the agenda is “3 min over the slot” or “2 min under the slot”. A Sentence: the UI
    shows it in its language."""
    if abs(balance_seconds) < 30:
        return QT_TRANSLATE_NOOP("core.agenda_clock", "On schedule")
    minutes = max(1, round(abs(balance_seconds) / 60))
    if planning:
        if balance_seconds > 0:
            return say("core.agenda_clock", "{minutes} min over the slot", minutes=minutes)
        return say("core.agenda_clock", "{minutes} min under the slot", minutes=minutes)
    if balance_seconds > 0:
        return say("core.agenda_clock", "{minutes} min behind", minutes=minutes)
    return say("core.agenda_clock", "{minutes} min ahead", minutes=minutes)


__all__ = [
    "AgendaClock",
    "ClockError",
    "ClockEvent",
    "ClockSnapshot",
    "Cue",
    "CurrentView",
    "FinishOnTimeProposal",
    "ItemRow",
    "ItemSnapshot",
    "ItemStatus",
    "RolePlayView",
    "RunStatus",
    "RunView",
    "Shortening",
    "TimerState",
    "WrapUpRule",
    "ItemOutcome",
    "RunOutcome",
    "format_balance",
    "format_clock",
    "format_duration",
    "format_hms",
    "summarize_run",
    "role_play_position",
    "shown_whole_seconds",
]
