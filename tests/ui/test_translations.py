"""The UI speaks the workstation's language: every marked string has a finished Spanish entry,
the shipped .qm is built from the .ts as it is now, no UI text bypasses tr(), and a Spanish
UI keeps its keyboard accelerators unique per menu."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "facilitator" / "ui"
TRANSLATIONS = ROOT / "facilitator" / "translations"
CATALOGUES = sorted(TRANSLATIONS.glob("facilitator_*.ts"))
sys.path.insert(0, str(ROOT / "docs" / "tools"))

import update_translations  # noqa: E402


def entries(ts: Path) -> list[tuple[str, str, ET.Element | None]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def unfinished(ts: Path) -> list[tuple[str, str]]:
    return [
        (context, source)
        for context, source, translation in entries(ts)
        if translation is None or translation.get("type") or not (translation.text or "").strip()
    ]


def test_there_is_a_spanish_catalogue() -> None:
    assert [p.name for p in CATALOGUES] == ["facilitator_es.ts"]
    assert len(entries(CATALOGUES[0])) > 1000


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_every_entry_is_finished(ts: Path) -> None:
    assert unfinished(ts) == []


@pytest.mark.slow
@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_every_string_in_the_code_is_in_the_catalogue(ts: Path, tmp_path: Path) -> None:
    """lupdate over the code as it is now adds nothing: no new string waits for a translation."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    sources = [str(p) for p in update_translations.marked_sources()]
    sources.append(str(update_translations.write_core_words(tmp_path)))
    subprocess.run(
        [update_translations.tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert unfinished(copy) == []
    assert {(c, s) for c, s, _ in entries(copy)} == {(c, s) for c, s, _ in entries(ts)}


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_the_shipped_qm_is_built_from_the_ts_as_it_is(ts: Path, tmp_path: Path) -> None:
    """A .qm older than its .ts (the .ts edited, lrelease not run again) fails here.

    Compared by content, not by file time: a fresh checkout writes both files in whatever
    order git likes, and lrelease builds the same bytes from the same .ts.
    """
    shipped = ts.with_suffix(".qm")
    assert shipped.is_file(), f"{shipped.name} is missing: run docs/tools/update_translations.py"
    built = tmp_path / shipped.name
    subprocess.run(
        [update_translations.tool("pyside6-lrelease"), str(ts), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == shipped.read_bytes(), (
        f"{shipped.name} is older than {ts.name}: run docs/tools/update_translations.py"
    )


PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def accelerators(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.name)
def test_translations_keep_placeholders_markup_and_accelerators(ts: Path) -> None:
    wrong = []
    for context, source, translation in entries(ts):
        text = (translation.text or "") if translation is not None else ""
        if (
            sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
            or sorted(TAG.findall(source)) != sorted(TAG.findall(text))
            or accelerators(source) != accelerators(text)
            or source.count("\n") != text.count("\n")
        ):
            wrong.append((context, source, text))
    assert wrong == []


# -- no UI text outside tr() ------------------------------------------------------------------

TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setPlaceholderText", "setTitle", "addTab",
    "setTabText", "addAction", "addMenu", "QAction", "QLabel", "QPushButton", "QCheckBox", "QRadioButton",
    "QGroupBox", "QToolButton", "QListWidgetItem", "QTreeWidgetItem", "QTableWidgetItem", "showMessage",
    "setHorizontalHeaderLabels", "setHeaderLabels", "addItem", "addItems", "setAccessibleName",
    "setAccessibleDescription", "setLabelText", "setInformativeText", "setSuffix", "addRow", "addButton",
    "show_error", "information", "warning", "question", "critical", "about", "QMessageBox", "getText", "getItem",
    "getInt", "getOpenFileName", "getSaveFileName", "getExistingDirectory", "QProgressDialog", "setHtml",
    "titled", "with_progress",
}  # fmt: skip
LOGGERS = {"log", "logger", "logging"}


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return None


def _is_words(node: ast.AST) -> bool:
    """A literal a person reads: a string with a word in it, or an f-string."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and re.search(r"[A-Za-z]{2}", v.value) for v in node.values)
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(re.search(r"[A-Za-z]{2}", node.value))


def _candidates(arg: ast.AST) -> list[ast.AST]:
    """The literals an argument shows: itself, both sides of a conditional, the items of a list."""
    if isinstance(arg, ast.IfExp):
        return _candidates(arg.body) + _candidates(arg.orelse)
    if isinstance(arg, ast.BoolOp):
        return [c for v in arg.values for c in _candidates(v)]
    if isinstance(arg, (ast.List, ast.Tuple)):
        return [c for v in arg.elts for c in _candidates(v)]
    if isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Add):
        return _candidates(arg.left) + _candidates(arg.right)
    return [arg]


def bare_ui_strings(source: str, filename: str = "<string>") -> list[str]:
    """Where UI text is passed to a widget without tr()/translate(), or tr() is given an f-string or glued text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if name in ("tr", "translate") and node.args:
            text = node.args[-1] if name == "translate" else node.args[0]
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)) and isinstance(
                text, (ast.JoinedStr, ast.BinOp)
            ):
                found.append(f"{filename}:{node.lineno}: {name}() of an f-string or glued text")
            continue
        if name not in TEXT_CALLS or _name(receiver) in LOGGERS if receiver is not None else name not in TEXT_CALLS:
            continue
        args = list(node.args) + [k.value for k in node.keywords]
        if name == "addItem":  # addItem(text, userData): the data is for the program, not the reader
            args = args[:1]
        for arg in args:
            for literal in _candidates(arg):
                if _is_words(literal):
                    found.append(f"{filename}:{literal.lineno}: {name}({ast.unparse(literal)[:60]})")
    return found


# Words that are the same in every language the UI speaks (names, units, file patterns).
UNTRANSLATED_ON_PURPOSE: set[str] = set()


def test_the_scan_catches_a_bare_literal() -> None:
    sample = '''
class Page(QWidget):
    def build(self):
        self.title = QLabel("Today")
        self.setWindowTitle(f"Run {n}")
        button = QPushButton(self.tr("&Save"))
        box = QMessageBox.warning(self, "Print", self.tr("Not printed."))
        self.label.setText("Saved" if ok else self.tr("Not saved"))
        self.menu.addAction("&Quit")
        note = self.tr(f"Saved {count} marks")
        log.warning("Chime could not play")
        self.status.setText(self.tr("Saved {count} marks").format(count=n))
'''
    found = bare_ui_strings(sample)
    assert [f.split(": ", 1)[1] for f in found] == [
        "QLabel('Today')",
        "setWindowTitle(f'Run {n}')",
        "warning('Print')",
        "setText('Saved')",
        "addAction('&Quit')",
        "tr() of an f-string or glued text",
    ]


def test_no_ui_text_outside_tr() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        found += bare_ui_strings(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    found = [f for f in found if f.split(": ", 1)[1] not in UNTRANSLATED_ON_PURPOSE]
    assert found == []
