"""Bundled data: holiday schedules, the standard catalogue, synonyms."""
