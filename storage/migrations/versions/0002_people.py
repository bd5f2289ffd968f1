"""People, chat identities, invites, expert-buddy pairs, program editions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200)),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("lang", sa.String(2), nullable=False, server_default="de"),
        sa.Column("timezone", sa.String(64), nullable=False, server_default="Europe/Berlin"),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.Column("revoked_at", UTC_TS),
        sa.Column("erased_at", UTC_TS),
        sa.CheckConstraint(
            "role in ('applicant', 'expert', 'buddy', 'admin')", name="ck_people_role"
        ),
    )
    op.create_table(
        "chat_identities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("platform_user_id", sa.String(255), nullable=False),
        sa.Column("chat_id", sa.String(255), nullable=False),
        sa.Column("linked_at", UTC_TS, nullable=False),
        sa.UniqueConstraint("platform", "platform_user_id", name="uq_identity_platform_user"),
    )
    op.create_index("ix_chat_identities_person_id", "chat_identities", ["person_id"])
    op.create_table(
        "invites",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "person_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("created_at", UTC_TS, nullable=False),
        sa.Column("expires_at", UTC_TS, nullable=False),
        sa.Column("used_at", UTC_TS),
    )
    op.create_index("ix_invites_person_id", "invites", ["person_id"])
    op.create_table(
        "pairs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "expert_id",
            sa.Integer,
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column(
            "buddy_id", sa.Integer, sa.ForeignKey("people.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("created_at", UTC_TS, nullable=False),
    )
    op.create_index("ix_pairs_buddy_id", "pairs", ["buddy_id"])
    op.create_table(
        "editions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False, server_default="Europe/Berlin"),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_table("editions")
    op.drop_index("ix_pairs_buddy_id", table_name="pairs")
    op.drop_table("pairs")
    op.drop_index("ix_invites_person_id", table_name="invites")
    op.drop_table("invites")
    op.drop_index("ix_chat_identities_person_id", table_name="chat_identities")
    op.drop_table("chat_identities")
    op.drop_table("people")
