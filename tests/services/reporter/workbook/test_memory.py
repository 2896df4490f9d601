"""20,000 rows stream through ``constant_memory``: memory stays flat whatever the batch size;
a small batch is written in memory, with the same cells."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import openpyxl
import psutil
import xlsxwriter

from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.workbook import (
    IN_MEMORY_ROWS,
    OPTIONS,
    SHEETS,
    options_for,
    write_workbook,
)
from cypheredge.reporter.workbook.cells import Formats
from cypheredge.reporter.workbook.context import Derived, SheetContext

ROWS = 20_000  # four times IN_MEMORY_ROWS: streamed
# Per row: streamed, the whole write grows by ~2 MiB; held in memory, a workbook takes ~3 KiB
# a row (62 MiB here, measured), so 2 KiB a row catches that or a leak of two thirds of it.
BOUND = ROWS * 2 * 1024


class PeakRss:
    """Samples this process's resident memory in a thread while the block runs."""

    def __init__(self, interval: float = 0.02) -> None:
        self.process = psutil.Process()
        self.interval = interval
        self.base = self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self.base = self.peak = self.process.memory_info().rss
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)

    @property
    def growth(self) -> int:
        return self.peak - self.base


def test_a_large_batch_is_written_in_constant_memory(
    tmp_path: Path, bulk: Callable[[int], BatchReport]
) -> None:
    assert OPTIONS["constant_memory"] is True
    report = bulk(ROWS)
    assert options_for(report) is OPTIONS
    target = tmp_path / "large.xlsx"
    with PeakRss() as rss:
        write_workbook(report, target)
    assert rss.growth < BOUND, f"grew by {rss.growth / 2**20:.0f} MiB"
    book = openpyxl.load_workbook(target, read_only=True)
    assert book["Transactions"].max_row == ROWS + 4  # title, note, blank, header
    book.close()


def test_a_small_batch_is_written_in_memory_and_reads_the_same(
    tmp_path: Path, bulk: Callable[[int], BatchReport]
) -> None:
    """No temporary file per sheet for a small batch (their creation and removal cost more
    than its cells); its workbook holds what the streamed one holds."""
    small = bulk(200)
    assert options_for(small)["in_memory"] is True
    assert options_for(bulk(IN_MEMORY_ROWS + 4)) is OPTIONS
    write_workbook(small, tmp_path / "memory.xlsx")
    with xlsxwriter.Workbook(tmp_path / "streamed.xlsx", OPTIONS) as streamed:
        ctx = SheetContext(streamed, Formats.build(streamed), small, Derived(small))
        for name, write in SHEETS.items():
            write(streamed.add_worksheet(name), ctx)
    assert _cells(tmp_path / "memory.xlsx") == _cells(tmp_path / "streamed.xlsx")


def _cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}
    finally:
        book.close()
