"""The synthetic clinic behind ``--demo`` and ``facilitator demo-data``. Nobody in it is real.

Groups of every type on the shipped curricula, about forty made-up participants (adults
and adolescents, a few relatives), eight weeks of past meetings with attendance up to now
and two weeks ahead. Written with SQLAlchemy Core inserts: building ORM objects for some
ten thousand rows would be several times slower. The random source is seeded, so the
same day gives the same clinic.
"""

from __future__ import annotations

import logging
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..core.attendance import (
    AttendanceStatus,
    Track,
    WeeklySchedule,
    clinic_zone,
    expand_schedule,
    iso_monday,
    step_at,
    track_steps,
)
from ..core.library import Library
from .demo_care import fill_demo_care
from .demo_consents import fill_demo_consents
from .demo_measures import fill_demo_measures
from .models import (
    Attendance,
    CareGroup,
    Enrollment,
    GroupCurriculum,
    GroupStaff,
    Meeting,
    Participant,
    ParticipantGoal,
    Relative,
    Staff,
)

log = logging.getLogger(__name__)

WEEKS_BACK = 8
WEEKS_AHEAD = 2


class DemoDataError(Exception):
    """The database cannot take the demo clinic; one sentence for the user."""


@dataclass(frozen=True)
class DemoGroup:
    key: str
    name: str
    group_type: str
    curricula: tuple[str, ...]
    rolling: bool
    weekdays: tuple[int, ...]
    start: time
    minutes: int
    room: str
    facilitators: tuple[str, ...]
    co_facilitators: tuple[str, ...] = ()
    admission: str = "open"
    weeks_running: int = WEEKS_BACK  # a closed cohort started more recently, so it is mid-track today


GROUPS = (
    DemoGroup("am-psy", "Morning IOP: Psychoeducation", "psychoeducation", ("psychoeducation-core",), True,
              (0, 2, 4), time(9), 90, "Room A", ("Dana Whitfield",), ("Marcus Bell",)),
    DemoGroup("am-sup", "Morning IOP: Support Circle", "support", ("support-ongoing",), True,
              (0, 2, 4), time(10, 45), 90, "Room A", ("Marcus Bell",)),
    DemoGroup("pm-psy", "Evening IOP: Psychoeducation", "psychoeducation", ("psychoeducation-core",), True,
              (0, 2), time(18), 90, "Room B", ("Priya Raman",)),
    DemoGroup("pm-skills", "Evening IOP: Skills Practice", "skills", ("skills-core",), True,
              (1, 3), time(18), 180, "Room B", ("Priya Raman",), ("Jordan Okafor",)),
    DemoGroup("teen", "Teen Skills (after school)", "skills", ("skills-core",), True,
              (1, 3), time(15, 30), 180, "Room C", ("Jordan Okafor",)),
    DemoGroup("women", "Women in Recovery", "single_interest", ("womens-recovery",), False,
              (2,), time(13), 90, "Room C", ("Dana Whitfield",), (), "closed", 3),
    DemoGroup("trauma", "Safety and Coping", "single_interest", ("trauma-recovery",), False,
              (3,), time(13), 90, "Room C", ("Lena Castillo",), (), "closed", 4),
    DemoGroup("justice", "Recovery and the Justice System", "single_interest", ("justice-involved",), True,
              (4,), time(13), 90, "Room B", ("Marcus Bell",)),
    DemoGroup("family", "Family Night", "family", ("family-recovery",), True,
              (2,), time(18), 90, "Room A", ("Lena Castillo",), ("Priya Raman",)),
    DemoGroup("familia", "Noche Familiar (en español)", "family", ("family-recovery-es",), True,
              (5,), time(10), 90, "Room A", ("Lena Castillo",)),
    DemoGroup("sunday", "Sunday Support Circle", "support", ("support-ongoing",), True,
              (6,), time(14), 90, "Room A", ("Jordan Okafor",)),
)

FIRST_NAMES = (
    "Avery", "Blake", "Carmen", "Darius", "Elena", "Felix", "Gianna", "Hector", "Imani", "Jonah",
    "Keisha", "Luis", "Marisol", "Nolan", "Odette", "Pablo", "Quinn", "Rosa", "Silas", "Tamsin",
    "Umar", "Vera", "Wesley", "Ximena", "Yusuf", "Zara", "Anton", "Bianca", "Cedric", "Delia",
    "Emmett", "Fatima", "Gideon", "Harriet", "Ivan", "Jolene", "Kofi", "Lucia", "Mateo", "Noor",
)
LAST_NAMES = (
    "Abernathy", "Brightwater", "Castellano", "Dunmore", "Eastwood", "Fairbanks", "Galloway", "Hollis",
    "Ingram", "Jettison", "Kingsley", "Larkspur", "Merriweather", "Northcott", "Oakhurst", "Pennington",
    "Quillfeather", "Ravensworth", "Stillwater", "Thistledown",
)
NICKNAMES = {"Gianna": "Gigi", "Hector": "Hex", "Jonah": "Joe", "Tamsin": "Tam", "Harriet": "Hattie", "Ivan": "Van"}
GOALS = (
    "Attend nine hours of groups each week",
    "Practise one refusal skill before each weekend",
    "Call a sober support person twice a week",
    "Keep a sleep routine, in bed by 11 pm",
    "Go to two mutual-help meetings a week",
    "Write a relapse prevention plan and share it",
    "Use a coping skill instead of leaving when angry",
    "Keep every probation appointment",
)
RELATIONS = ("partner", "mother", "father", "sister", "brother", "spouse", "aunt", "grandmother")
CANCEL_REASONS = ("Facilitator ill, no cover available", "Building closed for weather")


def fill_demo_clinic(
    engine: Engine,
    library: Library,
    now: datetime,
    zone_name: str,
    seed: int | None = None,
) -> dict[str, int]:
    """Write the demo clinic into an empty roster; return counts of what was added."""
    zone = clinic_zone(zone_name)
    today = now.astimezone(zone).date()
    rng = random.Random(seed if seed is not None else today.toordinal())
    first_day = iso_monday(today) - timedelta(weeks=WEEKS_BACK)
    last_day = today + timedelta(weeks=WEEKS_AHEAD)
    counts: dict[str, int] = defaultdict(int)
    with engine.begin() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(Participant.__table__)).scalar():
            raise DemoDataError("This database already has participants; demo data goes only into an empty clinic.")
        if conn.execute(sa.select(sa.func.count()).select_from(CareGroup.__table__)).scalar():
            raise DemoDataError("This database already has groups; demo data goes only into an empty clinic.")
        stamp = now

        # staff and groups
        staff_names = sorted({n for g in GROUPS for n in (*g.facilitators, *g.co_facilitators)})
        staff_ids: dict[str, int] = {}
        for name in staff_names:
            existing = conn.execute(sa.select(Staff.__table__.c.id).where(Staff.__table__.c.name == name)).scalar()
            if existing is None:
                existing = conn.execute(
                    sa.insert(Staff.__table__).values(name=name, active=True, created_at=stamp)
                ).inserted_primary_key[0]
            staff_ids[name] = existing
        group_ids: dict[str, int] = {}
        usable = [g for g in GROUPS if all(library.find(c) is not None for c in g.curricula)]
        group_start = {g.key: iso_monday(today) - timedelta(weeks=g.weeks_running) for g in usable}
        for g in usable:
            group_ids[g.key] = conn.execute(
                sa.insert(CareGroup.__table__).values(
                    name=g.name, group_type=g.group_type, rolling=g.rolling, room=g.room,
                    weekdays=WeeklySchedule(g.weekdays, g.start, g.minutes).days_text, start_time=g.start,
                    minutes=g.minutes, capacity=12, admission=g.admission, start_date=group_start[g.key],
                    end_date=None,
                    created_at=stamp, updated_at=stamp,
                )
            ).inserted_primary_key[0]
            conn.execute(sa.insert(GroupCurriculum.__table__), [
                {"group_id": group_ids[g.key], "position": i, "curriculum_id": c} for i, c in enumerate(g.curricula)
            ])
            staff_rows = [(n, "facilitator") for n in g.facilitators] + [(n, "co_facilitator") for n in g.co_facilitators]
            conn.execute(sa.insert(GroupStaff.__table__), [
                {"group_id": group_ids[g.key], "staff_id": staff_ids[n], "role": role, "position": i}
                for i, (n, role) in enumerate(staff_rows)
            ])
        counts["groups"] = len(group_ids)

        # participants: who goes where
        people = []
        for i in range(40):
            first = FIRST_NAMES[i]
            last = LAST_NAMES[(i * 7) % len(LAST_NAMES)]
            teen = i >= 32
            if teen:
                plan = ["teen"]
            elif i < 15:
                plan = ["am-psy", "am-sup"] + (["women"] if i % 3 == 0 else ["justice"] if i % 3 == 1 else [])
            else:
                plan = ["pm-psy", "pm-skills"] + (["trauma"] if i % 4 == 0 else ["sunday"] if i % 4 == 1 else [])
            if i % 6 == 2:
                plan.append("family")
            if i in (5, 21):
                plan.append("familia")
            joined = first_day + timedelta(days=rng.choice((0, 0, 0, 7, 14, 21, 28, 35)))
            status = "active"
            left: date | None = None
            if i in (3, 17, 26):
                status, left = "completed", first_day + timedelta(weeks=6, days=4)
            elif i in (11, 29):
                status, left = "discharged", first_day + timedelta(weeks=4, days=1)
            born = date(today.year - (rng.randint(14, 17) if teen else rng.randint(21, 62)), rng.randint(1, 12),
                        rng.randint(1, 28))
            people.append(dict(
                index=i, record_number=f"D-{1001 + i}", preferred_name=NICKNAMES.get(first, first),
                legal_name=f"{first} {last}", date_of_birth=born, program_start=joined,
                audience="adolescent" if teen else "adult",
                weekly_hours_target=7.5 if i in (8, 24) else None,
                language="es" if i in (5, 21, 30) else "en", large_print=i in (9, 27),
                status=status, plan=[p for p in plan if p in group_ids], left=left,
                reliability=rng.choice((0.97, 0.93, 0.9, 0.85, 0.7)),
            ))
        conn.execute(sa.insert(Participant.__table__), [
            {k: p[k] for k in ("record_number", "preferred_name", "legal_name", "date_of_birth", "program_start",
                               "audience", "weekly_hours_target", "language", "large_print", "status")}
            | {"created_at": stamp, "updated_at": stamp}
            for p in people
        ])
        pt = Participant.__table__
        ids = dict(conn.execute(sa.select(pt.c.record_number, pt.c.id)).all())
        for p in people:
            p["id"] = ids[p["record_number"]]
        counts["participants"] = len(people)
        conn.execute(sa.insert(ParticipantGoal.__table__), [
            {"participant_id": p["id"], "position": n, "text": GOALS[(p["index"] + n * 3) % len(GOALS)]}
            for p in people for n in range(2 + p["index"] % 2)
        ])

        # relatives of family-group clients
        relatives: dict[int, int] = {}
        for p in people:
            if "family" in p["plan"] or "familia" in p["plan"]:
                name = f"{rng.choice(FIRST_NAMES[::-1])} {p['legal_name'].split()[-1]}"
                relatives[p["id"]] = conn.execute(
                    sa.insert(Relative.__table__).values(
                        participant_id=p["id"], name=name, relationship=rng.choice(RELATIONS))
                ).inserted_primary_key[0]
        counts["relatives"] = len(relatives)

        # enrollment
        enroll_rows = []
        for p in people:
            for key in p["plan"]:
                start = max(p["program_start"], group_start[key])
                if p["left"] is not None and p["left"] < start:
                    continue
                enroll_rows.append({"group_id": group_ids[key], "participant_id": p["id"],
                                    "start_date": start, "end_date": p["left"]})
        conn.execute(sa.insert(Enrollment.__table__), enroll_rows)
        counts["enrollments"] = len(enroll_rows)

        # meetings, with sessions along each track and a couple of cancellations
        meeting_rows = []
        for g in usable:
            steps = track_steps(Track(g.curricula, g.rolling), library)
            slots = expand_schedule(WeeklySchedule(g.weekdays, g.start, g.minutes), group_start[g.key], last_day, zone)
            position = 0
            for n, slot in enumerate(slots):
                cancelled = g.key in ("pm-psy", "justice") and n == 3
                row = {"group_id": group_ids[g.key], "local_day": slot.local_day, "starts_at": slot.starts_at,
                       "ends_at": slot.ends_at, "curriculum_id": None, "session_id": None, "session_pinned": False,
                       "ad_hoc": False, "cancelled_at": None, "cancel_reason": "", "created_at": stamp}
                if cancelled:
                    row["cancelled_at"] = slot.starts_at - timedelta(hours=20)
                    row["cancel_reason"] = CANCEL_REASONS[0 if g.key == "pm-psy" else 1]
                else:
                    step = step_at(steps, position, g.rolling)
                    position += 1
                    if step is not None:
                        row["curriculum_id"], row["session_id"] = step.curriculum_id, step.session_id
                meeting_rows.append(row)
        conn.execute(sa.insert(Meeting.__table__), meeting_rows)
        counts["meetings"] = len(meeting_rows)
        mt = Meeting.__table__
        meetings = conn.execute(
            sa.select(mt.c.id, mt.c.group_id, mt.c.local_day, mt.c.starts_at, mt.c.ends_at, mt.c.cancelled_at)
        ).all()

        # attendance for every meeting that has ended, and for one under way
        by_group: dict[int, list[dict[str, object]]] = defaultdict(list)
        for p in people:
            for key in p["plan"]:
                if p["left"] is None or p["left"] >= group_start[key]:
                    by_group[group_ids[key]].append(p)
        family_ids = {group_ids.get("family"), group_ids.get("familia")}
        m_start = {group_ids[k]: d for k, d in group_start.items()}
        attendance_rows = []
        for m in meetings:
            starts_at = _aware(m.starts_at)
            ends_at = _aware(m.ends_at)
            if m.cancelled_at is not None or starts_at > now or (starts_at <= now < ends_at):
                continue
            for p in by_group[m.group_id]:
                if not (max(p["program_start"], m_start[m.group_id]) <= m.local_day
                        and (p["left"] is None or m.local_day <= p["left"])):
                    continue
                status, arrived, left_at = _draw(rng, float(p["reliability"]), starts_at, ends_at)
                attendance_rows.append({"meeting_id": m.id, "participant_id": p["id"], "relative_id": None,
                                        "status": status.value, "arrived_at": arrived, "left_at": left_at,
                                        "updated_at": ends_at})
                rel = relatives.get(p["id"])  # type: ignore[call-overload]
                if m.group_id in family_ids and rel is not None and status.attended and rng.random() < 0.7:
                    attendance_rows.append({"meeting_id": m.id, "participant_id": None, "relative_id": rel,
                                            "status": AttendanceStatus.PRESENT.value, "arrived_at": None,
                                            "left_at": None, "updated_at": ends_at})
        for start in range(0, len(attendance_rows), 2000):
            conn.execute(sa.insert(Attendance.__table__), attendance_rows[start:start + 2000])
        counts["attendance"] = len(attendance_rows)
        counts.update(fill_demo_measures(
            conn, people, meetings, attendance_rows, {group_ids[g.key]: g.group_type for g in usable}, today, now, seed
        ))
        counts.update(fill_demo_care(conn, people, group_ids, first_day, today, stamp))  # levels of care
    counts.update(fill_demo_consents(engine, now))
    log.info("Demo clinic written: %s", dict(counts))
    return dict(counts)


def _draw(
    rng: random.Random, reliability: float, starts_at: datetime, ends_at: datetime
) -> tuple[AttendanceStatus, datetime | None, datetime | None]:
    roll = rng.random()
    if roll < reliability * 0.85:
        return AttendanceStatus.PRESENT, None, None
    if roll < reliability * 0.93:
        return AttendanceStatus.LATE, starts_at + timedelta(minutes=rng.choice((5, 10, 15, 20, 30))), None
    if roll < reliability:
        return AttendanceStatus.LEFT_EARLY, None, ends_at - timedelta(minutes=rng.choice((15, 30, 45)))
    if rng.random() < 0.6:
        return AttendanceStatus.ABSENT_EXCUSED, None, None
    return AttendanceStatus.ABSENT_UNEXCUSED, None, None


def _aware(value: datetime) -> datetime:
    from datetime import UTC

    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
