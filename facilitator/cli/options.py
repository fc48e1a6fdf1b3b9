"""Options several commands share, defined once so they read and behave the same everywhere."""

from __future__ import annotations

import argparse

DEFAULT_PRINT_LANGUAGE = "en"  # there is no clinic-wide language setting: English unless told


def print_language_arg(text: str) -> str:
    """``es``, ``ES`` or ``es-MX`` -> ``es``; a language documents do not print in is refused."""
    from ..core.print_language import PRINT_LANGUAGES, primary_language

    code = primary_language(text.strip())
    if code not in PRINT_LANGUAGES:
        raise argparse.ArgumentTypeError(f"choose one of {', '.join(PRINT_LANGUAGES)}, not {text!r}")
    return code


def add_language_option(
    parser: argparse.ArgumentParser,
    *,
    default: str | None = DEFAULT_PRINT_LANGUAGE,
    help: str = "the language the document's labels, dates and 42 CFR part 2 notice print in: en or es "  # noqa: A002
    "(default: en); CSV column headers stay English",
    free: bool = False,
) -> None:
    """``--language``: the language a printed or exported document speaks (core/print_language.py).

    ``free`` takes any language code as typed (the handouts command, which looks for a curriculum
    edition in that language and warns when there is none).
    """
    parser.add_argument(
        "--language",
        metavar="en|es" if not free else "xx",
        type=str if free else print_language_arg,
        default=default,
        help=help,
    )
