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
    Job,
    ProtocolError,
    Refused,
    decode_reply,
    encode_reply,
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


def test_well_formed_acceptance_header_decodes() -> None:
    reply, retire = decode_reply(
        json.dumps({"retire": False, "accepted": _accepted()}).encode(), b""
    )
    assert (reply, retire) == (Accepted(2, (1,), False, b"", False), False)


def test_replies_round_trip() -> None:
    accepted = Accepted(pages=3, text_layer_pages=(1, 3), encrypted=True, copy=b"%PDF-copy")
    assert decode_reply(*encode_reply(accepted, retire=False)) == (accepted, False)
    repaired = Accepted(pages=1, text_layer_pages=(1,), encrypted=False, copy=b"", repaired=True)
    assert decode_reply(*encode_reply(repaired, retire=False)) == (repaired, False)
    flagged = Accepted(1, (1,), False, b"", False, ("javascript", "embedded_files"), True)
    assert decode_reply(*encode_reply(flagged, retire=False)) == (flagged, False)
    refused = Refused("wrong_password", "the password given is wrong")
    assert decode_reply(*encode_reply(refused, retire=True)) == (refused, True)


@pytest.mark.parametrize(
    "header",
    [
        {"retire": False, "accepted": _accepted(pages=2, text_layer_pages=[3])},
        {"retire": False, "accepted": _accepted(pages=True)},
        {"retire": False, "accepted": _accepted(pages=0)},
        {"retire": False, "accepted": _accepted(repaired="yes")},
        {"retire": False, "accepted": _accepted(repaired=None)},
        {"retire": False, "accepted": _accepted(hazards=["rm -rf"])},
        {"retire": False, "accepted": _accepted(hazards="javascript")},
        {"retire": False, "accepted": _accepted(hazards=None)},
        {"retire": False, "accepted": _accepted(password_unused=1)},
        {"retire": False, "accepted": _accepted(password_unused=None)},
        {"retire": False, "refused": {"code": "rm -rf", "reason": "x"}},
        {"retire": "no", "refused": {"code": "timeout", "reason": "x"}},
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
        "list",
    ],
)
def test_lying_replies_are_refused(header: object) -> None:
    with pytest.raises(ProtocolError):
        decode_reply(json.dumps(header).encode(), b"")


def test_hazards_arrive_once_each_in_a_stable_order() -> None:
    header = {"retire": False, "accepted": _accepted(hazards=["embedded_files", "javascript"] * 2)}
    reply, _ = decode_reply(json.dumps(header).encode(), b"")
    assert isinstance(reply, Accepted)
    assert reply.hazards == ("javascript", "embedded_files")


def test_non_json_reply_is_refused() -> None:
    with pytest.raises(ProtocolError):
        decode_reply(b"\xff\x00", b"")


def test_job_password_must_be_text() -> None:
    with pytest.raises(ProtocolError):
        Job.parse(b'{"password": 123}', b"%PDF-")


def test_worker_maps_memory_errors_to_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhaust(data: bytes, password: str | None, max_pages: int, max_decoded: int) -> Accepted:
        raise MemoryError

    monkeypatch.setattr(worker, "parse_pdf", exhaust)
    reply, retire = worker._run(Job(None, b"%PDF-"), PdfLimits())
    assert reply == Refused("too_large", TOO_MUCH_MEMORY)
    assert retire
