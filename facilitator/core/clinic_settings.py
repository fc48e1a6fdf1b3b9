"""Every clinic-wide setting, declared once: key, type, default, allowed range and help.

Like qutebrowser's ``configdata.yml``: the Settings dialog, the services and the command
line all read this table, so a key, its default or its range is written in one place. The
database keeps each value as text (``clinic_setting``); ``parse`` turns stored text into a
typed value and falls back to the default for text it cannot read, and ``normalize`` checks
what a user typed and says in a sentence what is wrong with it.
"""

from __future__ import annotations

import base64
import binascii
import math
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from facilitator.core.catalogue import core_word, say

from .changes import ValidationError


class Kind(str, Enum):
    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    CHOICE = "choice"
    TIME_ZONE = "time zone"
    IMAGE = "image"


@dataclass(frozen=True)
class Setting:
    key: str
    kind: Kind
    default: Any
    label: str
    help: str
    section: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""
    max_length: int = 200

    def parse(self, raw: str | None) -> Any:
        """The stored text as a value of this setting's type; unreadable or out of range gives the default."""
        try:
            return self.normalize_value(raw)
        except ValidationError:
            return self.default

    def normalize_value(self, raw: object) -> Any:
        """Check a value (typed or stored) and return it typed, or raise a sentence."""
        text = "" if raw is None else str(raw).strip()
        if self.kind in (Kind.TEXT, Kind.TIME_ZONE):
            if len(text) > self.max_length:
                raise ValidationError(say("core.clinic_settings", "{label} can be at most {max_length} characters.",
                                          label=core_word(self.label), max_length=self.max_length))
            if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in text):
                raise ValidationError(say("core.clinic_settings", "{label} cannot hold control characters.",
                                          label=core_word(self.label)))
            if not text:
                return self.default  # empty text reads as the default, as for every other kind
            if self.kind is Kind.TIME_ZONE and text:
                from zoneinfo import ZoneInfo

                try:
                    ZoneInfo(text)
                except Exception as exc:
                    raise ValidationError(say("core.clinic_settings", "{text!r} is not a time zone Facilitator knows, "
                                              "such as America/Chicago.", text=text)) from exc
            return text
        if self.kind is Kind.IMAGE:
            if len(text) > self.max_length:
                raise ValidationError(say("core.clinic_settings", "{label} is too large; choose an image under 512 KB.",
                                          label=core_word(self.label)))
            if text:
                try:
                    base64.b64decode(text, validate=True)
                except (binascii.Error, ValueError) as exc:
                    raise ValidationError(say("core.clinic_settings", "{label} could not be read as an image.",
                                              label=core_word(self.label))) from exc
            return text
        if self.kind is Kind.CHOICE:
            value = text.upper() if self.choices and self.choices[0].isupper() else text
            if not value:
                return self.default
            if value not in self.choices:
                raise ValidationError(say("core.clinic_settings", "{label} must be one of {choices}.",
                                          label=core_word(self.label), choices=', '.join(self.choices)))
            return value
        if not text:
            return self.default
        try:
            number = float(text)
        except ValueError as exc:
            raise ValidationError(say("core.clinic_settings", "{label} must be a number, not {text!r}.",
                                      label=core_word(self.label), text=text[:20])) from exc
        if math.isnan(number) or math.isinf(number):
            raise ValidationError(say("core.clinic_settings", "{label} must be a number.", label=core_word(self.label)))
        if self.kind is Kind.INTEGER:
            if number != int(number):
                raise ValidationError(say("core.clinic_settings", "{label} must be a whole number.",
                                          label=core_word(self.label)))
            number = int(number)
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            unit = f" {self.unit}" if self.unit else ""
            raise ValidationError(say("core.clinic_settings", "{label} must be between {minimum:g} and {maximum:g}{unit}.",
                                      label=core_word(self.label), minimum=self.minimum, maximum=self.maximum,
                                      unit=unit))
        return number

    def to_text(self, value: Any) -> str:
        """A checked value as the database stores it."""
        value = self.normalize_value(value)
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)


CLINIC = "Clinic"
PROGRAM = "Program rules"
NOTES = "Progress notes"
SECURITY = "Security"
RUNNER = "Session timers"
BILLING = "Billing"

_SETTINGS: tuple[Setting, ...] = (
    Setting("clinic_name", Kind.TEXT, "", "Clinic name", "Printed on handouts, reports and notes.", CLINIC,
            max_length=120),
    Setting("clinic_logo", Kind.IMAGE, "", "Clinic logo",
            "An image printed at the top of handouts and reports (PNG or JPEG, stored as text).", CLINIC,
            max_length=700_000),
    Setting("clinic_time_zone", Kind.TIME_ZONE, "", "Clinic time zone",
            "The zone meeting times, note times and reports are read in. Empty: this computer's zone.", CLINIC,
            max_length=64),
    Setting("auto_backups_kept", Kind.INTEGER, 10, "Automatic backups kept",
            "How many of the backups taken when the app closes are kept in the data folder.", CLINIC,
            minimum=1, maximum=100, unit="backups"),
    Setting("adult_weekly_hours", Kind.NUMBER, 9.0, "Weekly hours target for adults",
            "An adult IOP participant's weekly target unless their record sets another.", PROGRAM,
            minimum=0.5, maximum=40, unit="hours"),
    Setting("adolescent_weekly_hours", Kind.NUMBER, 6.0, "Weekly hours target for adolescents",
            "An adolescent participant's weekly target unless their record sets another.", PROGRAM,
            minimum=0.5, maximum=40, unit="hours"),
    Setting("daily_minimum_hours", Kind.NUMBER, 3.0, "Daily minimum hours",
            "A day counts toward the program when a participant attends at least this long.", PROGRAM,
            minimum=0.5, maximum=12, unit="hours"),
    Setting("high_weekly_hours", Kind.NUMBER, 20.0, "Weekly hours flagged as high",
            "Weeks at or above this are flagged (partial hospitalization is usually 20 or more).", PROGRAM,
            minimum=0.5, maximum=60, unit="hours"),
    Setting("capacity_warning", Kind.INTEGER, 12, "Group size warning",
            "Warn when a group has more members than this.", PROGRAM, minimum=2, maximum=40, unit="people"),
    Setting("note_format", Kind.CHOICE, "DAP", "Progress note format",
            "The format of individual notes, unless a group chooses its own.", NOTES,
            choices=("DAP", "BIRP", "GIRP", "PIRP", "SOAP")),
    Setting("note_deadline_business_days", Kind.INTEGER, 3, "Note deadline",
            "Notes are due this many business days after the meeting; later drafts are overdue.", NOTES,
            minimum=1, maximum=30, unit="business days"),
    Setting("idle_lock_minutes", Kind.INTEGER, 5, "Screen lock after",
            "Lock the screen after this many minutes without keyboard or mouse.", SECURITY,
            minimum=1, maximum=60, unit="minutes"),
    Setting("sign_in_attempts", Kind.INTEGER, 5, "Wrong passwords before a lockout",
            "After this many wrong passwords in a row the account is locked for a while.", SECURITY,
            minimum=3, maximum=20, unit="tries"),
    Setting("sign_in_lockout_minutes", Kind.INTEGER, 5, "Lockout after wrong passwords",
            "How long an account stays locked after too many wrong passwords.", SECURITY,
            minimum=1, maximum=120, unit="minutes"),
    Setting("runner_wrap_up_percent", Kind.NUMBER, 20.0, "Wrap-up warning at",
            "The timer turns to wrap-up when this share of an item's time is left.", RUNNER,
            minimum=5, maximum=50, unit="%"),
    Setting("runner_wrap_up_max_minutes", Kind.NUMBER, 2.0, "Wrap-up warning at most",
            "The wrap-up warning never comes earlier than this before an item ends.", RUNNER,
            minimum=1, maximum=15, unit="minutes"),
    Setting("runner_minimum_item_minutes", Kind.NUMBER, 2.0, "Shortest item",
            "Finishing on time never shrinks an item below this.", RUNNER, minimum=1, maximum=15, unit="minutes"),
    # Measurement-based care: when PHQ-9 and GAD-7 fall due (core.measures.Schedule).
    Setting("measure_schedule", Kind.CHOICE, "every 2 weeks", "PHQ-9 and GAD-7 schedule",
            "When the questionnaires fall due: at admission and every 2 or 4 weeks, at admission only, "
            "or only when a counselor chooses to give them.", PROGRAM,
            choices=("every 2 weeks", "every 4 weeks", "admission only", "at will")),
    # Levels of care and completion: the weekly target of each level besides IOP, and the
    # criteria for stepping down or completing (0 = not required).
    Setting("outpatient_weekly_hours", Kind.NUMBER, 1.5, "Weekly hours target in outpatient care",
            "The weekly target while a participant is at the outpatient level (IOP uses the targets above).",
            PROGRAM, minimum=0.5, maximum=40, unit="hours"),
    Setting("partial_hospitalization_weekly_hours", Kind.NUMBER, 20.0, "Weekly hours target in partial hospitalization",
            "The weekly target while a participant is at the partial hospitalization level.",
            PROGRAM, minimum=0.5, maximum=60, unit="hours"),
    Setting("completion_days_since_positive", Kind.INTEGER, 30, "Days without an unexpected positive screen",
            "To step down or complete: days since the last positive screen not explained by a prescribed "
            "medication. 0: not required.", PROGRAM, minimum=0, maximum=365, unit="days"),
    Setting("completion_coverage_percent", Kind.INTEGER, 80, "Curriculum coverage needed",
            "To step down or complete: the share of the track's sessions attended. 0: not required.",
            PROGRAM, minimum=0, maximum=100, unit="%"),
    Setting("completion_weeks_at_target", Kind.INTEGER, 8, "Weeks at the hour target",
            "To step down or complete: weeks at or above the weekly hour target (not necessarily in a row). "
            "0: not required.", PROGRAM, minimum=0, maximum=52, unit="weeks"),
    Setting("completion_phq9_below", Kind.INTEGER, 10, "Latest PHQ-9 below",
            "To step down or complete: the latest PHQ-9 total under this (10 is the moderate band). "
            "0: not required.", PROGRAM, minimum=0, maximum=27, unit="points"),
    Setting("completion_gad7_below", Kind.INTEGER, 10, "Latest GAD-7 below",
            "To step down or complete: the latest GAD-7 total under this (10 is the moderate band). "
            "0: not required.", PROGRAM, minimum=0, maximum=21, unit="points"),
    # Services to bill: each group type's service code, and which codes are billed per diem.
    Setting("billing_code_psychoeducation", Kind.TEXT, "H0015", "Code for psychoeducation groups",
            "The service code a meeting of this type is billed under; none: not billed.", BILLING, max_length=20),
    Setting("billing_code_skills", Kind.TEXT, "H0015", "Code for skills groups",
            "The service code a meeting of this type is billed under; none: not billed.", BILLING, max_length=20),
    Setting("billing_code_support", Kind.TEXT, "H0015", "Code for support groups",
            "The service code a meeting of this type is billed under; none: not billed.", BILLING, max_length=20),
    Setting("billing_code_single_interest", Kind.TEXT, "90853", "Code for single-interest groups",
            "The service code a meeting of this type is billed under (90853: group psychotherapy; none: not billed).", BILLING,
            max_length=20),
    Setting("billing_code_family", Kind.TEXT, "90849", "Code for family groups",
            "The service code a meeting of this type is billed under (90849: multiple-family group; none: not billed).", BILLING,
            max_length=20),
    Setting("billing_per_diem_codes", Kind.TEXT, "H0015", "Per-diem codes",
            "Codes billed once a day when the day's signed, attended time reaches the minimum (comma-separated).",
            BILLING, max_length=60),
    Setting("billing_per_diem_minimum_hours", Kind.NUMBER, 3.0, "Per-diem minimum",
            "A day is billed per diem when a participant attends at least this long with signed notes.", BILLING,
            minimum=0.5, maximum=12, unit="hours"),
)

SETTINGS: Mapping[str, Setting] = {s.key: s for s in _SETTINGS}
SECTIONS: tuple[str, ...] = (CLINIC, PROGRAM, NOTES, SECURITY, RUNNER, BILLING)


def setting(key: str) -> Setting:
    try:
        return SETTINGS[key]
    except KeyError:
        raise KeyError(f"{key!r} is not a clinic setting; declare it in facilitator/core/clinic_settings.py") from None


def parse(key: str, raw: str | None) -> Any:
    return setting(key).parse(raw)


def normalize(key: str, value: object) -> str:
    """What to store for a typed value, or a ``ValidationError`` with a sentence."""
    return setting(key).to_text(value)


def defaults() -> dict[str, Any]:
    return {s.key: s.default for s in _SETTINGS}
