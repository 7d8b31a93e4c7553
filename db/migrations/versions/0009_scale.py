"""scale: indexes for the lists and queues that grow with the years

Revision ID: 0009_scale
Revises: 0013_documents
Create Date: 2026-12-03 17:00:00

EXPLAIN QUERY PLAN on the five-year site (bench/five_year.py) showed full scans for: the sync
status (outbox by status), the outbox compaction (later entries of the same record), the review
queue and list filters (notices by status) and the board work of the day (postings still up).
"""

from __future__ import annotations

from alembic import op

revision = "0009_scale"
down_revision = "0010_security"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_entry_status"), ["status"], unique=False)
        batch_op.create_index("ix_outbox_entry_record", ["entity", "entity_uuid", "seq"], unique=False)
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_status"), ["status"], unique=False)
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.create_index("ix_posting_still_up", ["taken_down_on", "take_down_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.drop_index("ix_posting_still_up")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_status"))
    with op.batch_alter_table("outbox_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_entry_record")
        batch_op.drop_index(batch_op.f("ix_outbox_entry_status"))
