"""The kit's layer over FastStream: what every consumer service's app shares.

FastStream runs the consumers (groups, polling, acks, telemetry, AsyncAPI); this package adds
what it does not do for us: CloudEvents envelopes typed by the contracts' event models,
dead-lettering after bounded retries, and the process around an app (relay, health, signals).
"""

from cypheredge.kit.stream.app import broker_of, service_app
from cypheredge.kit.stream.broker import make_broker, subscriber
from cypheredge.kit.stream.deadletter import DeadLetters, PermanentError, RetryPolicy
from cypheredge.kit.stream.envelopes import CurrentEnvelope, envelope_of, ignore_others, of_type
from cypheredge.kit.stream.publishers import declare_publishers, publisher_send
from cypheredge.kit.stream.worker import ConsumerFailed, Worker, consumer_failure, run_worker

__all__ = [
    "ConsumerFailed",
    "CurrentEnvelope",
    "DeadLetters",
    "PermanentError",
    "RetryPolicy",
    "Worker",
    "broker_of",
    "consumer_failure",
    "declare_publishers",
    "envelope_of",
    "ignore_others",
    "make_broker",
    "of_type",
    "publisher_send",
    "run_worker",
    "service_app",
    "subscriber",
]
