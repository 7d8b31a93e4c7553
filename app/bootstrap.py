"""``gongkai init``: create or upgrade a site's database, load bundled data, optionally demo data.

Idempotent: running it again changes nothing that is already there. Each capability contributes
its own step to ``INIT_STEPS`` (bundled data every site needs) and ``DEMO_STEPS`` (a believable
demo site); the steps must themselves be idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.context import AppContext
from app.sites import SiteInfo
from app.uow import transaction
from app.users import Role

Step = Callable[[AppContext], None]

DEMO_PASSWORD = "gongkai123"

# name, display name, roles: documented in README ("demo users").
DEMO_USERS: list[tuple[str, str, frozenset[Role]]] = [
    ("admin", "王专员", frozenset({Role.ADMIN, Role.CLERK})),
    ("clerk", "李窗口", frozenset({Role.CLERK})),
    ("reviewer1", "赵初审", frozenset({Role.FIRST_REVIEWER, Role.CLERK})),
    ("reviewer2", "钱复审", frozenset({Role.SECOND_REVIEWER})),
    ("reviewer3", "孙终审", frozenset({Role.FINAL_REVIEWER})),
]


def _seed_holidays(ctx: AppContext) -> None:
    with transaction(ctx.session_factory) as session:
        ctx.holidays.seed_bundled(session)


def _seed_assessment_criteria(ctx: AppContext) -> None:
    with transaction(ctx.session_factory) as session:
        ctx.today.assessment.seed_defaults(session)


def _seed_catalogue(ctx: AppContext) -> None:
    ctx.catalogue.seed_bundled(actor="init")


def _demo_users(ctx: AppContext) -> None:
    for name, display, roles in DEMO_USERS:
        if ctx.users.get(name) is None:
            ctx.users.add(name, roles, DEMO_PASSWORD, display_name=display, actor="init")


def _seed_notice_period_rules(ctx: AppContext) -> None:
    with transaction(ctx.session_factory) as session:
        ctx.notices.seed_period_rules(session)


def _seed_request_rules(ctx: AppContext) -> None:
    with transaction(ctx.session_factory) as session:
        ctx.requests.seed_rules(session)


def _demo_requests(ctx: AppContext) -> None:
    from app.requests import demo

    demo.seed(ctx)


def _demo_catalogue(ctx: AppContext) -> None:
    """Last quarter's 村务公开 posted for most quarterly items (a few left overdue), 税收管理 not applicable."""
    from datetime import date, timedelta

    catalogue = ctx.catalogue
    today = ctx.clock.today()
    quarterly = [v for v in catalogue.items("27") if v.rule.get("kind") == "quarterly"]
    due = date(today.year, (today.month - 1) // 3 * 3 + 1, 20)  # 每季度的首个月20日
    if due > today:
        due = date(due.year - 1, 10, 20) if due.month == 1 else date(due.year, due.month - 3, 20)
    posted_on = due - timedelta(days=5)
    for item in quarterly[: max(0, len(quarterly) - 4)]:
        if not catalogue.disclosures(item.uuid):
            catalogue.record_disclosure(
                item.uuid, on=posted_on, channel="社区/企事业单位/村公示栏(电子屏)", actor="clerk"
            )
    admin = ctx.users.get("admin")
    tax = next((d for d in catalogue.domains() if d.code == "05"), None)
    if admin is not None and tax is not None and tax.applicable:
        catalogue.set_domain_applicable(
            admin, "05", False, "税收征管由区税务局负责，街道不承担税收管理职责（未涉及领域说明）"
        )


# The demo and seed steps of the capabilities import their modules when they run: the staff window
# imports this module to offer the first-run dialog, and must not pay for every capability then.
def _seed_event_types(ctx: AppContext) -> None:
    from app.events.demo import seed_event_types

    seed_event_types(ctx)


def _demo_notices(ctx: AppContext) -> None:
    from app.notices.demo import demo_notices

    demo_notices(ctx)


def _demo_events(ctx: AppContext) -> None:
    from app.events.demo import demo_events

    demo_events(ctx)


def _demo_policies(ctx: AppContext) -> None:
    from app.policies.demo import demo_policies

    demo_policies(ctx)


INIT_STEPS: list[Step] = [
    _seed_holidays,
    _seed_catalogue,
    _seed_notice_period_rules,
    _seed_request_rules,
    _seed_event_types,
    _seed_assessment_criteria,
]
DEMO_STEPS: list[Step] = [
    _demo_users,
    _demo_catalogue,
    _demo_notices,
    _demo_requests,
    _demo_events,
    _demo_policies,
]


@dataclass
class InitReport:
    site: SiteInfo
    steps: list[str] = field(default_factory=list)


def initialise(
    ctx: AppContext,
    code: str,
    name: str,
    *,
    demo: bool = False,
    district: str = "",
    zone_location: str = "",
    supervision_phone: str = "",
) -> InitReport:
    """Create the site (or refresh its details) and run every init step, then demo steps."""
    site = ctx.sites.ensure(
        code,
        name,
        district=district,
        zone_location=zone_location,
        supervision_phone=supervision_phone,
        actor="init",
    )
    report = InitReport(site)
    for step in INIT_STEPS + (DEMO_STEPS if demo else []):
        step(ctx)
        report.steps.append(step.__name__.lstrip("_"))
    return report


DEMO_SITE = {
    "code": "370112-TW",
    "name": "历城区唐王街道",
    "district": "济南市历城区",
    "zone_location": "唐王街道便民服务中心一楼政务公开专区",
    "supervision_phone": "0531-88123456",
}
