"""event cancel: a whole event can be called off (status "cancelled") with the reason and when

Revision ID: 0007_event_cancel
Revises: 0006_sync
Create Date: 2026-11-29 17:35:55.800613
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_event_cancel"
down_revision = "0006_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event", schema=None) as batch_op:
        # Existing rows get an empty reason (they were never cancelled).
        batch_op.add_column(sa.Column("cancel_reason", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # The older schema has no "cancelled" status: keep such events visibly called off in their title
    # rather than silently turning them back into planned events.
    op.execute(
        "UPDATE event SET status = 'planned', title = '【已取消】' || title WHERE status = 'cancelled'"
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("cancelled_at")
        batch_op.drop_column("cancel_reason")
