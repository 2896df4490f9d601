"""The exit-code convention's mapping, for errors a subprocess test cannot easily provoke."""

from __future__ import annotations

import httpx
import psycopg
import pytest
from aiokafka.errors import KafkaConnectionError
from sqlalchemy.exc import OperationalError

from cypheredge.cli.client import ApiError
from cypheredge.cli.exits import ExitCode, classify, failed, usage
from cypheredge.pdf import PdfWorkerError


@pytest.mark.parametrize(
    ("exc", "says"),
    [
        (httpx.ConnectError("refused"), "cannot reach the CypherEdge API: refused"),
        (
            OperationalError("SELECT 1", {}, psycopg.OperationalError("refused\nhint: ...")),
            "cannot reach the database: (psycopg.OperationalError) refused",
        ),
        (KafkaConnectionError("no broker"), "cannot reach the Kafka broker"),
        (PdfWorkerError("spawn failed"), "the PDF worker is unavailable: spawn failed"),
        (ConnectionResetError("reset"), "a connection failed: reset"),
    ],
    ids=["http", "database", "broker", "pdf-worker", "socket"],
)
def test_what_cannot_be_reached_is_3_with_one_line(exc: Exception, says: str) -> None:
    answer = classify(exc)
    assert answer is not None
    assert answer.code == ExitCode.UNAVAILABLE
    assert answer.message.startswith(says)
    assert "\n" not in answer.message


def test_command_errors_keep_their_code_and_bugs_are_not_classified() -> None:
    assert classify(usage("x")) is not None
    assert usage("x").code == 2
    assert failed("x").code == 1
    assert classify(KeyError("statements")) is None


@pytest.mark.parametrize(
    ("status", "code"),
    [(400, 2), (401, 2), (404, 2), (422, 2), (409, 3), (429, 3), (500, 3), (503, 3), (None, 3)],
)
def test_api_errors_say_whether_trying_later_may_help(status: int | None, code: int) -> None:
    assert ApiError("x", status).code == code
