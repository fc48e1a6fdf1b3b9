"""Every shipped handout, guide and role card prints, and reads back as what the curriculum says.

One workbook per curriculum holds every handout it has; one guide per session holds every
agenda item and role. The curricula are still being written, so these tests read whatever
is in ``curricula/`` rather than fixed counts.
"""

from __future__ import annotations

import re

import pytest
from pdfcheck import read_pdf

from facilitator.core import printing as P
from facilitator.core.library import Library, load_library
from facilitator.core.markup import plain_text
from facilitator.handouts import renderer_for
from facilitator.paths import shipped_curricula_dir

SHIPPED = load_library(shipped_curricula_dir())
CURRICULA = [c.id for c in SHIPPED.curricula if c.handout_count]
SESSIONS = [(c.id, s.id) for c in SHIPPED.curricula for s in c.sessions]
DEJAVU = {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_there_is_something_to_print() -> None:
    assert CURRICULA and SESSIONS


def first_words(body: str, count: int = 6) -> str:
    return " ".join(plain_text(body).split("\n")[0].split()[:count])


@pytest.mark.parametrize("curriculum_id", CURRICULA)
def test_every_handout_prints_in_the_workbook(curriculum_id: str) -> None:  # type: ignore[no-untyped-def]
    curriculum = SHIPPED.get(curriculum_id)
    model = P.build_workbook(curriculum, letterhead=P.Letterhead("Clinic"))
    renderer = renderer_for(model)
    pdf = read_pdf(renderer.render(model))
    assert len(pdf.pages) == renderer.page_count >= curriculum.handout_count + 2  # cover, contents
    text = pdf.text
    for session in curriculum.sessions:
        for handout in session.handouts:
            assert squash(handout.title) in text, handout.title
            assert squash(first_words(handout.body)) in text, handout.id
            for field in handout.worksheet:
                assert squash(field.prompt) in text, field.prompt
    assert {f["name"].split("+")[-1] for f in pdf.fonts()} <= DEJAVU
    assert all(f["embedded"] for f in pdf.fonts())


@pytest.mark.parametrize("curriculum_id", CURRICULA)
def test_every_handout_prints_in_large_print(curriculum_id: str) -> None:  # type: ignore[no-untyped-def]
    curriculum = SHIPPED.get(curriculum_id)
    model = P.build_workbook(curriculum, large_print=True)
    renderer = renderer_for(model)
    pdf = read_pdf(renderer.render(model))
    assert renderer.page_count >= curriculum.handout_count + 2
    first = curriculum.sessions[0].handouts[0] if curriculum.sessions[0].handouts else None
    if first is not None:
        words = first_words(first.body, 2)
        # The contents can run to several pages in a long curriculum: look at the first page after the cover that holds the words.
        sizes = next((s for page in range(2, len(pdf.pages)) if (s := pdf.sizes_of(words, page))), set())
        assert sizes and min(sizes) >= 18


@pytest.mark.parametrize(("curriculum_id", "session_id"), SESSIONS)
def test_every_session_guide_prints_its_agenda_and_roles(curriculum_id: str, session_id: str) -> None:  # type: ignore[no-untyped-def]
    curriculum = SHIPPED.get(curriculum_id)
    session = curriculum.session(session_id)
    pdf = read_pdf(renderer_for(model := P.build_guide(curriculum, session_id)).render(model))
    text = pdf.text
    assert squash(session.title) in text
    for item in session.agenda:
        assert squash(item.title) in text
        for prompt in item.prompts:
            assert squash(prompt) in text
        if item.role_play:
            for role in item.role_play.roles:
                assert squash(role.brief) in text
    assert P.label(curriculum.language, "page", page=len(pdf.pages), pages=len(pdf.pages)) in pdf.pages[-1]


def test_shipped_library_fixture_agrees(shipped_library: Library) -> None:
    assert [c.id for c in shipped_library.curricula] == [c.id for c in SHIPPED.curricula]


def test_the_spanish_family_curriculum_prints_its_labels_in_spanish() -> None:
    """The words around the curriculum's text come from the Spanish catalogue, as the UI's do."""
    curriculum = SHIPPED.get("family-recovery-es")
    assert curriculum.language == "es"
    session = next(s for s in curriculum.sessions if any(i.role_play for i in s.agenda))
    guide = read_pdf(renderer_for(model := P.build_guide(curriculum, session.id)).render(model))
    text = squash(guide.text)
    for spanish in ("Guía del facilitador", "Objetivos", "Agenda", "Preguntas para el grupo", "Tarjetas de roles", "Su rol"):
        assert spanish in text, spanish
    for english in ("Facilitator guide", "Objectives", "Questions for the group", "Role cards", "Your role", "Page "):
        assert english not in text, english
    assert f"Página {len(guide.pages)} de {len(guide.pages)}" in guide.pages[-1]
    book = read_pdf(renderer_for(model := P.build_workbook(curriculum)).render(model))
    assert "Cuaderno de trabajo" in book.text and "Contenido" in book.text and "Workbook" not in book.text
