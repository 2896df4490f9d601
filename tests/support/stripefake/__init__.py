"""A local Stripe-compatible HTTP server for tests, and Stripe's webhook signing scheme."""
