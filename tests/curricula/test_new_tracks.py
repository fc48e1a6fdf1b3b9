"""The veterans, LGBTQ+ and teen tracks: complete, safe on a rolling admission, and readable.

These three curricula are read by groups that a newcomer may join in any week, so the
safety walk-through comes first and a short safety check comes back at least every four
sessions, counting round from the last session to the first. The crisis numbers are the
ones in service in 2026.
"""

from __future__ import annotations

import io
import re

import pytest
import textstat
from pypdf import PdfReader
from test_shipped_curricula import reading_text

from facilitator.core import printing as P
from facilitator.core.curriculum import AgendaItem, Curriculum, CurriculumSession, GroupType, Handout
from facilitator.core.library import Library
from facilitator.core.markup import plain_text
from facilitator.handouts import render_pdf

MIN_SESSIONS = {"veterans": 6, "lgbtq-recovery": 6, "adolescent-skills": 12}
NEW_TRACKS = tuple(MIN_SESSIONS)
MAX_GRADE = 8.0
MAX_TEEN_GRADE = 7.0
MAX_SAFETY_GAP = 4
# Every named technique the tracks may use, and a word its reference must hold.
TECHNIQUES = {
    "urge surfing": "Marlatt",
    "motivational interviewing": "Rollnick",
    "thinking trap": "Beck",
    "safety plan": "Stanley",
    "CRAFT": "Meyers",
    "CRAFFT": "Knight",
    "moral injury": "Litz",
    "minority stress": "Meyer",
}
# "Return to use" is the one term; these are the others the library used to mix in.
OTHER_TERMS = re.compile(r"\b(relapse\w*|slip|slips|slipped|lapse\w*)\b", re.IGNORECASE)


@pytest.fixture(params=NEW_TRACKS)
def track(request: pytest.FixtureRequest, shipped_library: Library) -> Curriculum:
    return shipped_library.get(request.param)


def all_handouts(c: Curriculum) -> list[tuple[CurriculumSession, Handout]]:
    return [(s, h) for s in c.sessions for h in s.handouts]


def participant_text(c: Curriculum) -> str:
    """Every word the tracks put in front of a facilitator or a participant, references aside."""
    parts: list[str] = [c.title, c.summary]
    for s in c.sessions:
        parts += [s.title, *s.objectives, *s.materials]
        for item in s.agenda:
            parts += [item.title, item.script or "", *item.prompts, item.display or ""]
            if item.role_play:
                rp = item.role_play
                parts += [rp.scenario, *rp.debrief]
                for role in rp.roles:
                    parts += [role.name, role.brief, *role.checklist]
        for h in s.handouts:
            parts += [h.title, h.body, *(f.prompt for f in h.worksheet)]
            parts += [entry for f in h.worksheet for entry in getattr(f, "checklist", ())]
    return "\n".join(parts)


def is_walk_through(item: AgendaItem) -> bool:
    """The first session's item that tells the group what staff do in the three emergencies."""
    script = (item.script or "").lower()
    return (
        "emergency" in item.title.lower()
        and ("intoxicated" in script or "drunk or high" in script)
        and "suicide" in script
        and "overdose" in script
        and "naloxone" in script
        and "911" in script
        and "988" in script
    )


def is_safety_check(item: AgendaItem) -> bool:
    """A short item that repeats the emergency steps and the overdose facts."""
    script = (item.script or "").lower()
    return (
        item.title.lower().startswith("safety check")
        and item.minutes <= 10
        and "suicide" in script
        and "overdose" in script
        and "naloxone" in script
        and "988" in script
    )


def safety_sessions(c: Curriculum) -> list[int]:
    return [n for n, s in enumerate(c.sessions) if any(is_walk_through(i) or is_safety_check(i) for i in s.agenda)]


def longest_wait(positions: list[int], count: int) -> int:
    """Sessions a newcomer may wait for the next safety item, joining in any week (cyclic)."""
    if not positions:
        return count + 1
    gaps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    gaps.append(positions[0] + count - positions[-1])
    return max(gaps)


def is_family_handout(h: Handout) -> bool:
    return h.title.startswith("For Parents and Caregivers")


def test_each_track_loads_with_its_type_and_focus(shipped_library: Library) -> None:
    problems = [str(p) for p in shipped_library.problems if any(t in str(p) for t in NEW_TRACKS)]
    assert problems == []
    veterans, lgbtq, teens = (shipped_library.get(t) for t in NEW_TRACKS)
    assert (veterans.group_type, veterans.focus) == (GroupType.SINGLE_INTEREST, "veterans")
    assert (lgbtq.group_type, lgbtq.focus) == (GroupType.SINGLE_INTEREST, "LGBTQ+")
    assert (teens.group_type, teens.audience) == (GroupType.SKILLS, "adolescents")


def test_session_counts_and_one_slot_length(track: Curriculum) -> None:
    assert len(track.sessions) >= MIN_SESSIONS[track.id]
    assert {s.minutes for s in track.sessions} == {track.session_minutes}
    hours = sum(s.minutes for s in track.sessions) / 60
    print(f"{track.id}: {len(track.sessions)} sessions, {hours:g} hours")


def test_teen_sessions_fill_a_six_hour_week_evenly(shipped_library: Library) -> None:
    teens = shipped_library.get("adolescent-skills")
    assert (6 * 60) % teens.session_minutes == 0


def test_the_first_session_walks_the_group_through_emergencies(track: Curriculum) -> None:
    first = track.sessions[0]
    assert any(is_walk_through(item) for item in first.agenda), f"{track.id}: no emergency walk-through first"
    # ... and its handout tells participants the same, in their words.
    assert any("911" in h.body and "naloxone" in h.body and "suicide" in h.body for h in first.handouts)


def test_safety_comes_back_at_least_every_four_sessions(track: Curriculum) -> None:
    positions = safety_sessions(track)
    assert positions and positions[0] == 0
    assert longest_wait(positions, len(track.sessions)) <= MAX_SAFETY_GAP, positions


def test_the_wait_is_counted_round_the_cycle() -> None:
    assert longest_wait([0, 3, 6, 9], 12) == 3
    assert longest_wait([0, 3], 12) == 9
    assert longest_wait([], 6) == 7


def test_handouts_read_at_grade_8_or_below(track: Curriculum) -> None:
    grades = {h.id: textstat.flesch_kincaid_grade(reading_text(h)) for _, h in all_handouts(track)}
    assert grades
    assert {k: round(g, 1) for k, g in grades.items() if g > MAX_GRADE} == {}
    if track.audience == "adolescents":
        teen = {h.id: g for s, h in all_handouts(track) if not is_family_handout(h) for g in [grades[h.id]]}
        assert {k: round(g, 1) for k, g in teen.items() if g > MAX_TEEN_GRADE} == {}


def test_teens_have_family_handouts_and_family_parts(shipped_library: Library) -> None:
    teens = shipped_library.get("adolescent-skills")
    with_family_sheet = [s.id for s in teens.sessions if any(is_family_handout(h) for h in s.handouts)]
    assert len(with_family_sheet) > len(teens.sessions) / 2, "a caregiver sheet after most sessions"
    family_parts = [s.id for s in teens.sessions if any(i.title.startswith("Family part") for i in s.agenda)]
    assert len(family_parts) >= 2
    for s in teens.sessions:
        # A teen's own handout, with a worksheet, is in every session; caregiver sheets come beside it.
        assert any(h.worksheet and not is_family_handout(h) for h in s.handouts), s.id


def test_teen_confidentiality_is_explained_first(shipped_library: Library) -> None:
    first = shipped_library.get("adolescent-skills").sessions[0]
    handout = plain_text(first.handouts[0].body)
    assert "stays in group" in handout
    assert "hurt yourself" in handout and "hurting you" in handout and "hurt someone else" in handout


def test_crisis_numbers_are_the_ones_in_service(track: Curriculum) -> None:
    text = participant_text(track)
    assert "988" in text and "911" in text
    assert "naloxone" in text and "fentanyl" in text
    # 988's separate LGBTQ+ youth option closed in July 2025: never tell anyone to press 3.
    assert not re.search(r"press 3", text, re.IGNORECASE)
    if track.id == "veterans":
        assert "press 1" in text and "838255" in text
    if track.id == "lgbtq-recovery":
        assert "1-866-488-7386" in text and "678-678" in text  # The Trevor Project
        assert "1-877-565-8860" in text  # Trans Lifeline
    # Naloxone is over the counter since 2023; the old "often without a prescription" is gone.
    assert "often get naloxone" not in text


def test_one_term_for_a_return_to_use(track: Curriculum) -> None:
    text = participant_text(track)
    assert OTHER_TERMS.findall(text) == []
    assert OTHER_TERMS.findall("After the slip he called his sponsor to avoid a relapse.") == ["slip", "relapse"]


def test_checklists_never_score_eye_contact(track: Curriculum) -> None:
    for s in track.sessions:
        for item in s.role_plays:
            assert item.role_play is not None
            for role in item.role_play.roles:
                assert not any("eye" in entry.lower() for entry in role.checklist), f"{track.id}/{s.id}"


def techniques_used(text: str) -> set[str]:
    return {name for name in TECHNIQUES if re.search(rf"\b{re.escape(name.lower())}", text.lower())}


def test_every_named_technique_is_credited(track: Curriculum) -> None:
    for name in sorted(techniques_used(participant_text(track))):
        credit = TECHNIQUES[name]
        assert any(credit in r and name.lower() in r.lower() for r in track.references), f"{track.id}: {name}"


def test_technique_names_are_found_as_written() -> None:
    assert techniques_used("Practise urge surfing. Catch the thinking traps.") == {"urge surfing", "thinking trap"}
    assert techniques_used("Counselors may use the CRAFFT.") == {"CRAFFT"}


def test_every_reference_has_a_title_and_a_year(track: Curriculum) -> None:
    for ref in track.references:
        assert re.search(r"\b(19|20)\d\d\b", ref), ref
        assert len(ref.split(". ")) >= 2, ref


def test_each_session_s_handouts_render_to_pdf(track: Curriculum, shipped_library: Library) -> None:
    for s in track.sessions:
        model = P.build_packet(track, s.id, P.anonymous_recipients(1), library=shipped_library)
        reader = PdfReader(io.BytesIO(render_pdf(model)))
        text = re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))
        assert len(reader.pages) >= len(s.handouts), s.id
        for h in s.handouts:
            assert re.sub(r"\s+", " ", h.title) in text, h.id
