"""``FakeStripe``: Stripe's v1 wire protocol on a real local HTTP server, for tests.

Point the real ``stripe`` client at it (``fake.client()``, or ``StripeClient(fake.api_key,
base_addresses={"api": fake.url})``). Each request goes: authentication, injected failures,
the idempotency key, the endpoint (one at a time, under the store's lock), then the answer,
which an injected fault may drop.
"""

from __future__ import annotations

import base64
import copy
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import TracebackType
from typing import TYPE_CHECKING, Any

from stripefake.errors import StripeError
from stripefake.faults import Fault, Faults, Hold
from stripefake.idempotency import IdempotencyKeys, Saved
from stripefake.routes import dispatch
from stripefake.store import JSON, Store
from stripefake.subscriptions import STATUSES, mark_canceled, render_subscription
from stripefake.wire import Answer, LoseResponse, Server, dump

if TYPE_CHECKING:
    import stripe

API_VERSION = "2026-10-28.endive"


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the fake saw it; ``status`` is what it answered (or would have, when
    ``lost``); ``replayed``: the answer was the one saved for its idempotency key."""

    method: str
    path: str
    params: dict[str, Any]
    idempotency_key: str | None
    status: int
    replayed: bool = False
    lost: bool = False


class FakeStripe:
    """A Stripe stand-in on ``127.0.0.1`` and an ephemeral port; a context manager."""

    def __init__(self, api_key: str | None = None, *, clock: Callable[[], float] = time.time):
        self.api_key = api_key or "sk_test_" + secrets.token_hex(12)
        self._store = Store(clock)
        self._keys = IdempotencyKeys()
        self._faults = Faults()
        self._log: list[RecordedRequest] = []
        self._log_lock = threading.Lock()
        self._server: Server | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> FakeStripe:
        if self._server is None:
            self._server = Server(self._answer)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> FakeStripe:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``: the ``api`` base address for the client."""
        if self._server is None:
            raise RuntimeError("FakeStripe is not started")
        return f"http://127.0.0.1:{self._server.port}"

    def client(self, max_network_retries: int = 0) -> stripe.StripeClient:
        """A real ``stripe.StripeClient`` pointed here."""
        import stripe

        return stripe.StripeClient(
            self.api_key,
            base_addresses={"api": self.url},
            max_network_retries=max_network_retries,
        )

    # -- faults ---------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        path_prefix: str,
        status: int,
        times: int = 1,
        error_type: str | None = None,
        *,
        code: str | None = None,
        message: str | None = None,
    ) -> None:
        """The next ``times`` matching requests answer ``status`` with a Stripe error before
        the endpoint runs (429 ``rate_limit_error`` and 500 ``api_error`` unless told)."""
        text = message or f"Injected failure ({status}) for {method.upper()} {path_prefix}"
        error = StripeError(status, text, error_type=error_type, code=code)
        self._faults.add(Fault(method.upper(), path_prefix, times, error))

    def lose_response_next(self, method: str, path_prefix: str, times: int = 1) -> None:
        """The next ``times`` matching requests take effect, then their connection closes
        unanswered: Stripe recorded it, the caller never heard back."""
        self._faults.add(Fault(method.upper(), path_prefix, times))

    def hold_next(self, method: str, path_prefix: str) -> Hold:
        """Stop the next matching request just before its endpoint runs (its idempotency key
        taken) until ``hold.release()``; ``hold.arrived`` is set once it is there."""
        hold = Hold(method.upper(), path_prefix)
        self._faults.hold(hold)
        return hold

    # -- test hooks and inspection ----------------------------------------------------------

    def set_subscription_status(self, sub_id: str, status: str) -> None:
        """Move a subscription to ``status`` as Stripe's billing would (e.g. ``past_due``)."""
        if status not in STATUSES:
            raise ValueError(f"not a subscription status: {status}")
        with self._store.lock:
            sub = self._store.subscriptions[sub_id]
            if status == "canceled":
                mark_canceled(self._store, sub)
            sub["status"] = status

    def subscription_object(self, sub_id: str) -> JSON:
        """The subscription as the API returns it (for a webhook's ``data.object``)."""
        with self._store.lock:
            return render_subscription(self._store, self._store.subscriptions[sub_id])

    @property
    def customers(self) -> dict[str, JSON]:
        with self._store.lock:
            return copy.deepcopy(self._store.customers)

    @property
    def subscriptions(self) -> dict[str, JSON]:
        with self._store.lock:
            return {
                k: render_subscription(self._store, s) for k, s in self._store.subscriptions.items()
            }

    @property
    def prices(self) -> dict[str, JSON]:
        """Every price with its ``tiers`` (which responses show only when expanded)."""
        with self._store.lock:
            return copy.deepcopy(self._store.prices)

    @property
    def meters(self) -> dict[str, JSON]:
        with self._store.lock:
            return copy.deepcopy(self._store.meters)

    @property
    def meter_events(self) -> list[JSON]:
        """Accepted ``billing.meter_event`` objects, in the order they were accepted."""
        with self._store.lock:
            return copy.deepcopy(self._store.meter_events)

    def metered_total(self, customer_id: str, event_name: str | None = None) -> Decimal:
        """Sum of the values of ``customer_id``'s accepted meter events (of one event name)."""
        with self._store.lock:
            meters = {
                m["id"]
                for m in self._store.meters.values()
                if event_name is None or m["event_name"] == event_name
            }
            return sum(
                (v for m, c, _, v in self._store.event_values if m in meters and c == customer_id),
                Decimal(0),
            )

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._log_lock:
            return list(self._log)

    def reset(self) -> None:
        """Forget every object, saved idempotent response, pending fault and request."""
        with self._store.lock:
            self._store.reset()
        self._keys.reset()
        self._faults.reset()
        with self._log_lock:
            self._log.clear()

    # -- one request ------------------------------------------------------------------------

    def _answer(self, method: str, path: str, params: JSON, headers: Mapping[str, str]) -> Answer:
        request_id = Store.new_id("req")
        key = headers.get("idempotency-key") if method == "POST" else None
        lose: Fault | None = None
        try:
            self._authenticate(headers.get("authorization"))
            injected = self._faults.take(method, path, failing=True)
            if injected is not None and injected.error is not None:
                raise injected.error.fresh()
            lose = self._faults.take(method, path, failing=False)
            if key is None:
                answer = self._execute(method, path, params)
            else:
                answer = self._execute_once(key, method, path, params, request_id)
        except StripeError as error:
            answer = Answer(error.status, dump(error.body()), dict(error.headers))
        answer.headers.update(
            {
                "Request-Id": request_id,
                "Content-Type": "application/json",
                "Stripe-Version": headers.get("stripe-version", API_VERSION),
            }
        )
        if key is not None:
            answer.headers["Idempotency-Key"] = key
        record = RecordedRequest(
            method, path, params, key, answer.status, answer.replayed, lose is not None
        )
        with self._log_lock:
            self._log.append(record)
        if lose is not None:
            raise LoseResponse
        return answer

    def _authenticate(self, authorization: str | None) -> None:
        """Bearer auth, or Basic with the key as user name (``curl -u sk_test_...:``)."""
        scheme, _, credential = (authorization or "").partition(" ")
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(credential + "==").decode(errors="replace")
            except ValueError:  # not base64: no key given
                decoded = ""
            credential = decoded.partition(":")[0]
        elif scheme.lower() != "bearer":
            credential = ""
        if not credential:
            raise StripeError(
                401,
                "You did not provide an API key. You need to provide your API key in the "
                "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
                "YOUR_SECRET_KEY').",
            )
        if not secrets.compare_digest(credential, self.api_key):
            raise StripeError(
                401, f"Invalid API Key provided: {credential[:8]}****{credential[-4:]}"
            )

    def _execute_once(
        self, key: str, method: str, path: str, params: JSON, request_id: str
    ) -> Answer:
        saved = self._keys.begin(key, method, path, params)
        if saved is not None:
            headers = {"Idempotent-Replayed": "true", "Original-Request": saved.request_id}
            return Answer(saved.status, saved.body, headers, replayed=True)
        result: Saved | None = None
        try:
            answer = self._execute(method, path, params)
            if not 400 <= answer.status < 500:  # refused requests are not saved (see idempotency)
                result = Saved(method, path, params, answer.status, answer.body, request_id)
        finally:
            self._keys.finish(key, result)
        answer.headers["Original-Request"] = request_id
        return answer

    def _execute(self, method: str, path: str, params: JSON) -> Answer:
        hold = self._faults.take_hold(method, path)
        if hold is not None:
            hold.arrived.set()
            hold.released.wait(timeout=30)  # bounded, so a forgotten release cannot hang a run
        try:
            return Answer(200, dump(dispatch(self._store, method, path, params)))
        except StripeError as error:
            return Answer(error.status, dump(error.body()), dict(error.headers))
        except Exception as exc:  # a bug in the fake: surface it to the test as Stripe would
            bug = StripeError(500, f"FakeStripe failed: {exc!r}", error_type="api_error")
            return Answer(500, dump(bug.body()))
