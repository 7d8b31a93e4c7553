"""Replication of a site's records between its staff PCs, through the platform, sealed under the site key.

``aggregates`` says what replicates, ``snapshot`` snapshots and applies an aggregate generically,
``track`` queues sealed aggregates on every write, ``applier`` applies pulled ones and ``numbers``
allocates the numbers people see from blocks the platform leases (docs/sync-replication.md).
"""
