"""Pressing "Save attendance" with the mouse saves (its clicked(bool) once reached save's "then")."""

from __future__ import annotations

from datetime import time

import sqlalchemy as sa
from PySide6.QtCore import Qt

from facilitator.core.attendance import Track, WeeklySchedule
from facilitator.core.curriculum import GroupType
from facilitator.core.roster import GroupDraft, ParticipantDraft
from facilitator.ui import operations


def test_the_save_button_saves_the_marks(qtbot, main_window, backend) -> None:  # type: ignore[no-untyped-def]
    roster, attendance = backend.roster, backend.attendance
    today = attendance.today()
    group = roster.create_group(GroupDraft(
        name="Tonight", group_type=GroupType.SKILLS, track=Track(("skills-core",), True),
        schedule=WeeklySchedule(tuple(range(7)), time(23, 0), 60), start_date=today, room="Room C"))
    ben = roster.create_participant(ParticipantDraft("T01", "Ben", "Ben Legal", today))
    roster.enroll(group.id, ben.id, today)
    attendance.plan_meetings(group.id, today)
    main_window.show_page("today")
    page = main_window.today_page
    page.refresh()
    qtbot.waitUntil(lambda: page.meetings.rowCount() > 0)
    page.meetings.setFocus()
    page.meetings.selectRow(0)
    qtbot.keyClick(page.meetings, Qt.Key.Key_Return)
    table = page.sheet.table
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_P)
    qtbot.mouseClick(page.sheet.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operations.busy())
    with backend.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT participant_id, status FROM attendance")).all()
    assert [tuple(r) for r in rows] == [(ben.id, "present")]
    assert page.sheet.message.text().startswith("Saved 1 change")
