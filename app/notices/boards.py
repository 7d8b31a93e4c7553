"""Bulletin boards (公开栏), postings (张贴) and the print log: which notice is on which board until when.

Photos of a posted notice are stored once by content under ``DATA/blobs/<sha256[:2]>/<sha256><ext>``
so the same photo attached twice takes no extra space and a file's name reveals nothing.
"""

from __future__ import annotations

import builtins
import hashlib
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import audit
from app.authz import authorize
from app.clock import Clock
from app.errors import InputError, NotFoundError, StateError
from app.notices import queries
from app.notices import values as v
from app.uow import read_only, transaction
from app.users import StaffUser
from db.models import Board, Notice, NoticePrintLog, Posting

_POSTABLE = (v.APPROVED, v.PUBLISHED)
_PHOTO_TYPES = (".jpg", ".jpeg", ".png", ".heic", ".webp")


def _board_value(row: Board) -> v.BoardView:
    return v.BoardView(row.uuid, row.name, row.village, row.location, row.medium, row.active)


def _posting_value(p: Posting, n: Notice, b: Board) -> v.PostingView:
    return v.PostingView(
        p.uuid,
        n.uuid,
        n.title,
        n.status,
        p.revision,
        b.uuid,
        b.name,
        b.village,
        p.posted_on,
        p.posted_by,
        p.photo_sha256,
        p.take_down_on,
        p.taken_down_on,
        p.taken_down_by,
    )


class BoardRegister:
    """Boards, postings and the print log; the base of ``NoticeService``."""

    def __init__(self, session_factory: sessionmaker[Session], clock: Clock, blobs: Path) -> None:
        self._sf = session_factory
        self._clock = clock
        self._blobs = blobs

    @staticmethod
    def _row(session: Session, uuid: str) -> Notice:
        row = session.execute(select(Notice).where(Notice.uuid == uuid)).scalar()
        if row is None:
            # Also accept the short numeric id the CLI prints.
            if uuid.isdigit():
                row = session.get(Notice, int(uuid))
            if row is None:
                raise NotFoundError(f"没有编号为 {uuid} 的公示")
        return row

    @staticmethod
    def _board_row(session: Session, uuid: str) -> Board:
        row = session.execute(select(Board).where(Board.uuid == uuid)).scalar()
        if row is None:
            raise NotFoundError(f"没有编号为 {uuid} 的公开栏")
        return row

    # -- boards --------------------------------------------------------------------------------------

    def boards(self, *, include_inactive: bool = False) -> builtins.list[v.BoardView]:
        with read_only(self._sf) as session:
            query = select(Board).order_by(Board.village, Board.name)
            if not include_inactive:
                query = query.where(Board.active.is_(True))
            return [_board_value(r) for r in session.execute(query).scalars()]

    def add_board(
        self, name: str, village: str, *, actor: StaffUser, location: str = "", medium: str = "paper"
    ) -> v.BoardView:
        authorize(actor, "board.add")
        name, village = name.strip(), village.strip()
        problems = []
        if not name:
            problems.append("name：公开栏名称不能为空")
        if not village:
            problems.append("village：所在村（社区）不能为空")
        if medium not in ("paper", "screen"):
            problems.append(f"medium：应为 paper（纸质）或 screen（电子屏），实为“{medium}”")
        if problems:
            raise InputError("公开栏信息有误", problems)
        with transaction(self._sf) as session:
            if session.execute(select(Board.id).where(Board.name == name)).scalar() is not None:
                raise InputError(f"name：公开栏“{name}”已存在")
            row = Board(name=name, village=village, location=location.strip(), medium=medium)
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor=actor.name,
                action="board.add",
                entity="board",
                entity_uuid=row.uuid,
                detail={"name": name, "village": village, "medium": medium},
            )
            return _board_value(row)

    def set_board_active(self, board_uuid: str, active: bool, *, actor: StaffUser) -> v.BoardView:
        """Take a board out of use (or back into use). Boards are never deleted: postings keep
        pointing at them, and an inactive board is simply no longer offered or counted as missing."""
        authorize(actor, "board.set_active")
        with transaction(self._sf) as session:
            row = self._board_row(session, board_uuid)
            if row.active == active:
                return _board_value(row)
            still_up = 0
            if not active:
                still_up = len(
                    session.execute(
                        select(Posting.id).where(Posting.board_id == row.id, Posting.taken_down_on.is_(None))
                    ).all()
                )
            row.active = active
            audit.record(
                session,
                actor=actor.name,
                action="board.reactivate" if active else "board.deactivate",
                entity="board",
                entity_uuid=row.uuid,
                detail={"name": row.name, "village": row.village, "postings_still_up": still_up},
            )
            return _board_value(row)

    # -- postings ------------------------------------------------------------------------------------

    def record_posting(
        self,
        notice_uuid: str,
        board_uuid: str,
        *,
        actor: StaffUser,
        posted_on: date | None = None,
        take_down_on: date | None = None,
        photo: Path | None = None,
    ) -> v.PostingView:
        """Record that a printed (approved) notice went up on a board; it comes down after the period."""
        authorize(actor, "posting.record")
        if posted_on is not None and posted_on > self._clock.today():
            raise InputError(f"posted_on：张贴日期 {posted_on.isoformat()} 还没到，只能登记已经张贴的公示")
        photo_bytes = b""
        if photo is not None:
            if photo.suffix.lower() not in _PHOTO_TYPES:
                raise InputError(f"{photo}：照片应为 {'/'.join(_PHOTO_TYPES)} 文件")
            try:
                photo_bytes = photo.read_bytes()
            except OSError as exc:
                raise InputError(f"{photo}：无法读取照片（{exc.strerror}）") from None
        with transaction(self._sf) as session:
            notice = self._row(session, notice_uuid)
            board = self._board_row(session, board_uuid)
            if notice.status not in _POSTABLE:
                raise StateError(
                    f"公示“{notice.title}”当前为{v.STATUS_LABELS[notice.status]}，审定后才能张贴。"
                )
            posted = posted_on or self._clock.today()
            down = take_down_on or notice.period_end + timedelta(days=1)
            if down < posted:
                raise InputError(
                    f"take_down_on：撤下日期 {down.isoformat()} 早于张贴日期 {posted.isoformat()}"
                )
            sha = self._store_photo(photo_bytes, photo.suffix.lower()) if photo is not None else ""
            row = Posting(
                notice_id=notice.id,
                board_id=board.id,
                revision=notice.revision,
                posted_on=posted,
                posted_by=actor.name,
                photo_sha256=sha,
                photo_name=photo.name if photo is not None else "",
                take_down_on=down,
                recorded_at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor=actor.name,
                action="notice.post",
                entity="posting",
                entity_uuid=row.uuid,
                detail={
                    "notice": notice.uuid,
                    "board": board.name,
                    "posted_on": posted.isoformat(),
                    "take_down_on": down.isoformat(),
                    "photo_sha256": sha,
                },
            )
            return _posting_value(row, notice, board)

    def take_down(self, posting_uuid: str, *, actor: StaffUser, on: date | None = None) -> v.PostingView:
        authorize(actor, "posting.take_down")
        with transaction(self._sf) as session:
            row = session.execute(select(Posting).where(Posting.uuid == posting_uuid)).scalar()
            if row is None:
                raise NotFoundError(f"没有编号为 {posting_uuid} 的张贴记录")
            if row.taken_down_on is not None:
                raise StateError(f"该张贴已于 {row.taken_down_on.isoformat()} 撤下。")
            row.taken_down_on = on or self._clock.today()
            row.taken_down_by = actor.name
            notice = session.get(Notice, row.notice_id)
            board = session.get(Board, row.board_id)
            assert notice is not None and board is not None  # foreign keys
            audit.record(
                session,
                actor=actor.name,
                action="notice.take_down",
                entity="posting",
                entity_uuid=row.uuid,
                detail={"notice": notice.uuid, "board": board.name, "on": row.taken_down_on.isoformat()},
            )
            return _posting_value(row, notice, board)

    def postings(
        self, notice_uuid: str | None = None, *, active_only: bool = False
    ) -> builtins.list[v.PostingView]:
        with read_only(self._sf) as session:
            query = (
                select(Posting, Notice, Board)
                .join(Notice, Notice.id == Posting.notice_id)
                .join(Board, Board.id == Posting.board_id)
                .order_by(Posting.posted_on.desc(), Board.name)
            )
            if notice_uuid is not None:
                query = query.where(Notice.id == self._row(session, notice_uuid).id)
            if active_only:
                query = query.where(Posting.taken_down_on.is_(None))
            return [_posting_value(p, n, b) for p, n, b in session.execute(query).all()]

    def take_downs_due(self, today: date) -> builtins.list[v.TakeDown]:
        """Postings still up whose take-down day is today or past (most overdue first)."""
        with read_only(self._sf) as session:
            return queries.take_downs_due(session, today)

    def boards_missing_notices(self) -> builtins.list[v.MissingPosting]:
        """Approved/published notices (in their period) with target boards they are not posted on."""
        with read_only(self._sf) as session:
            return queries.boards_missing(session, self._clock.today())

    def recent_postings(self, limit: int = 200) -> builtins.list[v.PostingView]:
        """The newest postings, for the register (the whole history is in ``postings``)."""
        with read_only(self._sf) as session:
            return queries.postings_page(session, limit=limit)

    def postings_between(self, start: date, end: date) -> builtins.list[v.PostingView]:
        """Postings put up or taken down on ``start``..``end`` (monthly self-assessment)."""
        with read_only(self._sf) as session:
            rows = session.execute(
                queries._postings_query().where(
                    ((Posting.posted_on >= start) & (Posting.posted_on <= end))
                    | ((Posting.taken_down_on >= start) & (Posting.taken_down_on <= end))
                )
            ).all()
            return queries._posting_values(rows)

    # -- print log -----------------------------------------------------------------------------------

    def record_print(
        self,
        notice_uuid: str,
        *,
        actor: StaffUser,
        copies: int = 1,
        board: str = "",
        paper: str = "A4",
        printer: str = "",
    ) -> v.PrintRecord:
        if copies < 1:
            raise InputError(f"copies：份数应为正整数，实为 {copies}")
        with transaction(self._sf) as session:
            notice = self._row(session, notice_uuid)
            row = NoticePrintLog(
                notice_id=notice.id,
                revision=notice.revision,
                board=board,
                copies=copies,
                paper=paper,
                printer=printer,
                printed_by=actor.name,
                at=self._clock.now(),
            )
            session.add(row)
            session.flush()
            audit.record(
                session,
                actor=actor.name,
                action="notice.print",
                entity="notice",
                entity_uuid=notice.uuid,
                detail={"board": board, "copies": copies, "paper": paper, "revision": notice.revision},
            )
            return v.PrintRecord(
                row.uuid, notice.uuid, row.revision, board, copies, paper, printer, actor.name, row.at
            )

    def print_log(self, notice_uuid: str | None = None) -> builtins.list[v.PrintRecord]:
        with read_only(self._sf) as session:
            query = select(NoticePrintLog, Notice.uuid).join(Notice, Notice.id == NoticePrintLog.notice_id)
            if notice_uuid is not None:
                query = query.where(Notice.id == self._row(session, notice_uuid).id)
            rows = session.execute(query.order_by(NoticePrintLog.at.desc())).all()
            return [
                v.PrintRecord(
                    r.uuid, u, r.revision, r.board, r.copies, r.paper, r.printer, r.printed_by, r.at
                )
                for r, u in rows
            ]

    # -- internals -----------------------------------------------------------------------------------

    def _store_photo(self, data: bytes, suffix: str) -> str:
        sha = hashlib.sha256(data).hexdigest()
        target = self._blobs / sha[:2] / f"{sha}{suffix}"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(target.suffix + ".part")
            tmp.write_bytes(data)
            tmp.replace(target)
        return sha
