"""Every table, one module per area; importing this package registers them all.

The tables are split by area (settings, runs, roster, ...) rather than kept in one file so
that each area's columns sit beside each other and migrations can name their area.
"""

from .accounts import UserAccount
from .attendance import Attendance, Meeting
from .audit import AuditEntry, AuditHead
from .base import utcnow
from .clinic import ChangeLogEntry, DatabaseIdentity
from .consents import Consent, Disclosure
from .notes import GroupNoteFormat, NoteAddendum, NoteObservation, NoteRound, ProgressNote
from .roster import CareGroup, Enrollment, GroupCurriculum, GroupStaff, Participant, ParticipantGoal, Relative, Staff
from .runs import Run, RunEvent, RunItem, RunPlayer, RunRole
from .settings import ClinicSetting

__all__ = [
    "Attendance",
    "AuditEntry",
    "AuditHead",
    "CareGroup",
    "ChangeLogEntry",
    "ClinicSetting",
    "Consent",
    "DatabaseIdentity",
    "Disclosure",
    "Enrollment",
    "GroupCurriculum",
    "GroupNoteFormat",
    "GroupStaff",
    "Meeting",
    "NoteAddendum",
    "NoteObservation",
    "NoteRound",
    "Participant",
    "ParticipantGoal",
    "ProgressNote",
    "Relative",
    "Run",
    "RunEvent",
    "RunItem",
    "RunPlayer",
    "RunRole",
    "Staff",
    "UserAccount",
    "utcnow",
]
