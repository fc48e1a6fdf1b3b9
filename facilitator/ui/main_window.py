"""The main window: navigation on the left, one page at a time on the right.

The window paints before the database is open. ``attach`` receives the backend once the
worker thread has built it and creates the pages that need it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..config import AppConfig
from ..logs import log_path
from .i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

PAGES = [
    ("library", QT_TRANSLATE_NOOP("MainWindow", "Library")),
    ("today", QT_TRANSLATE_NOOP("MainWindow", "Today")),
    ("groups", QT_TRANSLATE_NOOP("MainWindow", "Groups")),
    ("notes", QT_TRANSLATE_NOOP("MainWindow", "Notes")),
    ("review", QT_TRANSLATE_NOOP("MainWindow", "Review")),
    ("ready", QT_TRANSLATE_NOOP("MainWindow", "Ready")),
]


class MainWindow(QMainWindow):
    first_painted = Signal()

    def __init__(self, config: AppConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self.backend = None
        self.library_state = None
        self._painted = False
        self._page_index: dict[str, int] = {}
        self._builds = 0  # counts the times pages were built or cleared: an old build stops
        # The application's display name ("Facilitator") is added to the title by Qt itself.
        self.setWindowTitle(self.tr("Demo clinic") if config.demo else "")
        self.setAccessibleName(self.tr("Facilitator main window"))
        self.resize(1280, 820)

        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setFixedWidth(140)  # room for "Biblioteca" at large text; the rest for the pages
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.nav.setFont(font)
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Current page"))
        for n, (key, title) in enumerate(PAGES, start=1):
            title = self.tr(title)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(self.tr("{title} (Ctrl+{n})").format(title=title, n=n))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav)

        self.loading = QWidget()
        self.loading.setAccessibleName(self.tr("Loading"))
        loading_layout = QVBoxLayout(self.loading)
        self.loading_label = QLabel(self.tr("Opening the clinic's database and curricula…"))
        self.loading_label.setAccessibleName(self.tr("Loading status"))
        self.loading_bar = QProgressBar()
        self.loading_bar.setRange(0, 0)
        self.loading_bar.setAccessibleName(self.tr("Loading progress"))
        loading_layout.addStretch(1)
        loading_layout.addWidget(self.loading_label, 0, Qt.AlignmentFlag.AlignHCenter)
        loading_layout.addWidget(self.loading_bar)
        loading_layout.addStretch(1)
        self.stack.addWidget(self.loading)

        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        # The central area is a stack: the app itself (0), and what is shown instead of it
        # while nobody may see records (first run, sign in, locked; see ui/session.py).
        self.gate = QStackedWidget()
        self.gate.setAccessibleName(self.tr("Facilitator"))
        self.gate.addWidget(central)
        self.setCentralWidget(self.gate)
        self.session = None
        self.clock = None  # tests put a FakeClock here before attach; otherwise backend.clock
        self._build_menus()
        self.statusBar().showMessage(self.tr("Loading…"))
        self.nav.setEnabled(False)

    # -- start-up --------------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def attach(self, backend) -> None:  # type: ignore[no-untyped-def]
        """Build the pages now that the database and library are ready and someone signed in.

        With nobody signed in, this shows the sign-in (or first-run) page instead; the session
        calls ``attach`` again after sign-in. Sign-out removes the pages (``clear_pages``).
        """
        from .session import SessionGate

        self.backend = backend
        if self.session is None:
            self.session = SessionGate(self, backend, self.clock)
        if backend.principal is None:
            self.session.ask_sign_in()
            return
        # The pages are built a few at a time, one turn of the event loop each, so the window
        # keeps answering while they are made; each reads its first rows on a worker (saying
        # it is loading meanwhile), and Notes and Review read when first shown. The building
        # counts in ``operations.busy()``; signing out meanwhile stops it.
        from . import operations

        self._builds += 1
        build, stages = self._builds, self._build_pages(backend)
        token = object()
        operations._running.add(token)
        self.loading_label.setText(self.tr("Opening your pages…"))

        def step() -> None:
            if build != self._builds:
                operations._running.discard(token)
                return
            try:
                next(stages)
            except StopIteration:
                operations._running.discard(token)
                return
            except Exception:
                operations._running.discard(token)
                raise
            QTimer.singleShot(0, self, step)

        step()

    def _build_pages(self, backend):  # type: ignore[no-untyped-def]
        """Make the pages, yielding between them (``attach`` runs one stage per turn of the event loop)."""
        from .library_state import LibraryState
        from .library_view import LibraryPage
        from .operations import ChangeHub

        # Every view hears what changed (here, or on another workstation) through the hub.
        self.hub = ChangeHub.for_backend(backend)
        # A write refused because the session ended (account disabled, database restored)
        # covers the pages and asks to sign in again; the pages and what was typed stay.
        self.session.connect_hub(self.hub)
        self.library_state = LibraryState(backend.config, backend.library, self)
        self.library_page = LibraryPage(self.library_state)
        self.add_page("library", self.library_page)
        yield
        if getattr(backend, "attendance", None) is not None:
            from .groups_view import GroupsPage
            from .today_view import TodayPage

            measures = getattr(backend, "measures", None)
            self.today_page = TodayPage(backend.attendance, backend.roster, hub=self.hub, measures=measures)
            self.add_page("today", self.today_page)
            yield
            self.groups_page = GroupsPage(backend.attendance, backend.roster, hub=self.hub,
                                          care_opener=self._open_care if getattr(backend, "care", None) else None)
            self.add_page("groups", self.groups_page)
            if measures is not None:
                from .participant_page import open_participant_page

                for page in (self.today_page, self.groups_page):
                    page.participant_requested.connect(lambda pid: open_participant_page(backend, pid, self))
            yield
        if getattr(backend, "runs", None) is not None:
            from .runner import RunnerLauncher

            if getattr(self, "runner", None) is None:
                self.runner = RunnerLauncher(backend, self, clock=self.clock or backend.clock)
            self.runner.install_library_button(self.library_page)
            QTimer.singleShot(0, self._offer_resume)
        from .print_dialog import PrintActions

        self.print_actions = PrintActions(self.library_page, self.library_state, backend.settings, self)
        if getattr(self, "today_page", None) is not None:
            self.today_page.packet_requested.connect(self.print_actions.open_packet)
            if getattr(self, "runner", None) is not None:
                self.today_page.run_requested.connect(self._on_run_meeting)
        yield
        if getattr(backend, "notes", None) is not None:
            from .notes_view import NotesPage, ReviewPage

            self.notes_page = NotesPage(backend.notes, backend.current_principal, hub=self.hub)
            self.add_page("notes", self.notes_page)
            self.review_page = ReviewPage(backend.notes, backend.current_principal, hub=self.hub)
            self.add_page("review", self.review_page)
        if getattr(backend, "care", None) is not None:
            from .care_panel import ReadinessPage

            self.add_page("ready", ReadinessPage(backend, self.hub))
            yield
        self.nav.setEnabled(True)
        self.nav.setCurrentRow(0)
        landing = landing_page(backend.principal, self._widgets)
        self.show_page(landing)
        QTimer.singleShot(0, lambda: self._focus_page(landing))
        self.settings_action.setEnabled(True)
        self._update_status()
        if backend.upgrade_backup:
            self.statusBar().showMessage(
                self.tr("The database was upgraded; a copy of the old one is at {upgrade_backup}").format(upgrade_backup=backend.upgrade_backup), 15000
            )
        self.session.started()

    def show_startup_error(self, sentence: str) -> None:
        self.loading_bar.setRange(0, 1)
        self.loading_bar.setValue(0)
        # The whole sentence, wrapped to the page's width (centred, it kept one line's width and clipped).
        self.loading_label.setWordWrap(True)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.loading.layout().setAlignment(self.loading_label, Qt.AlignmentFlag(0))
        self.loading_label.setText(sentence)
        self.statusBar().showMessage(self.tr("Could not open the database"))

    # -- pages ---------------------------------------------------------------------------

    def add_page(self, key: str, widget: QWidget) -> None:
        """Put a page under a navigation entry, replacing what was there."""
        if key in self._page_index:
            old = self.stack.widget(self._page_index[key])
            self.stack.removeWidget(old)
            old.deleteLater()
            self._page_index = {k: self.stack.indexOf(self._page_widget(k)) for k in self._page_index if k != key}
        self.stack.addWidget(widget)
        self._page_index[key] = self.stack.indexOf(widget)
        self._widgets = getattr(self, "_widgets", {})
        self._widgets[key] = widget

    def clear_pages(self) -> None:
        """Destroy every page (they hold records) when the user signs out."""
        self._builds += 1  # pages still being built are not wanted any more
        self.nav.setEnabled(False)
        for key in list(getattr(self, "_widgets", {})):
            widget = self._widgets.pop(key)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._page_index = {}
        self.nav.setCurrentRow(-1)
        if self.library_state is not None:
            self.library_state.deleteLater()
            self.library_state = None
        self.stack.setCurrentWidget(self.loading)

    def _page_widget(self, key: str) -> QWidget:
        return self._widgets[key]

    def page(self, key: str) -> QWidget:
        return self._widgets[key]

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def _focus_page(self, key: str) -> None:
        """Keys go to the page's first list (today's meetings, the desk, the groups), not the navigation."""
        from PySide6.QtWidgets import QAbstractItemView

        widget = getattr(self, "_widgets", {}).get(key)
        if widget is None or self.stack.currentWidget() is not widget:
            return
        view = widget.findChild(QAbstractItemView)
        if view is not None and view.isVisibleTo(widget):
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        widget = getattr(self, "_widgets", {}).get(key)
        if widget is not None:
            self.stack.setCurrentWidget(widget)

    def _open_care(self, participant_id: int) -> None:
        from .care_panel import CareDialog

        CareDialog(self.backend, self.hub, participant_id, self).exec()

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = self._action(file_menu, self.tr("&Settings…"), self._on_settings, QKeySequence("Ctrl+,"))
        self.settings_action.setEnabled(False)
        file_menu.addSeparator()
        from .session_menus import build_session_menus

        build_session_menus(self, file_menu, self._action)
        self.admin_menu = next(
            (a.menu() for a in self.menuBar().actions() if a.menu() is not None and a.text().replace("&", "") == "Admin"),
            None,
        )
        if self.admin_menu is not None:
            for action in self.admin_menu.actions():
                action.changed.connect(self._update_admin_menu)
            self._update_admin_menu()
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        from .reports_menu import build_reports_menu

        build_reports_menu(self, self._action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for n, (key, title) in enumerate(PAGES, start=1):
            self._action(go_menu, self.tr(title), lambda _checked=False, k=key: self.show_page(k), QKeySequence(f"Ctrl+{n}"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Open the &log folder"), self._on_open_log)
        self._action(help_menu, self.tr("&About Facilitator"), self._on_about)

    def _update_admin_menu(self) -> None:
        """The Admin menu is shown only to someone who may use something in it, never empty."""
        menu = getattr(self, "admin_menu", None)
        if menu is not None:
            menu.menuAction().setVisible(any(a.isVisible() and a.isEnabled() for a in menu.actions()))

    def _action(self, menu, text: str, slot: Callable[[], object], shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Take the automatic backup and record the sign-out before the window goes."""
        if self.session is not None and not getattr(self, "_closed", False):
            self._closed = True
            self.session.on_close()
        super().closeEvent(event)

    def _on_run_meeting(self, meeting_id: int, curriculum_id: str, session_id: str, players: object) -> None:
        """Open the runner on a meeting's curriculum session, with its attendance as players."""
        curriculum = self.library_state.library.find(curriculum_id)
        try:
            session = curriculum.session(session_id) if curriculum is not None else None
        except KeyError:
            session = None
        if curriculum is None or session is None:
            from .errors import show_error

            show_error(self, self.tr("Run session"), self.tr("This meeting's curriculum session is not loaded, so it cannot be run."))
            return
        self.watch_runner(self.runner)
        self.runner.start_run(curriculum, session, meeting=meeting_id, players=players)  # type: ignore[arg-type]

    # -- after a run ---------------------------------------------------------------------------

    def _offer_resume(self) -> None:
        runner = getattr(self, "runner", None)
        if runner is None:
            return
        self.watch_runner(runner)
        runner.offer_resume()

    def watch_runner(self, source) -> None:  # type: ignore[no-untyped-def]
        """Hear the runner's ``ended(run_id, meeting_id)`` and ``write_notes_requested(meeting_id)``, once.

        The app passes the launcher, which outlives its windows and relays both for every run.
        """
        if source is None:
            return
        watched = getattr(self, "_watched_runners", set())
        self._watched_runners = watched
        if id(source) in watched:
            return
        source.ended.connect(self.on_run_ended)
        source.write_notes_requested.connect(self.open_notes)
        key = id(source)
        watched.add(key)
        source.destroyed.connect(lambda _obj=None, k=key: watched.discard(k))

    def on_run_ended(self, run_id: int, meeting_id: int | None) -> None:
        """A run of a meeting ended: propose its times as attendance, for the counselor to confirm or edit."""
        attendance = getattr(self.backend, "attendance", None) if self.backend is not None else None
        if not meeting_id or attendance is None:
            return  # a run from the Library has no attendance
        from .run_attendance_dialog import ask_run_attendance

        self.run_attendance_dialog = ask_run_attendance(
            attendance, int(meeting_id), int(run_id), self, hub=getattr(self, "hub", None)
        )

    def open_notes(self, meeting_id: int) -> None:
        """Show Notes on a meeting, starting the drafts it still lacks."""
        page = getattr(self, "notes_page", None)
        if page is None or not meeting_id:
            return
        self.show_page("notes")
        self.showNormal()
        self.raise_()
        self.activateWindow()
        page.open_meeting(int(meeting_id), start=True)

    def _on_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        if SettingsDialog(self.backend, self.library_state, self, hub=getattr(self, "hub", None)).exec():
            self._update_status()

    def _on_open_log(self) -> None:
        path = log_path()
        folder = path.parent if path else self.config.log_dir
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Facilitator"),
            self.tr("<h3>Facilitator {version}</h3><p>Runs Intensive Outpatient Program groups: curricula, session timers, attendance, progress notes and handouts.</p><p>Records here are protected by HIPAA and 42 CFR Part 2.</p>").format(version=__version__),
        )

    def _update_status(self) -> None:
        if self.backend is None:
            return
        name = self.backend.settings.value("clinic_name") or self.tr("Clinic name not set (File › Settings)")
        library = self.backend.library if self.library_state is None else self.library_state.library
        self.statusBar().showMessage(self.tr("{name} · {count} curricula").format(name=name, count=len(library.curricula)))


# The modules the sign-in and the pages are made of: imported off the GUI thread (with the
# backend, and again by the password check), about 0.3 s on a cold start, so neither the
# sign-in page nor building the pages waits for an import.
PAGE_MODULES = (
    "session", "library_state", "library_view", "today_view", "groups_view", "runner", "print_dialog", "notes_view",
)


def import_pages() -> None:
    """Import every page's module; on a worker thread (the open, the password check), never the GUI's."""
    import importlib

    for name in PAGE_MODULES:
        importlib.import_module(f"{__package__}.{name}")


def landing_page(principal, pages) -> str:  # type: ignore[no-untyped-def]
    """Where each role works: a facilitator on Today, a supervisor on Review, an administrator on Groups."""
    role = getattr(getattr(principal, "role", None), "value", "")
    wanted = {"facilitator": "today", "supervisor": "review", "administrator": "groups"}.get(role, "library")
    return wanted if wanted in pages else "library"


def monotonic_ms() -> float:
    return time.monotonic() * 1000
