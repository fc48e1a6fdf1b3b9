"""The aftercare plan on paper: English, Spanish, large print; the 988 box; no name in the metadata."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from facilitator.core.care import build_aftercare_print
from facilitator.handouts import render_pdf


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


CONTENT = {
    "supports": "My sister Ana\nSunday church group",
    "meetings": "SMART Recovery, Tuesday 7 pm, library",
    "warning_signs": "Skipping meals\nStaying home alone",
    "what_to_do": "Call my sponsor\nGo for a walk",
    "people_to_call": "Ana 555-0100",
    "next_appointment": "Eastside Clinic, 3 December, 10 am",
}


def test_the_english_plan_prints_every_part_and_the_crisis_line() -> None:
    model = build_aftercare_print(CONTENT, "Maria Elena", date(2026, 11, 26), clinic_name="Harbor Light IOP")
    reader, text = text_of(render_pdf(model, invariant=True))
    for expected in ("My aftercare plan", "For Maria", "My sister Ana", "SMART Recovery", "My warning signs",
                     "Call my sponsor", "Ana 555-0100", "Eastside Clinic", "Call or text 988",
                     "988 Suicide & Crisis Lifeline", "Harbor Light IOP"):
        assert expected in text
    assert "Elena" not in text  # the first name only
    assert "Maria" not in str(reader.metadata)
    assert render_pdf(model, invariant=True) == render_pdf(model, invariant=True)


def test_the_spanish_large_print_plan_takes_more_pages_in_spanish_words() -> None:
    regular = build_aftercare_print(CONTENT, "Maria", date(2026, 11, 26), language="es")
    large = build_aftercare_print(CONTENT, "Maria", date(2026, 11, 26), language="es", large_print=True)
    reader, text = text_of(render_pdf(large, invariant=True))
    regular_reader, _ = text_of(render_pdf(regular, invariant=True))
    for expected in ("Mi plan de cuidado", "Para Maria", "Mis señales de alerta", "Personas a las que puedo llamar",
                     "Llame o mande un texto al 988"):
        assert expected in text
    assert len(reader.pages) > len(regular_reader.pages)
