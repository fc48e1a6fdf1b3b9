"""Consents to disclose and the disclosures made under them; both kept as records.

Revision ID: 0011
Revises: 0008

A consent (42 CFR 2.31) holds who discloses, to whom, what, why, until when or what event,
the participant's signature date and the right to revoke. Once recorded it cannot change or
be deleted; only its revocation (the day the participant revoked it, when and by whom that
was recorded) may be added, once. A disclosure (a letter that went out) is append-only.
Triggers refuse anything else, whatever program writes. SQLite and PostgreSQL each get their
own trigger text. No existing row changes.
"""

import sqlalchemy as sa
from alembic import op

from facilitator.store.models.base import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

RECORDED = (
    "id", "participant_id", "discloser", "recipient_name", "recipient_kind", "information", "purpose",
    "expires_on", "expiry_event", "signed_on", "right_to_revoke", "recorded_at", "recorded_by_id",
    "recorded_by_name",
)
REVOCATION = ("revoked_on", "revoked_at", "revoked_by_id", "revoked_by_name")
CONSENT_MESSAGE = "a recorded consent cannot be changed; only its revocation may be added, once"
DISCLOSURE_MESSAGE = "a disclosure is a record and cannot be changed or deleted"


def _changed(columns: tuple[str, ...], op_: str) -> str:
    return " OR ".join(f"NEW.{c} {op_} OLD.{c}" for c in columns)


def _refused(op_: str) -> str:
    """An update that changes a recorded element, or a revocation already there, or half a revocation."""
    return (
        f"({_changed(RECORDED, op_)}) OR (OLD.revoked_at IS NOT NULL AND ({_changed(REVOCATION, op_)})) "
        "OR (NEW.revoked_at IS NOT NULL AND NEW.revoked_on IS NULL)"
    )


SQLITE = [
    f"""CREATE TRIGGER consent_locked BEFORE UPDATE ON consent
    WHEN {_refused('IS NOT')}
    BEGIN SELECT RAISE(ABORT, '{CONSENT_MESSAGE}'); END""",
    f"""CREATE TRIGGER consent_no_delete BEFORE DELETE ON consent
    BEGIN SELECT RAISE(ABORT, '{CONSENT_MESSAGE}'); END""",
    f"""CREATE TRIGGER disclosure_no_update BEFORE UPDATE ON disclosure
    BEGIN SELECT RAISE(ABORT, '{DISCLOSURE_MESSAGE}'); END""",
    f"""CREATE TRIGGER disclosure_no_delete BEFORE DELETE ON disclosure
    BEGIN SELECT RAISE(ABORT, '{DISCLOSURE_MESSAGE}'); END""",
]
SQLITE_TRIGGERS = ("consent_locked", "consent_no_delete", "disclosure_no_update", "disclosure_no_delete")

POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION consent_guard() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '{CONSENT_MESSAGE}';
      END IF;
      IF {_refused('IS DISTINCT FROM')} THEN
        RAISE EXCEPTION '{CONSENT_MESSAGE}';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER consent_guard BEFORE UPDATE OR DELETE ON consent
    FOR EACH ROW EXECUTE FUNCTION consent_guard()""",
    f"""CREATE OR REPLACE FUNCTION disclosure_guard() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION '{DISCLOSURE_MESSAGE}';
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER disclosure_guard BEFORE UPDATE OR DELETE ON disclosure
    FOR EACH ROW EXECUTE FUNCTION disclosure_guard()""",
    """CREATE TRIGGER consents_no_truncate BEFORE TRUNCATE ON consent
    FOR EACH STATEMENT EXECUTE FUNCTION consent_guard()""",
    """CREATE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON disclosure
    FOR EACH STATEMENT EXECUTE FUNCTION disclosure_guard()""",
]
POSTGRES_TRIGGERS = ("consent_guard", "disclosure_guard", "consents_no_truncate", "disclosures_no_truncate")


def upgrade() -> None:
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("discloser", sa.String(200), nullable=False),
        sa.Column("recipient_name", sa.String(200), nullable=False),
        sa.Column("recipient_kind", sa.String(20), nullable=False),
        sa.Column("information", sa.String(60), nullable=False),
        sa.Column("purpose", sa.String(500), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("expiry_event", sa.String(300), nullable=False, server_default=""),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("right_to_revoke", sa.Boolean(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("recorded_by_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("revoked_by_name", sa.String(200), nullable=False, server_default=""),
    )
    op.create_index("ix_consent_participant_id", "consent", ["participant_id"])
    op.create_table(
        "disclosure",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("consent_id", sa.Integer(), sa.ForeignKey("consent.id"), nullable=False),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("letter_kind", sa.String(20), nullable=False),
        sa.Column("recipient_name", sa.String(200), nullable=False),
        sa.Column("period_first", sa.Date(), nullable=False),
        sa.Column("period_last", sa.Date(), nullable=False),
        sa.Column("made_at", UTCDateTime(), nullable=False),
        sa.Column("made_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("made_by_name", sa.String(200), nullable=False, server_default=""),
    )
    op.create_index("ix_disclosure_consent_id", "disclosure", ["consent_id"])
    op.create_index("ix_disclosure_participant_id", "disclosure", ["participant_id"])
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRES}.get(dialect, []):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TABLE IF EXISTS disclosure CASCADE")
        op.execute("DROP TABLE IF EXISTS consent CASCADE")
        op.execute("DROP FUNCTION IF EXISTS disclosure_guard()")
        op.execute("DROP FUNCTION IF EXISTS consent_guard()")
        return
    op.drop_table("disclosure")
    op.drop_table("consent")
