"""A person's time zone is optional: unset means the bot's IMBOT_TIMEZONE.

No command ever set it, so every stored value is the old column default; those
become NULL and follow the configuration from now on.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.alter_column(
            "timezone", existing_type=sa.String(64), nullable=True, server_default=None
        )
    op.execute("UPDATE people SET timezone = NULL WHERE timezone = 'Europe/Berlin'")


def downgrade() -> None:
    op.execute("UPDATE people SET timezone = 'Europe/Berlin' WHERE timezone IS NULL")
    with op.batch_alter_table("people") as batch:
        batch.alter_column(
            "timezone", existing_type=sa.String(64), nullable=False, server_default="Europe/Berlin"
        )
