"""Shared infrastructure: settings, DB and tenancy, outbox, relay, inbox, consumers, storage."""
