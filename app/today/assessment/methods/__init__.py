"""The registry of computation functions, by method key.

Each capability contributes one module with its ``METHODS`` tuple and one line below, so an admin's
criterion can select any of them by key.
"""

from __future__ import annotations

from app.today.assessment.figures import Method
from app.today.assessment.methods import catalogue, events, masking, notices, requests

METHODS: dict[str, Method] = {
    m.key: m for module in (catalogue, notices, events, requests, masking) for m in module.METHODS
}
