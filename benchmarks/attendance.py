"""Attendance at clinic scale: demo clinic write, Today, a sheet save, weekly hours, a report.

usage: .venv/bin/python benchmarks/attendance.py   (prints figures; asserts nothing)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from facilitator.core.attendance import AttendanceStatus
from facilitator.core.clock import SystemClock
from facilitator.core.library import load_library
from facilitator.core.roster import AttendanceMark
from facilitator.paths import shipped_curricula_dir
from facilitator.store import db
from facilitator.store.access import SETUP
from facilitator.store.attendance import AttendanceService
from facilitator.store.audit import AuditLog
from facilitator.store.demo_clinic import fill_demo_clinic
from facilitator.store.roster import RosterService
from facilitator.store.settings_service import ClinicSettings
from facilitator.store.unit_of_work import Work


def timed(fn, repeat: int = 20) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), max(samples)


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    engine = db.create_engine(f"sqlite:///{folder / 'bench.sqlite'}")
    db.upgrade(engine)
    settings = ClinicSettings(engine)
    settings.set("clinic_time_zone", "America/Chicago")
    library = load_library(shipped_curricula_dir())
    clock = SystemClock()
    work = Work(engine, AuditLog(engine, clock), clock)
    work.connect_identity()
    # The benchmark acts for nobody (no account checks), as seeding does; the work is the same.
    attendance = AttendanceService(work, settings, library, SETUP)
    roster = RosterService(work, SETUP)
    t = time.perf_counter()
    counts = fill_demo_clinic(engine, library, clock.now(), "America/Chicago", seed=1)
    print(f"demo clinic written in {(time.perf_counter() - t) * 1000:.0f} ms: {counts}")
    today = attendance.today()
    busiest = max((today - timedelta(days=d) for d in range(1, 8)), key=lambda d: len(attendance.meetings_on(d)))
    med, worst = timed(lambda: attendance.meetings_on(busiest))
    print(f"Today ({len(attendance.meetings_on(busiest))} meetings): median {med:.1f} ms, max {worst:.1f} ms")
    meeting = attendance.meetings_on(busiest)[0].meeting
    rows = attendance.sheet(meeting.id)
    med, worst = timed(lambda: attendance.sheet(meeting.id))
    print(f"open a sheet of {len(rows)}: median {med:.1f} ms, max {worst:.1f} ms")

    def save_whole_sheet() -> None:
        marks = [AttendanceMark(AttendanceStatus.PRESENT, r.participant_id, r.relative_id,
                                attendance_id=r.attendance_id, version=r.version) for r in attendance.sheet(meeting.id)]
        attendance.save_attendance(meeting.id, marks)

    med, worst = timed(save_whole_sheet)
    print(f"read and save a sheet of {len(rows)}: median {med:.1f} ms, max {worst:.1f} ms")
    people = roster.participants()
    first = today - timedelta(weeks=8)
    med, worst = timed(lambda: [attendance.participant_hours(p.id, first, today) for p in people], repeat=3)
    print(f"eight weeks of hours for all {len(people)} participants: median {med:.0f} ms, max {worst:.0f} ms")
    report = attendance.attendance_report(people[1].id, first, today)
    from facilitator.handouts.reports import render_attendance_report

    render_attendance_report(report)  # fonts registered once
    med, worst = timed(lambda: render_attendance_report(attendance.attendance_report(people[1].id, first, today)),
                       repeat=5)
    print(f"attendance report ({len(report.rows)} meetings) built and rendered to PDF: median {med:.0f} ms, "
          f"max {worst:.0f} ms")
    engine.dispose()


if __name__ == "__main__":
    main()
