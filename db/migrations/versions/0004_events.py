"""events: calendar, registrations, suggestions, targets

Revision ID: 0004_events
Revises: 0003_requests
Create Date: 2026-11-29 17:09:25.175210
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004_events"
down_revision = "0003_requests"
branch_labels = None
depends_on = None


# The built-in event types (app.events.values.BUILTIN_TYPES at this revision), so every database has
# them before ``init`` runs; later built-ins are added by the idempotent init step.
BUILTIN_TYPES = (
    ("policy_interpretation", "现场政策解读"),
    ("policy_counselling", "综合政策辅导"),
    ("procedure_demonstration", "办事流程演示"),
    ("open_day", "政府开放日/开放月"),
    ("symposium", "座谈会/听证会"),
    ("survey", "问卷调查/征集调查"),
    ("other", "其他活动"),
)


def upgrade() -> None:
    event_type = op.create_table(
        "event_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_type")),
        sa.UniqueConstraint("key", name=op.f("uq_event_type_key")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_type_uuid")),
    )
    op.bulk_insert(
        event_type,
        [
            {
                "id": i + 1,
                "key": k,
                "label": label,
                "builtin": True,
                "active": True,
                "sort_order": i,
                "uuid": str(uuid.uuid4()),
            }
            for i, (k, label) in enumerate(BUILTIN_TYPES)
        ],
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ical_uid", sa.String(length=255), nullable=False),
        sa.Column("type_key", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("rrule", sa.String(length=500), nullable=True),
        sa.Column("exdates", sa.Text(), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=False),
        sa.Column("speakers", sa.Text(), nullable=False),
        sa.Column("audience", sa.String(length=300), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("invited_roles", sa.Text(), nullable=False),
        sa.Column("series", sa.String(length=200), nullable=False),
        sa.Column("catalogue_item_uuids", sa.Text(), nullable=False),
        sa.Column("policy_titles", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=True),
        sa.Column("qa", sa.Text(), nullable=False),
        sa.Column("report_summary", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("adoption_days", sa.Integer(), nullable=False),
        sa.Column("adoption_start", sa.Date(), nullable=True),
        sa.Column("adoption_published_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["type_key"], ["event_type.key"], name=op.f("fk_event_type_key_event_type")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("ical_uid", name=op.f("uq_event_ical_uid")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_uuid")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_start_at"), ["start_at"], unique=False)

    op.create_table(
        "event_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("type_key", sa.String(length=64), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["type_key"], ["event_type.key"], name=op.f("fk_event_target_type_key_event_type")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_target")),
        sa.UniqueConstraint("year", "type_key", name="uq_event_target_year"),
    )
    op.create_table(
        "event_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("recurrence_id", sa.DateTime(), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_override_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_override")),
        sa.UniqueConstraint("event_id", "recurrence_id", name="uq_event_override_occurrence"),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_override_uuid")),
    )
    op.create_table(
        "event_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_registration_event_id_event")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_registration")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_registration_uuid")),
    )
    with op.batch_alter_table("event_registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_registration_event_id"), ["event_id"], unique=False)

    op.create_table(
        "event_suggestion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("proposer", sa.String(length=100), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_event_suggestion_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_suggestion")),
        sa.UniqueConstraint("uuid", name=op.f("uq_event_suggestion_uuid")),
    )
    with op.batch_alter_table("event_suggestion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_suggestion_event_id"), ["event_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_suggestion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_suggestion_event_id"))

    op.drop_table("event_suggestion")
    with op.batch_alter_table("event_registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_registration_event_id"))

    op.drop_table("event_registration")
    op.drop_table("event_override")
    op.drop_table("event_target")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_start_at"))

    op.drop_table("event")
    op.drop_table("event_type")
