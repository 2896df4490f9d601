"""One exit-code convention for every ``cypheredge`` command, applied in one place.

- 0: done.
- 1: the job ran and failed: a batch failed or partly failed, a statement was rejected.
- 2: bad usage or bad input: an unknown option, an unreadable or invalid input file, a request
  the API refused as invalid (4xx).
- 3: unavailable: the API, database, broker or PDF worker cannot be reached, answered with a
  server error or "not now" (429), or did not finish in time; trying again later may work.
- 70: internal error (a bug): the traceback is printed.
- 130: interrupted (Ctrl-C).

Commands raise :class:`CommandError` (or let a connection error escape); :class:`CliApp`, the
root command, turns either into a one-line ``error: ...`` on stderr and the code above. Usage
errors are click's own (2), and typer already ends an interrupted command with 130.
"""

from __future__ import annotations

import sys
import traceback
from enum import IntEnum
from typing import Any

import typer


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    USAGE = 2
    UNAVAILABLE = 3
    INTERNAL = 70
    INTERRUPTED = 130


class CommandError(Exception):
    """End the command with ``code`` and ``message`` (one line, for people) on stderr."""

    def __init__(self, message: str, code: ExitCode) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def usage(message: str) -> CommandError:
    """Bad usage or bad input (2)."""
    return CommandError(message, ExitCode.USAGE)


def unavailable(message: str) -> CommandError:
    """Something the command needs cannot be reached or did not finish in time (3)."""
    return CommandError(message, ExitCode.UNAVAILABLE)


def failed(message: str) -> CommandError:
    """The job ran and failed (1)."""
    return CommandError(message, ExitCode.FAILED)


# What "cannot reach it" looks like from each client library the commands use, as
# "module:Class" names: importing the client libraries here would cost every command their
# import time (the CLI starts in well under a second only if each command imports what it uses).
_UNREACHABLE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("httpx:TransportError",), "cannot reach the CypherEdge API"),
    (
        (
            "sqlalchemy.exc:OperationalError",
            "sqlalchemy.exc:InterfaceError",
            "psycopg:OperationalError",
        ),
        "cannot reach the database",
    ),
    (
        ("aiokafka.errors:KafkaConnectionError", "aiokafka.errors:KafkaTimeoutError"),
        "cannot reach the Kafka broker",
    ),
    (("cypheredge.pdf:PdfWorkerError",), "the PDF worker is unavailable"),
    (("builtins:ConnectionError", "builtins:TimeoutError"), "a connection failed"),
)


def classify(exc: BaseException) -> CommandError | None:
    """The convention's answer for an exception that escaped a command; None for a bug."""
    if isinstance(exc, CommandError):
        return exc
    for names, what in _UNREACHABLE:
        if isinstance(exc, _loaded(names)):
            return unavailable(f"{what}: {_first_line(exc)}")
    return None


def _loaded(names: tuple[str, ...]) -> tuple[type[BaseException], ...]:
    # Only classes of modules already imported: an exception of a class whose module was never
    # imported cannot have been raised, so nothing is imported just to look.
    kinds = []
    for name in names:
        module, _, attribute = name.partition(":")
        loaded = sys.modules.get(module)
        kind = getattr(loaded, attribute, None)
        if isinstance(kind, type) and issubclass(kind, BaseException):
            kinds.append(kind)
    return tuple(kinds)


class CliApp(typer.Typer):
    """The root ``cypheredge`` command: every command's outcome leaves through here."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:
            answer = classify(exc)
            if answer is None:
                traceback.print_exception(exc)
                sys.exit(ExitCode.INTERNAL)
            print(f"error: {answer.message}", file=sys.stderr)
            sys.exit(answer.code)


def _first_line(exc: BaseException) -> str:
    # Driver errors span several lines (SQL, hints, a URL to docs): the first one says it.
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
