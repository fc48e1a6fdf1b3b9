"""Every limit on what a person or a file may give Facilitator, declared once.

Core checks these before anything is written (a sentence naming the field); the database
checks the same numbers (``DATABASE_TEXT_LIMITS`` and ``DATABASE_DATE_COLUMNS`` feed the
migration that adds them), so a value that got past a form still cannot be stored.

Dates a user or a file gives are kept to 1900–2100: a birth date in the year 1 is a typo,
and a report to 9999-12-31 would walk every day to then.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from facilitator.core.catalogue import QT_TRANSLATE_NOOP, say

from .changes import ValidationError

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)

# A report over more than this many days asks first and shows its progress.
REPORT_CONFIRM_DAYS = 3 * 365 + 1

# A curriculum file is read whole and parsed into memory; a clinic's biggest is about 60 KB.
CURRICULUM_FILE_MAX_BYTES = 5 * 1024 * 1024
# A roster file is read whole too; 5 MB is some 50,000 participants.
ROSTER_FILE_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class TextLimit:
    """How long a field may be, and whether it is one line (no control characters at all)."""

    label: str
    max_chars: int
    one_line: bool = True

    def problem(self, text: str) -> str | None:
        """A sentence fragment ("the legal name is longer than 200 characters"), or None."""
        if len(text) > self.max_chars:
            return say("core.limits", "the {label} is longer than {max_chars:,} characters",
                       label=self.label, max_chars=self.max_chars)
        allowed = "" if self.one_line else "\t\n\r"
        if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text):
            return say("core.limits", "the {label} contains control characters", label=self.label)
        return None

    def check(self, text: str) -> str:
        """``text`` when it fits; else a ValidationError with one sentence."""
        if len(text) > self.max_chars:
            raise ValidationError(say("core.limits", "The {label} is longer than {max_chars:,} characters.",
                                      label=self.label, max_chars=self.max_chars))
        if self.problem(text):
            raise ValidationError(say("core.limits", "The {label} contains control characters.", label=self.label))
        return text


RECORD_NUMBER = TextLimit(QT_TRANSLATE_NOOP("core.limits", "record number"), 40)
PREFERRED_NAME = TextLimit(QT_TRANSLATE_NOOP("core.limits", "preferred name"), 200)
LEGAL_NAME = TextLimit(QT_TRANSLATE_NOOP("core.limits", "legal name"), 200)
LANGUAGE = TextLimit(QT_TRANSLATE_NOOP("core.limits", "language"), 20)
GOAL = TextLimit(QT_TRANSLATE_NOOP("core.limits", "treatment goal"), 200)
RELATIVE_NAME = TextLimit(QT_TRANSLATE_NOOP("core.limits", "relative's name"), 200)
RELATIONSHIP = TextLimit(QT_TRANSLATE_NOOP("core.limits", "relationship"), 60)
STAFF_NAME = TextLimit(QT_TRANSLATE_NOOP("core.limits", "staff name"), 200)
GROUP_NAME = TextLimit(QT_TRANSLATE_NOOP("core.limits", "group name"), 200)
ROOM = TextLimit(QT_TRANSLATE_NOOP("core.limits", "room"), 100)
USERNAME = TextLimit(QT_TRANSLATE_NOOP("core.limits", "user name"), 64)
FULL_NAME = TextLimit(QT_TRANSLATE_NOOP("core.limits", "full name"), 200)
CREDENTIALS = TextLimit(QT_TRANSLATE_NOOP("core.limits", "credentials"), 100)
CANCEL_REASON = TextLimit(QT_TRANSLATE_NOOP("core.limits", "reason"), 500)
OBSERVATION = TextLimit(QT_TRANSLATE_NOOP("core.limits", "observation"), 1000, one_line=False)
NOTE_SECTION = TextLimit(QT_TRANSLATE_NOOP("core.limits", "note section"), 20_000, one_line=False)
ADDENDUM = TextLimit(QT_TRANSLATE_NOOP("core.limits", "addendum"), 20_000, one_line=False)
COMMENT = TextLimit(QT_TRANSLATE_NOOP("core.limits", "comment"), 5_000, one_line=False)
# A role-play player as typed in the runner (a first name or initials); the run tables hold 100.
PLAYER_LABEL = TextLimit(QT_TRANSLATE_NOOP("core.limits", "player's name"), 100)
# A note's stored content is its sections as JSON: room for ten full sections and the quoting.
NOTE_CONTENT_MAX_CHARS = 250_000

# (table, column) -> the most characters the database accepts (checked there too).
DATABASE_TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("participant", "record_number"): RECORD_NUMBER.max_chars,
    ("participant", "preferred_name"): PREFERRED_NAME.max_chars,
    ("participant", "legal_name"): LEGAL_NAME.max_chars,
    ("participant", "language"): LANGUAGE.max_chars,
    ("participant_goal", "text"): GOAL.max_chars,
    ("relative", "name"): RELATIVE_NAME.max_chars,
    ("relative", "relationship"): RELATIONSHIP.max_chars,
    ("staff", "name"): STAFF_NAME.max_chars,
    ("care_group", "name"): GROUP_NAME.max_chars,
    ("care_group", "room"): ROOM.max_chars,
    ("user_account", "username"): USERNAME.max_chars,
    ("user_account", "full_name"): FULL_NAME.max_chars,
    ("user_account", "credentials"): CREDENTIALS.max_chars,
    ("meeting", "cancel_reason"): CANCEL_REASON.max_chars,
    ("note_observation", "text"): OBSERVATION.max_chars,
    ("note_addendum", "text"): ADDENDUM.max_chars,
    ("progress_note", "content"): NOTE_CONTENT_MAX_CHARS,
    ("progress_note", "return_comment"): COMMENT.max_chars,
    ("progress_note", "error_reason"): COMMENT.max_chars,
}

# (table, column) of every date a user or a file gives; kept to EARLIEST_DATE..LATEST_DATE.
DATABASE_DATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("participant", "date_of_birth"),
    ("participant", "program_start"),
    ("care_group", "start_date"),
    ("care_group", "end_date"),
    ("enrollment", "start_date"),
    ("enrollment", "end_date"),
    ("meeting", "local_day"),
)


def date_problem(value: date | None, label: str) -> str | None:
    """A sentence fragment when ``value`` is outside 1900–2100, else None."""
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        return say("core.limits", "the {label} {day} is not between {earliest} and {latest}",
                   label=label, day=value.isoformat(), earliest=EARLIEST_DATE.year, latest=LATEST_DATE.year)
    return None


def check_date(value: date, label: str) -> date:
    if date_problem(value, label):
        raise ValidationError(out_of_range(value, label))
    return value


def out_of_range(value: date, label: str) -> str:
    """The sentence for a date outside 1900–2100 ("The date of birth 3026-01-01 is not between ...")."""
    return say("core.limits", "The {label} {day} is not between {earliest} and {latest}.",
               label=label, day=value.isoformat(), earliest=EARLIEST_DATE.year, latest=LATEST_DATE.year)


def parse_date(text: str, label: str = "date") -> date:
    """A date typed as 2026-03-01, between 1900 and 2100; a ValidationError sentence otherwise."""
    try:
        value = date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        shown = text if len(text) <= 20 and text.isprintable() else text[:20].encode("unicode_escape").decode() + "…"
        raise ValidationError(say("core.limits", "The {label} {shown!r} is not a date like 2026-03-01.",
                                  label=label, shown=shown)) from None
    return check_date(value, label)


def report_range_problem(first: date, last: date) -> str | None:
    """A sentence when a report's range cannot be run at all (order, or outside 1900–2100)."""
    for value, label in ((first, QT_TRANSLATE_NOOP("core.limits", "first day")),
                         (last, QT_TRANSLATE_NOOP("core.limits", "last day"))):
        if date_problem(value, label):
            return out_of_range(value, label)
    if last < first:
        return say("core.limits", "The report's end date is before its start date.")
    return None


def report_needs_confirmation(first: date, last: date) -> bool:
    """A report over more than three years asks first: it is slow and rarely meant."""
    return (last - first).days > REPORT_CONFIRM_DAYS


def file_too_big(size: int, limit: int, what: str, name: str) -> str | None:
    if size > limit:
        return say("core.limits", "The {what} {name} is {megabytes:.1f} MB; the largest Facilitator reads is "
                   "{limit_mb} MB.", what=what, name=name, megabytes=size / 1_048_576, limit_mb=limit // 1_048_576)
    return None
