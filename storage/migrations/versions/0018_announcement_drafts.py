"""An admin's announcement in the chat (/rundmail) between its preview and the
confirmation button.

Revision ID: 0018
Revises: 0013
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "announcement_drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token", sa.String(32), nullable=False),
        sa.Column(
            "person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("expert_id", sa.Integer, nullable=True),
        sa.Column("text_de", sa.Text, nullable=False),
        sa.Column("text_en", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("token", name="uq_announcement_drafts_token"),
        sa.UniqueConstraint("person_id", name="uq_announcement_drafts_person"),
    )


def downgrade() -> None:
    op.drop_table("announcement_drafts")
