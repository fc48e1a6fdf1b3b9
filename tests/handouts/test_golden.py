"""Golden PDFs: the fixture curriculum rendered with ``invariant=True`` must not change unnoticed.

A layout change shows up here as a failed byte comparison. When the change is meant, look
at the new pages (``pdftoppm -png -r 60``) and regenerate:

    FACILITATOR_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/handouts/test_golden.py

ReportLab writes different bytes from one release to the next, so under another ReportLab
than the goldens were made with the test compares the text of every page instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import reportlab
from pdfcheck import load_sample_library, read_pdf

from facilitator.core import printing as P
from facilitator.core.library import Library
from facilitator.handouts import render_pdf

GOLDEN = Path(__file__).parent / "golden"
MANIFEST = GOLDEN / "manifest.json"
UPDATE = os.environ.get("FACILITATOR_UPDATE_GOLDEN") == "1"
CLINIC = P.Letterhead("Golden Valley Clinic")

MODELS: dict[str, Callable[[Library], P.PrintModel]] = {
    "packet.pdf": lambda lib: P.build_packet(
        lib.get("print-sample"),
        "saying-no",
        [P.Recipient("Ana", language="es"), P.Recipient("Ben", large_print=True)],
        library=lib,
        show_names=True,
        letterhead=CLINIC,
    ),
    "guide.pdf": lambda lib: P.build_guide(lib.get("print-sample"), "saying-no", letterhead=CLINIC),
    "role-cards-large.pdf": lambda lib: P.build_role_cards(lib.get("print-sample-es"), "saying-no", large_print=True),
    "workbook.pdf": lambda lib: P.build_workbook(lib.get("print-sample"), letterhead=CLINIC),
}


@pytest.fixture(scope="module")
def sample_library() -> Library:
    return load_sample_library()


@pytest.mark.parametrize("name", sorted(MODELS))
def test_golden(name: str, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    pdf = render_pdf(MODELS[name](sample_library), invariant=True)
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(pdf)
        MANIFEST.write_text(json.dumps({"reportlab": reportlab.Version}, indent=2) + "\n", encoding="utf-8")
    expected = path.read_bytes()
    made_with = json.loads(MANIFEST.read_text(encoding="utf-8"))["reportlab"]
    if made_with == reportlab.Version:
        assert pdf == expected, f"{name} changed; see this file's docstring to look and regenerate"
    else:
        assert read_pdf(pdf).pages == read_pdf(expected).pages
