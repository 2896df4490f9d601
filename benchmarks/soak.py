"""Soak: batches of generated statements while every kind of process is SIGKILLed.

Run from the repository root (what `make soak` does):

    .venv/bin/python benchmarks/soak.py [--batches N] [--seed S] [--window SECONDS]
        [--timeout SECONDS] [--ready-within SECONDS] [--kills N] [--targets a,b] [--no-kills]
        [--json PATH] [--keep]

It starts its own `cypheredge up` (embedded PostgreSQL, broker and storage) on a fresh data
dir and a free port, with the re-drive shortened so that recovery happens within the run,
creates an org, uploads the batches spread over the window through the real API, and kills
processes at seeded random moments: each service, an extractor pool worker and the broker.
Then it waits for every batch to be final (or --timeout after the last upload) and checks the
answer against the generator's truth and the platform's books. Exit status 0 when every goal
is met, 1 when one is missed, 2 when the stack could not be run at all.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from soak_audit import Books, Matched, batch_rows, books, compare, fetch
from soak_chaos import KINDS, Chaos, PlannedKill, plan
from soak_dlq import DeadLetters
from soak_load import FINAL, Batch, build_batches, poll, submit
from soak_report import figures, goals, kill_dicts, print_report
from soak_stack import Org, Stack, StackFailed

# Short enough that a batch whose events a broker kill lost is re-driven within the run; the
# deadline is far beyond it, so no batch is failed for being slow.
STACK_SETTINGS = {
    "REDRIVE_AFTER_SECONDS": "20",
    "SWEEP_INTERVAL_SECONDS": "5",
    "BATCH_DEADLINE_SECONDS": "7200",
}
READY_WITHIN = 240.0
# After the batches are final the relays may still be sending. A relay killed between claiming
# rows and marking them sent leaves them leased for 30 s (kit.relay's lease) before its
# replacement may send them again, so waiting any less would race that lease, not measure
# what was left unsent. An empty outbox ends the wait at once.
OUTBOX_SETTLE = 90.0
err = Console(stderr=True)
# The broker kill makes aiokafka log every refused connection of the dead-letter reader.
logging.getLogger("aiokafka").setLevel(logging.CRITICAL)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--window", type=float, default=150.0, help="seconds uploads spread over")
    parser.add_argument(
        "--timeout", type=float, default=360.0, help="seconds after the last upload to quiesce"
    )
    parser.add_argument(
        "--ready-within", type=float, default=READY_WITHIN, help="seconds for the stack to start"
    )
    parser.add_argument("--kills", type=int, default=12, help="kills in all (each target once)")
    parser.add_argument("--targets", default=",".join(KINDS), help="kinds of process to kill")
    parser.add_argument("--no-kills", action="store_true", help="a baseline run")
    parser.add_argument(
        "--no-screen", action="store_true", help="keep statements the extractor misreads offline"
    )
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the data dir (logs)")
    args = parser.parse_args(argv)
    unknown = set(args.targets.split(",")) - set(KINDS)
    if unknown:
        parser.error(f"unknown targets {sorted(unknown)}; known: {', '.join(KINDS)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    batches, skipped = build_batches(args.batches, args.seed, screen=not args.no_screen)
    err.print(f"{sum(len(b.files) for b in batches)} statements in {len(batches)} batches")
    if skipped:
        err.print(f"left out, not read exactly offline: {', '.join(skipped)}")
    stack = Stack(STACK_SETTINGS, keep=args.keep)
    try:
        stack.start()
        with ThreadPoolExecutor(1) as pool:
            # The org is made while the services start: `up` migrated the database by then.
            created = pool.submit(stack.create_org_once_migrated, "Soak", args.ready_within)
            ready = stack.wait_ready(args.ready_within)
            org = created.result()
        err.print(f"stack ready in {ready:.0f} s at {stack.api} (data dir {stack.data_dir})")
        data = asyncio.run(soak(args, stack, org, batches))
        data |= {"ready_seconds": ready, "left_out_not_read_exactly": skipped}
    except StackFailed as exc:
        err.print(f"[red]error: {exc}[/]")
        return 2
    finally:
        stack.stop()
        if args.keep:
            err.print(f"data dir kept: {stack.data_dir}")
    data["goals"] = [vars(g) for g in goals(data)]
    # Piped (make soak | tee), rich would fold the table into 80 columns.
    print_report(data, Console() if sys.stdout.isatty() else Console(width=120))
    if args.json:
        args.json.write_text(json.dumps(data, indent=2, default=str))
    return 0 if all(g["met"] for g in data["goals"]) else 1


async def soak(
    args: argparse.Namespace, stack: Stack, org: Org, batches: list[Batch]
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {org.api_key}"}
    async with httpx.AsyncClient(base_url=stack.api, headers=headers, timeout=60) as client:
        t0 = time.monotonic()
        stop = asyncio.Event()
        letters = DeadLetters(
            stack.stack_info()["KAFKA_BOOTSTRAP_SERVERS"], lambda: stack.processes().get("broker")
        )
        planned = [] if args.no_kills else _plan(args)
        chaos = Chaos(stack, planned, lambda line: err.print(line))
        background = [
            asyncio.create_task(poll(client, batches, t0, stop)),
            asyncio.create_task(letters.run(stop)),
        ]
        await _drive(args, client, stack, batches, chaos, letters, t0)
        all_final = _all_final_at(batches)
        await asyncio.wait_for(chaos.settle(), 200)
        stop.set()
        await asyncio.gather(*background)
        audited = await _audit(client, stack, org, batches, letters)
        return audited | {
            "seed": args.seed,
            "kills": kill_dicts(chaos.kills),
            "quiesce_seconds": _quiesce(all_final, chaos, batches),
            "run_seconds": round(time.monotonic() - t0, 1),
        }


def _plan(args: argparse.Namespace) -> list[PlannedKill]:
    targets = tuple(t for t in KINDS if t in args.targets.split(","))
    return plan(targets, max(args.kills, len(targets)), args.window, args.seed)


async def _drive(
    args: argparse.Namespace,
    client: httpx.AsyncClient,
    stack: Stack,
    batches: list[Batch],
    chaos: Chaos,
    letters: DeadLetters,
    t0: float,
) -> None:
    """Uploads on schedule and kills on plan, then waits for the batches, with progress."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as progress:
        uploaded = progress.add_task("uploaded", total=len(batches))
        final = progress.add_task("final", total=len(batches))
        work = [
            asyncio.create_task(_upload(client, batches, args.window, t0)),
            asyncio.create_task(chaos.run(t0, letters.read)),
        ]
        deadline: float | None = None
        while True:
            stack.check()
            progress.update(uploaded, completed=sum(1 for b in batches if b.id))
            progress.update(final, completed=sum(1 for b in batches if b.status in FINAL))
            if all(task.done() for task in work):
                for task in work:
                    task.result()  # a harness error surfaces here
                deadline = deadline or time.monotonic() + args.timeout
                if _all_final_at(batches) is not None or time.monotonic() > deadline:
                    return
            await asyncio.sleep(0.5)


async def _upload(
    client: httpx.AsyncClient, batches: list[Batch], window: float, t0: float
) -> None:
    """One upload every window/N seconds, each in its own task: a slow one delays no other."""
    step = window / max(1, len(batches))
    tasks = []
    for batch in batches:
        await asyncio.sleep(max(0.0, t0 + batch.index * step - time.monotonic()))
        tasks.append(asyncio.create_task(submit(client, batch, t0)))
    await asyncio.gather(*tasks)


def _all_final_at(batches: list[Batch]) -> float | None:
    """When the last batch became final (seconds after t0), or None while one is open."""
    if not all(b.id and b.final_at is not None for b in batches):
        return None
    return max(b.final_at or 0.0 for b in batches)


def _quiesce(all_final: float | None, chaos: Chaos, batches: list[Batch]) -> float | None:
    """From the last kill (the last upload in a run without kills) to every batch final."""
    if all_final is None:
        return None
    moments = [k.at for k in chaos.kills if k.at is not None]
    moments = moments or [b.submitted_at for b in batches if b.submitted_at is not None]
    return round(max(0.0, all_final - max(moments, default=0.0)), 1)


async def _audit(
    client: httpx.AsyncClient,
    stack: Stack,
    org: Org,
    batches: list[Batch],
    letters: DeadLetters,
) -> dict[str, Any]:
    """Every batch as the API tells it, its rows against the truth, and the books."""
    details: dict[str, dict[str, Any]] = {}
    matched: dict[str, Matched] = {}
    divergent: list[dict[str, Any]] = []
    for batch in batches:
        if batch.id is None:
            continue
        details[batch.id] = await _get(client, f"/v1/batches/{batch.id}")
        statuses = {s["filename"]: s["status"] for s in details[batch.id]["statements"]}
        matched[batch.id] = await _match(client, batch, statuses, divergent)
    org_batches = len((await _get(client, "/v1/batches?limit=100"))["data"])
    ledger = await _settled_books(stack, org)
    await letters.read()
    extra = {"org_batches": org_batches, "statements_with_divergent_rows": divergent}
    return figures(batches, details, matched, ledger, letters.letters, extra)


async def _match(
    client: httpx.AsyncClient,
    batch: Batch,
    statuses: dict[str, str],
    divergent: list[dict[str, Any]],
) -> Matched:
    """The batch's rows, per statement file, against that file's truth (no report: none);
    every statement whose rows are not exactly its truth's goes into ``divergent``."""
    assert batch.id is not None
    rows = await batch_rows(client, batch.id) or []
    total = Matched()
    for file in batch.files:
        one = compare([r for r in rows if r.get("statement") == file.name], file.truth)
        total.add(one)
        if one.matched != one.expected or one.extra or one.duplicated or one.descriptions_differ:
            status = statuses.get(file.name)
            divergent.append({"batch": batch.id, "file": file.name, "status": status, **vars(one)})
    return total


async def _get(client: httpx.AsyncClient, path: str) -> dict[str, Any]:
    response = await fetch(client, path)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


async def _settled_books(stack: Stack, org: Org) -> Books:
    """The books once the outboxes are empty, or as they stand after :data:`OUTBOX_SETTLE`."""
    url = stack.stack_info()["DATABASE_URL"]
    deadline = time.monotonic() + OUTBOX_SETTLE
    while True:
        ledger = await books(url, org.org_id)
        if not any(ledger.unsent.values()) or time.monotonic() > deadline:
            return ledger
        await asyncio.sleep(1.0)


if __name__ == "__main__":
    sys.exit(main())
