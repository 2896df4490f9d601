"""JSON form fields (``params``, ``passwords``) parsed so that only storable JSON gets in.

``json.loads`` accepts more than PostgreSQL's jsonb (and the event contract) will take: NaN
and Infinity, ``1e999`` (a float overflow), ``\\u0000``, lone surrogates such as ``\\ud800``,
and nesting deep enough to exhaust the recursion limit. Each is refused here, naming the
field, so nothing reaches storage or the database that would fail there.
"""

from __future__ import annotations

import json
import math
from typing import Any

from cypheredge.gateway.domain.errors import SubmissionError

MAX_DEPTH = 32


class _NonFinite(ValueError):
    pass


def _no_constants(name: str) -> Any:
    raise _NonFinite(name)


def parse_json_object(raw: str | None, field_name: str) -> dict[str, Any]:
    """The object in ``raw`` (absent or empty: ``{}``); SubmissionError (422) otherwise."""
    if raw is None or raw == "":
        return {}
    try:
        value = json.loads(raw, parse_constant=_no_constants)
    except _NonFinite as exc:
        raise invalid(field_name, f"'{field_name}' contains {exc}, which is not JSON") from None
    except RecursionError:
        raise invalid(field_name, f"'{field_name}' is nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise invalid(field_name, f"'{field_name}' is not JSON: {exc}") from None
    except ValueError as exc:  # e.g. an integer beyond Python's digit limit
        raise invalid(field_name, f"'{field_name}' is not acceptable JSON: {exc}") from None
    if not isinstance(value, dict):
        raise invalid(field_name, f"'{field_name}' must be a JSON object.")
    check_storable(value, field_name)
    return value


def check_storable(value: Any, field_name: str) -> None:
    """Walks the tree iteratively (no recursion to exhaust) and refuses what jsonb cannot hold."""
    stack: list[tuple[Any, int, str]] = [(value, 1, field_name)]
    while stack:
        item, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            raise invalid(field_name, f"'{field_name}' is nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, dict):
            for key, child in item.items():
                _check_text(key, field_name, f"{path} key")
                stack.append((child, depth + 1, f"{path}.{key}"))
        elif isinstance(item, list):
            stack.extend((child, depth + 1, f"{path}[{i}]") for i, child in enumerate(item))
        elif isinstance(item, str):
            _check_text(item, field_name, path)
        elif isinstance(item, float) and not math.isfinite(item):
            raise invalid(field_name, f"{_shown(path)} is a number out of range")


def _check_text(text: str, field_name: str, path: str) -> None:
    if "\x00" in text:
        raise invalid(field_name, f"{_shown(path)} contains \\u0000")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise invalid(field_name, f"{_shown(path)} contains a lone surrogate") from None


def _shown(path: str) -> str:
    # Paths echo client keys: cut them short and keep them printable in the problem detail.
    return ascii(path[:80])


def invalid(field_name: str, detail: str) -> SubmissionError:
    return SubmissionError(
        f"Invalid {field_name}", detail, field=field_name, code=f"invalid_{field_name}"
    )
