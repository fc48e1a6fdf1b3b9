"""What goes on printed pages, decided in the core: packets, names, languages, guides, workbooks."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from facilitator.core import printing as P
from facilitator.core.catalogue import catalogue
from facilitator.core.curriculum import ItemKind, LinesField
from facilitator.core.library import Library, load_library

FIXTURES = Path(__file__).parents[1] / "handouts" / "fixtures"


@pytest.fixture(scope="module")
def library() -> Library:
    lib = load_library(None, None, extra=[FIXTURES])
    assert lib.ok, lib.problems
    return lib


def test_anonymous_packet_has_a_copy_of_every_handout_per_recipient(library: Library) -> None:
    c = library.get("print-sample")
    packet = P.build_packet(c, "saying-no", P.anonymous_recipients(3), library=library)
    assert len(packet.copies) == 3
    assert packet.handout_count == 6
    assert [h.title for h in packet.copies[0].handouts] == ["Five Ways to Say No", "My Plan for the Weekend"]
    assert not packet.names_shown
    assert all(c.first_name is None and not c.large_print for c in packet.copies)
    first = packet.copies[0].handouts[0]
    assert [b.kind for b in first.blocks] == ["paragraph", "heading", "bullets", "heading", "numbered"]
    assert first.footer == "Print Sample · Session 1: Saying No and Meaning It"
    assert isinstance(first.worksheet[0], LinesField)


def test_names_are_off_unless_asked_and_then_first_names_only(library: Library) -> None:
    c = library.get("print-sample")
    people = [P.Recipient("Maria Lopez"), P.Recipient("  "), P.Recipient("Jo")]
    unnamed = P.build_packet(c, "saying-no", people, library=library)
    assert [copy.first_name for copy in unnamed.copies] == [None, None, None]
    assert all(h.first_name is None for copy in unnamed.copies for h in copy.handouts)

    named = P.build_packet(c, "saying-no", people, library=library, show_names=True)
    assert [copy.first_name for copy in named.copies] == ["Maria", None, "Jo"]
    assert {h.first_name for h in named.copies[0].handouts} == {"Maria"}
    assert named.names_shown
    assert "Maria" not in named.title and "Lopez" not in repr(named)
    assert "Lopez" not in repr(named.copies[0])


def test_each_recipient_gets_their_language_and_size(library: Library) -> None:
    c = library.get("print-sample")
    people = [
        P.Recipient(language="es"),
        P.Recipient(language="en", large_print=True),
        P.Recipient(language="es-MX", large_print=True),
    ]
    packet = P.build_packet(c, "saying-no", people, library=library)
    spanish, english, mexican = packet.copies
    assert spanish.curriculum_id == "print-sample-es" and spanish.language == "es"
    assert spanish.handouts[0].title == "Cinco maneras de decir que no"
    assert spanish.handouts[0].footer == "Ejemplo de impresión · Sesión 1: Decir que no con firmeza"
    assert english.curriculum_id == "print-sample" and english.large_print
    assert all(h.large_print for h in english.handouts)
    assert mexican.curriculum_id == "print-sample-es" and mexican.large_print
    assert not packet.fallbacks


def test_a_missing_translation_falls_back_and_says_so(library: Library) -> None:
    c = library.get("print-sample")
    # The Spanish edition has no second session yet; nobody has a French one.
    packet = P.build_packet(
        c, "talking-it-through", [P.Recipient(language="es"), P.Recipient(language="fr")], library=library
    )
    assert [copy.language for copy in packet.copies] == ["en", "en"]
    assert [copy.requested_language for copy in packet.fallbacks] == ["es", "fr"]
    # Without a library to look in, the curriculum prints as it is.
    assert P.build_packet(c, "saying-no", [P.Recipient(language="es")]).copies[0].language == "en"


def test_a_spanish_curriculum_prints_english_for_those_who_ask(library: Library) -> None:
    es = library.get("print-sample-es")
    packet = P.build_packet(es, "saying-no", [P.Recipient(language="en"), P.Recipient(language="es")], library=library)
    assert [copy.curriculum_id for copy in packet.copies] == ["print-sample", "print-sample-es"]


def test_packet_for_an_unknown_session_names_the_sessions(library: Library) -> None:
    with pytest.raises(KeyError, match="saying-no, talking-it-through"):
        P.build_packet(library.get("print-sample"), "nope", P.anonymous_recipients(1))


def test_guide_places_every_item_on_the_session_clock(library: Library) -> None:
    guide = P.build_guide(library.get("print-sample"), "saying-no")
    assert [(i.start, i.end) for i in guide.items] == [(0, 10), (10, 50), (50, 60)]
    assert [i.kind_label for i in guide.items] == ["Check-in", "Role play", "Check-out"]
    assert guide.items[1].kind is ItemKind.ROLE_PLAY
    assert [b.kind for b in guide.items[1].script] == ["paragraph", "bullets"]
    rp = guide.items[1].role_play
    assert rp is not None and rp.rounds == 3 and rp.round_minutes == 12
    assert [c.role_name for c in guide.cards] == ["Offerer", "Refuser", "Observer"]
    assert guide.cards[2].checklist == ("Eye contact", "Clear no", "Offered something else")
    assert guide.handout_titles == ("Five Ways to Say No", "My Plan for the Weekend")
    assert P.clock_label(95) == "1:35"


def test_guide_and_cards_speak_the_curriculum_language(library: Library) -> None:
    guide = P.build_guide(library.get("print-sample-es"), "saying-no")
    assert guide.items[0].kind_label == "Bienvenida"
    assert guide.session_label == "Sesión 1: Decir que no con firmeza"
    sheet = P.build_role_cards(library.get("print-sample-es"), "saying-no")
    assert [c.role_name for c in sheet.cards] == ["Quien ofrece", "Quien rechaza", "Observador"]
    assert sheet.title.startswith("Tarjetas de roles")


def test_workbook_holds_sessions_with_handouts_in_order(library: Library) -> None:
    book = P.build_workbook(library.get("print-sample"), large_print=True)
    assert [(s.number, s.session_id) for s in book.sessions] == [(1, "saying-no")]
    assert book.handout_count == 2
    assert all(h.large_print for s in book.sessions for h in s.handouts)
    assert book.title == "Workbook: Print Sample"


def test_labels_fall_back_to_english() -> None:
    assert P.label("es-MX", "page", page=2, pages=3) == "Página 2 de 3"
    assert P.label("de", "page", page=2, pages=3) == "Page 2 of 3"
    spanish = catalogue("es")
    assert [key for key, text in P.LABELS.items() if ("printing", text) not in spanish] == []


def test_letterhead_from_settings_decodes_the_logo_and_ignores_a_bad_one() -> None:
    png = b"\x89PNG\r\n\x1a\nfake"
    good = P.Letterhead.from_settings({"clinic_name": " Riverside ", "clinic_logo": base64.b64encode(png).decode()})
    assert good == P.Letterhead("Riverside", png)
    assert P.Letterhead.from_settings({"clinic_logo": "not base64!"}).logo is None
    assert P.Letterhead.from_settings({}) == P.Letterhead()


def test_attendees_become_recipients_with_their_preferences(library: Library) -> None:
    from datetime import date

    from facilitator.core.roster import ParticipantDraft

    def person(name: str, language: str = "en", large: bool = False) -> ParticipantDraft:
        return ParticipantDraft(
            "R1", name, f"{name} Legal-Surname", date(2026, 1, 5), language=language, large_print=large
        )

    people = P.recipients_for([person("Rosa M.", "es"), person("Dee", large=True)])
    assert people == [P.Recipient("Rosa M.", "es", False), P.Recipient("Dee", "en", True)]
    packet = P.build_packet(library.get("print-sample"), "saying-no", people, library=library, show_names=True)
    assert [(c.first_name, c.language, c.large_print) for c in packet.copies] == [
        ("Rosa", "es", False),
        ("Dee", "en", True),
    ]


# -- one request, one model ---------------------------------------------------------------


def request(kind: P.DocumentKind, session: str | None = "saying-no", **kwargs: object) -> P.PrintRequest:
    return P.PrintRequest(kind, "print-sample", session, **kwargs)  # type: ignore[arg-type]


def test_a_handouts_request_is_a_packet_with_its_copies_size_and_sides(library: Library) -> None:
    head = P.Letterhead("Lakeside")
    model, notes = P.build_document(
        library,
        request(P.DocumentKind.HANDOUTS, copies=3, large_print=True, two_sided=True, letterhead=head),
    )
    assert notes == ()
    assert model == P.build_packet(
        library.get("print-sample"),
        "saying-no",
        P.anonymous_recipients(3, large_print=True),
        library=library,
        letterhead=head,
        two_sided=True,
    )
    one_sided, _ = P.build_document(library, request(P.DocumentKind.HANDOUTS, copies=3))
    assert isinstance(one_sided, P.Packet) and not one_sided.two_sided
    assert P.PrintRequest(P.DocumentKind.HANDOUTS, "print-sample").two_sided is P.TWO_SIDED_DEFAULT is False


def test_recipients_replace_copies_and_names_need_asking(library: Library) -> None:
    people = [P.Recipient("Maria Lopez", language="fr"), P.Recipient("Jo")]
    model, notes = P.build_document(library, request(P.DocumentKind.HANDOUTS, copies=7, recipients=people))
    assert isinstance(model, P.Packet) and len(model.copies) == 2 and not model.names_shown
    assert notes == ("1 copy prints in 'en': there is no 'fr' edition of this session.",)
    named, _ = P.build_document(
        library, request(P.DocumentKind.HANDOUTS, recipients=people, show_names=True, two_sided=True)
    )
    assert isinstance(named, P.Packet) and [c.first_name for c in named.copies] == ["Maria", "Jo"]
    assert named.two_sided
    assert request(P.DocumentKind.HANDOUTS, recipients=people).copy_count == 2


def test_large_print_for_attendees_makes_every_copy_large_and_otherwise_keeps_each_choice(
    library: Library,
) -> None:
    people = [P.Recipient("Maria", large_print=True), P.Recipient("Jo")]
    own, _ = P.build_document(library, request(P.DocumentKind.HANDOUTS, recipients=people))
    everyone, _ = P.build_document(library, request(P.DocumentKind.HANDOUTS, recipients=people, large_print=True))
    assert isinstance(own, P.Packet) and isinstance(everyone, P.Packet)
    assert [c.large_print for c in own.copies] == [True, False]
    assert [c.large_print for c in everyone.copies] == [True, True]
    assert all(h.large_print for c in everyone.copies for h in c.handouts)


def test_guide_cards_and_workbook_requests_use_the_edition_asked_for(library: Library) -> None:
    editions = library.editions(library.get("print-sample"))
    spanish = next(c for c in editions if c.language == "es")
    guide, notes = P.build_document(library, request(P.DocumentKind.GUIDE, language="es", large_print=True))
    assert notes == () and guide == P.build_guide(spanish, "saying-no", large_print=True)
    cards, _ = P.build_document(library, request(P.DocumentKind.CARDS))
    assert cards == P.build_role_cards(library.get("print-sample"), "saying-no")
    book, _ = P.build_document(library, request(P.DocumentKind.WORKBOOK, session="talking-it-through", language="es"))
    assert book == P.build_workbook(spanish)  # a workbook does not depend on the session it was asked from
    missing, notes = P.build_document(library, request(P.DocumentKind.GUIDE, "talking-it-through", language="es"))
    assert isinstance(missing, P.Guide) and missing.language == "en"
    assert notes == ("There is no 'es' edition; this prints in 'en'.",)


def test_requests_that_cannot_be_documents_are_refused(library: Library) -> None:
    with pytest.raises(ValueError, match="between 1 and 500"):
        P.build_document(library, request(P.DocumentKind.HANDOUTS, copies=P.MAX_COPIES + 1))
    with pytest.raises(ValueError, match="needs a session"):
        P.build_document(library, request(P.DocumentKind.GUIDE, None))
    with pytest.raises(KeyError):
        P.build_document(library, request(P.DocumentKind.GUIDE, "no-such-session"))


def test_what_there_is_to_print(library: Library) -> None:
    c = library.get("print-sample")
    K = P.DocumentKind
    assert P.available_kinds(c, "saying-no") == [K.HANDOUTS, K.GUIDE, K.CARDS, K.WORKBOOK]
    assert P.available_kinds(c, "talking-it-through") == [K.GUIDE, K.WORKBOOK]
    assert P.available_kinds(c, None) == [K.WORKBOOK]
