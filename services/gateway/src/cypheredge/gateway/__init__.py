"""HTTP gateway: orgs, API keys, batches, outbox."""
