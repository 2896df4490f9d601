"""The clean-up before recognition: coloured ink dropped, bilevel edges softened, faint
print stretched, an ordinary scan left as it is."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from cypheredge.extractor.ocr.clean import for_recognition


def _page(mode: str, paper: object, ink: object) -> Image.Image:
    image = Image.new(mode, (400, 300), paper)  # type: ignore[arg-type]
    draw = ImageDraw.Draw(image)
    for y in range(20, 280, 20):
        draw.rectangle((20, y, 380, y + 6), fill=ink)  # type: ignore[arg-type]
    return image


def test_a_red_stamp_fades_towards_the_paper_and_black_print_stays_black() -> None:
    page = _page("RGB", (255, 255, 255), (0, 0, 0))
    ImageDraw.Draw(page).ellipse((100, 50, 300, 250), outline=(180, 30, 40), width=12)
    grey = np.asarray(for_recognition(page))
    assert grey.ndim == 2
    assert grey[22, 50] < 10  # print
    assert grey[150, 100 + 4] >= 175  # the stamp's ring, as light as its brightest channel
    plain = np.asarray(page.convert("L"))
    assert plain[150, 104] < 100  # what an ordinary grey conversion would have kept


def test_a_bilevel_scan_gets_grey_edges() -> None:
    fax = _page("L", 255, 0).convert("1")
    values = set(np.unique(np.asarray(for_recognition(fax.convert("L")))))
    assert len(values) > 2


def test_faint_print_on_dark_paper_is_stretched_to_black_on_white() -> None:
    faint = np.asarray(for_recognition(_page("L", 215, 120)))
    assert faint.min() <= 10
    assert faint.max() >= 250


def test_an_ordinary_scan_is_left_as_it_is() -> None:
    page = _page("L", 250, 20)
    assert np.array_equal(np.asarray(for_recognition(page)), np.asarray(page))
