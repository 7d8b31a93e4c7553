"""replica: pulled site records a device could not apply, and leased request numbers

``sync_state.site_shared_at`` records when this device first queued its records sealed;
``replica_problem`` lists site records pulled from the platform that this device could not apply
(shown on the Sync page); ``number_lease`` holds the block of request numbers the platform reserved
for this device (docs/sync-replication.md).

Revision ID: 0014_replica
Revises: 0009_scale
Create Date: 2026-12-03 20:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_replica"
down_revision = "0009_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("site_shared_at", sa.DateTime(), nullable=True))
    op.create_table(
        "replica_problem",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_replica_problem")),
    )
    op.create_table(
        "number_lease",
        sa.Column("series", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("next_value", sa.Integer(), nullable=False),
        sa.Column("end_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year", name=op.f("pk_number_lease")),
    )


def downgrade() -> None:
    op.drop_table("number_lease")
    op.drop_table("replica_problem")
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("site_shared_at")
