"""Is a new JSON Schema an additive evolution of an old one (same event version)?

Allowed: new optional properties, new enum values, new descriptions/titles/defaults.
Breaking: a removed property, a newly required property, any change of an existing
property's type (including its ``format`` or becoming nullable), a narrowed enum/literal,
and closing an object to properties it used to allow. ``$ref`` into ``$defs`` and
``anyOf``/``oneOf`` unions are followed, so nested models are checked too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Schema = Mapping[str, Any]

_JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"))


@dataclass(frozen=True)
class _Doc:
    """A schema document, to resolve local ``$ref`` pointers against."""

    root: Schema

    def resolve(self, schema: Schema) -> Schema:
        seen: set[str] = set()
        while isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/"):
            ref = schema["$ref"]
            if ref in seen:
                break
            seen.add(ref)
            target: Any = self.root
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            siblings = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **siblings}
        return schema


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """Why ``new`` is not an additive evolution of ``old``; empty when it is."""
    problems: list[str] = []
    _compare("$", _Doc(old), old, _Doc(new), new, problems)
    return problems


def breaking_changes_by_file(
    old: Mapping[str, Schema], new: Mapping[str, Schema]
) -> dict[str, list[str]]:
    """``breaking_changes`` for each old schema file; a file missing from ``new`` breaks."""
    found: dict[str, list[str]] = {}
    for name, old_schema in sorted(old.items()):
        if name not in new:
            found[name] = ["$: schema removed (publish a new version instead)"]
        elif problems := breaking_changes(old_schema, new[name]):
            found[name] = problems
    return found


def _compare(path: str, od: _Doc, old: Schema, nd: _Doc, new: Schema, problems: list[str]) -> None:
    old_kinds, new_kinds = _by_kind(od, old), _by_kind(nd, new)
    if sorted(old_kinds) != sorted(new_kinds):
        problems.append(f"{path}: type changed from {_show(old_kinds)} to {_show(new_kinds)}")
    for kind in sorted(old_kinds.keys() & new_kinds.keys()):
        old_branches, new_branches = old_kinds[kind], new_kinds[kind]
        if len(old_branches) != len(new_branches):
            problems.append(f"{path}: union of {kind} branches changed")
        for old_branch, new_branch in zip(old_branches, new_branches, strict=False):
            _compare_branch(path, od, old_branch, nd, new_branch, problems)


def _compare_branch(
    path: str, od: _Doc, old: Schema, nd: _Doc, new: Schema, problems: list[str]
) -> None:
    old_values, new_values = _allowed_values(old), _allowed_values(new)
    if new_values is not None:
        if old_values is None:
            problems.append(f"{path}: now restricted to {sorted(new_values)}")
        elif lost := old_values - new_values:
            problems.append(f"{path}: enum narrowed, removed {sorted(lost)}")
    _compare_object(path, od, old, nd, new, problems)
    old_items, new_items = old.get("items"), new.get("items")
    if isinstance(old_items, Mapping) and isinstance(new_items, Mapping):
        _compare(f"{path}[]", od, old_items, nd, new_items, problems)
    old_prefix, new_prefix = old.get("prefixItems", []), new.get("prefixItems", [])
    for index, (o, n) in enumerate(zip(old_prefix, new_prefix, strict=False)):
        _compare(f"{path}[{index}]", od, o, nd, n, problems)
    if len(new_prefix) < len(old_prefix):
        problems.append(f"{path}: tuple positions removed")


def _compare_object(
    path: str, od: _Doc, old: Schema, nd: _Doc, new: Schema, problems: list[str]
) -> None:
    old_props: Mapping[str, Schema] = old.get("properties", {})
    new_props: Mapping[str, Schema] = new.get("properties", {})
    for name in sorted(old_props.keys() - new_props.keys()):
        problems.append(f"{path}.{name}: property removed")
    for name in sorted(set(new.get("required", ())) - set(old.get("required", ()))):
        problems.append(f"{path}.{name}: newly required")
    for name in sorted(old_props.keys() & new_props.keys()):
        _compare(f"{path}.{name}", od, old_props[name], nd, new_props[name], problems)
    old_extra, new_extra = old.get("additionalProperties", True), new.get("additionalProperties")
    new_extra = True if new_extra is None else new_extra
    if old_extra is not False and new_extra is False:
        problems.append(f"{path}: closed to additional properties")
    elif isinstance(old_extra, Mapping) and isinstance(new_extra, Mapping):
        _compare(f"{path}{{*}}", od, old_extra, nd, new_extra, problems)


def _by_kind(doc: _Doc, schema: Schema) -> dict[str, list[Schema]]:
    """The union branches of a schema grouped by kind (JSON type plus format)."""
    kinds: dict[str, list[Schema]] = {}
    for branch in _branches(doc, schema):
        kinds.setdefault(_kind(branch), []).append(branch)
    return kinds


def _branches(doc: _Doc, schema: Schema) -> list[Schema]:
    schema = doc.resolve(schema)
    for keyword in ("anyOf", "oneOf"):
        if keyword in schema:
            return [b for sub in schema[keyword] for b in _branches(doc, sub)]
    types = schema.get("type")
    if isinstance(types, list):
        return [{**schema, "type": t} for t in types]
    return [schema]


def _kind(branch: Schema) -> str:
    kind = branch.get("type")
    if kind is None:
        values = _allowed_values(branch)
        types = {_json_type(json.loads(v)) for v in values} if values else set()
        kind = types.pop() if len(types) == 1 else "any"
    fmt = branch.get("format")
    return f"{kind}:{fmt}" if fmt else str(kind)


def _allowed_values(branch: Schema) -> set[str] | None:
    """The values an enum/const admits (canonical JSON text), or None when unrestricted."""
    if "const" in branch:
        return {json.dumps(branch["const"], sort_keys=True)}
    if "enum" in branch:
        return {json.dumps(v, sort_keys=True) for v in branch["enum"]}
    return None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    for python_type, name in _JSON_TYPES:
        if isinstance(value, python_type):
            return name
    return "array" if isinstance(value, Sequence) else "object"


def _show(kinds: Mapping[str, object]) -> str:
    return "|".join(sorted(kinds)) or "nothing"
