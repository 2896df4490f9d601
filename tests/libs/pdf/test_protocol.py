"""The parent trusts nothing the worker says: frames and replies are validated."""

from __future__ import annotations

import json
import socket
import struct
import time
from collections.abc import Iterator

import pytest

from cypheredge.pdf import PdfLimits, worker
from cypheredge.pdf.framing import (
    FrameClosed,
    FrameTimeout,
    FrameTooLarge,
    recv_frame,
    send_frames,
)
from cypheredge.pdf.protocol import (
    TOO_MUCH_MEMORY,
    Accepted,
    Done,
    Failed,
    Job,
    ProtocolError,
    Refused,
    decode_accepted,
    decode_reply,
    encode_accepted,
    encode_reply,
    inspect_job,
    job_password,
)


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    left, right = socket.socketpair()
    left.setblocking(False)
    with left, right:
        yield left, right


def test_frames_round_trip(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    send_frames(right, [b"header", b""], None)
    deadline = time.monotonic() + 5
    assert recv_frame(left, 16, deadline) == b"header"
    assert recv_frame(left, 16, deadline) == b""


def test_oversized_frame_is_refused_before_reading_it(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    left, right = pair
    right.sendall(struct.pack(">Q", 1 << 50))
    with pytest.raises(FrameTooLarge):
        recv_frame(left, 1024, time.monotonic() + 5)


def test_silent_peer_times_out(pair: tuple[socket.socket, socket.socket]) -> None:
    left, _ = pair
    with pytest.raises(FrameTimeout):
        recv_frame(left, 1024, time.monotonic() + 0.05)


def test_closed_peer_is_reported(pair: tuple[socket.socket, socket.socket]) -> None:
    left, right = pair
    right.sendall(struct.pack(">Q", 10) + b"abc")
    right.close()
    with pytest.raises(FrameClosed):
        recv_frame(left, 1024, time.monotonic() + 5)
    with pytest.raises(FrameClosed):
        send_frames(left, [b"x" * 1_000_000], time.monotonic() + 5)


def _accepted(**fields: object) -> dict[str, object]:
    """A well-formed acceptance header with ``fields`` changed (None: left out)."""
    good: dict[str, object] = {
        "pages": 2,
        "text_layer_pages": [1],
        "encrypted": False,
        "repaired": False,
        "hazards": [],
        "password_unused": False,
    }
    merged = good | fields
    return {k: v for k, v in merged.items() if v is not None}


def _decode(header: object, body: bytes = b"") -> tuple[Accepted, bool]:
    """An inspection reply as the inspector reads it: the frames, then the acceptance."""
    reply, retire = decode_reply(json.dumps(header).encode(), body)
    assert isinstance(reply, Done)
    return decode_accepted(reply), retire


def _round_trip(accepted: Accepted, retire: bool) -> tuple[Accepted, bool]:
    reply, retired = decode_reply(*encode_reply(encode_accepted(accepted), retire))
    assert isinstance(reply, Done)
    return decode_accepted(reply), retired


def test_well_formed_acceptance_header_decodes() -> None:
    reply, retire = _decode({"retire": False, "done": _accepted()})
    assert (reply, retire) == (Accepted(2, (1,), False, b"", False), False)


def test_replies_round_trip() -> None:
    accepted = Accepted(pages=3, text_layer_pages=(1, 3), encrypted=True, copy=b"%PDF-copy")
    assert _round_trip(accepted, retire=False) == (accepted, False)
    repaired = Accepted(pages=1, text_layer_pages=(1,), encrypted=False, copy=b"", repaired=True)
    assert _round_trip(repaired, retire=False) == (repaired, False)
    flagged = Accepted(1, (1,), False, b"", False, ("javascript", "embedded_files"), True)
    assert _round_trip(flagged, retire=False) == (flagged, False)
    refused = Refused("wrong_password", "the password given is wrong")
    assert decode_reply(*encode_reply(refused, retire=True)) == (refused, True)
    failed = Failed("ValueError: no")
    assert decode_reply(*encode_reply(failed, retire=True)) == (failed, True)


@pytest.mark.parametrize(
    "header",
    [
        {"retire": False, "done": _accepted(pages=2, text_layer_pages=[3])},
        {"retire": False, "done": _accepted(pages=True)},
        {"retire": False, "done": _accepted(pages=0)},
        {"retire": False, "done": _accepted(repaired="yes")},
        {"retire": False, "done": _accepted(repaired=None)},
        {"retire": False, "done": _accepted(hazards=["rm -rf"])},
        {"retire": False, "done": _accepted(hazards="javascript")},
        {"retire": False, "done": _accepted(hazards=None)},
        {"retire": False, "done": _accepted(password_unused=1)},
        {"retire": False, "done": _accepted(password_unused=None)},
        {"retire": False, "refused": {"code": "rm -rf", "reason": "x"}},
        {"retire": "no", "refused": {"code": "timeout", "reason": "x"}},
        {"retire": False, "failed": 42},
        {"retire": False, "done": ["not", "an", "object"]},
        ["not", "an", "object"],
    ],
    ids=[
        "page-beyond-end",
        "bool-count",
        "no-pages",
        "repaired-not-bool",
        "repaired-missing",
        "unknown-hazard",
        "hazards-not-a-list",
        "hazards-missing",
        "password-unused-not-bool",
        "password-unused-missing",
        "unknown-code",
        "bad-retire",
        "failure-not-text",
        "done-not-an-object",
        "list",
    ],
)
def test_lying_replies_are_refused(header: object) -> None:
    with pytest.raises(ProtocolError):
        _decode(header)


def test_hazards_arrive_once_each_in_a_stable_order() -> None:
    header = {"retire": False, "done": _accepted(hazards=["embedded_files", "javascript"] * 2)}
    reply, _ = _decode(header)
    assert reply.hazards == ("javascript", "embedded_files")


def test_non_json_reply_is_refused() -> None:
    with pytest.raises(ProtocolError):
        decode_reply(b"\xff\x00", b"")


def test_job_password_must_be_text() -> None:
    with pytest.raises(ProtocolError):
        job_password(Job.parse(b'{"password": 123}', b"%PDF-"))
    assert job_password(Job.parse(*inspect_job(b"%PDF-", "pw").frames())) == "pw"


def test_worker_maps_memory_errors_to_too_large() -> None:
    def exhaust(job: Job, limits: PdfLimits) -> Done:
        raise MemoryError

    reply, retire = worker._run(exhaust, Job({}, b"%PDF-"), PdfLimits())
    assert reply == Refused("too_large", TOO_MUCH_MEMORY)
    assert retire


def test_worker_reports_what_a_task_raised_and_retires() -> None:
    def broken(job: Job, limits: PdfLimits) -> Done:
        raise ValueError("no columns")

    reply, retire = worker._run(broken, Job({}, b"%PDF-"), PdfLimits())
    assert (reply, retire) == (Failed("ValueError: no columns"), True)
