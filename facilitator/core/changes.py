"""What a change to the record touched, and the typed errors a change can end in.

A unit of work returns a ``Changes`` value: the kinds of record it changed and their ids.
The app hands it to every open view, which refreshes what it shows; other workstations
read the same value from the database's change feed. Errors are typed so that the app can
say each in one sentence and decide what else to do (sign out, offer to reload).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from facilitator.core.catalogue import QT_TRANSLATE_NOOP, Sentence, say

# The kinds of record a change can touch. Views ask ``changes.touches(...)`` with these.
PARTICIPANT = "participant"
RELATIVE = "relative"
GROUP = "group"
ENROLLMENT = "enrollment"
MEETING = "meeting"
ATTENDANCE = "attendance"
NOTE = "note"
OBSERVATION = "observation"
RUN = "run"
ACCOUNT = "account"
SETTING = "setting"
# Measures. Their ids are the participant's id (what a participant's charts refresh on).
CHECK_IN = "check_in"
QUESTIONNAIRE = "questionnaire"
SCREEN = "screen"
MUTUAL_HELP = "mutual_help"
SAFETY_FLAG = "safety_flag"
MEASURE_KINDS = frozenset({CHECK_IN, QUESTIONNAIRE, SCREEN, MUTUAL_HELP, SAFETY_FLAG})
CARE = "care"  # a participant's level of care, discharge or aftercare plan (ids are participant ids)
CONSENT = "consent"
KINDS = frozenset(
    {PARTICIPANT, RELATIVE, GROUP, ENROLLMENT, MEETING, ATTENDANCE, NOTE, OBSERVATION, RUN, ACCOUNT, SETTING, CARE,
     CONSENT}
) | MEASURE_KINDS


@dataclass(frozen=True)
class Changes:
    """The kinds and ids a unit of work changed; ``None`` as an id means "some of this kind"."""

    items: frozenset[tuple[str, int | None]] = field(default_factory=frozenset)

    @classmethod
    def of(cls, kind: str, *ids: int | None) -> Changes:
        if kind not in KINDS:
            raise ValueError(f"unknown kind of record: {kind!r}")
        return cls(frozenset((kind, None if i is None else int(i)) for i in (ids or (None,))))

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(kind for kind, _ in self.items)

    def touches(self, *kinds: str) -> bool:
        return any(kind in self.kinds for kind in kinds)

    def ids(self, kind: str) -> set[int]:
        return {i for k, i in self.items if k == kind and i is not None}

    def names(self, kind: str, record_id: int) -> bool:
        """Whether this change may have touched that record (its id, or its whole kind)."""
        return (kind, record_id) in self.items or (kind, None) in self.items

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.items | other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def to_json(self) -> str:
        return json.dumps(sorted([k, i] for k, i in self.items), separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Changes:
        try:
            pairs = json.loads(text)
            return cls(frozenset((str(k), None if i is None else int(i)) for k, i in pairs if str(k) in KINDS))
        except (ValueError, TypeError):
            return cls()

    @classmethod
    def union(cls, many: Iterable[Changes]) -> Changes:
        items: frozenset[tuple[str, int | None]] = frozenset()
        for c in many:
            items |= c.items
        return cls(items)


NO_CHANGES = Changes()


# The records a conflict or a vanished record is named by ("this note"), in the catalogue.
RECORD_WORDS = {word: word for word in (
    QT_TRANSLATE_NOOP("core.changes", "record"), QT_TRANSLATE_NOOP("core.changes", "participant"),
    QT_TRANSLATE_NOOP("core.changes", "group"), QT_TRANSLATE_NOOP("core.changes", "meeting"),
    QT_TRANSLATE_NOOP("core.changes", "note"), QT_TRANSLATE_NOOP("core.changes", "attendance sheet"),
    QT_TRANSLATE_NOOP("core.changes", "discharge summary"), QT_TRANSLATE_NOOP("core.changes", "aftercare plan"),
    QT_TRANSLATE_NOOP("core.changes", "safety flag"),
)}


def record_word(what: str) -> str:
    """``what`` ("note") as a word the UI can translate, when it is one of RECORD_WORDS."""
    return RECORD_WORDS.get(what, what)


class UserFacingError(Exception):
    """An error whose message is one sentence the user can act on.

    Given a ``Sentence`` (``catalogue.say``), it keeps it as ``sentence`` so the UI can show it
    in its own language (``i18n.sentence_text``); ``str(error)`` is the English either way.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        first = args[0] if args else ""
        self.sentence: str = first if isinstance(first, Sentence) else str(self)


class ValidationError(UserFacingError, ValueError):
    """What was typed cannot be saved as it is (a date out of range, a field too long)."""


# The months as a sentence names a moment ("at 18:05 on 03 Nov"), for the catalogue.
MONTHS = (
    QT_TRANSLATE_NOOP("core.changes", "Jan"), QT_TRANSLATE_NOOP("core.changes", "Feb"),
    QT_TRANSLATE_NOOP("core.changes", "Mar"), QT_TRANSLATE_NOOP("core.changes", "Apr"),
    QT_TRANSLATE_NOOP("core.changes", "May"), QT_TRANSLATE_NOOP("core.changes", "Jun"),
    QT_TRANSLATE_NOOP("core.changes", "Jul"), QT_TRANSLATE_NOOP("core.changes", "Aug"),
    QT_TRANSLATE_NOOP("core.changes", "Sep"), QT_TRANSLATE_NOOP("core.changes", "Oct"),
    QT_TRANSLATE_NOOP("core.changes", "Nov"), QT_TRANSLATE_NOOP("core.changes", "Dec"),
)


def moment_words(moment: datetime, zone: tzinfo | None) -> dict[str, str]:
    """The params a sentence names a moment by ({time} on {day} {month}: "18:05 on 03 Nov") in the
    clinic's zone (``zone``, as ``core.attendance.resolve_zone`` gives it); in UTC when the caller
    knows no zone, never in this computer's zone by accident."""
    local = moment.astimezone(zone or UTC)
    return {"time": f"{local:%H:%M}", "day": f"{local:%d}", "month": MONTHS[local.month - 1]}


class ConflictError(UserFacingError):
    """Someone else saved this record after it was read here; nothing was overwritten.

    ``changed_by`` and ``changed_at`` say who and when, for the sentence and for the choice
    the user is offered: reload their version, or save over it knowingly.
    """

    def __init__(
        self,
        kind: str,
        record_id: int,
        *,
        what: str = "record",
        changed_by: str = "",
        changed_at: datetime | None = None,
        current_version: int | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        self.kind = kind
        self.record_id = record_id
        self.what = what
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = current_version
        who = changed_by or QT_TRANSLATE_NOOP("core.changes", "Someone else")
        if changed_at is None:
            sentence = say("core.changes", "{who} changed this {what} after you opened it. Nothing was overwritten: "
                           "reload to see their version, or save yours over it.", who=who, what=record_word(what))
        else:
            when = moment_words(changed_at, zone)
            sentence = say("core.changes", "{who} changed this {what} at {time} on {day} {month}, after you opened it. "
                           "Nothing was overwritten: reload to see their version, or save yours over it.",
                           who=who, what=record_word(what), time=when["time"], day=when["day"], month=when["month"])
        super().__init__(sentence)


class GoneError(UserFacingError):
    """The record was deleted (or never existed) since it was read here."""


class SessionEnded(UserFacingError):
    """The signed-in session cannot go on: the user must sign in again (what they typed is kept)."""


class AccountChanged(SessionEnded):
    """The account was disabled, or its role changed, since its user signed in."""


class DatabaseReplaced(SessionEnded):
    """The clinic database was restored from a backup or replaced since this workstation connected."""


class DatabaseUnavailable(UserFacingError):
    """The database cannot be reached or written (gone, read-only, full disk, server down)."""
