"""Two workstations on one sheet, as counselors see it: the conflict dialog, and live refresh."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from roster_world import account, services, staff_id, work_on

from facilitator.core.attendance import AttendanceStatus, Track, WeeklySchedule, local_instant
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import GroupType
from facilitator.core.permissions import UserRole
from facilitator.core.roster import AttendanceMark, GroupDraft, ParticipantDraft
from facilitator.store.attendance import AttendanceService
from facilitator.store.roster import RosterService
from facilitator.ui import operations
from facilitator.ui.conflict_dialog import ConflictDialog

ZONE = ZoneInfo("America/Chicago")
DAY = date(2026, 3, 19)
NAMES = ["Ana", "Ben", "Cal", "Dee"]


@pytest.fixture
def clinic(engine, shipped_library):  # type: ignore[no-untyped-def]
    """One evening group led by Dana and Eve; Dana's workstation runs the UI, Eve's another Work."""
    clock = FakeClock(local_instant(DAY, time(17, 50), ZONE))
    roster, attendance, settings, _ = services(engine, shipped_library, clock)
    group = roster.create_group(GroupDraft(
        name="Evening skills", group_type=GroupType.SKILLS, track=Track(("skills-core",), True),
        schedule=WeeklySchedule((1, 3), time(18), 180), start_date=date(2026, 3, 3), facilitators=("Dana Lee", "Eve Co")))
    people = {}
    for n, name in enumerate(NAMES):
        p = roster.create_participant(ParticipantDraft(f"R{n}", name, f"{name} Legal", date(2026, 3, 1)))
        roster.enroll(group.id, p.id, date(2026, 3, 3))
        people[name] = p
    attendance.plan_meetings(group.id, DAY + timedelta(days=7))
    meeting = attendance.meetings_on(DAY)[0].meeting
    dana = account(engine, "dana", UserRole.FACILITATOR, "Dana Lee", staff_id(engine, "Dana Lee"))
    eve = account(engine, "eve", UserRole.FACILITATOR, "Eve Co", staff_id(engine, "Eve Co"))
    here = work_on(engine, clock, dana, workstation="room-a")
    there = work_on(engine, clock, eve, workstation="front-desk")
    return {
        "here": (RosterService(here), AttendanceService(here, settings, shipped_library), here),
        "there": (RosterService(there), AttendanceService(there, settings, shipped_library), there),
        "meeting": meeting, "people": people, "check": attendance,
    }


def idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not operations.busy())


def saved(clinic) -> dict[str, AttendanceStatus | None]:  # type: ignore[no-untyped-def]
    return {r.name: r.status for r in clinic["check"].sheet(clinic["meeting"].id)}


def eve_marks(clinic, name: str, status: AttendanceStatus) -> None:  # type: ignore[no-untyped-def]
    """Eve, on the front-desk workstation, marks someone from the sheet as she reads it."""
    _, attendance, _ = clinic["there"]
    row = next(r for r in attendance.sheet(clinic["meeting"].id) if r.name == name)
    attendance.save_attendance(clinic["meeting"].id, [AttendanceMark(
        status, row.participant_id, attendance_id=row.attendance_id, version=row.version)])


def answer_conflict(qtbot, button: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """When the conflict dialog opens, note what it says and press one of its buttons."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(10, press)
            return
        seen.append(dialog.message.text())
        qtbot.mouseClick(getattr(dialog, f"{button}_button"), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def open_sheet(qtbot, clinic):  # type: ignore[no-untyped-def]
    from facilitator.ui.operations import ChangeHub
    from facilitator.ui.today_view import TodayPage

    roster, attendance, work = clinic["here"]
    hub = ChangeHub(work)
    page = TodayPage(attendance, roster, hub=hub)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not operations.busy())  # the day's first read runs off the GUI thread
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.sheet.load(clinic["meeting"].id)
    page.sheet.focus_table()
    return page, hub


def type_marks(qtbot, page, keys: str) -> None:  # type: ignore[no-untyped-def]
    page.sheet.table.setCurrentCell(0, 1)
    for key in keys:
        qtbot.keyClicks(page.sheet.table, key)


@pytest.mark.parametrize("choice", ["cancel", "reload", "overwrite"])
def test_a_conflict_on_the_sheet_offers_each_choice_and_does_what_it_says(qtbot, clinic, choice: str) -> None:  # type: ignore[no-untyped-def]
    page, hub = open_sheet(qtbot, clinic)
    try:
        type_marks(qtbot, page, "PP")  # Ana and Ben present, on Dana's screen
        eve_marks(clinic, "Ana", AttendanceStatus.ABSENT_EXCUSED)  # meanwhile, at the front desk
        seen: list[str] = []
        answer_conflict(qtbot, choice, seen)
        page.sheet.save()
        qtbot.waitUntil(lambda: bool(seen) and not operations.busy())
        idle(qtbot)
        assert seen[0].startswith("Eve Co changed the attendance of Ana at ")
        on_screen = {r.source.name: r.status for r in page.sheet._rows}
        if choice == "cancel":
            assert saved(clinic)["Ana"] is AttendanceStatus.ABSENT_EXCUSED and saved(clinic)["Ben"] is None
            assert on_screen["Ana"] is AttendanceStatus.PRESENT and on_screen["Ben"] is AttendanceStatus.PRESENT
            assert page.sheet.dirty, "what Dana typed stays on screen"
        elif choice == "reload":
            assert saved(clinic)["Ana"] is AttendanceStatus.ABSENT_EXCUSED and saved(clinic)["Ben"] is None
            assert on_screen["Ana"] is AttendanceStatus.ABSENT_EXCUSED, "Eve's mark is shown"
            assert on_screen["Ben"] is AttendanceStatus.PRESENT and page.sheet.dirty, "Dana's other mark is kept"
            assert "Ana" in page.sheet.message.text()
            page.sheet.save()
            idle(qtbot)
            assert saved(clinic)["Ana"] is AttendanceStatus.ABSENT_EXCUSED
            assert saved(clinic)["Ben"] is AttendanceStatus.PRESENT
        else:
            assert saved(clinic)["Ana"] is AttendanceStatus.PRESENT and saved(clinic)["Ben"] is AttendanceStatus.PRESENT
            assert not page.sheet.dirty
    finally:
        hub.stop()


def test_another_workstations_marks_reach_today_and_the_sheet_without_losing_unsaved_marks(qtbot, clinic) -> None:  # type: ignore[no-untyped-def]
    page, hub = open_sheet(qtbot, clinic)
    hub.watch_other_workstations()
    try:
        assert page.meetings.item(0, 4).text() == "0 of 4"
        # Dana marks Ben but has not saved; Eve saves Ana and Cal at the front desk.
        page.sheet.table.setFocus()
        page.sheet.table.setCurrentCell(1, 1)
        qtbot.keyClicks(page.sheet.table, "L")
        editor = QApplication.focusWidget()
        assert editor is not None and editor is not page.sheet.table  # the arrival time is open for typing
        qtbot.keyClicks(editor, "1820")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
        assert page.sheet.dirty
        eve_marks(clinic, "Ana", AttendanceStatus.PRESENT)
        eve_marks(clinic, "Cal", AttendanceStatus.ABSENT_UNEXCUSED)
        qtbot.waitUntil(lambda: page.meetings.item(0, 4).text() == "2 of 4 (1 in)", timeout=5000)
        qtbot.waitUntil(lambda: page.sheet.banner.isVisible(), timeout=5000)
        assert "Someone else saved marks" in page.sheet.banner.text()
        on_screen = {r.source.name: r for r in page.sheet._rows}
        assert on_screen["Ana"].status is AttendanceStatus.PRESENT and not on_screen["Ana"].changed
        assert on_screen["Cal"].status is AttendanceStatus.ABSENT_UNEXCUSED
        assert on_screen["Ben"].status is AttendanceStatus.LATE and on_screen["Ben"].changed
        assert on_screen["Ben"].arrived_at == local_instant(DAY, time(18, 20), ZONE)
        # Saving now sends only Ben: nobody's mark is lost.
        assert [m.participant_id for m in page.sheet.marks()] == [clinic["people"]["Ben"].id]
        page.sheet.save()
        idle(qtbot)
        assert saved(clinic) == {"Ana": AttendanceStatus.PRESENT, "Ben": AttendanceStatus.LATE,
                                 "Cal": AttendanceStatus.ABSENT_UNEXCUSED, "Dee": None}
        qtbot.waitUntil(lambda: page.meetings.item(0, 4).text() == "3 of 4 (2 in)")
        assert not page.sheet.banner.isVisible()
    finally:
        hub.stop()


def test_a_participant_conflict_offers_their_version_or_to_save_over_it(qtbot, clinic, engine) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from facilitator.ui.participant_editor import ParticipantDialog

    admin = account(engine, "pat", UserRole.ADMINISTRATOR, "Pat Kim")
    other = account(engine, "quinn", UserRole.ADMINISTRATOR, "Quinn Ray")
    mine = RosterService(work_on(engine, clinic["here"][2].clock, admin, workstation="office"))
    theirs = RosterService(work_on(engine, clinic["here"][2].clock, other, workstation="office-2"))
    ana = mine.participant(clinic["people"]["Ana"].id)
    for choice in ("reload", "overwrite"):
        dialog = ParticipantDialog(mine, clinic["check"].rules(), ana)
        qtbot.addWidget(dialog)
        dialog.preferred.clear()
        qtbot.keyClicks(dialog.preferred, f"Annie-{choice}")
        current = theirs.participant(ana.id)
        theirs.update_participant(ana.id, replace(current.draft(), language=f"x-{choice}"), current.version)
        seen: list[str] = []
        answer_conflict(qtbot, choice, seen)
        dialog._on_save()
        qtbot.waitUntil(lambda: bool(seen) and not operations.busy())  # noqa: B023
        idle(qtbot)
        assert "Quinn Ray changed this participant" in seen[0]
        now = theirs.participant(ana.id)
        if choice == "reload":
            assert dialog.preferred.text() == "Ana" and dialog.language.text() == "x-reload"
            assert (now.preferred_name, now.language) == ("Ana", "x-reload")
            assert dialog.record is None, "the dialog stays open on their version"
        else:
            assert (now.preferred_name, now.language) == ("Annie-overwrite", current.language)
            assert dialog.record is not None and dialog.record.preferred_name == "Annie-overwrite"
        ana = now
