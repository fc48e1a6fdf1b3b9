"""Admin › Accounts: create, edit, disable (never delete) and reset staff accounts."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import SessionEnded, UserFacingError
from ..core.permissions import UserRole
from .errors import show_error
from .i18n import QT_TRANSLATE_NOOP, core_word, sentence_text
from .style import set_ink_style

if TYPE_CHECKING:
    from ..backend import Backend
    from ..store.accounts import Account

log = logging.getLogger(__name__)
COLUMNS = [
    QT_TRANSLATE_NOOP("AccountsDialog", "User name"),
    QT_TRANSLATE_NOOP("AccountsDialog", "Name"),
    QT_TRANSLATE_NOOP("AccountsDialog", "Credentials"),
    QT_TRANSLATE_NOOP("AccountsDialog", "Role"),
    QT_TRANSLATE_NOOP("AccountsDialog", "Notes need co-signature"),
    QT_TRANSLATE_NOOP("AccountsDialog", "State"),
    QT_TRANSLATE_NOOP("AccountsDialog", "Last sign-in"),
]


def _session_may_have_ended(backend: Backend, exc: Exception) -> None:
    """An account disabled or a database restored under the administrator: the session gate takes over."""
    if isinstance(exc, SessionEnded):
        from .operations import ChangeHub

        ChangeHub.for_backend(backend).session_ended.emit(sentence_text(exc))


def _staff_choices(backend: Backend) -> list[tuple[int, str]]:
    """Roster staff entries an account can lead groups as (empty when the roster has none)."""
    try:
        import sqlalchemy as sa

        with backend.engine.connect() as conn:
            if not sa.inspect(conn).has_table("staff"):
                return []
            rows = conn.execute(sa.text("SELECT id, name FROM staff ORDER BY name"))
            return [(int(r[0]), str(r[1])) for r in rows]
    except Exception:
        log.exception("Reading the staff list failed")
        return []


class AccountForm(QDialog):
    """New account (with a temporary password) or changes to an existing one."""

    def __init__(self, backend: Backend, account: Account | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.account = account
        new = account is None
        self.setWindowTitle(self.tr("New account") if new else self.tr("Account {username}").format(username=account.username))  # type: ignore[union-attr]
        self.setAccessibleName(self.windowTitle())
        self.username = QLineEdit("" if new else account.username)  # type: ignore[union-attr]
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setEnabled(new)
        self.full_name = QLineEdit("" if new else account.full_name)  # type: ignore[union-attr]
        self.full_name.setAccessibleName(self.tr("Full name"))
        self.credentials = QLineEdit("" if new else account.credentials)  # type: ignore[union-attr]
        self.credentials.setAccessibleName(self.tr("Credentials"))
        self.credentials.setPlaceholderText(self.tr("e.g. LCSW, CADC"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role in UserRole:
            self.role.addItem(core_word(role.label), role.value)
        if not new:
            self.role.setCurrentIndex(self.role.findData(account.role.value))  # type: ignore[union-attr]
        self.needs_cosign = QCheckBox(self.tr("Notes need a supervisor's &co-signature"))
        self.needs_cosign.setAccessibleName(self.tr("Notes need co-signature"))
        self.needs_cosign.setChecked(bool(account and account.needs_cosign))
        self.staff = QComboBox()
        self.staff.setAccessibleName(self.tr("Leads groups as"))
        self.staff.addItem(self.tr("— no groups —"), 0)
        for staff_id, name in _staff_choices(backend):
            self.staff.addItem(name, staff_id)
        if account and account.staff_id:
            index = self.staff.findData(account.staff_id)
            self.staff.setCurrentIndex(max(0, index))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Temporary password"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Temporary password again"))
        form = QFormLayout()
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&User name:"), self.username),
            (self.tr("&Full name:"), self.full_name),
            (self.tr("Cre&dentials:"), self.credentials),
            (self.tr("&Role:"), self.role),
            ("", self.needs_cosign),
            (self.tr("&Leads groups as:"), self.staff),
        ]
        if new:
            rows += [(self.tr("&Temporary password:"), self.password), (self.tr("Password &again:"), self.confirm)]
        for text, field in rows:
            if text:
                label = QLabel(text)
                label.setBuddy(field)
                form.addRow(label, field)
            else:
                form.addRow(field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if new:
            hint = QLabel(self.tr("The person chooses their own password when they first sign in."))
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        set_ink_style(self.message, "color: {error};")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def _on_save(self) -> None:

        accounts = self.backend.accounts
        assert accounts is not None
        staff_id = int(self.staff.currentData() or 0)
        try:
            if self.account is None:
                if self.password.text() != self.confirm.text():
                    self.message.setText(self.tr("The two passwords differ."))
                    return
                accounts.create_account(
                    self.backend.principal,
                    username=self.username.text(),
                    full_name=self.full_name.text(),
                    role=self.role.currentData(),
                    password=self.password.text(),
                    credentials=self.credentials.text(),
                    needs_cosign=self.needs_cosign.isChecked(),
                    staff_id=staff_id or None,
                )
            else:
                accounts.update_account(
                    self.backend.principal,
                    self.account.id,
                    full_name=self.full_name.text(),
                    credentials=self.credentials.text(),
                    role=self.role.currentData(),
                    needs_cosign=self.needs_cosign.isChecked(),
                    staff_id=staff_id,
                )
        except UserFacingError as exc:
            self.message.setText(sentence_text(exc))
            _session_may_have_ended(self.backend, exc)
            return
        except Exception:
            log.exception("Saving the account failed")
            self.message.setText(self.tr("The database did not answer; nothing was saved."))
            return
        self.accept()


class ResetPasswordDialog(QDialog):
    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset the password of {username}").format(username=account.username))
        self.setAccessibleName(self.windowTitle())
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Temporary password"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Temporary password again"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("{full_name} must choose a new password at their next sign-in.").format(full_name=account.full_name)))
        for text, field in ((self.tr("&Temporary password:"), self.password), (self.tr("Password &again:"), self.confirm)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Message"))
        set_ink_style(self.message, "color: {error};")
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)


class AccountsDialog(QDialog):
    """The administrator's list of accounts."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(self.tr("Accounts"))
        self.setAccessibleName(self.tr("Accounts"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        self.table.setAccessibleName(self.tr("Accounts list"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_edit)
        self.new_button = QPushButton(self.tr("&New account…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        close = QPushButton(self.tr("&Close"))
        for button, name in (
            (self.new_button, self.tr("New account")),
            (self.edit_button, self.tr("Edit account")),
            (self.disable_button, self.tr("Disable or enable account")),
            (self.reset_button, self.tr("Reset password")),
            (close, self.tr("Close")),
        ):
            button.setAccessibleName(name)
        self.new_button.clicked.connect(self._on_new)
        self.edit_button.clicked.connect(self._on_edit)
        self.disable_button.clicked.connect(self._on_toggle_disabled)
        self.reset_button.clicked.connect(self._on_reset)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.disable_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        note = QLabel(self.tr("Accounts are never deleted, because notes and the audit trail name them: disable them instead."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(900, 460)
        self.accounts: list[Account] = []
        self.reload()

    def reload(self) -> None:
        assert self.backend.accounts is not None
        self.accounts = self.backend.accounts.list_accounts(self.backend.principal)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.accounts))
        zone = self.backend.attendance.zone()  # sign-in times on the clinic's clock
        for row, a in enumerate(self.accounts):
            last = a.last_sign_in_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if a.last_sign_in_at else self.tr("never")
            values = [
                a.username,
                a.full_name,
                a.credentials,
                core_word(a.role.label),
                self.tr("yes") if a.needs_cosign else self.tr("no"),
                self.tr("disabled") if a.disabled else (self.tr("must change password") if a.must_change_password else self.tr("active")),
                last,
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        user_id = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.accounts if a.id == user_id), None)

    def select_username(self, username: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == username:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        account = self.selected()
        for b in (self.edit_button, self.disable_button, self.reset_button):
            b.setEnabled(account is not None)
        self.disable_button.setText(self.tr("&Enable") if account and account.disabled else self.tr("&Disable"))

    def _on_new(self) -> None:
        if AccountForm(self.backend, None, self).exec():
            self.reload()

    def _on_edit(self) -> None:
        account = self.selected()
        if account is not None and AccountForm(self.backend, account, self).exec():
            self.reload()
            self.select_username(account.username)

    def _on_toggle_disabled(self) -> None:

        account = self.selected()
        if account is None:
            return
        assert self.backend.accounts is not None
        try:
            self.backend.accounts.set_disabled(self.backend.principal, account.id, not account.disabled)
        except UserFacingError as exc:
            show_error(self, self.tr("Accounts"), sentence_text(exc))
            _session_may_have_ended(self.backend, exc)
            return
        self.reload()
        self.select_username(account.username)

    def _on_reset(self) -> None:

        account = self.selected()
        if account is None:
            return
        dialog = ResetPasswordDialog(account, self)
        assert self.backend.accounts is not None

        def submit() -> None:
            if dialog.password.text() != dialog.confirm.text():
                dialog.message.setText(self.tr("The two passwords differ."))
                return
            try:
                self.backend.accounts.reset_password(  # type: ignore[union-attr]
                    self.backend.principal, account.id, dialog.password.text()
                )
            except UserFacingError as exc:
                dialog.message.setText(sentence_text(exc))
                _session_may_have_ended(self.backend, exc)
                return
            dialog.accept()

        dialog.buttons.accepted.connect(submit)
        if dialog.exec():
            self.reload()
            self.select_username(account.username)
