"""A page image made ready for recognition: what scanners' own "clean-up" settings do.

- Colour drop-out: the recogniser reads grey, and a red or blue stamp or pen stroke over a
  line turns as dark as the print under it in an ordinary grey conversion. The brightest of
  the three channels keeps black print black and lifts coloured ink towards the paper.
- A bilevel scan (a fax, a copier's text mode) has stair-stepped edges; a slight blur gives
  the recogniser the grey edges it was trained on.
- Faint print (toner running out, a copy of a copy) is stretched so that the darkest ink is
  black and the paper white again.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageChops, ImageFilter, ImageOps

# Share of pixels at pure black or white above which an image is taken as bilevel.
BILEVEL = 0.97
# Contrast is stretched only when the ink is this light or the paper this dark; a normal
# scan is left as it is.
FAINT_INK = 60
DARK_PAPER = 225


def for_recognition(image: Image.Image) -> Image.Image:
    """`image` as a grey image for the recogniser (see the module's notes)."""
    grey = _drop_colour(image)
    pixels = np.asarray(grey)[::4, ::4]  # a sixteenth of the pixels tells the page's tones
    if np.isin(pixels, (0, 255)).mean() > BILEVEL:
        return grey.filter(ImageFilter.GaussianBlur(0.7))
    ink, paper = np.percentile(pixels, (0.5, 60))
    if ink > FAINT_INK or paper < DARK_PAPER:
        return ImageOps.autocontrast(grey, cutoff=(0.5, 1))
    return grey


def _drop_colour(image: Image.Image) -> Image.Image:
    if image.mode == "L":
        return image
    red, green, blue = image.convert("RGB").split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)
