"""The one CSV writer for every export: cells a spreadsheet would run as formulas are defused.

A name typed as ``=HYPERLINK("http://…"&E3,"Quinn")`` must reach Excel or LibreOffice as
text, never as a live formula. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return (or the full-width ``＝ ＋ － ＠`` some spreadsheets fold to them) gets a
leading apostrophe, the spreadsheets' own "this is text" mark (OWASP's advice). Numbers stay
numbers: only text is touched. Line breaks inside a cell are kept, quoted, as CSV allows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

# What a spreadsheet reads as the start of a formula, including the full-width forms.
FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def safe_cell(value: object) -> object:
    """``value`` as a spreadsheet will show it and never run it."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` with every text cell defused; rows end in CRLF (RFC 4180), so a CR or LF inside a cell is always quoted."""

    def __init__(self, fh: IO[str]) -> None:
        self._writer = csv.writer(fh, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(fh: IO[str]) -> SafeWriter:
    return SafeWriter(fh)


def to_text(header: Iterable[Any], rows: Iterable[Iterable[Any]]) -> str:
    """A whole CSV document as text: the header, then the rows."""
    out = io.StringIO()
    w = SafeWriter(out)
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()
