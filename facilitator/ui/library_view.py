"""The Library: browse curricula by group type, read every session, search all text."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.curriculum import GroupType
from .i18n import core_word
from .library_html import curriculum_html, session_html
from .library_state import LibraryState
from .style import set_ink_html, set_ink_style

ROLE_KEY = Qt.ItemDataRole.UserRole


class LibraryPage(QWidget):
    """Reading curricula; ``session_chosen`` tells other parts (the runner) what is open."""

    session_chosen = Signal(str, str)  # curriculum id, session id ("" when a curriculum is open)

    def __init__(self, state: LibraryState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._current: tuple[str, str | None] | None = None
        self.setAccessibleName(self.tr("Curriculum library"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles, scripts, prompts and handouts (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.search.returnPressed.connect(self._on_search_enter)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Curricula by group type"))
        tree_font = self.tree.font()
        tree_font.setPointSizeF(max(tree_font.pointSizeF(), 9.0) * 1.1)
        self.tree.setFont(tree_font)
        self.tree.currentItemChanged.connect(self._on_tree_current)

        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setWordWrap(True)
        self.results.currentItemChanged.connect(self._on_result_current)
        self.results.itemActivated.connect(self._on_result_activated)

        self.left = QStackedWidget()
        self.left.addWidget(self.tree)
        self.left.addWidget(self.results)

        self.reader = QTextBrowser()
        self.reader.setAccessibleName(self.tr("Curriculum text"))
        self.reader.setOpenExternalLinks(False)
        font = self.reader.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.15)
        self.reader.setFont(font)

        self.actions_bar = QHBoxLayout()
        self.actions_bar.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self.actions_bar)
        right_layout.addWidget(self.reader, 1)

        splitter = QSplitter()
        splitter.addWidget(self.left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])

        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setAccessibleName(self.tr("Clinic curricula folder"))
        # A long folder path wraps (at its slashes) instead of widening the whole window.
        self.folder_label.setWordWrap(True)
        self.folder_label.setMinimumWidth(200)
        self.folder_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.change_folder = QPushButton(self.tr("&Change folder…"))
        self.change_folder.setAccessibleName(self.tr("Change the clinic curricula folder"))
        self.change_folder.clicked.connect(self._on_change_folder)
        self.open_folder = QPushButton(self.tr("&Open folder"))
        self.open_folder.setAccessibleName(self.tr("Open the clinic curricula folder"))
        self.open_folder.clicked.connect(self._on_open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.change_folder)
        folder_row.addWidget(self.open_folder)

        self.problem_summary = QLabel()
        self.problem_summary.setAccessibleName(self.tr("Curriculum problems summary"))
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems in curriculum files"))
        self.problems.setMaximumHeight(140)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(folder_row)
        layout.addWidget(self.problem_summary)
        layout.addWidget(self.problems)

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        state.changed.connect(self.refresh)
        self.refresh()

    # -- public --------------------------------------------------------------------------

    def current_selection(self) -> tuple[str, str | None] | None:
        """(curriculum id, session id or None) of what the reader shows."""
        return self._current

    def open(self, curriculum_id: str, session_id: str | None = None) -> None:
        """Show a curriculum or one of its sessions, selecting it in the tree."""
        item = self._find_item(curriculum_id, session_id)
        if item is not None:
            self.search.clear()
            self.tree.setCurrentItem(item)
        else:
            self._show(curriculum_id, session_id)

    def refresh(self) -> None:
        """Rebuild from the state's library, keeping what was open if it still exists."""
        library = self._state.library
        previous = self._current
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group_type in GroupType:
            curricula = library.by_group_type(group_type)
            top = QTreeWidgetItem([f"{core_word(group_type.label)} ({len(curricula)})"])
            top.setFont(0, bold)
            top.setData(0, ROLE_KEY, None)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for c in curricula:
                label = c.title
                if c.language != "en":
                    label += f" [{c.language}]"
                if not c.shipped:
                    label += " · clinic"
                node = QTreeWidgetItem([label])
                node.setData(0, ROLE_KEY, (c.id, None))
                reviewed = f"\n{c.reviewed_label}" if c.reviewed else ""
                node.setToolTip(0, f"{c.id} — {c.source}{reviewed}")
                top.addChild(node)
                for n, s in enumerate(c.sessions, start=1):
                    child = QTreeWidgetItem([f"{n}. {s.title}"])
                    child.setData(0, ROLE_KEY, (c.id, s.id))
                    node.addChild(child)
            top.setExpanded(True)
        self.tree.blockSignals(False)
        self._refresh_folder_and_problems()
        if self.search.text().strip():
            self._on_search(self.search.text())
        if previous and library.find(previous[0]) is not None:
            self.open(*previous)
        elif previous:
            self._current = None
            self.reader.setHtml(self.tr("<p>The curriculum that was open is no longer loaded.</p>"))
        else:
            self.reader.setHtml(self._welcome_html())

    # -- slots ---------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_tree_current(self, item: QTreeWidgetItem | None, _prev: QTreeWidgetItem | None) -> None:
        key = item.data(0, ROLE_KEY) if item else None
        if key:
            self._show(*key)

    def _on_search(self, text: str) -> None:
        if not text.strip():
            self.left.setCurrentWidget(self.tree)
            return
        hits = self._state.library.search(text)
        self.results.clear()
        library = self._state.library
        for hit in hits:
            c = library.find(hit.curriculum_id)
            if c is None:
                continue
            title = c.title
            if hit.session_id:
                title += f" › {c.session(hit.session_id).title}"
            item = QListWidgetItem(f"{title}\n{hit.where}: {hit.snippet}")
            item.setData(ROLE_KEY, (hit.curriculum_id, hit.session_id))
            self.results.addItem(item)
        if not hits:
            empty = QListWidgetItem(self.tr("Nothing matches “{typed}”.").format(typed=text.strip()))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        self.left.setCurrentWidget(self.results)

    def _on_search_enter(self) -> None:
        if self.results.count() and self.results.item(0).data(ROLE_KEY):
            self.results.setFocus()
            self.results.setCurrentRow(0)

    def _on_result_current(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        key = item.data(ROLE_KEY) if item else None
        if key:
            self._show(*key)

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        key = item.data(ROLE_KEY)
        if key:
            self.open(*key)
            self.tree.setFocus()

    def _on_change_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the clinic curricula folder"), str(self._state.clinic_folder)
        )
        if chosen:
            from pathlib import Path

            self._state.set_clinic_folder(Path(chosen))

    def _on_open_folder(self) -> None:
        folder = self._state.clinic_folder
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- helpers -------------------------------------------------------------------------

    def _show(self, curriculum_id: str, session_id: str | None) -> None:
        library = self._state.library
        c = library.find(curriculum_id)
        if c is None:
            return
        self._current = (curriculum_id, session_id)
        if session_id:
            set_ink_html(self.reader, session_html(c, c.session(session_id)))
        else:
            set_ink_html(self.reader, curriculum_html(c))
        self.reader.verticalScrollBar().setValue(0)
        self.session_chosen.emit(curriculum_id, session_id or "")

    def _find_item(self, curriculum_id: str, session_id: str | None) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                node = top.child(j)
                if node.data(0, ROLE_KEY) == (curriculum_id, None):
                    if session_id is None:
                        return node
                    for k in range(node.childCount()):
                        if node.child(k).data(0, ROLE_KEY) == (curriculum_id, session_id):
                            node.setExpanded(True)
                            return node.child(k)
        return None

    def _refresh_folder_and_problems(self) -> None:
        library = self._state.library
        folder = self._state.clinic_folder
        clinic_count = sum(1 for c in library.curricula if not c.shipped)
        self.folder_label.setToolTip(str(folder))
        wrappable = str(folder).replace("/", "/\u200b").replace("\\", "\\\u200b")  # break points, not spaces
        if not folder.is_dir():
            text = self.tr("Clinic curricula folder: {folder} (does not exist yet: it is created when you open it) — "
                           "{count} clinic curricula loaded; the folder is watched for changes.")
        elif clinic_count == 1:
            text = self.tr("Clinic curricula folder: {folder} — 1 clinic curriculum loaded; the folder is watched for changes.")
        else:
            text = self.tr("Clinic curricula folder: {folder} — {count} clinic curricula loaded; the folder is watched for changes.")
        self.folder_label.setText(text.format(folder=wrappable, count=clinic_count))
        self.problems.clear()
        for problem in library.problems:
            self.problems.addItem(str(problem))
        if library.problems:
            files = len({p.path for p in library.problems})
            self.problem_summary.setText(
                self.tr("⚠ 1 curriculum file has problems and was not loaded. Fix the lines below; the library updates when you save.")
                if files == 1 else
                self.tr("⚠ {count} curriculum files have problems and were not loaded. Fix the lines below; the library "
                        "updates when you save.").format(count=files)
            )
            set_ink_style(self.problem_summary, "color: {warning}; font-weight: bold;")
        else:
            self.problem_summary.setText(self.tr("All {count} curriculum files loaded without problems.").format(count=len(library.files)))
            self.problem_summary.setStyleSheet("")
        self.problems.setVisible(bool(library.problems))

    def _welcome_html(self) -> str:
        library = self._state.library
        counts = ", ".join(
            self.tr("{count} {group_type}").format(count=len(library.by_group_type(g)), group_type=core_word(g.label).lower())
            for g in GroupType if library.by_group_type(g)
        )
        return (
            self.tr("<h1>Curriculum library</h1><p>{count} curricula are loaded ({yet}).</p><p>Choose a curriculum or a session on the left to read its objectives, agenda, facilitator's script, prompts, role plays and handouts, or search with Ctrl+F.</p>").format(count=len(library.curricula), yet=counts or self.tr("none yet"))
        )
