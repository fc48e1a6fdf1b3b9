"""Screenshots of the note editor and the supervisor's review screen (run under xvfb-run).

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/tools/shoot_notes.py
"""

import sys
from pathlib import Path

from demo_window import open_demo_window
from PySide6.QtCore import QTimer

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
app, window = open_demo_window()


def drive() -> None:
    if window.backend is None or getattr(window, "notes_page", None) is None:
        QTimer.singleShot(100, drive)
        return
    window.show_page("notes")
    page = window.notes_page
    page.refresh()
    drafts = page.mine.topLevelItem(0)
    page._on_mine_activated(drafts.child(0))
    # an individual note, with a line that names another member to show the warning
    page.note_list.setCurrentRow(min(2, page.note_list.count() - 1))
    editor = page.editor
    others = [p for p in page._meeting.people if p.participant_id != editor.note.participant_id]
    key = editor.note.sections[1].key
    edit = editor.field(key)
    edit.setPlainText(f"Worked with {others[0].preferred_name} on the exercise and stayed engaged.")
    editor.flush()
    QTimer.singleShot(500, shoot_editor)


def shoot_editor() -> None:
    app.primaryScreen().grabWindow(0).save(str(folder / "notes-editor.png"))
    print("saved notes-editor.png")
    session = window.session  # switch user the way a person does: sign out, sign in
    session.sign_out("screenshot", switch=True)
    session.sign_in_page.username.setText("supervisor")
    session.sign_in_page.password.setText("demo")
    session._on_sign_in()
    window.show_page("review")
    window.review_page.refresh()
    QTimer.singleShot(500, shoot_review)


def shoot_review() -> None:
    page = window.review_page
    page.meeting_notes.setCurrentRow(1)  # an individual note: fields, signature, history
    page.queue.expandAll()
    QTimer.singleShot(300, finish)


def finish() -> None:
    app.primaryScreen().grabWindow(0).save(str(folder / "review.png"))
    print("saved review.png")
    app.quit()


QTimer.singleShot(300, drive)
app.exec()
