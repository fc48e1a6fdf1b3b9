"""A participant's progress: hours from attendance and measures from the measures service, as charts.

Composes the services that already check who may see what (``attendance.participant_hours``,
``measures.participant_measures``, ``roster.participant``): nothing here reads a table
itself except to record that a report left the app. Printing a progress report or a
participant's page is a disclosure and is audited ("printed a progress report"), with the
period and never a score.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core import measures as cm
from ..core import progress as cp
from ..core import trends as T
from ..core.attendance import clinic_zone
from ..core.audit import AuditAction
from ..core.print_language import clinic_record_language, handout_language, tr
from ..core.roster import ParticipantRecord
from .access import Scoped


@dataclass(frozen=True)
class ParticipantProgress(cp.Progress):
    expected: tuple[str, ...] = ()  # the latest screen's expected medications: the next screen's default


class ProgressService(Scoped):
    """Charts, reports and forms of one participant's course, for the page, the print and the CLI."""

    def __init__(self, work: Any, roster: Any, attendance: Any, measures: Any, settings: Any, principal: Any = None) -> None:
        from .unit_of_work import CURRENT

        super().__init__(work, CURRENT if principal is None else principal)
        self.roster, self.attendance, self.measures, self.settings = roster, attendance, measures, settings

    @classmethod
    def for_backend(cls, backend: Any) -> ProgressService:
        return cls(backend.work, backend.roster, backend.attendance, backend.measures, backend.settings)

    def participant_id(self, record_number: str) -> int:
        """The id behind a record number as typed; one nobody has and one the user may not see say the same."""
        with self._read() as uow:
            return self._access(uow).participant_by_record(record_number)

    def read(
        self, participant_id: int, first: date, last: date, *, language: str = "en"
    ) -> tuple[ParticipantRecord, ParticipantProgress]:
        """The participant and their charts; the charts' sentences in ``language`` (a printed page's)."""
        person = self.roster.participant(participant_id)
        measures = self.measures.participant_measures(participant_id, first, last)
        weeks = [
            T.WeekMinutes(w.monday, w.attended_minutes, w.target_minutes, w.scheduled_minutes)
            for w in self.attendance.participant_hours(participant_id, first, last)
        ]
        charts = cp.build_charts(measures, weeks, first, last, language=language)
        expected: tuple[str, ...] = ()
        current = [s for s in measures.screens if not s.recorded.in_error]
        if current:
            expected = tuple(current[-1].screen.expected)
        flags = tuple(measures.flags)
        zone = clinic_zone(self.attendance.zone_name())
        lines = tuple(cp.flag_sentence(f, zone) for f in flags if f.is_open)
        return person, ParticipantProgress(participant_id, first, last, charts, flags, lines, expected)

    def _audit_print(self, participant_id: int, what: str, first: date, last: date) -> None:
        with self._begin() as uow:
            self._access(uow).participant(participant_id)
            self._audit(uow, AuditAction.PRINT, record_type=what, record_id=participant_id,
                        participant_id=participant_id, detail=f"{first.isoformat()} to {last.isoformat()}")

    def progress_report(self, participant_id: int, first: date, last: date, *, language: str = "en") -> T.ProgressReport:
        """The supervisor's and the chart's report: every chart with its numbers, flags, the Part 2 notice.

        A clinic record: its words print in ``language``, the screen's.
        """
        language = clinic_record_language(language)
        person, progress = self.read(participant_id, first, last, language=language)
        zone_name = self.attendance.zone_name()
        now = self.attendance.clock.now().astimezone(clinic_zone(zone_name))
        target = person.target_hours(self.attendance.rules())
        self._audit_print(participant_id, "progress report", first, last)
        return cp.progress_report(
            clinic_name=self.settings.get("clinic_name"),
            participant_name=person.preferred_name if person.preferred_name == person.legal_name
            else f"{person.legal_name} ({person.preferred_name})",
            record_number=person.record_number, first=first, last=last,
            generated=tr(language, cp.PROGRESS, "{moment} (clinic time, {zone})", moment=f"{now:%Y-%m-%d %H:%M}",
                         zone=zone_name),
            charts=progress.charts, flags=progress.flags, target_hours=target, zone=clinic_zone(zone_name),
            language=language,
        )

    def my_progress(self, participant_id: int, first: date, last: date, *, language: str | None = None) -> T.MyProgress:
        """The participant's own large-print page: first name only, plain words.

        They take it home, so it speaks their preferred language (the record's), else ``language``.
        """
        from ..core.printing import printable_first_name

        language = handout_language(self.roster.participant(participant_id).language, None, language)
        person, progress = self.read(participant_id, first, last, language=language)
        self._audit_print(participant_id, "my progress page", first, last)
        return cp.my_progress(
            clinic_name=self.settings.get("clinic_name"),
            first_name=printable_first_name(person.preferred_name) or "",
            first=first, last=last, charts=progress.charts,
            language=language,
        )

    def forms(self, large_print: bool = False) -> T.QuestionnaireForms:
        """Blank PHQ-9 and GAD-7 forms (nothing about anyone: no audit)."""
        clinic = self.settings.get("clinic_name")
        return T.QuestionnaireForms(
            tuple(cp.questionnaire_form(i, clinic_name=clinic, large_print=large_print) for i in (cm.PHQ9, cm.GAD7))
        )
