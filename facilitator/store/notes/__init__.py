"""Progress notes: write, autosave, sign, review, amend, list and print them.

The package is split where the unit of work gives it seams (``base`` holds what the parts
share: the unit-of-work factory, the settings readers, turning rows into views):

- ``views``: the plain values handed out (``NoteView``, ``MeetingNotes``, ...) and the
  warnings over a meeting's notes;
- ``settings``: the clinic settings notes read (format, deadline, time zone);
- ``facts``: what a meeting's notes start from, read from other areas' tables;
- ``reading``: one note, a meeting's notes, the rounds, the chart;
- ``lifecycle``: drafts, signing, review, addenda, observations, a group's format;
- ``lists``: the review queue, my notes, meetings to document;
- ``printing``: print and export models.
"""

from __future__ import annotations

from ...core.notes import NoteStateError
from .service import NotesService
from .views import (
    AbsentPerson,
    AddendumView,
    DraftSaved,
    LateDraft,
    MeetingNotes,
    MyNotes,
    NotesError,
    NoteSummary,
    NoteView,
    ObservationView,
    OnTimeRate,
    QueueItem,
    ReviewDesk,
    RoundView,
    UndocumentedMeeting,
    meeting_warnings,
)

__all__ = [
    "AbsentPerson",
    "AddendumView",
    "DraftSaved",
    "LateDraft",
    "MeetingNotes",
    "MyNotes",
    "NoteStateError",
    "NoteSummary",
    "NoteView",
    "NotesError",
    "NotesService",
    "ObservationView",
    "OnTimeRate",
    "QueueItem",
    "ReviewDesk",
    "RoundView",
    "UndocumentedMeeting",
    "meeting_warnings",
]
