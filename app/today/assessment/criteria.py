"""The criteria a district typically scores a site by, seeded as data the admin can then edit.

Drawn from issue 8 and the 2023 Jinan key points (二(二), 四(二), 四(三), 四(四), 五(二)); weights
add up to 100 and are a starting point, not law: each district publishes its own scheme.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    name: str
    weight: float
    method: str
    target: float
    rule: str


DEFAULT_CRITERIA: tuple[CriterionSpec, ...] = (
    CriterionSpec(
        "catalogue_on_time",
        "目录事项按时公开",
        20,
        "catalogue_on_time",
        1.0,
        "本月到期的标准目录事项在公开时限内公开（政府信息公开条例第二十六条：形成或变更之日起20个工作日内，"
        "另有规定的从其规定）。",
    ),
    CriterionSpec(
        "notices_reviewed",
        "公示经三审三校",
        15,
        "notices_reviewed",
        1.0,
        "本月发布的公示均经初审、复审、终审三级审核（2023年济南市政务公开工作要点四(二)“三审三校”）。",
    ),
    CriterionSpec(
        "notices_posted_on_time",
        "公示按时张贴和撤下",
        15,
        "notices_posted_on_time",
        1.0,
        "公示在公示期开始时已张贴到目标公开栏，公示期满后及时撤下。",
    ),
    CriterionSpec(
        "events_against_targets",
        "专区活动完成年度目标进度",
        15,
        "events_against_targets",
        1.0,
        "年初至本月底已举办的政策解读、综合政策辅导、办事流程演示等活动，对照年度目标按月折算的进度"
        "（要点四(三)：加大在专区开展活动的频次）。",
    ),
    CriterionSpec(
        "adoption_on_time",
        "意见采纳情况按时公开",
        10,
        "adoption_on_time",
        1.0,
        "意见收集、采纳情况在政策出台后10个工作日内公开（要点二(二)）。",
    ),
    CriterionSpec(
        "requests_on_time",
        "依申请公开按期答复",
        15,
        "requests_on_time",
        1.0,
        "本月答复的申请均在法定期限内答复（政府信息公开条例第三十三条：20个工作日，延期不超过20个工作日）。",
    ),
    CriterionSpec(
        "masking_overrides",
        "取消隐私遮蔽",
        10,
        "masking_overrides",
        0,
        "工作人员取消隐私遮蔽不超过目标次数得满分，每超过1次扣该项分值的25%（个人信息保护法第六条）。",
    ),
)
