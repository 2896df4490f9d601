"""Messages between the sandbox and its workers.

Every message is two frames: a small JSON header, then a binary body (possibly empty). A job
is the task's options (JSON) and the file; a reply is what the task produced (``done``: JSON
fields and a body), a refusal of the file (``refused``: a :data:`RejectCode` and a reason), or
the task's own failure (``failed``: one line). No pickle crosses the socket, and the parent
validates every field it receives, since the worker has just been fed a hostile file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, cast

from cypheredge.pdf.errors import REJECT_CODES, RejectCode
from cypheredge.pdf.inspected import HAZARDS, Hazard

MAX_HEADER_BYTES = 1024 * 1024
# The worker's first frame, sent once its task is loaded and its limits set.
READY = b"ready"
TOO_MUCH_MEMORY = "the file needs too much memory to parse"
# A failed task's line is cut to this many characters.
MAX_FAILURE_CHARS = 2000


class ProtocolError(Exception):
    """A message did not have the expected shape."""


@dataclass(frozen=True)
class Job:
    """Parent to worker: run the worker's task on ``data`` with ``options`` (JSON values)."""

    options: dict[str, Any]
    data: bytes

    def frames(self) -> tuple[bytes, bytes]:
        return (_dump(self.options), self.data)

    @classmethod
    def parse(cls, header: bytes, body: bytes) -> Job:
        return cls(options=_load(header), data=body)


@dataclass(frozen=True)
class Done:
    """Worker to parent: the task's result, JSON ``fields`` and a binary ``body``."""

    fields: dict[str, Any] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class Refused:
    """Worker to parent: the file is rejected."""

    code: RejectCode
    reason: str


@dataclass(frozen=True)
class Failed:
    """Worker to parent: the task raised something other than a rejection (``error``: the
    exception's type and message). The worker retires after it."""

    error: str


Reply = Done | Refused | Failed


def encode_reply(reply: Reply, retire: bool) -> tuple[bytes, bytes]:
    """The frames for ``reply``; ``retire`` tells the parent this worker is about to exit."""
    if isinstance(reply, Refused):
        refused = {"code": reply.code, "reason": reply.reason}
        return (_dump({"refused": refused, "retire": retire}), b"")
    if isinstance(reply, Failed):
        return (_dump({"failed": reply.error[:MAX_FAILURE_CHARS], "retire": retire}), b"")
    return (_dump({"done": reply.fields, "retire": retire}), reply.body)


def decode_reply(header: bytes, body: bytes) -> tuple[Reply, bool]:
    """Parse a reply; returns it with the worker's retire flag."""
    fields = _load(header)
    retire = fields.get("retire")
    if not isinstance(retire, bool):
        raise ProtocolError("retire must be a boolean")
    if "refused" in fields:
        return _decode_refused(_dict(fields["refused"])), retire
    if "failed" in fields:
        error = fields["failed"]
        if not isinstance(error, str):
            raise ProtocolError("a failure is one line of text")
        return Failed(error[:MAX_FAILURE_CHARS]), retire
    return Done(_dict(fields.get("done")), body), retire


def _decode_refused(fields: dict[str, Any]) -> Refused:
    code, reason = fields.get("code"), fields.get("reason")
    if code not in REJECT_CODES or not isinstance(reason, str):
        raise ProtocolError("refusal needs a known code and a reason")
    return Refused(code=cast(RejectCode, code), reason=reason)


# The inspection task's messages.


def inspect_job(data: bytes, password: str | None) -> Job:
    """The job that inspects ``data``, trying ``password``."""
    return Job({"password": password}, data)


def job_password(job: Job) -> str | None:
    """The password an inspection job carries (validated: the worker trusts no field either)."""
    password = job.options.get("password")
    if password is not None and not isinstance(password, str):
        raise ProtocolError("password must be a string or null")
    return password


@dataclass(frozen=True)
class Accepted:
    """The inspection's result: the file parsed. ``copy`` is empty when the original bytes
    will do; ``repaired`` says qpdf had to rebuild a damaged file to open it; ``hazards`` and
    ``password_unused`` are as in :class:`~cypheredge.pdf.inspected.InspectedPdf`."""

    pages: int
    text_layer_pages: tuple[int, ...]
    encrypted: bool
    copy: bytes
    repaired: bool = False
    hazards: tuple[Hazard, ...] = ()
    password_unused: bool = False


def encode_accepted(accepted: Accepted) -> Done:
    """``accepted`` as the inspection task's reply."""
    fields = {
        "pages": accepted.pages,
        "text_layer_pages": list(accepted.text_layer_pages),
        "encrypted": accepted.encrypted,
        "repaired": accepted.repaired,
        "hazards": list(accepted.hazards),
        "password_unused": accepted.password_unused,
    }
    return Done(fields, accepted.copy)


def decode_accepted(done: Done) -> Accepted:
    """The inspection's result in ``done``; raises :class:`ProtocolError` for any lie."""
    fields = done.fields
    pages = _page_number(fields.get("pages"), None)
    flags = [fields.get(name) for name in ("encrypted", "repaired", "password_unused")]
    text_pages = fields.get("text_layer_pages")
    if not all(isinstance(flag, bool) for flag in flags):
        raise ProtocolError("acceptance needs encrypted, repaired and password_unused flags")
    if not isinstance(text_pages, list):
        raise ProtocolError("acceptance needs a text_layer_pages list")
    numbers = {_page_number(number, pages) for number in text_pages}
    encrypted, repaired, password_unused = (bool(flag) for flag in flags)
    return Accepted(
        pages,
        tuple(sorted(numbers)),
        encrypted,
        done.body,
        repaired,
        _hazards(fields.get("hazards")),
        password_unused,
    )


def _hazards(value: object) -> tuple[Hazard, ...]:
    if not isinstance(value, list) or not all(item in HAZARDS for item in value):
        raise ProtocolError("acceptance needs a hazards list of known names")
    # Set semantics in a stable order, whatever order a (disturbed) worker sent them in.
    return tuple(h for h in HAZARDS if h in value)


def _page_number(value: object, last: int | None) -> int:
    # bool is an int subclass; a page count of True is nonsense.
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ProtocolError("page numbers and counts are positive integers")
    if last is not None and value > last:
        raise ProtocolError("page number beyond the end of the document")
    return value


def _dict(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError("expected an object")
    return cast(dict[str, Any], value)


def _dump(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, separators=(",", ":")).encode()


def _load(header: bytes) -> dict[str, Any]:
    try:
        return _dict(json.loads(header))
    except ValueError as exc:
        raise ProtocolError("header is not JSON") from exc
