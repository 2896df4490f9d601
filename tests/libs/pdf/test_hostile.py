"""Hostile and damaged input: exact rejection codes, and the inspector survives every one."""

from __future__ import annotations

import io
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from cetest import damaged
from cypheredge.pdf import PdfInspector, PdfLimits, PdfRejected, inspect_pdf
from cypheredge.synth import generate

MIB = 1024 * 1024
BuildPdf = Callable[[int], bytes]


def assert_rejected(inspector: PdfInspector, data: bytes, code: str) -> PdfRejected:
    with pytest.raises(PdfRejected) as caught:
        inspector.inspect(data)
    assert caught.value.code == code, caught.value.reason
    return caught.value


def assert_still_works(inspector: PdfInspector, good: bytes) -> None:
    assert inspector.inspect(good).text_layer_pages == (1, 2)


@pytest.mark.parametrize(
    "damage",
    [
        lambda pdf: pdf[: len(pdf) // 10],
        lambda pdf: pdf[:9] + bytes(range(256)) * 40,
        lambda pdf: b"%PDF-1.4\n",
    ],
    ids=["truncated-to-a-tenth", "garbage-after-header", "header-only"],
)
def test_unrecoverable_damage_is_malformed(
    inspector: PdfInspector, text_pdf: bytes, damage: Callable[[bytes], bytes]
) -> None:
    assert_rejected(inspector, damage(text_pdf), "malformed")
    assert_still_works(inspector, text_pdf)


def test_recoverable_truncation_is_accepted_with_a_repaired_copy(
    inspector: PdfInspector, text_pdf: bytes
) -> None:
    truncated = text_pdf[: len(text_pdf) // 2]
    result = inspector.inspect(truncated)
    assert (result.pages, result.encrypted, result.repaired) == (2, False, True)
    assert result.decrypted != truncated
    pdfium.PdfDocument(result.decrypted).close()  # the repaired copy is readable as it is


@pytest.mark.parametrize(
    "damage",
    [damaged.truncated_after_last_object, damaged.wrong_xref_offsets],
    ids=["truncated-after-last-object", "wrong-xref-offsets"],
)
def test_a_file_that_opens_only_once_repaired_says_so(
    inspector: PdfInspector, damage: Callable[[bytes], bytes]
) -> None:
    statement = generate("uk_ruled", 1).pdf
    assert inspector.inspect(statement).repaired is False
    result = inspector.inspect(damage(statement))
    assert (result.pages, result.repaired) == (3, True)
    with pikepdf.open(io.BytesIO(result.decrypted)) as copy:
        assert copy.get_warnings() == []  # what readers get is sound


def test_thousands_of_pages(
    inspector: PdfInspector, blank_pages: BuildPdf, text_pdf: bytes
) -> None:
    rejected = assert_rejected(inspector, blank_pages(5000), "too_many_pages")
    assert "5000" in rejected.reason
    assert_still_works(inspector, text_pdf)


def test_page_limit_is_inclusive(blank_pages: BuildPdf) -> None:
    with PdfInspector(PdfLimits(max_pages=3)) as inspector:
        assert inspector.inspect(blank_pages(3)).pages == 3
        assert_rejected(inspector, blank_pages(4), "too_many_pages")


def test_decompression_bomb_is_rejected_as_a_bomb(
    inspector: PdfInspector,
    decompression_bomb: bytes,
    text_pdf: bytes,
    parent_rss: Callable[[], int],
) -> None:
    # 4 GiB of zeros behind 4 MiB of Flate: measured piecewise, never held, refused by name.
    assert_still_works(inspector, text_pdf)
    before = parent_rss()
    rejected = assert_rejected(inspector, decompression_bomb, "decompression_bomb")
    assert rejected.reason.startswith("the file's content decompresses to more than 256 MB")
    assert parent_rss() - before < 64 * MIB
    assert_still_works(inspector, text_pdf)


def test_bomb_in_the_cross_reference_stream(xref_stream_bomb: bytes, text_pdf: bytes) -> None:
    # Under the memory cap qpdf fails to inflate the xref stream, takes it for damage and
    # rebuilds the table from the objects; readers get that rewrite, without the bomb.
    with PdfInspector(PdfLimits(max_memory_bytes=256 * MIB)) as inspector:
        result = inspector.inspect(xref_stream_bomb)
        assert (result.pages, result.repaired) == (1, True)
        assert b"/XRef" not in result.decrypted
        assert len(result.decrypted) < len(xref_stream_bomb) // 100
        assert_still_works(inspector, text_pdf)


def test_slow_file_times_out_and_the_next_file_is_fine(
    slow_page: bytes, text_pdf: bytes, parent_rss: Callable[[], int]
) -> None:
    limits = PdfLimits(max_seconds=1.0, max_memory_bytes=2048 * MIB)
    with PdfInspector(limits) as inspector:
        assert_still_works(inspector, text_pdf)
        first_worker = inspector.worker_pid
        before = parent_rss()
        assert_rejected(inspector, slow_page, "timeout")
        assert parent_rss() - before < 64 * MIB
        assert inspector.worker_pid is None
        assert_still_works(inspector, text_pdf)
        assert inspector.worker_pid not in (None, first_worker)


def test_worker_that_died_while_idle_is_replaced_not_blamed(text_pdf: bytes) -> None:
    # A fresh inspector: the session's shared worker may retire after any job (its job count
    # or its heap), and then there is no idle worker to kill.
    with PdfInspector(PdfLimits(max_seconds=20.0, max_memory_bytes=512 * MIB)) as inspector:
        assert_still_works(inspector, text_pdf)
        pid = inspector.worker_pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        _wait_until_dead(pid)
        assert_still_works(inspector, text_pdf)
        assert inspector.worker_pid != pid


def test_worker_is_reused_across_files(inspector: PdfInspector, text_pdf: bytes) -> None:
    assert_still_works(inspector, text_pdf)
    pid = inspector.worker_pid
    assert_still_works(inspector, text_pdf)
    assert inspector.worker_pid == pid


def test_one_shot_inspection(text_pdf: bytes) -> None:
    assert inspect_pdf(text_pdf).pages == 2


def test_closed_inspector_refuses_work(text_pdf: bytes) -> None:
    inspector = PdfInspector()
    assert_still_works(inspector, text_pdf)
    inspector.close()
    with pytest.raises(RuntimeError, match="closed"):
        inspector.inspect(text_pdf)


def _wait_until_dead(pid: int) -> None:
    # The killed worker stays a zombie until the inspector reaps it; wait for that state so the
    # test does not race the signal. A wait, not a timing assertion.
    stat = Path(f"/proc/{pid}/stat")
    for _ in range(500):
        if not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return
        time.sleep(0.01)
    raise AssertionError(f"worker {pid} did not die")
