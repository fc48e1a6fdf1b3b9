"""A small synthetic clinic for note tests: accounts, a group, participants, one meeting.

Rows go in with SQLAlchemy Core so the tests depend only on the tables, not on the other
areas' services. Principals are built the way the accounts service builds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from facilitator.core.permissions import Principal, UserRole
from facilitator.store.models import (
    Attendance,
    CareGroup,
    GroupStaff,
    Meeting,
    Participant,
    ParticipantGoal,
    Staff,
    UserAccount,
)

T = {
    name: m.__table__
    for name, m in {  # type: ignore[attr-defined]
        "user": UserAccount,
        "staff": Staff,
        "group": CareGroup,
        "group_staff": GroupStaff,
        "participant": Participant,
        "goal": ParticipantGoal,
        "meeting": Meeting,
        "attendance": Attendance,
    }.items()
}

MEETING_START = datetime(2026, 11, 3, 0, 0, tzinfo=UTC)  # Monday 2 November, 18:00 in Chicago
PEOPLE = [
    # preferred, legal, status, arrived minutes late
    ("Sam", "Samuel Ortiz", "present", 0),
    ("Maria", "María Elena Torres", "late", 12),
    ("Jo", "Johanna Kim", "present", 0),
    ("Dee", "Deandra Wells", "absent_excused", None),
]


@dataclass
class World:
    engine: Engine
    facilitator: Principal  # needs co-signature
    supervisor: Principal
    supervisor2: Principal
    admin: Principal
    outsider: Principal  # a facilitator of no group
    independent: Principal  # a licensed facilitator who signs alone
    group_id: int
    meeting_id: int
    participants: dict[str, int] = field(default_factory=dict)

    def add_meeting(self, day: date, start: datetime, statuses: dict[str, str] | None = None) -> int:
        now = datetime(2026, 11, 1, tzinfo=UTC)
        with self.engine.begin() as conn:
            mid = conn.execute(
                T["meeting"]
                .insert()
                .values(
                    group_id=self.group_id,
                    local_day=day,
                    starts_at=start,
                    ends_at=start + timedelta(minutes=90),
                    curriculum_id="skills-core",
                    session_id=None,
                    session_pinned=False,
                    ad_hoc=False,
                    cancel_reason="",
                    created_at=now,
                )
            ).inserted_primary_key[0]
            for name, pid in self.participants.items():
                status = (statuses or {}).get(name, "present")
                conn.execute(
                    T["attendance"].insert().values(meeting_id=mid, participant_id=pid, status=status, updated_at=now)
                )
        return int(mid)


def _user(
    conn: sa.Connection, username: str, name: str, creds: str, role: UserRole, cosign: bool, staff: int | None
) -> Principal:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    uid = conn.execute(
        T["user"]
        .insert()
        .values(
            username=username,
            full_name=name,
            credentials=creds,
            role=role.value,
            needs_cosign=cosign,
            staff_id=staff,
            password_hash="x",
            must_change_password=False,
            disabled=False,
            failed_attempts=0,
            created_at=now,
            updated_at=now,
        )
    ).inserted_primary_key[0]
    return Principal(int(uid), username, name, role, creds, cosign, staff)


def build_world(engine: Engine, session_id: str | None = None) -> World:
    now = datetime(2026, 10, 1, tzinfo=UTC)
    with engine.begin() as conn:
        staff_a = conn.execute(
            T["staff"].insert().values(name="Ana Ruiz", active=True, created_at=now)
        ).inserted_primary_key[0]
        staff_b = conn.execute(
            T["staff"].insert().values(name="Lee Park", active=True, created_at=now)
        ).inserted_primary_key[0]
        staff_c = conn.execute(
            T["staff"].insert().values(name="Kim Osei", active=True, created_at=now)
        ).inserted_primary_key[0]
        gid = conn.execute(
            T["group"]
            .insert()
            .values(
                name="Mon/Wed evening skills",
                group_type="skills",
                rolling=True,
                room="Room 2",
                weekdays="0,2",
                start_time=time(18, 0),
                minutes=90,
                capacity=12,
                admission="open",
                start_date=date(2026, 9, 1),
                created_at=now,
                updated_at=now,
            )
        ).inserted_primary_key[0]
        conn.execute(T["group_staff"].insert().values(group_id=gid, staff_id=staff_a, role="lead", position=0))
        conn.execute(T["group_staff"].insert().values(group_id=gid, staff_id=staff_c, role="co", position=1))
        facilitator = _user(conn, "facilitator", "Ana Ruiz", "CADC-I", UserRole.FACILITATOR, True, int(staff_a))
        supervisor = _user(conn, "supervisor", "Rosa Diaz", "LCSW", UserRole.SUPERVISOR, False, None)
        supervisor2 = _user(conn, "supervisor2", "Tom Hale", "LPC-S", UserRole.SUPERVISOR, False, None)
        admin = _user(conn, "admin", "Pat Admin", "", UserRole.ADMINISTRATOR, False, None)
        outsider = _user(conn, "outsider", "Lee Park", "CADC", UserRole.FACILITATOR, True, int(staff_b))
        independent = _user(conn, "kim", "Kim Osei", "LPC", UserRole.FACILITATOR, False, int(staff_c))
        mid = conn.execute(
            T["meeting"]
            .insert()
            .values(
                group_id=gid,
                local_day=date(2026, 11, 2),
                starts_at=MEETING_START,
                ends_at=MEETING_START + timedelta(minutes=90),
                curriculum_id="skills-core",
                session_id=session_id,
                session_pinned=False,
                ad_hoc=False,
                cancel_reason="",
                created_at=now,
            )
        ).inserted_primary_key[0]
        participants: dict[str, int] = {}
        for n, (preferred, legal, status, late) in enumerate(PEOPLE, start=1):
            pid = conn.execute(
                T["participant"]
                .insert()
                .values(
                    record_number=f"R-{1000 + n}",
                    preferred_name=preferred,
                    legal_name=legal,
                    program_start=date(2026, 9, 1),
                    audience="adult",
                    language="en",
                    large_print=False,
                    status="active",
                    created_at=now,
                    updated_at=now,
                )
            ).inserted_primary_key[0]
            participants[preferred] = int(pid)
            conn.execute(
                T["goal"].insert().values(participant_id=pid, position=0, text=f"{preferred}'s goal: refuse offers")
            )
            conn.execute(
                T["attendance"]
                .insert()
                .values(
                    meeting_id=mid,
                    participant_id=pid,
                    status=status,
                    arrived_at=MEETING_START + timedelta(minutes=late) if late else None,
                    updated_at=now,
                )
            )
    return World(
        engine,
        facilitator,
        supervisor,
        supervisor2,
        admin,
        outsider,
        independent,
        int(gid),
        int(mid),
        participants,
    )


def fill(note, text: str = "") -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Complete every required field of a note with distinct text."""
    content = dict(note.content)
    for section in note.sections:
        if not content.get(section.key, "").strip():
            content[section.key] = f"{section.label} for note {note.id}. {text}".strip()
    return content
