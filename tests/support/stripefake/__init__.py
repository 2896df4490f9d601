"""A local Stripe-compatible HTTP server for tests, and Stripe's webhook signing scheme."""

from stripefake.faults import Hold
from stripefake.server import API_VERSION, FakeStripe, RecordedRequest
from stripefake.signing import event_payload, signature_header

__all__ = [
    "API_VERSION",
    "FakeStripe",
    "Hold",
    "RecordedRequest",
    "event_payload",
    "signature_header",
]
