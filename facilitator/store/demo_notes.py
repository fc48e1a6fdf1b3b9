"""Synthetic progress notes for the demo clinic, in every state a clinic sees.

Written through the notes service (so every rule and trigger applies) with a clock set to
a plausible time after each meeting: co-signed notes (one after a return and a fix, one
with an addendum, one entered in error), notes awaiting co-signature (some overdue), a
returned note, drafts, and notes signed by a supervisor, which need no co-signature.
The text is invented and names no other participant.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..core.notes import GROUP_SECTIONS
from ..core.permissions import Principal
from .audit import AuditLog
from .models import Meeting, ProgressNote
from .notes import NotesService, NoteView
from .unit_of_work import Work

log = logging.getLogger(__name__)

OBSERVED = (
    "Spoke about a hard weekend and how they stayed sober through it.",
    "Practised the skill twice; the second attempt was clearer and calmer.",
    "Quiet at first, then offered an example from work.",
    "Reported two cravings this week and used urge surfing for one of them.",
    "Asked how to tell family about the program; took the handout home.",
    "Described sleeping better since keeping a fixed bedtime.",
    "Became tearful when talking about a loss; accepted support from peers.",
    "Arrived with a clear plan for the coming weekend.",
)
ASSESSED = (
    "Engaged and making steady progress toward the stated goal.",
    "Insight into triggers is growing; still minimises risk at social events.",
    "Motivation appears stable; ambivalence about abstinence voiced once.",
    "Mood improved compared with last week; no safety concerns raised.",
    "Skill acquisition is good; generalising to home situations remains the work.",
)
PLANNED = (
    "Continue the group schedule; practise the skill once before the next session.",
    "Review the relapse prevention plan with the primary counselor this week.",
    "Bring the completed worksheet; call a support person twice before Friday.",
    "Continue weekly attendance; follow up on the referral to mutual-help meetings.",
)
RISK_ANSWERED = (
    "Asked directly about thoughts of suicide: passive thoughts this week, no plan or intent; no thoughts of "
    "harming others. Safety plan reviewed and updated; overdose risk discussed, naloxone at home. Supervisor informed."
)
PROCESS = (
    "The group was cohesive; members gave each other specific feedback during the role play.",
    "Energy was low at first and rose during the exercise; two members supported a newcomer.",
    "Discussion stayed on topic; one member's disclosure deepened the sharing that followed.",
)


class _Clock:
    def __init__(self) -> None:
        self.at = datetime.now(UTC)

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:  # pragma: no cover - not used by the notes service
        return 0.0


def _write(note: NoteView, rng: random.Random) -> dict[str, str]:
    content = dict(note.content)
    if note.is_group:
        for section in GROUP_SECTIONS:
            if not content.get(section.key, "").strip():
                content[section.key] = rng.choice(PROCESS) if section.key == "group_process" else "See agenda."
        return content
    for section in note.sections:
        current = content.get(section.key, "").strip()
        if section.key == "risk":  # prefilled only while a safety flag is open: the clinician answers it
            if current:
                content[section.key] = current + "\n" + RISK_ANSWERED
            continue
        if section.key in ("assessment", "response") and not current:
            content[section.key] = rng.choice(ASSESSED)
        elif section.key == "plan":
            content[section.key] = rng.choice(PLANNED)
        elif section.key in ("data", "behavior", "objective", "subjective"):
            content[section.key] = (current + "\n" + rng.choice(OBSERVED)).strip()
        elif not current:
            content[section.key] = rng.choice(ASSESSED)
    return content


def seed_demo_notes(
    engine: Engine,
    settings: object,
    library: object,
    facilitator: Principal,
    supervisor: Principal,
    today: datetime | None = None,
    seed: int = 6,
) -> int:
    """Fill the demo's notes; a database that already has notes is left alone. Returns notes written."""
    rng = random.Random(seed)
    clock = _Clock()
    work = Work(engine, AuditLog(engine, clock), clock)  # type: ignore[arg-type]
    service = NotesService(work, settings, library)  # type: ignore[arg-type]
    now = today or datetime.now(UTC)
    note_table = ProgressNote.__table__  # type: ignore[attr-defined]
    meeting = Meeting.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(note_table)).scalar():
            return 0
        rows = conn.execute(
            sa.select(meeting.c.id, meeting.c.group_id, meeting.c.ends_at)
            .where(
                meeting.c.ends_at < now, meeting.c.ends_at > now - timedelta(days=28), meeting.c.cancelled_at.is_(None)
            )
            .order_by(meeting.c.ends_at)
        ).all()
    mine, others = [], []
    for row in rows:
        clock.at = row.ends_at
        try:
            service.meeting_notes(facilitator, row.id)
            mine.append(row)
        except Exception:
            others.append(row)
    written = 0
    last = len(mine)
    for n, row in enumerate(mine):
        clock.at = row.ends_at + timedelta(hours=1)
        meeting_notes = service.start_meeting_notes(facilitator, row.id)
        notes = list(meeting_notes.notes)
        written += len(notes)
        age = last - n  # 1 = most recent
        if age <= 2:  # drafts, half written
            for note in notes[: max(1, len(notes) // 2)]:
                service.save_draft(facilitator, note.id, _write(note, rng), note.version)
            continue
        for note in notes:
            service.sign(facilitator, note.id, content=_write(note, rng))
        if age <= 5:  # awaiting co-signature; one returned
            if age == 4 and len(notes) > 1:
                clock.at += timedelta(days=1)
                service.return_note(
                    supervisor, notes[1].id, "Please describe what this member did, not the group in general."
                )
            continue
        clock.at = row.ends_at + timedelta(days=1, hours=2)
        if age == 6 and len(notes) > 1:  # returned, fixed, co-signed: two rounds in the history
            service.return_note(supervisor, notes[1].id, "The plan is missing a concrete next step.")
            clock.at += timedelta(hours=3)
            fixed = service.note(facilitator, notes[1].id)
            content = dict(fixed.content, plan="Call the sponsor on Wednesday; bring the worksheet on Thursday.")
            service.save_draft(facilitator, fixed.id, content, fixed.version)
            service.sign(facilitator, fixed.id)
            clock.at += timedelta(hours=2)
        for note in notes:
            service.cosign(supervisor, note.id)
        if age == 7 and len(notes) > 1:
            clock.at += timedelta(days=1)
            service.add_addendum(
                facilitator, notes[1].id, "Member phoned the next morning to say they attended a mutual-help meeting."
            )
        if age == 8 and len(notes) > 2:
            clock.at += timedelta(days=1)
            service.mark_entered_in_error(facilitator, notes[2].id, "Written in this member's chart by mistake.")
    for row in others[-2:]:  # a supervisor's own notes: signed, no co-signature needed
        clock.at = row.ends_at + timedelta(hours=1)
        meeting_notes = service.start_meeting_notes(supervisor, row.id)
        for note in meeting_notes.notes:
            service.sign(supervisor, note.id, content=_write(note, rng))
            written += 1
    log.info("Demo notes: %d written over %d meetings", written, len(mine) + min(2, len(others)))
    return written
