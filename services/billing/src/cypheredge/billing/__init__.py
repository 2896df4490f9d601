"""Billing: usage metering and Stripe."""
