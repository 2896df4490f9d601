"""Tesseract as an OCR engine: its command-line program, words from its TSV output.

Tesseract (Apache-2.0) is a system program, not a wheel: the engine runs the ``tesseract``
binary on PATH (or ``TESSERACT_CMD``) once per page, as pytesseract would, and reads its
word boxes from ``tsv`` output; orientation comes from its OSD mode when the ``osd`` data is
installed. The languages are ``TESSERACT_LANGS`` (``eng`` unless set, ``+``-joined as
Tesseract writes them). A binary or language that is not there fails when the engine is
built, naming what is missing, so a service configured with it stops at start.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cypheredge.extractor.ocr.engine import OcrReading, OcrUnavailable, OcrWord

if TYPE_CHECKING:
    from PIL.Image import Image

NAME = "tesseract"
# Tesseract's models are trained on 300 dpi text; statements at 300 dpi stay well inside the
# renderer's pixel budget.
DPI = 300
# Page segmentation "one uniform block of text" keeps a statement's rows as lines, where the
# default (automatic) mode breaks table columns into blocks of their own.
PAGE_MODE = "6"
SECONDS_PER_PAGE = 120
WORD_LEVEL = "5"
_ROTATE = re.compile(r"^Rotate:\s*(\d+)", re.MULTILINE)


def command() -> str:
    """The Tesseract program to run; OcrUnavailable when there is none."""
    configured = os.environ.get("TESSERACT_CMD", "tesseract")
    found = shutil.which(configured)
    if found is None:
        raise OcrUnavailable(
            f"OCR engine tesseract: the program {configured!r} is not installed or not on PATH"
            " (install tesseract-ocr, set TESSERACT_CMD, or choose EXTRACTOR_OCR_ENGINE=rapidocr)"
        )
    return found


def languages() -> str:
    return os.environ.get("TESSERACT_LANGS", "eng")


def check() -> tuple[str, str, bool]:
    """The program, its languages and whether it can tell orientation (OSD), once every
    language asked for is installed; OcrUnavailable naming what is missing otherwise."""
    program, wanted = command(), languages()
    listed = _run([program, "--list-langs"], b"").decode("utf-8", "replace").split()
    installed = set(listed[1:] if listed and listed[0].startswith("List") else listed)
    missing = [lang for lang in wanted.split("+") if lang not in installed]
    if missing:
        raise OcrUnavailable(
            f"OCR engine tesseract: language data {', '.join(missing)} not installed"
            f" (installed: {', '.join(sorted(installed)) or 'none'}; set TESSERACT_LANGS)"
        )
    return program, wanted, "osd" in installed


class TesseractEngine:
    """Reads a page with the Tesseract program (method ``ocr:tesseract``)."""

    name = NAME
    dpi = DPI

    def __init__(self) -> None:
        self._program, self._langs, self._osd = check()

    def recognise(self, image: Image, fine: bool = False) -> OcrReading:
        # Tesseract finds its lines on the image as given: `fine` has nothing more to look at.
        png = _png(image)
        if self._osd and (turn := self._turn(png)):
            return OcrReading((), 0, turn)
        out = _run(
            [self._program, "stdin", "stdout", "-l", self._langs, "--psm", PAGE_MODE, "tsv"], png
        )
        return read_tsv(out.decode("utf-8", "replace"))

    def _turn(self, png: bytes) -> int:
        """The clockwise turn OSD says the page needs (0 when it cannot tell)."""
        try:
            out = _run([self._program, "stdin", "stdout", "--psm", "0"], png)
        except OcrUnavailable:
            return 0  # too little text to tell: read it as it is
        found = _ROTATE.search(out.decode("utf-8", "replace"))
        turn = int(found.group(1)) if found else 0
        return turn if turn in (90, 180, 270) else 0


def read_tsv(text: str) -> OcrReading:
    """Words and line count of Tesseract's TSV output (level 5 rows are words)."""
    words: list[OcrWord] = []
    lines: set[tuple[str, str, str]] = set()
    for row in csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if row.get("level") != WORD_LEVEL or not word:
            continue
        left, top = float(row["left"]), float(row["top"])
        confidence = max(0.0, min(float(row["conf"]) / 100, 1.0))
        words.append(
            OcrWord(
                word, left, top, left + float(row["width"]), top + float(row["height"]), confidence
            )
        )
        lines.add((row["block_num"], row["par_num"], row["line_num"]))
    return OcrReading(tuple(words), len(lines))


def _png(image: Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _run(args: Sequence[str], stdin: bytes) -> bytes:
    try:
        done = subprocess.run(
            list(args), input=stdin, capture_output=True, timeout=SECONDS_PER_PAGE, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise OcrUnavailable(f"OCR engine tesseract could not run: {exc}") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise OcrUnavailable(f"OCR engine tesseract failed ({done.returncode}): {reason[0]}")
    return done.stdout
