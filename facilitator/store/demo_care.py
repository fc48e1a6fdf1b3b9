"""The demo clinic's arc of care: participants at each stage. Nobody in it is real.

Two steps, because a discharge is signed by an account and the accounts come after the roster:

- ``fill_demo_care`` (inside the demo roster's transaction, Core inserts): one evening
  participant stepped down to outpatient two weeks ago; one stepped up to partial
  hospitalization after a hard fortnight and back to IOP since; and one morning participant
  who came to every meeting since admission (the one who will be ready to step down).
- ``seed_demo_care`` (through the services, so every rule and trigger applies): that morning
  participant's screens and questionnaires (an unexpected positive at admission, negative
  since, scores falling below the bands), and an evening participant discharged having
  completed the program: summary signed by the demo facilitator and co-signed by the demo
  supervisor, with an aftercare plan.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from ..core.attendance import AttendanceStatus, iso_monday
from ..core.permissions import Principal
from .models import Attendance, Enrollment, LevelOfCareChange, Participant

log = logging.getLogger(__name__)

TEAM = "Treatment team (weekly review)"
PLAN = {
    "supports": "My sister, who checks in on Sundays\nMy sponsor from the Tuesday meeting\nThe gym near work",
    "meetings": "SMART Recovery, Tuesday 7 pm, public library\nAA home group, Saturday 10 am, St. Mark's hall",
    "warning_signs": "Skipping meals and sleeping badly\nThinking one drink would be fine\nStaying home alone all weekend",
    "what_to_do": "Call my sponsor the same day\nGo to an extra meeting that week\nTell my sister how I feel",
    "people_to_call": "Sponsor: 555-0142\nSister: 555-0178\nClinic front desk: 555-0100",
    "next_appointment": "Outpatient group at the clinic, Thursdays 6 pm, starting next week",
}


def _morning_group_ids(group_ids: Mapping[str, int]) -> set[int]:
    return {group_ids[k] for k in ("am-psy", "am-sup") if k in group_ids}


def _evening_group_ids(group_ids: Mapping[str, int]) -> set[int]:
    return {group_ids[k] for k in ("pm-psy", "pm-skills") if k in group_ids}


def _from_the_start(people: Iterable[Mapping[str, Any]], groups: set[int], group_ids: Mapping[str, int],
                    first_day: date) -> list[Mapping[str, Any]]:
    return [p for p in people if p["status"] == "active" and p["program_start"] == first_day
            and p["audience"] == "adult" and {group_ids[k] for k in p["plan"]} & groups]


def fill_demo_care(conn: sa.Connection, people: list[dict[str, Any]], group_ids: Mapping[str, int],
                   first_day: date, today: date, now: datetime) -> dict[str, int]:
    """Levels of care over the demo's weeks, and one participant with complete attendance."""
    level = LevelOfCareChange.__table__  # type: ignore[attr-defined]
    evening = _from_the_start(people, _evening_group_ids(group_ids), group_ids, first_day)
    morning = _from_the_start(people, _morning_group_ids(group_ids), group_ids, first_day)
    rows = []
    if evening:
        rows.append(dict(participant_id=evening[0]["id"], level="outpatient",
                         effective_date=iso_monday(today) - timedelta(weeks=2),
                         reason="Met the step-down milestones; continues in one weekly group.", decided_by=TEAM))
    if len(evening) > 1:
        rows.append(dict(participant_id=evening[1]["id"], level="php", effective_date=first_day + timedelta(weeks=2),
                         reason="Return to use and missed days; more structure for two weeks.", decided_by=TEAM))
        rows.append(dict(participant_id=evening[1]["id"], level="iop", effective_date=first_day + timedelta(weeks=4),
                         reason="Stable again; back to the evening IOP groups.", decided_by=TEAM))
    for row in rows:
        conn.execute(level.insert().values(**row, recorded_by_id=None, recorded_at=now))
    if morning:  # came to every meeting since admission: the one ready to step down once screens agree
        attendance = Attendance.__table__  # type: ignore[attr-defined]
        conn.execute(attendance.update().where(attendance.c.participant_id == morning[0]["id"]).values(
            status=AttendanceStatus.PRESENT.value, arrived_at=None, left_at=None))
    return {"level changes": len(rows)}


def _ready_candidate(conn: sa.Connection, first_day: date, morning: set[int]) -> int | None:
    """The morning participant ``fill_demo_care`` gave complete attendance (found again by the same rule)."""
    participant, enrollment = Participant.__table__, Enrollment.__table__  # type: ignore[attr-defined]
    return conn.execute(
        sa.select(participant.c.id)
        .join(enrollment, enrollment.c.participant_id == participant.c.id)
        .where(participant.c.status == "active", participant.c.program_start == first_day,
               participant.c.audience == "adult", enrollment.c.group_id.in_(morning or {-1}))
        .order_by(participant.c.record_number).limit(1)
    ).scalar()


def seed_demo_care(engine: Any, settings: Any, library: Any, facilitator: Principal, supervisor: Principal) -> int:
    """Screens, scores and a discharge with its aftercare plan; a clinic with a discharge already is left alone."""
    from ..core.clock import SystemClock
    from .attendance import AttendanceService
    from .audit import AuditLog
    from .care import DISCHARGE, CareService
    from .measures import MeasuresService
    from .models import CareGroup
    from .unit_of_work import Work

    clock = SystemClock()
    work = Work(engine, AuditLog(engine, clock), clock)
    attendance = AttendanceService(work, settings, library)
    care = CareService(work, attendance, library)
    today = attendance.acting_as(supervisor).today()
    group = CareGroup.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(DISCHARGE)).scalar():
            return 0
        names = dict(conn.execute(sa.select(group.c.name, group.c.id)).all())
        first_day = conn.execute(sa.select(sa.func.min(group.c.start_date))).scalar()
        morning = {names[n] for n in names if n.startswith("Morning IOP")}
        evening = {names[n] for n in names if n.startswith("Evening IOP")}
        ready = _ready_candidate(conn, first_day, morning)
        leaving = _ready_candidate(conn, first_day, evening)
        level = LevelOfCareChange.__table__  # type: ignore[attr-defined]
        changed = {r[0] for r in conn.execute(sa.select(level.c.participant_id))}
        # The discharged one is neither of the evening level changes nor someone whose measures tell
        # another story (a medication that makes screens positive, a safety flag): they keep coming.
        from .measures import FLAG, SCREEN

        changed |= {r[0] for r in conn.execute(sa.select(SCREEN.c.participant_id).where(SCREEN.c.expected != ""))}
        changed |= {r[0] for r in conn.execute(sa.select(FLAG.c.participant_id))}
        if leaving in changed:
            participant, enrollment = Participant.__table__, Enrollment.__table__  # type: ignore[attr-defined]
            leaving = conn.execute(
                sa.select(participant.c.id).join(enrollment, enrollment.c.participant_id == participant.c.id)
                .where(participant.c.status == "active", participant.c.audience == "adult",
                       participant.c.program_start == first_day, enrollment.c.group_id.in_(evening),
                       participant.c.id.not_in(changed or {-1}))
                .order_by(participant.c.record_number).limit(1)
            ).scalar()
        if ready is not None:  # measures the demo already holds for them are their course: none are added
            from .measures import QUESTIONNAIRE, SCREEN

            held = conn.execute(sa.select(sa.func.count()).select_from(SCREEN).where(
                SCREEN.c.participant_id == ready)).scalar() or conn.execute(
                sa.select(sa.func.count()).select_from(QUESTIONNAIRE).where(
                    QUESTIONNAIRE.c.participant_id == ready)).scalar()
            if held:
                ready = None
    written = 0
    if ready is not None:
        measures = MeasuresService(work, settings).acting_as(supervisor)
        start = first_day + timedelta(days=2)
        measures.record_screen(ready, collected_on=start, specimen="urine", observed=True, panel="5-panel",
                               results={"cocaine": "positive", "opiates": "negative", "marijuana": "negative",
                                        "amphetamines": "negative", "pcp": "negative"})
        for weeks in (2, 4, 6):
            day = start + timedelta(weeks=weeks)
            if day <= today:
                measures.record_screen(ready, collected_on=day, specimen="urine", observed=weeks != 4,
                                       panel="5-panel", results={s: "negative" for s in
                                                                 ("amphetamines", "cocaine", "marijuana", "opiates", "pcp")})
        measures.record_questionnaire(ready, "PHQ-9", [2, 2, 1, 2, 1, 1, 1, 1, 0], start)
        measures.record_questionnaire(ready, "GAD-7", [2, 2, 1, 2, 1, 1, 1], start)
        late = min(today, start + timedelta(weeks=6))
        measures.record_questionnaire(ready, "PHQ-9", [1, 1, 0, 1, 0, 1, 0, 0, 0], late)
        measures.record_questionnaire(ready, "GAD-7", [1, 1, 0, 1, 0, 0, 0], late)
        written += 1
    if leaving is not None:
        author = care.acting_as(facilitator)
        draft = author.start_discharge(leaving, "completed", today - timedelta(days=1))
        content = dict(
            draft.content,
            progress=(draft.content.get("progress", "") + "\nPractises refusal skills at work and at family events; "
                      "keeps a weekly routine with a sponsor.").strip(),
            condition="Stable and engaged at the last sessions; denies thoughts of harming self or others; "
                      "safety plan reviewed.",
            recommendations="Step down to weekly outpatient group; continue mutual-help meetings twice a week; "
                            "aftercare plan given and reviewed with the participant.",
        )
        plan = author.record(leaving).plan
        assert plan is not None
        author.save_plan(draft.id, PLAN, plan.version)
        author.sign_discharge(draft.id, content=content)
        care.acting_as(supervisor).cosign_discharge(draft.id)
        written += 1
    log.info("Demo care: %d participants given screens or a discharge", written)
    return written

