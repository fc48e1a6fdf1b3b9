"""First run, sign in, idle lock, sign out and switch user, acted out like a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from facilitator.backend import open_backend
from facilitator.config import AppConfig
from facilitator.core.clock import FakeClock
from facilitator.core.passwords import Passwords, fast_hasher
from facilitator.ui.session import PUBLIC_WINDOW_PROPERTY

ADMIN_PW = "admin-pass-1"


@pytest.fixture
def fresh_backend(config: AppConfig):  # type: ignore[no-untyped-def]
    """A backend on an empty clinic database: no accounts, nobody signed in."""
    b = open_backend(config)
    b.accounts.passwords = Passwords(fast_hasher())  # type: ignore[union-attr]
    yield b
    b.dispose()


@pytest.fixture
def clinic(fresh_backend):  # type: ignore[no-untyped-def]
    """An administrator and a facilitator exist; nobody is signed in."""
    accounts = fresh_backend.accounts
    admin = accounts.create_first_administrator("admin", "Avery Admin", ADMIN_PW)
    accounts.create_account(
        admin, username="fay", full_name="Fay Lead", role="facilitator", password="fay-pass-12",
        credentials="CADC", must_change_password=False,
    )
    return fresh_backend


@pytest.fixture
def window(qtbot, clinic):  # type: ignore[no-untyped-def]
    from facilitator.ui.main_window import MainWindow

    w = MainWindow(clinic.config)
    w.clock = FakeClock()
    qtbot.addWidget(w)
    w.attach(clinic)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def runners_written(clinic, qtbot):  # type: ignore[no-untyped-def]
    """Close every runner and let its save queue finish while the clinic's database still exists."""
    yield
    from PySide6.QtWidgets import QApplication

    from facilitator.ui import operations
    from facilitator.ui.runner import RunnerWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, RunnerWindow) and not widget.controller.closed:
            widget.close()
    operations.wait_idle()


def audit_actions(backend) -> list[str]:  # type: ignore[no-untyped-def]
    with backend.engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT action FROM audit_entry ORDER BY seq")).scalars())


def settled(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the password check and the pages' first reads, which run off the GUI thread."""
    from facilitator.ui import operations

    qtbot.waitUntil(lambda: not operations.busy())


def sign_in(qtbot, window, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page = window.session.sign_in_page
    assert window.gate.currentWidget() is page
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClick(page.username, Qt.Key.Key_Return)  # moves to the password field
    qtbot.keyClicks(page.password, password)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread


def test_first_run_asks_for_the_administrator(qtbot, fresh_backend) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui.main_window import MainWindow

    window = MainWindow(fresh_backend.config)
    qtbot.addWidget(window)
    window.attach(fresh_backend)
    window.show()
    page = window.session.first_run_page
    assert window.gate.currentWidget() is page
    assert not getattr(window, "_widgets", {})  # no pages before anyone signs in
    qtbot.keyClicks(page.full_name, "Riley Root")
    qtbot.keyClicks(page.username, "root")
    qtbot.keyClicks(page.password, "root-pass-1")
    qtbot.keyClicks(page.confirm, "root-pass-2")
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert "differ" in page.message.text()
    qtbot.keyClicks(page.confirm, "root-pass-1")
    qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert fresh_backend.principal.username == "root"
    assert window.gate.currentIndex() == 0 and window.page("groups").isVisible(), "an administrator works on Groups"
    with fresh_backend.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT role, password_hash FROM user_account")).one()
    assert row.role == "administrator" and row.password_hash.startswith("$argon2id$")
    assert audit_actions(fresh_backend) == ["account change", "sign-in"]
    assert window.accounts_action.isEnabled() and window.backup_action.isEnabled()


def test_sign_in_refuses_a_wrong_password_then_opens(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    assert window.gate.currentWidget() is window.session.sign_in_page
    assert not window.nav.isEnabled()
    sign_in(qtbot, window, "fay", "nope")
    assert "not right" in window.session.sign_in_page.message.text()
    assert clinic.principal is None
    sign_in(qtbot, window, "fay", "fay-pass-12")
    assert clinic.principal.username == "fay"
    assert window.gate.currentIndex() == 0 and window.nav.isEnabled()
    assert "Fay Lead, CADC" in window.session.user_label.text()
    # a facilitator gets no administration
    assert not window.accounts_action.isEnabled() and not window.audit_action.isEnabled()
    assert not window.backup_action.isEnabled()
    assert audit_actions(clinic)[-2:] == ["failed sign-in", "sign-in"]


def test_idle_lock_hides_records_and_covers_dialogs_but_not_the_room_display(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "fay-pass-12")
    clock = window.clock
    session = window.session
    assert session.idle is not None and session.idle.timer.isActive()
    assert session.idle.tracker.timeout_seconds == 300  # the default: five minutes

    dialog = QDialog(window)
    dialog.setWindowTitle("Some record")
    secret = QLabel("Participant: Blake Hollis", dialog)
    QVBoxLayout(dialog).addWidget(secret)
    dialog.show()
    room = QWidget()
    room.setProperty(PUBLIC_WINDOW_PROPERTY, True)
    room.show()
    qtbot.addWidget(room)

    clock.advance(200)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # activity resets the idle time
    clock.advance(200)
    session.idle.check()
    assert not session.is_locked
    clock.advance(100)
    session.idle.check()
    assert session.is_locked
    lock_page = session.lock_page
    assert window.gate.currentWidget() is lock_page
    shown_page = window.stack.currentWidget()
    assert not shown_page.isVisible() and not window.nav.isVisible()
    panel = session._covers[dialog][0]
    assert panel.isVisible() and panel.geometry() == dialog.rect() and not secret.isEnabled()
    assert room not in session._covers and room.isVisible()
    # shortcuts and menus are off while locked (quitting stays possible: it discloses nothing)
    assert window.quit_action.isEnabled()
    assert not window.settings_action.isEnabled() and not window.sign_out_action.isEnabled()
    assert not any(a.isEnabled() for a in window.findChildren(QAction) if a.text().startswith(("Library", "Today")))

    qtbot.keyClicks(lock_page.password, "wrong")
    qtbot.keyClick(lock_page.password, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert "not right" in lock_page.message.text() and session.is_locked
    qtbot.keyClicks(panel.password, "fay-pass-12")  # unlocking from the covered dialog works too
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert not session.is_locked
    assert window.gate.currentIndex() == 0 and shown_page.isVisible()
    assert secret.isEnabled() and dialog not in session._covers
    assert window.sign_out_action.isEnabled()
    assert audit_actions(clinic)[-3:] == ["lock", "failed sign-in", "unlock"]


def test_the_idle_time_is_a_clinic_setting(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    clinic.sign_in("admin", ADMIN_PW)  # a clinic setting: the administrator's to change
    clinic.settings.set("idle_lock_minutes", "2")
    clinic.sign_out()
    sign_in(qtbot, window, "fay", "fay-pass-12")
    window.clock.advance(119)
    window.session.idle.check()
    assert not window.session.is_locked
    window.clock.advance(1)
    window.session.idle.check()
    assert window.session.is_locked


def test_lock_by_shortcut_and_sign_out_from_the_lock_screen(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "fay-pass-12")
    window.lock_action.trigger()
    session = window.session
    assert session.is_locked
    qtbot.mouseClick(session.lock_page.switch, Qt.MouseButton.LeftButton)
    assert clinic.principal is None
    assert window.gate.currentWidget() is session.sign_in_page
    assert not window._widgets  # every page with records is gone
    sign_in(qtbot, window, "admin", ADMIN_PW)
    assert clinic.principal.username == "admin"
    assert window.accounts_action.isEnabled() and window.audit_action.isEnabled()
    assert window.page("groups").isVisible()
    assert audit_actions(clinic)[-3:] == ["lock", "sign-out", "sign-in"]


def test_five_wrong_passwords_at_the_lock_screen_sign_out(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "fay-pass-12")
    window.session.lock()
    for _ in range(5):
        page = window.session.lock_page
        if page is None:
            break
        qtbot.keyClicks(page.password, "wrong")
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
        settled(qtbot)  # the password is checked on the writer thread
    assert clinic.principal is None
    assert "signed out" in window.session.sign_in_page.message.text()


def test_a_reset_password_must_be_changed_at_sign_in(qtbot, window, clinic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import session as session_module

    admin = clinic.accounts.authenticate("admin", ADMIN_PW)
    fay = clinic.accounts.find(admin, "fay")
    clinic.accounts.reset_password(admin, fay.id, "temporary-9")

    def fill_and_accept(dialog) -> int:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.current, "temporary-9")
        qtbot.keyClicks(dialog.new, "fays-own-pass-4")
        qtbot.keyClicks(dialog.confirm, "fays-own-pass-4")
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(session_module.ChangePasswordDialog, "exec", fill_and_accept)
    sign_in(qtbot, window, "fay", "temporary-9")
    assert clinic.principal.username == "fay" and not clinic.principal.must_change_password
    assert clinic.accounts.authenticate("fay", "fays-own-pass-4")


def test_refusing_to_change_a_reset_password_signs_out(qtbot, window, clinic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import session as session_module

    admin = clinic.accounts.authenticate("admin", ADMIN_PW)
    clinic.accounts.reset_password(admin, clinic.accounts.find(admin, "fay").id, "temporary-9")
    monkeypatch.setattr(session_module.ChangePasswordDialog, "exec", lambda self: 0)
    sign_in(qtbot, window, "fay", "temporary-9")
    assert clinic.principal is None and not getattr(window, "_widgets", {})


@pytest.mark.sqlite_file
def test_closing_takes_an_automatic_backup_and_signs_out(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "fay-pass-12")
    window.close()
    backups = list(Path(clinic.config.backup_dir).glob("auto-*.sqlite"))
    assert len(backups) == 1 and Path(str(backups[0]) + ".sha256").exists()
    assert audit_actions(clinic)[-2:] == ["backup", "sign-out"]


def test_demo_signs_in_the_facilitator(tmp_path: Path) -> None:
    config = AppConfig.build(data_dir=tmp_path / "demo", log_dir=tmp_path / "logs", demo=True, environ={})
    backend = open_backend(config)
    try:
        assert backend.principal is not None and backend.principal.username == "facilitator"
        assert backend.principal.staff_id is not None  # leads the demo groups of Priya Raman
    finally:
        backend.dispose()


def test_the_readme_documents_the_demo_accounts() -> None:
    from facilitator.store.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for account in DEMO_ACCOUNTS:
        assert f"`{account.username}`" in readme
    assert f"`{DEMO_PASSWORD}`" in readme


def test_a_running_room_display_keeps_its_timer_while_the_runner_is_locked(qtbot, window, clinic, runners_written) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.agenda_clock import AgendaClock, WrapUpRule
    from facilitator.core.curriculum import AgendaItem, Curriculum, CurriculumSession, GroupType, ItemKind
    from facilitator.store.runs import RunStore
    from facilitator.ui.runner import RunnerSettings, RunnerWindow

    sign_in(qtbot, window, "fay", "fay-pass-12")
    session_ = CurriculumSession(
        id="s", title="Saying No", minutes=30, objectives=("Say no.",),
        agenda=(AgendaItem("Teaching", ItemKind.TEACHING, 20, script="Private script."), AgendaItem("Wrap", ItemKind.CHECK_OUT, 10)),
    )
    curriculum = Curriculum(id="c", title="C", group_type=GroupType.SKILLS, summary="s", session_minutes=30, sessions=(session_,))
    clock = window.clock

    class Silent:
        enabled = False

        def play(self, cue) -> None:  # type: ignore[no-untyped-def]
            pass

    runner = RunnerWindow(
        curriculum, session_, AgendaClock(session_.agenda, clock, 30 * 60), clock=clock,
        settings=RunnerSettings(WrapUpRule(), 120, False), store=RunStore(clinic.work), chime=Silent(),  # type: ignore[arg-type]
    )
    runner.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(runner)
    runner.show()
    runner.actions["start"].trigger() if "start" in runner.actions else runner.clock.start()
    runner.actions["display"].setChecked(True)
    runner._on_display_toggled()
    display = runner.display
    qtbot.addWidget(display)
    clock.advance(60)
    runner._on_tick()
    before = display.timer.text()

    window.session.lock()
    assert runner in window.session._covers and display not in window.session._covers
    assert display.isVisible()
    assert not runner.actions["display"].isEnabled()  # the runner's shortcuts wait for the unlock
    clock.advance(60)
    runner._on_tick()
    assert display.timer.text() != before  # the room's timer kept going
    assert "Private script" not in " ".join(label.text() for label in display.findChildren(QLabel))
    window.session.unlock()
    assert runner.actions["display"].isEnabled() and runner not in window.session._covers
    runner.actions["display"].setChecked(False)
    runner._on_display_toggled()


@pytest.mark.sqlite_file
def test_file_back_up_and_restore_as_an_administrator(qtbot, window, clinic, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "fay-pass-12")
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    window.session.switch_user()
    sign_in(qtbot, window, "admin", ADMIN_PW)
    assert window.backup_action.isEnabled() and window.restore_action.isEnabled()
    target = tmp_path / "usb" / "clinic.sqlite"
    assert window.session.backup_database(target) == target
    assert target.exists() and Path(str(target) + ".sha256").exists()
    assert "Backed up" in window.statusBar().currentMessage()

    admin = clinic.principal
    clinic.accounts.create_account(
        admin, username="late", full_name="Added After", role="facilitator", password="late-pass-12"
    )
    assert window.session.restore_database(target, confirm=False)
    assert not window.isVisible() and clinic.principal is None
    with clinic.engine.connect() as conn:
        names = set(conn.execute(sa.text("SELECT username FROM user_account")).scalars())
        last = conn.execute(sa.text("SELECT action, username, detail FROM audit_entry ORDER BY seq DESC LIMIT 1")).one()
    assert names == {"admin", "fay"}  # the account added after the backup is gone
    assert last.action == "restore" and last.username == "admin" and "kept at" in last.detail
    assert list(Path(clinic.config.backup_dir).glob("before-restore-*.sqlite"))
    assert not list(Path(clinic.config.backup_dir).glob("auto-*.sqlite"))  # no backup of the restored copy on close


def test_a_session_that_ends_under_the_user_keeps_the_pages_and_what_was_typed(qtbot, window, clinic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.clock import SystemClock
    from facilitator.store.accounts import AccountService
    from facilitator.store.audit import AuditLog
    from facilitator.store.unit_of_work import Work
    from facilitator.ui import operations, settings_dialog
    from facilitator.ui.session import SessionEndedPanel

    told: list[str] = []
    monkeypatch.setattr(settings_dialog, "show_error", lambda _p, _t, text: told.append(text))
    admin = clinic.accounts.authenticate("admin", ADMIN_PW)
    clinic.accounts.create_account(admin, username="ada", full_name="Ada Second", role="administrator",
                                   password="ada-pass-12", must_change_password=False)
    # Another workstation: its own unit-of-work factory on the same database, as the first administrator.
    there = AccountService(Work(clinic.engine, AuditLog(clinic.engine), SystemClock(), lambda: admin),
                           Passwords(fast_hasher()))
    sign_in(qtbot, window, "ada", "ada-pass-12")
    window.show_page("library")
    library = window.page("library")
    qtbot.keyClicks(library.search, "refusal")
    dialog = settings_dialog.SettingsDialog(clinic, window.library_state, window, hub=window.hub)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.field("clinic_name")
    qtbot.keyClicks(name, "Harbor House")

    ada = there.find(admin, "ada")
    there.disable(admin, ada.id)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operations.busy())
    session = window.session
    qtbot.waitUntil(lambda: session.is_ended)
    panel = session.ended_page
    assert isinstance(panel, SessionEndedPanel) and window.gate.currentWidget() is panel
    assert "disabled by an administrator" in panel.why.text() and told == []
    assert not library.isVisible() and not window.nav.isVisible()  # nothing visible behind it
    cover = session._covers[dialog][0]
    assert cover.isVisible() and not name.isEnabled()
    assert clinic.principal is None and not window.settings_action.isEnabled()
    assert clinic.settings.value("clinic_name") == ""  # the save did not happen

    # Signing in again is refused while the account is disabled, with the database as it is now.
    qtbot.keyClicks(panel.password, "ada-pass-12")
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert "disabled" in panel.message.text() and session.is_ended and clinic.principal is None

    there.enable(admin, ada.id)
    qtbot.keyClicks(cover.password, "ada-pass-12")  # from the panel over the dialog, as from the page
    qtbot.keyClick(cover.password, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert not session.is_ended and clinic.principal.username == "ada"
    assert window.page("library") is library and library.isVisible()
    assert library.search.text() == "refusal" and name.text() == "Harbor House" and name.isEnabled()
    assert window.settings_action.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not operations.busy())
    assert clinic.settings.value("clinic_name") == "Harbor House"


def test_someone_else_signing_in_after_the_session_ended_gets_fresh_pages(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "fay-pass-12")
    library = window.page("library")
    qtbot.keyClicks(library.search, "refusal")
    window.hub.session_ended.emit("The clinic database was restored from a backup since this computer connected.")
    panel = window.session.ended_page
    assert panel is not None and panel.username.text() == "fay"
    panel.username.clear()
    qtbot.keyClicks(panel.username, "admin")
    qtbot.keyClicks(panel.password, ADMIN_PW)
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert clinic.principal.username == "admin" and not window.session.is_ended
    assert window.page("library") is not library and window.page("library").search.text() == ""


def test_giving_up_after_the_session_ended_signs_out(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "fay-pass-12")
    window.hub.session_ended.emit("Your role changed to supervisor since you signed in; please sign in again.")
    qtbot.mouseClick(window.session.ended_page.give_up, Qt.MouseButton.LeftButton)
    assert clinic.principal is None and not window._widgets
    assert window.gate.currentWidget() is window.session.sign_in_page


def _runner_with_a_role_play(qtbot, window, clinic):  # type: ignore[no-untyped-def]
    """A runner in a role play with three named players, started by keys, the room display on."""
    from PySide6.QtWidgets import QApplication

    from facilitator.core.agenda_clock import AgendaClock, WrapUpRule
    from facilitator.core.curriculum import (
        AgendaItem,
        Curriculum,
        CurriculumSession,
        GroupType,
        ItemKind,
        Phase,
        Role,
        RolePlay,
    )
    from facilitator.store.runs import RunStore
    from facilitator.ui.runner import PlayerInput, RunnerSettings, RunnerWindow

    rp = RolePlay(
        scenario="A friend offers a ride to a party.",
        roles=(Role("Speaker", "Say it plainly."), Role("Listener", "Reflect back.")),
        phases=(Phase("Set-up", 1), Phase("Play", 3), Phase("Feedback", 2)),
        rounds=2,
    )
    session_ = CurriculumSession(
        id="s", title="Listening", minutes=60, objectives=("Listen.",),
        agenda=(
            AgendaItem("Check-in", ItemKind.CHECK_IN, 10, script="Private script: ask about the relapse."),
            AgendaItem("Speaking up", ItemKind.ROLE_PLAY, 12, role_play=rp, script="Private script: pair Blake away from Sam."),
            AgendaItem("Check-out", ItemKind.CHECK_OUT, 10),
        ),
    )
    curriculum = Curriculum(id="c", title="C", group_type=GroupType.SKILLS, summary="s", session_minutes=60, sessions=(session_,))

    class Silent:
        enabled = False

        def play(self, cue) -> None:  # type: ignore[no-untyped-def]
            pass

    runner = RunnerWindow(
        curriculum, session_, AgendaClock(session_.agenda, window.clock, 60 * 60), clock=window.clock,
        settings=RunnerSettings(WrapUpRule(), 120, False), store=RunStore(clinic.work), chime=Silent(),  # type: ignore[arg-type]
        players=[PlayerInput(n) for n in ("Sam", "Ana", "Lee")],
    )
    runner.ask_close = lambda: "keep"  # type: ignore[method-assign]
    qtbot.addWidget(runner)
    runner.show()
    qtbot.waitExposed(runner)
    runner.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is runner)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_N, Qt.Key.Key_D):
        qtbot.keyClick(runner.focusWidget(), key)
    qtbot.addWidget(runner.display)
    window.clock.advance(70)  # round 1, play
    runner.controller.tick()
    return runner


def _shown_text(widget: QWidget) -> str:
    """Every word a visible widget of a window shows (labels, fields, buttons, tables, titles, tips)."""
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTableWidget, QTextEdit

    words = [widget.windowTitle()]
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        words += [w.accessibleName(), w.toolTip()]
        if isinstance(w, QLabel):
            words.append(w.text())
        elif isinstance(w, QLineEdit):
            words += [w.text(), w.placeholderText()]
        elif isinstance(w, QTextEdit):
            words.append(w.toPlainText())
        elif isinstance(w, QAbstractButton):
            words.append(w.text())
        elif isinstance(w, QTableWidget):
            words += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c)]
    return "\n".join(words)


def test_a_lock_during_a_run_shows_only_the_timer_and_title_and_the_clicker_keys_work(qtbot, window, clinic, runners_written) -> None:  # type: ignore[no-untyped-def]
    from facilitator.core.agenda_clock import RunStatus
    from facilitator.ui import operations

    sign_in(qtbot, window, "fay", "fay-pass-12")
    runner = _runner_with_a_role_play(qtbot, window, clinic)
    assert "1 · Sam" in _shown_text(runner) and "Private script" in _shown_text(runner)  # the check can fail
    display = runner.display
    before = display.timer.text()

    window.clock.advance(window.session.idle.tracker.timeout_seconds)
    window.session.idle.check()  # the idle lock, mid-session
    assert window.session.is_locked
    cover = runner.lock_view
    assert cover is not None and cover.isVisible()
    shown = _shown_text(runner)
    for secret in ("Sam", "Ana", "Lee", "Blake", "Private script", "relapse", "Reflect back"):
        assert secret not in shown, secret
    assert cover.title.text() == "Speaking up" and cover.timer.text() == runner.big_clock.text()
    assert display.isVisible() and display not in window.session._covers

    window.clock.advance(30)
    runner.controller.tick()
    assert display.timer.text() != before and cover.timer.text() == runner.big_clock.text()  # both keep time
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_Space)  # a clicker's pause works through the lock
    assert runner.clock.status is RunStatus.PAUSED
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_End)  # ending does not: it waits for the password
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_S)
    assert runner.clock.status is RunStatus.PAUSED and cover.title.text() == "Speaking up"
    qtbot.waitUntil(lambda: not operations.busy())
    record = clinic.runs.load(runner.run_id) if clinic.runs is not None else None
    assert record is not None and record.summary.status is RunStatus.PAUSED

    qtbot.keyClick(cover, Qt.Key.Key_Return)  # Enter: to the password, on purpose
    assert cover.password.hasFocus()
    qtbot.keyClicks(cover.password, "fay-pass-12")  # letters that are shortcuts type here (p, s, -)
    assert runner.clock.status is RunStatus.PAUSED
    qtbot.keyClick(cover.password, Qt.Key.Key_Return)
    settled(qtbot)  # the password is checked on the writer thread
    assert not window.session.is_locked and runner.lock_view is None


def test_after_an_unlock_the_keys_drive_the_session_and_never_type_into_the_players(qtbot, window, clinic, runners_written) -> None:  # type: ignore[no-untyped-def]
    """The reported bug: after an unlock the players were selected whole and N replaced them with "n"."""
    from facilitator.ui import operations

    sign_in(qtbot, window, "fay", "fay-pass-12")
    runner = _runner_with_a_role_play(qtbot, window, clinic)
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_D)  # the room display off again
    runner.agenda.selectRow(2)
    window.session.lock()
    cover = runner.lock_view
    qtbot.keyClick(cover, Qt.Key.Key_Return)
    qtbot.keyClicks(cover.password, "fay-pass-12")
    # QTest's key events put the focus back on the field they were sent to (now hidden), which a
    # real keyboard never does; the Unlock button, clicked, leaves the focus where the app puts it.
    qtbot.mouseClick(cover.panel.unlock, Qt.MouseButton.LeftButton)
    settled(qtbot)  # the password is checked on the writer thread
    assert not window.session.is_locked
    assert runner.focusWidget() is runner.session_pane
    assert not runner.players_edit.hasSelectedText() and not runner.agenda.selectionModel().selectedRows()
    qtbot.keyClick(runner.focusWidget(), Qt.Key.Key_N)  # the next item, not an "n" in the players
    assert runner.item_title.text() == "Check-out"
    assert runner.players_edit.text() == "Sam, Ana, Lee"
    qtbot.waitUntil(lambda: not operations.busy())
    record = clinic.runs.load(runner.run_id)
    assert [p.label for p in record.players] == ["Sam", "Ana", "Lee"]
    seats = {(r.role, r.player_label) for r in record.roles}
    assert ("Speaker", "Sam") in seats and not any(label in ("n", None) for _, label in seats)
    assert [e.action for e in record.events][-1] == "next"


def test_the_window_keeps_answering_while_the_password_is_checked(qtbot, window, clinic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The check runs on the writer thread: the page answers, says it is working past the delay, checks once."""
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog

    from facilitator.ui import operations

    monkeypatch.setattr(operations, "PROGRESS_AFTER_MS", 50)
    release = threading.Event()
    checks: list[str] = []
    verify = clinic.accounts.passwords.verify

    def slow_verify(stored: str, password: str) -> bool:
        checks.append(password)
        assert release.wait(10), "the test never let the check finish"
        return verify(stored, password)

    monkeypatch.setattr(clinic.accounts.passwords, "verify", slow_verify)
    page = window.session.sign_in_page
    qtbot.keyClicks(page.username, "fay")
    qtbot.keyClick(page.username, Qt.Key.Key_Return)
    qtbot.keyClicks(page.password, "fay-pass-12")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(checks))
    # While it runs: the page still takes keys, a second Enter does not check again.
    assert operations.busy() and clinic.principal is None and not page.button.isEnabled()
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(
        isinstance(w, QProgressDialog) and w.isVisible() and "password" in w.labelText()
        for w in QApplication.topLevelWidgets()
    ))
    release.set()
    settled(qtbot)
    assert checks == ["fay-pass-12"]
    assert clinic.principal.username == "fay" and window.gate.currentIndex() == 0
    assert window.page("today").isVisible()
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert audit_actions(clinic)[-1] == "sign-in"


def test_a_database_that_does_not_answer_keeps_what_was_typed(qtbot, window, clinic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy.exc

    def unavailable(username: str, password: str):  # type: ignore[no-untyped-def]
        raise sqlalchemy.exc.OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(clinic, "sign_in", unavailable)
    sign_in(qtbot, window, "fay", "fay-pass-12")
    page = window.session.sign_in_page
    assert "did not answer" in page.message.text()
    assert page.username.text() == "fay" and page.password.text() == "fay-pass-12"
    assert page.button.isEnabled() and clinic.principal is None
    monkeypatch.undo()
    qtbot.mouseClick(page.button, Qt.MouseButton.LeftButton)  # the same typing, once it answers
    settled(qtbot)
    assert clinic.principal.username == "fay" and page.password.text() == ""


def test_a_wrong_password_keeps_the_user_name(qtbot, window, clinic) -> None:  # type: ignore[no-untyped-def]
    sign_in(qtbot, window, "fay", "not-her-password")
    page = window.session.sign_in_page
    assert "not right" in page.message.text()
    assert page.username.text() == "fay" and page.password.text() == "" and page.password.hasFocus()


def test_signing_out_while_the_pages_are_built_stops_the_building(qtbot, window, clinic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from facilitator.ui import operations

    built: list[list[str]] = []
    attach = window.attach

    def attach_then_sign_out(backend) -> None:  # type: ignore[no-untyped-def]
        attach(backend)  # builds the first page now, the others on later turns
        built.append(sorted(window._widgets))
        window.session.sign_out("changed their mind")

    monkeypatch.setattr(window, "attach", attach_then_sign_out)
    sign_in(qtbot, window, "fay", "fay-pass-12")
    assert built == [["library"]]
    assert not operations.busy() and not window._widgets and clinic.principal is None
    assert window.gate.currentWidget() is window.session.sign_in_page
    assert audit_actions(clinic)[-2:] == ["sign-in", "sign-out"]
