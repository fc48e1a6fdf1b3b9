"""Attendance arithmetic: minutes attended, weekly hours, schedules, tracks and coverage.

Plain Python, no Qt and no database. Instants are timezone-aware datetimes (the store
keeps UTC); everything a person reads as a day, a week or a clock time is worked out in
the clinic's time zone, so a week with a daylight-saving change still adds up to the hours
actually spent in the room.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from facilitator.core.catalogue import say

# -- statuses ------------------------------------------------------------------------------


class AttendanceStatus(str, Enum):
    """How a participant attended one meeting; the letter is the attendance sheet's key."""

    PRESENT = "present"
    LATE = "late"
    LEFT_EARLY = "left_early"
    ABSENT_EXCUSED = "absent_excused"
    ABSENT_UNEXCUSED = "absent_unexcused"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def key(self) -> str:
        return STATUS_KEYS_BY_STATUS[self]

    @property
    def attended(self) -> bool:
        return self in (AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEFT_EARLY)


STATUS_LABELS: dict[AttendanceStatus, str] = {
    AttendanceStatus.PRESENT: "Present",
    AttendanceStatus.LATE: "Late",
    AttendanceStatus.LEFT_EARLY: "Left early",
    AttendanceStatus.ABSENT_EXCUSED: "Absent, excused",
    AttendanceStatus.ABSENT_UNEXCUSED: "Absent, unexcused",
}

STATUS_BY_KEY: dict[str, AttendanceStatus] = {
    "P": AttendanceStatus.PRESENT,
    "L": AttendanceStatus.LATE,
    "E": AttendanceStatus.LEFT_EARLY,
    "X": AttendanceStatus.ABSENT_EXCUSED,
    "U": AttendanceStatus.ABSENT_UNEXCUSED,
}
STATUS_KEYS_BY_STATUS = {status: key for key, status in STATUS_BY_KEY.items()}


# -- clinic rules --------------------------------------------------------------------------


@dataclass(frozen=True)
class HourRules:
    """The clinic's hour rules; every figure can be changed in the clinic settings."""

    adult_weekly_hours: float = 9.0
    adolescent_weekly_hours: float = 6.0
    daily_minimum_hours: float = 3.0
    high_weekly_hours: float = 20.0
    capacity_warning: int = 12

    def default_target_hours(self, audience: str) -> float:
        return self.adolescent_weekly_hours if audience == "adolescent" else self.adult_weekly_hours

    @property
    def daily_minimum_minutes(self) -> int:
        return round(self.daily_minimum_hours * 60)

    @property
    def high_weekly_minutes(self) -> int:
        return round(self.high_weekly_hours * 60)


FALLBACK_ZONE = "America/New_York"


def system_zone_name() -> str:
    """This computer's IANA zone name if it can be told, else a US default."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _zone_ok(tz):
        return tz
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    marker = "zoneinfo/"
    if marker in target:
        name = target.split(marker, 1)[1]
        if _zone_ok(name):
            return name
    return FALLBACK_ZONE


def _zone_ok(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def resolve_zone_name(setting: object) -> str:
    """The clinic's time zone, resolved one way for attendance, notes, reports and the screens.

    The setting when it names a zone Facilitator knows; otherwise this computer's zone by
    its IANA name (never a fixed UTC offset, which would put times an hour off across a
    daylight-saving change).
    """
    name = str(setting or "").strip()
    if name and _zone_ok(name):
        return name
    return system_zone_name()


def resolve_zone(setting: object) -> ZoneInfo:
    """``resolve_zone_name`` as a zone."""
    return ZoneInfo(resolve_zone_name(setting))


def clinic_zone(name: str) -> ZoneInfo:
    """The zone for a setting's value; an unknown name raises ValueError with a sentence."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(say("core.attendance", "{name!r} is not a known time zone (use a name like America/Chicago)",
                             name=name)) from exc


def zone_names() -> list[str]:
    return sorted(z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/")))


# -- local time ----------------------------------------------------------------------------


def local_instant(day: date, clock_time: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time on a local day.

    A time skipped by a spring-forward change (02:30) is read with the offset before the
    change, so it lands just after the jump; a repeated fall-back time takes its first
    occurrence.
    """
    return datetime.combine(day, clock_time.replace(tzinfo=None), tzinfo=zone).astimezone(UTC)


def local_date(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()


def local_time_text(instant: datetime | None, zone: ZoneInfo) -> str:
    return "" if instant is None else instant.astimezone(zone).strftime("%H:%M")


def parse_clock_time(text: str) -> time:
    """Read a typed time: ``18:15``, ``1815``, ``6:15``, ``615``, ``6:15 pm``, ``18.15``.

    Raises ValueError with a sentence for anything else.
    """
    raw = text.strip().lower().replace(".", ":")
    suffix = ""
    for marker in ("am", "pm", "a", "p"):
        if raw.endswith(marker):
            suffix, raw = marker[0], raw[: -len(marker)].strip()
            break
    if ":" in raw:
        hours_text, _, minutes_text = raw.partition(":")
    elif raw.isdigit() and len(raw) in (3, 4):
        hours_text, minutes_text = raw[:-2], raw[-2:]
    elif raw.isdigit() and len(raw) in (1, 2):
        hours_text, minutes_text = raw, "0"
    else:
        raise ValueError(say("core.attendance", "{text!r} is not a time; type it like 18:15 or 1815",
                             text=text.strip()))
    if not (hours_text.isdigit() and minutes_text.isdigit()):
        raise ValueError(say("core.attendance", "{text!r} is not a time; type it like 18:15 or 1815",
                             text=text.strip()))
    hours, minutes = int(hours_text), int(minutes_text)
    if suffix:
        if not 1 <= hours <= 12:
            raise ValueError(say("core.attendance", "{text!r} is not a time: with am or pm the hour is 1 to 12",
                                 text=text.strip()))
        hours = hours % 12 + (12 if suffix == "p" else 0)
    if not (0 <= hours <= 23 and 0 <= minutes <= 59):
        raise ValueError(say("core.attendance", "{text!r} is not a time of day", text=text.strip()))
    return time(hours, minutes)


def instant_in_meeting(starts_at: datetime, ends_at: datetime, clock_time: time, zone: ZoneInfo) -> datetime:
    """The instant a typed clock time means for a meeting, which may cross midnight.

    The time is tried on the meeting's first local day, the day after and the day before;
    the candidate nearest the meeting (inside it, or closest to its edges) wins.
    """
    first_day = local_date(starts_at, zone)
    best: tuple[float, datetime] | None = None
    for offset in (0, 1, -1):
        candidate = local_instant(first_day + timedelta(days=offset), clock_time, zone)
        if candidate < starts_at:
            distance = (starts_at - candidate).total_seconds()
        elif candidate > ends_at:
            distance = (candidate - ends_at).total_seconds()
        else:
            distance = 0.0
        if best is None or distance < best[0]:
            best = (distance, candidate)
    assert best is not None
    return best[1]


TYPED_TIME_SLACK = timedelta(hours=1)


def typed_instant(text: str, starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> datetime:
    """The instant an arrival or departure typed on the sheet means for this meeting.

    A time without am/pm may be on a 12-hour clock: ``615`` at an evening meeting is 18:15,
    at a morning one 06:15; the reading nearest the meeting wins. A time more than an hour
    outside the meeting is refused (ValueError, one sentence), since it is almost always a
    slip of the finger.
    """
    clock_time = parse_clock_time(text)
    raw = text.strip().lower()
    readings = [clock_time]
    if not raw.endswith(("am", "pm", "a", "p")) and 1 <= clock_time.hour <= 11:
        readings.append(clock_time.replace(hour=clock_time.hour + 12))

    def distance(instant: datetime) -> float:
        if instant < starts_at:
            return (starts_at - instant).total_seconds()
        if instant > ends_at:
            return (instant - ends_at).total_seconds()
        return 0.0

    best = min((instant_in_meeting(starts_at, ends_at, t, zone) for t in readings), key=distance)
    if distance(best) > TYPED_TIME_SLACK.total_seconds():
        begin, end = local_time_text(starts_at, zone), local_time_text(ends_at, zone)
        raise ValueError(say("core.attendance", "{text} is well outside this meeting ({begin}–{end}); check the time "
                             "typed", text=text.strip(), begin=begin, end=end))
    return best


# -- minutes attended ----------------------------------------------------------------------


def attended_interval(
    starts_at: datetime,
    ends_at: datetime,
    status: AttendanceStatus,
    arrived_at: datetime | None = None,
    left_at: datetime | None = None,
) -> tuple[datetime, datetime] | None:
    """The part of a meeting a participant was in the room, or None if none.

    ``starts_at``/``ends_at`` are the meeting's actual times (the run record's when there
    is one). An arrival before the start or a departure after the end counts only the
    meeting itself; absences count nothing whatever times were typed.
    """
    if ends_at <= starts_at or not status.attended:
        return None
    begin = max(starts_at, arrived_at) if arrived_at is not None else starts_at
    end = min(ends_at, left_at) if left_at is not None else ends_at
    if end <= begin:
        return None
    return begin, end


def whole_minutes(seconds: float) -> int:
    """Minutes for reports: rounded to the nearest minute, halves up."""
    return int(seconds / 60 + 0.5)


def minutes_attended(
    starts_at: datetime,
    ends_at: datetime,
    status: AttendanceStatus,
    arrived_at: datetime | None = None,
    left_at: datetime | None = None,
) -> int:
    interval = attended_interval(starts_at, ends_at, status, arrived_at, left_at)
    if interval is None:
        return 0
    return whole_minutes((interval[1] - interval[0]).total_seconds())


def attended_span(
    starts_at: datetime,
    ends_at: datetime,
    marks: Iterable[tuple[AttendanceStatus, datetime | None, datetime | None]],
) -> tuple[datetime, datetime]:
    """From the first attendee's arrival to the last one's departure, within the meeting.

    ``marks`` are (status, arrival, departure). Someone present with no times typed was
    there from the start to the end, so with no times anywhere this is the meeting itself;
    with nobody attending it is the meeting too.
    """
    intervals = [attended_interval(starts_at, ends_at, s, a, left) for s, a, left in marks]
    found = [i for i in intervals if i is not None]
    if not found:
        return starts_at, ends_at
    return min(i[0] for i in found), max(i[1] for i in found)


@dataclass(frozen=True)
class ProposedTimes:
    """What a run suggests for one attendee's arrival and departure; nothing is saved until confirmed.

    ``kept_arrival``/``kept_departure`` say that a time already saved (a late arrival, an
    early departure) was kept instead of the run's.
    """

    status: AttendanceStatus
    arrived_at: datetime | None
    left_at: datetime | None
    kept_arrival: bool = False
    kept_departure: bool = False


def propose_from_run(
    status: AttendanceStatus,
    arrived_at: datetime | None,
    left_at: datetime | None,
    run_started: datetime,
    run_ended: datetime,
) -> ProposedTimes | None:
    """The run's actual start and end as one attendee's times, keeping a later arrival or an earlier departure.

    None for someone not marked as attending (absent, or not marked): a run says nothing
    about whether a person came. An arrival after the run ended is kept and the departure
    left as it was, for the counselor to look at.
    """
    if not status.attended:
        return None
    kept_arrival = arrived_at is not None and arrived_at > run_started
    arrival = arrived_at if kept_arrival else run_started
    if arrival is not None and arrival >= run_ended:
        return ProposedTimes(status, arrival, left_at, kept_arrival, True)
    kept_departure = left_at is not None and left_at < run_ended
    departure = left_at if kept_departure else run_ended
    return ProposedTimes(status, arrival, departure, kept_arrival, kept_departure)


def split_by_local_day(begin: datetime, end: datetime, zone: ZoneInfo) -> dict[date, float]:
    """Seconds of [begin, end) falling on each local day (a meeting may cross midnight)."""
    out: dict[date, float] = {}
    cursor = begin
    while cursor < end:
        day = local_date(cursor, zone)
        next_midnight = local_instant(day + timedelta(days=1), time(0), zone)
        if next_midnight <= cursor:  # a zone whose midnight is skipped; step an hour on
            next_midnight = cursor + timedelta(hours=1)
        stop = min(end, next_midnight)
        out[day] = out.get(day, 0.0) + (stop - cursor).total_seconds()
        cursor = stop
    return out


# -- weekly hours --------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingTime:
    """One meeting as the hour arithmetic sees it.

    ``starts_at``/``ends_at``: actual times (run record) or else scheduled ones;
    ``attended``: the participant's interval in the room, None when absent or not marked.
    """

    starts_at: datetime
    ends_at: datetime
    attended: tuple[datetime, datetime] | None = None
    cancelled: bool = False


@dataclass(frozen=True)
class WeekHours:
    """One participant's ISO week: attended against scheduled and against target."""

    iso_year: int
    iso_week: int
    monday: date
    scheduled_minutes: int
    attended_minutes: int
    target_minutes: int
    high_minutes: int
    days_at_minimum: int
    minutes_by_day: tuple[tuple[date, int], ...] = ()
    level: str = ""  # the level(s) of care in force that week ("IOP", "IOP to OP"), when known

    @property
    def label(self) -> str:
        return f"{self.iso_year}-W{self.iso_week:02d}"

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def below_target(self) -> bool:
        """Attended less than the target in a week that had meetings for the person.

        A week with nothing scheduled (between enrollments, every meeting cancelled) is
        not flagged: there was nothing to attend.
        """
        return self.attended_minutes < self.target_minutes and (self.scheduled_minutes > 0 or self.attended_minutes > 0)

    @property
    def at_or_above_high(self) -> bool:
        return self.attended_minutes >= self.high_minutes

    @property
    def flags(self) -> tuple[str, ...]:
        out = []
        if self.below_target:
            out.append("below target")
        if self.at_or_above_high:
            out.append(f"{self.high_minutes // 60}+ hours")
        return tuple(out)


def iso_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_hours(
    meetings: Iterable[MeetingTime],
    zone: ZoneInfo,
    target_hours: float,
    rules: HourRules = HourRules(),
    first: date | None = None,
    last: date | None = None,
) -> list[WeekHours]:
    """Hours per ISO week (Monday to Sunday in the clinic's zone), oldest first.

    Minutes are split at local midnights, so a meeting crossing midnight counts on both
    days (and both weeks when it crosses Sunday night). With ``first``/``last`` every week
    touching the range is listed, even one with nothing scheduled, and minutes outside the
    range are left out.
    """
    scheduled: dict[date, float] = defaultdict(float)
    attended: dict[date, float] = defaultdict(float)
    for m in meetings:
        if not m.cancelled:
            for day, secs in split_by_local_day(m.starts_at, m.ends_at, zone).items():
                scheduled[day] += secs
        if m.attended is not None:
            for day, secs in split_by_local_day(m.attended[0], m.attended[1], zone).items():
                attended[day] += secs

    def in_range(day: date) -> bool:
        return (first is None or day >= first) and (last is None or day <= last)

    mondays: set[date] = {iso_monday(d) for d in (*scheduled, *attended) if in_range(d)}
    if first is not None and last is not None and first <= last:
        monday = iso_monday(first)
        while monday <= last:
            mondays.add(monday)
            monday += timedelta(days=7)
    target_minutes = round(target_hours * 60)
    out: list[WeekHours] = []
    for monday in sorted(mondays):
        days = [monday + timedelta(days=i) for i in range(7)]
        days = [d for d in days if in_range(d)]
        by_day = tuple((d, whole_minutes(attended[d])) for d in days if attended.get(d))
        iso = monday.isocalendar()
        out.append(
            WeekHours(
                iso_year=iso.year,
                iso_week=iso.week,
                monday=monday,
                scheduled_minutes=whole_minutes(sum(scheduled.get(d, 0.0) for d in days)),
                attended_minutes=whole_minutes(sum(attended.get(d, 0.0) for d in days)),
                target_minutes=target_minutes,
                high_minutes=rules.high_weekly_minutes,
                days_at_minimum=sum(1 for d in days if attended.get(d, 0.0) >= rules.daily_minimum_minutes * 60),
                minutes_by_day=by_day,
            )
        )
    return out


def hours_text(minutes: int) -> str:
    """``185`` -> ``3 h 05``; what reports and tables show."""
    return f"{minutes // 60} h {minutes % 60:02d}"


# -- schedules -----------------------------------------------------------------------------

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class WeeklySchedule:
    """Days of the week (0 = Monday), a local start time, and a length in minutes."""

    weekdays: tuple[int, ...]
    start: time
    minutes: int

    def __post_init__(self) -> None:
        if any(not 0 <= d <= 6 for d in self.weekdays):
            raise ValueError(say("core.attendance", "weekdays run from 0 (Monday) to 6 (Sunday)"))
        if not 1 <= self.minutes <= 24 * 60:
            raise ValueError(say("core.attendance", "a meeting lasts between 1 minute and 24 hours"))
        object.__setattr__(self, "weekdays", tuple(sorted(set(self.weekdays))))

    @property
    def days_text(self) -> str:
        return ",".join(WEEKDAY_NAMES[d].lower() for d in self.weekdays)

    def describe(self) -> str:
        if not self.weekdays:
            return "no regular days"
        end = (datetime.combine(date(2000, 1, 3), self.start) + timedelta(minutes=self.minutes)).time()
        days = ", ".join(WEEKDAY_NAMES[d] for d in self.weekdays)
        return f"{days} {self.start:%H:%M}–{end:%H:%M}"


def parse_weekdays(text: str) -> tuple[int, ...]:
    """``"mon,wed,fri"`` (any case, spaces allowed) -> ``(0, 2, 4)``."""
    names = [WEEKDAY_NAMES[i].lower() for i in range(7)]
    out = []
    for part in text.replace(" ", ",").split(","):
        part = part.strip().lower()[:3]
        if not part:
            continue
        if part not in names:
            raise ValueError(say("core.attendance", "{part!r} is not a day of the week (use mon, tue, ...)", part=part))
        out.append(names.index(part))
    return tuple(sorted(set(out)))


@dataclass(frozen=True)
class ScheduledSlot:
    local_day: date
    starts_at: datetime
    ends_at: datetime


def expand_schedule(schedule: WeeklySchedule, first: date, last: date, zone: ZoneInfo) -> list[ScheduledSlot]:
    """Every meeting the schedule puts between two local days, inclusive, in order.

    A meeting lasts its length in real minutes, so one that spans a daylight-saving change
    ends an hour earlier or later by the wall clock.
    """
    out: list[ScheduledSlot] = []
    day = first
    while day <= last:
        if day.weekday() in schedule.weekdays:
            starts_at = local_instant(day, schedule.start, zone)
            out.append(ScheduledSlot(day, starts_at, starts_at + timedelta(minutes=schedule.minutes)))
        day += timedelta(days=1)
    return out


# -- curriculum tracks and coverage ----------------------------------------------------------


@dataclass(frozen=True)
class TrackStep:
    """One curriculum session on a group's track."""

    curriculum_id: str
    session_id: str
    title: str = ""
    curriculum_title: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.curriculum_id, self.session_id)


@dataclass(frozen=True)
class Track:
    """Curricula in order; a rolling track starts over after the last session."""

    curriculum_ids: tuple[str, ...]
    rolling: bool = False


def track_steps(track: Track, library: object) -> list[TrackStep]:
    """The sessions of the track, in order; curricula that are not loaded are skipped."""
    steps: list[TrackStep] = []
    for curriculum_id in track.curriculum_ids:
        curriculum = library.find(curriculum_id)  # type: ignore[attr-defined]
        if curriculum is None:
            continue
        steps += [TrackStep(curriculum.id, s.id, s.title, curriculum.title) for s in curriculum.sessions]
    return steps


def step_at(steps: Sequence[TrackStep], position: int, rolling: bool) -> TrackStep | None:
    """The session the ``position``-th held meeting (0-based) runs; None past a closed track."""
    if not steps or position < 0:
        return None
    if rolling:
        return steps[position % len(steps)]
    return steps[position] if position < len(steps) else None


@dataclass(frozen=True)
class UpcomingMeeting:
    """A future meeting of any group, as a make-up suggestion sees it."""

    meeting_id: int
    group_id: int
    group_name: str
    starts_at: datetime
    curriculum_id: str
    session_id: str


@dataclass(frozen=True)
class Coverage:
    """Which sessions of a track a participant has attended, and which they still miss."""

    steps: tuple[TrackStep, ...]
    attended_keys: frozenset[tuple[str, str]]
    make_ups: dict[tuple[str, str], tuple[UpcomingMeeting, ...]] = field(default_factory=dict)

    @property
    def attended(self) -> list[TrackStep]:
        return [s for s in self.steps if s.key in self.attended_keys]

    @property
    def missing(self) -> list[TrackStep]:
        return [s for s in self.steps if s.key not in self.attended_keys]

    @property
    def fraction(self) -> float:
        return len(self.attended) / len(self.steps) if self.steps else 1.0


def coverage(
    steps: Sequence[TrackStep],
    attended_keys: Iterable[tuple[str, str]],
    upcoming: Iterable[UpcomingMeeting] = (),
    per_session: int = 3,
    edition_of: Callable[[str], str] | None = None,
) -> Coverage:
    """Coverage of a track, with up to ``per_session`` make-up meetings for each missed session.

    ``edition_of`` maps a curriculum id to the id its editions share (``skills-core-es`` to
    ``skills-core``): a session attended in one language covers the same session in the
    other, and a meeting of either edition is offered as a make-up.
    """
    same = edition_of or (lambda curriculum_id: curriculum_id)

    def shared(curriculum_id: str, session_id: str) -> tuple[str, str]:
        return (same(curriculum_id), session_id)

    given = frozenset(attended_keys)
    held = {shared(*key) for key in given}
    attended = given | {s.key for s in steps if shared(*s.key) in held}
    missing = {shared(*s.key): s.key for s in steps if s.key not in attended}
    make_ups: dict[tuple[str, str], list[UpcomingMeeting]] = defaultdict(list)
    for meeting in sorted(upcoming, key=lambda m: m.starts_at):
        key = missing.get(shared(meeting.curriculum_id, meeting.session_id))
        if key is not None and len(make_ups[key]) < per_session:
            make_ups[key].append(meeting)
    return Coverage(tuple(steps), attended, {k: tuple(v) for k, v in make_ups.items()})
