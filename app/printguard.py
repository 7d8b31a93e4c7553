"""Printing errors in the words of the record: a character no print face can draw is bad input.

``printing`` raises ``MissingGlyphError`` naming the character, its code point and the text around
it, and writes no PDF; the service that asked for the printout adds which record it was (公示、
活动、申请…) and raises ``InputError``, so the command line exits 2 and the window shows the message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.errors import InputError, StateError

__all__ = ["NO_PUBLIC_ADDRESS", "naming", "public_address"]

#: A final printout's QR code must open: the address of the public pages comes from the platform
#: (announced at every sync, docs/sync-devices.md), so before the first sync there is none.
NO_PUBLIC_ADDRESS = "尚未连接市级平台，不知道公开页面地址，二维码无法打开：请先同步"


def public_address(url: str, record: str = "") -> str:
    """``url`` when it is an absolute web address; StateError (the sentence above) otherwise."""
    if url.startswith(("http://", "https://")):
        return url
    raise StateError(f"{record}：{NO_PUBLIC_ADDRESS}" if record else NO_PUBLIC_ADDRESS)


@contextmanager
def naming(record: str) -> Iterator[None]:
    """Run a printout for ``record`` (e.g. 公示“……”); a missing glyph becomes an ``InputError``."""
    try:
        yield
    except ValueError as exc:
        from printing.fonts import MissingGlyphError  # already imported: the error came from it

        if isinstance(exc, MissingGlyphError):
            raise InputError(f"{record}：{exc}") from exc
        raise
