"""The services to bill over a date range, read from attendance and signed notes in one unit of work.

One row per participant at a meeting they attended (minutes computed the one way,
``core.attendance.minutes_attended``), with that participant's individual note for the
meeting; ``core.billing`` turns those into billable services and the list of what falls
short. Only groups the exporting account may see are read (``store.access``), and the
export itself goes into the audit trail.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from ..core import clinic_settings
from ..core import permissions as perm
from ..core.attendance import AttendanceStatus, minutes_attended
from ..core.audit import AuditAction
from ..core.billing import AttendedSession, BillingRules, ServicesExport, build_services
from ..core.catalogue import QT_TRANSLATE_NOOP
from ..core.changes import UserFacingError
from ..core.print_language import clinic_record_language
from .access import Scoped
from .attendance import _ConnectionSettings
from .models import Attendance, CareGroup, ClinicSetting, Meeting, Participant, ProgressNote
from .unit_of_work import CURRENT, Work

_attendance = Attendance.__table__  # type: ignore[attr-defined]
_meeting = Meeting.__table__  # type: ignore[attr-defined]
_group = CareGroup.__table__  # type: ignore[attr-defined]
_participant = Participant.__table__  # type: ignore[attr-defined]
_note = ProgressNote.__table__  # type: ignore[attr-defined]
_setting = ClinicSetting.__table__  # type: ignore[attr-defined]

# An export by someone who sees only some groups says so, whether or not anything was left out.
BILLING_SCOPE_NOTE = QT_TRANSLATE_NOOP(
    "print.billing", "Lists only meetings of groups you lead; a per-diem day counts those meetings only."
)


class BillingError(UserFacingError):
    """The services cannot be exported as asked; one sentence for the user."""


def _signature(name: str, credentials: str) -> str:
    return f"{name}, {credentials}" if name and credentials else name


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _setting_value(conn: sa.Connection, key: str) -> Any:
    """A billing setting as typed (its declared default when nothing readable is stored)."""
    stored = conn.execute(sa.select(_setting.c.value).where(_setting.c.key == key)).scalar()
    return clinic_settings.parse(key, stored)


class BillingService(Scoped):
    def __init__(self, work: Work, principal: Any = CURRENT) -> None:
        super().__init__(work, principal)

    def acting_as(self, principal: Any) -> BillingService:
        return BillingService(self.work, principal)

    def services(self, first: date, last: date, *, language: str = "en") -> ServicesExport:
        """Billable services and what falls short between two clinic days (inclusive).

        ``language`` is the screen's: the PDF summary's labels print in it; the CSV files stay English.
        """
        from ..core import limits

        problem = limits.report_range_problem(first, last)
        if problem:
            raise BillingError(problem)
        with self._read() as uow:
            access = self._access(uow)
            p = access.require(perm.require_export_services)
            settings = _ConnectionSettings(uow.conn)
            rules = BillingRules.from_settings(lambda key: _setting_value(uow.conn, key))
            visible = access.visible_groups()
            stmt = (
                sa.select(
                    _meeting.c.id.label("meeting_id"), _meeting.c.local_day, _meeting.c.starts_at, _meeting.c.ends_at,
                    _group.c.name.label("group_name"), _group.c.group_type,
                    _participant.c.id.label("participant_id"), _participant.c.record_number,
                    _attendance.c.status, _attendance.c.arrived_at, _attendance.c.left_at,
                    _note.c.id.label("note_id"), _note.c.status.label("note_status"), _note.c.error_at,
                    _note.c.signer_name, _note.c.signer_credentials, _note.c.cosigned_at,
                    _note.c.cosigner_name, _note.c.cosigner_credentials,
                )
                .select_from(_attendance)
                .join(_meeting, _meeting.c.id == _attendance.c.meeting_id)
                .join(_group, _group.c.id == _meeting.c.group_id)
                .join(_participant, _participant.c.id == _attendance.c.participant_id)
                .outerjoin(
                    _note,
                    sa.and_(_note.c.meeting_id == _meeting.c.id, _note.c.participant_id == _participant.c.id,
                            _note.c.kind == "individual"),
                )
                .where(_meeting.c.cancelled_at.is_(None), _meeting.c.local_day >= first, _meeting.c.local_day <= last)
                .order_by(_meeting.c.local_day, _participant.c.record_number, _meeting.c.starts_at)
            )
            if visible is not None:
                stmt = stmt.where(_meeting.c.group_id.in_(visible))
            sessions = []
            for r in uow.conn.execute(stmt):
                minutes = minutes_attended(_aware(r.starts_at), _aware(r.ends_at), AttendanceStatus(r.status),
                                           _aware(r.arrived_at), _aware(r.left_at))
                sessions.append(
                    AttendedSession(
                        day=r.local_day,
                        participant_id=r.participant_id,
                        record_number=r.record_number,
                        meeting_id=r.meeting_id,
                        group_name=r.group_name,
                        group_type=r.group_type,
                        minutes=minutes,
                        note_id=r.note_id,
                        note_status=r.note_status,
                        note_in_error=r.error_at is not None,
                        rendering=_signature(r.signer_name or "", r.signer_credentials or ""),
                        supervising=_signature(r.cosigner_name or "", r.cosigner_credentials or "")
                        if r.cosigned_at is not None else "",
                    )
                )
            services, short = build_services(sessions, rules)
            self._audit(uow, AuditAction.EXPORT, record_type="services to bill",
                        detail=f"{first.isoformat()} to {last.isoformat()}: {len(services)} services, "
                        f"{len(short)} falling short")
            clinic_name = settings.get("clinic_name")
            generated_at = uow.now
        return ServicesExport(
            clinic_name=clinic_name,
            first=first,
            last=last,
            services=tuple(services),
            short=tuple(short),
            generated_at=generated_at,
            exported_by=p.signature if p is not None else "Facilitator setup",
            rules=rules,
            scope_note=BILLING_SCOPE_NOTE if visible is not None else "",
            language=clinic_record_language(language),
        )
