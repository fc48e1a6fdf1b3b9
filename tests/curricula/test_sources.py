"""Sources kept clean, safety in every group, and content a clinic can date.

* Every named technique a shipped curriculum teaches is credited in its ``references``.
* No shipped text borrows the distinctive wording of a copyrighted handout.
* Every shipped curriculum says when it was reviewed, and its first session walks the group
  through what the facilitator does in a crisis (intoxication, suicide, overdose).
* One term for a return to use in each file; facts that changed are stated as they are now.
* The Spanish family edition stays in step with its English twin and reads easily.

Two curricula are being rewritten elsewhere; ``PENDING`` marks them as expected failures
(strict: the moment one passes, the test says so and its entry must go).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
import textstat
from test_shipped_curricula import reading_text

from facilitator.core.curriculum import Curriculum
from facilitator.core.library import Library, load_library
from facilitator.core.markup import plain_text
from facilitator.paths import shipped_curricula_dir

SHIPPED = load_library(shipped_curricula_dir())
IDS = [c.id for c in SHIPPED.curricula]
PENDING: set[str] = set()  # curricula expected to fail these checks while being rewritten (none now)


def each_curriculum(check_pending: bool = True) -> list:  # type: ignore[type-arg]
    """Curriculum ids as parameters; those in PENDING are strict expected failures."""
    return [
        pytest.param(i, marks=pytest.mark.xfail(strict=True, reason="being rewritten")) if check_pending and i in PENDING else i
        for i in IDS
    ]


def content(c: Curriculum) -> str:
    """Everything a curriculum says, except its references (which are where credit goes)."""
    parts = [c.title, c.summary]
    for s in c.sessions:
        parts += [s.title, *s.objectives, *s.materials]
        for item in s.agenda:
            parts += [item.title, item.script, *item.prompts, item.display]
            if item.role_play:
                rp = item.role_play
                parts += [rp.scenario, *rp.debrief]
                for role in rp.roles:
                    parts += [role.name, role.brief, *role.checklist]
        for h in s.handouts:
            parts += [h.title, plain_text(h.body)]
            for f in h.worksheet:
                parts += [f.prompt, *getattr(f, "checklist", ()), getattr(f, "low", ""), getattr(f, "high", "")]
    return " ".join(" ".join(parts).split())


# -- named techniques ------------------------------------------------------------------------


@dataclass(frozen=True)
class Technique:
    name: str
    used: str  # a pattern that finds the technique in a curriculum's text
    credited: str  # a pattern a reference must match to credit it
    case_sensitive: bool = False  # acronyms: "HALT", not "halt"

    def find(self, text: str) -> list[str]:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return [m.group(0) for m in re.finditer(self.used, text, flags)]

    def credited_by(self, references: tuple[str, ...]) -> bool:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return any(re.search(self.credited, r, flags) for r in references)


TECHNIQUES = (
    Technique("urge surfing", r"\burge[- ]surf\w*", r"urge surf"),
    Technique("self-compassion (the self-compassion break)", r"self-compassion|autocompasi[oó]n", r"self-compassion"),
    Technique(
        "thinking traps / cognitive distortions",
        r"thinking traps?|cognitive distortions?|thinking errors?|trampas? (del|de) pensamiento|distorsiones cognitivas",
        r"thinking traps?|cognitive distortions?|thinking errors?",
    ),
    Technique("CRAFT", r"\bCRAFT\b|Community Reinforcement and Family Training", r"\bCRAFT\b|Community Reinforcement", True),
    Technique("motivational interviewing", r"motivational interview\w*|entrevista motivacional", r"motivational interviewing"),
    Technique("SMART goals", r"\bSMART goals?\b|\bS\.M\.A\.R\.T\.", r"SMART goal|S\.M\.A\.R\.T\.", True),
    Technique("DEAR MAN", r"\bDEAR MAN\b", r"DEAR MAN", True),
    Technique("safety planning", r"\bsafety plan\w*|plan de seguridad", r"safety plan"),
    Technique("grounding", r"\bgrounding\b", r"grounding"),
    Technique("mindfulness-based relapse prevention", r"mindfulness-based relapse prevention|\bMBRP\b", r"mindfulness-based relapse prevention|MBRP"),
    Technique("HALT", r"\bHALT\b", r"\bHALT\b", True),
    Technique("SOBER breathing space", r"\bSOBER\b", r"\bSOBER\b", True),
    Technique("window of tolerance", r"window of tolerance", r"window of tolerance"),
    Technique("abstinence violation effect", r"abstinence violation", r"abstinence violation"),
    Technique("decisional balance", r"decisional balance", r"decisional balance"),
    Technique("playing the tape through", r"play(ing)? the tape", r"tape"),
    Technique("stages of change", r"stages of change|precontemplation", r"stages of change|transtheoretical"),
    Technique("DBT skills (wise mind, opposite action, radical acceptance, TIPP)", r"wise mind|opposite action|radical acceptance|\bTIPP\b", r"DBT|Dialectical Behavior|Linehan"),
)


@pytest.mark.parametrize("curriculum_id", each_curriculum())
def test_every_named_technique_is_credited(curriculum_id: str) -> None:
    c = SHIPPED.get(curriculum_id)
    text = content(c)
    uncredited = {t.name: t.find(text)[:3] for t in TECHNIQUES if t.find(text) and not t.credited_by(c.references)}
    assert uncredited == {}, f"{c.id} uses these without a reference that names them"


def test_the_technique_check_can_fail() -> None:
    grounding = next(t for t in TECHNIQUES if t.name == "grounding")
    assert grounding.find("Try a grounding skill.") and not grounding.credited_by(("SAMHSA. TIP 41. 2005.",))
    assert grounding.credited_by(("SAMHSA. TIP 57. 2014. (Grounding as a coping skill.)",))
    halt = next(t for t in TECHNIQUES if t.name == "HALT")
    assert halt.find("Remember HALT.") and not halt.find("Halt! Who goes there?")
    craft = next(t for t in TECHNIQUES if t.name == "CRAFT")
    assert not craft.find("a craft project"), "a word is not a technique"


# Distinctive wording of copyrighted handouts: the shipped text must not carry it, in any curriculum.
BORROWED_PHRASES = (
    # Seeking Safety's grounding handout (Najavits, 2002)
    "describe your environment in detail",
    "play a categories game",
    "run cool or warm water over your hands",
    "grab tightly onto your chair",
    "dig your heels into the floor",
    "carry a grounding object in your pocket",
    "say kind statements, as if you were talking to a small child",
    "start early in a negative mood cycle",
    # Kristin Neff's self-compassion break
    "this is a moment of suffering",
    "suffering is a part of life",
    "may i be kind to myself",
    "may i give myself the compassion",
    # Matrix Model handout titles
    "relapse justification",
)


@pytest.mark.parametrize("curriculum_id", each_curriculum(check_pending=False))
def test_no_distinctive_wording_from_copyrighted_handouts(curriculum_id: str) -> None:
    c = SHIPPED.get(curriculum_id)
    text = " ".join(c.source.read_text(encoding="utf-8").lower().replace('"', "").split())  # type: ignore[union-attr]
    assert [p for p in BORROWED_PHRASES if p in text] == []


# -- safety and currency --------------------------------------------------------------------


@pytest.mark.parametrize("curriculum_id", each_curriculum())
def test_every_shipped_curriculum_says_when_it_was_reviewed(curriculum_id: str) -> None:
    c = SHIPPED.get(curriculum_id)
    assert c.reviewed is not None
    assert c.reviewed.year >= 2026


CRISIS_WORDS = {
    "en": {
        "intoxicated arrival": r"after (drinking|using)|intoxicated|under the influence|drunk or high",
        "suicide, asked directly": r"suicide[^.]*directly|directly[^.]*suicide",
        "staying with them": r"stay with (them|you|the person)|stays with (them|you)",
        "overdose": r"overdose",
        "naloxone": r"naloxone",
        "911": r"\b911\b",
        "988": r"\b988\b",
        "SAMHSA Helpline": r"1-800-662-4357",
    },
    "es": {
        "intoxicated arrival": r"después de beber|bajo los efectos",
        "suicide, asked directly": r"suicidio[^.]*directamente|directamente[^.]*suicidio",
        "staying with them": r"me quedaré con|quédese con",
        "overdose": r"sobredosis",
        "naloxone": r"naloxona",
        "911": r"\b911\b",
        "988": r"\b988\b",
        "SAMHSA Helpline": r"1-800-662-4357",
    },
}


@pytest.mark.parametrize("curriculum_id", each_curriculum())
def test_the_first_session_walks_the_group_through_a_crisis(curriculum_id: str) -> None:
    c = SHIPPED.get(curriculum_id)
    first = c.sessions[0]
    said = " ".join(" ".join((i.script, *i.prompts, i.display)) for i in first.agenda)
    words = CRISIS_WORDS[c.language.split("-")[0]]
    missing = [name for name, pattern in words.items() if not re.search(pattern, said, re.IGNORECASE)]
    assert missing == [], f"{c.id}'s first session does not cover: {missing}"


RETURN_TO_USE = {
    "en": ("return to use", r"\brelaps\w*|\blapse[sd]?\b|\bslip(s|ped|ping|-ups?)?\b"),
    "es": ("volver a consumir", r"reca[ií]d\w*|\breca(er|yó|iga)\w*|\bdesliz\w*"),
}


@pytest.mark.parametrize("curriculum_id", each_curriculum())
def test_one_term_for_a_return_to_use(curriculum_id: str) -> None:
    c = SHIPPED.get(curriculum_id)
    term, others = RETURN_TO_USE[c.language.split("-")[0]]
    text = content(c)
    assert sorted({m.group(0).lower() for m in re.finditer(others, text, re.IGNORECASE)}) == [], f"say '{term}' instead"


OUTDATED = {
    "988 only for thoughts of self-harm": r"988[^.]{0,40}\bif you (think|have thoughts) about (hurting|killing)",
    "naloxone as if it needed a prescription": r"(ask|talk to) a pharmacist (how|about)[^.]*naloxone|naloxone[^.]*without a prescription at (some|many)",
    "the 2018 overdose toolkit": r"Opioid Overdose Prevention Toolkit",
    "an idiom for safety": r"safety has layers|actions will speak",
}


def test_the_term_check_can_fail() -> None:
    _term, others = RETURN_TO_USE["en"]
    def found(text: str) -> list[str]:
        return [m.group(0) for m in re.finditer(others, text, re.IGNORECASE)]

    assert found("After a slip or a relapse, a lapse") == ["slip", "relapse", "lapse"]
    assert found("The slipper collapsed; a relapse-prevention book") == ["relapse"]


@pytest.mark.parametrize("curriculum_id", each_curriculum())
def test_facts_are_stated_as_they_are_now(curriculum_id: str) -> None:
    c = SHIPPED.get(curriculum_id)
    text = content(c) + " " + " ".join(c.references)
    found = {name: m.group(0) for name, pattern in OUTDATED.items() if (m := re.search(pattern, text, re.IGNORECASE))}
    assert found == {}
    if "naloxone" in text.lower() or "naloxona" in text.lower():
        assert re.search(r"without a prescription|over the counter|sin receta", text, re.IGNORECASE), (
            f"{c.id} mentions naloxone: say it is sold over the counter"
        )


def test_overdose_toolkit_is_cited_as_it_is_now() -> None:
    citing = [c for c in SHIPPED.curricula if any("Overdose Prevention and Response Toolkit" in r for r in c.references)]
    assert citing and all(
        "PEP23-03-00-001" in r and "2023" in r for c in citing for r in c.references if "Overdose Prevention and Response" in r
    )


# -- the Spanish family edition ------------------------------------------------------------


def test_the_family_editions_keep_the_same_ids_and_minutes() -> None:
    en, es = SHIPPED.get("family-recovery"), SHIPPED.get("family-recovery-es")
    assert [s.id for s in es.sessions] == [s.id for s in en.sessions]
    assert [[h.id for h in s.handouts] for s in es.sessions] == [[h.id for h in s.handouts] for s in en.sessions]
    assert [[i.minutes for i in s.agenda] for s in es.sessions] == [[i.minutes for i in s.agenda] for s in en.sessions]
    assert [[i.kind for i in s.agenda] for s in es.sessions] == [[i.kind for i in s.agenda] for s in en.sessions]
    assert [[len(h.worksheet) for h in s.handouts] for s in es.sessions] == [
        [len(h.worksheet) for h in s.handouts] for s in en.sessions
    ]
    assert "medications-and-craft" in [s.id for s in en.sessions]
    assert es.reviewed == en.reviewed


@pytest.fixture
def spanish_readability():  # type: ignore[no-untyped-def]
    textstat.set_lang("es")
    yield textstat.fernandez_huerta
    textstat.set_lang("en_US")


def test_spanish_handouts_read_easily(spanish_readability, shipped_library: Library) -> None:  # type: ignore[no-untyped-def]
    scores = {
        f"{c.id}/{h.id}": spanish_readability(reading_text(h))
        for c in shipped_library.curricula
        if c.language.split("-")[0] == "es"
        for s in c.sessions
        for h in s.handouts
    }
    assert scores
    hard = {k: round(v, 1) for k, v in scores.items() if v < 70}
    assert hard == {}, "Fernández-Huerta 70 or more: fairly easy for a general adult reader"
    dense = "La farmacoterapia con agonistas opioides disminuye significativamente la mortalidad asociada a sobredosis."
    assert spanish_readability(dense) < 70, "the measure can fail"


def test_library_reload_matches(shipped_library: Library) -> None:
    assert [c.id for c in shipped_library.curricula] == IDS
    assert isinstance(load_library(shipped_curricula_dir()), Library)
