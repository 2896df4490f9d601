"""Length-prefixed frames over raw pipe file descriptors, with an optional deadline.

The parent side passes a deadline (and non-blocking fds) so that a stuck or dead worker can never
hang it; the worker side passes ``None`` and blocks. Frames are bytes only: no pickle crosses the
pipe, so a worker compromised by a hostile file cannot execute code in the parent.
"""

from __future__ import annotations

import os
import select
import struct
import time
from collections.abc import Sequence

_HEADER = struct.Struct(">Q")
_CHUNK = 1024 * 1024


class FrameTimeout(Exception):
    """The deadline passed before the frame was fully sent or received."""


class FrameClosed(Exception):
    """The other end closed the pipe (the worker died or the parent went away)."""


class FrameTooLarge(Exception):
    """The peer announced a frame longer than the receiver accepts."""


def send_frames(fd: int, frames: Sequence[bytes], deadline: float | None) -> None:
    """Write each frame (length prefix, then payload) to ``fd``."""
    for frame in frames:
        _write_all(fd, memoryview(_HEADER.pack(len(frame))), deadline)
        _write_all(fd, memoryview(frame), deadline)


def recv_frame(fd: int, max_len: int, deadline: float | None) -> bytes:
    """Read one frame from ``fd``; its announced length must not exceed ``max_len``."""
    (length,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size, deadline))
    if length > max_len:
        # Checked before allocating: the announced length is attacker-influenced.
        raise FrameTooLarge(f"frame of {length} bytes exceeds {max_len}")
    return _read_exactly(fd, length, deadline)


def _write_all(fd: int, view: memoryview, deadline: float | None) -> None:
    while view:
        _wait(fd, select.POLLOUT, deadline)
        try:
            written = os.write(fd, view[:_CHUNK])
        except BlockingIOError:
            continue
        except (BrokenPipeError, ConnectionResetError) as exc:
            raise FrameClosed("peer closed the pipe") from exc
        view = view[written:]


def _read_exactly(fd: int, length: int, deadline: float | None) -> bytes:
    buffer = bytearray(length)
    view = memoryview(buffer)
    filled = 0
    while filled < length:
        _wait(fd, select.POLLIN, deadline)
        try:
            got = os.readv(fd, [view[filled : filled + _CHUNK]])
        except BlockingIOError:
            continue
        if got == 0:
            raise FrameClosed("peer closed the pipe")
        filled += got
    return bytes(buffer)


def _wait(fd: int, events: int, deadline: float | None) -> None:
    poller = select.poll()
    poller.register(fd, events)
    timeout_ms = None
    if deadline is not None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FrameTimeout("deadline passed")
        timeout_ms = max(1, int(remaining * 1000))
    # POLLHUP/POLLERR also wake us; the following read/write then reports the closed pipe.
    if not poller.poll(timeout_ms):
        raise FrameTimeout("deadline passed")
