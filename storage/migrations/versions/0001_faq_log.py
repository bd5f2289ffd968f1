"""FAQ log: questions the bot could not answer with confidence.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "faq_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("best_guess", sa.String(64)),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("confident", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_faq_log_asked_at", "faq_log", ["asked_at"])


def downgrade() -> None:
    op.drop_index("ix_faq_log_asked_at", table_name="faq_log")
    op.drop_table("faq_log")
