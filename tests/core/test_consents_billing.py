"""Consents' required elements, when a letter may go out, the services to bill, and their rules by role."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest

from facilitator.core import clinic_settings as cs
from facilitator.core import permissions as perm
from facilitator.core.billing import (
    AttendedSession,
    BillingRules,
    ServicesExport,
    build_services,
    services_csv,
    short_csv,
)
from facilitator.core.consents import (
    ConsentDraft,
    ConsentView,
    Information,
    LetterFacts,
    LetterKind,
    RecipientKind,
    completion_problem,
    consent_problems,
    letter_paragraphs,
    letter_refusal,
)
from facilitator.core.permissions import NotSignedIn, PermissionDenied, Principal, UserRole

TODAY = date(2026, 11, 10)
COMPLETE = ConsentDraft("Riverside Recovery", "Cook County Drug Court", RecipientKind.COURT,
                        frozenset({Information.ATTENDANCE}), "Court monitoring", None, "the end of probation",
                        date(2026, 11, 9), True)


def test_a_complete_consent_has_no_problems() -> None:
    assert consent_problems(COMPLETE, TODAY) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"discloser": " "}, "who discloses"),
        ({"recipient_name": ""}, "to whom"),
        ({"recipient_kind": None}, "kind of recipient"),
        ({"information": frozenset()}, "what information"),
        ({"purpose": ""}, "why"),
        ({"expires_on": None, "expiry_event": " "}, "until when"),
        ({"signed_on": None}, "date the participant signed"),
        ({"signed_on": date(2026, 11, 11)}, "later than today"),
        ({"expires_on": date(2026, 11, 1)}, "end before"),
        ({"right_to_revoke": False}, "right to revoke"),
        ({"purpose": "x" * 501}, "at most 500"),
    ],
)
def test_each_missing_element_is_one_sentence(change: dict[str, object], words: str) -> None:
    from dataclasses import replace

    problems = consent_problems(replace(COMPLETE, **change), TODAY)  # type: ignore[arg-type]
    assert len(problems) == 1 and words in problems[0]
    assert problems[0][0].isupper() and problems[0].endswith(".")


def view(**changes: object) -> ConsentView:
    values: dict[str, object] = dict(
        id=3, participant_id=1, discloser="Riverside", recipient_name="Cook County Drug Court",
        recipient_kind=RecipientKind.COURT, information=frozenset({Information.ATTENDANCE}), purpose="Monitoring",
        expires_on=date(2026, 12, 31), expiry_event="", signed_on=date(2026, 11, 1),
        recorded_at=datetime(2026, 11, 1, tzinfo=UTC), recorded_by="Ana Ruiz",
    )
    values.update(changes)
    return ConsentView(**values)  # type: ignore[arg-type]


def test_when_a_letter_may_go_out() -> None:
    ok = view()
    assert letter_refusal(ok, LetterKind.ATTENDANCE, "cook county drug court ", TODAY) is None
    assert "no recorded consent" in (letter_refusal(None, LetterKind.ATTENDANCE, "x", TODAY) or "")
    assert "does not cover completion" in (letter_refusal(ok, LetterKind.COMPLETION, ok.recipient_name, TODAY) or "")
    assert "only" in (letter_refusal(ok, LetterKind.ATTENDANCE, "Acme", TODAY) or "")
    assert "expired on 2026-12-31" in (letter_refusal(ok, LetterKind.ATTENDANCE, ok.recipient_name,
                                                      date(2027, 1, 1)) or "")
    revoked = view(revoked_on=date(2026, 11, 5))
    assert "revoked" in (letter_refusal(revoked, LetterKind.ATTENDANCE, ok.recipient_name, TODAY) or "")
    assert revoked.state(TODAY) == "Revoked" and ok.state(TODAY) == "In force"
    assert ok.state(date(2027, 1, 1)) == "Expired"


def test_a_letter_says_only_what_the_record_says() -> None:
    facts = LetterFacts("Sam Ortiz", "R-1", None, date(2026, 9, 1), date(2026, 11, 1), date(2026, 11, 10), (), 2,
                        "active")
    assert "completion letter cannot be written" in (completion_problem(facts) or "")
    text = " ".join(letter_paragraphs(LetterKind.ATTENDANCE, facts))
    assert "attended 0 of 2 group meetings recorded, 0 h 00 in all" in text
    assert "completed" not in text


def session(record: str, minutes: int, group_type: str = "skills", status: str | None = "signed",
            note_id: int | None = 1, meeting: int = 1, **kw: object) -> AttendedSession:
    return AttendedSession(date(2026, 11, 2), 1, record, meeting, "Evening skills", group_type, minutes, note_id,
                           status, rendering="Kim Osei, LPC", **kw)  # type: ignore[arg-type]


def test_per_diem_needs_the_minimum_with_signed_notes() -> None:
    rules = BillingRules.defaults()
    services, short = build_services([
        session("A", 180),
        session("B", 120, note_id=2), session("B", 60, status="draft", note_id=3, meeting=2),
        session("C", 179),
        session("D", 0, status=None, note_id=None),  # absent: neither billed nor missing
        session("E", 90, "family", status="awaiting_cosign"),
        session("F", 90, "single_interest", note_in_error=True),
        session("G", 90, "family"),
    ], rules)
    assert [(s.record_number, s.code, s.units, s.minutes) for s in services] == [("A", "H0015", 1, 180),
                                                                                  ("G", "90849", 1, 90)]
    reasons = {s.record_number: s.reason for s in short}
    assert set(reasons) == {"B", "C", "E", "F"}
    assert "only 2 h 00 with a signed note" in reasons["B"] and "not signed" in reasons["B"]
    assert reasons["C"] == "Under the per-diem minimum: 2 h 59 attended of 3 h 00."
    assert reasons["E"] == "The progress note awaits co-signature."
    assert reasons["F"] == "The progress note was marked entered in error."
    # The printed summary says each reason in its own language; the CSV keeps the English.
    by_record = {s.record_number: s for s in short}
    assert all(s.reason_in("en") == s.reason for s in short)
    assert by_record["C"].reason_in("es") == "Por debajo del mínimo de la tarifa diaria: 2 h 59 de asistencia de 3 h 00."
    assert by_record["E"].reason_in("es") == "La nota de progreso espera la cofirma."
    assert by_record["B"].reason_in("es") == (
        "3 h 00 de asistencia, pero solo 2 h 00 con nota firmada (el mínimo de la tarifa diaria es 3 h 00) — "
        "Evening skills: la nota de progreso no está firmada."
    )


def test_the_csv_defuses_formulas_and_closes_with_the_notice() -> None:
    services, short = build_services([session("=HYPERLINK(\"http://x\")", 180),
                                      session("+1", 60, note_id=None, status=None)], BillingRules.defaults())
    export = ServicesExport("Clinic", date(2026, 11, 1), date(2026, 11, 30), tuple(services), tuple(short),
                            datetime(2026, 12, 1, tzinfo=UTC), "Sam", BillingRules.defaults())
    table = list(csv.reader(io.StringIO(services_csv(export))))
    assert table[1][1] == "'=HYPERLINK(\"http://x\")"
    assert table[-1][0].startswith("# 42 CFR part 2")
    assert list(csv.reader(io.StringIO(short_csv(export))))[1][1] == "'+1"


def test_the_rules_come_from_the_declared_settings() -> None:
    defaults = BillingRules.from_settings(lambda key: cs.setting(key).default)
    assert defaults == BillingRules.defaults()
    assert defaults.codes == {"psychoeducation": "H0015", "skills": "H0015", "support": "H0015",
                              "single_interest": "90853", "family": "90849"}
    stored = {"billing_code_family": "none", "billing_per_diem_codes": "h0015, h2036",
              "billing_per_diem_minimum_hours": "2"}
    rules = BillingRules.from_settings(lambda key: cs.parse(key, stored.get(key)))
    assert rules.code_for("family") == "" and rules.per_diem_codes == {"H0015", "H2036"}
    assert rules.per_diem_minimum_minutes == 120


LEAD = Principal(10, "fay", "Fay Lead", UserRole.FACILITATOR, staff_id=1)
OTHER = Principal(11, "otto", "Otto Other", UserRole.FACILITATOR, staff_id=2)
UNLINKED = Principal(12, "new", "New Hire", UserRole.FACILITATOR)
SUPER = Principal(20, "sam", "Sam Super", UserRole.SUPERVISOR)
ADMIN = Principal(30, "avery", "Avery Admin", UserRole.ADMINISTRATOR)
ALL = [LEAD, OTHER, UNLINKED, SUPER, ADMIN]


@pytest.mark.parametrize(
    ("rule", "require", "args", "expected"),
    [
        (perm.can_record_consent, perm.require_record_consent, ([[1]],), {"fay", "sam", "avery"}),
        (perm.can_write_letter, perm.require_write_letter, ([[1], [9]],), {"fay", "sam", "avery"}),
        (perm.can_export_services, perm.require_export_services, (), {"fay", "otto", "sam", "avery"}),
    ],
)
def test_consent_letter_and_export_rules_by_role(rule, require, args, expected) -> None:  # type: ignore[no-untyped-def]
    assert {p.username for p in ALL if rule(p, *args)} == expected
    with pytest.raises(NotSignedIn):
        require(None, *args)
    for p in ALL:
        if p.username in expected:
            assert require(p, *args) is p
        else:
            with pytest.raises(PermissionDenied) as info:
                require(p, *args)
            assert str(info.value).endswith(".")
