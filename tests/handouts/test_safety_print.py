"""Crisis numbers on every handout set, and the facilitator's safety protocol on paper.

Every shipped curriculum's first session with handouts is printed as a participant would get
it and read back with pypdf: each copy carries the crisis box once, in the copy's language.
"""

from __future__ import annotations

import pytest
from pdfcheck import load_sample_library, read_pdf, squash

from facilitator.core import printing as P
from facilitator.core.library import load_library
from facilitator.core.safety import CRISIS_BOXES, PROTOCOL, SafetyProtocolPrint, crisis_box
from facilitator.handouts import render_pdf, renderer_for
from facilitator.paths import shipped_curricula_dir

SHIPPED = load_library(shipped_curricula_dir())
# What every box must let a reader find, per language: the words around each number too.
MUST_SAY = {
    "en": ["Call or text 988", "1-800-662-4357", "Dial 988, then press 1, or text 838255", "Call 911"],
    "es": ["Llame o mande un texto al 988", "1-800-662-4357", "Marque 988 y luego 1, o mande un texto al 838255", "Llame al 911"],
}


def first_session_with_handouts(curriculum_id: str) -> str:
    return next(s.id for s in SHIPPED.get(curriculum_id).sessions if s.handouts)


def box_count(text: str, language: str) -> int:
    return squash(text).count(squash(crisis_box(language).title))


@pytest.mark.parametrize("curriculum_id", [c.id for c in SHIPPED.curricula if c.handout_count])
def test_every_shipped_handout_set_carries_the_crisis_box(curriculum_id: str) -> None:
    curriculum = SHIPPED.get(curriculum_id)
    language = curriculum.language.split("-")[0]
    recipients = P.anonymous_recipients(2, language=curriculum.language)
    model = P.build_packet(curriculum, first_session_with_handouts(curriculum_id), recipients, library=SHIPPED)
    pdf = read_pdf(render_pdf(model))
    assert box_count(pdf.text, language) == 2, "once in each copy's set"
    for words in MUST_SAY[language]:
        assert pdf.text.count(words) >= 2, words
    # The box follows the set's first handout, before its second handout starts.
    titles = [squash(h.title) for h in model.copies[0].handouts]
    box_page = next(i for i, page in enumerate(pdf.pages) if box_count(page, language))
    assert titles[0] in " ".join(pdf.pages[: box_page + 1])
    if len(titles) > 1:
        second = next(i for i, page in enumerate(pdf.pages) if page.count(titles[1]) > page.count(f"{titles[1]} ("))
        assert box_page < second


@pytest.mark.parametrize("curriculum_id", [c.id for c in SHIPPED.curricula if c.handout_count])
def test_every_shipped_workbook_carries_the_crisis_box_on_its_cover(curriculum_id: str) -> None:
    curriculum = SHIPPED.get(curriculum_id)
    model = P.build_workbook(curriculum)
    pdf = read_pdf(render_pdf(model))
    language = curriculum.language.split("-")[0]
    assert box_count(pdf.pages[0], language) == 1
    assert box_count(pdf.text, language) == 1


def test_each_copy_gets_the_box_in_its_own_language() -> None:
    library = load_sample_library()
    model = P.build_packet(
        library.get("print-sample"),
        "saying-no",
        [P.Recipient("Ana", language="es"), P.Recipient("Ben"), P.Recipient("Cy", language="es-MX", large_print=True)],
        library=library,
        show_names=True,
    )
    renderer = renderer_for(model)
    pdf = read_pdf(renderer.render(model))
    assert box_count(pdf.text, "es") == 2 and box_count(pdf.text, "en") == 1
    ben = [p for p in pdf.pages if "Ben" in p]
    assert sum(box_count(p, "en") for p in ben) == 1
    assert not any(box_count(p, "es") for p in ben)
    cy = [i for i, p in enumerate(pdf.pages) if "Cy" in p and box_count(p, "es")]
    assert cy and min(pdf.sizes_of("988", cy[0])) >= 18, "large print keeps the box large too"


def test_both_languages_say_the_same_things() -> None:
    assert set(CRISIS_BOXES) == {"en", "es"}
    en, es = CRISIS_BOXES["en"], CRISIS_BOXES["es"]
    assert len(en.lines) == len(es.lines) == 4
    for a, b in zip(en.lines, es.lines, strict=True):
        digits = lambda s: "".join(ch for ch in s if ch.isdigit())  # noqa: E731
        assert digits(a.how) == digits(b.how), (a.how, b.how)
    assert "any mental-health or substance-use crisis" in en.lines[0].when
    assert "English and Spanish" in en.lines[1].when and "24 hours" in en.lines[1].when
    assert crisis_box("fr") is en and crisis_box("es-MX") is es


def test_the_protocol_covers_what_a_facilitator_must_do() -> None:
    sections = {s.id: s for s in PROTOCOL}
    assert list(sections) == ["before-group", "intoxicated", "suicide", "overdose"]
    assert len({s.key for s in PROTOCOL}) == len(PROTOCOL)

    def says(section: str, *words: str) -> None:
        text = " ".join((sections[section].summary, *sections[section].steps, *sections[section].notes)).lower()
        for w in words:
            assert w.lower() in text, f"{section}: {w}"

    says("intoxicated", "privately", "medical emergency", "call 911", "suicide", "do not let them drive", "not a punishment", "write down")
    says("suicide", "ask directly", "are you thinking about killing yourself", "stay with them", "not even for a minute",
         "lethal means", "firearms", "hand over in person", "document", "988", "safety plan", "call 911")
    says("overdose", "call 911", "naloxone", "nostril", "one breath every 5 seconds", "another dose",
         "recovery position", "stay with them", "xylazine", "stimulant", "over the counter")


def test_the_protocol_prints_every_step_and_the_crisis_box() -> None:
    model = SafetyProtocolPrint(letterhead=P.Letterhead("Riverside IOP"))
    renderer = renderer_for(model)
    pdf = read_pdf(renderer.render(model))
    for section in PROTOCOL:
        assert squash(section.title) in pdf.text
        for step in (*section.steps, *section.notes):
            assert squash(step)[:70] in pdf.text, step  # (a step may run on past the page furniture)
    assert box_count(pdf.text, "en") == 1
    assert "PEP23-03-00-001" in pdf.text and "TIP 50" in pdf.text
    assert all("Riverside IOP" in page for page in pdf.pages)
    for section in PROTOCOL[2:]:  # each emergency starts a page, to find and to post
        assert any(squash(section.title) in page[:120] for page in pdf.pages[1:]), section.title
    large = SafetyProtocolPrint(large_print=True)
    assert min(read_pdf(render_pdf(large)).sizes_of("Know where the naloxone kit", 0)) >= 18
