"""``AssessmentService``: the admin's criteria, a month's score sheet with evidence, and the trend.

Scoring: each criterion's method computes a ``Figure``; its achievement (0–1, app.today.assessment
.figures.achievement) times its weight is its score. A criterion with nothing to measure in the
month (no notices published, no requests answered) is "不适用" and left out; the total is the sum of
scores over the applicable weights, scaled to 100, so an idle month neither gains nor loses.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.authz import authorize
from app.errors import InputError, NotFoundError
from app.today.assessment.criteria import DEFAULT_CRITERIA
from app.today.assessment.figures import Direction, Figure, Method, achievement
from app.today.assessment.methods import METHODS
from app.today.assessment.period import Month
from app.uow import read_only, transaction
from app.users import StaffUser
from db.models import AssessmentCriterion

if TYPE_CHECKING:
    from app.context import AppContext


@dataclass(frozen=True)
class Criterion:
    uuid: str
    code: str
    name: str
    weight: float
    method: str
    target: float
    rule: str
    position: int
    active: bool


@dataclass(frozen=True)
class ScoreLine:
    """One criterion's result in a month."""

    criterion: Criterion
    method: Method
    figure: Figure
    achieved: float | None

    @property
    def applicable(self) -> bool:
        return self.achieved is not None

    @property
    def score(self) -> float | None:
        return None if self.achieved is None else round(self.criterion.weight * self.achieved, 1)

    @property
    def figure_text(self) -> str:
        f = self.figure
        if self.method.direction is Direction.LIMIT:
            return f"{f.numerator} 次"
        if not f.denominator:
            return "本月无可计数的记录"
        return f"{f.numerator}/{f.denominator} = {100 * f.numerator / f.denominator:.1f}%"

    @property
    def target_text(self) -> str:
        t = self.criterion.target
        if self.method.direction is Direction.LIMIT:
            return f"不超过 {t:g} 次"
        return f"不低于 {100 * t:.0f}%"

    @property
    def score_text(self) -> str:
        s = self.score
        return "不适用" if s is None else f"{s:g} / {self.criterion.weight:g}"


@dataclass(frozen=True)
class ScoreSheet:
    month: Month
    site_name: str
    computed_on: date
    lines: tuple[ScoreLine, ...]

    @property
    def total(self) -> float | None:
        """Score out of 100 over the applicable criteria; None when nothing was applicable."""
        rates = [line for line in self.lines if line.method.direction is Direction.RATE]
        if rates and not any(line.applicable for line in rates):
            return None  # a month with no activity at all is not a perfect month
        weight = sum(line.criterion.weight for line in self.lines if line.applicable)
        if not weight:
            return None
        return round(100 * sum(line.score or 0.0 for line in self.lines) / weight, 1)

    @property
    def total_text(self) -> str:
        t = self.total
        return "本月没有可评分的事项" if t is None else f"{t:g} 分"

    @property
    def partial_month(self) -> bool:
        """The month is not over yet: the figures are so far."""
        return self.computed_on <= self.month.end


@dataclass(frozen=True)
class TrendPoint:
    month: Month
    total: float | None


def _to_value(row: AssessmentCriterion) -> Criterion:
    return Criterion(
        row.uuid, row.code, row.name, row.weight, row.method, row.target, row.rule, row.position, row.active
    )


class AssessmentService:
    """Criteria (admin-edited), score sheets and trends."""

    def __init__(self, ctx: AppContext, methods: dict[str, Method] | None = None) -> None:
        self._ctx = ctx
        self._sf = ctx.session_factory
        self.methods = METHODS if methods is None else methods

    # -- criteria ----------------------------------------------------------------------------

    def criteria(self, *, active_only: bool = False) -> list[Criterion]:
        with read_only(self._sf) as session:
            query = select(AssessmentCriterion).order_by(AssessmentCriterion.position, AssessmentCriterion.id)
            if active_only:
                query = query.where(AssessmentCriterion.active.is_(True))
            return [_to_value(r) for r in session.execute(query).scalars()]

    def seed_defaults(self, session: Session) -> list[str]:
        """Add each default criterion whose method is available and whose code is not yet there."""
        have = set(session.execute(select(AssessmentCriterion.code)).scalars())
        position = session.execute(select(func.max(AssessmentCriterion.position))).scalar() or 0
        added: list[str] = []
        for spec in DEFAULT_CRITERIA:
            if spec.code in have or spec.method not in self.methods:
                continue
            position += 1
            session.add(
                AssessmentCriterion(
                    code=spec.code,
                    name=spec.name,
                    weight=spec.weight,
                    method=spec.method,
                    target=spec.target,
                    rule=spec.rule,
                    position=position,
                    active=True,
                )
            )
            added.append(spec.code)
        return added

    def save_criterion(
        self,
        user: StaffUser,
        code: str,
        *,
        name: str,
        weight: float,
        method: str,
        target: float,
        rule: str,
        active: bool = True,
    ) -> Criterion:
        """Create or change the criterion ``code`` (admin only); every change is audited."""
        authorize(user, "assessment.criteria")
        problems = []
        if not code.strip():
            problems.append("代码：不能为空")
        if not name.strip():
            problems.append("名称：不能为空")
        if not weight > 0:
            problems.append(f"分值：应为正数，实为 {weight:g}")
        if method not in self.methods:
            problems.append(f"计算方法：应为 {', '.join(self.methods)} 之一，实为“{method}”")
        elif self.methods[method].direction is Direction.RATE and not 0 <= target <= 1:
            problems.append(f"目标：比率类指标应在 0 到 1 之间（如 0.95 表示 95%），实为 {target:g}")
        elif target < 0:
            problems.append(f"目标：应为非负数，实为 {target:g}")
        if problems:
            raise InputError(f"考核指标“{code}”有误", problems)
        with transaction(self._sf) as session:
            row = session.execute(
                select(AssessmentCriterion).where(AssessmentCriterion.code == code.strip())
            ).scalar()
            before = None if row is None else _to_value(row)
            if row is None:
                last = session.execute(select(func.max(AssessmentCriterion.position))).scalar() or 0
                row = AssessmentCriterion(code=code.strip(), position=last + 1)
                session.add(row)
            row.name, row.weight, row.method = name.strip(), float(weight), method
            row.target, row.rule, row.active = float(target), rule.strip(), active
            session.flush()
            after = _to_value(row)
            audit.record(
                session,
                actor=user.name,
                action="assessment.criterion_save",
                entity="assessment_criterion",
                entity_uuid=row.uuid,
                detail={
                    "before": None if before is None else asdict(before),
                    "after": asdict(after),
                },
            )
            return after

    # -- scoring -----------------------------------------------------------------------------

    def score_sheet(self, month: Month) -> ScoreSheet:
        lines: list[ScoreLine] = []
        for criterion in self.criteria(active_only=True):
            method = self.methods.get(criterion.method)
            if method is None:
                raise NotFoundError(
                    f"考核指标“{criterion.name}”：计算方法“{criterion.method}”不可用，请在考核指标中改选"
                )
            figure = method.compute(self._ctx, month)
            lines.append(ScoreLine(criterion, method, figure, achievement(method, figure, criterion.target)))
        site = self._ctx.sites.get()
        return ScoreSheet(month, site.name if site else "", self._ctx.clock.today(), tuple(lines))

    def trend(self, last: Month, months: int = 12) -> list[TrendPoint]:
        """The total score of each of the ``months`` months ending with ``last``, oldest first."""
        return [TrendPoint(m, self.score_sheet(m).total) for m in last.back(months)]
