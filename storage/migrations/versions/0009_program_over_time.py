"""The program over time: editions keep their source file (with precision, audience
and days without pushes), subscribers follow the program into the next edition,
and chats can ask to be told when the next call opens.

Revision ID: 0009
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("editions") as batch:
        batch.add_column(sa.Column("source", sa.Text(), nullable=True))
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(
            sa.Column("follow", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_table(
        "next_call_watches",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(255), nullable=False),
        sa.Column("chat_id", sa.String(255), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.Column("after_slug", sa.String(64), nullable=True),
        sa.Column("notified_at", UTC_TS, nullable=True),
        sa.Column("notified_slug", sa.String(64), nullable=True),
        sa.UniqueConstraint("platform", "user_id", name="uq_next_call_watch"),
    )


def downgrade() -> None:
    op.drop_table("next_call_watches")
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("follow")
    with op.batch_alter_table("editions") as batch:
        batch.drop_column("source")
