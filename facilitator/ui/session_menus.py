"""The File and Admin menu items for accounts, backups and the audit trail.

Kept apart from ``session.py`` so that building the window's menus, which happens before
the first paint, does not import the whole session machinery.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from .i18n import translate


def build_session_menus(window, file_menu: QMenu, add: Callable[..., QAction]) -> None:  # type: ignore[no-untyped-def]
    """The File and Admin menu items for accounts, backups and the audit trail."""

    def call(name: str) -> Callable[[], None]:
        def run() -> None:
            session = getattr(window, "session", None)
            if session is None or session.principal is None:
                return
            getattr(session if hasattr(session, name) else window, name)()

        return run

    window.backup_action = add(file_menu, translate("session_menus", "&Back up the database…"), call("backup_database"))
    window.restore_action = add(file_menu, translate("session_menus", "&Restore from a backup…"), call("restore_database"))
    file_menu.addSeparator()
    window.lock_action = add(file_menu, translate("session_menus", "&Lock"), call("lock"), QKeySequence("Ctrl+L"))
    window.change_password_action = add(file_menu, translate("session_menus", "Change &password…"), call("change_password"))
    window.switch_user_action = add(file_menu, translate("session_menus", "S&witch user…"), call("switch_user"))
    window.sign_out_action = add(file_menu, translate("session_menus", "Sign &out"), call("sign_out"))
    admin_menu = window.menuBar().addMenu(translate("session_menus", "&Admin"))
    window.accounts_action = add(admin_menu, translate("session_menus", "&Accounts…"), call("show_accounts"))
    window.audit_action = add(admin_menu, translate("session_menus", "Audit &trail…"), call("show_audit"))
    for action in (
        window.backup_action,
        window.restore_action,
        window.lock_action,
        window.change_password_action,
        window.switch_user_action,
        window.sign_out_action,
        window.accounts_action,
        window.audit_action,
    ):
        action.setEnabled(False)
