"""Which site owns a record: the site that first pushed it.

Record UUIDs are public (they are printed in QR codes), so a UUID alone proves nothing. The owner of
a UUID is the scope of its oldest ``site_records`` row (rows are never moved between scopes, and
pushes run one at a time under the counter lock, so the first row is the first push). A push naming
a UUID another site owns is refused (``not_owner``), and public pages show only the owner's row, so
even rows written before this rule existed cannot override a site's page.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

import app.sync.wire as wire
from server.models import BucketRow

NOT_OWNER = "not_owner"
NOT_OWNER_MESSAGE = "此记录的编号（UUID）已属于另一个站点，平台不接收以本站名义修改它"


def owned_elsewhere(session: Session, site_code: str, uuids: Iterable[str]) -> set[str]:
    """Those of ``uuids`` that already have a record on the platform under another site."""
    wanted = sorted(set(uuids))
    if not wanted:
        return set()
    query = (
        select(BucketRow.entity_uuid)
        .where(
            BucketRow.bucket == wire.BUCKET_SITE,
            BucketRow.entity.in_(wire.SITE_ENTITIES),
            BucketRow.entity_uuid.in_(wanted),
            BucketRow.scope != site_code,
        )
        .distinct()
    )
    return set(session.execute(query).scalars())


def owner_row(session: Session, entity_uuid: str) -> BucketRow | None:
    """The owning site's row for a UUID (its first pusher's), whatever entity it is."""
    return session.execute(
        select(BucketRow)
        .where(
            BucketRow.bucket == wire.BUCKET_SITE,
            BucketRow.entity.in_(wire.SITE_ENTITIES),
            BucketRow.entity_uuid == entity_uuid,
        )
        .order_by(BucketRow.id)
        .limit(1)
    ).scalar_one_or_none()
