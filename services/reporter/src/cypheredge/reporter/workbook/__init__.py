"""The batch workbook: one Excel file of analysis, written row by row.

``write_workbook`` streams every sheet in ``SHEETS`` order through xlsxwriter's
``constant_memory`` mode, so a batch of hundreds of thousands of rows costs little more
memory than the report it is built from.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import xlsxwriter

from cypheredge.reporter.domain.model import BatchReport
from cypheredge.reporter.workbook.cells import Formats
from cypheredge.reporter.workbook.context import Derived, SheetContext
from cypheredge.reporter.workbook.registry import SHEETS, SheetWriter

__all__ = ["OPTIONS", "SHEETS", "SheetWriter", "write_workbook"]

OPTIONS = {
    "constant_memory": True,  # each row is flushed to a temporary file once the next starts
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}


def write_workbook(report: BatchReport, target: str | Path | BinaryIO) -> None:
    """Writes the workbook of ``report`` to a path or a binary file object."""
    destination = str(target) if isinstance(target, Path) else target
    with xlsxwriter.Workbook(destination, OPTIONS) as workbook:
        workbook.set_properties(
            {
                "title": f"Statement analysis {report.batch_id}",
                "subject": "Bank statement analysis",
                "author": "CypherEdge",
                "comments": f"Batch {report.batch_id}",
            }
        )
        ctx = SheetContext(workbook, Formats.build(workbook), report, Derived(report))
        for name, write in SHEETS.items():
            write(workbook.add_worksheet(name), ctx)
