"""Who is at the keyboard: first run, sign in, sign out, switch user, and the idle lock.

The main window's central area is a stack: the app itself, and the pages shown instead of
it (first run, sign in, locked). Records are never on screen while one of those is up:
pages are only built after sign-in and are destroyed at sign-out, and while the screen is
locked they are hidden behind the lock page, any other Facilitator window (a dialog) is
covered by a lock panel of its own, and every menu action and shortcut is disabled. The
room display is left alone: it shows nothing protected, and its timer must keep going.

Idle time is measured with the injected clock: an application-wide event filter marks
activity, and a coarse timer only asks the tracker whether the time is up.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.clock import Clock
from ..core.idle import DEFAULT_IDLE_LOCK_MINUTES, IdleTracker, parse_idle_minutes
from ..core.permissions import Principal
from .errors import show_error

if TYPE_CHECKING:
    from ..backend import Backend

log = logging.getLogger(__name__)

IDLE_CHECK_MS = 5000
MAX_UNLOCK_FAILURES = 5
PUBLIC_WINDOW_PROPERTY = "facilitatorPublicWindow"
SETTING_IDLE_MINUTES = "idle_lock_minutes"
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


def is_public_window(widget: QWidget) -> bool:
    """Windows that show nothing protected and keep running when the workstation locks."""
    return bool(widget.property(PUBLIC_WINDOW_PROPERTY)) or type(widget).__name__ == "RoomDisplay"


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def _message_label() -> QLabel:
    label = QLabel()
    label.setAccessibleName("Message")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


class _Card(QWidget):
    """A centred, fixed-width form on an otherwise empty page."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        # A fixed width lets word-wrapped labels report their real height.
        self.card.setFixedWidth(480)
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(28, 24, 28, 24)
        self.body.setSpacing(12)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)


class SignInPage(_Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sign in", parent)
        self.title = _heading("Sign in")
        self.clinic = QLabel()
        self.clinic.setAccessibleName("Clinic")
        self.clinic.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.password = _password_field("Password")
        form = QFormLayout()
        user_label = QLabel("&User name:")
        user_label.setBuddy(self.username)
        pass_label = QLabel("&Password:")
        pass_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(pass_label, self.password)
        self.button = QPushButton("&Sign in")
        self.button.setAccessibleName("Sign in")
        self.button.setDefault(True)
        self.message = _message_label()
        note = QLabel(
            "Records here are protected by HIPAA and 42 CFR Part 2. Sign in with your own account; "
            "never share a password."
        )
        note.setWordWrap(True)
        note.setAccessibleName("Privacy note")
        for w in (self.title, self.clinic):
            self.body.addWidget(w)
        self.body.addLayout(form)
        self.body.addWidget(self.button)
        self.body.addWidget(self.message)
        self.body.addWidget(note)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.button.click)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.button)


class FirstRunPage(_Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Create the administrator account", parent)
        self.body.addWidget(_heading("Welcome to Facilitator"))
        intro = QLabel(
            "This clinic has no accounts yet. Create the administrator account first: the administrator "
            "then creates an account for every facilitator and supervisor."
        )
        intro.setWordWrap(True)
        intro.setAccessibleName("Introduction")
        self.body.addWidget(intro)
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName("Full name")
        self.credentials = QLineEdit()
        self.credentials.setAccessibleName("Credentials")
        self.credentials.setPlaceholderText("optional, e.g. LCSW")
        self.username = QLineEdit()
        self.username.setAccessibleName("User name")
        self.username.setPlaceholderText("e.g. admin")
        self.password = _password_field("Password")
        self.confirm = _password_field("Password again")
        form = QFormLayout()
        for text, field in (
            ("&Full name:", self.full_name),
            ("&Credentials:", self.credentials),
            ("&User name:", self.username),
            ("&Password:", self.password),
            ("Password &again:", self.confirm),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.body.addLayout(form)
        self.button = QPushButton("C&reate administrator")
        self.button.setAccessibleName("Create administrator")
        self.button.setDefault(True)
        self.body.addWidget(self.button)
        self.message = _message_label()
        self.body.addWidget(self.message)
        self.confirm.returnPressed.connect(self.button.click)


class LockPanel(_Card):
    """The lock screen: on the main window, and over any other Facilitator window."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__("Locked", parent)
        self.body.addWidget(_heading("Locked"))
        self.who = QLabel(
            f"Facilitator locked itself to protect client records. {who} is signed in; "
            "type the password to go on."
        )
        self.who.setWordWrap(True)
        self.who.setAccessibleName("Who is signed in")
        self.body.addWidget(self.who)
        self.password = _password_field("Password")
        row = QFormLayout()
        label = QLabel("&Password:")
        label.setBuddy(self.password)
        row.addRow(label, self.password)
        self.body.addLayout(row)
        self.unlock = QPushButton("&Unlock")
        self.unlock.setAccessibleName("Unlock")
        self.unlock.setDefault(True)
        self.switch = QPushButton("Sign out and s&witch user")
        self.switch.setAccessibleName("Sign out and switch user")
        self.body.addWidget(self.unlock)
        self.body.addWidget(self.switch)
        self.message = _message_label()
        self.body.addWidget(self.message)
        self.password.returnPressed.connect(self.unlock.click)


class ChangePasswordDialog(QDialog):
    def __init__(self, forced: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change password")
        self.setAccessibleName("Change password")
        layout = QVBoxLayout(self)
        if forced:
            text = QLabel("Your password was set by an administrator. Choose your own before you go on.")
            text.setWordWrap(True)
            text.setAccessibleName("Why")
            layout.addWidget(text)
        self.current = _password_field("Current password")
        self.new = _password_field("New password")
        self.confirm = _password_field("New password again")
        form = QFormLayout()
        for text, field in (
            ("&Current password:", self.current),
            ("&New password:", self.new),
            ("New password &again:", self.confirm),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        hint = QLabel("At least 8 characters; a short sentence is easy to remember and hard to guess.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.message = _message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Change password")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("Change password")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)


class IdleLock(QObject):
    """Marks keyboard and mouse activity anywhere in the app; asks for a lock when time is up."""

    idle = Signal()

    def __init__(self, clock: Clock, timeout_seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tracker = IdleTracker(clock, timeout_seconds)
        self.timer = QTimer(self)
        self.timer.setInterval(IDLE_CHECK_MS)
        self.timer.timeout.connect(self.check)
        self._installed = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self.tracker.touch()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in ACTIVITY_EVENTS:
            self.tracker.touch()
        return False

    def check(self) -> None:
        if self.tracker.should_lock():
            self.idle.emit()


class SessionGate(QObject):
    """Controls sign-in, sign-out, switching user, changing password and the idle lock."""

    signed_in = Signal(object)
    signed_out = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(self, window, backend: Backend, clock: Clock | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self.window = window
        self.backend = backend
        self.clock: Clock = clock or backend.clock  # type: ignore[assignment]
        self.is_locked = False
        self.idle: IdleLock | None = None
        self.lock_page: LockPanel | None = None
        self._covers: dict[QWidget, tuple[LockPanel, list[tuple[QObject, bool]]]] = {}
        self._action_states: dict[QAction, bool] = {}
        self._unlock_failures = 0
        self.sign_in_page = SignInPage()
        self.sign_in_page.button.clicked.connect(self._on_sign_in)
        self.first_run_page = FirstRunPage()
        self.first_run_page.button.clicked.connect(self._on_first_run)
        window.gate.addWidget(self.sign_in_page)
        window.gate.addWidget(self.first_run_page)
        self.user_label = QLabel()
        self.user_label.setAccessibleName("Signed-in user")
        window.statusBar().addPermanentWidget(self.user_label)

    @property
    def principal(self) -> Principal | None:
        return self.backend.principal

    # -- signing in ---------------------------------------------------------------------------

    def ask_sign_in(self, username: str = "") -> None:
        """Show the first-run page (no accounts yet) or the sign-in page."""
        self._set_actions_enabled(False)
        self.user_label.setText("")
        accounts = self.backend.accounts
        assert accounts is not None
        clinic = self.backend.settings.get("clinic_name")
        if not accounts.has_accounts():
            self.window.gate.setCurrentWidget(self.first_run_page)
            self.first_run_page.full_name.setFocus()
            self.window.statusBar().showMessage("Create the administrator account to begin")
            return
        page = self.sign_in_page
        page.clinic.setText(clinic or "")
        page.username.setText(username)
        page.password.clear()
        page.message.clear()
        self.window.gate.setCurrentWidget(page)
        (page.password if username else page.username).setFocus()
        self.window.statusBar().showMessage("Please sign in")

    def _on_sign_in(self) -> None:
        from ..store.accounts import SignInFailed

        page = self.sign_in_page
        username = page.username.text().strip()
        if not username:
            page.message.setText("Please type your user name.")
            page.username.setFocus()
            return
        try:
            with _busy():
                self.backend.sign_in(username, page.password.text())
        except SignInFailed as exc:
            page.message.setText(str(exc))
            page.password.clear()
            page.password.setFocus()
            return
        except Exception:
            log.exception("Sign-in failed unexpectedly")
            page.message.setText("The database did not answer; please try again in a moment.")
            return
        page.password.clear()
        self._after_sign_in()

    def _on_first_run(self) -> None:
        from ..core.passwords import PasswordRejected
        from ..store.accounts import AccountError

        page = self.first_run_page
        if page.password.text() != page.confirm.text():
            page.message.setText("The two passwords differ.")
            page.confirm.clear()
            page.confirm.setFocus()
            return
        accounts = self.backend.accounts
        assert accounts is not None
        try:
            with _busy():
                accounts.create_first_administrator(
                    page.username.text(), page.full_name.text(), page.password.text(), page.credentials.text()
                )
                self.backend.sign_in(page.username.text(), page.password.text())
        except (AccountError, PasswordRejected) as exc:
            page.message.setText(str(exc))
            return
        except Exception:
            log.exception("Creating the first administrator failed")
            page.message.setText("The database did not answer; please try again in a moment.")
            return
        for field in (page.password, page.confirm):
            field.clear()
        self._after_sign_in()

    def _after_sign_in(self) -> None:
        principal = self.principal
        assert principal is not None
        if principal.must_change_password and not self.change_password(forced=True):
            self.sign_out("did not choose a new password")
            return
        self.window.gate.setCurrentIndex(0)
        self.window.attach(self.backend)

    def started(self) -> None:
        """Called by the window once its pages are built for the signed-in user."""
        principal = self.principal
        assert principal is not None
        self._unlock_failures = 0
        self._set_actions_enabled(True)
        self.window.gate.setCurrentIndex(0)
        role = principal.role.label.lower()
        self.user_label.setText(f"Signed in: {principal.signature} ({role})")
        self._start_idle_lock()
        self.update_actions()
        self.signed_in.emit(principal)

    def update_actions(self) -> None:
        """Enable the account menu items the signed-in role may use."""
        from ..core import permissions as perm

        p = self.principal
        window = self.window
        signed = p is not None and not self.is_locked
        for name, allowed in (
            ("sign_out_action", signed),
            ("switch_user_action", signed),
            ("change_password_action", signed),
            ("lock_action", signed),
            ("backup_action", signed and p is not None and perm.can_manage_backups(p)),
            ("restore_action", signed and p is not None and perm.can_manage_backups(p)),
            ("accounts_action", signed and p is not None and perm.can_manage_accounts(p)),
            ("audit_action", signed and p is not None and perm.can_view_audit(p)),
        ):
            action = getattr(window, name, None)
            if action is not None:
                action.setEnabled(allowed)
                action.setVisible(allowed or name in ("sign_out_action", "switch_user_action", "change_password_action", "lock_action"))
        settings_action = getattr(window, "settings_action", None)
        if settings_action is not None:
            settings_action.setEnabled(signed)

    # -- signing out --------------------------------------------------------------------------

    def sign_out(self, detail: str = "", *, switch: bool = False) -> None:
        """Forget the user: pages with records are destroyed and any open dialog closed."""
        self._stop_idle_lock()
        self._remove_covers()
        self.is_locked = False
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and not is_public_window(widget):
                widget.close()
        try:
            self.backend.sign_out(detail or ("switch user" if switch else ""))
        except Exception:
            log.exception("Recording the sign-out failed")
            self.backend.principal = None
        self.window.clear_pages()
        self.signed_out.emit()
        self.ask_sign_in()

    def switch_user(self) -> None:
        self.sign_out(switch=True)

    # -- changing one's password --------------------------------------------------------------

    def change_password(self, forced: bool = False) -> bool:
        from ..core.passwords import PasswordRejected
        from ..store.accounts import AccountError

        principal = self.principal
        accounts = self.backend.accounts
        if principal is None or accounts is None:
            return False
        dialog = ChangePasswordDialog(forced, self.window)

        def submit() -> None:
            if dialog.new.text() != dialog.confirm.text():
                dialog.message.setText("The two new passwords differ.")
                dialog.confirm.clear()
                dialog.confirm.setFocus()
                return
            try:
                with _busy():
                    self.backend.principal = accounts.change_own_password(
                        self.principal, dialog.current.text(), dialog.new.text()
                    )
            except (AccountError, PasswordRejected) as exc:
                dialog.message.setText(str(exc))
                return
            except Exception:
                log.exception("Changing the password failed")
                dialog.message.setText("The database did not answer; your password is unchanged.")
                return
            dialog.accept()

        dialog.buttons.accepted.connect(submit)
        self.window.change_password_dialog = dialog
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.window.change_password_dialog = None
            dialog.deleteLater()

    # -- the idle lock ------------------------------------------------------------------------

    def idle_timeout_seconds(self) -> float:
        try:
            value = self.backend.settings.get(SETTING_IDLE_MINUTES)
        except Exception:
            log.exception("Reading the idle lock setting failed")
            value = ""
        return parse_idle_minutes(value, DEFAULT_IDLE_LOCK_MINUTES) * 60

    def _start_idle_lock(self) -> None:
        self._stop_idle_lock()
        self.idle = IdleLock(self.clock, self.idle_timeout_seconds(), self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.idle.start()

    def _stop_idle_lock(self) -> None:
        if self.idle is not None:
            self.idle.stop()
            self.idle.deleteLater()
            self.idle = None

    def lock(self, reason: str = "by hand") -> None:
        """Hide every record until the signed-in user types their password again."""
        principal = self.principal
        if principal is None or self.is_locked:
            return
        self.is_locked = True
        if self.idle is not None:
            self.idle.timer.stop()
        who = f"{principal.signature} ({principal.username})"
        self.lock_page = LockPanel(who)
        self._wire(self.lock_page)
        self.window.gate.addWidget(self.lock_page)
        self.window.gate.setCurrentWidget(self.lock_page)
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and not is_public_window(widget):
                self._cover(widget, who)
        self._set_actions_enabled(False)
        self.user_label.setText("Locked")
        self.window.statusBar().clearMessage()
        self.lock_page.password.setFocus()
        modal = QApplication.activeModalWidget()
        if modal is not None and modal in self._covers:
            self._covers[modal][0].password.setFocus()
        try:
            accounts = self.backend.accounts
            assert accounts is not None
            accounts.record_lock(principal, reason)
        except Exception:
            log.exception("Recording the lock failed")
        self.locked.emit()

    def _wire(self, panel: LockPanel) -> None:
        panel.unlock.clicked.connect(lambda: self._on_unlock(panel))
        panel.switch.clicked.connect(self.switch_user)

    def _cover(self, widget: QWidget, who: str) -> None:
        """Put a lock panel over another window and take its other contents out of reach."""
        disabled: list[tuple[QObject, bool]] = []
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isWindow():
                continue
            disabled.append((child, child.isEnabled()))
            child.setEnabled(False)
        # The window's own shortcuts (a runner's Space, N, D...) wait until the unlock too.
        for action in widget.findChildren(QAction):
            disabled.append((action, action.isEnabled()))
            action.setEnabled(False)
        panel = LockPanel(who, widget)
        self._wire(panel)
        panel.setGeometry(widget.rect())
        panel.show()
        panel.raise_()
        widget.installEventFilter(self)
        self._covers[widget] = (panel, disabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched in self._covers:
            panel = self._covers[watched][0]  # type: ignore[index]
            panel.setGeometry(watched.rect())  # type: ignore[attr-defined]
        return False

    def _remove_covers(self) -> None:
        for widget, (panel, disabled) in list(self._covers.items()):
            try:
                widget.removeEventFilter(self)
                for child, was_enabled in disabled:
                    child.setEnabled(was_enabled)
                panel.hide()
                panel.deleteLater()
            except RuntimeError:  # the window was closed and deleted while locked
                pass
        self._covers.clear()
        if self.lock_page is not None:
            self.window.gate.removeWidget(self.lock_page)
            self.lock_page.deleteLater()
            self.lock_page = None

    def _on_unlock(self, panel: LockPanel) -> None:
        principal = self.principal
        accounts = self.backend.accounts
        if principal is None or accounts is None:
            return
        try:
            with _busy():
                ok = accounts.confirm_password(principal, panel.password.text())
        except Exception:
            log.exception("Checking the password failed")
            panel.message.setText("The database did not answer; please try again in a moment.")
            return
        panel.password.clear()
        if not ok:
            self._unlock_failures += 1
            if self._unlock_failures >= MAX_UNLOCK_FAILURES:
                self.sign_out("too many wrong passwords at the lock screen")
                self.sign_in_page.message.setText("Too many wrong passwords: you were signed out.")
                return
            panel.message.setText("That password is not right.")
            panel.password.setFocus()
            return
        self.unlock()

    def unlock(self) -> None:
        self._unlock_failures = 0
        self.is_locked = False
        self._remove_covers()
        self.window.gate.setCurrentIndex(0)
        self._set_actions_enabled(True)
        self.update_actions()
        principal = self.principal
        if principal is not None:
            self.user_label.setText(f"Signed in: {principal.signature} ({principal.role.label.lower()})")
        if self.idle is not None:
            self.idle.tracker.touch()
            self.idle.timer.start()
        self.unlocked.emit()

    # -- administration -----------------------------------------------------------------------

    def show_accounts(self) -> None:
        from .accounts_dialog import AccountsDialog

        try:
            dialog = AccountsDialog(self.backend, self.window)
        except Exception as exc:  # PermissionDenied, or a database that did not answer
            _explain(self.window, "Accounts", exc)
            return
        self.window.accounts_dialog = dialog
        dialog.exec()
        self.window.accounts_dialog = None
        dialog.deleteLater()

    def show_audit(self) -> None:
        from .audit_view import AuditDialog

        try:
            dialog = AuditDialog(self.backend, self.window)
        except Exception as exc:
            _explain(self.window, "Audit trail", exc)
            return
        self.window.audit_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self.window, "audit_dialog", None))
        dialog.show()

    def backup_database(self, target=None):  # type: ignore[no-untyped-def]
        from .backup_actions import backup_database

        return backup_database(self.window, self.backend, target)

    def restore_database(self, source=None, confirm: bool = True) -> bool:  # type: ignore[no-untyped-def]
        from .backup_actions import restore_database

        if not restore_database(self.window, self.backend, source, confirm):
            return False
        # The signed-in account belongs to the database that was replaced: forget it and close.
        self.backend.principal = None
        self.restored = True
        if confirm:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                self.window, "Restore", "The database was restored. Facilitator closes now; open it again to sign in."
            )
        self.window.close()
        return True

    # -- menus --------------------------------------------------------------------------------

    def _set_actions_enabled(self, enabled: bool) -> None:
        """Disable every menu action and shortcut while nobody may see records; restore after."""
        window = self.window
        window.nav.setEnabled(enabled and window.nav.count() > 0 and bool(getattr(window, "_widgets", {})))
        actions = [a for a in window.findChildren(QAction) if not a.menu() and a is not getattr(window, "quit_action", None)]
        if not enabled:
            if not self._action_states:
                self._action_states = {a: a.isEnabled() for a in actions}
            for a in actions:
                a.setEnabled(False)
            return
        for a, was in self._action_states.items():
            try:
                a.setEnabled(was)
            except RuntimeError:
                pass
        self._action_states = {}

    # -- closing ------------------------------------------------------------------------------

    def on_close(self) -> None:
        """The app is closing: take the automatic backup and record the sign-out."""
        self._stop_idle_lock()
        if getattr(self, "restored", False):
            return
        from .backup_actions import automatic_backup

        automatic_backup(self.backend)
        if self.principal is not None:
            try:
                self.backend.sign_out("closed the app")
            except Exception:
                log.exception("Recording the sign-out failed")


def _explain(parent: QWidget, title: str, exc: Exception) -> None:
    from ..core.permissions import PermissionDenied

    if isinstance(exc, PermissionDenied):
        show_error(parent, title, str(exc))
        return
    log.exception("%s could not open", title)
    show_error(parent, title, f"{title} could not be opened because the database did not answer; the log has the details.")


class _busy:
    """A wait cursor around a short, blocking step (an Argon2id check takes about 0.15 s)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
