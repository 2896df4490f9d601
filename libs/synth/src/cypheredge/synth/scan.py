"""Statements as a scanner, a copier, a fax or a phone would give them back: image-only PDFs.

Each `ScanStyle` is one way paper comes back from a device, modelled on how they degrade a
page: resolution (150-300 dpi; a fax's 204 x 98), grey or colour, JPEG compression, the skew
of a sheet fed crooked (up to 3 degrees), a page fed sideways or upside down, faint toner,
an off-white paper tone and speckle, a bank's rubber stamp and pen marks over the table. The
transactions printed are untouched, so a statement's truth is its digital original's.
Deterministic: the same PDF, style and seed give the same bytes.
"""

from __future__ import annotations

import io
import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from random import Random

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold-subset.ttf"


SCANNED_AT = time.strptime("2024-01-02 09:30", "%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class ScanStyle:
    name: str
    dpi: int = 200
    dpi_y: int | None = None  # a fax: 204 x 196 dpi in fine mode (204 x 98 in standard)
    colour: bool = False
    jpeg: int | None = None  # JPEG quality; None keeps the image lossless
    skew: float = 0.0  # the largest tilt in degrees, either way
    turn: int = 0  # 90, 180 or 270: the sheet fed sideways or upside down (clockwise)
    faint: float = 0.0  # share of the ink's darkness lost (a toner running out)
    paper: int = 255  # the paper's grey level (old or recycled paper is darker)
    speckle: float = 0.0  # share of pixels flipped to dust or dropout
    blur: float = 0.0  # optics or motion, as a Gaussian radius in pixels
    bilevel: bool = False  # black and white only (a fax, a copier's text mode)
    stamp: bool = False  # a bank's rubber stamp over the transactions
    marks: bool = False  # pen ticks, a circled amount and an underline by the reader
    pages: frozenset[int] | None = None  # the pages scanned (1-based) in a mixed PDF


STYLES: dict[str, ScanStyle] = {
    style.name: style
    for style in (
        ScanStyle("office", dpi=200, jpeg=75, skew=0.5, paper=245),
        ScanStyle("archive", dpi=300, jpeg=85, paper=250),
        ScanStyle("copier", dpi=150, jpeg=50, skew=1.5, faint=0.45, paper=235, speckle=0.002),
        ScanStyle("crooked", dpi=200, jpeg=70, skew=3.0, paper=240),
        ScanStyle("colour-stamped", dpi=200, colour=True, jpeg=70, skew=1.0, stamp=True),
        ScanStyle("marked", dpi=200, jpeg=70, marks=True, stamp=True, paper=242),
        ScanStyle("fax", dpi=204, dpi_y=196, bilevel=True, skew=0.8, speckle=0.001),
        ScanStyle("sideways", dpi=200, jpeg=75, turn=90, skew=0.5),
        ScanStyle("upside-down", dpi=200, jpeg=75, turn=180),
        ScanStyle("soft", dpi=150, jpeg=40, blur=0.9, paper=238),
        ScanStyle("mixed", dpi=200, jpeg=75, skew=0.7, pages=frozenset({2})),
    )
}


def scan(pdf: bytes, style: ScanStyle, seed: int = 0) -> bytes:
    """`pdf` as `style` gives it back: every page an image (or, for a mixed style, only the
    style's `pages`, the others left digital)."""
    rng = Random(f"{style.name}:{seed}")
    doc = pdfium.PdfDocument(pdf)
    try:
        count = len(doc)
        chosen = [n for n in range(1, count + 1) if style.pages is None or n in style.pages]
        images = [degrade(_render(doc[n - 1], style), style, rng) for n in chosen]
    finally:
        doc.close()
    if style.pages is None:
        return _image_pdf(images, style)
    return _replace_pages(pdf, dict(zip(chosen, images, strict=True)), style)


def _render(page: pdfium.PdfPage, style: ScanStyle) -> Image.Image:
    image = page.render(scale=style.dpi / 72, grayscale=not style.colour).to_pil()
    if style.dpi_y is not None and style.dpi_y != style.dpi:
        image = image.resize((image.width, round(image.height * style.dpi_y / style.dpi)))
    converted: Image.Image = image.convert("RGB" if style.colour else "L")
    return converted


def degrade(image: Image.Image, style: ScanStyle, rng: Random) -> Image.Image:
    """One page image through the device: marks on the paper first, then the optics."""
    if style.stamp:
        image = _stamp(image, style, rng)
    if style.marks:
        image = _marks(image, style, rng)
    if style.faint or style.paper < 255:
        image = _tone(image, style.faint, style.paper)
    if style.skew:
        angle = rng.uniform(0.4, 1.0) * style.skew * rng.choice((-1, 1))
        fill: int | tuple[int, int, int] = (style.paper,) * 3 if style.colour else style.paper
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=fill)
    if style.blur:
        image = image.filter(ImageFilter.GaussianBlur(style.blur))
    if style.speckle:
        image = _speckle(image, style.speckle, rng)
    if style.turn:
        image = image.rotate(-style.turn, expand=True)
    if style.bilevel:
        image = image.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1")
    if style.jpeg is not None:
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=style.jpeg)
        image = Image.open(io.BytesIO(buf.getvalue()))
        image.load()
    return image


def _tone(image: Image.Image, faint: float, paper: int) -> Image.Image:
    """Ink lightened by `faint`, white paper darkened to `paper`."""
    low = round(255 * faint * 0.8)
    span = paper - low

    def level(v: int) -> int:
        return low + v * span // 255

    table = [level(v) for v in range(256)]
    return image.point(table * (3 if image.mode == "RGB" else 1))


def _speckle(image: Image.Image, share: float, rng: Random) -> Image.Image:
    out = image.copy()
    px = out.load()
    assert px is not None
    width, height = out.size
    dark: int | tuple[int, int, int] = (40, 40, 40) if out.mode == "RGB" else 40
    for _ in range(round(width * height * share)):
        x, y = rng.randrange(width), rng.randrange(height)
        px[x, y] = dark
    return out


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def _stamp(image: Image.Image, style: ScanStyle, rng: Random) -> Image.Image:
    """A bank's oval rubber stamp ("RECEIVED" and a date), inked unevenly and tilted, set
    over the transactions' middle where a teller or an auditor would press it."""
    px_per_pt = style.dpi / 72
    width, height = round(170 * px_per_pt), round(80 * px_per_pt)
    stamp = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(stamp)
    line = max(2, round(2.2 * px_per_pt))
    draw.ellipse((line, line, width - line, height - line), outline=255, width=line)
    word = rng.choice(("RECEIVED", "VERIFIED", "CERTIFIED COPY", "PAID"))
    day = f"{rng.randint(1, 28):02d} {rng.choice(('JAN', 'MAR', 'JUN', 'SEP', 'NOV'))} 2024"
    for text, size, y in ((word, 18, 0.22), (day, 13, 0.56)):
        font = _font(round(size * px_per_pt))
        box = draw.textbbox((0, 0), text, font=font)
        draw.text(((width - (box[2] - box[0])) / 2, height * y), text, fill=255, font=font)
    stamp = stamp.rotate(rng.uniform(-25, 25), expand=True, resample=Image.Resampling.BICUBIC)
    # Uneven ink: the stamp's strength falls off across its face.
    shade = Image.linear_gradient("L").resize(stamp.size).rotate(rng.uniform(0, 360))
    strength = Image.eval(shade, lambda v: 90 + v * 120 // 255)
    mask = Image.composite(strength, Image.new("L", stamp.size, 0), stamp)
    x = round(image.width * rng.uniform(0.35, 0.6) - stamp.width / 2)
    y = round(image.height * rng.uniform(0.35, 0.65) - stamp.height / 2)
    ink: int | tuple[int, int, int] = (176, 30, 40) if image.mode == "RGB" else 110
    out = image.copy()
    out.paste(Image.new(image.mode, stamp.size, ink), (x, y), mask)
    return out


def _marks(image: Image.Image, style: ScanStyle, rng: Random) -> Image.Image:
    """A reader's pen: ticks down the right margin, a circle round a figure in the table's
    right half and an underline under a line of the table."""
    out = image.copy()
    draw = ImageDraw.Draw(out)
    s = style.dpi / 72
    ink: int | tuple[int, int, int] = (25, 45, 150) if out.mode == "RGB" else 70
    pen = max(2, round(1.3 * s))
    width, height = out.size
    x = width - round(34 * s)
    for _ in range(rng.randint(4, 9)):
        y = round(height * rng.uniform(0.3, 0.85))
        draw.line([(x, y), (x + 5 * s, y + 6 * s), (x + 16 * s, y - 9 * s)], fill=ink, width=pen)
    cx, cy = width * rng.uniform(0.7, 0.85), height * rng.uniform(0.35, 0.7)
    rx, ry = 42 * s, 11 * s
    points = [
        (
            cx + rx * math.cos(t / 20 * math.tau) * (1 + 0.06 * math.sin(t)),
            cy + ry * math.sin(t / 20 * math.tau),
        )
        for t in range(23)
    ]
    draw.line(points, fill=ink, width=pen)
    y = round(height * rng.uniform(0.3, 0.8))
    x0 = round(width * rng.uniform(0.1, 0.3))
    draw.line([(x0, y), (x0 + width * 0.35, y + rng.uniform(-4, 4) * s)], fill=ink, width=pen)
    return out


def _image_pdf(images: Sequence[Image.Image], style: ScanStyle) -> bytes:
    buf = io.BytesIO()
    first, *rest = images
    resolution = (float(style.dpi), float(style.dpi_y or style.dpi))
    first.save(
        buf, "PDF", dpi=resolution, save_all=True, append_images=rest,
        creationDate=SCANNED_AT, modDate=SCANNED_AT,  # fixed: Pillow would write the time
    )  # fmt: skip
    return buf.getvalue()


def _replace_pages(pdf: bytes, images: dict[int, Image.Image], style: ScanStyle) -> bytes:
    """`pdf` with each page in `images` replaced by a page holding only that image."""
    return replace_pages(pdf, {n: _image_pdf([image], style) for n, image in images.items()})


def replace_pages(pdf: bytes, pages: Mapping[int, bytes]) -> bytes:
    """`pdf` with each page numbered in `pages` (1-based) replaced by the first page of the
    PDF given for it."""
    out = pikepdf.open(io.BytesIO(pdf))
    # pikepdf copies a foreign page's objects when the target is saved, so each source
    # document must outlive the save.
    numbers = sorted(pages)
    sources = [pikepdf.open(io.BytesIO(pages[n])) for n in numbers]
    for number, source in zip(numbers, sources, strict=True):
        out.pages.insert(number - 1, source.pages[0])
        del out.pages[number]
    buf = io.BytesIO()
    out.save(buf, deterministic_id=True)
    return buf.getvalue()
