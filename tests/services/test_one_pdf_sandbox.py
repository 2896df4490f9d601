"""Ingest and the extractor parse uploaded files in the same sandbox, and nothing else.

The class is the one in ``cypheredge.pdf``; neither service runs a process pool of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

from cypheredge.extractor.service.runner import CascadeRunner
from cypheredge.ingest.settings import IngestSettings
from cypheredge.pdf import PdfInspector, PdfSandbox

SERVICES = Path(__file__).resolve().parents[2] / "services"
POOLS = re.compile(r"\b(ProcessPoolExecutor|multiprocessing|concurrent\.futures|_processes)\b")


def test_both_services_run_their_files_on_the_pdf_sandbox() -> None:
    inspector = PdfInspector(IngestSettings().limits())  # what ingest's bootstrap builds
    runner = CascadeRunner(workers=1)
    try:
        assert type(inspector.sandbox) is PdfSandbox
        assert type(runner.sandbox) is PdfSandbox
        assert inspector.sandbox.limits.max_memory_bytes > 0
        assert runner.sandbox.limits.max_memory_bytes > 0
    finally:
        runner.close()
        inspector.close()


def test_no_service_keeps_a_process_pool_of_its_own() -> None:
    for service in ("ingest", "extractor"):
        for source in (SERVICES / service / "src").rglob("*.py"):
            found = POOLS.search(source.read_text(encoding="utf-8"))
            assert found is None, f"{source} uses {found.group(0) if found else ''}"
