"""The demo clinic's consent to disclose and the court letter written under it. Nobody in it is real.

Anton (D-1027) came to the evening program under a drug court's order and completed it; he
signed a consent for the court to receive his attendance and his completion, and the clinic
sent the court a completion letter. Both go through the consents service, so the consent is
checked and locked like any other and the letter is on the audit trail as a disclosure.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..core.clock import FakeClock
from ..core.consents import ConsentDraft, Information, LetterKind, RecipientKind
from .access import SETUP
from .audit import AuditLog
from .consents import ConsentService
from .models import Participant
from .unit_of_work import Work

log = logging.getLogger(__name__)

COURT_ORDERED = "D-1027"
COURT = "Riverside County Drug Court, Judge M. Alvarez"
DEMO_CLINIC = "Riverside Recovery Center (demo)"


def fill_demo_consents(engine: Engine, now: datetime) -> dict[str, int]:
    """A consent and a court letter for the court-ordered demo participant; nothing if they are not there."""
    table = Participant.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        person = conn.execute(sa.select(table).where(table.c.record_number == COURT_ORDERED)).first()
        clinic = conn.execute(sa.text("SELECT value FROM clinic_setting WHERE key = 'clinic_name'")).scalar()
    if person is None:
        return {}
    clock = FakeClock(now)
    work = Work(engine, AuditLog(engine, clock), clock)  # type: ignore[arg-type]
    service = ConsentService(work, SETUP)
    today = service.today()
    signed = min(person.program_start + timedelta(days=1), today)
    consent = service.record(
        person.id,
        ConsentDraft(
            discloser=clinic or DEMO_CLINIC,
            recipient_name=COURT,
            recipient_kind=RecipientKind.COURT,
            information=frozenset({Information.ATTENDANCE, Information.COMPLETION}),
            purpose="To report attendance and program completion to the drug court that ordered treatment",
            expires_on=signed + timedelta(days=365),
            expiry_event="the end of the court's supervision",
            signed_on=signed,
            right_to_revoke=True,
        ),
    )
    letters = 0
    kind = LetterKind.COMPLETION if person.status == "completed" else LetterKind.ATTENDANCE
    try:
        service.write_letter(consent.id, kind, person.program_start, None, signer="Priya Raman, CADC")
        letters = 1
    except Exception:  # the demo opens without the letter rather than not at all
        log.exception("Could not write the demo court letter")
    return {"consents": 1, "letters": letters}
