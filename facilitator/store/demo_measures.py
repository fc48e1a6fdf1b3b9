"""Synthetic measures for the demo clinic: check-ins, PHQ-9/GAD-7, drug screens, mutual help.

A believable course, and nobody real: most participants' craving and scores ease over the
weeks. Among the evening groups' active adults who started at least six weeks ago (the
demo facilitator leads those groups), the first slips in their fourth week (craving up, an
unexpected positive for cocaine, a mood dip, no meetings) and recovers; the second answers
PHQ-9 item 9 above "Not at all" on their latest questionnaire, so a safety flag is open; the
third takes buprenorphine, and the morning groups' first active adult methadone, so their
positives for it are expected, not relapses. Written
with Core inserts into the transaction that writes the rest of the demo (seeded, so the
same day and seed give the same clinic); the triggers that lock recorded measures apply.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa

from ..core import measures as cm
from .models import CheckInRating, DrugScreen, DrugScreenResult, MutualHelpReport, Questionnaire, SafetyFlag

RELAPSE_WEEKS = (3.0, 4.5)  # when, in weeks since their program start, the one who relapses slips
CHECK_IN_GROUP_TYPES = ("psychoeducation", "skills", "support", "single_interest")
PANEL = "12-panel"
MOODS = ("hopeful", "tired", "calm", "anxious", "steady", "restless", "grateful", "flat", "okay", "stressed")


def _course(week: float, start: float, end: float, rng: random.Random, spread: float = 1.0) -> float:
    """A value easing from ``start`` toward ``end`` over eight weeks, with some noise."""
    share = min(1.0, max(0.0, week / 8))
    return start + (end - start) * share + rng.uniform(-spread, spread)


def _clamp(value: float, low: int, high: int) -> int:
    return int(max(low, min(high, round(value))))


def _answers(total: int, items: int, rng: random.Random, item9: int = 0) -> str:
    """Answers (0-3 each) that add up to ``total``, item 9 (of a PHQ-9) as given."""
    values = [0] * items
    if items == 9:
        values[8] = item9
        total = max(total, item9)
    left = total - sum(values)
    slots = [i for i in range(items) if not (items == 9 and i == 8)]
    while left > 0:
        i = rng.choice(slots)
        if values[i] < 3:
            values[i] += 1
            left -= 1
        elif all(values[j] == 3 for j in slots):
            break
    return "".join(str(v) for v in values)


def fill_demo_measures(
    conn: sa.Connection,
    people: Sequence[Mapping[str, Any]],
    meetings: Iterable[Any],
    attendance: Iterable[Mapping[str, Any]],
    group_types: Mapping[int, str],
    today: date,
    now: datetime,
    seed: int | None = None,
) -> dict[str, int]:
    """Write the demo's measures; returns counts by kind."""
    rng = random.Random(f"measures-{seed if seed is not None else today.toordinal()}")
    by_id = {int(p["id"]): p for p in people}
    evening = [
        p for p in people
        if p["status"] == "active" and p["audience"] == "adult" and "pm-psy" in p["plan"]
        and p["program_start"] <= today - timedelta(weeks=6)
    ]
    morning = [p for p in people if p["status"] == "active" and p["audience"] == "adult" and "am-psy" in p["plan"]]
    relapse = evening[0]["record_number"] if evening else ""
    flagged = evening[1]["record_number"] if len(evening) > 1 else ""
    expected_meds: dict[str, tuple[str, ...]] = {}
    if len(evening) > 2:
        expected_meds[evening[2]["record_number"]] = ("buprenorphine",)
    if morning:
        expected_meds[morning[0]["record_number"]] = ("methadone",)

    def slipping(p: Mapping[str, Any], day: date) -> bool:
        return p["record_number"] == relapse and RELAPSE_WEEKS[0] <= week_of(p, day) < RELAPSE_WEEKS[1]
    meeting_day = {m.id: (m.local_day, m.group_id, m.ends_at) for m in meetings}

    def week_of(p: Mapping[str, Any], day: date) -> float:
        return (day - p["program_start"]).days / 7

    def craving(p: Mapping[str, Any], day: date) -> int:
        week = week_of(p, day)
        if slipping(p, day):
            return _clamp(8 + rng.uniform(-1, 1), 0, 10)
        start = 5 + (p["index"] % 4)
        return _clamp(_course(week, start, 1 + p["index"] % 3, rng), 0, 10)

    # check-ins at every attended meeting of a group that checks in (adults and teens alike)
    check_ins = []
    for row in attendance:
        pid = row.get("participant_id")
        if pid is None or row["status"] not in ("present", "late", "left_early"):
            continue
        day, group_id, ends_at = meeting_day[row["meeting_id"]]
        if group_types.get(group_id) not in CHECK_IN_GROUP_TYPES:
            continue
        p = by_id[pid]
        mood = rng.choice(MOODS) if rng.random() < 0.6 else ""
        if slipping(p, day):
            mood = rng.choice(("ashamed", "restless", "low"))
        check_ins.append({
            "participant_id": pid, "meeting_id": row["meeting_id"], "taken_on": day,
            "ratings": json.dumps({"craving": craving(p, day)}, separators=(",", ":")), "mood": mood,
            "recorded_at": _aware(ends_at) - timedelta(minutes=60), "recorded_by_id": None,
        })
    if check_ins:
        conn.execute(sa.insert(CheckInRating.__table__), check_ins)  # type: ignore[attr-defined]

    # PHQ-9 and GAD-7 at admission and every two weeks (a few days late now and then)
    questionnaires: list[dict[str, Any]] = []
    flags: list[tuple[int, date]] = []
    for p in people:
        if not p["plan"]:
            continue
        end = min(today, p["left"] or today)
        day = p["program_start"]
        while day <= end:
            week = week_of(p, day)
            phq = _clamp(_course(week, 12 + p["index"] % 6, 4 + p["index"] % 3, rng, 1.5), 0, 27)
            gad = _clamp(_course(week, 10 + p["index"] % 5, 3 + p["index"] % 3, rng, 1.5), 0, 21)
            item9 = 0
            if slipping(p, day):
                phq, gad = 13, 12
            last = day + timedelta(days=14) > end
            if p["record_number"] == flagged and last:
                phq, item9 = 16, 1
            for key, total in (("PHQ-9", phq), ("GAD-7", gad)):
                answers = _answers(total, 9 if key == "PHQ-9" else 7, rng, item9 if key == "PHQ-9" else 0)
                scored = cm.score(key, answers)
                questionnaires.append({
                    "participant_id": p["id"], "instrument": key, "taken_on": day, "answers": scored.answers_text,
                    "total": scored.total, "severity": scored.severity, "difficulty": None,
                    "mode": "paper" if rng.random() < 0.3 else "in app", "meeting_id": None,
                    "recorded_at": datetime.combine(day, time(16), UTC), "recorded_by_id": None,
                })
                if scored.safety_flag:
                    flags.append((len(questionnaires) - 1, day))
            day += timedelta(days=14 + rng.choice((0, 0, 0, 1, 2)))
    if questionnaires:
        table = Questionnaire.__table__  # type: ignore[attr-defined]
        ids = list(conn.execute(sa.insert(table).returning(table.c.id), questionnaires).scalars())
        if len(ids) != len(questionnaires):  # some drivers return no ids for a bulk insert: read them back
            ids = list(conn.execute(sa.select(table.c.id).order_by(table.c.id)).scalars())[-len(questionnaires):]
        for index, day in flags:
            row = questionnaires[index]
            conn.execute(sa.insert(SafetyFlag.__table__).values(  # type: ignore[attr-defined]
                participant_id=row["participant_id"], questionnaire_id=ids[index], raised_on=day,
                raised_at=row["recorded_at"], raised_by_id=None, updated_at=row["recorded_at"],
            ))

    # drug screens for adults: weekly, observed about half the time; expected medications where prescribed
    screens = 0
    results: list[dict[str, Any]] = []
    screen_table = DrugScreen.__table__  # type: ignore[attr-defined]
    for p in people:
        if not p["plan"] or p["audience"] != "adult":
            continue
        expected = expected_meds.get(p["record_number"], ())
        explained = {s for med in expected for s in cm.EXPECTED_MEDICATIONS[med]}
        end = min(today, p["left"] or today)
        day = p["program_start"] + timedelta(days=rng.randint(1, 4))
        while day <= end:
            found = {s: "negative" for s in cm.PANELS[PANEL]}
            for s in explained:
                found[s] = "positive"
            if slipping(p, day):
                found["cocaine"] = "positive"
            elif rng.random() < 0.02:
                found["marijuana"] = "invalid"
            screen_id = conn.execute(sa.insert(screen_table).values(
                participant_id=p["id"], collected_on=day, specimen="urine" if rng.random() < 0.8 else "oral fluid",
                observed=rng.random() < 0.5, panel=PANEL, expected=";".join(expected), source="clinic",
                lab_reference="", recorded_at=datetime.combine(day, time(17), UTC), recorded_by_id=None,
            ).returning(screen_table.c.id)).scalar_one()
            results += [{"screen_id": screen_id, "substance": s, "result": r} for s, r in sorted(found.items())]
            screens += 1
            day += timedelta(days=7)
    if results:
        conn.execute(sa.insert(DrugScreenResult.__table__), results)  # type: ignore[attr-defined]

    # mutual-help meetings each week, 12-step for most, another path for some
    reports = []
    for p in people:
        if not p["plan"] or p["audience"] != "adult":
            continue
        kind = "other" if p["index"] % 5 == 0 else "12-step"
        week = cm.week_start(p["program_start"])
        end = min(today, p["left"] or today)
        while week <= end - timedelta(days=7):
            count = _clamp(_course(week_of(p, week), 1, 3, rng, 1), 0, 7)
            if slipping(p, week) or slipping(p, week + timedelta(days=6)):
                count = 0
            reports.append({"participant_id": p["id"], "week_of": week, "meetings": count, "kind": kind,
                            "recorded_at": datetime.combine(week + timedelta(days=7), time(18), UTC),
                            "recorded_by_id": None})
            week += timedelta(days=7)
    if reports:
        conn.execute(sa.insert(MutualHelpReport.__table__), reports)  # type: ignore[attr-defined]
    return {
        "check_ins": len(check_ins),
        "questionnaires": len(questionnaires),
        "safety_flags": len(flags),
        "drug_screens": screens,
        "mutual_help_reports": len(reports),
    }


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
