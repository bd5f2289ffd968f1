"""Calendars people already use: a series is one repeating calendar event (its own
UID; each meeting keeps the start it had in the series, the RECURRENCE-ID of a
moved one), the pair's meeting place (a video link or an address), and a private
calendar feed per person (only a hash of its secret is stored).

Revision ID: 0019
Revises: 0013
Create Date: 2026-11-26
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN, no batch: on SQLite a batch would copy and drop
    # these tables, and with foreign keys on, dropping `series` sets every meeting's
    # series_id to NULL (and dropping `meetings` deletes their history)
    op.add_column("series", sa.Column("uid", sa.String(80), nullable=True))
    op.add_column("meetings", sa.Column("occurrence_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("pairs", sa.Column("place", sa.Text(), nullable=True))
    op.create_table(
        "calendar_feeds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("secret_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    bind = op.get_bind()
    series = sa.table("series", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    for (sid,) in bind.execute(sa.select(series.c.id)).all():
        bind.execute(series.update().where(series.c.id == sid).values(uid=uuid.uuid4().hex))
    # a series meeting's place in its series: where it was requested (moves came later)
    bind.execute(
        sa.text(
            "UPDATE meetings SET occurrence_at = COALESCE("
            " (SELECT e.new_start FROM meeting_events e WHERE e.meeting_id = meetings.id"
            "  AND e.action = 'requested' ORDER BY e.id LIMIT 1), starts_at)"
            " WHERE series_id IS NOT NULL"
        )
    )
    op.create_index("ix_series_uid", "series", ["uid"], unique=True)


def downgrade() -> None:
    op.drop_table("calendar_feeds")
    op.drop_index("ix_series_uid", table_name="series")
    for table, column in (("pairs", "place"), ("meetings", "occurrence_at"), ("series", "uid")):
        op.drop_column(table, column)  # SQLite 3.35+ drops a column in place
