"""What a reader must know about an accepted file itself, as notices (pure).

Shared by the ingest service (on ``statement.ingested``) and ``cypheredge extract`` (in the
extraction document), so that both say the same thing about the same file.
"""

from __future__ import annotations

from collections.abc import Callable

from cypheredge.contracts.notices import (
    Notice,
    password_not_needed,
    pdf_embedded_files,
    pdf_javascript,
    pdf_launch_action,
    repaired_pdf,
)
from cypheredge.pdf import Hazard, InspectedPdf

_HAZARD_NOTICES: dict[Hazard, Callable[[], Notice]] = {
    "javascript": pdf_javascript,
    "launch_action": pdf_launch_action,
    "embedded_files": pdf_embedded_files,
}


def file_warnings(inspected: InspectedPdf) -> tuple[Notice, ...]:
    """Damage first (it bears on the figures), then the password, then hostile content."""
    found: list[Notice] = []
    if inspected.repaired:
        found.append(repaired_pdf())
    if inspected.password_unused:
        found.append(password_not_needed())
    found += [_HAZARD_NOTICES[hazard]() for hazard in inspected.hazards]
    return tuple(found)
