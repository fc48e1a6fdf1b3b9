"""What goes on printed pages, as plain data: handouts, packets, guides, role cards, workbooks.

Renderers (``facilitator.handouts``) turn these into PDF; they never read a curriculum
themselves, so what a page says is decided and tested here, without ReportLab or Qt.

Names: a packet prints no names unless asked to. When asked, it prints the first word of
each recipient's first name, once per page, on that recipient's own copy, and nowhere
else: not in the document's metadata, not in a title a caller might use for a file name.
A named copy is protected information; an unnamed one is not.

What to print is one :class:`PrintRequest`; :func:`build_document` turns it into a model.
The app's print dialog and the command line both go through it, so two-sided printing,
languages and copies mean the same thing in both.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Protocol

from .catalogue import QT_TRANSLATE_NOOP, translate
from .curriculum import (
    AgendaItem,
    Curriculum,
    CurriculumSession,
    Handout,
    ItemKind,
    RolePlay,
    WorksheetField,
)
from .library import Library
from .markup import Block, parse
from .print_language import handout_language

DEFAULT_LANGUAGE = "en"
LOGO_SETTING = "clinic_logo"  # clinic setting: the logo image, base64, shared by every workstation

# Words the renderers print around the curriculum's own text, by key, in English. Their
# translations are in the catalogue (core/catalogue.py reads facilitator/translations/*.ts,
# the same files the UI's translations come from); a language without an entry prints English.
LABELS: dict[str, str] = {
    "page": QT_TRANSLATE_NOOP("printing", "Page {page} of {pages}"),
    "session": QT_TRANSLATE_NOOP("printing", "Session {number}: {title}"),
    "continued": QT_TRANSLATE_NOOP("printing", "{title} (continued)"),
    "contents": QT_TRANSLATE_NOOP("printing", "Contents"),
    "workbook": QT_TRANSLATE_NOOP("printing", "Workbook"),
    "guide": QT_TRANSLATE_NOOP("printing", "Facilitator guide"),
    "guide_note": QT_TRANSLATE_NOOP("printing", "For the facilitator: not a participant handout."),
    "agenda": QT_TRANSLATE_NOOP("printing", "Agenda"),
    "objectives": QT_TRANSLATE_NOOP("printing", "Objectives"),
    "materials": QT_TRANSLATE_NOOP("printing", "Materials"),
    "handouts": QT_TRANSLATE_NOOP("printing", "Handouts"),
    "no_handouts": QT_TRANSLATE_NOOP("printing", "This session has no handouts."),
    "script": QT_TRANSLATE_NOOP("printing", "Script"),
    "prompts": QT_TRANSLATE_NOOP("printing", "Questions for the group"),
    "display": QT_TRANSLATE_NOOP("printing", "On the room display"),
    "scenario": QT_TRANSLATE_NOOP("printing", "Scenario"),
    "roles": QT_TRANSLATE_NOOP("printing", "Roles"),
    "round": QT_TRANSLATE_NOOP("printing", "One round"),
    "rounds": QT_TRANSLATE_NOOP("printing", "{rounds} rounds; roles rotate each round."),
    "one_round": QT_TRANSLATE_NOOP("printing", "One round."),
    "debrief": QT_TRANSLATE_NOOP("printing", "Debrief"),
    "role_cards": QT_TRANSLATE_NOOP("printing", "Role cards"),
    "cut_here": QT_TRANSLATE_NOOP("printing", "Cut along the dashed lines: one card for each player."),
    "role_play": QT_TRANSLATE_NOOP("printing", "Role play: {title}"),
    "your_role": QT_TRANSLATE_NOOP("printing", "Your role"),
    "watch_for": QT_TRANSLATE_NOOP("printing", "Watch for"),
    "minutes": QT_TRANSLATE_NOOP("printing", "{minutes} min"),
    "total": QT_TRANSLATE_NOOP("printing", "Total"),
    "starts": QT_TRANSLATE_NOOP("printing", "Starts"),
    "name": QT_TRANSLATE_NOOP("printing", "Name"),
    "blank_page": QT_TRANSLATE_NOOP("printing", "This page is left blank."),
    "kind.check-in": QT_TRANSLATE_NOOP("printing", "Check-in"),
    "kind.teaching": QT_TRANSLATE_NOOP("printing", "Teaching"),
    "kind.discussion": QT_TRANSLATE_NOOP("printing", "Discussion"),
    "kind.exercise": QT_TRANSLATE_NOOP("printing", "Exercise"),
    "kind.role-play": QT_TRANSLATE_NOOP("printing", "Role play"),
    "kind.break": QT_TRANSLATE_NOOP("printing", "Break"),
    "kind.check-out": QT_TRANSLATE_NOOP("printing", "Check-out"),
    # The documents' metadata (a PDF reader's "subject"): no names, only what the document is.
    "subject.handouts": QT_TRANSLATE_NOOP("printing", "Participant handouts"),
    "subject.workbook": QT_TRANSLATE_NOOP("printing", "Participant workbook"),
    "subject.guide": QT_TRANSLATE_NOOP("printing", "Facilitator guide"),
    "subject.role_cards": QT_TRANSLATE_NOOP("printing", "Role cards"),
}


def label(language: str, key: str, **values: object) -> str:
    """A printed label in ``language`` (``es-MX`` uses ``es``), English when there is none."""
    text = translate(language, "printing", LABELS[key])
    return text.format(**values) if values else text


def session_label(curriculum: Curriculum, session: CurriculumSession) -> str:
    return label(curriculum.language, "session", number=curriculum.session_number(session.id), title=session.title)


# -- shared pieces -------------------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """The clinic's name and logo (PNG or JPEG bytes) at the top of every page."""

    clinic_name: str = ""
    logo: bytes | None = field(default=None, repr=False)

    @classmethod
    def from_settings(cls, values: Mapping[str, str]) -> Letterhead:
        """From clinic settings: ``clinic_name``, and ``clinic_logo`` as base64 image bytes.

        A logo that does not decode is left out rather than stopping anything printing.
        """
        logo = None
        encoded = values.get(LOGO_SETTING, "").strip()
        if encoded:
            try:
                logo = base64.b64decode(encoded, validate=True) or None
            except (binascii.Error, ValueError):
                logo = None
        return cls(clinic_name=values.get("clinic_name", "").strip(), logo=logo)


@dataclass(frozen=True)
class HandoutDoc:
    """One handout as printed: its blocks already parsed, with where it comes from."""

    handout_id: str
    title: str
    blocks: tuple[Block, ...]
    worksheet: tuple[WorksheetField, ...]
    curriculum_title: str
    session_label: str
    language: str
    large_print: bool = False
    first_name: str | None = field(default=None, repr=False)

    @property
    def footer(self) -> str:
        return f"{self.curriculum_title} · {self.session_label}"


def handout_doc(
    curriculum: Curriculum,
    session: CurriculumSession,
    handout: Handout,
    *,
    large_print: bool = False,
    first_name: str | None = None,
) -> HandoutDoc:
    return HandoutDoc(
        handout_id=handout.id,
        title=handout.title,
        blocks=tuple(parse(handout.body)),
        worksheet=handout.worksheet,
        curriculum_title=curriculum.title,
        session_label=session_label(curriculum, session),
        language=curriculum.language,
        large_print=large_print,
        first_name=first_name,
    )


# -- packets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    """Who a copy is for: what they asked for, and their first name (printed only if asked)."""

    first_name: str = field(default="", repr=False)
    language: str = DEFAULT_LANGUAGE
    large_print: bool = False


class _ParticipantLike(Protocol):
    preferred_name: str
    language: str
    large_print: bool


def recipients_for(participants: Iterable[_ParticipantLike]) -> list[Recipient]:
    """Recipients from participant records (``core.roster.ParticipantRecord``), e.g. a
    meeting's attendees: their language and print size, and their preferred name, of which
    only the first word is ever printed, and only when names are turned on."""
    return [Recipient(p.preferred_name, handout_language(p.language), bool(p.large_print)) for p in participants]


def anonymous_recipients(
    copies: int, *, language: str = DEFAULT_LANGUAGE, large_print: bool = False
) -> list[Recipient]:
    """``copies`` identical, unnamed recipients: a stack of handouts for the room."""
    return [Recipient(language=language, large_print=large_print) for _ in range(max(0, copies))]


def printable_first_name(name: str) -> str | None:
    """The first word of a first name, or None: never a surname, even if one slipped in."""
    words = name.split()
    return words[0][:40] if words else None


@dataclass(frozen=True)
class PacketCopy:
    """One recipient's copy: every handout of the session, in their edition and size."""

    curriculum_id: str
    session_id: str
    language: str
    large_print: bool
    handouts: tuple[HandoutDoc, ...]
    requested_language: str
    first_name: str | None = field(default=None, repr=False)

    @property
    def fell_back(self) -> bool:
        """True when the recipient asked for a language this curriculum does not have."""
        return _primary(self.requested_language) != _primary(self.language)


@dataclass(frozen=True)
class Packet:
    """All handouts of one session, a copy for each recipient, in one document."""

    curriculum_id: str
    session_id: str
    title: str  # for the document's metadata: never holds a name
    copies: tuple[PacketCopy, ...]
    letterhead: Letterhead = Letterhead()
    names_shown: bool = False
    two_sided: bool = False  # every copy starts on the front of a sheet, so no sheet holds two copies

    @property
    def handout_count(self) -> int:
        return sum(len(c.handouts) for c in self.copies)

    @property
    def fallbacks(self) -> list[PacketCopy]:
        """Copies printed in another language than asked, so the UI can say so."""
        return [c for c in self.copies if c.fell_back]


def _primary(language: str) -> str:
    return language.split("-")[0].lower()


def edition_for(library: Library | None, curriculum: Curriculum, session_id: str | None, language: str) -> Curriculum:
    """The edition of ``curriculum`` in ``language`` (with this session, if one is named).

    ``es-MX`` accepts an ``es`` edition. With no such edition, or a translation that lacks
    the session (it is still being written), the answer is ``curriculum`` itself.
    """
    if library is None or _primary(language) == _primary(curriculum.language):
        return curriculum
    editions = library.editions(curriculum)
    exact = [c for c in editions if c.language.lower() == language.lower()]
    close = [c for c in editions if _primary(c.language) == _primary(language)]
    for found in exact + close:
        if session_id is None or any(s.id == session_id for s in found.sessions):
            return found
    return curriculum


def build_packet(
    curriculum: Curriculum,
    session_id: str,
    recipients: Sequence[Recipient],
    *,
    library: Library | None = None,
    show_names: bool = False,
    letterhead: Letterhead = Letterhead(),
    two_sided: bool = False,
) -> Packet:
    """A packet for ``recipients`` in their order; KeyError if the session does not exist.

    Each recipient gets the edition in their language when the library has it (see
    :func:`edition_for`) and large print when they asked for it. ``two_sided`` is for
    printing on both sides: each copy then starts on the front of a new sheet.
    """
    curriculum.session(session_id)  # raises KeyError naming the sessions there are
    copies = []
    for r in recipients:
        edition = edition_for(library, curriculum, session_id, r.language)
        session = edition.session(session_id)
        name = printable_first_name(r.first_name) if show_names else None
        docs = tuple(
            handout_doc(edition, session, h, large_print=r.large_print, first_name=name) for h in session.handouts
        )
        copies.append(
            PacketCopy(
                curriculum_id=edition.id,
                session_id=session_id,
                language=edition.language,
                large_print=r.large_print,
                handouts=docs,
                requested_language=r.language,
                first_name=name,
            )
        )
    first = edition_for(library, curriculum, session_id, recipients[0].language) if recipients else curriculum
    title = f"{first.session(session_id).title} — {first.title}"
    return Packet(
        curriculum_id=curriculum.id,
        session_id=session_id,
        title=title,
        copies=tuple(copies),
        letterhead=letterhead,
        names_shown=show_names and any(c.first_name for c in copies),
        two_sided=two_sided,
    )


# -- facilitator guide and role cards -----------------------------------------------------


@dataclass(frozen=True)
class RoleCard:
    """One card to cut out and hand to a player."""

    role_play_title: str
    scenario: str
    role_name: str
    brief: str
    checklist: tuple[str, ...]
    footer: str
    language: str


@dataclass(frozen=True)
class RolePlayView:
    scenario: str
    roles: tuple[tuple[str, str], ...]  # (name, brief)
    phases: tuple[tuple[str, int], ...]  # (name, minutes)
    rounds: int
    round_minutes: int
    debrief: tuple[str, ...]


@dataclass(frozen=True)
class GuideItem:
    """One agenda item with its clock position: starts ``start`` minutes into the session."""

    start: int
    minutes: int
    kind: ItemKind
    kind_label: str
    title: str
    script: tuple[Block, ...]
    prompts: tuple[str, ...]
    display: str
    role_play: RolePlayView | None

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass(frozen=True)
class Guide:
    """The facilitator's printed guide to one session, role cards included at the end."""

    curriculum_id: str
    curriculum_title: str
    session_id: str
    session_label: str
    session_title: str
    minutes: int
    language: str
    objectives: tuple[str, ...]
    materials: tuple[str, ...]
    handout_titles: tuple[str, ...]
    items: tuple[GuideItem, ...]
    cards: tuple[RoleCard, ...]
    letterhead: Letterhead = Letterhead()
    large_print: bool = False

    @property
    def title(self) -> str:
        return f"{label(self.language, 'guide')}: {self.session_title} — {self.curriculum_title}"

    @property
    def footer(self) -> str:
        return f"{self.curriculum_title} · {self.session_label}"


def clock_label(minutes: int) -> str:
    """Minutes into the session as ``h:mm`` (``0:00``, ``1:35``)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _role_play_view(rp: RolePlay) -> RolePlayView:
    return RolePlayView(
        scenario=rp.scenario,
        roles=tuple((r.name, r.brief) for r in rp.roles),
        phases=tuple((p.name, p.minutes) for p in rp.phases),
        rounds=rp.rounds,
        round_minutes=rp.round_minutes,
        debrief=rp.debrief,
    )


def role_cards(curriculum: Curriculum, session: CurriculumSession) -> tuple[RoleCard, ...]:
    """A card for every role of every role play in the session, in agenda order."""
    footer = f"{curriculum.title} · {session_label(curriculum, session)}"
    cards = []
    for item in session.role_plays:
        rp = item.role_play
        assert rp is not None
        for role in rp.roles:
            cards.append(
                RoleCard(
                    role_play_title=item.title,
                    scenario=rp.scenario,
                    role_name=role.name,
                    brief=role.brief,
                    checklist=role.checklist,
                    footer=footer,
                    language=curriculum.language,
                )
            )
    return tuple(cards)


def _guide_items(curriculum: Curriculum, agenda: Iterable[AgendaItem]) -> tuple[GuideItem, ...]:
    items = []
    start = 0
    for item in agenda:
        items.append(
            GuideItem(
                start=start,
                minutes=item.minutes,
                kind=item.kind,
                kind_label=label(curriculum.language, f"kind.{item.kind.value}"),
                title=item.title,
                script=tuple(parse(item.script)),
                prompts=item.prompts,
                display=item.display,
                role_play=_role_play_view(item.role_play) if item.role_play else None,
            )
        )
        start += item.minutes
    return tuple(items)


def build_guide(
    curriculum: Curriculum,
    session_id: str,
    *,
    letterhead: Letterhead = Letterhead(),
    large_print: bool = False,
    with_cards: bool = True,
) -> Guide:
    session = curriculum.session(session_id)
    return Guide(
        curriculum_id=curriculum.id,
        curriculum_title=curriculum.title,
        session_id=session.id,
        session_label=session_label(curriculum, session),
        session_title=session.title,
        minutes=session.minutes,
        language=curriculum.language,
        objectives=session.objectives,
        materials=session.materials,
        handout_titles=tuple(h.title for h in session.handouts),
        items=_guide_items(curriculum, session.agenda),
        cards=role_cards(curriculum, session) if with_cards else (),
        letterhead=letterhead,
        large_print=large_print,
    )


@dataclass(frozen=True)
class RoleCardSheet:
    """Only the role cards of a session, for printing more of them."""

    curriculum_id: str
    session_id: str
    title: str
    footer: str
    language: str
    cards: tuple[RoleCard, ...]
    letterhead: Letterhead = Letterhead()
    large_print: bool = False


def build_role_cards(
    curriculum: Curriculum, session_id: str, *, letterhead: Letterhead = Letterhead(), large_print: bool = False
) -> RoleCardSheet:
    session = curriculum.session(session_id)
    return RoleCardSheet(
        curriculum_id=curriculum.id,
        session_id=session.id,
        title=f"{label(curriculum.language, 'role_cards')}: {session.title} — {curriculum.title}",
        footer=f"{curriculum.title} · {session_label(curriculum, session)}",
        language=curriculum.language,
        cards=role_cards(curriculum, session),
        letterhead=letterhead,
        large_print=large_print,
    )


# -- workbook ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkbookSession:
    number: int
    session_id: str
    title: str
    label: str
    handouts: tuple[HandoutDoc, ...]


@dataclass(frozen=True)
class Workbook:
    """Every handout of a curriculum, session by session, after a cover and contents."""

    curriculum_id: str
    curriculum_title: str
    summary: str
    language: str
    sessions: tuple[WorkbookSession, ...]
    letterhead: Letterhead = Letterhead()
    large_print: bool = False

    @property
    def title(self) -> str:
        return f"{label(self.language, 'workbook')}: {self.curriculum_title}"

    @property
    def handout_count(self) -> int:
        return sum(len(s.handouts) for s in self.sessions)


def build_workbook(
    curriculum: Curriculum, *, letterhead: Letterhead = Letterhead(), large_print: bool = False
) -> Workbook:
    """Sessions without handouts are left out: a workbook holds what participants write in."""
    sessions = []
    for n, session in enumerate(curriculum.sessions, start=1):
        if not session.handouts:
            continue
        docs = tuple(handout_doc(curriculum, session, h, large_print=large_print) for h in session.handouts)
        sessions.append(WorkbookSession(n, session.id, session.title, session_label(curriculum, session), docs))
    return Workbook(
        curriculum_id=curriculum.id,
        curriculum_title=curriculum.title,
        summary=curriculum.summary,
        language=curriculum.language,
        sessions=tuple(sessions),
        letterhead=letterhead,
        large_print=large_print,
    )


PrintModel = Packet | Guide | RoleCardSheet | Workbook


# -- one request, one model ----------------------------------------------------------------

MAX_COPIES = 500  # copies of a handout packet in one document, from the app or the command line
TWO_SIDED_DEFAULT = False  # the app's checkbox and the command line start here


class DocumentKind(str, Enum):
    HANDOUTS = "handouts"
    GUIDE = "guide"
    CARDS = "cards"
    WORKBOOK = "workbook"

    @property
    def label(self) -> str:
        return {
            DocumentKind.HANDOUTS: "Handouts for this session",
            DocumentKind.GUIDE: "Facilitator guide (with role cards)",
            DocumentKind.CARDS: "Role-play cards only",
            DocumentKind.WORKBOOK: "Workbook: every handout of the curriculum",
        }[self]


def available_kinds(curriculum: Curriculum, session_id: str | None) -> list[DocumentKind]:
    """What there is to print for a curriculum, or for one of its sessions."""
    kinds = []
    if session_id:
        session = curriculum.session(session_id)
        if session.handouts:
            kinds.append(DocumentKind.HANDOUTS)
        kinds.append(DocumentKind.GUIDE)
        if session.role_plays:
            kinds.append(DocumentKind.CARDS)
    if curriculum.handout_count:
        kinds.append(DocumentKind.WORKBOOK)
    return kinds


@dataclass(frozen=True)
class PrintRequest:
    """Everything that decides what a printed document says, from the app or the command line.

    ``language`` None means the curriculum's own. ``recipients`` (a meeting's attendees)
    replace ``copies`` for a packet: one copy each, in their language and size (all in
    large print with ``large_print``), named only with ``show_names``. ``two_sided``
    starts every copy on the front of a sheet.
    """

    kind: DocumentKind
    curriculum_id: str
    session_id: str | None = None
    language: str | None = None
    large_print: bool = False
    copies: int = 1
    recipients: tuple[Recipient, ...] | None = None
    show_names: bool = False
    two_sided: bool = TWO_SIDED_DEFAULT
    letterhead: Letterhead = Letterhead()

    def __post_init__(self) -> None:
        if self.recipients is not None and not isinstance(self.recipients, tuple):
            object.__setattr__(self, "recipients", tuple(self.recipients))

    @property
    def copy_count(self) -> int:
        """How many copies a packet holds: one per recipient when there are recipients."""
        return len(self.recipients) if self.recipients is not None else self.copies


def build_document(library: Library, request: PrintRequest) -> tuple[PrintModel, tuple[str, ...]]:
    """The print model for ``request``, and sentences about anything not printed as asked.

    The app's print dialog and ``facilitator handouts`` both call this, so the same
    request gives the same pages wherever it is made. KeyError for an unknown curriculum
    or session; ValueError for a request that cannot be a document.
    """
    curriculum = library.get(request.curriculum_id)
    language = handout_language(request.language, curriculum.language)
    notes: list[str] = []
    if request.kind is not DocumentKind.WORKBOOK and not request.session_id:
        raise ValueError(f"a {request.kind.value} document needs a session")
    if request.kind is DocumentKind.HANDOUTS:
        assert request.session_id is not None
        if request.recipients is None:
            if not 1 <= request.copies <= MAX_COPIES:
                raise ValueError(f"copies must be between 1 and {MAX_COPIES}")
            people: Sequence[Recipient] = anonymous_recipients(
                request.copies, language=language, large_print=request.large_print
            )
        elif request.large_print:  # everyone in large print; otherwise each as they asked
            people = [replace(r, large_print=True) for r in request.recipients]
        else:
            people = request.recipients
        packet = build_packet(
            curriculum,
            request.session_id,
            people,
            library=library,
            show_names=request.show_names,
            letterhead=request.letterhead,
            two_sided=request.two_sided,
        )
        missing = sorted({c.requested_language for c in packet.fallbacks})
        if missing:
            count = len(packet.fallbacks)
            notes.append(
                f"{count} cop{'y prints' if count == 1 else 'ies print'} in {curriculum.language!r}: "
                f"there is no {', '.join(repr(m) for m in missing)} edition of this session."
            )
        return packet, tuple(notes)
    # A workbook is the whole curriculum: which session the request came from does not matter.
    session_id = None if request.kind is DocumentKind.WORKBOOK else request.session_id
    edition = edition_for(library, curriculum, session_id, language)
    if _primary(edition.language) != _primary(language):
        notes.append(f"There is no {language!r} edition; this prints in {edition.language!r}.")
    model: PrintModel
    if request.kind is DocumentKind.GUIDE:
        assert request.session_id is not None
        model = build_guide(
            edition, request.session_id, letterhead=request.letterhead, large_print=request.large_print
        )
    elif request.kind is DocumentKind.CARDS:
        assert request.session_id is not None
        model = build_role_cards(
            edition, request.session_id, letterhead=request.letterhead, large_print=request.large_print
        )
    else:
        model = build_workbook(edition, letterhead=request.letterhead, large_print=request.large_print)
    return model, tuple(notes)
