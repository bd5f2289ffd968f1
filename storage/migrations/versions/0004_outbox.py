"""Timeline milestones, subscriptions and the outbox.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(
            sa.Column("reminder_minutes", sa.String(64), nullable=False, server_default="1440,60")
        )
    with op.batch_alter_table("chat_identities") as batch:
        batch.add_column(sa.Column("unreachable_at", UTC_TS))
    with op.batch_alter_table("editions") as batch:
        batch.add_column(
            sa.Column("remind_time", sa.Time, nullable=False, server_default="09:00:00")
        )
        batch.add_column(sa.Column("loaded_at", UTC_TS))
    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "edition_id",
            sa.Integer,
            sa.ForeignKey("editions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("title_de", sa.String(200), nullable=False),
        sa.Column("title_en", sa.String(200), nullable=False),
        sa.Column("text_de", sa.Text, nullable=False),
        sa.Column("text_en", sa.Text, nullable=False),
        sa.Column("remind_days", sa.String(64), nullable=False),
        sa.UniqueConstraint("edition_id", "key", name="uq_milestone_key"),
    )
    op.create_index("ix_milestones_edition_id", "milestones", ["edition_id"])
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "edition_id",
            sa.Integer,
            sa.ForeignKey("editions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(255), nullable=False),
        sa.Column("chat_id", sa.String(255), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.Column("stopped_at", UTC_TS),
        sa.UniqueConstraint("edition_id", "platform", "user_id", name="uq_subscription"),
    )
    op.create_index("ix_subscriptions_edition_id", "subscriptions", ["edition_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("dedupe_key", sa.String(200), nullable=False, unique=True),
        sa.Column("ref", sa.String(255)),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("chat_id", sa.String(255), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("buttons", sa.Text),
        sa.Column("file_name", sa.String(200)),
        sa.Column("file_mime", sa.String(100)),
        sa.Column("file_data", sa.LargeBinary),
        sa.Column("due_at", UTC_TS, nullable=False),
        sa.Column("event_at", UTC_TS),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("claimed_by", sa.String(64)),
        sa.Column("claimed_until", UTC_TS),
        sa.Column("sent_at", UTC_TS),
        sa.Column("created_at", UTC_TS, nullable=False),
    )
    for column in ("ref", "due_at", "state"):
        op.create_index(f"ix_outbox_{column}", "outbox", [column])


def downgrade() -> None:
    for table in ("outbox", "subscriptions", "milestones"):
        op.drop_table(table)
    with op.batch_alter_table("editions") as batch:
        batch.drop_column("loaded_at")
        batch.drop_column("remind_time")
    with op.batch_alter_table("chat_identities") as batch:
        batch.drop_column("unreachable_at")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("reminder_minutes")
