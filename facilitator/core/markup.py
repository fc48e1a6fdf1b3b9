"""The handout body's light markup, parsed once into blocks for every renderer.

Markup: blank-line paragraphs, ``## `` headings, ``- `` bullets, ``1. `` numbered lists,
``**bold**`` and ``*italic*``. The library view, the handout PDFs and the reading-level
check all read these blocks, so the three can never disagree about what a body says.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph", "bullets", "numbered"]


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    """A heading or paragraph has one item; a list has one item per entry."""

    kind: BlockKind
    items: tuple[tuple[Span, ...], ...]


_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_BULLET = re.compile(r"^[-*]\s+(.*)$")
_NUMBER = re.compile(r"^\d+[.)]\s+(.*)$")
_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*")


def parse_inline(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            spans.append(Span(text[pos : match.start()]))
        if match.group(1) is not None:
            spans.append(Span(match.group(1), bold=True))
        else:
            spans.append(Span(match.group(2), italic=True))
        pos = match.end()
    if pos < len(text):
        spans.append(Span(text[pos:]))
    return tuple(spans)


def parse(body: str) -> list[Block]:
    """Split a body into blocks; lines of a paragraph or list entry are joined with spaces."""
    blocks: list[Block] = []
    kind: BlockKind | None = None
    items: list[list[str]] = []

    def flush() -> None:
        nonlocal kind, items
        if kind is not None and items:
            blocks.append(Block(kind, tuple(parse_inline(" ".join(i)) for i in items)))
        kind, items = None, []

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if m := _HEADING.match(line):
            flush()
            blocks.append(Block("heading", (parse_inline(m.group(1).strip()),)))
            continue
        for pattern, list_kind in ((_BULLET, "bullets"), (_NUMBER, "numbered")):
            if m := pattern.match(line):
                if kind != list_kind:
                    flush()
                    kind = list_kind  # type: ignore[assignment]
                items.append([m.group(1).strip()])
                break
        else:
            if kind in ("bullets", "numbered") and raw[:1].isspace():
                items[-1].append(line)  # an indented continuation of the list entry
            elif kind == "paragraph":
                items[-1].append(line)
            else:
                flush()
                kind, items = "paragraph", [[line]]
    flush()
    return blocks


def spans_text(spans: tuple[Span, ...]) -> str:
    return "".join(s.text for s in spans)


def plain_text(body: str) -> str:
    """The body's words without markup: one line per heading, paragraph or list entry."""
    lines = []
    for block in parse(body):
        lines += [spans_text(item) for item in block.items]
    return "\n".join(lines)


def spans_html(spans: tuple[Span, ...]) -> str:
    out = []
    for s in spans:
        text = html.escape(s.text)
        if s.bold:
            text = f"<b>{text}</b>"
        if s.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def to_html(body: str) -> str:
    """Simple HTML for Qt's rich text: the library view shows handouts with this."""
    out = []
    for block in parse(body):
        if block.kind == "heading":
            out.append(f"<h4>{spans_html(block.items[0])}</h4>")
        elif block.kind == "paragraph":
            out.append(f"<p>{spans_html(block.items[0])}</p>")
        else:
            tag = "ul" if block.kind == "bullets" else "ol"
            entries = "".join(f"<li>{spans_html(i)}</li>" for i in block.items)
            out.append(f"<{tag}>{entries}</{tag}>")
    return "\n".join(out)
