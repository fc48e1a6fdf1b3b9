"""The notes service: its parts, put together under one name."""

from __future__ import annotations

from .lifecycle import NoteLifecycle
from .lists import NoteLists
from .printing import NotePrinting


class NotesService(NoteLifecycle, NoteLists, NotePrinting):
    """Write, autosave, sign, review, amend, list, read and print progress notes.

    ``NotesService(work, settings, library)``: every call names the principal it acts for
    (the signed-in user) and runs in one unit of work of ``work`` (see ``base``).
    """
