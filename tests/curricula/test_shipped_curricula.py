"""The curricula Facilitator ships: enough for three months of IOP groups, and readable.

One test over all of the declarative content (as qutebrowser tests every setting): each
file loads, every session's agenda adds up, every item but breaks has a script, every
session has a worksheet, every role play is complete, and handouts read at grade 8 or
below.
"""

from __future__ import annotations

import statistics
from collections import Counter

import pytest
import textstat

from facilitator.core.curriculum import Curriculum, GroupType, Handout, ItemKind
from facilitator.core.library import Library, curriculum_files
from facilitator.core.markup import plain_text
from facilitator.paths import shipped_curricula_dir

MAX_GRADE = 8.0
COPYRIGHTED_PROGRAMMES = ("Matrix Model", "Living in Balance", "Seeking Safety")


def reading_text(handout: Handout) -> str:
    """What a participant reads: the body's words plus worksheet prompts, one line each.

    A heading, list entry or worksheet prompt stands alone on the printed page, so each is
    scored as a sentence of its own; a paragraph's wrapped lines are joined first.
    """
    lines = plain_text(handout.body).splitlines()
    for field in handout.worksheet:
        lines.append(field.prompt)
        lines.extend(getattr(field, "checklist", ()))
    return "\n".join(line if line.rstrip()[-1:] in ".?!:" else line + "." for line in lines if line.strip())


def english(library: Library) -> list[Curriculum]:
    return [c for c in library.curricula if c.language == "en"]


def test_every_shipped_file_loads_without_problems(shipped_library: Library) -> None:
    assert [str(p) for p in shipped_library.problems] == []
    assert len(shipped_library.curricula) == len(curriculum_files(shipped_curricula_dir()))


def test_counts_per_group_type(shipped_library: Library) -> None:
    sessions = Counter()
    for c in english(shipped_library):
        sessions[c.group_type] += len(c.sessions)
    assert sessions[GroupType.PSYCHOEDUCATION] >= 12
    assert sessions[GroupType.SKILLS] >= 12
    assert sessions[GroupType.SUPPORT] >= 8
    assert sessions[GroupType.FAMILY] >= 8
    single = [c for c in english(shipped_library) if c.group_type is GroupType.SINGLE_INTEREST]
    assert len(single) >= 3
    assert len({c.focus for c in single}) == len(single), "each single-interest curriculum has its own focus"
    assert all(len(c.sessions) >= 6 for c in single)
    skills_role_play_sessions = sum(
        1 for c in english(shipped_library) if c.group_type is GroupType.SKILLS for s in c.sessions if s.role_plays
    )
    assert skills_role_play_sessions >= 8


def test_both_90_and_180_minute_slots_appear(shipped_library: Library) -> None:
    minutes = {s.minutes for c in shipped_library.curricula for s in c.sessions}
    assert {90, 180} <= minutes


@pytest.mark.parametrize("curriculum_id", [p.stem for p in curriculum_files(shipped_curricula_dir())])
def test_every_session_is_complete(shipped_library: Library, curriculum_id: str) -> None:
    c = shipped_library.get(curriculum_id)
    assert c.references, "cite the SAMHSA material the content rests on"
    assert any("TIP" in r for r in c.references)
    for s in c.sessions:
        where = f"{c.id}/{s.id}"
        assert s.objectives, where
        assert sum(i.minutes for i in s.agenda) == s.minutes, where
        assert s.agenda[0].kind is ItemKind.CHECK_IN and s.agenda[-1].kind is ItemKind.CHECK_OUT, where
        for item in s.agenda:
            if item.kind is not ItemKind.BREAK:
                assert item.script, f"{where}: '{item.title}' has no facilitator script"
                assert item.prompts, f"{where}: '{item.title}' has no prompts"
        if s.minutes >= 180:
            assert any(i.kind is ItemKind.BREAK for i in s.agenda), f"{where}: a 3-hour session needs a break"
        assert any(h.worksheet for h in s.handouts), f"{where}: needs a handout with a worksheet"
        for item in s.role_plays:
            rp = item.role_play
            assert rp is not None
            assert rp.scenario and 2 <= len(rp.roles) <= 4, where
            assert all(r.brief for r in rp.roles), where
            assert any(r.checklist for r in rp.roles), f"{where}: a role play needs an observer checklist"
            assert rp.phases and rp.rounds >= 2, f"{where}: roles rotate over at least two rounds"
            assert rp.total_minutes <= item.minutes, where
            assert rp.debrief, f"{where}: debrief questions follow the last round"


def test_english_handouts_read_at_grade_8_or_below(shipped_library: Library) -> None:
    grades = {
        f"{c.id}/{h.id}": textstat.flesch_kincaid_grade(reading_text(h))
        for c in english(shipped_library)
        for s in c.sessions
        for h in s.handouts
    }
    too_hard = {k: round(g, 1) for k, g in grades.items() if g > MAX_GRADE}
    assert too_hard == {}
    assert len(grades) >= 60
    # The measure itself can fail: a dense adult paragraph scores well above 8.
    dense = Handout("x", "x", "Pharmacological interventions substantially ameliorate neurobiological dysregulation "
                    "associated with protracted withdrawal, facilitating sustained abstinence and psychosocial functioning.")
    assert textstat.flesch_kincaid_grade(reading_text(dense)) > MAX_GRADE
    print(f"reading grade over {len(grades)} handouts: min {min(grades.values()):.1f}, "
          f"max {max(grades.values()):.1f}, mean {statistics.mean(grades.values()):.1f}")


def test_the_spanish_edition_matches_its_english_ids(shipped_library: Library) -> None:
    spanish = [c for c in shipped_library.curricula if c.language == "es"]
    assert spanish, "one curriculum ships in Spanish"
    for es in spanish:
        en = shipped_library.translation(es, "en")
        assert en is not None, f"{es.id} has no English edition"
        assert [s.id for s in es.sessions] == [s.id for s in en.sessions]
        assert [[h.id for h in s.handouts] for s in es.sessions] == [[h.id for h in s.handouts] for s in en.sessions]
        assert [s.minutes for s in es.sessions] == [s.minutes for s in en.sessions]
        assert es.title != en.title, "translated, not copied"


def test_copyrighted_programmes_appear_only_as_references(shipped_library: Library) -> None:
    for c in shipped_library.curricula:
        text = c.source.read_text(encoding="utf-8") if c.source else ""
        for line in text.splitlines():
            for name in COPYRIGHTED_PROGRAMMES:
                if name.lower() in line.lower():
                    assert any(name.lower() in r.lower() for r in c.references), f"{c.id}: {line.strip()}"
