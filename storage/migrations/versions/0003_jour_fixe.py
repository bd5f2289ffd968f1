"""Jour Fixe booking: availability, series, meetings, calendar cells, history.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)


def _person(name: str, ondelete: str = "CASCADE", nullable: bool = False) -> sa.Column:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey("people.id", ondelete=ondelete), nullable=nullable
    )


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("slot_minutes", sa.Integer, nullable=False, server_default="45"))
    op.create_table(
        "availability",
        sa.Column("id", sa.Integer, primary_key=True),
        _person("buddy_id"),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("weekday", sa.Integer),
        sa.Column("day", sa.Date),
        sa.Column("day_until", sa.Date),
        sa.Column("start_time", sa.Time),
        sa.Column("end_time", sa.Time),
        sa.CheckConstraint("kind in ('weekly', 'once', 'off')", name="ck_availability_kind"),
    )
    op.create_index("ix_availability_buddy_id", "availability", ["buddy_id"])
    op.create_table(
        "series",
        sa.Column("id", sa.Integer, primary_key=True),
        _person("expert_id"),
        _person("buddy_id"),
        sa.Column("interval_weeks", sa.Integer, nullable=False),
        sa.Column("created_at", UTC_TS, nullable=False),
    )
    op.create_index("ix_series_expert_id", "series", ["expert_id"])
    op.create_index("ix_series_buddy_id", "series", ["buddy_id"])
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(80), nullable=False, unique=True),
        _person("expert_id"),
        _person("buddy_id"),
        sa.Column("series_id", sa.Integer, sa.ForeignKey("series.id", ondelete="SET NULL")),
        sa.Column("starts_at", UTC_TS, nullable=False),
        sa.Column("ends_at", UTC_TS, nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("requested_at", UTC_TS, nullable=False),
        sa.Column("decided_at", UTC_TS),
        sa.Column("proposed_start", UTC_TS),
        sa.Column("version", sa.Integer, nullable=False),
    )
    for column in ("expert_id", "buddy_id", "starts_at", "state"):
        op.create_index(f"ix_meetings_{column}", "meetings", [column])
    op.create_table(
        "meeting_cells",
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("cell", UTC_TS, primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer,
            sa.ForeignKey("meetings.id", ondelete="CASCADE"),
            nullable=False,
        ),
    )
    op.create_index("ix_meeting_cells_meeting_id", "meeting_cells", ["meeting_id"])
    op.create_table(
        "meeting_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "meeting_id",
            sa.Integer,
            sa.ForeignKey("meetings.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("at", UTC_TS, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        _person("by_person_id", "SET NULL", nullable=True),
        sa.Column("old_start", UTC_TS),
        sa.Column("new_start", UTC_TS),
    )
    op.create_index("ix_meeting_events_meeting_id", "meeting_events", ["meeting_id"])


def downgrade() -> None:
    for table in ("meeting_events", "meeting_cells", "meetings", "series", "availability"):
        op.drop_table(table)
    with op.batch_alter_table("people") as batch:
        batch.drop_column("slot_minutes")
