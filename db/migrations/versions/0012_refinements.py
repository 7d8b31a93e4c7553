"""refinements: site refinements of standard items, all-day events, event-type synonyms

Revision ID: 0012_refinements
Revises: 0008_today
Create Date: 2026-12-03 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_refinements"
down_revision = "0008_today"
branch_labels = None
depends_on = None

#: The names offices write in CATEGORIES, and the built-in type each means (admins edit the table).
SYNONYMS = (
    ("政府开放日", "open_day"),
    ("开放日活动", "open_day"),
    ("政府开放月", "open_day"),
    ("开放日", "open_day"),
    ("政府开放活动", "open_day"),
    ("政策宣讲", "policy_interpretation"),
    ("政策解读会", "policy_interpretation"),
    ("政策解读", "policy_interpretation"),
    ("现场解读", "policy_interpretation"),
    ("政策辅导", "policy_counselling"),
    ("现场辅导", "policy_counselling"),
    ("政策咨询", "policy_counselling"),
    ("办事演示", "procedure_demonstration"),
    ("流程演示", "procedure_demonstration"),
    ("办事流程演示", "procedure_demonstration"),
    ("座谈会", "symposium"),
    ("听证会", "symposium"),
    ("问卷调查", "survey"),
    ("意见征集", "survey"),
)


def upgrade() -> None:
    op.create_table(
        "catalogue_refinement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("base", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("standard_changed_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=64), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["catalogue_item.id"], name=op.f("fk_catalogue_refinement_item_id_catalogue_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_refinement")),
        sa.UniqueConstraint("item_id", name=op.f("uq_catalogue_refinement_item_id")),
        sa.UniqueConstraint("uuid", name=op.f("uq_catalogue_refinement_uuid")),
    )
    with op.batch_alter_table("catalogue_refinement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalogue_refinement_status"), ["status"], unique=False)
    with op.batch_alter_table("catalogue_version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("refined", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("all_day", sa.Boolean(), nullable=False, server_default=sa.false()))
    synonym = op.create_table(
        "event_type_synonym",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("type_key", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["type_key"], ["event_type.key"], name=op.f("fk_event_type_synonym_type_key_event_type")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_type_synonym")),
        sa.UniqueConstraint("name", name=op.f("uq_event_type_synonym_name")),
    )
    # The built-in types exist from 0004_events on; a synonym names one of them.
    op.bulk_insert(synonym, [{"name": n, "type_key": k} for n, k in SYNONYMS])


def downgrade() -> None:
    op.drop_table("event_type_synonym")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("all_day")
    with op.batch_alter_table("catalogue_version", schema=None) as batch_op:
        batch_op.drop_column("refined")
    with op.batch_alter_table("catalogue_refinement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalogue_refinement_status"))
    op.drop_table("catalogue_refinement")
