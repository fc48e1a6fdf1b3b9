"""Child process for test_notes_kill: type into a note, report when autosave has it, then hang.

argv: database path, meeting id, user id. The parent kills this process with SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.core.clock import SystemClock  # noqa: E402
from facilitator.core.permissions import Principal, UserRole  # noqa: E402
from facilitator.store import db  # noqa: E402
from facilitator.store.audit import AuditLog  # noqa: E402
from facilitator.store.notes import NotesService  # noqa: E402
from facilitator.store.unit_of_work import Work  # noqa: E402
from facilitator.ui import operations  # noqa: E402
from facilitator.ui.notes_view import NotesPage  # noqa: E402


def main() -> None:
    path, meeting_id, user_id, staff_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    app = QApplication(sys.argv[:1])
    engine = db.create_engine(f"sqlite:///{path}")
    clock = SystemClock()
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    service = NotesService(work)
    me = Principal(user_id, "facilitator", "Ana Ruiz", UserRole.FACILITATOR, "CADC-I", True, staff_id)
    page = NotesPage(service, lambda: me)
    page.show()
    page.open_meeting(meeting_id)
    operations.wait_idle()  # the meeting's notes are read on a worker; the editor then holds the group note
    editor = page.editor
    if editor.note is None or not editor.note.is_group:
        print(f"NOT OPEN {editor.note}", flush=True)
        return
    edit = editor.field("group_process")
    last_key = [0.0]

    def saved(_note_id: int) -> None:
        lag = time.monotonic() - last_key[0]
        print(f"SAVED {lag:.3f}", flush=True)  # the parent kills us now

    editor.saved.connect(saved)
    edit.setFocus()
    QTest.keyClicks(edit, "Typed before the kill; must survive.")
    last_key[0] = time.monotonic()
    print("TYPED", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
