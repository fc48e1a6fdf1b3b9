"""Starting, resuming and offering to resume runs; the "Run this session…" button in the Library.

``RunnerLauncher.start_run(curriculum, session, meeting=None, players=None)`` is the one
way in: the Library starts unscheduled runs, and Today passes the meeting and its
attendance. One run at a time: a second start brings the running one forward. A meeting
whose session already ran is run again only when the facilitator says so, and the record
counts it as the meeting's second (third...) run.

The launcher outlives its windows, so the rest of the app listens here:
``ended(run_id, meeting_id)`` once the end of a meeting's run is in the record, and
``write_notes_requested(meeting_id)`` when the facilitator asks for that meeting's notes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ...core.agenda_clock import AgendaClock, RunStatus, WrapUpRule
from ...core.clock import Clock, SystemClock
from ...core.curriculum import AgendaItem, Curriculum, CurriculumSession, GroupType
from ..errors import show_error
from ..i18n import sentence_text, translate
from .window import PlayerInput, RunnerSettings, RunnerWindow

log = logging.getLogger(__name__)

SETTING_WRAP_PERCENT = "runner_wrap_up_percent"
SETTING_WRAP_MAX_MINUTES = "runner_wrap_up_max_minutes"
SETTING_MINIMUM_MINUTES = "runner_minimum_item_minutes"
LOCAL_CHIME = "runner_chime"


def load_runner_settings(backend) -> RunnerSettings:  # type: ignore[no-untyped-def]
    """Clinic-wide timer rules from the database (typed by their declaration); the chime from this workstation."""
    values = backend.settings.values()
    percent = float(values[SETTING_WRAP_PERCENT])
    wrap_max = float(values[SETTING_WRAP_MAX_MINUTES])
    minimum = float(values[SETTING_MINIMUM_MINUTES])
    chime = backend.config.local.extra.get(LOCAL_CHIME, True)
    return RunnerSettings(
        wrap_up=WrapUpRule(percent / 100, wrap_max * 60),
        minimum_item_seconds=int(minimum * 60),
        chime=bool(chime),
        zone=clinic_zone_of(backend),
    )


def clinic_zone_of(backend) -> tzinfo:  # type: ignore[no-untyped-def]
    """The clinic's time zone from its setting, resolved the one way (``core.attendance.resolve_zone``)."""
    from ...core.attendance import resolve_zone

    return resolve_zone(backend.settings.get("clinic_time_zone"))


def save_runner_settings(backend, settings: RunnerSettings) -> None:  # type: ignore[no-untyped-def]
    """The clinic-wide timer rules, checked against their declared ranges and saved in one unit of work."""
    backend.settings.set_many({
        SETTING_WRAP_PERCENT: round(settings.wrap_up.fraction * 100, 3),
        SETTING_WRAP_MAX_MINUTES: round(settings.wrap_up.max_seconds / 60, 3),
        SETTING_MINIMUM_MINUTES: round(settings.minimum_item_seconds / 60, 3),
    })


def as_players(players: Sequence[object] | None) -> list[PlayerInput]:
    """Strings, or objects with ``label``/``preferred_name``/``first_name`` and ``participant_id``/``id``."""
    out: list[PlayerInput] = []
    for p in players or ():
        if isinstance(p, str):
            label, pid = p, None
        else:
            label = next((getattr(p, a) for a in ("label", "preferred_name", "first_name") if getattr(p, a, None)), "")
            pid = getattr(p, "participant_id", None)
            if pid is None and not isinstance(p, PlayerInput):
                pid = getattr(p, "id", None)
        label = " ".join(str(label).split())
        if label:
            out.append(PlayerInput(label, pid if isinstance(pid, int) else None))
    return out


def stand_in_session(record) -> tuple[Curriculum, CurriculumSession]:  # type: ignore[no-untyped-def]
    """A curriculum rebuilt from the record, for a run whose curriculum is no longer loaded."""
    items = {s.source_index: s for s in record.snapshot.items}
    agenda = tuple(
        AgendaItem(items[i].title, items[i].kind, max(1, items[i].original_seconds // 60)) for i in sorted(items)
    )
    summary = record.summary
    session = CurriculumSession(
        id=summary.session_id,
        title=summary.session_title or summary.session_id,
        minutes=max(1, record.snapshot.slot_seconds // 60),
        objectives=(translate("launcher", "(from the run record)"),),
        agenda=agenda,
    )
    curriculum = Curriculum(
        id=summary.curriculum_id,
        title=summary.curriculum_title or summary.curriculum_id,
        group_type=GroupType.SKILLS,
        summary=translate("launcher", "This curriculum is no longer loaded; the run continues from its record."),
        session_minutes=session.minutes,
        sessions=(session,),
    )
    return curriculum, session


class RunnerLauncher(QObject):
    """Owns the one runner window; everything that starts a run goes through here."""

    ended = Signal(int, int)  # run id, meeting id: a run of a meeting ended and its end is in the record
    write_notes_requested = Signal(int)  # meeting id: "Write notes" on the ended-run screen

    def __init__(self, backend, parent: QWidget | None = None, clock: Clock | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.backend = backend
        self._parent = parent
        self._clock = clock or SystemClock()
        self.window: RunnerWindow | None = None

    # -- starting ------------------------------------------------------------------------

    def start_run(
        self,
        curriculum: Curriculum,
        session: CurriculumSession,
        meeting: object | None = None,
        players: Sequence[object] | None = None,
    ) -> RunnerWindow | None:
        """Open the runner on a session, ready to start; ``meeting`` is a meeting id or an object with ``id``."""
        if self._busy():
            return None
        meeting_id = meeting if isinstance(meeting, int) else getattr(meeting, "id", None)
        run_number = 1
        if meeting_id is not None:
            run_number = self._next_run_number(meeting_id)
            if run_number == 0:
                return None
        settings = load_runner_settings(self.backend)
        agenda_clock = AgendaClock(session.agenda, self._clock, session.minutes * 60, settings.wrap_up)
        window = self._open(
            curriculum,
            session,
            agenda_clock,
            settings,
            meeting_id=meeting_id,
            players=as_players(players),
            run_number=run_number,
        )
        log.info("Runner opened for %s/%s%s", curriculum.id, session.id, " (meeting)" if meeting_id else "")
        return window

    def _next_run_number(self, meeting_id: int) -> int:
        """1 for a meeting never run; after an ended run, ask first; 0 when the facilitator says no."""
        try:
            runs = self.backend.runs.for_meeting(meeting_id)
        except Exception:
            log.exception("Could not read the runs of meeting %s", meeting_id)
            return 1  # the runner still opens; the record counts the run when it is created
        ran = [r for r in runs if r.status is RunStatus.ENDED and r.started_at is not None]
        if not ran:
            return len(runs) + 1
        if not self.ask_run_again(ran[-1], len(runs) + 1):
            return 0
        return len(runs) + 1

    def ask_run_again(self, last, number: int) -> bool:  # type: ignore[no-untyped-def]
        """Whether to run an ended meeting's session again; a dialog (tests replace this method)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Run this session again?"),
            run_again_question(last, number, clinic_zone_of(self.backend)),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setAccessibleName(self.tr("Run this session again?"))
        again = box.addButton(self.tr("&Run it as run {number}").format(number=number), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is again

    def resume_run(self, run_id: int) -> RunnerWindow | None:
        """Reopen an unfinished run; the time since its last save counts (wall clock)."""
        if self._busy():
            return None
        store = self.backend.runs
        try:
            record = store.load(run_id)
        except Exception:
            log.exception("Could not load run %s", run_id)
            show_error(self._parent, self.tr("Resume"), self.tr("That session could not be read from the database."))
            return None
        summary = record.summary
        curriculum = self.backend.library.find(summary.curriculum_id)
        session = None
        if curriculum is not None:
            try:
                session = curriculum.session(summary.session_id)
            except KeyError:
                session = None
        notice = ""
        if curriculum is None or session is None:
            curriculum, session = stand_in_session(record)
            notice = (
                self.tr("This session's curriculum is no longer loaded (its file was moved or changed), so scripts and "
                "role-play details are not shown; the timers and the record carry on.")
            )
        settings = load_runner_settings(self.backend)
        agenda_clock = AgendaClock.restore(record.snapshot, session.agenda, self._clock, settings.wrap_up)
        window = self._open(
            curriculum,
            session,
            agenda_clock,
            settings,
            run_id=run_id,
            meeting_id=summary.meeting_id,
            players=[PlayerInput(p.label, p.participant_id) for p in record.players],
            show_first_names=record.show_first_names,
            small_groups=record.small_groups,
            recorded_rounds={(r.source_index, r.round) for r in record.roles},
            notice=notice,
            run_number=summary.run_number,
        )
        log.info("Run %s resumed", run_id)
        return window

    def _busy(self) -> bool:
        window = self.window
        if window is None or not window.isVisible() or not window.run_active:
            return False
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("A session is running"),
            self.tr("“{title}” is running in the runner. End it before starting another.").format(title=window.session.title),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setAccessibleName(self.tr("A session is running"))
        box.exec()
        window.showNormal()
        window.raise_()
        window.activateWindow()
        return True

    def _open(self, curriculum, session, agenda_clock, settings, **kwargs) -> RunnerWindow:  # type: ignore[no-untyped-def]
        if self.window is not None:
            self.window.close()
        from ..operations import ChangeHub

        config = self.backend.config
        window = RunnerWindow(
            curriculum,
            session,
            agenda_clock,
            clock=self._clock,
            settings=settings,
            store=self.backend.runs,
            local_settings=(config.local, config.settings_path),
            hub=ChangeHub.for_backend(self.backend) if getattr(self.backend, "work", None) is not None else None,
            **kwargs,
        )
        window.settings_changed = lambda s: self._on_settings_changed(s)  # type: ignore[method-assign]
        window.ended.connect(self.ended)
        window.write_notes_requested.connect(self.write_notes_requested)
        if kwargs.get("meeting_id") and getattr(self.backend, "notes", None) is not None:
            from ..notes_view import install_observation_action  # observations land in notes

            install_observation_action(
                window, self.backend.notes, self.backend.current_principal, kwargs["meeting_id"], kwargs.get("players", ())
            )
        if kwargs.get("meeting_id") and getattr(self.backend, "measures", None) is not None:
            from .check_in import install_check_in_ratings  # craving and mood at check-in, never on the room display

            install_check_in_ratings(window, self.backend.measures, kwargs["meeting_id"], kwargs.get("players", ()),
                                     hub=window.controller.hub)
        window.show()
        window.raise_()
        self.window = window
        return window

    def _on_settings_changed(self, settings: RunnerSettings) -> None:
        from ...core.changes import UserFacingError

        try:
            save_runner_settings(self.backend, settings)
        except UserFacingError as exc:  # not an administrator, a value out of range, a session that ended
            show_error(
                self.window, self.tr("Timer settings"), self.tr("{reason}; the new timer settings apply to this run only.").format(reason=sentence_text(exc).rstrip('.'))
            )
        except Exception:
            log.exception("Saving timer settings failed")
            show_error(
                self.window, self.tr("Timer settings"), self.tr("The timer settings could not be saved; they apply to this run only.")
            )

    # -- after a crash ---------------------------------------------------------------------

    def offer_resume(self) -> None:
        """If a run was left unfinished (the app was closed or killed), offer to resume it."""
        store = getattr(self.backend, "runs", None)
        if store is None or (self.window is not None and self.window.isVisible()):
            return
        try:
            runs = store.unfinished()
        except Exception:
            log.exception("Could not look for unfinished runs")
            return
        for summary in runs:
            if summary.status is RunStatus.READY:
                store.discard_unstarted(summary.id)
                continue
            choice = self.ask_resume(summary)
            if choice == "resume":
                self.resume_run(summary.id)
                return
            if choice == "end":
                store.end_unfinished(summary.id)
                if summary.meeting_id is not None:
                    self.ended.emit(summary.id, summary.meeting_id)  # its end is in the record now
                continue
            return  # "later": ask again next time

    def ask_resume(self, summary) -> str:  # type: ignore[no-untyped-def]
        """ "resume", "end" or "later"; a dialog (tests replace this method)."""
        started = _local(summary.started_at, clinic_zone_of(self.backend))
        where = f" at “{summary.current_title}”" if summary.current_title else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Resume the session?"),
            self.tr("{curriculum_title} › {session_title}, started {started}, was not ended{where}.\n\nResume it: the time since then counts, as if the timer had kept running.\nOr end it: it is recorded as ending at its last recorded action.").format(curriculum_title=summary.curriculum_title, session_title=summary.session_title, started=started, where=where),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setAccessibleName(self.tr("Resume the session?"))
        resume = box.addButton(self.tr("&Resume"), QMessageBox.ButtonRole.AcceptRole)
        end = box.addButton(self.tr("&End it"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(resume)
        box.exec()
        clicked = box.clickedButton()
        return "resume" if clicked is resume else "end" if clicked is end else "later"

    # -- the Library's button ----------------------------------------------------------------

    def install_library_button(self, page) -> QPushButton:  # type: ignore[no-untyped-def]
        """Add "Run this session…" to the Library page, enabled while a session is shown."""
        button = QPushButton(self.tr("R&un this session…"))
        button.setAccessibleName(self.tr("Run this session"))
        button.setToolTip(self.tr("Open the session runner on the session shown (Ctrl+R)"))
        button.setShortcut(QKeySequence("Ctrl+R"))
        page.actions_bar.addWidget(button)

        def update(_curriculum_id: str = "", _session_id: str = "") -> None:
            selection = page.current_selection()
            button.setEnabled(bool(selection and selection[1]))

        def run() -> None:
            selection = page.current_selection()
            if not selection or not selection[1]:
                return
            curriculum = page._state.library.find(selection[0])
            if curriculum is None:
                return
            self.start_run(curriculum, curriculum.session(selection[1]))

        page.session_chosen.connect(update)
        button.clicked.connect(run)
        update()
        return button


def run_again_question(last, number: int, zone: tzinfo = UTC) -> str:  # type: ignore[no-untyped-def]
    """ "This meeting's session already ran from 18:02 to 20:55. Run it again as a second run?"
    (times on the clinic's clock, ``zone``)"""
    ordinal = {2: translate("launcher", "a second run"), 3: translate("launcher", "a third run"), 4: translate("launcher", "a fourth run")}.get(number, translate("launcher", "run {number}").format(number=number))
    start, end = _clock_time(last.started_at, zone), _clock_time(last.ended_at, zone)
    span = (
        translate("launcher", "from {start} to {end}").format(start=start, end=end)
        if last.ended_at
        else translate("launcher", "from {start}").format(start=start)
    )
    return (
        translate("launcher", "This meeting's session already ran {span}. Run it again as {ordinal}?\n\nThe first run stays in the record as it was.").format(span=span, ordinal=ordinal)
    )


def _clock_time(moment: datetime | None, zone: tzinfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M") if moment is not None else "?"


def _local(moment: datetime | None, zone: tzinfo) -> str:
    if moment is None:
        return "earlier"
    return moment.astimezone(zone).strftime("%a %d %b at %H:%M")
