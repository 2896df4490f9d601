"""Cheap rejections happen in the calling process, without starting a worker."""

from __future__ import annotations

import pickle

import pytest

from cypheredge.pdf import PdfInspector, PdfLimits, PdfRejected, inspect_pdf

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
ZIP = b"PK\x03\x04" + bytes(64)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (PNG, "not_pdf"),
        (ZIP, "not_pdf"),
        (b"Dear customer,\nplease find your statement attached.\n", "not_pdf"),
        (b" " * 1024 + b"%PDF-1.7\n", "not_pdf"),
        (b"%PDF-1.7\n" + bytes(4096), "too_large"),
    ],
    ids=["empty", "png", "zip", "text", "header-too-late", "too-large"],
)
def test_cheap_checks_reject_without_a_worker(data: bytes, code: str) -> None:
    with PdfInspector(PdfLimits(max_bytes=4096)) as inspector:
        with pytest.raises(PdfRejected) as caught:
            inspector.inspect(data)
        assert caught.value.code == code
        assert caught.value.reason
        assert inspector.worker_pid is None


def test_one_shot_rejects_empty_input() -> None:
    with pytest.raises(PdfRejected) as caught:
        inspect_pdf(b"")
    assert caught.value.code == "empty"


def test_header_after_leading_junk_is_accepted_as_a_pdf_candidate() -> None:
    # Junk before the header passes the cheap check; the worker then finds no document.
    with pytest.raises(PdfRejected) as caught:
        inspect_pdf(b"\xef\xbb\xbf" + b"%PDF-1.4\n%%EOF\n")
    assert caught.value.code == "malformed"


def test_rejection_survives_pickling() -> None:
    original = PdfRejected("timeout", "the file took longer than 30 s to parse")
    restored = pickle.loads(pickle.dumps(original))  # noqa: S301 (our own object)
    assert (restored.code, restored.reason) == (original.code, original.reason)


@pytest.mark.parametrize(
    "kwargs",
    [{"max_bytes": 0}, {"max_pages": 0}, {"max_seconds": 0.0}, {"max_memory_bytes": 1024}],
)
def test_limits_refuse_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be"):
        PdfLimits(**kwargs)  # type: ignore[arg-type]
