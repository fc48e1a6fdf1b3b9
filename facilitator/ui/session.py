"""Who is at the keyboard: first run, sign in, sign out, switch user, and the idle lock.

The main window's central area is a stack: the app itself, and the pages shown instead of
it (first run, sign in, locked). Records are never on screen while one of those is up:
pages are only built after sign-in and are destroyed at sign-out, and while the screen is
locked they are hidden behind the lock page, any other Facilitator window (a dialog) is
covered by a lock panel of its own, and every menu action and shortcut is disabled. The
room display is left alone: it shows nothing protected, and its timer must keep going.
A window may provide its own cover (``lock_cover(panel)``, and ``after_unlock()``): the
session runner hides its content and, during a run, shows only the big timer and the
current item's title above the lock panel, so a group in session is not interrupted.

Idle time is measured with the injected clock: an application-wide event filter marks
activity, and a coarse timer only asks the tracker whether the time is up.

A session can also end under the user: an administrator disables the account or changes
its role, or the database is restored from a backup. The next unit of work refuses with a
sentence (``SessionEnded``), which reaches ``session_ended`` through the change hub. The
records are then covered as by the idle lock, with a panel to sign in again, and the pages
stay as they were, with what the user typed. Signing in again as the same user (the
password checked against the database as it is now, so a disabled account cannot come
back) uncovers them; another user, or giving up, signs out as usual and the pages go.
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
from ..core.idle import DEFAULT_IDLE_LOCK_MINUTES, IdleTracker
from ..core.permissions import Principal
from .errors import show_error
from .i18n import core_word, sentence_text, translate
from .style import set_ink_style

if TYPE_CHECKING:
    from ..backend import Backend

log = logging.getLogger(__name__)

IDLE_CHECK_MS = 5000
MAX_UNLOCK_FAILURES = 5
PUBLIC_WINDOW_PROPERTY = "facilitatorPublicWindow"
SETTING_IDLE_MINUTES = "idle_lock_minutes"
# How a lock reads in the audit trail.
LOCK_REASONS = {"idle": "locked itself after the idle time", "by hand": "locked the screen"}
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
    label.setAccessibleName(translate("session", "Message"))
    label.setWordWrap(True)
    set_ink_style(label, "color: {error};")
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
        super().__init__(self.tr("Sign in"), parent)
        self.title = _heading(self.tr("Sign in"))
        self.clinic = QLabel()
        self.clinic.setAccessibleName(self.tr("Clinic"))
        self.clinic.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = _password_field(self.tr("Password"))
        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"))
        user_label.setBuddy(self.username)
        pass_label = QLabel(self.tr("&Password:"))
        pass_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(pass_label, self.password)
        self.button = QPushButton(self.tr("&Sign in"))
        self.button.setAccessibleName(self.tr("Sign in"))
        self.button.setDefault(True)
        self.message = _message_label()
        note = QLabel(
            self.tr("Records here are protected by HIPAA and 42 CFR Part 2. Sign in with your own account; "
            "never share a password.")
        )
        note.setWordWrap(True)
        note.setAccessibleName(self.tr("Privacy note"))
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
        super().__init__(self.tr("Create the administrator account"), parent)
        self.body.addWidget(_heading(self.tr("Welcome to Facilitator")))
        intro = QLabel(
            self.tr("This clinic has no accounts yet. Create the administrator account first: the administrator "
            "then creates an account for every facilitator and supervisor.")
        )
        intro.setWordWrap(True)
        intro.setAccessibleName(self.tr("Introduction"))
        self.body.addWidget(intro)
        self.full_name = QLineEdit()
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.credentials = QLineEdit()
        self.credentials.setAccessibleName(self.tr("Credentials"))
        self.credentials.setPlaceholderText(self.tr("optional, e.g. LCSW"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.password = _password_field(self.tr("Password"))
        self.confirm = _password_field(self.tr("Password again"))
        form = QFormLayout()
        for text, field in (
            (self.tr("&Full name:"), self.full_name),
            (self.tr("&Credentials:"), self.credentials),
            (self.tr("&User name:"), self.username),
            (self.tr("&Password:"), self.password),
            (self.tr("Password &again:"), self.confirm),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.body.addLayout(form)
        self.button = QPushButton(self.tr("C&reate administrator"))
        self.button.setAccessibleName(self.tr("Create administrator"))
        self.button.setDefault(True)
        self.body.addWidget(self.button)
        self.message = _message_label()
        self.body.addWidget(self.message)
        self.confirm.returnPressed.connect(self.button.click)


class LockPanel(_Card):
    """The lock screen: on the main window, and over any other Facilitator window."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Locked"), parent)
        self.body.addWidget(_heading(self.tr("Locked")))
        self.who = QLabel(
            self.tr("Facilitator locked itself to protect client records. {who} is signed in; type the password to go on.").format(who=who)
        )
        self.who.setWordWrap(True)
        self.who.setAccessibleName(self.tr("Who is signed in"))
        self.body.addWidget(self.who)
        self.password = _password_field(self.tr("Password"))
        row = QFormLayout()
        label = QLabel(self.tr("&Password:"))
        label.setBuddy(self.password)
        row.addRow(label, self.password)
        self.body.addLayout(row)
        self.unlock = QPushButton(self.tr("&Unlock"))
        self.unlock.setAccessibleName(self.tr("Unlock"))
        self.unlock.setDefault(True)
        self.switch = QPushButton(self.tr("Sign out and s&witch user"))
        self.switch.setAccessibleName(self.tr("Sign out and switch user"))
        self.body.addWidget(self.unlock)
        self.body.addWidget(self.switch)
        self.message = _message_label()
        self.body.addWidget(self.message)
        self.password.returnPressed.connect(self.unlock.click)


class SessionEndedPanel(_Card):
    """Over the records when the session ended under the user: sign in again, or sign out."""

    def __init__(self, sentence: str, username: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Signed out"), parent)
        self.body.addWidget(_heading(self.tr("Please sign in again")))
        self.why = QLabel(sentence)
        self.why.setWordWrap(True)
        self.why.setAccessibleName(self.tr("Why"))
        self.body.addWidget(self.why)
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("User name"))
        self.password = _password_field(self.tr("Password"))
        form = QFormLayout()
        for text, field in ((self.tr("&User name:"), self.username), (self.tr("&Password:"), self.password)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.body.addLayout(form)
        self.sign_in = QPushButton(self.tr("&Sign in and go on"))
        self.sign_in.setAccessibleName(self.tr("Sign in and go on"))
        self.sign_in.setDefault(True)
        self.give_up = QPushButton(self.tr("Sign &out (unsaved work is lost)"))
        self.give_up.setAccessibleName(self.tr("Sign out"))
        self.body.addWidget(self.sign_in)
        self.body.addWidget(self.give_up)
        self.message = _message_label()
        self.body.addWidget(self.message)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.sign_in.click)


class ChangePasswordDialog(QDialog):
    def __init__(self, forced: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change password"))
        self.setAccessibleName(self.tr("Change password"))
        layout = QVBoxLayout(self)
        if forced:
            text = QLabel(self.tr("Your password was set by an administrator. Choose your own before you go on."))
            text.setWordWrap(True)
            text.setAccessibleName(self.tr("Why"))
            layout.addWidget(text)
        self.current = _password_field(self.tr("Current password"))
        self.new = _password_field(self.tr("New password"))
        self.confirm = _password_field(self.tr("New password again"))
        form = QFormLayout()
        for text, field in (
            (self.tr("&Current password:"), self.current),
            (self.tr("&New password:"), self.new),
            (self.tr("New password &again:"), self.confirm),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        hint = QLabel(self.tr("At least 8 characters; a short sentence is easy to remember and hard to guess."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.message = _message_label()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change &password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("Change password"))
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
        self._covers: dict[QWidget, tuple[QWidget, list[tuple[QObject, bool]]]] = {}
        # While a session that ended under the user waits for them to sign in again.
        self.ended_page: SessionEndedPanel | None = None
        self._ended_user: Principal | None = None
        self._hub: QObject | None = None
        self._action_states: dict[QAction, bool] = {}
        self._unlock_failures = 0
        self._checking = False  # a password check is running on the writer thread
        self.sign_in_page = SignInPage()
        self.sign_in_page.button.clicked.connect(self._on_sign_in)
        self.first_run_page = FirstRunPage()
        self.first_run_page.button.clicked.connect(self._on_first_run)
        window.gate.addWidget(self.sign_in_page)
        window.gate.addWidget(self.first_run_page)
        self.user_label = QLabel()
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        window.statusBar().addPermanentWidget(self.user_label)

    @property
    def principal(self) -> Principal | None:
        return self.backend.principal

    @property
    def is_ended(self) -> bool:
        return self.ended_page is not None

    def connect_hub(self, hub) -> None:  # type: ignore[no-untyped-def]
        """Hear from every operation that the session ended (account disabled, database restored)."""
        if self._hub is hub:
            return
        self._hub = hub
        hub.session_ended.connect(self.session_ended)

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
            self.window.statusBar().showMessage(self.tr("Create the administrator account to begin"))
            return
        page = self.sign_in_page
        page.clinic.setText(clinic or "")
        page.username.setText(username)
        page.password.clear()
        page.message.clear()
        self.window.gate.setCurrentWidget(page)
        (page.password if username else page.username).setFocus()
        self.window.statusBar().showMessage(self.tr("Please sign in"))

    def _on_sign_in(self) -> None:
        from ..store.accounts import SignInFailed

        page = self.sign_in_page
        username = page.username.text().strip()
        if not username:
            page.message.setText(self.tr("Please type your user name."))
            page.username.setFocus()
            return
        password = page.password.text()

        def refused(exc: Exception) -> None:
            # The user name stays; a password proven wrong is cleared, any other is kept.
            if isinstance(exc, SignInFailed):
                page.message.setText(sentence_text(exc))
                page.password.clear()
                page.password.setFocus()
                return
            log.error("Sign-in failed unexpectedly", exc_info=exc)
            page.message.setText(self.tr("The database did not answer; please try again in a moment."))

        def signed(principal: object) -> None:
            page.password.clear()
            if self.principal is principal:  # not signed out again meanwhile
                self._after_sign_in()

        self._check_password(page, page.button, lambda: self._signed_in(username, password), signed, refused)

    def _signed_in(self, username: str, password: str):  # type: ignore[no-untyped-def]
        """On the writer thread: check the password, then have the pages' modules imported."""
        from .main_window import import_pages

        principal = self.backend.sign_in(username, password)
        import_pages()
        return principal

    def _on_first_run(self) -> None:
        from ..core.passwords import PasswordRejected
        from ..store.accounts import AccountError

        page = self.first_run_page
        if page.password.text() != page.confirm.text():
            page.message.setText(self.tr("The two passwords differ."))
            page.confirm.clear()
            page.confirm.setFocus()
            return
        accounts = self.backend.accounts
        assert accounts is not None
        username, full_name = page.username.text(), page.full_name.text()
        password, credentials = page.password.text(), page.credentials.text()

        def create() -> object:
            accounts.create_first_administrator(username, full_name, password, credentials)
            return self._signed_in(username, password)

        def refused(exc: Exception) -> None:
            if isinstance(exc, (AccountError, PasswordRejected)):
                page.message.setText(sentence_text(exc))
                return
            log.error("Creating the first administrator failed", exc_info=exc)
            page.message.setText(self.tr("The database did not answer; please try again in a moment."))

        def created(principal: object) -> None:
            for field in (page.password, page.confirm):
                field.clear()
            if self.principal is principal:
                self._after_sign_in()

        self._check_password(page, page.button, create, created, refused)

    def _check_password(self, panel: QWidget, button: QPushButton, check, done, refused) -> None:  # type: ignore[no-untyped-def]
        """Check a password (Argon2id, the account, the audit entry) on this workstation's writer thread.

        The page keeps answering while it runs (only its button waits, so a second Enter does
        not check twice); past a second a progress dialog says what is happening. ``done``
        receives the principal, ``refused`` the error; what was typed stays on the page.
        """
        from .operations import CollectionOp

        if self._checking:
            return
        self._checking = True
        button.setEnabled(False)
        panel.setCursor(Qt.CursorShape.BusyCursor)
        panel.message.clear()  # type: ignore[attr-defined]

        def finish() -> None:
            self._checking = False
            try:
                button.setEnabled(True)
                panel.unsetCursor()
            except RuntimeError:  # the page went while the check ran
                pass

        def succeeded(result: object) -> None:
            finish()
            done(result)

        def failed(exc: Exception) -> bool:
            finish()
            refused(exc)
            return True

        (
            CollectionOp(panel, lambda _report: check(), None)
            .with_progress(self.tr("Checking the password…"))
            .success(succeeded)
            .failure(failed)
            .run()
        )

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
        role = core_word(principal.role.label).lower()
        self.user_label.setText(self.tr("Signed in: {signature} ({role})").format(signature=principal.signature, role=role))
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
        self._ended_user = None
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and not is_public_window(widget):
                widget.close()
        try:
            self.backend.sign_out(detail or ("signed out to switch user" if switch else ""))
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
                dialog.message.setText(self.tr("The two new passwords differ."))
                dialog.confirm.clear()
                dialog.confirm.setFocus()
                return
            try:
                with _busy():
                    self.backend.principal = accounts.change_own_password(
                        self.principal, dialog.current.text(), dialog.new.text()
                    )
            except (AccountError, PasswordRejected) as exc:
                dialog.message.setText(sentence_text(exc))
                return
            except Exception:
                log.exception("Changing the password failed")
                dialog.message.setText(self.tr("The database did not answer; your password is unchanged."))
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
            minutes = float(self.backend.settings.value(SETTING_IDLE_MINUTES))
        except Exception:
            log.exception("Reading the idle lock setting failed")
            minutes = DEFAULT_IDLE_LOCK_MINUTES
        return minutes * 60

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
                self._cover(widget, _cover_maker(widget, lambda parent, w=who: self._wired(LockPanel(w, parent))))
        self._set_actions_enabled(False)
        self.user_label.setText(self.tr("Locked"))
        self.window.statusBar().clearMessage()
        self.lock_page.password.setFocus()
        modal = QApplication.activeModalWidget()
        if modal is not None and modal in self._covers:
            self._covers[modal][0].password.setFocus()
        try:
            accounts = self.backend.accounts
            assert accounts is not None
            accounts.record_lock(principal, LOCK_REASONS.get(reason, reason))
        except Exception:
            log.exception("Recording the lock failed")
        self.locked.emit()

    def _wire(self, panel: LockPanel) -> None:
        panel.unlock.clicked.connect(lambda: self._on_unlock(panel))
        panel.switch.clicked.connect(self.switch_user)

    def _wired(self, panel: LockPanel) -> LockPanel:
        self._wire(panel)
        return panel

    def _cover(self, widget: QWidget, make_panel) -> None:  # type: ignore[no-untyped-def]
        """Put a panel over another window and take its other contents out of reach."""
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
        panel = make_panel(widget)
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
                after_unlock = getattr(widget, "after_unlock", None)
                if callable(after_unlock):
                    after_unlock()  # e.g. the runner gives the keys back to the session, nothing selected
            except RuntimeError:  # the window was closed and deleted while locked
                pass
        self._covers.clear()
        if self.lock_page is not None:
            self.window.gate.removeWidget(self.lock_page)
            self.lock_page.deleteLater()
            self.lock_page = None
        if self.ended_page is not None:
            self.window.gate.removeWidget(self.ended_page)
            self.ended_page.deleteLater()
            self.ended_page = None

    def _on_unlock(self, panel: LockPanel) -> None:
        principal = self.principal
        accounts = self.backend.accounts
        if principal is None or accounts is None:
            return
        from ..core.changes import SessionEnded

        password = panel.password.text()

        def refused(exc: Exception) -> None:
            if isinstance(exc, SessionEnded):
                self.session_ended(sentence_text(exc))
                return
            log.error("Checking the password failed", exc_info=exc)
            panel.message.setText(self.tr("The database did not answer; please try again in a moment."))

        def checked(ok: object) -> None:
            if not self.is_locked or self.principal is not principal:
                return  # signed out meanwhile
            panel.password.clear()
            if not ok:
                self._unlock_failures += 1
                if self._unlock_failures >= MAX_UNLOCK_FAILURES:
                    self.sign_out("too many wrong passwords at the lock screen")
                    self.sign_in_page.message.setText(self.tr("Too many wrong passwords: you were signed out."))
                    return
                panel.message.setText(self.tr("That password is not right."))
                panel.password.setFocus()
                return
            self.unlock()

        self._check_password(
            panel, panel.unlock, lambda: accounts.confirm_password(principal, password), checked, refused
        )

    def unlock(self) -> None:
        self._unlock_failures = 0
        self.is_locked = False
        self._remove_covers()
        self.window.gate.setCurrentIndex(0)
        self._set_actions_enabled(True)
        self.update_actions()
        principal = self.principal
        if principal is not None:
            self.user_label.setText(self.tr("Signed in: {signature} ({role})").format(signature=principal.signature, role=core_word(principal.role.label).lower()))
        if self.idle is not None:
            self.idle.tracker.touch()
            self.idle.timer.start()
        self.unlocked.emit()

    # -- a session that ended under the user ---------------------------------------------------

    def session_ended(self, sentence: str) -> None:
        """Cover the records and ask the same user to sign in again; the pages stay as they were."""
        if self.ended_page is not None:
            self.ended_page.why.setText(sentence)
            return
        principal = self.principal
        if principal is None:  # nobody was signed in: nothing to keep
            return
        log.info("The session of %s ended: %s", principal.username, sentence)
        self._ended_user = principal
        try:
            accounts = self.backend.accounts
            assert accounts is not None
            accounts.record_sign_out(principal, "the session ended: " + sentence[:120])
        except Exception:  # a restored or replaced database cannot take the entry
            log.info("Could not record the end of the session", exc_info=True)
        self.backend.principal = None  # nothing acts for the user until they sign in again
        self._stop_idle_lock()
        if self.is_locked:
            self._remove_covers()
            self.is_locked = False
        username = principal.username
        self.ended_page = self._wired_ended(SessionEndedPanel(sentence, username))
        self.window.gate.addWidget(self.ended_page)
        self.window.gate.setCurrentWidget(self.ended_page)
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and not is_public_window(widget):
                self._cover(
                    widget,
                    _cover_maker(
                        widget, lambda parent: self._wired_ended(SessionEndedPanel(sentence, username, parent))
                    ),
                )
        self._set_actions_enabled(False)
        self.user_label.setText(self.tr("Signed out"))
        self.window.statusBar().clearMessage()
        self.ended_page.password.setFocus()
        modal = QApplication.activeModalWidget()
        if modal is not None and modal in self._covers:
            self._covers[modal][0].password.setFocus()  # type: ignore[attr-defined]

    def _wired_ended(self, panel: SessionEndedPanel) -> SessionEndedPanel:
        panel.sign_in.clicked.connect(lambda: self._on_sign_in_again(panel))
        panel.give_up.clicked.connect(lambda: self.sign_out("gave up after the session ended"))
        return panel

    def _on_sign_in_again(self, panel: SessionEndedPanel) -> None:
        from ..store.accounts import SignInFailed

        before = self._ended_user
        username = panel.username.text().strip()
        if not username:
            panel.message.setText(self.tr("Please type your user name."))
            return
        password = panel.password.text()

        def refused(exc: Exception) -> None:
            if isinstance(exc, SignInFailed):
                panel.message.setText(sentence_text(exc))
                panel.password.clear()
                panel.password.setFocus()
                return
            log.error("Signing in again failed unexpectedly", exc_info=exc)
            panel.message.setText(self.tr("The database did not answer; please try again in a moment."))

        def signed(principal) -> None:  # type: ignore[no-untyped-def]
            panel.password.clear()
            if before is not None and principal.user_id == before.user_id and principal.role is before.role:
                self._resume()
                return
            # Someone else: what the first user had open is theirs, not this person's.
            self._discard_pages()
            self._after_sign_in()

        self._check_password(panel, panel.sign_in, lambda: self._signed_in(username, password), signed, refused)

    def _resume(self) -> None:
        """The same user signed in again: uncover the pages exactly as they were."""
        self._ended_user = None
        self._unlock_failures = 0
        self._remove_covers()
        self.window.gate.setCurrentIndex(0)
        self._set_actions_enabled(True)
        self.update_actions()
        principal = self.principal
        if principal is not None:
            self.user_label.setText(self.tr("Signed in: {signature} ({role})").format(signature=principal.signature, role=core_word(principal.role.label).lower()))
        self._start_idle_lock()
        self.window.statusBar().showMessage(self.tr("Signed in again; nothing you typed was lost"), 8000)
        self.unlocked.emit()

    def _discard_pages(self) -> None:
        self._stop_idle_lock()
        self._remove_covers()
        self.is_locked = False
        self._ended_user = None
        for widget in QApplication.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and not is_public_window(widget):
                widget.close()
        self.window.clear_pages()
        self.signed_out.emit()

    # -- administration -----------------------------------------------------------------------

    def show_accounts(self) -> None:
        from .accounts_dialog import AccountsDialog

        try:
            dialog = AccountsDialog(self.backend, self.window)
        except Exception as exc:  # PermissionDenied, or a database that did not answer
            _explain(self.window, self.tr("Accounts"), exc)
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
            _explain(self.window, self.tr("Audit trail"), exc)
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
                self.window, self.tr("Restore"), self.tr("The database was restored. Facilitator closes now; open it again to sign in.")
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


def _cover_maker(widget: QWidget, make_panel):  # type: ignore[no-untyped-def]
    """The cover for a window: its own (``lock_cover(panel)``, as the session runner has) or the panel alone.

    A window with ``lock_cover`` hides its records itself and shows what may be seen while
    locked (the runner: the big timer and the item's title during a run, never a name or
    the script); the panel it receives asks for the password as everywhere else.
    """
    lock_cover = getattr(widget, "lock_cover", None)
    if callable(lock_cover):
        return lambda parent: lock_cover(make_panel(None))
    return make_panel


def _explain(parent: QWidget, title: str, exc: Exception) -> None:
    from ..core.permissions import PermissionDenied

    if isinstance(exc, PermissionDenied):
        show_error(parent, title, sentence_text(exc))
        return
    log.exception("%s could not open", title)
    show_error(parent, title, translate("session", "{title} could not be opened because the database did not answer; the log has the details.").format(title=title))


class _busy:
    """A wait cursor around a short, blocking step (an Argon2id check takes about 0.15 s)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
