"""A pair's own meeting place: set for this pair alone (a buddy naming the expert, or
the expert), so that a buddy's general /ort for all their experts leaves it as it is.

Revision ID: 0023
Revises: 0022
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN with a default (no batch: on SQLite a batch copies the table)
    op.add_column(
        "pairs",
        sa.Column("place_own", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("pairs", "place_own")  # SQLite 3.35+ drops a column in place
