"""The additive-evolution checker: hand-written pairs, then the real schemas.

The real check compares the schemas generated now with the committed ones, in the working
tree and at a git baseline (``CONTRACTS_BASE_REF``, default ``HEAD``; CI on a branch sets it
to the target branch so a committed breaking change is still caught).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cypheredge.contracts.compat import breaking_changes, breaking_changes_by_file
from cypheredge.contracts.generate import committed_schemas, default_root
from cypheredge.contracts.schemas import SCHEMA_DIR, JsonSchema, all_schemas

REPO = Path(__file__).resolve().parents[3]

OLD: JsonSchema = {
    "$defs": {
        "Item": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "qty": {"type": "integer"}},
            "required": ["name"],
        }
    },
    "type": "object",
    "properties": {
        "id": {"type": "string", "format": "uuid"},
        "amount": {"type": "integer"},
        "status": {"enum": ["open", "closed"], "type": "string"},
        "kind": {"const": "statement", "type": "string"},
        "note": {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None},
        "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
        "labels": {"type": "object", "additionalProperties": {"type": "string"}},
    },
    "required": ["id", "amount", "status"],
}


def evolve(change: str, value: Any) -> JsonSchema:
    """A copy of OLD with the JSON pointer ``change`` set to ``value`` (None deletes)."""
    new = copy.deepcopy(OLD)
    *parents, last = change.strip("/").split("/")
    target: Any = new
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    key: Any = int(last) if isinstance(target, list) else last
    if value is None:
        del target[key]
    else:
        target[key] = value
    return new


def test_identical_schema_is_compatible() -> None:
    assert breaking_changes(OLD, copy.deepcopy(OLD)) == []


def test_added_optional_property_is_compatible() -> None:
    new = evolve("/properties/currency", {"anyOf": [{"type": "string"}, {"type": "null"}]})
    new["$defs"]["Item"]["properties"]["unit"] = {"type": "string"}
    assert breaking_changes(OLD, new) == []


def test_widened_enum_and_literal_are_compatible() -> None:
    new = evolve("/properties/status/enum", ["open", "closed", "archived"])
    new["properties"]["kind"] = {"enum": ["statement", "card"], "type": "string"}
    assert breaking_changes(OLD, new) == []


def test_descriptions_titles_and_defaults_may_change() -> None:
    new = evolve("/properties/amount", {"type": "integer", "title": "Amount", "default": 0})
    new["description"] = "now documented"
    assert breaking_changes(OLD, new) == []


@pytest.mark.parametrize(
    ("change", "value", "expected"),
    [
        ("/properties/amount", None, "$.amount: property removed"),
        ("/$defs/Item/properties/qty", None, "$.items[].qty: property removed"),
        ("/required", ["id", "amount", "status", "note"], "$.note: newly required"),
        ("/$defs/Item/required", ["name", "qty"], "$.items[].qty: newly required"),
        ("/properties/amount/type", "string", "$.amount: type changed from integer to string"),
        ("/properties/amount/type", "number", "$.amount: type changed from integer to number"),
        ("/properties/id/format", None, "$.id: type changed from string:uuid to string"),
        ("/properties/note/anyOf/1", {"type": "integer"}, "$.note: type changed"),
        ("/properties/status/enum", ["open"], "$.status: enum narrowed, removed ['\"closed\"']"),
        ("/properties/kind/const", "card", "$.kind: enum narrowed"),
        ("/properties/items/items", {"type": "string"}, "$.items[]: type changed"),
        ("/properties/labels/additionalProperties", False, "$.labels: closed to additional"),
        ("/properties/labels/additionalProperties/type", "integer", "$.labels{*}: type"),
        ("/additionalProperties", False, "$: closed to additional properties"),
    ],
)
def test_breaking_change_is_flagged(change: str, value: Any, expected: str) -> None:
    problems = breaking_changes(OLD, evolve(change, value))
    assert any(p.startswith(expected) for p in problems), problems


def test_becoming_nullable_is_a_type_change() -> None:
    new = evolve("/properties/amount", {"anyOf": [{"type": "integer"}, {"type": "null"}]})
    assert breaking_changes(OLD, new) == ["$.amount: type changed from integer to integer|null"]


def test_newly_restricted_string_is_flagged() -> None:
    new = evolve("/properties/note/anyOf/0", {"enum": ["a"], "type": "string"})
    assert breaking_changes(OLD, new) == ["$.note: now restricted to ['\"a\"']"]


def test_new_required_property_is_flagged() -> None:
    new = evolve("/properties/currency", {"type": "string"})
    new["required"] = [*OLD["required"], "currency"]
    assert breaking_changes(OLD, new) == ["$.currency: newly required"]


def test_by_file_flags_removed_schema_but_not_new_one() -> None:
    found = breaking_changes_by_file({"a.json": OLD, "b.json": OLD}, {"a.json": OLD, "c.json": {}})
    assert list(found) == ["b.json"]


def test_generated_schemas_evolve_committed_ones_additively() -> None:
    found = breaking_changes_by_file(committed_schemas(default_root()), all_schemas())
    assert found == {}, json.dumps(found, indent=2)


def test_generated_schemas_evolve_baseline_ones_additively() -> None:
    baseline = _baseline_schemas()
    found = breaking_changes_by_file(baseline, all_schemas())
    assert found == {}, json.dumps(found, indent=2)


def _baseline_schemas() -> dict[str, JsonSchema]:
    """Committed schemas at the git baseline ref; empty when there is no git history."""
    explicit = os.environ.get("CONTRACTS_BASE_REF")
    ref = explicit or "HEAD"
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        assert explicit is None, "CONTRACTS_BASE_REF is set but there is no git checkout"
        return {}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([git, "-C", str(REPO), *args], capture_output=True, text=True)

    if run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        assert explicit is None, f"CONTRACTS_BASE_REF={explicit} is not a commit"
        return {}
    folder = f"libs/contracts/{SCHEMA_DIR}"
    listing = run("ls-tree", "--name-only", f"{ref}:{folder}")
    names = listing.stdout.split() if listing.returncode == 0 else []
    return {
        name: json.loads(run("show", f"{ref}:{folder}/{name}").stdout)
        for name in names
        if name.endswith(".json")
    }
