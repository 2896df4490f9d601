"""The ``wait`` preference of RFC 7240 (``Prefer: wait=<delta-seconds>``).

Preferences are optional for a server, so a malformed one is not an error: a ``wait`` whose
value is not delta-seconds (``wait=abc``, ``wait=-1``, ``wait=1.5``) is ignored, as if absent;
a valid one is capped at what the server allows. A preference sent more than once counts the
first time only (RFC 7240 section 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def wait_preference(headers: Iterable[str], cap: int) -> int | None:
    """Seconds the client prefers to wait, at most ``cap``; None when it states none (or an
    invalid one)."""
    for name, value in _preferences(headers):
        if name == "wait":
            if value is None or not value.isascii() or not value.isdigit():
                return None
            return min(int(value), cap)
    return None


def _preferences(headers: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(lowercased name, unquoted value or None) of each preference, parameters dropped."""
    for header in headers:
        for element in _split(header, ","):
            head = _split(element, ";")[0]
            name, sep, value = head.partition("=")
            name = name.strip().lower()
            if not name:
                continue
            yield name, _unquote(value.strip()) if sep else None


def _split(text: str, delimiter: str) -> list[str]:
    """``text`` split on ``delimiter`` outside quoted strings (which may hold it)."""
    parts: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value
