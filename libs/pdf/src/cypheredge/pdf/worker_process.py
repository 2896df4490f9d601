"""The parent's handle on one sandbox worker process: spawn, run one job, kill, explain a death.

The worker is a fresh interpreter (``subprocess``, never a fork of the service: it inherits
no descriptor but its socket), in its own session so that a Ctrl-C meant for the caller does
not hit it mid-frame, and it exits when the parent's end of the socket closes, so a killed
service leaves no idle worker behind.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import time
import weakref
from pathlib import Path

from cypheredge.pdf.errors import (
    PdfCrashedParser,
    PdfRejected,
    PdfTooMuchMemory,
    PdfTooSlow,
    PdfWorkerError,
)
from cypheredge.pdf.framing import (
    FrameClosed,
    FrameTimeout,
    FrameTooLarge,
    recv_frame,
    send_frames,
)
from cypheredge.pdf.limits import MIB, PdfLimits, max_reply_bytes
from cypheredge.pdf.protocol import (
    MAX_HEADER_BYTES,
    READY,
    TOO_MUCH_MEMORY,
    Job,
    ProtocolError,
    Reply,
    decode_reply,
)

# Importing qpdf and pdfium takes well under a second, but a loaded CI box can be slow.
STARTUP_SECONDS = 60.0
# A worker that died having touched this share of its address-space cap ran out of memory
# (measured: pdfium grows a bomb's buffer to over 90% of the cap before it fails).
_MEMORY_DEATH_SHARE = 0.5
# This file's directory is .../src/cypheredge/pdf; the worker must import this same code.
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


class WorkerProcess:
    """One worker subprocess running ``task``. After any failure it is dead and must be
    replaced. With ``wait=False`` the caller calls :meth:`await_ready` (so that several
    workers start at once)."""

    def __init__(self, limits: PdfLimits, task: str, *, wait: bool = True) -> None:
        self._limits = limits
        # Linux carries a process's peak RSS over into the children it starts: a worker's own
        # peak is only what it reports above this.
        self._inherited_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self._proc, self._channel = _spawn(limits, task)
        # Kills the worker if the owner forgets close(), including at interpreter exit.
        self._finalizer = weakref.finalize(self, _kill, self._proc, self._channel)
        if wait:
            self.await_ready()

    @property
    def pid(self) -> int:
        """The worker's process id."""
        return self._proc.pid

    @property
    def alive(self) -> bool:
        """Whether the worker can take another job."""
        return self._proc.returncode is None and self._proc.poll() is None

    def run(self, job: Job) -> Reply:
        """Send ``job`` and wait for the reply, within the wall-clock limit.

        Raises :class:`PdfTooSlow` when the worker overruns its wall clock or CPU limit,
        :class:`PdfTooMuchMemory` when it died of its memory cap, :class:`PdfCrashedParser`
        when it died otherwise or talked nonsense; the worker is dead afterwards.
        """
        deadline = time.monotonic() + self._limits.max_seconds
        try:
            send_frames(self._channel, job.frames(), deadline)
            header = recv_frame(self._channel, MAX_HEADER_BYTES, deadline)
            body = recv_frame(self._channel, max_reply_bytes(self._limits), deadline)
            reply, retire = decode_reply(header, body)
        except FrameTimeout:
            self.close()
            raise PdfTooSlow(self._timeout_reason()) from None
        except FrameTooLarge:
            self.close()
            limit = max_reply_bytes(self._limits) / MIB
            raise PdfRejected("too_large", f"the result is over the {limit:.0f} MB limit") from None
        except (FrameClosed, ProtocolError):
            raise self._death_verdict() from None
        if retire:
            self.close()
        return reply

    def close(self) -> None:
        """Kill the worker (if still running) and reap it."""
        self._finalizer()

    def await_ready(self) -> None:
        """Wait for the worker's greeting; raises :class:`PdfWorkerError` if none comes."""
        deadline = time.monotonic() + STARTUP_SECONDS
        try:
            greeting = recv_frame(self._channel, len(READY), deadline)
        except (FrameClosed, FrameTimeout, FrameTooLarge) as exc:
            self.close()
            raise PdfWorkerError(f"the PDF worker failed to start: {exc}") from exc
        if greeting != READY:
            self.close()
            raise PdfWorkerError("the PDF worker sent an unexpected greeting")

    def _death_verdict(self) -> PdfRejected:
        rusage: resource.struct_rusage | None = self._finalizer()
        status = self._proc.returncode
        if status == -signal.SIGXCPU:
            return PdfTooSlow(self._timeout_reason())
        grown = rusage is not None and rusage.ru_maxrss > self._inherited_kib
        peak = rusage.ru_maxrss * 1024 if rusage is not None and grown else 0
        # pdfium aborts when an allocation fails, so SIGABRT also marks a memory blow-up.
        if status == -signal.SIGABRT or peak >= self._limits.max_memory_bytes * _MEMORY_DEATH_SHARE:
            return PdfTooMuchMemory(TOO_MUCH_MEMORY)
        return PdfCrashedParser("the file crashed the PDF parser")

    def _timeout_reason(self) -> str:
        return f"the file took longer than {self._limits.max_seconds:g} s to parse"


def _spawn(limits: PdfLimits, task: str) -> tuple[subprocess.Popen[bytes], socket.socket]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_SOURCE_ROOT), env.get("PYTHONPATH")]))
    # -P: the caller's working directory must not shadow our modules in the worker.
    command = [sys.executable, "-P", "-m", "cypheredge.pdf.worker"]
    ours, theirs = socket.socketpair()
    try:
        proc = subprocess.Popen(
            [*command, json.dumps(dataclasses.asdict(limits)), task],
            stdin=theirs.fileno(),
            stdout=theirs.fileno(),
            env=env,
            # Own session: a Ctrl-C meant for the CLI should not hit the worker mid-frame.
            start_new_session=True,
        )
    except OSError as exc:
        ours.close()
        raise PdfWorkerError(f"the PDF worker could not be started: {exc}") from exc
    finally:
        theirs.close()
    ours.setblocking(False)
    return proc, ours


def _kill(proc: subprocess.Popen[bytes], channel: socket.socket) -> resource.struct_rusage | None:
    """SIGKILL and reap ``proc``; returns its resource usage if we were the ones to reap it."""
    channel.close()
    if proc.returncode is not None:
        return None
    # os.kill and wait4 rather than Popen's methods, which would reap the child themselves:
    # only wait4 reports the child's own peak memory, which tells a memory blow-up apart from a
    # plain crash. The child is unreaped until wait4, so its pid cannot have been reused.
    os.kill(proc.pid, signal.SIGKILL)
    try:
        _, status, rusage = os.wait4(proc.pid, 0)
    except ChildProcessError:
        # Someone else (a blanket SIGCHLD handler) reaped it; only the peak memory is lost.
        proc.returncode = -signal.SIGKILL
        return None
    proc.returncode = os.waitstatus_to_exitcode(status)
    return rusage
