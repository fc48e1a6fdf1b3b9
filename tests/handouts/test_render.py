"""Rendered PDFs read back with pypdf: words, pages, fonts, sizes, names and languages."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pdfcheck import load_sample_library, read_pdf
from PIL import Image

from facilitator.core import printing as P
from facilitator.core.curriculum import ChecklistField, LinesField, ScaleField
from facilitator.core.library import Library
from facilitator.core.markup import parse
from facilitator.handouts import render_pdf, renderer_for

CLINIC = P.Letterhead("Riverside Recovery Center (demo)")


@pytest.fixture(scope="module")
def sample_library() -> Library:
    return load_sample_library()


def packet(library: Library, recipients: list[P.Recipient], **kwargs: object) -> P.Packet:
    return P.build_packet(
        library.get("print-sample"), "saying-no", recipients, library=library, letterhead=CLINIC, **kwargs
    )  # type: ignore[arg-type]


def test_a_handout_prints_header_title_body_worksheet_and_footer(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    pdf = read_pdf(render_pdf(packet(sample_library, P.anonymous_recipients(1))))
    first = pdf.pages[0]
    assert first.count("Riverside Recovery Center (demo)") == 1
    for words in (
        "Five Ways to Say No",
        "Saying no is a skill. It gets easier with practice.",
        "Keep it short",
        "• Say no first, then the reason if you want to give one.",
        "1. Look at the person.",
        "3. Leave if you need to.",
        "Who is most likely to offer?",
        "☐ Say no first",
        "☐ Leave",
        "0 1 2 3 4 5 6 7 8 9 10",
        "none",
        "strongest",
        "Print Sample · Session 1: Saying No and Meaning It",
        "Page 1 of 2",
    ):
        assert words in first, words
    assert "Help is there, day or night" in pdf.pages[1], "the crisis box ends the set's first handout"
    assert "Page 2 of 2" in pdf.pages[1]
    assert "My Plan for the Weekend" in pdf.pages[2] and "Page 1 of 1" in pdf.pages[2]


def test_bold_and_italic_spans_use_the_bold_and_oblique_faces(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    pdf = read_pdf(render_pdf(packet(sample_library, P.anonymous_recipients(1))))
    names = {f["name"].split("+")[-1] for f in pdf.fonts()}
    assert names == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    assert all(f["embedded"] for f in pdf.fonts())


def test_copies_repeat_the_pages_and_number_each_handout_on_its_own(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    one = read_pdf(render_pdf(packet(sample_library, P.anonymous_recipients(1))))
    three = read_pdf(render_pdf(packet(sample_library, P.anonymous_recipients(3))))
    assert len(three.pages) == 3 * len(one.pages)
    assert sum(p.startswith("Five Ways to Say No") for p in three.pages) == 3
    numbers = [re.findall(r"Page \d+ of \d+", p) for p in three.pages]
    assert numbers == [re.findall(r"Page \d+ of \d+", p) for p in one.pages] * 3


def test_large_print_sets_the_body_at_18_points_or_more(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    regular = read_pdf(render_pdf(packet(sample_library, [P.Recipient()])))
    large = read_pdf(render_pdf(packet(sample_library, [P.Recipient(large_print=True)])))
    assert regular.sizes_of("Offer something else") == {12.0}
    assert large.sizes_of("Offer something else") == {18.0}
    assert min(large.sizes_of("Who is most likely")) >= 18
    assert len(large.pages[0].split()) < len(regular.pages[0].split()), "bigger type, fewer words a page"
    assert re.search(r"Page 1 of [2-9]", large.pages[0])


def test_spanish_prints_with_its_accents_and_labels(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    pdf = read_pdf(render_pdf(packet(sample_library, [P.Recipient(language="es")])))
    text = pdf.text
    for words in (
        "Cinco maneras de decir que no",
        "Decir que no es una habilidad. Se vuelve más fácil con la práctica: ¡sí, señor!",
        "¿Quién es más probable que le ofrezca?",
        "muchísimo",
        "Ejemplo de impresión · Sesión 1: Decir que no con firmeza",
        "Página 1 de 1",
        "Sábado",
    ):
        assert words in text, words
    assert pdf.reader.metadata.title == "Decir que no con firmeza — Ejemplo de impresión"


def test_names_print_on_their_own_copy_and_nowhere_else(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    people = [P.Recipient("Maria Lopez"), P.Recipient("Jo")]
    pdf = read_pdf(render_pdf(packet(sample_library, people, show_names=True)))
    per_copy = len(pdf.pages) // 2

    def jo(page: str) -> bool:
        return re.search(r"\bJo\b", page) is not None

    assert all("Maria" in p and not jo(p) for p in pdf.pages[:per_copy])
    assert all(jo(p) and "Maria" not in p for p in pdf.pages[per_copy:])
    assert "Lopez" not in pdf.text
    assert "Maria" not in pdf.metadata_text and "Jo" not in pdf.metadata_text
    off = read_pdf(render_pdf(packet(sample_library, people)))
    assert "Maria" not in off.text and not jo(off.text)


def test_every_font_is_embedded_even_for_greek_and_cyrillic() -> None:  # type: ignore[no-untyped-def]
    doc = P.HandoutDoc(
        handout_id="x",
        title="Ωμέγα и кириллица — ½ “quotes” – ✓",
        blocks=tuple(parse("Ελληνικά, русский, Tiếng Việt, Łódź, Ærø.")),
        worksheet=(
            LinesField("Twenty lines in large print run onto another page", 20),
            ChecklistField("Boxes", ("uno", "dos")),
            ScaleField("A 21-point scale", -10, 10, "very much less than usual", "very much more than usual"),
        ),
        curriculum_title="Sample",
        session_label="Session 1: Sample",
        language="en",
        large_print=True,
    )
    model = P.Packet("c", "s", "Sample", (P.PacketCopy("c", "s", "en", True, (doc,), "en"),))
    pdf = read_pdf(render_pdf(model))
    assert "Ελληνικά, русский, Tiếng Việt, Łódź, Ærø." in pdf.text
    assert "-10 -9" in pdf.text and "9 10" in pdf.text
    assert len(pdf.pages) >= 2
    assert all(f["embedded"] for f in pdf.fonts())


def test_a_logo_prints_and_a_broken_one_is_left_out(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (20, 90, 160)).save(buffer, "PNG")
    with_logo = P.Letterhead("Riverside", buffer.getvalue())
    model = P.build_packet(sample_library.get("print-sample"), "saying-no", [P.Recipient()], letterhead=with_logo)
    pdf = read_pdf(render_pdf(model))
    assert len(pdf.reader.pages[0].images) == 1
    broken = P.Letterhead("Riverside", b"not an image")
    model = P.build_packet(sample_library.get("print-sample"), "saying-no", [P.Recipient()], letterhead=broken)
    pdf = read_pdf(render_pdf(model))
    assert len(pdf.reader.pages[0].images) == 0 and "Riverside" in pdf.pages[0]


def test_progress_is_reported_copy_by_copy(sample_library: Library) -> None:
    seen: list[tuple[int, int]] = []
    render_pdf(
        packet(sample_library, P.anonymous_recipients(4)),
        progress=lambda done, total, _what: seen.append((done, total)),
    )
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_guide_has_agenda_with_minutes_script_prompts_and_cards(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    model = P.build_guide(sample_library.get("print-sample"), "saying-no", letterhead=CLINIC)
    renderer = renderer_for(model)
    pdf = read_pdf(renderer.render(model))
    assert renderer.page_count == len(pdf.pages) >= 2
    text = pdf.text
    for words in (
        "Facilitator guide",
        "Session 1: Saying No and Meaning It · 60 min",
        "Objectives • Name three ways to turn down an offer.",
        "Materials • Role cards",
        "Handouts • Five Ways to Say No • My Plan for the Weekend",
        "0:00 10 Check-in Check-in",
        "0:10 40 Role play Refusal practice",
        "0:50 10 Check-out Check-out",
        "Total 60",
        "0:10–0:50 · Role play · 40 min",
        "Set up chairs in threes.",
        "• Hand out the role cards.",
        "Questions for the group • One word for your week?",
        "On the room display: Thank you for coming.",
        "Scenario: An old friend offers a drink at a cookout.",
        "One round: Set-up 2 min · Play 5 min · Debrief 5 min = 12 min. 3 rounds; roles rotate each round.",
        "Debrief • What made saying no easier?",
        "Role cards",
        "Cut along the dashed lines",
    ):
        assert words in text, words
    last = pdf.pages[-1]
    assert all(role in last for role in ("Offerer", "Refuser", "Observer"))
    assert "☐ Eye contact" in last
    assert f"Page {len(pdf.pages)} of {len(pdf.pages)}" in last


@pytest.mark.parametrize(("large", "pages"), [(False, 1), (True, 2)])
def test_role_cards_fit_four_or_two_to_a_page(sample_library: Library, large: bool, pages: int) -> None:  # type: ignore[no-untyped-def]
    model = P.build_role_cards(sample_library.get("print-sample"), "saying-no", large_print=large)
    pdf = read_pdf(render_pdf(model))
    assert len(pdf.pages) == pages
    assert all(
        f"Your role: {brief}" in pdf.text for brief in ("Keep offering, kindly at first.", "Watch and report back.")
    )


def test_workbook_contents_point_at_the_right_pages(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    model = P.build_workbook(sample_library.get("print-sample"), letterhead=CLINIC)
    pdf = read_pdf(render_pdf(model))
    assert "Workbook Print Sample" in pdf.pages[0]
    contents = pdf.pages[1]
    assert contents.startswith("Contents Session 1: Saying No and Meaning It 3 . . .")
    for title in ("Five Ways to Say No", "My Plan for the Weekend"):
        listed = int(re.search(re.escape(title) + r" (\d+) \.", contents).group(1))
        assert pdf.pages[listed - 1].startswith(f"Session 1: Saying No and Meaning It {title}")
    assert "Talking It Through" not in pdf.text  # no handouts, so not in the workbook
    assert f"Page 2 of {len(pdf.pages)}" in contents


def test_invariant_output_is_byte_stable(sample_library: Library) -> None:
    model = packet(sample_library, P.anonymous_recipients(2))
    assert render_pdf(model, invariant=True) == render_pdf(model, invariant=True)
    assert render_pdf(model) != render_pdf(model, invariant=True)


def test_a_long_role_card_gets_more_room_instead_of_tiny_type(sample_library: Library) -> None:
    from facilitator.handouts.renderers import card_sheets
    from facilitator.handouts.styles import styles

    o, r, ob = P.build_role_cards(sample_library.get("print-sample"), "saying-no").cards
    wide = P.RoleCard("Practice", "A scenario. " * 12, "Observer", "Watch closely. " * 12, ("Something",) * 4, "", "en")
    huge = P.RoleCard(
        "Practice", "A scenario. " * 60, "Observer", "Watch closely. " * 90, ("Something",) * 12, "", "en"
    )
    area, st = (504.0, 600.0), styles(False)
    assert card_sheets((o, r, ob), st, False, *area) == [(2, ((o, r), (ob,)))]
    assert card_sheets((o, wide, r, ob), st, False, *area) == [(2, ((o,), (wide,))), (2, ((r, ob),))]
    assert card_sheets((o, huge, r), st, False, *area) == [(2, ((o,),)), (1, ((huge,),)), (2, ((r,),))]
    assert card_sheets((o, r, ob), styles(True), True, *area) == [(2, ((o,), (r,))), (2, ((ob,),))]


def test_two_sided_packets_start_every_copy_on_a_new_sheet(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    people = [P.Recipient("Ana", large_print=True), P.Recipient("Ben", large_print=True)]
    one_sided = read_pdf(render_pdf(packet(sample_library, people, show_names=True)))
    two_sided = read_pdf(render_pdf(packet(sample_library, people, show_names=True, two_sided=True)))
    per_copy = len(one_sided.pages) // 2
    assert per_copy % 2 == 1  # odd, so the second copy would start on the back of the first
    assert len(two_sided.pages) == len(one_sided.pages) + 1
    blank = two_sided.pages[per_copy]
    assert blank == "This page is left blank."  # no header, no name, no page number
    assert "Ben" in two_sided.pages[per_copy + 1] and "Page 1 of" in two_sided.pages[per_copy + 1]
    assert all("Ana" in p for p in two_sided.pages[:per_copy])
    assert [p for n, p in enumerate(two_sided.pages) if n != per_copy] == one_sided.pages


def test_two_sided_adds_no_page_after_an_even_copy_and_says_blank_in_the_copys_language(
    sample_library: Library,
) -> None:  # type: ignore[no-untyped-def]
    # Large print: the Spanish copy takes two pages, the English one three.
    people = [
        P.Recipient("Ana", language="es", large_print=True),
        P.Recipient("Ben", large_print=True),
        P.Recipient("Cy", language="es", large_print=True),
    ]
    one_sided = read_pdf(render_pdf(packet(sample_library, people, show_names=True)))
    pdf = read_pdf(render_pdf(packet(sample_library, people, show_names=True, two_sided=True)))
    lengths = [sum(n in p for p in one_sided.pages) for n in ("Ana", "Ben", "Cy")]
    assert sum(lengths) == len(one_sided.pages)
    # A blank back follows each copy with an odd page count (never the last), in that copy's language.
    expected: list[str] = []
    for i, (n, person) in enumerate(zip(lengths, people, strict=True)):
        expected += ["copy"] * n
        if n % 2 and i < len(people) - 1:
            expected.append("Esta página se deja en blanco." if person.language == "es" else "This page is left blank.")
    assert [p if p.endswith(("blank.", "blanco.")) else "copy" for p in pdf.pages] == expected
    starts = [n for n, p in enumerate(pdf.pages, 1) if p.startswith(("Cinco maneras", "Five Ways"))]
    assert len(starts) == 3 and all(n % 2 == 1 for n in starts)
    anas = P.build_packet(
        sample_library.get("print-sample"), "saying-no", [people[0], people[0]], library=sample_library, two_sided=True
    )
    ana_pages = lengths[0]
    assert len(read_pdf(render_pdf(anas)).pages) == 2 * ana_pages + (ana_pages % 2)  # even copies need no blank back

    # A Spanish copy of one page (its first handout only) is followed by a Spanish blank back.
    spanish = packet(sample_library, [P.Recipient(language="es")] * 2, two_sided=True)
    short = replace(spanish.copies[0], handouts=spanish.copies[0].handouts[:1])
    pages = read_pdf(render_pdf(replace(spanish, copies=(short, short)))).pages
    assert len(pages) == 3 and pages[1] == "Esta página se deja en blanco."


def test_one_sided_packets_have_no_blank_pages(sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    model = packet(sample_library, [P.Recipient(large_print=True)] * 3)
    renderer = renderer_for(model)
    pages = read_pdf(renderer.render(model)).pages
    assert renderer.blank_pages == 0 and all(p.strip() for p in pages)
    two = packet(sample_library, [P.Recipient(large_print=True)] * 3, two_sided=True)
    renderer = renderer_for(two)
    assert len(read_pdf(renderer.render(two)).pages) == len(pages) + 2 and renderer.blank_pages == 2
