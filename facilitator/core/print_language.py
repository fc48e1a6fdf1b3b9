"""Which language each printed document speaks, and its words and dates in that language.

One rule, decided here and nowhere else:

* Clinic records (progress notes, reports, letters under a consent, billing, trends, safety,
  care documents) print in the language the user chose for the screen; the caller passes it
  (the UI its ``current_language()``, the command line its ``--language``).
* The sign-in sheet goes round the room, so it prints in the group's curriculum's language,
  whatever the screen speaks (the screen's when the meeting has no curriculum).
* A take-home handout prints in the participant's preferred language when the record has one,
  else in the curriculum's, else in the screen's.

CSV files keep English column headers whatever the language: they are read by machines.

Printed words are marked where they are written with ``QT_TRANSLATE_NOOP(context, text)``
under one context per document (``print.notes``, ``print.report``, ``print.signin``,
``print.letter``, ``print.billing``, ...) and looked up with :func:`tr`; a word without a
translation prints in English. Dates print with day and month names in the language
(:func:`long_date`, :func:`short_day`); numbers of days stay ISO (2026-03-03) in tables.
"""

from __future__ import annotations

from datetime import date

from .catalogue import QT_TRANSLATE_NOOP, SOURCE_LANGUAGE, has_catalogue, primary_language, translate

# Languages documents print in; anything else prints in English.
PRINT_LANGUAGES = ("en", "es")


def print_language(language: str | None) -> str:
    """``es-MX`` -> ``es``; an unknown or empty language -> English."""
    primary = primary_language(language or SOURCE_LANGUAGE)
    return primary if primary in PRINT_LANGUAGES and has_catalogue(primary) else SOURCE_LANGUAGE


def clinic_record_language(screen_language: str | None) -> str:
    """Notes, reports, letters, billing: the language the user chose for the screen."""
    return print_language(screen_language)


def sign_in_language(curriculum_language: str | None, screen_language: str | None = None) -> str:
    """The sign-in sheet goes round the room: the group's curriculum's language, else the screen's."""
    return print_language(curriculum_language or screen_language)


def handout_language(
    participant_language: str | None, curriculum_language: str | None = None, screen_language: str | None = None
) -> str:
    """A take-home handout: the participant's preferred language, else the curriculum's, else the screen's.

    The code is kept as given (``es-MX`` stays ``es-MX``): a handout prints the curriculum's edition
    closest to it (``core.printing.edition_for``), and its labels fall back to English when the
    catalogue has no such language.
    """
    for choice in (participant_language, curriculum_language, screen_language):
        if choice and choice.strip():
            return choice.strip()
    return SOURCE_LANGUAGE


def tr(language: str, context: str, text: str, **values: object) -> str:
    """``text`` (marked under ``context``) in ``language``, with ``{name}`` places filled."""
    out = translate(language, context, text)
    return out.format(**values) if values else out


def core_word(language: str, text: str) -> str:
    """A word the core hands out (a status, a kind, a note section) in ``language``: the catalogue's "core"."""
    return translate(language, "core", text) if text else text


# -- dates ---------------------------------------------------------------------------------

_ES_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_ES_DAYS_SHORT = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
_ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre")
_ES_MONTHS_SHORT = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")


def _spanish(language: str) -> bool:
    return print_language(language) == "es"


def weekday(language: str, day: date, *, short: bool = False) -> str:
    """"Tuesday"/"Tue", or "martes"/"mar"."""
    if _spanish(language):
        return (_ES_DAYS_SHORT if short else _ES_DAYS)[day.weekday()]
    return day.strftime("%a" if short else "%A")


def long_date(language: str, day: date) -> str:
    """"Tuesday 3 March 2026", or "martes 3 de marzo de 2026"."""
    if _spanish(language):
        return f"{_ES_DAYS[day.weekday()]} {day.day} de {_ES_MONTHS[day.month - 1]} de {day.year}"
    return f"{day:%A} {day.day} {day:%B %Y}"


def day_month(language: str, day: date) -> str:
    """A chart's axis: "Mar 03", or "03 mar"."""
    if _spanish(language):
        return f"{day.day:02d} {_ES_MONTHS_SHORT[day.month - 1]}"
    return day.strftime("%b %d")


def short_day(language: str, day: date) -> str:
    """A table's date: "Tue 2026-03-03", or "mar 2026-03-03"."""
    return f"{weekday(language, day, short=True)} {day.isoformat()}"


def day_and_date(language: str, day: date) -> str:
    """A header's date: "Tuesday 2026-03-03", or "martes 2026-03-03"."""
    return f"{weekday(language, day)} {day.isoformat()}"


COMMON = "print.common"
_COMMON_WORDS = (
    QT_TRANSLATE_NOOP("print.common", "{first} to {last}"),
    QT_TRANSLATE_NOOP("print.common", "{title} (continued)"),
    QT_TRANSLATE_NOOP("print.common", "None."),
)


def period(language: str, first: date, last: date) -> str:
    """"2026-03-02 to 2026-04-10", or "2026-03-02 al 2026-04-10"."""
    return tr(language, COMMON, "{first} to {last}", first=first.isoformat(), last=last.isoformat())


def continued(language: str, title: str) -> str:
    return tr(language, COMMON, "{title} (continued)", title=title)


__all__ = [
    "PRINT_LANGUAGES",
    "clinic_record_language",
    "continued",
    "core_word",
    "day_and_date",
    "day_month",
    "handout_language",
    "long_date",
    "period",
    "print_language",
    "short_day",
    "sign_in_language",
    "tr",
    "weekday",
]
