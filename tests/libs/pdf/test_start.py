"""Starting the worker ahead of the first file: the same worker then serves it."""

from __future__ import annotations

from cypheredge.pdf import PdfInspector


def test_start_runs_the_worker_that_the_first_inspect_uses(text_pdf: bytes) -> None:
    with PdfInspector() as inspector:
        assert inspector.worker_pid is None
        inspector.start()
        started = inspector.worker_pid
        inspector.start()  # already running: nothing to do

        assert started is not None
        assert inspector.worker_pid == started
        assert inspector.inspect(text_pdf).pages == 2
        assert inspector.worker_pid == started
