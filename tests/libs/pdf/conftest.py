"""Fixtures for the cypheredge-pdf tests: the real corpus, inspectors, and hostile PDF builders.

Builders are fixtures returning callables because, under ``--import-mode=importlib``, test
modules cannot import helpers from this file.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf
import pytest

from cetest import hostile
from cypheredge.pdf import PdfInspector, PdfLimits

CORPUS_ENV = "CYPHEREDGE_CORPUS_DIR"
MIB = 1024 * 1024
# Small enough that the decompression bomb is stopped quickly, roomy for every real sample.
TEST_LIMITS = PdfLimits(max_seconds=20.0, max_memory_bytes=512 * MIB)

ReadCorpus = Callable[[str], bytes]
BuildPdf = Callable[[int], bytes]


def corpus_dir() -> Path:
    """The real-statement corpus: ``$CYPHEREDGE_CORPUS_DIR`` or ``<repo>/../shared/corpus/real``."""
    configured = os.environ.get(CORPUS_ENV)
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "real"


@pytest.fixture(scope="session")
def corpus() -> ReadCorpus:
    """Read one corpus file by name."""
    root = corpus_dir()
    # CI and every checkout have it beside the repository: missing means misconfigured.
    assert (root / "manifest.tsv").is_file(), f"corpus not found at {root} (set {CORPUS_ENV})"

    def read(name: str) -> bytes:
        return (root / name).read_bytes()

    return read


@pytest.fixture(scope="session")
def manifest_pages(corpus: ReadCorpus) -> dict[str, int]:
    """Page counts by file name, as recorded in the corpus manifest."""
    rows = csv.DictReader(io.StringIO(corpus("manifest.tsv").decode()), delimiter="\t")
    return {row["file"]: int(row["pages"]) for row in rows}


@pytest.fixture(scope="session")
def inspector() -> Iterator[PdfInspector]:
    """One inspector shared by the whole session, as a service would keep one."""
    with PdfInspector(TEST_LIMITS) as shared:
        yield shared


@pytest.fixture(scope="session")
def text_pdf(corpus: ReadCorpus) -> bytes:
    """A known-good two-page digital statement with a text layer on both pages."""
    return corpus("20_nz_kowhai_tutorial_digital_gt.pdf")


@pytest.fixture(scope="session")
def blank_pages() -> BuildPdf:
    """Build a PDF of ``n`` blank pages."""

    def build(count: int) -> bytes:
        pdf = pikepdf.new()
        for _ in range(count):
            pdf.add_blank_page()
        return hostile.save(pdf)

    return build


@pytest.fixture(scope="session")
def encrypt() -> Callable[[bytes, str, str], bytes]:
    """Re-save a PDF encrypted (AES-256) with the given user and owner passwords."""

    def build(data: bytes, user: str, owner: str) -> bytes:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            out = io.BytesIO()
            pdf.save(out, encryption=pikepdf.Encryption(user=user, owner=owner, R=6))
            return out.getvalue()

    return build


@pytest.fixture(scope="session")
def decompression_bomb() -> bytes:
    """One page whose content stream is 4 MiB of Flate that inflates to 4 GiB of zeros."""
    return hostile.decompression_bomb()


@pytest.fixture(scope="session")
def slow_page() -> bytes:
    """64 pages sharing one 8 MiB stream of ``q Q`` operators: 512 MiB for pdfium to parse,
    seconds in modest memory, while the file itself decompresses to 8 MiB (no bomb)."""
    pdf = pikepdf.new()
    stream = pikepdf.Stream(pdf, hostile.repeated_flate(b"q Q\n" * (MIB // 4), 8))
    stream.Filter = pikepdf.Name.FlateDecode
    shared = pdf.make_indirect(stream)
    for _ in range(64):
        pdf.add_blank_page()
        pdf.pages[-1].Contents = shared
    return hostile.save(pdf)


@pytest.fixture(scope="session")
def xref_stream_bomb() -> bytes:
    """A PDF whose cross-reference stream inflates to 4 GiB (more than any worker may hold)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    for number, body in enumerate(objects, start=1):
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref_at = out.tell()
    data = hostile.repeated_flate(bytes(MIB), 4096)
    out.write(b"4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode ")
    out.write(b"/Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(data), data))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


def rss_bytes() -> int:
    """This process's resident set size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("VmRSS not found in /proc/self/status")


@pytest.fixture
def parent_rss() -> Callable[[], int]:
    """Read the test process's resident set size (Linux)."""
    return rss_bytes
