"""The psychoeducation track carries 90 days of rolling admission, safely and in plain words.

A newcomer can join in any week: every session fits one weekly slot, stands on its own, and a
safety check (overdose, naloxone, 988, what the facilitator does in a crisis) is never more
than four sessions away. Handouts read at grade 8 or below, the file uses one term for a
return to use, every topic a clinic expects is taught, and every reference reads as a citation.
"""

from __future__ import annotations

import itertools
import re

import pytest
import textstat

from facilitator.core.curriculum import Curriculum, CurriculumSession, Handout, ItemKind
from facilitator.core.library import Library
from facilitator.core.markup import plain_text

TRACK = "psychoeducation-core"
MIN_SESSIONS = 24
MAX_GAP = 4  # sessions between safety checks, counted round the track (rolling admission)
MAX_GRADE = 8.0
SAFETY_CHECK = "safety check"


@pytest.fixture
def track(shipped_library: Library) -> Curriculum:
    return shipped_library.get(TRACK)


def reading_text(handout: Handout) -> str:
    """What a participant reads, each heading, list entry and prompt scored as a sentence."""
    lines = plain_text(handout.body).splitlines()
    for field in handout.worksheet:
        lines.append(field.prompt)
        lines.extend(getattr(field, "checklist", ()))
    return "\n".join(line if line.rstrip()[-1:] in ".?!:" else line + "." for line in lines if line.strip())


def session_text(s: CurriculumSession) -> str:
    """Every word of a session a facilitator or participant sees; ids are left out."""
    parts: list[str] = [s.title, *s.objectives, *s.materials]
    for item in s.agenda:
        parts += [item.title, item.script, item.display, *item.prompts]
        if item.role_play is not None:
            rp = item.role_play
            parts += [rp.scenario, *rp.debrief]
            for role in rp.roles:
                parts += [role.name, role.brief, *role.checklist]
    for h in s.handouts:
        parts += [h.title, h.body]
        for field in h.worksheet:
            parts += [field.prompt, *getattr(field, "checklist", ())]
    return "\n".join(p for p in parts if p)


def curriculum_text(c: Curriculum) -> str:
    return "\n".join([c.title, c.summary, *(session_text(s) for s in c.sessions)])


def largest_gap(positions: list[int], length: int) -> int:
    """The most sessions a newcomer joining anywhere waits for the next marked one, round the track."""
    if not positions:
        return length + 1
    ordered = sorted(positions)
    gaps = [b - a for a, b in itertools.pairwise(ordered)]
    gaps.append(ordered[0] + length - ordered[-1])
    return max(gaps)


def safety_positions(c: Curriculum) -> list[int]:
    return [
        i for i, s in enumerate(c.sessions)
        if any(item.title.lower().startswith(SAFETY_CHECK) for item in s.agenda)
    ]


# ---------------------------------------------------------------- length and slot


def test_enough_sessions_for_90_days_in_one_weekly_slot(track: Curriculum) -> None:
    assert len(track.sessions) >= MIN_SESSIONS
    assert {s.minutes for s in track.sessions} == {track.session_minutes}, "one slot length for the track"
    for s in track.sessions:
        assert sum(i.minutes for i in s.agenda) == s.minutes, s.id
        assert s.agenda[0].kind is ItemKind.CHECK_IN and s.agenda[-1].kind is ItemKind.CHECK_OUT, s.id
    hours = sum(s.minutes for s in track.sessions) / 60
    print(f"{TRACK}: {len(track.sessions)} sessions, {hours:g} hours")


def test_sessions_that_have_been_taught_keep_their_ids(track: Curriculum) -> None:
    # Coverage history refers to these ids.
    kept = {
        "brain-and-body", "cycle-of-use", "triggers-and-cravings", "relapse-warning-signs",
        "co-occurring-conditions", "medications-for-addiction", "overdose-naloxone-infections",
        "sleep-nutrition-health", "family-effects", "mutual-help-and-supports", "sober-routine",
        "aftercare-planning",
    }
    assert kept <= {s.id for s in track.sessions}


BACK_REFERENCE = re.compile(
    r"\b(last|previous|earlier|prior) sessions?\b|\blast time we\b|\bas we (said|learned|covered)\b", re.I
)


def test_every_session_stands_on_its_own(track: Curriculum) -> None:
    assert BACK_REFERENCE.search("Link this to last session.")
    for s in track.sessions:
        for item in s.agenda:
            assert not BACK_REFERENCE.search(item.script + "\n" + "\n".join(item.prompts)), (
                f"{s.id}: '{item.title}' leans on an earlier session; give a two-minute recap instead"
            )
            if item.title.lower().startswith("recap"):
                assert item.minutes == 2, f"{s.id}: a recap takes two minutes"
                assert len(item.script) > 150, f"{s.id}: the recap says the essentials"
    assert any(item.title.lower().startswith("recap") for s in track.sessions for item in s.agenda)


# ---------------------------------------------------------------- safety


def test_the_gap_measure_can_fail() -> None:
    assert largest_gap([0, 4, 8], 12) == 4
    assert largest_gap([0, 5], 10) == 5
    assert largest_gap([3], 24) == 24
    assert largest_gap([], 24) > MAX_GAP


def test_a_safety_check_is_never_more_than_four_sessions_away(track: Curriculum) -> None:
    positions = safety_positions(track)
    assert positions and positions[0] == 0, "the first session carries the safety protocol"
    assert largest_gap(positions, len(track.sessions)) <= MAX_GAP
    for i in positions:
        s = track.sessions[i]
        item = next(it for it in s.agenda if it.title.lower().startswith(SAFETY_CHECK))
        said = item.script.lower()
        for must in ("988", "911", "naloxone", "intoxicated", "suicide"):
            assert must in said, f"{s.id}: the safety check does not mention {must}"
        assert item.prompts and item.display, s.id
    ids = [s.id for s in track.sessions]
    assert ids.index("overdose-naloxone-infections") < MAX_GAP + 1, "the full overdose session comes early"


def test_the_first_session_walks_the_group_through_the_crisis_protocol(track: Curriculum) -> None:
    first = track.sessions[0]
    protocol = next(it for it in first.agenda if it.title.lower().startswith(SAFETY_CHECK))
    said = protocol.script.lower()
    # Someone arrives intoxicated.
    assert "intoxicated" in said and "in private" in said and "drive" in said
    # Someone discloses thoughts of suicide: ask directly, stay, lethal means, hand over in person, document.
    assert "ask you directly" in said and "stay with you" in said
    assert "guns" in said and "in person" in said and "record" in said
    # An overdose in the building.
    assert "911" in said and "naloxone" in said
    # 988 takes any crisis, by call or text.
    assert "call or text 988" in said and "substance use crisis" in said
    assert any("TIP 50" in r for r in track.references)


# ---------------------------------------------------------------- plain language


def test_every_handout_reads_at_grade_8_or_below(track: Curriculum) -> None:
    grades = {h.id: textstat.flesch_kincaid_grade(reading_text(h)) for s in track.sessions for h in s.handouts}
    assert {k: round(g, 1) for k, g in grades.items() if g > MAX_GRADE} == {}
    assert all(any(h.worksheet for h in s.handouts) for s in track.sessions), "a worksheet in every session"
    for hid, grade in sorted(grades.items()):
        print(f"  {hid}: FK {grade:.1f}")


OTHER_TERMS = re.compile(r"\bslip(s|ped|ping)?\b|\brelaps\w*", re.I)
LAPSE = re.compile(r"\blapses?\b", re.I)


def test_one_term_for_a_return_to_use(track: Curriculum) -> None:
    assert OTHER_TERMS.search("after a slip") and OTHER_TERMS.search("Relapse starts early")
    assert not OTHER_TERMS.search("sleep gets worse; a return to use")
    text = curriculum_text(track)
    found = sorted({m.group(0).lower() for m in OTHER_TERMS.finditer(text)})
    assert found == [], f"say 'return to use', not {found}"
    assert len(LAPSE.findall(text)) <= 1, "'lapse' may be defined once, as a short return to use"
    assert text.lower().count("return to use") >= 10


IDIOMS = ("your actions will speak", "safety has layers", "walking on eggshells", "stick with it",
          "fair try", "door is open", "a family affair")


def test_handouts_and_scripts_avoid_the_idioms_that_were_replaced(track: Curriculum) -> None:
    text = curriculum_text(track).lower()
    assert [i for i in IDIOMS if i in text] == []


# ---------------------------------------------------------------- topics and accuracy


TOPICS = {
    "stimulants": ("methamphetamine", "cocaine", "contingency management", "negative screen", "reward"),
    "cannabis": ("hyperemesis", "thc", "percent", "withdrawal"),
    "benzodiazepines": ("seizure", "taper", "stopping suddenly", "fentanyl"),
    "nicotine": ("quit", "vap", "varenicline", "1-800-quit-now"),
    "post-acute-withdrawal": ("post-acute", "waves", "months"),
    "grief-and-loss": ("grief", "overdose death", "guilt", "naloxone"),
    "depression-and-anxiety": ("depression", "anxiety", "thinking trap", "988"),
    "suicide-prevention": ("warning signs", "are you thinking about suicide", "988", "lethal means", "guns"),
    "ambivalence-and-values": ("mixed feelings", "values", "court", "motivational interviewing"),
    "recovery-capital": ("recovery capital", "health, home, purpose", "recovery housing",
                         "medicine for opioid use"),
    "orientation-iop-testing": ("drug screen", "prescribed", "expected", "lab test", "privacy"),
    "alcohol-and-withdrawal": ("seizure", "delirium tremens", "detox", "standard drink"),
}


@pytest.mark.parametrize("session_id", sorted(TOPICS))
def test_each_new_topic_is_taught(track: Curriculum, session_id: str) -> None:
    session = next((s for s in track.sessions if s.id == session_id), None)
    assert session is not None, f"no session {session_id}"
    text = session_text(session).lower()
    missing = [w for w in TOPICS[session_id] if w not in text]
    assert missing == [], f"{session_id} does not teach {missing}"


def test_facts_are_current(track: Curriculum) -> None:
    text = curriculum_text(track).lower()
    refs = "\n".join(track.references)
    # Nasal naloxone has been sold over the counter since 2023.
    assert "without a prescription" in text and "over the counter" in text
    assert "often get naloxone at a pharmacy without a prescription" not in text
    assert "Over-the-Counter Naloxone" in refs and "2023" in refs
    # Fentanyl test strips, xylazine (still give naloxone), stimulant overdose.
    assert "test strip" in text and "xylazine" in text and "still give naloxone" in text
    assert "stimulant overdose" in text
    # The current overdose toolkit replaces the 2018 one.
    assert "PEP23-03-00-001" in refs
    assert not any(r.startswith("SAMHSA. Opioid Overdose Prevention Toolkit") for r in track.references)
    # Naltrexone after methadone or buprenorphine waits longer than after short-acting opioids.
    meds = session_text(next(s for s in track.sessions if s.id == "medications-for-addiction"))
    assert "7 to 10 days" in meds and "10 to 14" in meds and "methadone or buprenorphine" in meds
    # Withdrawal dangers: alcohol and benzodiazepines.
    assert "delirium tremens" in text and "medical detox" in text
    assert "benzodiazepine" in refs.lower() and "taper" in text
    # 988 takes any mental-health or substance-use crisis, by call or text.
    assert text.count("call or text 988") + text.count("call or text **988**") >= 10
    assert "if you have thoughts of hurting yourself, call or text" not in text
    # Recovery housing that welcomes medication for opioid use disorder.
    assert "welcomes" in text and "Best Practices for Recovery Housing" in refs


# ---------------------------------------------------------------- references


CITATION = re.compile(r"^(?P<author>.+?)\. (?P<title>[^.]{12,})\. .*\b(19|20)\d\d\b")
TIP_TITLES = {
    "TIP 33": ("Treatment for Stimulant Use Disorders", "2021"),
    "TIP 35": ("Enhancing Motivation for Change in Substance Use Disorder Treatment", "2019"),
    "TIP 39": ("Substance Use Disorder Treatment and Family Therapy", "2020"),
    "TIP 41": ("Substance Abuse Treatment: Group Therapy", "2005"),
    "TIP 42": ("Substance Use Disorder Treatment for People With Co-Occurring Disorders", "2020"),
    "TIP 47": ("Substance Abuse: Clinical Issues in Intensive Outpatient Treatment", "2006"),
    "TIP 50": ("Addressing Suicidal Thoughts and Behaviors in Substance Abuse Treatment", "2009"),
    "TIP 57": ("Trauma-Informed Care in Behavioral Health Services", "2014"),
    "TIP 63": ("Medications for Opioid Use Disorder", "2021"),
}
# A named technique used in the file must be credited by name, with its author, in references.
TECHNIQUES = {
    "urge surfing": ("Urge surfing", "Marlatt"),
    "thinking trap": ("Thinking traps", "Beck"),
    "motivational interviewing": ("Motivational interviewing", "Rollnick"),
    "behavioral activation": ("Behavioral activation", "Martell"),
}


def test_every_reference_reads_as_a_citation(track: Curriculum) -> None:
    assert not CITATION.match("Some notes about overdose")
    assert CITATION.match("SAMHSA. TIP 50: Addressing Suicidal Thoughts. 2009.")
    assert len(track.references) >= 20
    for r in track.references:
        assert CITATION.match(r), f"not a citation (author. title. year): {r}"


def test_tip_titles_and_years_are_right(track: Curriculum) -> None:
    for tip, (title, year) in TIP_TITLES.items():
        cited = [r for r in track.references if f"{tip}:" in r]
        assert len(cited) == 1, f"{tip} is cited once"
        assert f"{tip}: {title}." in cited[0] and year in cited[0], cited[0]


def test_named_techniques_are_credited(track: Curriculum) -> None:
    text = curriculum_text(track).lower()
    used = [t for t in TECHNIQUES if t in text]
    assert {"urge surfing", "thinking trap", "motivational interviewing"} <= set(used)
    for technique in used:
        name, author = TECHNIQUES[technique]
        assert any(name in r and author in r for r in track.references), f"credit {technique} ({author})"
    assert any("Miller" in r and "Rollnick" in r for r in track.references)
    assert any("Burns" in r and "Thinking traps" in r for r in track.references)
