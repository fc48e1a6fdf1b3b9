"""Every table, one module per area; importing this package registers them all.

The tables are split by area (settings, runs, roster, ...) rather than kept in one file so
that each area's columns sit beside each other and migrations can name their area.
"""

from .accounts import UserAccount
from .attendance import Attendance, Meeting
from .audit import AuditEntry, AuditHead
from .base import utcnow
from .care import AftercarePlan, Discharge, LevelOfCareChange
from .clinic import ChangeLogEntry, DatabaseIdentity
from .consents import Consent, Disclosure
from .measures import CheckInRating, DrugScreen, DrugScreenResult, MutualHelpReport, Questionnaire, SafetyFlag
from .notes import GroupNoteFormat, NoteAddendum, NoteObservation, NoteRound, ProgressNote
from .roster import CareGroup, Enrollment, GroupCurriculum, GroupStaff, Participant, ParticipantGoal, Relative, Staff
from .runs import Run, RunEvent, RunItem, RunPlayer, RunRole
from .settings import ClinicSetting

__all__ = [
    "AftercarePlan",
    "Discharge",
    "LevelOfCareChange",
    "Attendance",
    "AuditEntry",
    "AuditHead",
    "CareGroup",
    "ChangeLogEntry",
    "CheckInRating",
    "ClinicSetting",
    "Consent",
    "DatabaseIdentity",
    "DrugScreen",
    "DrugScreenResult",
    "Disclosure",
    "Enrollment",
    "GroupCurriculum",
    "GroupNoteFormat",
    "GroupStaff",
    "Meeting",
    "MutualHelpReport",
    "NoteAddendum",
    "NoteObservation",
    "NoteRound",
    "Participant",
    "ParticipantGoal",
    "ProgressNote",
    "Questionnaire",
    "Relative",
    "Run",
    "RunEvent",
    "RunItem",
    "RunPlayer",
    "RunRole",
    "SafetyFlag",
    "Staff",
    "UserAccount",
    "utcnow",
]
