"""Length-prefixed frames over a Unix socket, with an optional deadline.

The parent side passes a deadline (on a non-blocking socket) so that a stuck or dead worker can
never hang it; the worker side passes ``None`` and blocks. A socket rather than a pipe because
``MSG_NOSIGNAL`` makes writing to a dead peer an exception even in a process where SIGPIPE is
fatal (CLIs often restore its default). Frames are bytes only: no pickle crosses the socket, so a
worker compromised by a hostile file cannot execute code in the parent.
"""

from __future__ import annotations

import select
import socket
import struct
import time
from collections.abc import Sequence

_HEADER = struct.Struct(">Q")
_CHUNK = 1024 * 1024


class FrameTimeout(Exception):
    """The deadline passed before the frame was fully sent or received."""


class FrameClosed(Exception):
    """The other end closed the socket (the worker died or the parent went away)."""


class FrameTooLarge(Exception):
    """The peer announced a frame longer than the receiver accepts."""


def send_frames(sock: socket.socket, frames: Sequence[bytes], deadline: float | None) -> None:
    """Write each frame (length prefix, then payload) to ``sock``."""
    for frame in frames:
        _send_all(sock, memoryview(_HEADER.pack(len(frame))), deadline)
        _send_all(sock, memoryview(frame), deadline)


def recv_frame(sock: socket.socket, max_len: int, deadline: float | None) -> bytes:
    """Read one frame from ``sock``; its announced length must not exceed ``max_len``."""
    (length,) = _HEADER.unpack(_recv_exactly(sock, _HEADER.size, deadline))
    if length > max_len:
        # Checked before allocating: the announced length is attacker-influenced.
        raise FrameTooLarge(f"frame of {length} bytes exceeds {max_len}")
    return _recv_exactly(sock, length, deadline)


def _send_all(sock: socket.socket, view: memoryview, deadline: float | None) -> None:
    while view:
        _wait(sock, select.POLLOUT, deadline)
        try:
            sent = sock.send(view[:_CHUNK], socket.MSG_NOSIGNAL)
        except BlockingIOError:
            continue
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise FrameClosed("peer closed the socket") from exc
        view = view[sent:]


def _recv_exactly(sock: socket.socket, length: int, deadline: float | None) -> bytes:
    buffer = bytearray(length)
    view = memoryview(buffer)
    filled = 0
    while filled < length:
        _wait(sock, select.POLLIN, deadline)
        try:
            got = sock.recv_into(view[filled:], min(_CHUNK, length - filled))
        except BlockingIOError:
            continue
        except ConnectionResetError as exc:
            raise FrameClosed("peer reset the socket") from exc
        if got == 0:
            raise FrameClosed("peer closed the socket")
        filled += got
    return bytes(buffer)


def _wait(sock: socket.socket, events: int, deadline: float | None) -> None:
    poller = select.poll()
    poller.register(sock.fileno(), events)
    timeout_ms = None
    if deadline is not None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FrameTimeout("deadline passed")
        timeout_ms = max(1, int(remaining * 1000))
    # POLLHUP/POLLERR also wake us; the following send/recv then reports the closed socket.
    if not poller.poll(timeout_ms):
        raise FrameTimeout("deadline passed")
