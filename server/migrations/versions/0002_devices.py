"""Per-device credentials (``device`` gains a token, kind, name, revocation) and invitations.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN and an index (no table copy on SQLite, where rows in applied_op refer to
    # device). Rows that exist already only numbered ops: no credential, staff, unnamed.
    with op.batch_alter_table("device", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("token_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="staff"))
        batch_op.add_column(sa.Column("name", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("revoked_reason", sa.Text(), nullable=False, server_default=""))
    op.create_index("uq_device_token_sha256", "device", ["token_sha256"], unique=True)
    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_sha256", sa.String(length=64), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("wrapped_key", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("used_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["device.id"]),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.ForeignKeyConstraint(["used_by"], ["device.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code_sha256"),
    )
    op.execute("UPDATE server_meta SET value = '2' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.drop_table("invitation")
    op.drop_index("uq_device_token_sha256", table_name="device")
    with op.batch_alter_table("device", schema=None) as batch_op:
        for column in ("revoked_reason", "revoked_at", "created_at", "name", "kind", "token_sha256"):
            batch_op.drop_column(column)
    op.execute("UPDATE server_meta SET value = '1' WHERE key = 'schema_version'")
