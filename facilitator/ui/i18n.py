"""The UI's language: Qt translators from facilitator/translations, chosen once at start-up.

Widgets translate their own words with ``self.tr("…")``; module-level functions use
``translate("context", "…")`` below (Qt's lupdate finds both). The language is this
workstation's preference (Settings, kept in ``settings.json``) or, when none is chosen, the
system locale's. ``install_translators`` runs before any window is built; a change of
language takes effect at the next start.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator

from facilitator.core.catalogue import Sentence

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "en"
# Languages the UI is translated into, by code, each named in its own language.
LANGUAGES = {"en": "English", "es": "Español"}
LOCAL_LANGUAGE_KEY = "ui_language"  # this workstation's choice, in LocalSettings.extra; "" = the system's


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` for module-level functions (lupdate reads the context from the call)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def system_language() -> str:
    """The system locale's language if the UI speaks it, else the source language."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def chosen_language(preference: str | None) -> str:
    """The language to show: this workstation's preference when it is one we have, else the system's."""
    if preference and preference in LANGUAGES:
        return preference
    return system_language()


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"facilitator_{language}.qm"


_installed: list[QTranslator] = []
_language = SOURCE_LANGUAGE
# The locale each UI language formats dates and numbers in (Latin American Spanish: Mexico's).
LOCALES = {"es": "es_MX"}
_source_locale: QLocale | None = None


def current_language() -> str:
    """The language the UI was set to speak at start-up."""
    return _language


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Install Facilitator's catalogue (and Qt's own, for standard buttons) for ``language``.

    Returns False, leaving the UI in English, when the catalogue is missing or unreadable.
    Installing again replaces what was installed before.
    """
    global _language, _source_locale
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if _source_locale is not None:
        QLocale.setDefault(_source_locale)
        _source_locale = None
    _language = SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE:
        return True
    ours = QTranslator(app)
    if not ours.load(str(qm_path(language))):
        log.warning("No translation catalogue for %s at %s; the UI stays in English", language, qm_path(language))
        return False
    _source_locale = QLocale()
    QLocale.setDefault(QLocale(LOCALES.get(language, language)))
    _language = language
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return True


def long_date(day: date) -> str:
    """"Thursday 26 November 2026", or the same in the UI's language ("jueves 26 de noviembre de 2026")."""
    if _language == SOURCE_LANGUAGE:
        return f"{day:%A %d %B %Y}"
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


_QT_FORMAT = {"%a": "ddd", "%A": "dddd", "%d": "dd", "%b": "MMM", "%B": "MMMM", "%Y": "yyyy", "%m": "MM",
              "%H": "HH", "%M": "mm", "%S": "ss"}


def date_text(value: date | datetime, fmt: str) -> str:
    """``value`` as strftime's ``fmt`` shows it, with day and month names in the UI's language."""
    if _language == SOURCE_LANGUAGE:
        return value.strftime(fmt)
    qt_format = re.sub(r"%[aAdbBYmHMS]", lambda m: _QT_FORMAT[m.group(0)], fmt)
    if isinstance(value, datetime):
        moment = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
        return QLocale().toString(moment, qt_format)
    return QLocale().toString(QDate(value.year, value.month, value.day), qt_format)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a module-level word for the catalogue; it is translated where it is shown."""
    return text


def core_word(text: str) -> str:
    """A word the Qt-free core hands the UI (a status, a kind, a setting's label), in the UI's language.

    The update script puts every such word in the catalogue under the context "core"
    (scripts/update_translations.py reads them from core's enums and declarations).
    """
    return QCoreApplication.translate("core", text)


def sentence_text(said: object) -> str:
    """What the core or the store said (an error, or a ``Sentence``), in the UI's language.

    A ``catalogue.Sentence`` has its template looked up in the installed catalogue and is
    formatted there, with the words inside it (a status, a kind) translated too; an error the
    core raised with a plain string, or any other text, is shown as it is.
    """
    if isinstance(said, BaseException):
        first = said.args[0] if said.args else None
        said = getattr(said, "sentence", None) or (first if isinstance(first, Sentence) else str(said))
    if isinstance(said, Sentence):
        return said.in_language(QCoreApplication.translate)
    return str(said)
