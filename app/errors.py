"""Domain errors: expected failures with a message a user can act on.

Anything raised that is not a ``GongkaiError`` is a bug: the CLI exits 1 and names the log file,
the staff window shows the crash dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.messages import Message


class GongkaiError(Exception):
    """An expected failure whose message (Chinese, user-facing) says what is wrong and where.

    ``message``, when given, is the same sentence as an app.messages ``Message``, so the window can
    show it in the user's language (``str()`` stays the Chinese, for the command line and the log).
    """

    def __init__(self, *args: object, message: Message | None = None) -> None:
        super().__init__(*args)
        self.message = message


class InputError(GongkaiError):
    """Bad input: a file, field or argument that is not what was expected. Nothing was changed."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        return head + "\n" + "\n".join(f"  - {p}" for p in self.problems)


class LimitError(InputError):
    """Input over one of the documented size limits (docs/limits.md): one line naming the limit, exit 2."""


class NotFoundError(GongkaiError):
    """The record asked for does not exist."""


class PermissionDeniedError(GongkaiError):
    """The signed-in user lacks the role this action needs, or the action is forbidden to them."""


class AuthenticationError(GongkaiError):
    """Wrong user name or password."""


class StateError(GongkaiError):
    """The action is not allowed in the record's current state (e.g. approving a draft twice)."""
