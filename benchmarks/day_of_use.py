"""A day of use on the ten-year clinic, with the event-loop stall probe running throughout.

Takes the clinic that ``benchmarks/notes.py`` generates (ten years, 50 groups, about 1.3
million notes; it is generated first if missing), adds tonight's group of twelve to it,
opens the real main window on it, and drives a counselor's and a supervisor's day through
the pages as a user would (page by page, row by row): Today, the attendance sheet marked
and saved, the meeting's notes started, a note typed into and autosaved, Groups and its
hours, a switch to the supervisor, the review queue, a co-signature, the audit trail.

A ``StallProbe`` (facilitator/ui/stall_probe.py) asks the GUI thread to tick every 10 ms;
every tick that comes late is a moment the window did not respond. Target: no stall over
100 ms. It prints each stall over 50 ms with what the day was doing at that moment.

    xvfb-run -a .venv/bin/python benchmarks/day_of_use.py [--db FILE]   # or QT_QPA_PLATFORM=offscreen
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "bench-day-password"
TARGET_MS = 100.0


def prepare(db_path: Path) -> dict[str, object]:
    """Tonight's group on the big clinic: 12 enrolled people, a meeting today, two usable accounts."""
    import sqlalchemy as sa

    from facilitator.core.passwords import Passwords

    engine = sa.create_engine(f"sqlite:///{db_path}")
    hashed = Passwords().hash(PASSWORD)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        fac = conn.execute(sa.text(
            "SELECT id, username, staff_id FROM user_account WHERE role = 'facilitator' AND staff_id IS NOT NULL "
            "ORDER BY id LIMIT 1")).one()
        sup = conn.execute(sa.text("SELECT id, username FROM user_account WHERE role = 'supervisor' ORDER BY id LIMIT 1")).one()
        conn.execute(sa.text("UPDATE user_account SET password_hash = :h, must_change_password = :f, failed_attempts = 0, "
                             "locked_until = NULL WHERE id IN (:a, :b)"), {"h": hashed, "f": False, "a": fac.id, "b": sup.id})
        group_id = conn.execute(sa.text("SELECT group_id FROM group_staff WHERE staff_id = :s LIMIT 1"),
                                {"s": fac.staff_id}).scalar_one()
        enrolled = conn.execute(sa.text("SELECT count(*) FROM enrollment WHERE group_id = :g"), {"g": group_id}).scalar_one()
        if not enrolled:
            people = conn.execute(sa.text("SELECT id FROM participant ORDER BY id LIMIT 12")).scalars().all()
            start = (now - timedelta(days=30)).date()
            for pid in people:
                conn.execute(sa.text("INSERT INTO enrollment (group_id, participant_id, start_date) VALUES (:g, :p, :d)"),
                             {"g": group_id, "p": pid, "d": start})
    engine.dispose()
    return {"facilitator": fac.username, "supervisor": sup.username, "group_id": group_id}


class Day:
    def __init__(self, db_path: Path, who: dict[str, object]) -> None:
        from PySide6.QtWidgets import QApplication

        from facilitator.backend import open_backend
        from facilitator.config import AppConfig
        from facilitator.ui.stall_probe import StallProbe

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.folder = Path(tempfile.mkdtemp(prefix="facilitator-day-"))
        self.config = AppConfig.build(data_dir=self.folder, database_url=f"sqlite:///{db_path}",
                                      log_dir=self.folder / "logs", environ={})
        t0 = time.perf_counter()
        self.backend = open_backend(self.config)
        from facilitator.ui.main_window import import_pages

        import_pages()  # the app imports the pages' modules on the worker that opens the backend
        print(f"backend opened in {time.perf_counter() - t0:.2f} s (off the GUI thread in the app)")
        # Tonight's meeting is planned before the day starts, as the schedule would have it.
        from facilitator.store.access import SETUP
        from facilitator.store.attendance import AttendanceService

        setup = AttendanceService(self.backend.work, self.backend.settings, lambda: self.backend.library, SETUP)
        setup.plan_meetings(int(who["group_id"]), setup.today())
        self.who = who
        self.probe = WorkProbe(StallProbe)(interval_ms=10, record_over_ms=50)
        self.window = None

    # -- helpers -------------------------------------------------------------------------------

    def settle(self, seconds: float = 0.3, until=None, limit: float = 60.0) -> None:  # type: ignore[no-untyped-def]
        """Let the event loop run (the probe with it) until operations finish and ``until`` holds."""
        from facilitator.ui import operations

        deadline = time.monotonic() + limit
        quiet_since = None
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.005)
            done = not operations.busy() and (until is None or until())
            if done:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= seconds:
                    return
            else:
                quiet_since = None
        print(f"  (gave up waiting during {self.probe.activity!r})")

    def doing(self, what: str) -> None:
        self.probe.activity = what
        print(f"- {what}")

    def sign_in(self, username: str) -> None:
        """Type the user name and password into the sign-in page and press Enter, as a user does."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from facilitator.ui.main_window import MainWindow

        if self.window is None:
            activity = self.probe.activity
            self.doing("the window opens on the sign-in page")
            self.window = MainWindow(self.config)
            self.window.resize(1400, 900)
            self.window.show()
            self.window.attach(self.backend)  # nobody signed in yet: the sign-in page
            self.settle(0.3)
            self.doing(activity)
        window = self.window
        page = window.session.sign_in_page
        page.username.clear()
        QTest.keyClicks(page.username, username)
        QTest.keyClick(page.username, Qt.Key.Key_Return)
        QTest.keyClicks(page.password, PASSWORD)
        started = time.perf_counter()
        QTest.keyClick(page.password, Qt.Key.Key_Return)
        self.settle(0.05, until=lambda: window.gate.currentIndex() == 0 and bool(getattr(window, "_widgets", {})))
        shown = time.perf_counter()
        self.settle(0.5)
        print(f"  pages shown {1000 * (shown - started):.0f} ms after Enter; "
              f"first reads done {1000 * (time.perf_counter() - started):.0f} ms after")

    # -- the day -------------------------------------------------------------------------------

    def run(self) -> int:
        self.probe.start()
        self.doing("facilitator signs in; the window builds its pages")
        self.sign_in(str(self.who["facilitator"]))
        w = self.window
        assert w is not None
        self.doing("Today: tonight's meetings")
        w.show_page("today")
        today = w.today_page
        today.go_today()
        self.settle(0.5)
        self.doing("open tonight's attendance sheet")
        attendance = self.backend.attendance
        meetings = attendance.meetings(int(self.who["group_id"]), attendance.today(), attendance.today())
        if meetings:
            meeting_id = meetings[0].id
            today.select_meeting(meeting_id)
            self.settle(0.5)
            sheet = getattr(today, "sheet", None)
            if sheet is not None:
                self.doing("mark everyone present and save the sheet")
                sheet._on_all_present()
                sheet.save()
                self.settle(0.5, until=lambda: not sheet.saving)
            self.doing("Notes: start tonight's notes")
            w.show_page("notes")
            notes = w.notes_page
            notes.open_meeting(meeting_id, start=True)
            self.settle(1.0)
            editor = getattr(notes, "editor", None)
            if editor is not None and editor.note is not None:
                self.doing("type into a note (autosave)")
                from PySide6.QtTest import QTest

                key = next(iter(editor.note.content), None) or editor.note.sections[0].key
                field = editor.field(key)
                field.setFocus()
                QTest.keyClicks(field, " Engaged in the role play; named two triggers.")
                self.settle(3.0)
        self.doing("Groups: a group's weekly hours")
        w.show_page("groups")
        self.settle(2.0)
        self.doing("the facilitator signs out to switch user (File menu)")
        w.switch_user_action.trigger()
        self.settle(0.5)
        self.doing("the supervisor signs in; Review opens the queue (1,000+ awaiting)")
        self.sign_in(str(self.who["supervisor"]))
        w = self.window
        w.show_page("review")
        self.settle(2.0)
        review = w.review_page
        self.doing("review: open the oldest meeting in the queue")
        queue = getattr(review, "queue", None)
        if queue is not None and queue.topLevelItemCount():
            first = queue.topLevelItem(0)
            queue.setCurrentItem(first.child(0) if first.childCount() else first)
            self.settle(1.0)
        self.doing("the audit trail")
        from facilitator.ui.audit_view import AuditDialog

        dialog = AuditDialog(self.backend, w) if _takes_backend(AuditDialog) else None
        if dialog is not None:
            dialog.show()
            self.settle(2.0)
            dialog.close()
        report = self.probe.stop()
        print()
        print(f"ticks: {report.ticks}; worst stall: {report.worst_ms:.0f} ms (target under {TARGET_MS:.0f} ms)")
        for ms, what in sorted(report.stalls, reverse=True)[:15]:
            print(f"  {ms:6.0f} ms  during: {what}")
        over = report.over(TARGET_MS)
        print(f"stalls over {TARGET_MS:.0f} ms: {len(over)}")
        print(f"most work on the GUI thread between two ticks: {self.probe.worst_work_ms:.0f} ms "
              f"(during: {self.probe.worst_work_what})")
        return 0 if not over else 1


def WorkProbe(base):  # type: ignore[no-untyped-def]  # noqa: N802
    """The stall probe, also noting how much of each late tick the GUI thread spent working.

    A late tick is either work on the GUI thread or the GUI thread waiting: for the CPU (a busy
    machine) or for the interpreter lock a worker holds. ``time.thread_time`` tells them apart.
    """

    class Probe(base):  # type: ignore[misc, valid-type]
        def start(self) -> None:
            self._cpu = time.thread_time()
            self.worst_work_ms, self.worst_work_what = 0.0, ""
            super().start()

        def _tick(self) -> None:
            cpu = time.thread_time()
            work_ms, self._cpu = (cpu - self._cpu) * 1000, cpu
            if work_ms > self.worst_work_ms:
                self.worst_work_ms, self.worst_work_what = work_ms, self.activity
            count = len(self.report.stalls)
            super()._tick()
            if len(self.report.stalls) > count:
                ms, what = self.report.stalls[-1]
                self.report.stalls[-1] = (ms, f"{what} [GUI thread working {work_ms:.0f} ms of it]")

    return Probe


def _takes_backend(cls) -> bool:  # type: ignore[no-untyped-def]
    import inspect

    return "backend" in inspect.signature(cls.__init__).parameters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/facilitator-bench-notes.sqlite"))
    args = parser.parse_args()
    if not args.db.exists():
        print(f"Generating the ten-year clinic at {args.db} (benchmarks/notes.py; several minutes)…")
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "notes.py"), "--db", str(args.db)], check=True)
    who = prepare(args.db)
    return Day(args.db, who).run()


if __name__ == "__main__":
    raise SystemExit(main())
