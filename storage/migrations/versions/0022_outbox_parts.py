"""The outbox: which parts of a message were delivered (a retry sends only the rest),
and an index on a chat's rows (the per-chat queries no longer scan all pending rows).

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN with a default (no batch: on SQLite a batch copies the table)
    op.add_column(
        "outbox",
        sa.Column("parts_sent", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_outbox_chat", "outbox", ["platform", "chat_id", "state", "due_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_chat", table_name="outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("parts_sent")
