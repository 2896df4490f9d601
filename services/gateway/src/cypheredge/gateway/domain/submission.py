"""Validation of a batch upload against the configured limits (pure).

The checks are split per step so the streaming reader can apply each one the moment it is
passed (a file part begins, a chunk arrives) instead of after the whole body is in.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import Any

from cypheredge.gateway.domain.errors import SubmissionError
from cypheredge.gateway.domain.filenames import display_filename
from cypheredge.gateway.domain.jsonfields import invalid, parse_json_object

# Multipart framing per part (boundary, Content-Disposition, Content-Type) with headroom.
PART_OVERHEAD = 8 * 1024
TEXT_FIELDS = ("passwords", "params")


@dataclass(frozen=True)
class UploadLimits:
    max_files: int
    max_file_bytes: int
    max_total_bytes: int
    max_field_bytes: int = 64 * 1024
    # The org's plan, and which of the limits above are its (lower than the gateway's own):
    # a refusal then names the plan, which says what would lift the limit.
    plan: str | None = None
    plan_bound: frozenset[str] = field(default_factory=frozenset)

    def on_plan(self, tier: str, *, max_files: int, max_file_bytes: int) -> UploadLimits:
        """These limits lowered to a plan's (the lower of each pair applies)."""
        bound = {
            name
            for name, mine, theirs in (
                ("max_files", self.max_files, max_files),
                ("max_file_bytes", self.max_file_bytes, max_file_bytes),
            )
            if theirs < mine
        }
        return replace(
            self,
            max_files=min(self.max_files, max_files),
            max_file_bytes=min(self.max_file_bytes, max_file_bytes),
            plan=tier,
            plan_bound=frozenset(bound),
        )

    def by_plan(self, limit: str) -> str:
        """Words naming the plan when ``limit`` is the plan's, else nothing."""
        return f" on the {self.plan} plan" if limit in self.plan_bound else ""

    @property
    def max_body_bytes(self) -> int:
        """The most a body within every other limit can be, framing included."""
        parts = self.max_files + len(TEXT_FIELDS)
        fields = self.max_field_bytes * len(TEXT_FIELDS)
        return self.max_total_bytes + fields + parts * PART_OVERHEAD


@dataclass(frozen=True)
class UploadedFile:
    """One received file: its display name, size and digest (the bytes live elsewhere)."""

    filename: str
    size: int
    sha256: str

    @classmethod
    def of(cls, filename: str, data: bytes) -> UploadedFile:
        return cls(filename, len(data), hashlib.sha256(data).hexdigest())


def check_file_count(count: int, limits: UploadLimits) -> None:
    if count > limits.max_files:
        raise SubmissionError(
            "Too many files",
            f"More than {limits.max_files} files sent; at most {limits.max_files} per batch"
            f"{limits.by_plan('max_files')}.",
            413,
            field="files",
            code="too_many_files",
        )


def check_file_size(field: str, size: int, limits: UploadLimits) -> None:
    if size > limits.max_file_bytes:
        raise SubmissionError(
            "File too large",
            f"{field} exceeds the limit of {limits.max_file_bytes} bytes per file"
            f"{limits.by_plan('max_file_bytes')}.",
            413,
            field=field,
            code="file_too_large",
        )


def check_total_size(total: int, limits: UploadLimits) -> None:
    if total > limits.max_total_bytes:
        raise SubmissionError(
            "Batch too large",
            f"The files exceed {limits.max_total_bytes} bytes in all.",
            413,
            field="files",
            code="batch_too_large",
        )


def check_field_size(field: str, size: int, limits: UploadLimits) -> None:
    if size > limits.max_field_bytes:
        raise SubmissionError(
            "Field too large",
            f"'{field}' exceeds {limits.max_field_bytes} bytes.",
            413,
            field=field,
            code="field_too_large",
        )


def check_files(files: list[UploadedFile], limits: UploadLimits) -> None:
    """Every limit over the whole upload (the streaming reader has applied each already)."""
    if not files:
        raise SubmissionError(
            "No files",
            "Upload at least one PDF in the 'files' field.",
            field="files",
            code="no_files",
        )
    check_file_count(len(files), limits)
    for position, item in enumerate(files):
        display_filename(item.filename, f"files[{position}].filename")
        check_file_size(f"files[{position}]", item.size, limits)
    check_total_size(sum(item.size for item in files), limits)


def parse_passwords(raw: str | None, filenames: list[str]) -> dict[str, str]:
    """Passwords by display name: keys are normalised like the file names they point at."""
    passwords = parse_json_object(raw, "passwords")
    if not all(isinstance(v, str) for v in passwords.values()):
        raise invalid("passwords", "Every password must be a string.")
    by_name = {display_filename(k, "passwords"): v for k, v in passwords.items()}
    unknown = sorted(set(by_name) - set(filenames))
    if unknown:
        raise SubmissionError(
            "Unknown file in passwords",
            f"No uploaded file named {unknown[0][:80]!a}.",
            field="passwords",
            code="unknown_password_file",
        )
    return by_name


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


__all__ = [
    "SubmissionError",
    "UploadLimits",
    "UploadedFile",
    "check_files",
    "parse_json_object",
    "parse_passwords",
    "request_fingerprint",
]
