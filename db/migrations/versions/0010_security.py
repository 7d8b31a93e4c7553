"""security: case-insensitive user names, failed sign-ins, platform refusals that were fixed

Revision ID: 0010_security
Revises: 0012_refinements
Create Date: 2026-12-03 12:00:00

- ``user_account.name_key``: the case-folded user name (NFKC + casefold, as app.users.name_key),
  unique. Existing names that fold to the same key (``Admin`` and ``admin``) cannot both keep it:
  the oldest account keeps its name; each later one is renamed ``<name>-<id>`` (its key likewise),
  and signs in under the new name. This is rare (user names were unique as typed) and the rename is
  visible in ``gongkai user list``.
- ``sign_in_failure``: failed sign-ins per typed name (app.lockout decides the wait).
- ``sync_rejection.resolved_at``: set when a later change of the refused record was accepted.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0010_security"
down_revision = "0013_documents"
branch_labels = None
depends_on = None


def _key(name: str) -> str:
    # The same folding as app.users.name_key (migrations do not import app code).
    return unicodedata.normalize("NFKC", name.strip()).casefold()[:64]


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=64), nullable=True))
    conn = op.get_bind()
    taken: set[str] = set()
    for user_id, name in conn.execute(sa.text("SELECT id, name FROM user_account ORDER BY id")).all():
        key = _key(name)
        if key in taken:
            name = f"{name}-{user_id}"[:64]
            key = _key(name)
            conn.execute(
                sa.text("UPDATE user_account SET name = :n WHERE id = :i"), {"n": name, "i": user_id}
            )
        taken.add(key)
        conn.execute(sa.text("UPDATE user_account SET name_key = :k WHERE id = :i"), {"k": key, "i": user_id})
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.alter_column("name_key", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_user_account_name_key"), ["name_key"])

    op.create_table(
        "sign_in_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failure")),
    )
    with op.batch_alter_table("sign_in_failure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_failure_name_key"), ["name_key"], unique=False)

    with op.batch_alter_table("sync_rejection", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_rejection", schema=None) as batch_op:
        batch_op.drop_column("resolved_at")
    with op.batch_alter_table("sign_in_failure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_failure_name_key"))
    op.drop_table("sign_in_failure")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_user_account_name_key"), type_="unique")
        batch_op.drop_column("name_key")
