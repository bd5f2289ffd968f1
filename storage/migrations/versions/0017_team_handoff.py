"""Ask the team: an unanswered question can be forwarded to the team (with the chat
to answer to, stored only on the asker's consent), answered, dismissed or added as an
example question.

Revision ID: 0017
Revises: 0013
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

UTC_TS = sa.DateTime(timezone=True)

revision = "0017"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A question's number is its id, and the team answers by number: on SQLite an id
    # must not come back after the newest row is deleted (an erasure, /entfernen), or
    # an answer could reach the next asker. AUTOINCREMENT does that; SQLite needs the
    # table rebuilt for it (no other table refers to faq_log, so the copy is safe).
    # PostgreSQL's sequences never hand out a number twice.
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(
        "faq_log",
        recreate="always" if sqlite else "auto",
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch:
        batch.add_column(sa.Column("state", sa.String(12), nullable=True))
        batch.add_column(sa.Column("handoff_key", sa.String(16), nullable=True))
        batch.add_column(sa.Column("platform", sa.String(16), nullable=True))
        batch.add_column(sa.Column("user_id", sa.String(255), nullable=True))
        batch.add_column(sa.Column("chat_id", sa.String(255), nullable=True))
        batch.add_column(sa.Column("forwarded_at", UTC_TS, nullable=True))
        batch.add_column(sa.Column("off_hours", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("answer", sa.Text(), nullable=True))
        batch.add_column(sa.Column("answered_at", UTC_TS, nullable=True))
        batch.add_column(sa.Column("answered_by", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("example_of", sa.String(64), nullable=True))
        batch.create_index("ix_faq_log_state", ["state"])


def downgrade() -> None:
    with op.batch_alter_table("faq_log") as batch:
        batch.drop_index("ix_faq_log_state")
        for column in (
            "example_of",
            "answered_by",
            "answered_at",
            "answer",
            "off_hours",
            "forwarded_at",
            "chat_id",
            "user_id",
            "platform",
            "handoff_key",
            "state",
        ):
            batch.drop_column(column)
