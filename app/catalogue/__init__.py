"""The standardized disclosure catalogue (基层政务公开标准目录): service, vocabulary and values.

Modules: ``model`` (values and the fixed vocabulary), ``files`` (xlsx/csv as text grids),
``layout`` (the published table layout, in and out), ``rules`` (公开时限 -> due dates),
``search`` (the in-memory as-you-type index), ``service`` (``CatalogueService``).
"""

from app.catalogue.model import (
    CHANNELS,
    CatalogueDiff,
    CatalogueItemView,
    ComplianceEntry,
    DisclosureView,
    DomainView,
    HistoryEntry,
    ImportResult,
    ItemChange,
    ItemData,
    VersionView,
)
from app.catalogue.service import CatalogueService

__all__ = [
    "CHANNELS",
    "CatalogueDiff",
    "CatalogueItemView",
    "CatalogueService",
    "ComplianceEntry",
    "DisclosureView",
    "DomainView",
    "HistoryEntry",
    "ImportResult",
    "ItemChange",
    "ItemData",
    "VersionView",
]
