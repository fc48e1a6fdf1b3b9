"""Every rule of the curriculum format, each shown with the exact message a user sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.curriculum import ChecklistField, GroupType, ItemKind, LinesField, ScaleField
from facilitator.core.loader import CurriculumError, check_curriculum, load_curriculum, load_curriculum_file

FIXTURE = Path(__file__).parents[1] / "fixtures" / "format-example.yaml"
EXAMPLE = FIXTURE.read_text(encoding="utf-8")


def problems(text: str) -> list[str]:
    curriculum, found = check_curriculum(text, "f.yaml")
    assert (curriculum is None) == bool(found)
    return [str(p) for p in found]


def edit(old: str, new: str, text: str = EXAMPLE) -> str:
    assert old in text, f"fixture no longer contains {old!r}"
    return text.replace(old, new, 1)


def test_the_format_pages_example_loads_as_its_author_meant() -> None:
    c = load_curriculum_file(FIXTURE)
    assert c.id == "refusal-skills-sample"
    assert c.group_type is GroupType.SKILLS
    assert c.audience == "adults" and c.language == "en"
    s = c.sessions[0]
    assert s.minutes == 60 and [i.minutes for i in s.agenda] == [10, 40, 10]
    assert s.agenda[0].prompts == ("One word for your week?",)
    rp = s.agenda[1].role_play
    assert rp is not None and rp.rounds == 3 and rp.total_minutes == 36
    # In {...} style strict YAML would split "Keep offering, kindly at first." at its comma.
    assert rp.roles[0].brief == "Keep offering, kindly at first."
    assert rp.roles[1].brief == "Say no, suggest something else, leave if needed."
    assert rp.roles[2].checklist == ("Eye contact", "Clear no")
    h = s.handouts[0]
    assert h.id == "no-thanks"
    assert isinstance(h.worksheet[0], LinesField) and h.worksheet[0].lines == 2
    assert isinstance(h.worksheet[1], ScaleField) and (h.worksheet[1].min, h.worksheet[1].max) == (0, 10)


def test_a_real_stray_key_in_a_flow_mapping_is_still_an_error() -> None:
    text = edit("{name: Offerer, brief: Keep offering, kindly at first.}", "{name: Offerer, brief: Keep offering, kindly: at first}")
    assert problems(text) == [
        "f.yaml:21:53: session 1 (saying-no), agenda item 2, role play, role 1: unknown key 'kindly'; "
        "allowed keys are name, brief, checklist"
    ]


# -- top level ------------------------------------------------------------------------------

TOP_RULES = [
    ("format: 1\n", "format: 2\n", "f.yaml:1:9: the curriculum: 'format' is 2, but this version of Facilitator reads format 1 only"),
    ("format: 1\n", "format: one\n", "f.yaml:1:9: the curriculum: 'format' must be a whole number, not text 'one'"),
    ("format: 1\n", "", "f.yaml:1:1: the curriculum: missing required key 'format'"),
    ("id: refusal-skills-sample\n", "id: Refusal Skills\n", "f.yaml:2:5: the curriculum: 'id' must use only lowercase letters, digits and '-', not 'Refusal Skills'"),
    ("id: refusal-skills-sample\n", "", "f.yaml:1:1: the curriculum: missing required key 'id'"),
    ("title: Refusal Skills (sample)\n", "title:\n", "f.yaml:3:7: the curriculum: 'title' must be text, not nothing"),
    ("group_type: skills\n", "group_type: skill\n", "f.yaml:4:13: the curriculum: 'group_type' must be one of psychoeducation, skills, support, single_interest, family, not 'skill' (did you mean 'skills'?)"),
    ("group_type: skills\n", "group_type: skills\nfocus: trauma\n", "f.yaml:5:1: the curriculum: 'focus' is only for single_interest curricula"),
    ("group_type: skills\n", "group_type: single_interest\n", "f.yaml:1:1: the curriculum: 'focus' is required when group_type is single_interest"),
    ("session_minutes: 60\n", "session_minutes: 600\n", "f.yaml:7:18: the curriculum: 'session_minutes' must be between 15 and 300, not 600"),
    ("session_minutes: 60\n", 'session_minutes: "60"\n', "f.yaml:7:18: the curriculum: 'session_minutes' must be a whole number, not text '60'"),
    ("session_minutes: 60\n", "session_minutes: 60\naudience: kids\n", "f.yaml:8:11: the curriculum: 'audience' must be one of adults, adolescents, families, mixed, not 'kids'"),
    ("session_minutes: 60\n", "session_minutes: 60\nlanguage: english\n", "f.yaml:8:11: the curriculum: 'language' must be a BCP 47 language tag such as en, es or pt-BR, not 'english'"),
    ("session_minutes: 60\n", "session_minutes: 60\nreferences: TIP 41\n", "f.yaml:8:13: the curriculum: 'references' must be a list, not text 'TIP 41'"),
    ("session_minutes: 60\n", "session_minutes: 60\nsumary: x\n", "f.yaml:8:1: the curriculum: unknown key 'sumary' (did you mean 'summary'?); allowed keys are format, id, title, group_type, focus, summary, audience, language, session_minutes, references, reviewed, sessions"),
    ("format: 1\n", "format: 1\nformat: 1\n", "f.yaml:2:1: the curriculum: duplicate key 'format' (first used on line 1)"),
    ("session_minutes: 60\n", "session_minutes: 60\nreviewed: 2026-13-01\n", "f.yaml:8:11: the curriculum: 'reviewed' must be a real date written YYYY-MM-DD, such as 2026-11-26, not '2026-13-01'"),
    ("session_minutes: 60\n", "session_minutes: 60\nreviewed: 2026-02-30\n", "f.yaml:8:11: the curriculum: 'reviewed' must be a real date written YYYY-MM-DD, such as 2026-11-26, not '2026-02-30'"),
    ("session_minutes: 60\n", "session_minutes: 60\nreviewed: November 2026\n", "f.yaml:8:11: the curriculum: 'reviewed' must be a real date written YYYY-MM-DD, such as 2026-11-26, not 'November 2026'"),
    ("session_minutes: 60\n", "session_minutes: 60\nreviewed: 26/11/2026\n", "f.yaml:8:11: the curriculum: 'reviewed' must be a real date written YYYY-MM-DD, such as 2026-11-26, not '26/11/2026'"),
    ("session_minutes: 60\n", "session_minutes: 60\nreviewed:\n", "f.yaml:8:10: the curriculum: 'reviewed' must be a date written YYYY-MM-DD, such as 2026-11-26, not nothing"),
    ("session_minutes: 60\n", "session_minutes: 60\nreviewed: [2026-11-26]\n", "f.yaml:8:11: the curriculum: 'reviewed' must be a date written YYYY-MM-DD, such as 2026-11-26, not a list"),
    ("session_minutes: 60\n", "session_minutes: 60\nreviewd: 2026-11-26\n", "f.yaml:8:1: the curriculum: unknown key 'reviewd' (did you mean 'reviewed'?); allowed keys are format, id, title, group_type, focus, summary, audience, language, session_minutes, references, reviewed, sessions"),
]


def test_reviewed_is_an_optional_date_read_plain_or_quoted() -> None:
    from datetime import date

    assert load_curriculum(EXAMPLE, "f.yaml").reviewed is None
    assert load_curriculum(EXAMPLE, "f.yaml").reviewed_label == ""
    for written in ("2026-11-26", '"2026-11-26"', "'2026-11-26'"):
        c = load_curriculum(edit("session_minutes: 60\n", f"session_minutes: 60\nreviewed: {written}\n"), "f.yaml")
        assert c.reviewed == date(2026, 11, 26), written
        assert c.reviewed_label == "Content reviewed November 2026"


@pytest.mark.parametrize(("old", "new", "message"), TOP_RULES)
def test_top_level_rules(old: str, new: str, message: str) -> None:
    assert problems(edit(old, new)) == [message]


def test_summary_and_sessions_are_required() -> None:
    text = EXAMPLE.split("summary:")[0] + "session_minutes: 60\n"
    assert problems(text) == [
        "f.yaml:1:1: the curriculum: missing required key 'sessions'",
        "f.yaml:1:1: the curriculum: missing required key 'summary'",
    ]


def test_sessions_must_not_be_empty() -> None:
    text = EXAMPLE.split("sessions:")[0] + "sessions: []\n"
    assert problems(text) == ["f.yaml:8:11: the curriculum: 'sessions' must have at least 1 item"]


# -- sessions and agenda ----------------------------------------------------------------------

SESSION_RULES = [
    ("  - id: saying-no\n", "  - id: Saying_No\n", "f.yaml:9:9: session 1 (Saying_No): 'id' must use only lowercase letters, digits and '-', not 'Saying_No'"),
    ("    objectives:\n      - Name three ways to turn down an offer.\n", "    objectives: []\n", "f.yaml:11:17: session 1 (saying-no): 'objectives' must have at least 1 item"),
    ("    objectives:\n", "    objectves:\n", None),
    ("    title: Saying No and Meaning It\n", "    title: Saying No and Meaning It\n    minutes: 90\n", "f.yaml:14:5: session 1 (saying-no): the agenda adds up to 60 minutes, but the session is 90 minutes"),
    ("{title: Check-out, kind: check-out, minutes: 10}", "{title: Check-out, kind: check-out, minutes: 5}", "f.yaml:13:5: session 1 (saying-no): the agenda adds up to 55 minutes, but session_minutes is 60 minutes"),
    ("{title: Check-out, kind: check-out, minutes: 10}", "{title: Check-out, kind: checkout, minutes: 10}", "f.yaml:26:34: session 1 (saying-no), agenda item 3: 'kind' must be one of check-in, teaching, discussion, exercise, role-play, break, check-out, not 'checkout' (did you mean 'check-out'?)"),
    ("{title: Check-out, kind: check-out, minutes: 10}", "{title: Check-out, kind: check-out, minutes: 0}", "f.yaml:26:54: session 1 (saying-no), agenda item 3: 'minutes' must be at least 1, not 0"),
    ("{title: Check-out, kind: check-out, minutes: 10}", "{title: Check-out, kind: check-out, minutes: 10, prompts: Bye}", "f.yaml:26:67: session 1 (saying-no), agenda item 3: 'prompts' must be a list, not text 'Bye'"),
    ("{title: Check-out, kind: check-out, minutes: 10}", "{title: Check-out, kind: role-play, minutes: 10}", "f.yaml:26:9: session 1 (saying-no), agenda item 3: a role-play item needs a 'role_play' section"),
    ("        kind: role-play\n", "        kind: exercise\n", "f.yaml:18:9: session 1 (saying-no), agenda item 2: 'role_play' is only allowed when kind is 'role-play' (kind is 'exercise')"),
]


@pytest.mark.parametrize(("old", "new", "message"), SESSION_RULES)
def test_session_and_agenda_rules(old: str, new: str, message: str | None) -> None:
    found = problems(edit(old, new))
    if message is None:  # the misspelt key: both the unknown key and the missing one
        assert found == [
            "f.yaml:9:5: session 1 (saying-no): missing required key 'objectives'",
            "f.yaml:11:5: session 1 (saying-no): unknown key 'objectves' (did you mean 'objectives'?); "
            "allowed keys are id, title, minutes, objectives, materials, agenda, handouts",
        ]
    else:
        assert found == [message]


def test_session_and_handout_ids_must_be_unique() -> None:
    session = EXAMPLE.split("sessions:\n")[1]
    twice = EXAMPLE + session
    assert problems(twice) == [
        "f.yaml:36:9: session id 'saying-no' is used twice (first on line 9)",
    ]
    renamed = EXAMPLE + session.replace("  - id: saying-no", "  - id: saying-no-again")
    assert problems(renamed) == [
        "f.yaml:55:13: handout id 'no-thanks' is used twice (first on line 28)",
    ]


# -- role plays -------------------------------------------------------------------------------

ROLE_PLAY_RULES = [
    ("          scenario: An old friend offers a drink at a cookout.\n", "", "f.yaml:19:11: session 1 (saying-no), agenda item 2, role play: missing required key 'scenario'"),
    ("          rounds: 3\n", "          rounds: 4\n", "f.yaml:24:11: session 1 (saying-no), agenda item 2, role play: the phases take 12 minutes x 4 rounds = 48 minutes, more than the item's 40 minutes"),
    ("          rounds: 3\n", "          rounds: 0\n", "f.yaml:25:19: session 1 (saying-no), agenda item 2, role play: 'rounds' must be at least 1, not 0"),
    ("{name: Set-up, minutes: 2}", "{name: Set-up, minutes: two}", "f.yaml:24:44: session 1 (saying-no), agenda item 2, role play, phase 1: 'minutes' must be a whole number, not text 'two'"),
    ("          phases: [{name: Set-up, minutes: 2}, {name: Play, minutes: 5}, {name: Debrief, minutes: 5}]\n", "          phases: []\n", "f.yaml:24:19: session 1 (saying-no), agenda item 2, role play: 'phases' must have at least 1 item"),
    ("{name: Observer, brief: Watch and report back., checklist: [Eye contact, Clear no]}", "{name: Offerer, brief: Watch and report back.}", "f.yaml:23:22: session 1 (saying-no), agenda item 2, role play: role name 'Offerer' is used twice (first on line 21)"),
    ("{name: Observer, brief: Watch and report back., checklist: [Eye contact, Clear no]}", "{name: Observer}", "f.yaml:23:15: session 1 (saying-no), agenda item 2, role play, role 3: missing required key 'brief'"),
]


@pytest.mark.parametrize(("old", "new", "message"), ROLE_PLAY_RULES)
def test_role_play_rules(old: str, new: str, message: str) -> None:
    assert problems(edit(old, new)) == [message]


def test_role_plays_need_two_to_six_roles() -> None:
    text = edit(
        "            - {name: Refuser, brief: Say no, suggest something else, leave if needed.}\n"
        "            - {name: Observer, brief: Watch and report back., checklist: [Eye contact, Clear no]}\n",
        "",
    )
    assert problems(text) == ["f.yaml:21:13: session 1 (saying-no), agenda item 2, role play: 'roles' must list 2 to 6 roles, not 1"]
    many = "".join(f"            - {{name: R{i}, brief: b}}\n" for i in range(6))
    assert problems(edit("            - {name: Offerer", many + "            - {name: Offerer")) == [
        "f.yaml:21:13: session 1 (saying-no), agenda item 2, role play: 'roles' must list 2 to 6 roles, not 9"
    ]


# -- handouts and worksheets --------------------------------------------------------------------

HANDOUT_RULES = [
    ("        title: Five Ways to Say No\n", "", "f.yaml:28:9: session 1 (saying-no), handout 1: missing required key 'title'"),
    ("      - id: no-thanks\n", "      - id: No Thanks\n", "f.yaml:28:13: session 1 (saying-no), handout 1: 'id' must use only lowercase letters, digits and '-', not 'No Thanks'"),
    ('{prompt: "Who is most likely to offer?", lines: 2}', '{prompt: "Who is most likely to offer?", lines: 25}', "f.yaml:34:61: session 1 (saying-no), handout 1, worksheet field 1: 'lines' must be between 1 and 20, not 25"),
    ('{prompt: "Who is most likely to offer?", lines: 2}', '{prompt: "Who is most likely to offer?"}', "f.yaml:34:13: session 1 (saying-no), handout 1, worksheet field 1: needs one of 'lines', 'checklist' or 'scale'"),
    ('{prompt: "Who is most likely to offer?", lines: 2}', '{prompt: "Who?", lines: 2, checklist: [a]}', "f.yaml:34:40: session 1 (saying-no), handout 1, worksheet field 1: has both 'lines' and 'checklist'; a field is one kind only"),
    ('{prompt: "Who is most likely to offer?", lines: 2}', '{lines: 2}', "f.yaml:34:13: session 1 (saying-no), handout 1, worksheet field 1: missing required key 'prompt'"),
    ('{prompt: "Who is most likely to offer?", lines: 2}', '{prompt: "Who?", checklist: []}', "f.yaml:34:41: session 1 (saying-no), handout 1, worksheet field 1: 'checklist' must have at least 1 item"),
    ("scale: {min: 0, max: 10, low: none, high: strongest}", "scale: {min: 10, max: 0, low: none, high: strongest}", "f.yaml:35:66: session 1 (saying-no), handout 1, worksheet field 2: the scale's min (10) must be less than its max (0)"),
    ("scale: {min: 0, max: 10, low: none, high: strongest}", "scale: {min: 0, max: 10, lo: none}", "f.yaml:35:84: session 1 (saying-no), handout 1, worksheet field 2: 'scale': unknown key 'lo' (did you mean 'low'?); allowed keys are min, max, low, high"),
]


@pytest.mark.parametrize(("old", "new", "message"), HANDOUT_RULES)
def test_handout_rules(old: str, new: str, message: str) -> None:
    assert problems(edit(old, new)) == [message]


def test_a_checklist_field_loads() -> None:
    c = load_curriculum(edit('{prompt: "Who is most likely to offer?", lines: 2}', "{prompt: Which help?, checklist: [Call, Leave]}"), "f.yaml")
    field = c.sessions[0].handouts[0].worksheet[0]
    assert isinstance(field, ChecklistField) and field.checklist == ("Call", "Leave")


# -- whole-file problems ----------------------------------------------------------------------


def test_all_problems_of_a_file_are_reported_not_only_the_first() -> None:
    text = edit("format: 1\n", "format: 1\nfromat: 1\n")
    text = edit("group_type: skills", "group_type: skils", text)
    text = edit("{title: Check-out, kind: check-out, minutes: 10}", "{title: Check-out, kind: check-out, minutes: ten}", text)
    found = problems(text)
    assert len(found) == 3
    assert [p.split(":")[1] for p in found] == ["2", "5", "27"]


def test_yaml_syntax_errors_point_at_the_line() -> None:
    assert problems("format: 1\nid: [unclosed\ntitle: x\n") == [
        "f.yaml:3:6: YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'"
    ]


def test_tabs_and_odd_bytes_are_reported_not_raised() -> None:
    assert problems(b"format: 1\nid: caf\xe9\n".decode("latin-1").encode("latin-1").decode("latin-1")) != []  # type: ignore[arg-type]
    _, found = check_curriculum(b"format: 1\nid: caf\xe9\n", "f.yaml")
    assert [str(p) for p in found] == ["f.yaml:2:8: the file is not UTF-8 text (byte 0xe9)"]


def test_empty_and_non_mapping_files() -> None:
    assert problems("") == ["f.yaml:1:1: the file is empty; a curriculum starts with 'format: 1'"]
    assert problems("- a\n- b\n") == ["f.yaml:1:1: the curriculum must be a mapping of keys and values, not a list"]


def test_load_raises_its_own_error_with_every_problem() -> None:
    with pytest.raises(CurriculumError) as info:
        load_curriculum(edit("format: 1\n", "format: 1\nbogus: 1\n"), "f.yaml")
    assert [str(p) for p in info.value.problems] == [
        "f.yaml:2:1: the curriculum: unknown key 'bogus'; allowed keys are format, id, title, group_type, focus, "
        "summary, audience, language, session_minutes, references, reviewed, sessions"
    ]


def test_a_missing_file_is_a_curriculum_error(tmp_path: Path) -> None:
    with pytest.raises(CurriculumError) as info:
        load_curriculum_file(tmp_path / "nope.yaml")
    assert str(info.value).startswith(f"{tmp_path / 'nope.yaml'}:1:1: cannot read file")


def test_item_kinds_and_unicode_text() -> None:
    c = load_curriculum(edit("title: Refusal Skills (sample)", "title: Decir que no — señales ✓"), "f.yaml")
    assert c.title == "Decir que no — señales ✓"
    assert c.sessions[0].agenda[1].kind is ItemKind.ROLE_PLAY
