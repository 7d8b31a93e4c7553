"""Real-shaped document files made in the tests: a .docx with a 发文字号 line (python-docx), a text PDF
(ReportLab with the bundled CJK font), a scanned-image PDF without any text, and a 目录 sheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

NOTICE_PARAGRAPHS = (
    "各街道办事处、镇人民政府，区政府各部门：",
    "为进一步做好最低生活保障工作，切实保障困难群众基本生活，现将有关事项通知如下。",
    "一、保障标准。城乡低保标准统一调整为每人每月1030元，自2024年7月1日起执行。",
    "二、申请程序。申请人向户籍所在地街道办事处提出申请，咨询电话：0531-88123456。",
)


def make_docx(
    path: Path,
    title: str,
    number: str = "历城政办发〔2024〕12号",
    paragraphs: tuple[str, ...] = NOTICE_PARAGRAPHS,
) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("济南市历城区人民政府办公室")
    doc.add_paragraph(number)
    doc.add_paragraph(title)
    for p in paragraphs:
        doc.add_paragraph(p)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "类别"
    table.cell(0, 1).text = "标准（元/人·月）"
    table.cell(1, 0).text = "城乡低保"
    table.cell(1, 1).text = "1030"
    doc.save(str(path))
    return path


def make_text_pdf(path: Path, title: str, lines: tuple[str, ...], pages: int = 1) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from printing.fonts import register_fonts

    font = register_fonts()
    c = Canvas(str(path), pagesize=A4)
    for page in range(pages):
        c.setFont(font, 16)
        c.drawString(72, 770, title if page == 0 else f"{title}（第{page + 1}页）")
        c.setFont(font, 12)
        for i, line in enumerate(lines):
            c.drawString(72, 730 - 22 * i, line)
        c.showPage()
    c.save()
    return path


def make_scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF of page images only (what a scanner produces): no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4)
    for page in range(pages):
        img = Image.new("L", (620, 877), 250)
        draw = ImageDraw.Draw(img)
        for y in range(80, 800, 28):
            draw.rectangle((60, y, 560 - (y * 7 + page * 13) % 160, y + 10), fill=40)
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return path


def write_sheet(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
    else:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.append(header)
        for r in rows:
            ws.append(r)
        wb.save(path)
    return path


HEADER = [
    "文件名",
    "标题",
    "发文字号",
    "发文机关",
    "成文日期",
    "发布日期",
    "施行日期",
    "有效性",
    "主题分类",
    "关键词",
    "附件",
]


def make_folder(folder: Path, sheet: str = "目录.xlsx") -> Path:
    """Three documents (a .docx whose number is only in its text, a text PDF, a scan) and a 目录 sheet."""
    folder.mkdir(parents=True, exist_ok=True)
    make_docx(folder / "低保通知.docx", "关于调整城乡最低生活保障标准的通知")
    make_text_pdf(
        folder / "养老补贴办法.pdf",
        "历城区高龄老人津贴发放管理办法",
        ("第一条 为弘扬敬老传统，对八十周岁以上老年人发放高龄津贴。", "第二条 津贴标准为每人每月100元。"),
        pages=3,
    )
    make_scanned_pdf(folder / "扫描件.pdf")
    make_text_pdf(folder / "附件1.pdf", "申请表", ("姓名　　身份证号码　　联系电话",))
    write_sheet(
        folder / sheet,
        HEADER,
        [
            [
                "低保通知.docx",
                "关于调整城乡最低生活保障标准的通知",
                "",
                "济南市历城区人民政府办公室",
                "2024-06-20",
                "2024年6月25日",
                "2024-07-01",
                "有效",
                "社会救助",
                "低保、救助标准",
                "附件1.pdf",
            ],
            [
                "养老补贴办法.pdf",
                "历城区高龄老人津贴发放管理办法",
                "历城政发〔2023〕5号",
                "济南市历城区人民政府",
                "2023/3/1",
                "2023/3/5",
                "2023/4/1",
                "有效",
                "养老服务",
                "高龄津贴",
                "",
            ],
            [
                "扫描件.pdf",
                "关于做好2019年度农村危房改造工作的通知",
                "历城建发〔2019〕8号",
                "济南市历城区住房和城乡建设局",
                "2019-04-01",
                "2019-04-03",
                "",
                "失效",
                "",
                "危房改造",
                "",
            ],
        ],
    )
    return folder
