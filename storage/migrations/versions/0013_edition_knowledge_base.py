"""A call is a bundle: an edition keeps the knowledge base it was loaded with (the
YAML text and a short hash of it, the version the FAQ service checks per answer).
NULL means the knowledge base shipped with the package.

Revision ID: 0013
Revises: 0010
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("editions") as batch:
        batch.add_column(sa.Column("kb_source", sa.Text(), nullable=True))
        batch.add_column(sa.Column("kb_version", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("editions") as batch:
        batch.drop_column("kb_version")
        batch.drop_column("kb_source")
