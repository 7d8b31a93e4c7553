"""The daily task sheet and the self-assessment PDF, read back with pypdf."""

from __future__ import annotations

import re

from pypdf import PdfReader

from printing import render
from printing.assessment import AssessmentReport, EvidenceGroup, EvidenceRow, ScoreRow, assessment_document
from printing.today import TaskLine, TaskSection, TaskSheet, task_sheet_document


def _text(pdf: bytes) -> tuple[int, str]:
    import io

    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def test_task_sheet_is_one_page_with_checkboxes_and_reasons() -> None:
    sheet = TaskSheet(
        site="历城区唐王街道",
        date_text="2025年9月26日（周五）",
        headline="今天有 3 件事需要处理，其中 1 件已逾期",
        user="李窗口",
        sections=[
            TaskSection(
                "已逾期",
                [TaskLine("撤下低保公示", "公示期已于9月25日结束，仍在东营村公开栏", "9月25日（周四）")],
            ),
            TaskSection(
                "3个工作日内",
                [TaskLine("答复王某某的申请", "条例第三十三条：20个工作日内答复", "9月30日（周二）暂定")],
            ),
        ],
    )
    pages, text = _text(render(task_sheet_document(sheet)))
    assert pages == 1
    for needle in ("今日工作", "撤下低保公示", "仍在东营村公开栏", "9月30日（周二）暂定", "打印人：李窗口"):
        assert needle in text


def test_assessment_pdf_carries_scores_trend_and_evidence() -> None:
    report = AssessmentReport(
        site="历城区唐王街道",
        month_label="2025年9月",
        total_text="92.5 分",
        note="计算日期：2025年10月1日",
        scores=[ScoreRow("取消隐私遮蔽", "10", "1 次", "不超过 0 次", "7.5 / 10", "每超过1次扣25%")],
        trend=[("2025.8", "95"), ("2025.9", "92.5")],
        evidence=[
            EvidenceGroup(
                "取消隐私遮蔽",
                "审计日志",
                [EvidenceRow("2025-09-12", "clerk 取消遮蔽 1 处（手机号）", "未达标", "", "1a2b3c4d")],
            )
        ],
    )
    pages, text = _text(render(assessment_document(report)))
    assert pages >= 1
    for needle in ("月度自评", "92.5分", "2025.8", "clerk取消遮蔽1处（手机号）", "1a2b3c4d"):
        assert needle in text
