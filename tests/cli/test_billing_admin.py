"""``cypheredge admin set-plan | stripe-setup | billing-reconcile``, run as users run them
(the installed script) against real PostgreSQL and the local fake Stripe."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID, uuid4

import pytest
from stripefake import FakeStripe

from cetest.billing_service import stripe_api_for
from cypheredge.billing.bootstrap import database
from cypheredge.billing.infra.models import outbox
from cypheredge.billing.service.provisioning import StripeSync
from cypheredge.contracts.catalogue import BILLING
from cypheredge.kit.outbox import Outbox
from cypheredge.kit.settings import InfraSettings

pytestmark = pytest.mark.integration

CLI = str(Path(sys.executable).with_name("cypheredge"))


@pytest.fixture
def fake_stripe() -> Iterator[FakeStripe]:
    with FakeStripe() as fake:
        yield fake


def _run(
    infra: InfraSettings, fake: FakeStripe | None, tmp_path: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STRIPE_")}
    env["DATABASE_URL"] = infra.database_url
    if fake is not None:
        env |= {"STRIPE_API_KEY": fake.api_key, "STRIPE_API_BASE": fake.url}
    command = [CLI, "admin", *args]
    if args[0] != "stripe-setup":
        command += ["--data-dir", str(tmp_path)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def _new_org(infra: InfraSettings, tmp_path: Path) -> str:
    made = _run(infra, None, tmp_path, "create-org", "Plans Ltd")
    assert made.returncode == 0, made.stderr
    return str(json.loads(made.stdout)["org_id"])


def test_stripe_setup_makes_what_is_missing_once(
    infra: InfraSettings, fake_stripe: FakeStripe, tmp_path: Path
) -> None:
    first = _run(infra, fake_stripe, tmp_path, "stripe-setup")
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("(made)") == 4, first.stdout  # the meter and three paid plans
    second = _run(infra, fake_stripe, tmp_path, "stripe-setup")
    assert second.stdout.count("(exists)") == 4, second.stdout
    assert len(fake_stripe.prices) == 3
    lookup = {p["lookup_key"] for p in fake_stripe.prices.values()}
    assert lookup == {
        "cypheredge_starter_pages",
        "cypheredge_pro_pages",
        "cypheredge_enterprise_pages",
    }


def test_without_a_stripe_key_the_stripe_commands_say_so(
    infra: InfraSettings, tmp_path: Path
) -> None:
    done = _run(infra, None, tmp_path, "stripe-setup")
    assert done.returncode == 2
    assert "STRIPE_API_KEY is not set" in done.stderr


def test_set_plan_moves_an_org_and_refuses_unknown_plans_and_orgs(
    infra: InfraSettings, tmp_path: Path
) -> None:
    org = _new_org(infra, tmp_path)
    moved = _run(infra, None, tmp_path, "set-plan", org, "starter")
    assert moved.returncode == 0, moved.stderr
    assert json.loads(moved.stdout) == {
        "org_id": org,
        "plan": "starter",
        "status": "active",
        "revision": 1,
    }
    unknown_plan = _run(infra, None, tmp_path, "set-plan", org, "platinum")
    assert unknown_plan.returncode == 2
    assert "unknown plan 'platinum'" in unknown_plan.stderr
    unknown_org = _run(infra, None, tmp_path, "set-plan", str(uuid4()), "pro")
    assert unknown_org.returncode == 2
    assert "no org" in unknown_org.stderr


def test_billing_reconcile_compares_an_orgs_usage_with_stripes_meter(
    infra: InfraSettings, fake_stripe: FakeStripe, tmp_path: Path
) -> None:
    assert _run(infra, fake_stripe, tmp_path, "stripe-setup").returncode == 0
    org = _new_org(infra, tmp_path)
    assert _run(infra, None, tmp_path, "set-plan", org, "pro").returncode == 0
    asyncio.run(_sync(infra, fake_stripe, UUID(org)))
    period = datetime.now(UTC).strftime("%Y-%m")
    same = _run(infra, fake_stripe, tmp_path, "billing-reconcile", "--org", org)
    assert same.returncode == 0, same.stdout + same.stderr
    assert f"period {period}" in same.stdout
    assert "1 customer(s) match Stripe" in same.stdout
    # Pages at Stripe that we never sent: the difference is shown and the exit code says so.
    (customer,) = fake_stripe.customers
    fake_stripe.client().v1.billing.meter_events.create(
        {
            "event_name": "cypheredge_pages",
            "payload": {"stripe_customer_id": customer, "value": "5"},
        }
    )
    off = _run(infra, fake_stripe, tmp_path, "billing-reconcile", "--org", org)
    assert off.returncode == 1
    assert "differ from Stripe" in off.stderr
    (line,) = [x for x in off.stdout.splitlines() if x.startswith(org)]
    assert line.split()[-1] == "5"


async def _sync(infra: InfraSettings, fake: FakeStripe, org: UUID) -> None:
    db = database(infra)
    try:
        assert await StripeSync(db, stripe_api_for(fake), Outbox(outbox, BILLING.source)).sync(org)
    finally:
        await db.dispose()
