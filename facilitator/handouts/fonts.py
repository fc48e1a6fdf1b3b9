"""The fonts every handout prints in: DejaVu Sans, shipped in ``resources/fonts``.

DejaVu Sans covers Latin (Spanish, Vietnamese, Polish...), Greek and Cyrillic, and has
the ballot box the worksheets use. ReportLab embeds only the glyphs a document uses.
Registration parses about 2.7 MB of TrueType, so it happens once per process.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..paths import resource

FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


class FontMissing(RuntimeError):
    """The shipped fonts are not where they should be (a broken installation)."""


def register_fonts() -> None:
    """Register the family with ReportLab once; safe to call from any thread."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in FILES.items():
            path = resource("fonts", filename)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise FontMissing(f"The handout font {path} cannot be read; reinstall Facilitator.") from exc
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        _registered = True
