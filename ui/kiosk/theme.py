"""Colours and type sizes of the kiosk, and the one style sheet built from them.

Figures follow the 适老化 rules (docs/domain-facts.md §4.4; 工信部 2021 APP 适老化通用设计规范): in the
长辈 (large) mode body text ≥ 18 pt and headlines ≥ 30 pt; every text/background pair ≥ 4.5:1
(tests/ui/test_kiosk_theme.py checks each pair); touch targets ≥ 60 px; line spacing comes from
the font (WenQuanYi Micro Hei's line height is about 1.3× its size).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Minimum touch target edge in pixels (spec: 60×60 in the 适老版; we apply it everywhere).
TOUCH_PX = 64


@dataclass(frozen=True)
class Palette:
    name: str
    bg: str
    surface: str
    fg: str
    muted: str
    accent: str  # primary buttons' background
    accent_fg: str
    border: str
    pressed: str
    badge_bg: str
    badge_fg: str


@dataclass(frozen=True)
class Sizes:
    """Point sizes (points, not pixels: they follow the screen's DPI)."""

    body: int
    small: int
    title: int
    headline: int
    button: int
    clock: int


STANDARD = Palette(
    name="standard",
    bg="#F3F5F7",
    surface="#FFFFFF",
    fg="#1A1A1A",
    muted="#4A4F55",
    accent="#0B4F9C",
    accent_fg="#FFFFFF",
    border="#5B6470",
    pressed="#D6E4F5",
    badge_bg="#8A1C1C",
    badge_fg="#FFFFFF",
)
HIGH_CONTRAST = Palette(
    name="high_contrast",
    bg="#000000",
    surface="#000000",
    fg="#FFFFFF",
    muted="#FFFF66",
    accent="#FFD400",
    accent_fg="#000000",
    border="#FFFFFF",
    pressed="#333333",
    badge_bg="#FFFFFF",
    badge_fg="#000000",
)
NORMAL_SIZES = Sizes(body=16, small=14, title=22, headline=28, button=18, clock=40)
LARGE_SIZES = Sizes(body=20, small=18, title=26, headline=34, button=22, clock=48)


def palette(high_contrast: bool) -> Palette:
    return HIGH_CONTRAST if high_contrast else STANDARD


def sizes(large: bool) -> Sizes:
    return LARGE_SIZES if large else NORMAL_SIZES


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """WCAG relative luminance of ``#RRGGBB``."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1–21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """Every foreground/background combination the style sheet uses, named for test messages."""
    return [
        ("text on page", p.fg, p.bg),
        ("text on card", p.fg, p.surface),
        ("secondary text on page", p.muted, p.bg),
        ("secondary text on card", p.muted, p.surface),
        ("primary button", p.accent_fg, p.accent),
        ("badge", p.badge_fg, p.badge_bg),
        ("pressed button", p.fg, p.pressed),
    ]


def style_sheet(p: Palette, s: Sizes) -> str:
    """The kiosk window's style sheet; widgets pick their look through the ``role`` property."""
    return f"""
QWidget#kiosk {{ background: {p.bg}; }}
QWidget {{ color: {p.fg}; font-size: {s.body}pt; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QLabel {{ background: transparent; }}
QLabel[role="headline"] {{ font-size: {s.headline}pt; font-weight: bold; }}
QLabel[role="title"] {{ font-size: {s.title}pt; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="small"] {{ color: {p.muted}; font-size: {s.small}pt; }}
QLabel[role="clock"] {{ font-size: {s.clock}pt; font-weight: bold; }}
QLabel[role="badge"] {{ background: {p.badge_bg}; color: {p.badge_fg}; font-size: {s.body}pt;
    font-weight: bold; padding: 4px 14px; border-radius: 6px; }}
QLabel[role="fieldlabel"] {{ color: {p.muted}; font-weight: bold; }}
QFrame[role="card"] {{ background: {p.surface}; border: 2px solid {p.border}; border-radius: 14px; }}
QFrame[role="bar"] {{ background: {p.surface}; border-bottom: 2px solid {p.border}; }}
QFrame[role="navbar"] {{ background: {p.surface}; border-top: 2px solid {p.border}; }}
QFrame[role="tile"] {{ background: {p.surface}; border: 3px solid {p.border}; border-radius: 14px; }}
QFrame[role="tile"][down="true"] {{ background: {p.pressed}; }}
QPushButton {{ min-height: {TOUCH_PX}px; min-width: {TOUCH_PX}px; font-size: {s.button}pt;
    background: {p.surface}; color: {p.fg}; border: 3px solid {p.border}; border-radius: 12px;
    padding: 8px 20px; }}
QPushButton:pressed {{ background: {p.pressed}; color: {p.fg}; }}
QPushButton[role="primary"] {{ background: {p.accent}; color: {p.accent_fg}; border-color: {p.accent};
    font-weight: bold; }}
QPushButton[role="primary"]:pressed {{ background: {p.pressed}; color: {p.fg}; }}
QPushButton[role="key"] {{ font-size: {s.title}pt; font-weight: bold; padding: 4px; }}
QPushButton[role="chip"] {{ font-size: {s.body}pt; padding: 6px 16px; }}
QPushButton[role="chip"]:checked {{ background: {p.accent}; color: {p.accent_fg}; border-color: {p.accent}; }}
QPushButton:checked {{ border-width: 5px; }}
QPushButton:disabled, QPushButton[role="primary"]:disabled, QPushButton[role="key"]:disabled {{
    background: {p.bg}; color: {p.muted}; border: 3px dashed {p.border}; }}
QTableView {{ background: {p.surface}; color: {p.fg}; gridline-color: {p.border}; font-size: {s.body}pt;
    border: 2px solid {p.border}; }}
QHeaderView::section {{ background: {p.bg}; color: {p.fg}; font-weight: bold; padding: 6px;
    border: 1px solid {p.border}; font-size: {s.body}pt; }}
QDialog {{ background: {p.bg}; }}
"""
