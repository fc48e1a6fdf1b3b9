"""What a printed or exported set of progress notes holds, as plain data for the renderer.

Only signed notes are printed: a draft is not part of the record. Each note carries its
signatures (name, credentials, date), its addenda after the original, and, when it was
entered in error, that mark and the reason. Every such document is a Part 2 disclosure and
carries the 42 CFR 2.32 notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .catalogue import QT_TRANSLATE_NOOP
from .privacy import PART2_NOTICE

CONTEXT = "print.notes"

# The words a printed set of notes carries around the notes' own text (core/print_language.py
# says which language; the store and the renderer look them up with ``tr(language, CONTEXT, …)``).
WORDS = (
    QT_TRANSLATE_NOOP("print.notes", "Progress notes"),
    QT_TRANSLATE_NOOP("print.notes", "Group session notes"),
    QT_TRANSLATE_NOOP("print.notes", "Group note"),
    QT_TRANSLATE_NOOP("print.notes", "{name} (record {record})"),
    QT_TRANSLATE_NOOP("print.notes", "{legal} ({preferred}), record {record}"),
    QT_TRANSLATE_NOOP("print.notes", "{group}, meeting of {day}"),
    QT_TRANSLATE_NOOP("print.notes", "ENTERED IN ERROR ({when}): {reason}"),
    QT_TRANSLATE_NOOP("print.notes", "Clinic"),
    QT_TRANSLATE_NOOP("print.notes", "About"),
    QT_TRANSLATE_NOOP("print.notes", "Period"),
    QT_TRANSLATE_NOOP("print.notes", "Prepared"),
    QT_TRANSLATE_NOOP("print.notes", "{when} by {who}"),
    QT_TRANSLATE_NOOP("print.notes", "Notes"),
    QT_TRANSLATE_NOOP("print.notes", "{count} signed note(s)"),
    QT_TRANSLATE_NOOP("print.notes", "; {count} unsigned draft(s) not included"),
    QT_TRANSLATE_NOOP("print.notes", "No signed notes in this period."),
    QT_TRANSLATE_NOOP("print.notes", "Signed: {signature}"),
    QT_TRANSLATE_NOOP("print.notes", "Co-signed: {signature}"),
    QT_TRANSLATE_NOOP("print.notes", "Status: {status}"),
    QT_TRANSLATE_NOOP("print.notes", "Addendum, {when}, {signature}"),
    QT_TRANSLATE_NOOP("print.notes", "Page {page} of {pages}"),
)


@dataclass(frozen=True)
class PrintedAddendum:
    when: str
    signature: str
    text: str


@dataclass(frozen=True)
class PrintedNote:
    heading: str  # "Group note" or the participant's name and record number
    meeting_line: str  # date, time, group
    note_format: str
    sections: tuple[tuple[str, str], ...]
    status: str
    signed: str  # "Ana Ruiz, CADC-I — 2026-11-02 21:14"
    cosigned: str = ""
    addenda: tuple[PrintedAddendum, ...] = ()
    error: str = ""


@dataclass(frozen=True)
class NotesPrint:
    title: str
    subject: str  # who or what the document is about
    period: str
    clinic_name: str
    prepared_by: str
    generated_at: datetime  # in the clinic's zone: printed as it is
    notes: tuple[PrintedNote, ...]
    omitted_unsigned: int = 0
    notice: str = PART2_NOTICE
    language: str = "en"  # the document's language (core/print_language.py): labels, notice, dates
