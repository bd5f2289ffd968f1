"""Anonymous daily counts of answered and unanswered questions (for admin stats).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "faq_counts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("lang", sa.String(2), nullable=False),
        sa.Column("confident", sa.Boolean, nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.UniqueConstraint("day", "lang", "confident", name="uq_faq_count"),
    )


def downgrade() -> None:
    op.drop_table("faq_counts")
