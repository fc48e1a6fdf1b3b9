"""Type sizes and paragraph styles for regular and large print.

Regular print sets body text at 12 pt, which reads comfortably for most adults; large
print sets it at 18 pt (the usual threshold for large-print material) and scales the
rest, including the space left for handwriting.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from . import fonts

INK = colors.black
MUTED = colors.Color(0.32, 0.32, 0.32)
RULE = colors.Color(0.55, 0.55, 0.55)


@dataclass(frozen=True)
class Sizes:
    body: float
    leading: float
    heading: float
    title: float
    small: float
    line_gap: float  # distance between ruled writing lines
    indent: float


REGULAR = Sizes(body=12, leading=16.5, heading=14.5, title=20, small=9, line_gap=26, indent=18)
LARGE = Sizes(body=18, leading=24.5, heading=22, title=28, small=13, line_gap=38, indent=26)


@dataclass(frozen=True)
class Styles:
    sizes: Sizes
    body: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    kicker: ParagraphStyle  # the small line above a title ("Session 3: ...")
    bullet: ParagraphStyle
    numbered: ParagraphStyle
    prompt: ParagraphStyle
    check: ParagraphStyle
    small: ParagraphStyle
    small_bold: ParagraphStyle
    item_kicker: ParagraphStyle  # "0:20–0:45 · Teaching · 25 min" above an agenda item
    item_heading: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


@cache
def styles(large_print: bool = False) -> Styles:
    """Styles for one print size; built once per process and shared (they are never changed)."""
    fonts.register_fonts()
    s = LARGE if large_print else REGULAR
    prefix = "large-" if large_print else ""
    body = ParagraphStyle(
        prefix + "body",
        fontName=fonts.REGULAR,
        fontSize=s.body,
        leading=s.leading,
        spaceAfter=s.body * 0.55,
        textColor=INK,
    )
    heading = ParagraphStyle(
        prefix + "heading",
        parent=body,
        fontName=fonts.BOLD,
        fontSize=s.heading,
        leading=s.heading * 1.25,
        spaceBefore=s.body * 0.6,
        spaceAfter=s.body * 0.35,
        keepWithNext=1,
    )
    title = ParagraphStyle(
        prefix + "title",
        parent=heading,
        fontSize=s.title,
        leading=s.title * 1.2,
        spaceBefore=0,
        spaceAfter=s.body * 0.9,
    )
    kicker = ParagraphStyle(
        prefix + "kicker",
        parent=body,
        fontSize=s.small + 1,
        leading=(s.small + 1) * 1.3,
        textColor=MUTED,
        spaceAfter=2,
        keepWithNext=1,
    )
    bullet = ParagraphStyle(
        prefix + "bullet",
        parent=body,
        leftIndent=s.indent,
        bulletIndent=s.indent * 0.25,
        bulletFontName=fonts.REGULAR,
        bulletFontSize=s.body,
        spaceAfter=s.body * 0.3,
    )
    numbered = ParagraphStyle(
        prefix + "numbered", parent=bullet, leftIndent=s.indent * 1.25, bulletIndent=s.indent * 0.1
    )
    prompt = ParagraphStyle(
        prefix + "prompt",
        parent=body,
        fontName=fonts.BOLD,
        spaceBefore=s.body * 0.5,
        spaceAfter=s.body * 0.2,
        keepWithNext=1,
    )
    check = ParagraphStyle(
        prefix + "check",
        parent=bullet,
        leftIndent=s.indent * 1.3,
        bulletIndent=s.indent * 0.15,
        bulletFontSize=s.body * 1.15,
    )
    small = ParagraphStyle(
        prefix + "small", parent=body, fontSize=s.small, leading=s.small * 1.3, spaceAfter=0, textColor=MUTED
    )
    small_bold = ParagraphStyle(prefix + "small-bold", parent=small, fontName=fonts.BOLD, textColor=INK)
    item_kicker = ParagraphStyle(prefix + "item-kicker", parent=kicker, spaceBefore=s.body * 1.1)
    item_heading = ParagraphStyle(prefix + "item-heading", parent=heading, spaceBefore=0)
    cell = ParagraphStyle(prefix + "cell", parent=body, fontSize=s.body * 0.92, leading=s.body * 1.15, spaceAfter=0)
    cell_bold = ParagraphStyle(prefix + "cell-bold", parent=cell, fontName=fonts.BOLD)
    return Styles(
        s,
        body,
        heading,
        title,
        kicker,
        bullet,
        numbered,
        prompt,
        check,
        small,
        small_bold,
        item_kicker,
        item_heading,
        cell,
        cell_bold,
    )
