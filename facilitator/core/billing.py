"""The services to bill, built from attendance and signed notes only, as plain data, and their CSV.

The clinic maps each group type to a service code in its settings (``billing_code_<type>``,
declared in ``core.clinic_settings``; "none" leaves that type unbilled). Codes named as per-diem codes (``H0015``, intensive
outpatient per diem, by default) are billed once per participant and day when the minutes
attended with a signed note that day reach the per-diem minimum (three hours by default);
other codes (``90853`` group psychotherapy, ``90849`` multiple-family group) are billed once
per meeting attended with a signed note. Whatever cannot be billed but was attended goes to a
second list with the reason: no note, a note not signed, awaiting co-signature, entered in
error, or a day under the per-diem minimum.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from . import csv_safe
from .attendance import hours_text
from .catalogue import QT_TRANSLATE_NOOP, translate
from .curriculum import GroupType
from .privacy import PART2_NOTICE_SHORT

BILLING = "print.billing"  # the printed summary's words (core/print_language.py); the CSV stays English

CODE_SETTING = "billing_code_{group_type}"
PER_DIEM_CODES_SETTING = "billing_per_diem_codes"
PER_DIEM_MINIMUM_SETTING = "billing_per_diem_minimum_hours"

# The shipped mapping (the settings' defaults): IOP groups add up to the per diem; a
# single-interest group is group psychotherapy; a family group is a multiple-family group.
DEFAULT_CODES: Mapping[GroupType, str] = {
    GroupType.PSYCHOEDUCATION: "H0015",
    GroupType.SKILLS: "H0015",
    GroupType.SUPPORT: "H0015",
    GroupType.SINGLE_INTEREST: "90853",
    GroupType.FAMILY: "90849",
}
DEFAULT_PER_DIEM_CODES = "H0015"
DEFAULT_PER_DIEM_MINIMUM_HOURS = 3.0

SIGNED_STATUSES = frozenset({"signed", "cosigned"})


NOT_BILLED = "NONE"  # a group type's code setting set to "none": its meetings are not billed


def _code(value: object) -> str:
    code = str(value or "").strip().upper()
    return "" if code == NOT_BILLED else code


def code_setting(group_type: GroupType) -> str:
    return CODE_SETTING.format(group_type=group_type.value)


def split_codes(text: str) -> frozenset[str]:
    """``"H0015, H2036"`` -> the codes, upper-cased, blanks dropped."""
    return frozenset(c.strip().upper() for c in (text or "").replace(";", ",").split(",") if c.strip())


@dataclass(frozen=True)
class BillingRules:
    codes: Mapping[str, str]  # group type value -> service code ("" = not billed, "none" in the settings)
    per_diem_codes: frozenset[str]
    per_diem_minimum_minutes: int

    @classmethod
    def defaults(cls) -> BillingRules:
        return cls(
            {t.value: c for t, c in DEFAULT_CODES.items()},
            split_codes(DEFAULT_PER_DIEM_CODES),
            round(DEFAULT_PER_DIEM_MINIMUM_HOURS * 60),
        )

    @classmethod
    def from_settings(cls, value: Callable[[str], object]) -> BillingRules:
        """From typed clinic settings: ``value(key)`` returns each setting's parsed value."""
        codes = {t.value: _code(value(code_setting(t))) for t in GroupType}
        minimum = float(value(PER_DIEM_MINIMUM_SETTING))  # type: ignore[arg-type]
        return cls(codes, split_codes(str(value(PER_DIEM_CODES_SETTING) or "")), round(minimum * 60))

    def code_for(self, group_type: str) -> str:
        return self.codes.get(group_type, "")

    def is_per_diem(self, code: str) -> bool:
        return code in self.per_diem_codes


@dataclass(frozen=True)
class AttendedSession:
    """One participant at one meeting, as the record says: minutes attended and the note about it."""

    day: date
    participant_id: int
    record_number: str
    meeting_id: int
    group_name: str
    group_type: str
    minutes: int
    note_id: int | None = None
    note_status: str | None = None
    note_in_error: bool = False
    rendering: str = ""  # who signed the note, with credentials
    supervising: str = ""  # who co-signed it

    @property
    def note_problem(self) -> str | None:
        """Why this session's note cannot support a claim, in words; None when it can."""
        if self.note_id is None:
            return QT_TRANSLATE_NOOP("print.billing", "no progress note was written")
        if self.note_in_error:
            return QT_TRANSLATE_NOOP("print.billing", "the progress note was marked entered in error")
        if self.note_status == "awaiting_cosign":
            return QT_TRANSLATE_NOOP("print.billing", "the progress note awaits co-signature")
        if self.note_status not in SIGNED_STATUSES:
            return QT_TRANSLATE_NOOP("print.billing", "the progress note is not signed")
        return None


@dataclass(frozen=True)
class BillableService:
    day: date
    record_number: str
    code: str
    units: int
    minutes: int
    rendering: str
    supervising: str
    note_ids: tuple[int, ...]
    groups: tuple[str, ...]


@dataclass(frozen=True)
class ShortService:
    """Attended, but not billable as it stands, and why."""

    day: date
    record_number: str
    code: str
    minutes: int
    reason: str  # in English, as the CSV says it
    note_ids: tuple[int, ...]
    groups: tuple[str, ...]
    # The reason's parts, so a printed summary can say it in its own language (reason_in).
    head: str = ""  # a per-diem day's sentence, marked under "print.billing", with {values}
    values: tuple[tuple[str, str], ...] = ()
    problems: tuple[tuple[str, str], ...] = ()  # (group, note problem); the group is "" for one session

    def reason_in(self, language: str) -> str:
        """The reason in ``language`` (English, the CSV's, when there is no catalogue for it)."""
        if not (self.head or self.problems):
            return self.reason

        def t(text: str) -> str:
            return translate(language, BILLING, text)

        if not self.head:
            return _capital(t(self.problems[0][1])) + "."
        parts = "; ".join(f"{group}: {t(problem)}" for group, problem in self.problems)
        return t(self.head).format(**dict(self.values)) + (" — " + parts if parts else "") + "."


def _names(values: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def build_services(
    sessions: Iterable[AttendedSession], rules: BillingRules
) -> tuple[list[BillableService], list[ShortService]]:
    """Billable services and the attended sessions (or days) that fall short, in date order."""
    services: list[BillableService] = []
    short: list[ShortService] = []
    per_diem: dict[tuple[date, str, str], list[AttendedSession]] = defaultdict(list)
    for s in sessions:
        if s.minutes <= 0:
            continue  # not attended: no service, nothing missing
        code = rules.code_for(s.group_type)
        if not code:
            continue  # the clinic bills this kind of group under no code
        if rules.is_per_diem(code):
            per_diem[(s.day, s.record_number, code)].append(s)
            continue
        problem = s.note_problem
        ids = (s.note_id,) if s.note_id is not None else ()
        if problem:
            short.append(ShortService(s.day, s.record_number, code, s.minutes, _capital(problem) + ".", ids,
                                      (s.group_name,), problems=(("", problem),)))
        else:
            services.append(BillableService(s.day, s.record_number, code, 1, s.minutes, s.rendering, s.supervising,
                                            ids, (s.group_name,)))
    minimum = rules.per_diem_minimum_minutes
    for (day, record, code), day_sessions in per_diem.items():
        day_sessions.sort(key=lambda s: (s.meeting_id,))
        signed = [s for s in day_sessions if s.note_problem is None]
        signed_minutes = sum(s.minutes for s in signed)
        all_minutes = sum(s.minutes for s in day_sessions)
        if signed_minutes >= minimum:
            services.append(
                BillableService(
                    day, record, code, 1, signed_minutes,
                    _names(s.rendering for s in signed), _names(s.supervising for s in signed),
                    tuple(s.note_id for s in signed if s.note_id is not None), tuple(s.group_name for s in signed),
                )
            )
            continue
        problems = tuple((s.group_name, s.note_problem) for s in day_sessions if s.note_problem is not None)
        values = (("attended", hours_text(all_minutes)), ("minimum", hours_text(minimum)),
                  ("signed", hours_text(signed_minutes)))
        if all_minutes < minimum:
            head = QT_TRANSLATE_NOOP("print.billing", "Under the per-diem minimum: {attended} attended of {minimum}")
        elif signed_minutes == 0:
            head = QT_TRANSLATE_NOOP("print.billing", "{attended} attended, none of it with a signed note")
        else:
            head = QT_TRANSLATE_NOOP("print.billing", "{attended} attended, but only {signed} with a signed note "
                                     "(the per-diem minimum is {minimum})")
        reasons = [f"{group}: {problem}" for group, problem in problems]
        reason = head.format(**dict(values)) + (" — " + "; ".join(reasons) if reasons else "") + "."
        short.append(
            ShortService(day, record, code, all_minutes, reason,
                         tuple(s.note_id for s in day_sessions if s.note_id is not None),
                         tuple(s.group_name for s in day_sessions), head=head, values=values, problems=problems)
        )
    services.sort(key=lambda r: (r.day, r.record_number, r.code))
    short.sort(key=lambda r: (r.day, r.record_number, r.code))
    return services, short


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class ServicesExport:
    """What an export of services holds, for the CSV files and the PDF summary."""

    clinic_name: str
    first: date
    last: date
    services: tuple[BillableService, ...]
    short: tuple[ShortService, ...]
    generated_at: datetime
    exported_by: str
    rules: BillingRules
    scope_note: str = ""
    language: str = "en"  # the PDF summary's (the screen's); the CSV files stay English

    @property
    def title(self) -> str:
        return "Services to bill"

    def units_by_code(self) -> dict[str, int]:
        totals: dict[str, int] = defaultdict(int)
        for s in self.services:
            totals[s.code] += s.units
        return dict(sorted(totals.items()))


SERVICES_CSV_HEADER = (
    "date",
    "record_number",
    "service_code",
    "units",
    "minutes_attended",
    "rendering_clinician",
    "supervising_clinician",
    "note_id",
    "groups",
)
SHORT_CSV_HEADER = ("date", "record_number", "service_code", "minutes_attended", "reason", "note_id", "groups")


def _ids(ids: tuple[int, ...]) -> str:
    return " ".join(str(i) for i in ids)


def services_csv(export: ServicesExport) -> str:
    """One row per billable service; the Part 2 statement closes it in a ``#`` row."""
    out = io.StringIO()
    w = csv_safe.writer(out)
    w.writerow(SERVICES_CSV_HEADER)
    for s in export.services:
        w.writerow((s.day.isoformat(), s.record_number, s.code, s.units, s.minutes, s.rendering, s.supervising,
                    _ids(s.note_ids), "; ".join(s.groups)))
    if export.scope_note:
        w.writerow((f"# {export.scope_note}",))
    w.writerow((f"# {PART2_NOTICE_SHORT}",))
    return out.getvalue()


def short_csv(export: ServicesExport) -> str:
    """The second list: attended sessions or days that cannot be billed yet, with the reason."""
    out = io.StringIO()
    w = csv_safe.writer(out)
    w.writerow(SHORT_CSV_HEADER)
    for s in export.short:
        w.writerow((s.day.isoformat(), s.record_number, s.code, s.minutes, s.reason, _ids(s.note_ids),
                    "; ".join(s.groups)))
    if export.scope_note:
        w.writerow((f"# {export.scope_note}",))
    w.writerow((f"# {PART2_NOTICE_SHORT}",))
    return out.getvalue()
