"""How long each page stage of the cascade took, for the extractor's trace.

The cascade runs in a sandbox worker, which exports nothing: :class:`StageLog` wraps the
readers there (each read of a page by the text layer, a fallback or OCR is timed, on the
wall clock), the timings travel back in the worker's reply, and the service records one span
per page stage under its extraction span (:func:`record_stage_spans`). The wrappers keep
what the cascade asks of a reader (a batch reader's ``expect``, a text layer's
``unusable``, OCR's ``skipped``), and nothing else.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cypheredge.extractor.domain.cascade import BatchReader, PageReader, Refusing, Vetting
from cypheredge.extractor.domain.words import PageWords
from cypheredge.kit.telemetry import record_span

STAGES = ("text_layer", "fallback", "ocr")
MAX_STAGES = 100_000  # a reply naming more is not a worker's (the worker read a hostile file)


@dataclass(frozen=True)
class StageTiming:
    stage: str  # text_layer, fallback, ocr
    method: str  # the reader's method: geometric, lines+lines, rapidocr...
    page: int
    start_ns: int
    end_ns: int
    found: bool  # whether the reader found anything on the page


@dataclass
class StageLog:
    """Collects the timings of every page read, in the worker."""

    timings: list[StageTiming] = field(default_factory=list)

    def wrap(self, stage: str, reader: PageReader) -> PageReader:
        bases: list[type] = []  # each a _Timed: with none of them, _Timed itself
        if isinstance(reader, BatchReader):
            bases.append(_Expects)
        if isinstance(reader, Vetting):
            bases.append(_Vets)
        if isinstance(reader, Refusing):
            bases.append(_Refuses)
        timed: PageReader = type("Timed", tuple(bases or [_Timed]), {})(reader, stage, self.timings)
        return timed

    def fields(self) -> list[list[Any]]:
        """The timings as the JSON of the worker's reply."""
        return [[t.stage, t.method, t.page, t.start_ns, t.end_ns, t.found] for t in self.timings]


class _Timed:
    def __init__(self, inner: PageReader, stage: str, sink: list[StageTiming]) -> None:
        self._inner = inner
        self._stage = stage
        self._sink = sink
        self.method = inner.method

    def read(self, number: int) -> PageWords | None:
        start = time.time_ns()
        page = self._inner.read(number)
        found = page is not None and bool(page.words)
        self._sink.append(
            StageTiming(self._stage, self.method, number, start, time.time_ns(), found)
        )
        return page


class _Expects(_Timed):
    def expect(self, numbers: Sequence[int]) -> None:
        assert isinstance(self._inner, BatchReader)
        self._inner.expect(numbers)


class _Vets(_Timed):
    def unusable(self, number: int) -> str | None:
        assert isinstance(self._inner, Vetting)
        return self._inner.unusable(number)


class _Refuses(_Timed):
    @property
    def skipped(self) -> Mapping[int, str]:
        assert isinstance(self._inner, Refusing)
        return self._inner.skipped


def read_stages(items: object) -> tuple[StageTiming, ...]:
    """The timings of a worker's reply (a ``ValueError`` when they are not that)."""
    if items is None:
        return ()
    if not isinstance(items, list) or len(items) > MAX_STAGES:
        raise ValueError("a worker's stages are not a list of stage timings")
    return tuple(_timing(item) for item in items)


def _timing(item: object) -> StageTiming:
    if isinstance(item, list) and len(item) == 6:
        stage, method, page, start, end, found = item
        numbers = all(type(n) is int and n >= 0 for n in (page, start, end))
        if stage in STAGES and isinstance(method, str) and numbers and isinstance(found, bool):
            return StageTiming(stage, method[:64], page, start, max(start, end), found)
    raise ValueError(
        f"a worker's stage timing is not [stage, method, page, start, end, found]: {item!r}"
    )


def record_stage_spans(timings: Sequence[StageTiming]) -> None:
    """One span per page stage, children of the current (extraction) span."""
    for t in timings:
        record_span(
            f"extract page {t.stage}",
            t.start_ns,
            t.end_ns,
            {
                "extraction.stage": t.stage,
                "extraction.method": t.method,
                "extraction.page": t.page,
                "extraction.found": t.found,
            },
        )
