"""The soak's figures, its goals, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from soak_audit import Books, Matched
from soak_chaos import Kill
from soak_dlq import DeadLetter
from soak_load import FINAL, FINAL_STATEMENT, Batch


@dataclass(frozen=True)
class Goal:
    figure: str
    value: str
    goal: str
    met: bool


def accounted(letter: DeadLetter, complete: set[str]) -> bool:
    """A dead letter is accounted for when its batch still finished with every transaction:
    the work it carried was done anyway (a redelivery or a re-drive)."""
    return letter.batch_id is not None and letter.batch_id in complete


def goals(figures: dict[str, Any]) -> list[Goal]:
    n = figures["batches"]
    tx, usage, dlq = figures["transactions"], figures["usage"], figures["dead_letters"]
    unsent = sum(figures["outbox_unsent"].values())
    kills = figures["kills"]
    done = sum(1 for k in kills if k["at"] is not None)
    return [
        Goal("batches finished", f"{figures['batches_finished']} of {n} "
             f"({figures['batch_statuses'].get('completed', 0)} completed)", f"{n}",
             figures["batches_finished"] == n),
        Goal("batches in the org (none made twice)", str(figures["org_batches"]), f"{n}",
             figures["org_batches"] == n),
        Goal("statements stuck (not final)", str(figures["statements_stuck"]), "0",
             figures["statements_stuck"] == 0),
        Goal("statements failed or rejected", str(figures["statements_failed"]), "0",
             figures["statements_failed"] == 0),
        Goal("transactions missing", f"{tx['missing']} of {tx['expected']}", "0",
             tx["missing"] == 0),
        Goal("transactions duplicated", str(tx["duplicated"]), "0", tx["duplicated"] == 0),
        Goal("usage rows / extracted statements",
             f"{usage['usage_rows']} / {usage['extracted']}", "equal", usage["equal"]),
        Goal("DLQ messages (unaccounted)", f"{dlq['count']} ({dlq['unaccounted']})",
             "accounted for", dlq["unaccounted"] == 0),
        Goal("outbox rows unsent", str(unsent), "0", unsent == 0),
        Goal("kills done", f"{done} of {len(kills)}", f"{len(kills)}", done == len(kills)),
    ]  # fmt: skip


def statement_figures(details: dict[str, dict[str, Any]]) -> tuple[int, list[dict[str, Any]]]:
    """How many statements are not final, and every statement that is not reported."""
    stuck, unreported = 0, []
    for batch_id, batch in details.items():
        for statement in batch.get("statements", []):
            if statement["status"] not in FINAL_STATEMENT:
                stuck += 1
            if statement["status"] != "reported":
                unreported.append(
                    {
                        "batch": batch_id,
                        "file": statement["filename"],
                        "status": statement["status"],
                        "error": statement.get("error"),
                    }
                )
    return stuck, unreported


def figures(
    batches: list[Batch],
    details: dict[str, dict[str, Any]],
    matched: dict[str, Matched],
    books: Books,
    letters: list[DeadLetter],
    extra: dict[str, Any],
) -> dict[str, Any]:
    total = Matched()
    for one in matched.values():
        total.add(one)
    complete = {b for b, m in matched.items() if m.missing == 0 and details[b]["status"] in FINAL}
    stuck, unreported = statement_figures(details)
    return {
        "batches": len(batches),
        "statements": sum(len(b.files) for b in batches),
        "batches_submitted": sum(1 for b in batches if b.id),
        "batches_finished": sum(1 for d in details.values() if d["status"] in FINAL),
        "batch_statuses": _count(d["status"] for d in details.values()),
        "statements_stuck": stuck,
        "statements_failed": sum(1 for u in unreported if u["status"] in ("failed", "rejected")),
        "statements_not_reported": unreported,
        "transactions": vars(total),
        "batches_with_missing_rows": sorted(b for b, m in matched.items() if m.missing),
        "usage": {
            "usage_rows": books.usage_rows,
            "extracted": books.extracted,
            "extraction_failed": books.extraction_failed,
            "usage_without_extraction": books.usage_without_extraction,
            "extraction_without_usage": books.extraction_without_usage,
            "unbilled_statements": books.unbilled,
            "equal": books.usage_equal,
        },
        "dead_letters": {
            "count": len(letters),
            "unaccounted": sum(1 for d in letters if not accounted(d, complete)),
            "messages": [d.as_dict() for d in letters],
        },
        "outbox_unsent": books.unsent,
        "batches_redriven": books.redriven,
        "upload_attempts": sum(b.attempts for b in batches),
        **extra,
    }


def _count(values: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for value in values:
        out[value] = out.get(value, 0) + 1
    return out


def print_report(data: dict[str, Any], console: Console) -> None:
    table = Table(title="Soak: crash recovery under load", box=box.SIMPLE_HEAVY)
    for column in ("figure", "value", "goal", ""):
        table.add_column(column)
    for goal in data["goals"]:
        mark = "[green]ok[/]" if goal["met"] else "[red]MISSED[/]"
        table.add_row(goal["figure"], goal["value"], goal["goal"], mark)
    quiesce = data["quiesce_seconds"]
    table.add_row("time to quiesce (last kill -> all final)",
                  "-" if quiesce is None else f"{quiesce:.1f} s", "", "")  # fmt: skip
    table.add_row("batches re-driven by the sweeper", str(data["batches_redriven"]), "", "")
    console.print(table)
    console.print(_summary(data), markup=False)
    _print_kills(data["kills"], console)
    _print_unreported(data["statements_not_reported"], console)
    for item in data["statements_with_divergent_rows"]:
        # A statement that is not reported has no rows: its reason is printed above.
        wrong = item["matched"] != item["expected"] or item["extra"] or item["duplicated"]
        if wrong and item["status"] == "reported":
            console.print(f"  rows differ: {item}", markup=False)
    for letter in data["dead_letters"]["messages"]:
        console.print(f"  dead letter: {letter}", markup=False)


def _summary(data: dict[str, Any]) -> str:
    tx = data["transactions"]
    return (
        f"{data['statements']} statements in {data['batches']} batches, statuses "
        f"{data['batch_statuses']}; {tx['matched']} of {tx['expected']} transactions matched "
        f"({tx['descriptions_differ']} with another description, {tx['extra']} extra rows); "
        f"{data['upload_attempts']} upload attempts; stack ready in {data['ready_seconds']:.0f} s,"
        f" run {data['run_seconds']:.0f} s"
    )


def _print_kills(kills: list[dict[str, Any]], console: Console) -> None:
    table = Table(title="Kills (SIGKILL)", box=box.SIMPLE)
    for column in ("t (s)", "UTC", "process", "pid", "back after (s)"):
        table.add_column(column)
    for kill in kills:
        at = "not found" if kill["at"] is None else f"{kill['at']:.1f}"
        back = kill["recovered_after"]
        wall = (kill["wall"] or "-")[11:23]
        pid = str(kill["pid"] or "-")
        table.add_row(at, wall, kill["target"], pid, "-" if back is None else str(back))
    console.print(table)


def _print_unreported(items: list[dict[str, Any]], console: Console) -> None:
    """Statements that are not reported, one line per reason (there may be a hundred)."""
    reasons: dict[str, list[str]] = {}
    for item in items:
        reasons.setdefault(f"{item['status']}: {item['error']}", []).append(item["file"])
    for reason, files in reasons.items():
        console.print(f"  {len(files)} statement(s) {reason} (first: {files[0]})", markup=False)


def kill_dicts(kills: list[Kill]) -> list[dict[str, Any]]:
    return [k.as_dict() for k in kills]
