"""Bring the translation catalogues up to date with the code, build the .qm files, list what is missing.

    .venv/bin/python docs/tools/update_translations.py          # update .ts, build .qm, list untranslated
    .venv/bin/python docs/tools/update_translations.py --check  # the same, exit 1 if anything is untranslated
    .venv/bin/python docs/tools/update_translations.py --fill es.json  # the same, bringing in translations from a file

A ``--fill`` file is a JSON list of ``[context, source, translation]`` (or objects with those
keys) for one language (``--language``, Spanish unless told); each entry of the ``.ts`` with
that context and source takes that translation and is marked finished. It is how translations
written away from Qt Linguist (in a branch, by a reviewer) are brought in after lupdate.

It runs Qt's ``pyside6-lupdate`` over every module that marks words for translation
(``self.tr``, ``translate``, ``QT_TRANSLATE_NOOP``: facilitator/ui, and the Qt-free modules
that print or show words to the group, such as core/printing.py and core/room_view.py), plus
the words the Qt-free core hands the UI (enum labels, clinic settings, note sections), which
are gathered here under the context "core", and the sentences the core and the store say to
the user (``catalogue.say("core.care", "The plan's date {day} ...", day=...)``), gathered
here under their own contexts. Entries no longer in the code are dropped
(``-no-obsolete``); new ones arrive unfinished. Then ``pyside6-lrelease`` builds each ``.qm``
beside its ``.ts``. The ``.ts`` files are the source of truth and are kept in git; a
translator edits them (by hand or in ``pyside6-linguist``) and runs this again.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitator.core.catalogue import TRANSLATIONS_DIR  # noqa: E402

MARKERS = re.compile(r"(?<![\w.])(QT_TRANSLATE_NOOP|translate)\(|self\.tr\(")


def tool(name: str) -> str:
    """A Qt tool from the PySide6 wheel: beside this Python first, then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (the full wheel ships it)")
    return found


def marked_sources() -> list[Path]:
    """Every module under facilitator/ that marks words for the catalogue."""
    files = []
    for path in sorted((ROOT / "facilitator").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        if MARKERS.search(path.read_text(encoding="utf-8")):
            files.append(path)
    return files


def core_words() -> list[str]:
    """Words the core gives the UI to show: enum labels, clinic settings, note sections."""
    import facilitator.core as core
    from facilitator.core import clinic_settings, notes

    words: list[str] = []
    for info in pkgutil.iter_modules(core.__path__):
        module = importlib.import_module(f"facilitator.core.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, enum.Enum)
                and value.__module__ == module.__name__
                and isinstance(getattr(value, "label", None), property)
            ):
                words += [member.label for member in value]
    for spec in clinic_settings.SETTINGS.values():
        words += [spec.label, spec.help, spec.unit or ""]
    words += list(clinic_settings.SECTIONS)
    sections = list(notes.GROUP_SECTIONS) + [s for f in notes.NoteFormat for s in f.sections]
    for section in sections:
        words += [section.label, section.hint]
    return list(dict.fromkeys(w for w in words if w))


def said(source: str) -> list[tuple[str, str]]:
    """The (context, template) of every ``say("context", "template", ...)`` call in ``source``."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "say"
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
        ):
            found.append((node.args[0].value, node.args[1].value))
    return found


def core_sentences() -> list[tuple[str, str]]:
    """The sentences the Qt-free core and the store say to the user (``catalogue.say``), by context.

    lupdate does not know ``say``; they are handed to it as ``QT_TRANSLATE_NOOP`` lines.
    """
    sentences: list[tuple[str, str]] = []
    for path in sorted((ROOT / "facilitator").rglob("*.py")):
        if "migrations" in path.parts or "ui" in path.relative_to(ROOT / "facilitator").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "say(" in text:
            sentences += said(text)
    return list(dict.fromkeys(sentences))


def write_core_words(folder: Path) -> Path:
    path = folder / "core_words.py"
    lines = [f"QT_TRANSLATE_NOOP({'core'!r}, {word!r})\n" for word in core_words()]
    lines += [f"QT_TRANSLATE_NOOP({context!r}, {template!r})\n" for context, template in core_sentences()]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def untranslated(ts: Path) -> list[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                if translation is None or translation.get("type") not in ("vanished", "obsolete"):
                    missing.append((name, message.findtext("source") or ""))
    return missing


def fill(ts: Path, entries: list) -> tuple[int, list[tuple[str, str]]]:
    """Set the translations in ``entries`` on ``ts``; returns how many were set and those not found."""
    import xml.etree.ElementTree as ET

    wanted: dict[tuple[str, str], str] = {}
    for entry in entries:
        if isinstance(entry, dict):
            entry = [entry["context"], entry["source"], entry["translation"]]
        context, source, translation = entry
        wanted[(context, source)] = translation
    tree = ET.parse(ts)
    done: set[tuple[str, str]] = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key not in wanted:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            translation.text = wanted[key]
            translation.attrib.pop("type", None)
            done.add(key)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return len(done), sorted(set(wanted) - done)


def lupdate(catalogues: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sources = [str(p) for p in marked_sources()] + [str(write_core_words(Path(tmp)))]
        for ts in catalogues:
            subprocess.run(
                [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none", "-ts", str(ts)],
                check=True,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when an entry is untranslated")
    parser.add_argument("--fill", action="append", default=[], type=Path, metavar="JSON",
                        help="translations to bring in after updating (may be given more than once)")
    parser.add_argument("--language", default="es", help="the catalogue --fill writes to (default: es)")
    args = parser.parse_args()
    catalogues = sorted(TRANSLATIONS_DIR.glob("facilitator_*.ts"))
    if not catalogues:
        sys.exit(f"no facilitator_<language>.ts in {TRANSLATIONS_DIR}")
    lupdate(catalogues)
    if args.fill:
        import json

        target = TRANSLATIONS_DIR / f"facilitator_{args.language}.ts"
        for path in args.fill:
            count, unknown = fill(target, json.loads(path.read_text(encoding="utf-8")))
            print(f"{path}: {count} translations set in {target.name}; {len(unknown)} not in the code (left out)")
        lupdate(catalogues)  # once more, so the file keeps lupdate's own layout
    missing_total = 0
    for ts in catalogues:
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        missing = untranslated(ts)
        missing_total += len(missing)
        if missing:
            print(f"\n{ts.name}: {len(missing)} entries to translate")
            for context, source in missing:
                print(f"  [{context}] {source!r}")
        else:
            print(f"\n{ts.name}: every entry translated")
    return 1 if args.check and missing_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
