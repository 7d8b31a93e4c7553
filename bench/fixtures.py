"""Reusable benchmark data: a large, realistic catalogue built by varying the bundled one.

``make_catalogue(ctx, n)`` loads the bundled standard catalogue if needed, then imports a generated
city-origin file so the site holds ``n`` active items in total (through the real importer, so
versions, pinyin, rules and revisions are all written as in production). ``catalogue_rows`` gives the
rows alone (the published 19-column layout) for workbook benchmarks.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.catalogue import files, layout  # noqa: E402
from app.catalogue.model import ItemData  # noqa: E402
from app.context import AppContext  # noqa: E402

PLACES = [
    "东营村", "西营村", "南河村", "北岭村", "前进社区", "唐王村", "大杨村", "老僧口村", "殷家村", "付家村",
    "郭家村", "娄家村", "洪家园村", "小寨村", "董家村", "孙家村", "王家庄", "山后村", "河套社区", "新兴社区",
]  # fmt: skip
BATCHES = ["第一批", "第二批", "第三批", "第四批", "春季", "秋季", "上半年", "下半年", "年度", "专项"]


def variants(base: list[ItemData], n: int) -> list[ItemData]:
    """``n`` distinct items: each bundled item repeated with a village and batch in its 二级事项 and content."""
    out: list[ItemData] = []
    k = 0
    while len(out) < n:
        place, batch = PLACES[k % len(PLACES)], BATCHES[(k // len(PLACES)) % len(BATCHES)]
        round_ = k // (len(PLACES) * len(BATCHES))
        suffix = f"（{place}{batch}{'' if round_ == 0 else round_ + 1}）"
        for d in base:
            if len(out) >= n:
                break
            out.append(
                ItemData(
                    domain=d.domain,
                    level1=d.level1,
                    level2=(d.level2 or d.level1) + suffix,
                    level3=d.level3,
                    content=f"{place}{d.content}",
                    basis=d.basis,
                    time_limit=d.time_limit,
                    publisher=d.publisher.replace("乡镇人民政府(街道办事处)", f"唐王街道办事处、{place}"),
                    channels=d.channels,
                    extra_channels=d.extra_channels,
                    audience=d.audience,
                    audience_group=d.audience_group,
                    modes=d.modes,
                    tiers=d.tiers,
                    contact_phone=d.contact_phone,
                    retention=d.retention,
                )
            )
        k += 1
    return out


def catalogue_rows(ctx: AppContext, n: int) -> list[list[str]]:
    """The published layout (two header rows) with ``n`` generated items."""
    if not ctx.catalogue.items():
        ctx.catalogue.seed_bundled(actor="bench")
    base = [v.data for v in ctx.catalogue.items()]
    return layout.export_rows(variants(base, n))


def make_catalogue(ctx: AppContext, n: int) -> int:
    """Bring the site's catalogue to ``n`` active items (bundled + generated); returns the version."""
    if not ctx.catalogue.items():
        ctx.catalogue.seed_bundled(actor="bench")
    bundled = [v.data for v in ctx.catalogue.items(origin="city")]
    extra = max(0, n - len(bundled))
    rows = layout.export_rows(bundled + variants(bundled, extra))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-catalogue.csv"
        files.write_csv(path, rows)
        result = ctx.catalogue.import_file(path, actor="bench", origin="city", source=f"bench {n}")
    return result.version or 0
