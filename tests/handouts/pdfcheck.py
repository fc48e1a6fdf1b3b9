"""Fixtures for the handout tests: a small two-language library, and a PDF reader.

Test modules import them by name. They are not in a conftest.py because a second module
named ``conftest`` shadows the root one for tests that import from it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from pypdf import PdfReader

from facilitator.core.library import Library, load_library

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


@cache
def load_sample_library() -> Library:
    library = load_library(None, None, extra=[FIXTURES])
    assert library.ok, library.problems
    return library


def squash(text: str) -> str:
    """Whitespace of any kind (line breaks, tabs) as single spaces."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class ReadPdf:
    """What pypdf reads back from a PDF: text per page, fonts, metadata, sizes of text runs."""

    reader: PdfReader

    @cached_property
    def pages(self) -> list[str]:
        return [squash(p.extract_text() or "") for p in self.reader.pages]

    @cached_property
    def text(self) -> str:
        return " ".join(self.pages)

    def fonts(self) -> list[dict[str, object]]:
        """Every font any page uses: its name, and whether its program is embedded."""
        found = {}
        for page in self.reader.pages:
            resources = page.get("/Resources") or {}
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and font.get("/DescendantFonts"):
                    descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[str(font["/BaseFont"])] = {"name": str(font["/BaseFont"]), "embedded": embedded}
        return list(found.values())

    def sizes_of(self, words: str, page: int = 0) -> set[float]:
        """Font sizes of the text runs on ``page`` that hold ``words``."""
        sizes: set[float] = set()

        def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
            if words in text:
                sizes.add(round(size * abs(tm[3] or 1), 1))

        self.reader.pages[page].extract_text(visitor_text=visit)
        return sizes

    @property
    def metadata_text(self) -> str:
        meta = self.reader.metadata or {}
        return " ".join(str(v) for v in meta.values())


def read_pdf(pdf: bytes | Path) -> ReadPdf:
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    assert data.startswith(b"%PDF-")
    return ReadPdf(PdfReader(io.BytesIO(data)))
