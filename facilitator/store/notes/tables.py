"""The notes area's tables, as SQLAlchemy Core handles, and how note content is stored.

Content is the JSON of field key -> text that ``facilitator.core.notes`` defines per format.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

import sqlalchemy as sa

from ...core import notes as cn
from ..models import Attendance, CareGroup, GroupStaff, Meeting, Participant, ParticipantGoal, Staff, UserAccount
from ..models.notes import GroupNoteFormat, NoteAddendum, NoteObservation, NoteRound, ProgressNote

log = logging.getLogger(__name__)

NOTE = ProgressNote.__table__  # type: ignore[attr-defined]
ROUND = NoteRound.__table__  # type: ignore[attr-defined]
ADDENDUM = NoteAddendum.__table__  # type: ignore[attr-defined]
OBSERVATION = NoteObservation.__table__  # type: ignore[attr-defined]
GROUP_FORMAT = GroupNoteFormat.__table__  # type: ignore[attr-defined]
MEETING = Meeting.__table__  # type: ignore[attr-defined]
GROUP = CareGroup.__table__  # type: ignore[attr-defined]
GROUP_STAFF = GroupStaff.__table__  # type: ignore[attr-defined]
STAFF = Staff.__table__  # type: ignore[attr-defined]
PARTICIPANT = Participant.__table__  # type: ignore[attr-defined]
GOAL = ParticipantGoal.__table__  # type: ignore[attr-defined]
USER = UserAccount.__table__  # type: ignore[attr-defined]
ATTENDANCE = Attendance.__table__  # type: ignore[attr-defined]
AUTHOR = USER.alias("author")
EDITOR = USER.alias("editor")

ATTENDED = ("present", "late", "left_early")
EDITABLE_VALUES = tuple(s.value for s in cn.EDITABLE)


def other_table(name: str) -> sa.Table | None:
    """A table of another area (the session runner's), when this schema has it."""
    from sqlmodel import SQLModel

    return SQLModel.metadata.tables.get(name)


def loads(text: str | None) -> dict[str, str]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        log.warning("A note's stored content is not JSON; showing it as one field")
        return {"data": str(text)}
    if not isinstance(value, dict):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in value.items()}


def dumps(content: Mapping[str, object]) -> str:
    return json.dumps({str(k): "" if v is None else str(v) for k, v in content.items()}, ensure_ascii=False)
