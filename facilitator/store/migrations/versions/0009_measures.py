"""Schema version 9: measures (check-in ratings, PHQ-9/GAD-7, drug screens, mutual help) and safety flags.

Revision ID: 0009
Revises: 0008

Measures are locked once recorded, in the database as signed notes are: triggers refuse any
change to a recorded row except a first "entered in error" mark (who, when, why), which is
then final, and refuse every delete. A screen's per-substance results are append-only. A
safety flag keeps what raised it; its acknowledgement and its resolution are each set once.
Text lengths, dates (1900-2100), ratings and scores are CHECK constraints on the new tables,
on SQLite and PostgreSQL alike. No existing row changes.
"""

import sqlalchemy as sa
from alembic import op

from facilitator.core.limits import EARLIEST_DATE, LATEST_DATE
from facilitator.store.models.base import UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

ERROR = ("error_at", "error_by_id", "error_reason")
RECORDED: dict[str, tuple[str, ...]] = {
    "check_in": ("id", "participant_id", "meeting_id", "taken_on", "ratings", "mood", "recorded_at", "recorded_by_id"),
    "questionnaire": (
        "id", "participant_id", "instrument", "taken_on", "answers", "total", "severity", "difficulty", "mode",
        "meeting_id", "recorded_at", "recorded_by_id",
    ),
    "drug_screen": (
        "id", "participant_id", "collected_on", "specimen", "observed", "panel", "expected", "source",
        "lab_reference", "recorded_at", "recorded_by_id",
    ),
    "mutual_help": ("id", "participant_id", "week_of", "meetings", "kind", "recorded_at", "recorded_by_id"),
}
FLAG_RAISED = ("id", "participant_id", "questionnaire_id", "raised_on", "raised_at", "raised_by_id")
FLAG_ACK = ("acknowledged_at", "acknowledged_by_id", "acknowledgement")
FLAG_RESOLVED = ("resolved_at", "resolved_by_id", "resolution")
RESULT_COLUMNS = ("id", "screen_id", "substance", "result")

LOCKED = "a recorded measure cannot be changed; mark it entered in error and record it again"
NO_DELETE = "a recorded measure cannot be deleted; mark it entered in error"


def _changed(columns: tuple[str, ...], op_: str) -> str:
    return " OR ".join(f"NEW.{c} {op_} OLD.{c}" for c in columns)


def _day(column: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(
        f"{column} BETWEEN '{EARLIEST_DATE.isoformat()}' AND '{LATEST_DATE.isoformat()}'",
        name=f"ck_{column}_range",
    )


def _recorded_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("error_at", UTCDateTime(), nullable=True),
        sa.Column("error_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("error_reason", sa.String(500), nullable=False, server_default=""),
    ]


def _length(column: str, most: int) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"length({column}) <= {most}", name=f"ck_{column}_length")


def _sqlite_triggers() -> list[str]:
    out = []
    changed = lambda cols: _changed(cols, "IS NOT")  # noqa: E731
    for table, frozen in RECORDED.items():
        out += [
            f"""CREATE TRIGGER {table}_locked BEFORE UPDATE ON {table}
            WHEN ({changed(frozen)}) OR (OLD.error_at IS NOT NULL AND ({changed(ERROR)}))
              OR (NEW.error_at IS NULL AND ({changed(ERROR)}))
            BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END""",
            f"""CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{NO_DELETE}'); END""",
        ]
    out += [
        """CREATE TRIGGER drug_screen_result_locked BEFORE UPDATE ON drug_screen_result
        BEGIN SELECT RAISE(ABORT, 'a screen result cannot be changed; mark the screen entered in error'); END""",
        """CREATE TRIGGER drug_screen_result_no_delete BEFORE DELETE ON drug_screen_result
        BEGIN SELECT RAISE(ABORT, 'a screen result cannot be deleted'); END""",
        f"""CREATE TRIGGER safety_flag_locked BEFORE UPDATE ON safety_flag
        WHEN ({changed(FLAG_RAISED)})
          OR (OLD.acknowledged_at IS NOT NULL AND ({changed(FLAG_ACK)}))
          OR (OLD.resolved_at IS NOT NULL AND ({changed(FLAG_RESOLVED)}))
        BEGIN SELECT RAISE(ABORT, 'a safety flag keeps what raised it, and who acknowledged and resolved it'); END""",
        """CREATE TRIGGER safety_flag_no_delete BEFORE DELETE ON safety_flag
        BEGIN SELECT RAISE(ABORT, 'a safety flag cannot be deleted; resolve it'); END""",
    ]
    return out


def _postgres_triggers() -> list[str]:
    out = []
    changed = lambda cols: _changed(cols, "IS DISTINCT FROM")  # noqa: E731
    for table, frozen in RECORDED.items():
        out += [
            f"""CREATE OR REPLACE FUNCTION {table}_guard() RETURNS trigger AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION '{NO_DELETE}';
              END IF;
              IF ({changed(frozen)}) OR (OLD.error_at IS NOT NULL AND ({changed(ERROR)}))
                 OR (NEW.error_at IS NULL AND ({changed(ERROR)})) THEN
                RAISE EXCEPTION '{LOCKED}';
              END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql""",
            f"""CREATE TRIGGER {table}_guard BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {table}_guard()""",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION measure_append_only()""",
        ]
    out.insert(
        0,
        """CREATE OR REPLACE FUNCTION measure_append_only() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION 'a recorded measure cannot be changed or deleted';
        END $$ LANGUAGE plpgsql""",
    )
    out += [
        """CREATE TRIGGER drug_screen_result_guard BEFORE UPDATE OR DELETE ON drug_screen_result
        FOR EACH ROW EXECUTE FUNCTION measure_append_only()""",
        """CREATE TRIGGER drug_screen_result_no_truncate BEFORE TRUNCATE ON drug_screen_result
        FOR EACH STATEMENT EXECUTE FUNCTION measure_append_only()""",
        f"""CREATE OR REPLACE FUNCTION safety_flag_guard() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'a safety flag cannot be deleted; resolve it';
          END IF;
          IF ({changed(FLAG_RAISED)})
             OR (OLD.acknowledged_at IS NOT NULL AND ({changed(FLAG_ACK)}))
             OR (OLD.resolved_at IS NOT NULL AND ({changed(FLAG_RESOLVED)})) THEN
            RAISE EXCEPTION 'a safety flag keeps what raised it, and who acknowledged and resolved it';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql""",
        """CREATE TRIGGER safety_flag_guard BEFORE UPDATE OR DELETE ON safety_flag
        FOR EACH ROW EXECUTE FUNCTION safety_flag_guard()""",
        """CREATE TRIGGER safety_flag_no_truncate BEFORE TRUNCATE ON safety_flag
        FOR EACH STATEMENT EXECUTE FUNCTION measure_append_only()""",
    ]
    return out


ACTIVE = sa.text("error_at IS NULL")


def upgrade() -> None:
    op.create_table(
        "check_in",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("ratings", sa.String(200), nullable=False, server_default="{}"),
        sa.Column("mood", sa.String(20), nullable=False, server_default=""),
        *_recorded_columns(),
        _day("taken_on"),
        _length("ratings", 200),
        _length("mood", 20),
        _length("error_reason", 500),
    )
    op.create_index(
        "uq_check_in_active", "check_in", ["meeting_id", "participant_id"], unique=True,
        sqlite_where=ACTIVE, postgresql_where=ACTIVE,
    )
    op.create_index("ix_check_in_participant", "check_in", ["participant_id", "taken_on"])
    op.create_table(
        "questionnaire",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("instrument", sa.String(10), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("answers", sa.String(12), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("severity", sa.String(30), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=True),
        sa.Column("mode", sa.String(10), nullable=False, server_default="in app"),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id"), nullable=True),
        *_recorded_columns(),
        _day("taken_on"),
        sa.CheckConstraint("instrument IN ('PHQ-9', 'GAD-7')", name="ck_questionnaire_instrument"),
        sa.CheckConstraint("total BETWEEN 0 AND 27", name="ck_questionnaire_total"),
        sa.CheckConstraint("difficulty IS NULL OR difficulty BETWEEN 0 AND 3", name="ck_questionnaire_difficulty"),
        sa.CheckConstraint("mode IN ('in app', 'paper')", name="ck_questionnaire_mode"),
        _length("severity", 30),
        _length("error_reason", 500),
    )
    op.create_index("ix_questionnaire_participant", "questionnaire", ["participant_id", "instrument", "taken_on"])
    op.create_table(
        "drug_screen",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("collected_on", sa.Date(), nullable=False),
        sa.Column("specimen", sa.String(12), nullable=False),
        sa.Column("observed", sa.Boolean(), nullable=False),
        sa.Column("panel", sa.String(40), nullable=False, server_default=""),
        sa.Column("expected", sa.String(200), nullable=False, server_default=""),
        sa.Column("source", sa.String(12), nullable=False, server_default="clinic"),
        sa.Column("lab_reference", sa.String(60), nullable=False, server_default=""),
        *_recorded_columns(),
        _day("collected_on"),
        sa.CheckConstraint("specimen IN ('urine', 'oral fluid')", name="ck_drug_screen_specimen"),
        sa.CheckConstraint("source IN ('clinic', 'laboratory')", name="ck_drug_screen_source"),
        _length("panel", 40),
        _length("expected", 200),
        _length("lab_reference", 60),
        _length("error_reason", 500),
    )
    op.create_index("ix_drug_screen_participant", "drug_screen", ["participant_id", "collected_on"])
    op.create_table(
        "drug_screen_result",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("screen_id", sa.Integer(), sa.ForeignKey("drug_screen.id"), nullable=False),
        sa.Column("substance", sa.String(20), nullable=False),
        sa.Column("result", sa.String(12), nullable=False),
        sa.UniqueConstraint("screen_id", "substance", name="uq_drug_screen_result"),
        sa.CheckConstraint(
            "result IN ('negative', 'positive', 'invalid', 'not tested')", name="ck_drug_screen_result_result"
        ),
        _length("substance", 20),
    )
    op.create_table(
        "mutual_help",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("week_of", sa.Date(), nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        *_recorded_columns(),
        _day("week_of"),
        sa.CheckConstraint("meetings BETWEEN 0 AND 50", name="ck_mutual_help_meetings"),
        sa.CheckConstraint("kind IN ('12-step', 'other')", name="ck_mutual_help_kind"),
        _length("error_reason", 500),
    )
    op.create_index(
        "uq_mutual_help_active", "mutual_help", ["participant_id", "week_of", "kind"], unique=True,
        sqlite_where=ACTIVE, postgresql_where=ACTIVE,
    )
    op.create_table(
        "safety_flag",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("participant_id", sa.Integer(), sa.ForeignKey("participant.id"), nullable=False),
        sa.Column("questionnaire_id", sa.Integer(), sa.ForeignKey("questionnaire.id"), nullable=True),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("raised_at", UTCDateTime(), nullable=False),
        sa.Column("raised_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("acknowledged_at", UTCDateTime(), nullable=True),
        sa.Column("acknowledged_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("acknowledgement", sa.String(1000), nullable=False, server_default=""),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), sa.ForeignKey("user_account.id"), nullable=True),
        sa.Column("resolution", sa.String(1000), nullable=False, server_default=""),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        _day("raised_on"),
        _length("acknowledgement", 1000),
        _length("resolution", 1000),
    )
    op.create_index("ix_safety_flag_participant", "safety_flag", ["participant_id", "resolved_at"])
    dialect = op.get_bind().dialect.name
    statements = {"sqlite": _sqlite_triggers, "postgresql": _postgres_triggers}.get(dialect)
    for statement in statements() if statements else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    tables = ("safety_flag", "mutual_help", "drug_screen_result", "drug_screen", "questionnaire", "check_in")
    if dialect == "postgresql":
        for table in tables:
            op.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        for fn in (*(f"{t}_guard" for t in RECORDED), "safety_flag_guard", "measure_append_only"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}() CASCADE")
        return
    for table in tables:
        op.drop_table(table)
