"""Shared infrastructure: settings, DB + tenancy, outbox, relay, inbox, consumer runner, storage, telemetry."""
