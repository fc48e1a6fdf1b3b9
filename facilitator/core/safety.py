"""Safety content written once: the crisis box on every handout set and the facilitator's protocol.

Plain data, no Qt or ReportLab. The handouts package prints the crisis box on every set of
handouts and prints the protocol on request; the runner shows the protocol on the
facilitator's screen only (never the room display).

Sources: SAMHSA TIP 50, *Addressing Suicidal Thoughts and Behaviors in Substance Abuse
Treatment* (2009), whose GATE steps (gather information, access supervision, take responsible
action, extend the action, document) shape the suicide section; SAMHSA's *Overdose Prevention
and Response Toolkit* (PEP23-03-00-001, 2023) for the overdose section; TIP 47 for a client
who arrives intoxicated; Stanley and Brown's Safety Planning Intervention (2012) for the
safety plan. Numbers were checked in November 2026: 988 (call or text, any mental-health or
substance-use crisis; press 1 for the Veterans Crisis Line, text 838255 for veterans; Spanish
by pressing 2 or texting AYUDA to 988), SAMHSA's National Helpline 1-800-662-4357.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .catalogue import QT_TRANSLATE_NOOP, translate
from .printing import Letterhead

REVIEWED = "2026-11-26"  # when these numbers and steps were last checked against their sources


# -- the crisis box ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CrisisLine:
    """One way to get help: who to call, and when."""

    name: str
    how: str  # the number and how to reach it, printed in bold
    when: str


@dataclass(frozen=True)
class CrisisBox:
    title: str
    lines: tuple[CrisisLine, ...]
    note: str


CRISIS_BOXES: dict[str, CrisisBox] = {
    "en": CrisisBox(
        title="Help is there, day or night",
        lines=(
            CrisisLine(
                "988 Suicide & Crisis Lifeline",
                "Call or text 988",
                "For any mental-health or substance-use crisis, not only thoughts of suicide. "
                "Chat at 988lifeline.org.",
            ),
            CrisisLine(
                "SAMHSA National Helpline",
                "1-800-662-4357",
                "Free, private, 24 hours a day, 7 days a week, in English and Spanish. "
                "Help to find treatment and support.",
            ),
            CrisisLine(
                "Veterans Crisis Line",
                "Dial 988, then press 1, or text 838255",
                "For veterans, service members and their families.",
            ),
            CrisisLine(
                "Overdose or other emergency",
                "Call 911",
                "Give naloxone if you have it, and stay with the person.",
            ),
        ),
        note="You can call for yourself or for someone else.",
    ),
    "es": CrisisBox(
        title="Hay ayuda, de día y de noche",
        lines=(
            CrisisLine(
                "Línea 988 de Prevención del Suicidio y Crisis",
                "Llame o mande un texto al 988",
                "Para cualquier crisis de salud mental o de consumo de drogas o alcohol, no solo "
                "si piensa en el suicidio. En español: marque 988 y luego 2, o mande AYUDA por texto al 988.",
            ),
            CrisisLine(
                "Línea Nacional de Ayuda de SAMHSA",
                "1-800-662-4357",
                "Gratis, privada, las 24 horas, todos los días, en inglés y en español. "
                "Le ayudan a encontrar tratamiento y apoyo.",
            ),
            CrisisLine(
                "Línea de Crisis para Veteranos",
                "Marque 988 y luego 1, o mande un texto al 838255",
                "Para veteranos, militares y sus familias.",
            ),
            CrisisLine(
                "Sobredosis u otra emergencia",
                "Llame al 911",
                "Dé naloxona si la tiene y quédese con la persona.",
            ),
        ),
        note="Puede llamar por usted o por otra persona.",
    ),
}


def crisis_box(language: str) -> CrisisBox:
    """The crisis box in ``language`` (``es-MX`` uses ``es``); English when there is none."""
    return CRISIS_BOXES.get(language.split("-")[0].lower(), CRISIS_BOXES["en"])


# -- the facilitator's safety protocol ---------------------------------------------------------


@dataclass(frozen=True)
class ProtocolSection:
    """One situation: what to do, in order, and what to keep in mind."""

    id: str
    key: str  # the letter that jumps to this section in the runner's dialog
    title: str
    summary: str
    steps: tuple[str, ...]
    notes: tuple[str, ...] = ()


PROTOCOL_TITLE = QT_TRANSLATE_NOOP("core.safety", "Safety protocol for group facilitators")
PROTOCOL_INTRO = QT_TRANSLATE_NOOP(
    "core.safety",
    "For the facilitator's eyes: keep it on your screen, never on the room display. Your "
    "clinic's own policy comes first where it says more. In any danger to life, call 911 first.",
)

PROTOCOL: tuple[ProtocolSection, ...] = (
    ProtocolSection(
        id="before-group",
        key="B",
        title=QT_TRANSLATE_NOOP("core.safety", "Before every group"),
        summary=QT_TRANSLATE_NOOP("core.safety", "Know where help is before you need it."),
        steps=(
            QT_TRANSLATE_NOOP("core.safety", "Know where the naloxone kit is (at least two doses) and check that it is in date."),
            QT_TRANSLATE_NOOP("core.safety", "Know who can take over from you today: the clinician on call or your supervisor, and how to reach them fast."),
            QT_TRANSLATE_NOOP("core.safety", "Have a working phone in the room and know the building's street address for 911."),
            QT_TRANSLATE_NOOP("core.safety", "If you have a co-facilitator, agree who stays with the group and who goes with a person who needs help."),
            QT_TRANSLATE_NOOP("core.safety", "In the first session of every group, tell members what you will do if someone arrives intoxicated, talks about suicide, or overdoses, and where the crisis numbers are (988, 911, 1-800-662-4357)."),
        ),
    ),
    ProtocolSection(
        id="intoxicated",
        key="I",
        title=QT_TRANSLATE_NOOP("core.safety", "Someone arrives intoxicated"),
        summary=QT_TRANSLATE_NOOP("core.safety", "Safety first, privately and without shame. They do not join the group today."),
        steps=(
            QT_TRANSLATE_NOOP("core.safety", "Speak with the person alone, calmly and kindly, away from the group. Do not argue or confront them in front of others."),
            QT_TRANSLATE_NOOP("core.safety", "Check for a medical emergency first: very hard to wake, slow or noisy breathing, blue lips, chest pain, a seizure, or confusion. If so, call 911 and go to the overdose steps."),
            QT_TRANSLATE_NOOP("core.safety", "Ask what they took, how much and when. Alcohol with opioids or benzodiazepines can stop breathing."),
            QT_TRANSLATE_NOOP("core.safety", "Ask directly about thoughts of suicide: being intoxicated raises the risk. If yes, go to the suicide steps."),
            QT_TRANSLATE_NOOP("core.safety", "Tell them they cannot join the group today, that this is for safety and is not a punishment, and that they are welcome at the next group."),
            QT_TRANSLATE_NOOP("core.safety", "Do not let them drive. Arrange a safe way home: a sober support person, a taxi or ride service. Do not send a person at risk away alone."),
            QT_TRANSLATE_NOOP("core.safety", "If they use opioids, offer naloxone to take with them and remind them that tolerance may be lower."),
            QT_TRANSLATE_NOOP("core.safety", "Hand over to the clinician on call. Tell the group only what the person agrees to, for example: \"They are not joining us today.\""),
            QT_TRANSLATE_NOOP("core.safety", "Write down what you saw and heard (not labels), what you did, who you told, and the plan. Follow up within one working day."),
        ),
        notes=(
            QT_TRANSLATE_NOOP("core.safety", "Withdrawal can be dangerous too: shaking, sweating, seeing or hearing things, or confusion after stopping alcohol or benzodiazepines can lead to seizures. That needs urgent medical care."),
            QT_TRANSLATE_NOOP("core.safety", "If the person insists on driving while impaired, follow your clinic's policy."),
            QT_TRANSLATE_NOOP("core.safety", "Use of alcohol or drugs is a sign to adjust the treatment plan, not a reason to shame or discharge."),
        ),
    ),
    ProtocolSection(
        id="suicide",
        key="S",
        title=QT_TRANSLATE_NOOP("core.safety", "Someone talks about suicide"),
        summary=QT_TRANSLATE_NOOP("core.safety", "Ask directly, stay with them, limit access to lethal means, hand over in person, document."),
        steps=(
            QT_TRANSLATE_NOOP("core.safety", "Take every mention seriously. Thank them for telling you. Move somewhere private; a co-facilitator or colleague holds the group, or pause it."),
            QT_TRANSLATE_NOOP("core.safety", "Ask directly, in plain words: \"Are you thinking about killing yourself?\" Asking does not put the idea in someone's mind."),
            QT_TRANSLATE_NOOP("core.safety", "Gather information: a plan? When? Access to means (firearms, stored medicines)? Past attempts? Using alcohol or drugs today? What keeps them going?"),
            QT_TRANSLATE_NOOP("core.safety", "Stay with them. Do not leave a person at risk alone, not even for a minute, and do not send them to the waiting room alone."),
            QT_TRANSLATE_NOOP("core.safety", "Get help now: bring in your supervisor or the clinician on call. If there is immediate danger (a plan and the means at hand, an attempt under way, or they cannot agree to stay safe), call 911."),
            QT_TRANSLATE_NOOP("core.safety", "Limit access to lethal means: agree with the person, and someone they trust, who will lock up or take away firearms, medicines and other means, today."),
            QT_TRANSLATE_NOOP("core.safety", "Make or review a safety plan together: warning signs, ways to cope, people and places, professionals, 988, and making the home safer. You can call 988 together."),
            QT_TRANSLATE_NOOP("core.safety", "Hand over in person, to the clinician, crisis team or emergency staff. Never only \"here is a number\"."),
            QT_TRANSLATE_NOOP("core.safety", "Document: their words, your questions and their answers, risk and protective factors, who you consulted, what you did and the follow-up plan."),
            QT_TRANSLATE_NOOP("core.safety", "Extend the action: check on them the next day and at the next group, and tell the treatment team."),
        ),
        notes=(
            QT_TRANSLATE_NOOP("core.safety", "If it comes up in front of the group, respond calmly: \"Thank you for saying that. I want to talk with you about it right now.\" Then check on the rest of the group."),
            QT_TRANSLATE_NOOP("core.safety", "Confidentiality does not stop you acting to keep someone alive; follow your clinic's policy on who to inform."),
            QT_TRANSLATE_NOOP("core.safety", "Alcohol and drug use, a recent loss, leaving treatment, and release from jail or a hospital raise risk."),
        ),
    ),
    ProtocolSection(
        id="overdose",
        key="O",
        title=QT_TRANSLATE_NOOP("core.safety", "An overdose in the building"),
        summary=QT_TRANSLATE_NOOP("core.safety", "Call 911, give naloxone, support breathing, recovery position, stay."),
        steps=(
            QT_TRANSLATE_NOOP("core.safety", "Check: they do not wake to a loud voice or a firm rub on the breastbone; breathing is slow, shallow or stopped; gurgling or snoring sounds; blue or grey lips or fingertips."),
            QT_TRANSLATE_NOOP("core.safety", "Call 911, or have someone call, with the phone on speaker: \"Someone is not breathing\" and the address. Send someone for the naloxone kit and to meet the paramedics."),
            QT_TRANSLATE_NOOP("core.safety", "Give naloxone: lay them on their back, tilt the head back, put the nozzle in one nostril and press the plunger. It does no harm if opioids are not involved."),
            QT_TRANSLATE_NOOP("core.safety", "Support breathing: if they are not breathing, tilt the head back, lift the chin, pinch the nose and give one breath every 5 seconds. If you are trained and there is no pulse, start CPR."),
            QT_TRANSLATE_NOOP("core.safety", "No response after 2 to 3 minutes: give another dose in the other nostril. Keep giving doses every 2 to 3 minutes until they respond or help arrives."),
            QT_TRANSLATE_NOOP("core.safety", "Once they breathe on their own, put them in the recovery position: on their side, top knee bent, head tilted back, so they do not choke."),
            QT_TRANSLATE_NOOP("core.safety", "Stay with them until the paramedics arrive. Naloxone wears off in 30 to 90 minutes and fentanyl can outlast it, so the overdose can come back."),
            QT_TRANSLATE_NOOP("core.safety", "Tell the paramedics what you saw and what you gave. Then look after the group: someone stays with them, and you talk it through."),
            QT_TRANSLATE_NOOP("core.safety", "Write an incident report, follow your clinic's policy, and restock the naloxone kit."),
        ),
        notes=(
            QT_TRANSLATE_NOOP("core.safety", "Xylazine (\"tranq\") is a sedative often mixed with fentanyl. It is not an opioid, so naloxone does not reverse it. Still give naloxone, because fentanyl is usually there too, and focus on breathing. A person may breathe but stay very drowsy: recovery position, and stay."),
            QT_TRANSLATE_NOOP("core.safety", "Stimulant overdose (cocaine, methamphetamine): very hot skin, chest pain, racing heart, seizure, extreme agitation or confusion, signs of stroke. Call 911, keep them cool and calm, move things away during a seizure, do not hold them down. Give naloxone if they are not breathing or not responding: stimulants are often mixed with fentanyl."),
            QT_TRANSLATE_NOOP("core.safety", "Someone waking from naloxone may be sick and upset from sudden withdrawal. Stay calm; tell them what happened and that using more now could cause another overdose."),
            QT_TRANSLATE_NOOP("core.safety", "Naloxone nasal spray has been sold over the counter since 2023. Most states have Good Samaritan laws that protect people who call 911 for an overdose."),
        ),
    ),
)

PROTOCOL_SOURCES: tuple[str, ...] = (
    "SAMHSA. TIP 50: Addressing Suicidal Thoughts and Behaviors in Substance Abuse Treatment. 2009.",
    "SAMHSA. Overdose Prevention and Response Toolkit. Publication No. PEP23-03-00-001. 2023.",
    "SAMHSA. TIP 47: Substance Abuse: Clinical Issues in Intensive Outpatient Treatment. 2006.",
    "Stanley, B., & Brown, G. K. (2012). Safety Planning Intervention: A brief intervention to mitigate "
    "suicide risk. Cognitive and Behavioral Practice, 19(2), 256-264.",
    "988 Suicide & Crisis Lifeline (988lifeline.org) and the Veterans Crisis Line (veteranscrisisline.net).",
)


def protocol_in(language: str) -> tuple[str, str, tuple[ProtocolSection, ...]]:
    """The protocol's title, introduction and sections in ``language`` (the facilitator's screen's,
    or a printed copy's): every word is in the catalogue under "core.safety"; English where a
    translation is missing. The sources stay as published."""

    def t(text: str) -> str:
        return translate(language, "core.safety", text)

    sections = tuple(
        replace(s, title=t(s.title), summary=t(s.summary), steps=tuple(t(x) for x in s.steps),
                notes=tuple(t(x) for x in s.notes))
        for s in PROTOCOL
    )
    return t(PROTOCOL_TITLE), t(PROTOCOL_INTRO), sections


def protocol_section(section_id: str) -> ProtocolSection:
    for section in PROTOCOL:
        if section.id == section_id:
            return section
    raise KeyError(f"no protocol section {section_id!r} (there are: {', '.join(s.id for s in PROTOCOL)})")


@dataclass(frozen=True)
class SafetyProtocolPrint:
    """The protocol as printed: what the renderer needs, nothing more."""

    title: str = PROTOCOL_TITLE
    intro: str = PROTOCOL_INTRO
    sections: tuple[ProtocolSection, ...] = PROTOCOL
    sources: tuple[str, ...] = PROTOCOL_SOURCES
    reviewed: str = REVIEWED
    letterhead: Letterhead = field(default_factory=Letterhead)
    large_print: bool = False
    language: str = "en"

    @classmethod
    def in_language(cls, language: str, **kwargs: object) -> SafetyProtocolPrint:
        """The protocol to print in ``language`` (its words from the catalogue; the sources as published)."""
        title, intro, sections = protocol_in(language)
        return cls(title=title, intro=intro, sections=sections, language=language, **kwargs)  # type: ignore[arg-type]
