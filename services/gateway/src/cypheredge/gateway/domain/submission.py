"""Validation of a batch upload against the configured limits (pure)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class UploadLimits:
    max_files: int
    max_file_bytes: int
    max_total_bytes: int


@dataclass(frozen=True)
class UploadedFile:
    filename: str
    data: bytes
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())


class SubmissionError(ValueError):
    """The upload breaks a rule; ``status`` is the HTTP status the gateway answers with."""

    def __init__(self, title: str, detail: str, status: int = 422) -> None:
        super().__init__(detail)
        self.title = title
        self.detail = detail
        self.status = status


def check_files(files: list[UploadedFile], limits: UploadLimits) -> None:
    if not files:
        raise SubmissionError("No files", "Upload at least one PDF in the 'files' field.")
    if len(files) > limits.max_files:
        raise SubmissionError(
            "Too many files", f"{len(files)} files sent; at most {limits.max_files} per batch.", 413
        )
    for item in files:
        if not item.filename or "/" in item.filename or "\\" in item.filename:
            raise SubmissionError("Bad file name", f"Invalid file name {item.filename!r}.")
        if len(item.data) > limits.max_file_bytes:
            raise SubmissionError(
                "File too large",
                f"{item.filename} is {len(item.data)} bytes; the limit is "
                f"{limits.max_file_bytes} bytes per file.",
                413,
            )
    total = sum(len(item.data) for item in files)
    if total > limits.max_total_bytes:
        raise SubmissionError(
            "Batch too large", f"{total} bytes in all; the limit is {limits.max_total_bytes}.", 413
        )


def parse_json_object(raw: str | None, field_name: str) -> dict[str, Any]:
    if raw is None or raw == "":
        return {}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SubmissionError(
            f"Invalid {field_name}", f"'{field_name}' is not JSON: {exc}"
        ) from None
    if not isinstance(value, dict):
        raise SubmissionError(f"Invalid {field_name}", f"'{field_name}' must be a JSON object.")
    return value


def parse_passwords(raw: str | None, filenames: list[str]) -> dict[str, str]:
    passwords = parse_json_object(raw, "passwords")
    unknown = sorted(set(passwords) - set(filenames))
    if unknown:
        raise SubmissionError(
            "Unknown file in passwords", f"No uploaded file named {unknown[0]!r}."
        )
    if not all(isinstance(v, str) for v in passwords.values()):
        raise SubmissionError("Invalid passwords", "Every password must be a string.")
    return {str(k): str(v) for k, v in passwords.items()}


def request_fingerprint(files: list[UploadedFile], passwords: dict[str, str], params: Any) -> str:
    """What makes two uploads "the same request" for idempotency."""
    canonical = json.dumps(
        {
            "files": [[f.filename, f.sha256] for f in files],
            "passwords": hashlib.sha256(json.dumps(passwords, sort_keys=True).encode()).hexdigest(),
            "params": params,
        },
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
