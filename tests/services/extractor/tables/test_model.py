"""The whole path with a real (tiny, random) model: a generated statement's pages rendered,
pre-processed, read in a batch, the boxes mapped back to the page's words, the cascade on."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pytest
import torch

from cypheredge.extractor.domain import extract_pdf
from cypheredge.extractor.domain.words import Word
from cypheredge.extractor.pdfwords.pdfium_words import PdfiumDocument
from cypheredge.extractor.pdfwords.readers import open_readers
from cypheredge.extractor.service.sandboxed import extract, extract_job, read_document
from cypheredge.extractor.tables.check import TableModelUnavailable
from cypheredge.extractor.tables.finder import LONG_SIDE, ColumnFinder
from cypheredge.extractor.tables.model import TableModel
from cypheredge.extractor.tables.reader import ColumnReader
from cypheredge.extractor.tables.stage import TableStage
from cypheredge.pdf import PdfLimits

from .conftest import QUERIES


def _tokens(words: Sequence[Word]) -> Counter[str]:
    return Counter(t for w in words for t in w.text.split())


def test_the_model_reads_pages_in_one_batch(tiny_model: Path, statement: bytes) -> None:
    stage = TableStage(tiny_model, "cpu")
    with open_readers(statement, tables=stage) as readers:
        methods = [r.method for r in readers.fallbacks]
        assert methods == ["lines+lines", "lines+text", "table-model+lines", "table-model+text"]
        c, d = readers.fallbacks[2:]
        assert isinstance(c, ColumnReader)
        assert isinstance(d, ColumnReader)
        c.expect([1, 2, 3])
        first = c.read(1)
        finder = c._finder
        assert isinstance(finder, ColumnFinder)
        # Page 1 asked for, the pages expected next read with it: one call of the model.
        assert finder.batches == [[1, 2, 3]]
        d.read(2)
        assert finder.batches == [[1, 2, 3]]
        text = readers.words.read(1)
        assert text is not None
        assert first is not None
        # Random boxes, real mapping: every word of the page, regrouped, none made up.
        assert _tokens(first.words) == _tokens(text.words)
        columns = finder.columns(1)
        assert columns is not None
        assert all(a < b for a, b in columns.spans)
        assert all(prev[1] <= nxt[0] for prev, nxt in pairwise(columns.spans))


def test_detections_are_in_the_image_pixels(tiny_model: Path, statement: bytes) -> None:
    model = TableModel(tiny_model, "auto")
    assert model.device == ("cuda" if torch.cuda.is_available() else "cpu")
    with PdfiumDocument(statement) as doc:
        width, height = doc.page_size(1)
        scale = LONG_SIDE / max(width, height)
        images = [doc.render(n, scale) for n in (1, 2)]
    found = model.detect(images)
    assert [len(f) for f in found] == [QUERIES, QUERIES]
    for image, detections in zip(images, found, strict=True):
        for d in detections:
            assert (d.label, d.score > 0.99) == ("table column", True)
            x0, y0, x1, y1 = d.box
            assert 0 <= x0 <= x1 <= image.width
            assert 0 <= y0 <= y1 <= image.height
    assert model.detect([]) == []


def test_a_directory_that_does_not_load_fails_with_the_reason(
    tiny_model: Path, tmp_path: Path
) -> None:
    with pytest.raises(TableModelUnavailable, match="table model"):
        TableModel(tmp_path, "cpu")
    garbage = tmp_path / "garbage"
    shutil.copytree(tiny_model, garbage)
    (garbage / "model.safetensors").write_bytes(b"\x08" + b"\x00" * 7 + b"not json")
    with pytest.raises(TableModelUnavailable, match=r"table model .*garbage"):
        TableModel(garbage, "cpu")


def test_the_worker_runs_the_configured_stages(tiny_model: Path, statement: bytes) -> None:
    job = extract_job(statement, (), "none", tiny_model, "cpu")
    document = read_document(extract(job, PdfLimits()))
    assert document.error is None
    assert document.transactions
    assert {p.method for p in document.pages} <= {
        "geometric",
        "lines+lines",
        "lines+text",
        "table-model+lines",
        "table-model+text",
    }


def test_a_confident_statement_never_loads_the_model(statement: bytes, tmp_path: Path) -> None:
    # A directory that cannot load: the stage is there but never reached.
    result = extract_pdf(statement, tables=TableStage(tmp_path, "cpu"))
    assert result.reconciled is True
    assert all(p.method == "geometric" for p in result.pages)
