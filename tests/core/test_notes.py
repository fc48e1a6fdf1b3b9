"""Note formats, prefill, the two warnings, required fields, the state machine and deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from facilitator.core import notes as n
from facilitator.core.notes import NoteAction, NoteFormat, NoteStateError, NoteStatus

CHICAGO = ZoneInfo("America/Chicago")
START = datetime(2026, 11, 3, 0, 0, tzinfo=UTC)  # 18:00 in Chicago on 2 November


def facts(**kw) -> n.MeetingFacts:  # type: ignore[no-untyped-def]
    base = dict(
        day=date(2026, 11, 2),
        starts_at=START,
        ends_at=START + timedelta(minutes=92),
        group_name="Tue/Thu evening skills",
        group_type="Skills development",
        facilitators=("Ana Ruiz, LCSW", "Ben Cole, CADC"),
        curriculum_title="Skills core",
        session_title="Refusal skills",
        session_number=1,
        agenda=(
            n.AgendaRun("Check-in", "check-in", 15, 17.2),
            n.AgendaRun("Why refusal is hard", "teaching", 20, 18.0),
            n.AgendaRun("Break", "break", 10, 10.0),
            n.AgendaRun("Saying no to a friend", "role-play", 30, 33.4),
            n.AgendaRun("Extra practice", "exercise", 10, None, skipped=True),
            n.AgendaRun("Check-out", "check-out", 15, 13.0),
        ),
        present_count=7,
        absent_count=2,
    )
    base.update(kw)
    return n.MeetingFacts(**base)  # type: ignore[arg-type]


def person(**kw) -> n.AttendeeFacts:  # type: ignore[no-untyped-def]
    base = dict(
        participant_id=1,
        preferred_name="Sam",
        legal_name="Samuel Ortiz",
        status="late",
        minutes_attended=80,
        goals=("Refuse offers from old using friends", "Attend two meetings a week"),
        roles=(
            n.RolePlayPart("Saying no to a friend", 1, "Refuser"),
            n.RolePlayPart("Saying no to a friend", 2, "Observer"),
        ),
        observations=(n.Observation(START + timedelta(minutes=40), "Practised a firm no, kept eye contact."),),
    )
    base.update(kw)
    return n.AttendeeFacts(**base)  # type: ignore[arg-type]


# -- formats and required fields ----------------------------------------------------------

EXPECTED_SECTIONS = {
    NoteFormat.DAP: ["data", "assessment", "plan"],
    NoteFormat.BIRP: ["behavior", "intervention", "response", "plan"],
    NoteFormat.GIRP: ["goal", "intervention", "response", "plan"],
    NoteFormat.PIRP: ["problem", "intervention", "response", "plan"],
    NoteFormat.SOAP: ["subjective", "objective", "assessment", "plan"],
}


@pytest.mark.parametrize("fmt", list(NoteFormat))
def test_each_format_requires_each_of_its_sections(fmt: NoteFormat) -> None:
    assert [s.key for s in fmt.sections] == [*EXPECTED_SECTIONS[fmt], "risk"], "every format ends in Risk and safety"
    keys = [s.key for s in fmt.sections if s.required]
    assert keys == EXPECTED_SECTIONS[fmt]
    full = {k: "written" for k in keys}
    assert n.missing_required(fmt.sections, full) == []
    for key in keys:
        gap = dict(full, **{key: "   \n"})
        label = next(s.label for s in fmt.sections if s.key == key)
        assert n.missing_required(fmt.sections, gap) == [label]
        with pytest.raises(NoteStateError, match=label):
            n.check_can_sign(fmt.sections, gap, "Ana Ruiz", "LCSW")
    n.check_can_sign(fmt.sections, full, "Ana Ruiz", "LCSW")
    with pytest.raises(NoteStateError, match="name"):
        n.check_can_sign(fmt.sections, full, "  ", "LCSW")


def test_group_note_requires_every_field_and_parse_format_defaults() -> None:
    content = n.prefill_group(facts(), CHICAGO)
    assert n.missing_required(n.GROUP_SECTIONS, content) == ["Group process"]
    content["group_process"] = "Cohesive; two members supported a newcomer."
    assert n.missing_required(n.GROUP_SECTIONS, content) == []
    assert n.parse_format("soap") is NoteFormat.SOAP
    assert n.parse_format("nonsense") is n.DEFAULT_FORMAT
    assert n.sections_for("group") == n.GROUP_SECTIONS
    assert n.sections_for("individual", "GIRP") == NoteFormat.GIRP.sections


# -- prefill -----------------------------------------------------------------------------


def test_group_prefill_uses_actual_times_minutes_and_agenda_kinds() -> None:
    content = n.prefill_group(facts(), CHICAGO)
    assert content["date"] == "2026-11-02"
    assert (content["start"], content["end"], content["duration"]) == ("18:00", "19:32", "92")
    assert content["present"] == "7 (absent: 2)"
    assert content["facilitators"] == "Ana Ruiz, LCSW, Ben Cole, CADC"
    assert content["curriculum"] == "Skills core, session 1: Refusal skills"
    assert "Check-in (check-in): 17 min (planned 15)" in content["agenda"]
    assert "Extra practice (exercise): skipped" in content["agenda"]
    lines = content["interventions"].splitlines()
    assert "Psychoeducation: Why refusal is hard" in lines
    assert "Behavioral rehearsal (role play): Saying no to a friend" in lines
    assert not any("Break" in line or "Extra practice" in line for line in lines)
    assert content["group_process"] == ""


@pytest.mark.parametrize(
    ("fmt", "facts_key", "goals_key", "empty"),
    [
        (NoteFormat.DAP, "data", None, ["assessment", "plan"]),
        (NoteFormat.BIRP, "behavior", None, ["response", "plan"]),
        (NoteFormat.GIRP, "response", "goal", ["plan"]),
        (NoteFormat.PIRP, "response", "problem", ["plan"]),
        (NoteFormat.SOAP, "objective", None, ["subjective", "assessment", "plan"]),
    ],
)
def test_individual_prefill_puts_facts_where_the_format_keeps_them(fmt, facts_key, goals_key, empty) -> None:  # type: ignore[no-untyped-def]
    content = n.prefill_individual(fmt, facts(), person(), CHICAGO)
    text = content[facts_key]
    assert "Arrived late; attended 80 of 92 minutes. Session topic: Refusal skills." in text
    assert "Saying no to a friend: Refuser (round 1), Observer (round 2)" in text
    assert "[18:40] Practised a firm no, kept eye contact." in text
    if goals_key:
        assert "Refuse offers from old using friends" in content[goals_key]
    for key in empty:
        assert content[key] == "", "judgement sections are the clinician's to write"
    assert set(content) == {s.key for s in fmt.sections}


def test_observation_appends_to_the_observed_section() -> None:
    content = n.prefill_individual(NoteFormat.SOAP, facts(), person(observations=()), CHICAGO)
    after = n.append_observation(content, NoteFormat.SOAP, "[18:55] Left the room briefly")
    assert after["objective"].endswith("\n[18:55] Left the room briefly")
    assert content["objective"] != after["objective"]


# -- warnings ----------------------------------------------------------------------------

SAM = n.PersonNames(1, "Sam", "Samuel Ortiz")
MARIA = n.PersonNames(2, "Maria", "María Elena Torres")
JO = n.PersonNames(3, "Jo", "Johanna Kim")
CHRIS_A = n.PersonNames(4, "Chris", "Christopher Lane")
CHRIS_B = n.PersonNames(5, "Chris", "Christine Park")


def test_warns_when_a_note_names_another_participant_by_preferred_or_legal_name() -> None:
    others = [SAM, MARIA, JO]
    found = n.other_participants_named("Sam encouraged maria during the role play.", SAM, others)
    assert [(w.participant_id, w.found) for w in found] == [(2, "maria")]
    found = n.other_participants_named("Spoke over Ms. TORRES twice.", SAM, others)
    assert [w.participant_id for w in found] == [2]
    found = n.other_participants_named("Paired with Johanna Kim.", SAM, others)
    assert [(w.participant_id, w.found) for w in found] == [(3, "Johanna Kim")]
    assert "a peer" in found[0].sentence


def test_names_match_whole_words_only_and_not_the_subjects_own() -> None:
    others = [SAM, JO, CHRIS_A, CHRIS_B]
    assert n.other_participants_named("Joined late; jokes deflected; Samuelson quote.", SAM, others) == []
    assert n.other_participants_named("Sam, who goes by Samuel Ortiz, spoke first.", SAM, others) == []
    # The subject shares the first name "Chris" with another member: not flagged.
    assert n.other_participants_named("Chris practised refusals.", CHRIS_A, others) == []
    assert [w.participant_id for w in n.other_participants_named("Supported Park.", CHRIS_A, others)] == [5]


def test_warns_when_notes_of_a_meeting_are_near_identical_and_names_the_pairs() -> None:
    clone = (
        "Client participated actively in group and was engaged in the discussion of refusal skills. "
        "Client practiced saying no and identified two triggers. Client will continue to attend group."
    )
    texts = {
        "Sam": clone,
        "Maria": clone.replace("two triggers", "three triggers"),
        "Jo": (
            "Arrived anxious about court on Friday; asked to practise refusing her cousin's offers. "
            "In the role play she froze, then tried again with a firm no and a plan to leave."
        ),
        "Chris": "",  # an empty draft is not a clone
        "Lee": "Short.",
    }
    pairs = n.near_identical(texts)
    assert [(p.first, p.second) for p in pairs] == [("Sam", "Maria")]
    assert pairs[0].percent >= 90
    assert n.similarity(texts["Sam"], texts["Jo"]) < n.SIMILARITY_THRESHOLD


def test_strip_prefill_leaves_what_the_writer_added() -> None:
    prefill = "Present.\nTook part in role play as Refuser (round 1)."
    text = prefill + "\nShared a plan for the weekend."
    assert n.strip_prefill(text, prefill) == "Shared a plan for the weekend."


# -- the state machine -----------------------------------------------------------------------


def test_sign_cosign_and_return_follow_the_rules() -> None:
    assert n.next_status(NoteStatus.DRAFT, NoteAction.SIGN) is NoteStatus.SIGNED
    assert n.next_status(NoteStatus.DRAFT, NoteAction.SIGN, needs_cosign=True) is NoteStatus.AWAITING_COSIGN
    assert n.next_status(NoteStatus.AWAITING_COSIGN, NoteAction.RETURN) is NoteStatus.RETURNED
    assert n.next_status(NoteStatus.RETURNED, NoteAction.SIGN, needs_cosign=True) is NoteStatus.AWAITING_COSIGN
    assert n.next_status(NoteStatus.AWAITING_COSIGN, NoteAction.COSIGN) is NoteStatus.COSIGNED
    for status in (NoteStatus.SIGNED, NoteStatus.AWAITING_COSIGN, NoteStatus.COSIGNED):
        with pytest.raises(NoteStateError, match="cannot be signed again"):
            n.next_status(status, NoteAction.SIGN)
    for status in (NoteStatus.DRAFT, NoteStatus.SIGNED, NoteStatus.RETURNED, NoteStatus.COSIGNED):
        with pytest.raises(NoteStateError, match="awaiting co-signature"):
            n.next_status(status, NoteAction.COSIGN)
        with pytest.raises(NoteStateError):
            n.next_status(status, NoteAction.RETURN)
    assert NoteStatus.RETURNED.editable and not NoteStatus.AWAITING_COSIGN.editable


def test_addenda_and_entered_in_error_need_a_signed_note_and_text() -> None:
    with pytest.raises(NoteStateError, match="draft"):
        n.check_can_add_addendum(NoteStatus.DRAFT, "late entry")
    with pytest.raises(NoteStateError, match="text"):
        n.check_can_add_addendum(NoteStatus.SIGNED, "  ")
    n.check_can_add_addendum(NoteStatus.COSIGNED, "Client called after group.")
    with pytest.raises(NoteStateError, match="reason"):
        n.check_can_mark_in_error(NoteStatus.SIGNED, False, "")
    with pytest.raises(NoteStateError, match="already"):
        n.check_can_mark_in_error(NoteStatus.SIGNED, True, "wrong client")
    with pytest.raises(NoteStateError):
        n.check_can_mark_in_error(NoteStatus.RETURNED, False, "wrong client")
    n.check_can_mark_in_error(NoteStatus.AWAITING_COSIGN, False, "wrong client")


# -- deadlines -------------------------------------------------------------------------------


def test_deadline_counts_business_days_and_skips_holidays() -> None:
    thursday = date(2026, 11, 5)
    assert n.due_date(thursday) == date(2026, 11, 10)  # Fri, Mon, Tue
    assert n.due_date(thursday, holidays=[date(2026, 11, 9)]) == date(2026, 11, 11)
    assert n.due_date(thursday, 1) == date(2026, 11, 6)
    assert not n.is_overdue(NoteStatus.DRAFT, thursday, date(2026, 11, 10))
    assert n.is_overdue(NoteStatus.DRAFT, thursday, date(2026, 11, 11))
    assert n.is_overdue(NoteStatus.AWAITING_COSIGN, thursday, date(2026, 11, 11))
    assert not n.is_overdue(NoteStatus.SIGNED, thursday, date(2027, 1, 1))
    assert not n.is_overdue(NoteStatus.COSIGNED, thursday, date(2027, 1, 1))
    assert n.age_text(START, START + timedelta(hours=50)) == "2 d"
    assert n.signature_text(" Ana Ruiz ", "LCSW") == "Ana Ruiz, LCSW"


# -- which role-play rounds were played, from the run's controls ------------------------------


def _t(minutes: float):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    return datetime(2026, 11, 3, tzinfo=UTC) + timedelta(minutes=minutes)


def test_play_phase_is_the_first_phase_that_is_not_a_set_up() -> None:
    assert n.play_phase_index(["Set-up", "Play", "Feedback"]) == 1
    assert n.play_phase_index(["Preparación", "Práctica", "Comentarios"]) == 1
    assert n.play_phase_index(["Play", "Feedback"]) == 0


def test_a_pause_delays_the_play_phase_and_a_jump_past_it_does_not_count() -> None:
    steps = [
        n.RunStep(_t(0), "start", 0),
        n.RunStep(_t(5), "next", 0, to_source_index=1),  # role play from 5
        n.RunStep(_t(6), "pause", 1),  # 1 min of set-up, then a 10-minute pause
        n.RunStep(_t(16), "resume", 1),
        n.RunStep(_t(20), "next_phase", 1, seconds=120.0),  # round 1 feedback skipped: round 2 set-up
        n.RunStep(_t(20.5), "next_phase", 1, seconds=90.0),  # set-up cut short: round 2 play
        n.RunStep(_t(20.5), "next_phase", 1, seconds=180.0),  # and at once past round 2's play
        n.RunStep(_t(22), "end", 1),
    ]
    spans, jumps = n.running_spans(steps, 1, None)
    assert spans == [(_t(5), _t(6)), (_t(16), _t(22))]
    assert [s for _, s in jumps] == [120.0, 90.0, 180.0]
    rounds = n.rounds_played([("Set-up", 120), ("Play", 180), ("Feedback", 120)], 3, spans, jumps)
    first, second, third = rounds
    # Round 1: set-up 5-6 and 16-17 (the pause does not count), play 17-20.
    assert first.played and first.spans == ((_t(17), _t(20)),)
    assert not second.played and not third.played
    assert first.while_present(None, _t(18)) and first.while_present(_t(19), None)
    assert not first.while_present(_t(20), None), "arrived as the play phase ended"
    assert not first.while_present(None, _t(17)), "left as it began"


def test_an_open_span_runs_to_the_runs_end_or_is_dropped() -> None:
    steps = [n.RunStep(_t(0), "start", 0)]
    assert n.running_spans(steps, 0, _t(3))[0] == [(_t(0), _t(3))]
    assert n.running_spans(steps, 0, None)[0] == []
    assert n.running_spans(steps, 1, _t(3))[0] == []


def test_agenda_lines_name_what_became_of_each_item() -> None:
    items = [
        n.AgendaRun("Check-in", "check-in", 15, 12.4),
        n.AgendaRun("Teaching", "teaching", 20, 0.2, skipped=True),
        n.AgendaRun("Exercise", "exercise", 20, 3.0, skipped=True),
        n.AgendaRun("Practice", "role-play", 30, 6.0, rounds=3, rounds_played=0),
        n.AgendaRun("Check-out", "check-out", 10),
    ]
    assert n.agenda_as_run(items).splitlines() == [
        "Check-in (check-in): 12 min (planned 15)",
        "Teaching (teaching): skipped (planned 20 min)",
        "Exercise (exercise): skipped after 3 min (planned 20 min)",
        "Practice (role-play): 6 min (planned 30); no round reached its play phase",
        "Check-out (check-out): not reached (planned 10 min)",
    ]
    assert n.interventions_from_agenda(items) == ["Facilitated check-in on recent use, cravings and mood"]
    planned = [n.AgendaRun("Check-in", "check-in", 15, planned_only=True)]
    assert n.agenda_as_run(planned).splitlines() == [n.NO_RUN_RECORDED, "Check-in (check-in): planned 15 min"]
    assert n.interventions_from_agenda(planned) == []
