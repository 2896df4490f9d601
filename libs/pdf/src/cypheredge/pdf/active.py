"""Content a viewer could run or unpack: JavaScript, Launch actions, embedded files.

Runs only inside the worker and only reads the object graph: nothing is executed and no
embedded file is opened (pdfium here has no JavaScript engine and no form environment, so it
could not run a script either). Every object in the file is looked at, wherever a viewer would
find it (``/OpenAction``, ``/AA`` additional actions on the document, pages, annotations and
form fields, link and outline actions, the ``/JavaScript`` and ``/EmbeddedFiles`` name trees,
file attachment annotations), and also where none would: an action left unreferenced is still
reported, since the file is flagged, not refused.

Each object's serialisation is screened with one byte search first; only the few objects that
name a suspect key are walked, so a string that merely mentions ``/JavaScript`` flags nothing
and a thousand-page file costs milliseconds. qpdf writes names in their canonical spelling, so
an escaped name (``/J#61vaScript``) cannot hide from the search.
"""

from __future__ import annotations

import re

import pikepdf

from cypheredge.pdf.inspected import Hazard

# A suspect name followed by a delimiter (or the end): /JS matches, /JSomething does not.
_SUSPECT = re.compile(
    rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|FileAttachment|EF)(?![^\s()<>\[\]{}/%])"
)
_Container = pikepdf.Dictionary | pikepdf.Array


def hazards_of(obj: pikepdf.Object) -> set[Hazard]:
    """What one indirect object (with its direct contents) carries; empty for most."""
    if isinstance(obj, pikepdf.Stream):
        root: pikepdf.Object = obj.stream_dict
    elif isinstance(obj, _Container):
        root = obj
    else:
        return set()  # a number, a name, a string: nothing to run
    try:
        text = root.unparse(True)
    except pikepdf.PdfError:
        return set()  # an object qpdf cannot even write out is not one a viewer runs
    if not _SUSPECT.search(text):
        return set()
    found: set[Hazard] = set()
    stack: list[pikepdf.Object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Array):
            children = list(node)
        else:
            children = list(node.values())
            found |= _judge(node)
        # Indirect children are objects of their own, looked at once by the caller.
        stack += [c for c in children if isinstance(c, _Container) and not c.is_indirect]
    return found


def _judge(node: pikepdf.Object) -> set[Hazard]:
    found: set[Hazard] = set()
    action = node.get("/S")
    # An action dictionary: /S /JavaScript, or any action (a rendition, ...) with a /JS script;
    # a /Names dictionary with a /JavaScript tree holds document-level scripts.
    if action == pikepdf.Name.JavaScript or "/JS" in node or "/JavaScript" in node:
        found.add("javascript")
    if action == pikepdf.Name.Launch:
        found.add("launch_action")
    if (
        "/EF" in node  # a file specification carrying the file itself
        or "/EmbeddedFiles" in node  # the document's attachment name tree
        or node.get("/Type") == pikepdf.Name.EmbeddedFile
        or node.get("/Subtype") == pikepdf.Name.FileAttachment
    ):
        found.add("embedded_files")
    return found
