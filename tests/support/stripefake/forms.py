"""Stripe's form encoding (``items[0][price]=p``, ``expand[]=x``) decoded into dicts and lists,
and typed readers that refuse a value the way Stripe does (400 naming the parameter)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qsl

from stripefake.errors import invalid, missing_param, unknown_param

_SEGMENT = re.compile(r"\[([^\[\]]*)\]")


def decode(encoded: str) -> dict[str, Any]:
    """``a[b][0]=1&a[c][]=2`` -> ``{"a": {"b": ["1"], "c": ["2"]}}``; every leaf stays a string.

    A container whose keys are all indices becomes a list in index order; ``[]`` appends. So a
    ``metadata`` whose keys are all digits would come back as a list: Stripe's clients never
    send one, and readers of metadata turn it back (``metadata_of``).
    """
    root: dict[str, Any] = {}
    for key, value in parse_qsl(encoded, keep_blank_values=True):
        head, _, rest = key.partition("[")
        path = [head, *_SEGMENT.findall("[" + rest)] if rest else [head]
        node = root
        for segment in path[:-1]:
            child = node.setdefault(segment or str(len(node)), {})
            if not isinstance(child, dict):  # "a=1&a[b]=2": the later, nested form wins
                child = node[segment] = {}
            node = child
        last = path[-1]
        node[last or str(len(node))] = value
    # The top level is always named parameters, never a list.
    return {k: _listify(v) if isinstance(v, dict) else v for k, v in root.items()}


def _listify(node: dict[str, Any]) -> Any:
    converted = {k: _listify(v) if isinstance(v, dict) else v for k, v in node.items()}
    if converted and all(k.isdigit() for k in converted):
        return [converted[k] for k in sorted(converted, key=int)]
    return converted


def check_known(params: dict[str, Any], allowed: set[str]) -> None:
    """Stripe refuses a parameter it does not know; ``expand`` is known everywhere."""
    for name in params:
        if name not in allowed and name != "expand":
            raise unknown_param(name)


def text(params: dict[str, Any], name: str, *, required: bool = False) -> str | None:
    value = params.get(name)
    if value is None:
        if required:
            raise missing_param(name)
        return None
    if not isinstance(value, str):
        raise invalid(f"Invalid string: {value!r}", name)
    return value


def required_text(params: dict[str, Any], name: str) -> str:
    value = text(params, name, required=True)
    assert value is not None
    return value


def integer(params: dict[str, Any], name: str, *, param: str | None = None) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(r"-?\d+", value):
        raise invalid(f"Invalid integer: {value}", param or name)
    return int(value)


def decimal(params: dict[str, Any], name: str, *, param: str | None = None) -> Decimal | None:
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        number = Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise invalid(f"Invalid decimal: {value}", param or name)
    return number


def boolean(params: dict[str, Any], name: str) -> bool | None:
    value = params.get(name)
    if value is None:
        return None
    if value not in ("true", "false"):
        raise invalid(f"Invalid boolean: {value}", name)
    return bool(value == "true")


def mapping(params: dict[str, Any], name: str) -> dict[str, Any]:
    value = params.get(name)
    if value is None or value == "":
        return {}
    if isinstance(value, list):  # all-digit keys, decoded as a list (see ``decode``)
        return {str(i): v for i, v in enumerate(value)}
    if not isinstance(value, dict):
        raise invalid(f"Invalid object: {name} must be a hash", name)
    return value


def sequence(params: dict[str, Any], name: str) -> list[Any]:
    value = params.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, dict):  # "a[5]=x" alone, or a mix of indices and names
        raise invalid(f"Invalid array: {name}", name)
    if not isinstance(value, list):
        return [value]
    return value


def expansions(params: dict[str, Any]) -> list[str]:
    return [e for e in sequence(params, "expand") if isinstance(e, str)]


def metadata_of(params: dict[str, Any]) -> dict[str, str]:
    """``metadata[k]=v`` as a dict of strings; Stripe allows no nesting inside metadata."""
    raw = mapping(params, "metadata")
    for key, value in raw.items():
        if not isinstance(value, str):
            raise invalid("Invalid metadata: values must be strings", f"metadata[{key}]")
    return dict(raw)


def merge_metadata(current: dict[str, str], params: dict[str, Any]) -> dict[str, str]:
    """Update semantics: keys are merged, ``metadata[k]=`` removes k, ``metadata=`` clears all."""
    if params.get("metadata") == "":
        return {}
    merged = dict(current)
    for key, value in metadata_of(params).items():
        if value == "":
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged
