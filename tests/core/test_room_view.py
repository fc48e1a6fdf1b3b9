"""The room display's content: curriculum text for the group, never the script or a name by default."""

from __future__ import annotations

from facilitator.core.agenda_clock import AgendaClock, TimerState
from facilitator.core.clock import FakeClock
from facilitator.core.curriculum import AgendaItem, ItemKind, Phase, Role, RolePlay
from facilitator.core.room_view import build_room_view
from facilitator.core.rotation import plan_rotation

SECRET_SCRIPT = "Note privately who reported use this week."
RP = RolePlay(
    scenario="A cousin offers a beer at a cookout.",
    roles=(Role("Offerer", "Offer."), Role("Refuser", "Refuse."), Role("Observer", "Watch.")),
    phases=(Phase("Set-up", 1), Phase("Play", 2)),
    rounds=2,
    debrief=("What made the no believable?",),
)
AGENDA = (
    AgendaItem(
        "Check-in",
        ItemKind.CHECK_IN,
        5,
        script=SECRET_SCRIPT,
        prompts=("One word for your week?",),
        display="Welcome back",
    ),
    AgendaItem("Practice", ItemKind.ROLE_PLAY, 8, script=SECRET_SCRIPT, role_play=RP),
)
PLAYERS = ["Maria", "Dwayne", "Kim", "Lou"]


def test_before_start_shows_the_first_item() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA, clock)
    room = build_room_view(run.view(), None, session_title="Saying No")
    assert room.title == "Saying No" and room.timer == "5:00" and room.state is None
    assert room.lines == ("First: Check-in",)


def test_running_item_shows_display_text_and_prompts_never_the_script() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA, clock)
    run.start()
    clock.advance(250)
    room = build_room_view(run.view(), AGENDA[0])
    assert room.title == "Check-in"
    assert room.timer == "0:50"
    assert room.state is TimerState.WRAP_UP and room.banner == "Wrap up"
    assert room.lines == ("Welcome back", "One word for your week?")
    assert SECRET_SCRIPT not in room.all_text()
    clock.advance(60)
    room = build_room_view(run.view(), AGENDA[0])
    assert room.state is TimerState.OVERTIME and room.banner == "Overtime" and room.timer == "+0:10"
    run.pause()
    assert build_room_view(run.view(), AGENDA[0]).banner == "Paused"


def test_role_play_shows_roles_as_players_unless_first_names_are_on() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA, clock)
    run.start()
    run.next()
    clock.advance(70)
    plan = plan_rotation(PLAYERS, [r.name for r in RP.roles], RP.rounds)
    room = build_room_view(run.view(), AGENDA[1], plan)
    assert room.scenario == RP.scenario
    assert room.phase == "Round 1 of 2 · Play" and room.phase_timer == "1:50"
    assert room.roles == ("Offerer: Player 1 · Refuser: Player 3 · Observer: Player 4 · Watching: Player 2",)
    text = room.all_text()
    assert not any(name in text for name in PLAYERS)
    assert SECRET_SCRIPT not in text
    named = build_room_view(run.view(), AGENDA[1], plan, show_first_names=True)
    assert named.roles == ("Offerer: Maria · Refuser: Kim · Observer: Lou · Watching: Dwayne",)


def test_debrief_questions_follow_the_last_round() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA, clock)
    run.start()
    run.next()
    clock.advance(6 * 60)
    room = build_room_view(run.view(), AGENDA[1], plan_rotation(PLAYERS, ["Offerer", "Refuser", "Observer"], 2))
    assert room.phase == "Debrief" and room.lines == ("What made the no believable?",) and room.roles == ()


def test_small_groups_get_one_line_each() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA[1:], clock)
    run.start()
    plan = plan_rotation([f"P{i}" for i in range(6)], ["Offerer", "Refuser", "Observer"], 2, small_groups=True)
    room = build_room_view(run.view(), AGENDA[1], plan)
    assert len(room.roles) == 2 and room.roles[0].startswith("Group A — Offerer: Player 1")


def test_ended_thanks_the_group() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA, clock)
    run.start()
    run.end()
    room = build_room_view(run.view(), AGENDA[0], session_title="Saying No")
    assert room.banner == "Thank you" and room.timer == "" and room.state is None


# -- the group's language ---------------------------------------------------------------------


def test_a_spanish_curriculum_gets_a_spanish_room_display() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA, clock)
    before = build_room_view(run.view(), None, language="es")
    assert (before.title, before.banner, before.lines) == ("Bienvenidos", "Comenzamos pronto", ("Primero: Check-in",))
    run.start()
    clock.advance(250)
    assert build_room_view(run.view(), AGENDA[0], language="es-MX").banner == "Cierre"
    clock.advance(60)
    assert build_room_view(run.view(), AGENDA[0], language="es").banner == "Tiempo extra"
    run.pause()
    paused = build_room_view(run.view(), AGENDA[0], language="es")
    assert paused.banner == "En pausa" and paused.paused
    run.resume()
    run.next()
    clock.advance(70)
    plan = plan_rotation(PLAYERS, [r.name for r in RP.roles], RP.rounds)
    room = build_room_view(run.view(), AGENDA[1], plan, language="es")
    assert room.phase == "Ronda 1 de 2 · Play"  # the phase's name is the curriculum's own text
    assert room.roles == (
        "Offerer: Participante 1 · Refuser: Participante 3 · Observer: Participante 4 · Observan: Participante 2",
    )
    run.end()
    assert build_room_view(run.view(), None, language="es").banner == "Gracias"


def test_an_english_curriculum_stays_english_and_an_unknown_language_falls_back_to_it() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA, clock)
    assert build_room_view(run.view(), None, language="en").banner == "Starting soon"
    assert build_room_view(run.view(), None, language="de").banner == "Starting soon"
    run.start()
    run.pause()
    paused = build_room_view(run.view(), AGENDA[0], language="de")
    assert paused.banner == "Paused" and paused.paused


def test_small_groups_are_named_in_the_groups_language() -> None:
    clock = FakeClock()
    run = AgendaClock(AGENDA[1:], clock)
    run.start()
    plan = plan_rotation([f"P{i}" for i in range(6)], ["Offerer", "Refuser", "Observer"], 2, small_groups=True)
    room = build_room_view(run.view(), AGENDA[1], plan, language="es")
    assert room.roles[0].startswith("Grupo A — Offerer: Participante 1")
