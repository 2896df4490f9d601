"""Scripts, Launch actions and attachments are found (never run) and the file is still read.

Each file is a generated statement with the hostile part added by pikepdf, inspected by the
real sandboxed worker: the statement keeps its pages and text layer, and the inspection names
what it carries.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pikepdf
import pytest

from cypheredge.pdf import PdfInspector
from cypheredge.synth import generate

Change = Callable[[pikepdf.Pdf], None]
Name, Dictionary, String = pikepdf.Name, pikepdf.Dictionary, pikepdf.String


def statement() -> bytes:
    return generate("uk_ruled", 3).pdf


def changed(change: Change, data: bytes | None = None) -> bytes:
    with pikepdf.open(io.BytesIO(data or statement())) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def _javascript(script: str = "app.alert('hi')") -> pikepdf.Dictionary:
    return Dictionary(Type=Name.Action, S=Name.JavaScript, JS=String(script))


def open_action_js(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = _javascript()


def name_tree_js(pdf: pikepdf.Pdf) -> None:
    action = pdf.make_indirect(_javascript())
    pdf.Root.Names = Dictionary(JavaScript=Dictionary(Names=pikepdf.Array([String("x"), action])))


def page_additional_action_js(pdf: pikepdf.Pdf) -> None:
    pdf.pages[1].obj.AA = Dictionary(O=_javascript())  # runs when page 2 opens


def document_additional_action_js(pdf: pikepdf.Pdf) -> None:
    pdf.Root.AA = Dictionary(WC=_javascript())  # runs when the document closes


def link_annotation_js(pdf: pikepdf.Pdf) -> None:
    link = Dictionary(
        Type=Name.Annot, Subtype=Name.Link, Rect=[0, 0, 10, 10], A=_javascript(), Border=[0, 0, 0]
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))


def chained_js(pdf: pikepdf.Pdf) -> None:
    # A harmless GoTo whose /Next runs a script.
    go_to = Dictionary(S=Name.GoTo, D=[pdf.pages[0].obj, Name.Fit], Next=_javascript())
    pdf.Root.OpenAction = go_to


def open_action_launch(pdf: pikepdf.Pdf) -> None:
    pdf.Root.OpenAction = Dictionary(S=Name.Launch, F=String("calc.exe"))


def annotation_launch(pdf: pikepdf.Pdf) -> None:
    launch = Dictionary(S=Name.Launch, Win=Dictionary(F=String("cmd.exe"), P=String("/c dir")))
    link = Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=[0, 0, 10, 10], A=launch)
    pdf.pages[2].obj.Annots = pikepdf.Array([pdf.make_indirect(link)])


def embedded_file(pdf: pikepdf.Pdf) -> None:
    pdf.attachments["invoice.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00 not really")


def file_attachment_annotation(pdf: pikepdf.Pdf) -> None:
    spec = pikepdf.AttachedFileSpec(pdf, b"payload", filename="notes.txt")
    annot = Dictionary(
        Type=Name.Annot, Subtype=Name.FileAttachment, Rect=[0, 0, 20, 20], FS=spec.obj
    )
    pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(annot)])


@pytest.mark.parametrize(
    ("change", "hazards"),
    [
        (open_action_js, ("javascript",)),
        (name_tree_js, ("javascript",)),
        (page_additional_action_js, ("javascript",)),
        (document_additional_action_js, ("javascript",)),
        (link_annotation_js, ("javascript",)),
        (chained_js, ("javascript",)),
        (open_action_launch, ("launch_action",)),
        (annotation_launch, ("launch_action",)),
        (embedded_file, ("embedded_files",)),
        (file_attachment_annotation, ("embedded_files",)),
    ],
    ids=lambda value: value.__name__ if callable(value) else None,
)
def test_hostile_content_is_named_and_the_statement_still_read(
    inspector: PdfInspector, change: Change, hazards: tuple[str, ...]
) -> None:
    result = inspector.inspect(changed(change))
    assert result.hazards == hazards
    assert (result.pages, result.text_layer_pages, result.repaired) == (3, (1, 2, 3), False)


def test_all_three_at_once_are_reported_in_a_stable_order(inspector: PdfInspector) -> None:
    def everything(pdf: pikepdf.Pdf) -> None:
        embedded_file(pdf)
        annotation_launch(pdf)
        open_action_js(pdf)

    result = inspector.inspect(changed(everything))
    assert result.hazards == ("javascript", "launch_action", "embedded_files")


def test_an_escaped_name_does_not_hide_a_script(inspector: PdfInspector) -> None:
    # /J#61vaScript is /JavaScript spelled with a hex escape; the byte edit shifts offsets, so
    # qpdf repairs the file too, and still sees the script.
    plain = changed(open_action_js)
    assert plain.count(b"/S /JavaScript") == 1
    escaped = plain.replace(b"/S /JavaScript", b"/S /J#61vaScript")
    result = inspector.inspect(escaped)
    assert result.hazards == ("javascript",)


def test_words_that_only_mention_scripts_flag_nothing(inspector: PdfInspector) -> None:
    def mention(pdf: pikepdf.Pdf) -> None:
        pdf.docinfo[Name.Title] = String("/JavaScript /Launch /EmbeddedFiles /JS")
        pdf.Root.OpenAction = Dictionary(S=Name.GoTo, D=[pdf.pages[0].obj, Name.Fit])

    result = inspector.inspect(changed(mention))
    assert result.hazards == ()


def test_an_encrypted_file_is_surveyed_after_decryption(
    inspector: PdfInspector, encrypt: Callable[[bytes, str, str], bytes]
) -> None:
    locked = encrypt(changed(open_action_launch), "s3cret", "owner")
    result = inspector.inspect(locked, password="s3cret")
    assert (result.encrypted, result.hazards, result.password_unused) == (
        True,
        ("launch_action",),
        False,
    )


def test_an_intact_statement_has_no_hazards(inspector: PdfInspector) -> None:
    assert inspector.inspect(statement()).hazards == ()
