"""What a chat keeps between messages and restarts (the language chosen with /sprache
in it, the choices of the last reply it was shown), and whether a person chose their
language (else it follows the language they write).

Revision ID: 0021
Revises: 0019
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_states",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("chat_id", sa.String(255), nullable=False),
        sa.Column("lang", sa.String(2), nullable=True),
        sa.Column("choices", sa.Text, nullable=True),
        sa.Column("shown_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("platform", "chat_id", name="uq_chat_state_chat"),
    )
    # plain ADD COLUMN (no batch: on SQLite a batch copies `people`, and with foreign
    # keys on, dropping it would cascade)
    op.add_column(
        "people",
        sa.Column("lang_chosen", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("people", "lang_chosen")
    op.drop_table("chat_states")
