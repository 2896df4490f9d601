"""Streaming reader of the batch upload (multipart/form-data) with the limits applied as it goes.

The body is fed chunk by chunk to python-multipart's streaming parser. File parts are spooled
to temporary files on disk (never held whole in memory) while their size and SHA-256 are
counted; the first chunk that breaks a limit (file count, bytes per file, bytes in all, field
size, body size) raises at once, so the rest of the body is never read. Nothing is written to
object storage here: that happens only once the whole upload has been accepted.
"""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from cypheredge.gateway.domain.errors import SubmissionError
from cypheredge.gateway.domain.filenames import display_filename
from cypheredge.gateway.domain.submission import (
    TEXT_FIELDS,
    UploadedFile,
    UploadLimits,
    check_field_size,
    check_file_count,
    check_file_size,
    check_total_size,
)

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

FILES_FIELD = "files"
_FLUSH_BYTES = 1024 * 1024  # buffered per file before a write to disk (off the event loop)


@dataclass
class SpooledFile:
    """A received file on disk; ``meta`` is known once its part has ended."""

    label: str  # files[i], as problems name it
    filename: str
    handle: IO[bytes]
    size: int = 0
    done: bool = False
    digest: Any = field(default_factory=hashlib.sha256)
    pending: bytearray = field(default_factory=bytearray)

    @property
    def meta(self) -> UploadedFile:
        return UploadedFile(self.filename, self.size, self.digest.hexdigest())

    async def read(self) -> bytes:
        def whole() -> bytes:
            self.handle.seek(0)
            return self.handle.read()

        return await asyncio.to_thread(whole)

    def flush(self) -> None:
        """Runs in a worker thread: writes and hashes what the parser buffered."""
        data = bytes(self.pending)
        self.pending.clear()
        self.handle.write(data)
        self.digest.update(data)


@dataclass
class Upload:
    files: list[SpooledFile] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


@asynccontextmanager
async def receive_upload(
    request: Request, limits: UploadLimits, spool_dir: Path | None = None
) -> AsyncIterator[Upload]:
    """The parsed upload; its spooled files are deleted when the block exits."""
    boundary = _boundary(request, limits)
    reader = _Reader(limits, spool_dir)
    try:
        await reader.consume(boundary, request.stream())
        yield reader.upload
    finally:
        for spooled in reader.upload.files:
            spooled.handle.close()


def _boundary(request: Request, limits: UploadLimits) -> bytes:
    content_type = request.headers.get("content-type")
    if content_type is None:  # no body at all
        raise SubmissionError(
            "No files",
            "Upload at least one PDF in the 'files' field.",
            field="files",
            code="no_files",
        )
    media_type, options = parse_options_header(content_type)
    if media_type != b"multipart/form-data":
        raise SubmissionError(
            "Unsupported media type",
            "Send the batch as multipart/form-data.",
            415,
            field="content-type",
            code="unsupported_media_type",
        )
    if not options.get(b"boundary"):
        raise _malformed("The multipart Content-Type has no boundary.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_body_bytes:
        raise _too_large(limits)
    return options[b"boundary"]


class _Reader:
    """python-multipart callbacks: one part at a time, every limit checked on arrival."""

    def __init__(self, limits: UploadLimits, spool_dir: Path | None) -> None:
        self.limits = limits
        self.spool_dir = spool_dir
        self.upload = Upload()
        self.received = 0
        self.file_bytes = 0
        self.finished = False
        self._headers: dict[bytes, bytes] = {}
        self._name = b""
        self._value = b""
        self._file: SpooledFile | None = None
        self._text: tuple[str, bytearray] | None = None

    async def consume(self, boundary: bytes, stream: AsyncIterator[bytes]) -> None:
        try:
            parser = MultipartParser(boundary, self._callbacks())
            async for chunk in stream:
                # The parser first: a file or field limit names what broke it; the body
                # limit then catches whatever else (framing, padding) grows past it.
                parser.write(chunk)
                self.received += len(chunk)
                if self.received > self.limits.max_body_bytes:
                    raise _too_large(self.limits)
                await self._flush(force=False)
            parser.finalize()
        except FormParserError as exc:
            raise _malformed(f"The multipart body is malformed: {exc}") from None
        if not self.finished:
            raise _malformed("The multipart body ends before its closing boundary.")
        await self._flush(force=True)

    async def _flush(self, *, force: bool) -> None:
        # A finished part is written out at once; the one still arriving once it has
        # buffered enough: memory holds about one flush per file, never a whole file.
        for spooled in self.upload.files:
            due = force or spooled.done or len(spooled.pending) >= _FLUSH_BYTES
            if spooled.pending and due:
                await asyncio.to_thread(spooled.flush)

    def _callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
            "on_end": self._end,
        }

    def _part_begin(self) -> None:
        self._headers, self._file, self._text = {}, None, None

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._name += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._name.strip().lower()] = self._value.strip()
        self._name, self._value = b"", b""

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if name == FILES_FIELD and b"filename" in options:
            self._begin_file(options[b"filename"])
        elif name in TEXT_FIELDS and b"filename" not in options:
            if name in self.upload.fields:
                raise _field_error(name, f"'{name}' is sent more than once.")
            self._text = (name, bytearray())
        else:
            shown = ascii(name[:40])
            raise _field_error(
                name[:40] or "content-disposition",
                f"Unexpected form part {shown}: send files as 'files' (file parts) "
                f"and optionally 'passwords' and 'params' (text).",
            )

    def _begin_file(self, raw_name: bytes) -> None:
        position = len(self.upload.files)
        check_file_count(position + 1, self.limits)
        where = f"files[{position}].filename"
        try:
            decoded = raw_name.decode("utf-8")
        except UnicodeDecodeError:
            raise _field_error(where, f"{where} is not valid UTF-8.") from None
        shown = display_filename(decoded, where)  # before a file exists that could leak
        handle = tempfile.TemporaryFile(dir=self.spool_dir)  # noqa: SIM115 - closed by receive_upload
        self._file = SpooledFile(f"files[{position}]", shown, handle)
        self.upload.files.append(self._file)

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        size = end - start
        if self._file is not None:
            self._file.size += size
            self.file_bytes += size
            check_file_size(self._file.label, self._file.size, self.limits)
            check_total_size(self.file_bytes, self.limits)
            self._file.pending += data[start:end]
        elif self._text is not None:
            name, buffer = self._text
            check_field_size(name, len(buffer) + size, self.limits)
            buffer += data[start:end]

    def _part_end(self) -> None:
        if self._file is not None:
            self._file.done = True
        if self._text is not None:
            name, buffer = self._text
            try:
                self.upload.fields[name] = buffer.decode("utf-8")
            except UnicodeDecodeError:
                raise _field_error(name, f"'{name}' is not valid UTF-8.") from None

    def _end(self) -> None:
        self.finished = True


def _field_error(field_name: str, detail: str) -> SubmissionError:
    return SubmissionError("Invalid form field", detail, field=field_name, code="invalid_field")


def _malformed(detail: str) -> SubmissionError:
    return SubmissionError("Malformed multipart body", detail, 400, field="body", code="malformed")


def _too_large(limits: UploadLimits) -> SubmissionError:
    return SubmissionError(
        "Request too large",
        f"The body exceeds {limits.max_body_bytes} bytes.",
        413,
        field="body",
        code="request_too_large",
    )
