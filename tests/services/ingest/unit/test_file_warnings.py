"""What the PDF guard found about a file becomes the notices a customer sees, in one order."""

from __future__ import annotations

from cypheredge.contracts.notices import (
    PASSWORD_NOT_NEEDED,
    PDF_EMBEDDED_FILES,
    PDF_JAVASCRIPT,
    PDF_LAUNCH_ACTION,
    REPAIRED_PDF,
)
from cypheredge.ingest.domain.file_warnings import file_warnings
from cypheredge.pdf import HAZARDS, Hazard, InspectedPdf


def _inspected(
    *, repaired: bool = False, password_unused: bool = False, hazards: tuple[Hazard, ...] = ()
) -> InspectedPdf:
    return InspectedPdf(
        pages=1,
        text_layer_pages=(1,),
        encrypted=False,
        decrypted=b"%PDF-",
        repaired=repaired,
        hazards=hazards,
        password_unused=password_unused,
    )


def test_an_intact_file_has_no_warnings() -> None:
    assert file_warnings(_inspected()) == ()


def test_every_finding_has_its_notice_damage_first_then_password_then_content() -> None:
    found = file_warnings(
        _inspected(
            repaired=True,
            password_unused=True,
            hazards=("javascript", "launch_action", "embedded_files"),
        )
    )
    assert [n.code for n in found] == [
        REPAIRED_PDF,
        PASSWORD_NOT_NEEDED,
        PDF_JAVASCRIPT,
        PDF_LAUNCH_ACTION,
        PDF_EMBEDDED_FILES,
    ]
    assert all(n.message and n.page is None for n in found)
    assert "password" in found[1].message
    assert "JavaScript" in found[2].message
    assert "Launch" in found[3].message
    assert "attachments" in found[4].message


def test_every_hazard_the_guard_can_report_has_a_notice() -> None:
    for hazard in HAZARDS:
        (notice,) = file_warnings(_inspected(hazards=(hazard,)))
        assert notice.code.startswith("pdf_")
