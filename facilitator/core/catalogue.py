"""The translation catalogue read without Qt, for words printed on paper or shown to the group.

The UI's translations live in Qt's own files, ``facilitator/translations/facilitator_<lang>.ts``
(XML, kept in the repository; the UI loads the ``.qm`` built from them). What the group sees
or takes home must speak the curriculum's language whatever the UI's language is, and the
core and the handout renderers may not import Qt, so they read the same ``.ts`` here: one
catalogue, one place where a translator works.

Words are marked where they are written with ``QT_TRANSLATE_NOOP("context", "text")`` (an
identity function, the name Qt's lupdate looks for) and looked up with
``translate(language, "context", "text")``. A language without a catalogue, or an entry not
yet finished, gives the English text.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for the catalogue under ``context``; it is translated where it is used."""
    return text


def primary_language(tag: str) -> str:
    """``es-MX`` and ``es_ES`` -> ``es``; empty -> the source language."""
    return (tag or SOURCE_LANGUAGE).replace("_", "-").split("-")[0].lower()


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"facilitator_{primary_language(language)}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """Every finished entry of a Qt ``.ts`` file: (context, source) -> translation.

    Entries marked unfinished, vanished or obsolete are left out, so their English shows.
    """
    entries: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue
            text = translation.text or ""
            if text:
                entries[(name, source)] = text
    return entries


_cache: dict[str, dict[tuple[str, str], str]] = {}
_lock = threading.Lock()


def catalogue(language: str) -> dict[tuple[str, str], str]:
    """The finished entries for ``language`` (empty for English or a language without a file)."""
    primary = primary_language(language)
    with _lock:
        if primary not in _cache:
            path = ts_path(primary)
            entries: dict[tuple[str, str], str] = {}
            if primary != SOURCE_LANGUAGE and path.is_file():
                try:
                    entries = read_ts(path)
                except (OSError, ET.ParseError):
                    log.warning("The translation catalogue %s could not be read; English is used", path, exc_info=True)
            _cache[primary] = entries
        return _cache[primary]


def translate(language: str, context: str, text: str) -> str:
    """``text`` in ``language`` when the catalogue has it, else as written (English)."""
    return catalogue(language).get((context, text), text)


def has_catalogue(language: str) -> bool:
    primary = primary_language(language)
    return primary == SOURCE_LANGUAGE or ts_path(primary).is_file()
