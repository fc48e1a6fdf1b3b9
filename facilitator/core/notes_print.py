"""What a printed or exported set of progress notes holds, as plain data for the renderer.

Only signed notes are printed: a draft is not part of the record. Each note carries its
signatures (name, credentials, date), its addenda after the original, and, when it was
entered in error, that mark and the reason. Every such document is a Part 2 disclosure and
carries the 42 CFR 2.32 notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .privacy import PART2_NOTICE


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
