"""Find colours written as literals in Python source: hex (#b00020), rgb()/hsl(), named colours in a
style sheet, QColor("white") or QColor(140, 140, 140), and Qt's global colours (Qt.red)."""

from __future__ import annotations

import io
import re
import tokenize

_HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-zA-Z_])")
_FUNCTION = re.compile(r"\b(?:rgba?|hsla?)\s*\(")
_NAMED = re.compile(
    r"(?:color|background(?:-color)?|border(?:-[a-z]+)?)\s*:[^;'\"{}]*\b(?:white|black|red|green|blue|yellow|gr[ae]y|"
    r"orange|purple|pink|brown|navy|maroon|silver)\b",
    re.IGNORECASE,
)
_CODE = re.compile(
    r"\bQColor\(\s*(?:['\"]|\d)|\bQt\.GlobalColor\b|\bQt\.(?:white|black|red|green|blue|cyan|magenta|yellow|gray|"
    r"darkGray|lightGray|darkRed|darkGreen|darkBlue|darkYellow|darkCyan|darkMagenta)\b"
)
_STRING_TOKENS = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}


def colour_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of each colour literal in ``source``."""
    found: list[tuple[int, str]] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in _STRING_TOKENS and any(rx.search(token.string) for rx in (_HEX, _FUNCTION, _NAMED)):
            found.append((token.start[0], token.string))
    for n, line in enumerate(source.splitlines(), start=1):
        code = _without_comment(line)
        if _CODE.search(code):
            found.append((n, line.strip()))
    return found


def _without_comment(line: str) -> str:
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(line).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return line
    comment = next((t for t in tokens if t.type == tokenize.COMMENT), None)
    return line if comment is None else line[: comment.start[1]]
