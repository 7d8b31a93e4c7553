"""Every model module, imported here so Base.metadata (and Alembic) see all tables."""

from db.models.catalogue import (
    CatalogueDisclosure,
    CatalogueDomain,
    CatalogueItem,
    CatalogueItemRevision,
    CatalogueSynonym,
    CatalogueVersion,
)
from db.models.core import AuditEntry, Holiday, HolidayYear, OutboxEntry, Setting, Site, User

__all__ = [
    "CatalogueDisclosure",
    "CatalogueDomain",
    "CatalogueItem",
    "CatalogueItemRevision",
    "CatalogueSynonym",
    "CatalogueVersion",
    "AuditEntry",
    "Holiday",
    "HolidayYear",
    "OutboxEntry",
    "Setting",
    "Site",
    "User",
]
