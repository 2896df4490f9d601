"""A top-to-bottom page flow over a reportlab canvas.

Drawing is deferred: each page collects operations and the PDF is written at the end, so footers can
say "page x of y" and the same inputs always give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from random import Random
from typing import Literal

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

Op = Callable[[Canvas], None]
Align = Literal["l", "r", "c"]
Footer = Callable[[int, int], str]


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


HELVETICA = Fonts("Helvetica", "Helvetica-Bold")
TIMES = Fonts("Times-Roman", "Times-Bold")
COURIER = Fonts("Courier", "Courier-Bold")
# The base-14 fonts have no rupee sign; this embedded subset does.
DEJAVU = Fonts("DejaVuSans", "DejaVuSans-Bold")


def _register_dejavu() -> None:
    if DEJAVU.regular in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources.files("cypheredge.synth") / "fonts"
    for name, file in (
        (DEJAVU.regular, "DejaVuSans-subset.ttf"),
        (DEJAVU.bold, "DejaVuSans-Bold-subset.ttf"),
    ):
        with resources.as_file(folder / file) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))


@dataclass(frozen=True)
class PageSpec:
    """Paper, margins, fonts and body size: varied per seed so coordinates never repeat."""

    paper: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    fonts: Fonts
    size: float

    @staticmethod
    def vary(
        rng: Random,
        fonts: tuple[Fonts, ...] = (HELVETICA, TIMES),
        size: tuple[float, float] = (7.5, 9.0),
        paper: tuple[tuple[float, float], ...] = (A4, LETTER),
    ) -> PageSpec:
        return PageSpec(
            paper=rng.choice(paper),
            left=rng.uniform(28, 56),
            right=rng.uniform(28, 56),
            top=rng.uniform(30, 54),
            bottom=rng.uniform(40, 60),
            fonts=rng.choice(fonts),
            size=round(rng.uniform(*size) * 2) / 2,
        )


def text_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))


class Flow:
    """Pages of deferred drawing operations with a cursor `y` moving down the current page."""

    def __init__(
        self,
        spec: PageSpec,
        footer: Footer,
        legal: str = "",
        continuation: Callable[[Flow], None] | None = None,
    ) -> None:
        if spec.fonts == DEJAVU:
            _register_dejavu()
        self.spec, self.footer, self.legal = spec, footer, legal
        self.continuation = continuation
        self.pages: list[list[Op]] = [[]]
        self.y = self.top

    @property
    def top(self) -> float:
        return self.spec.paper[1] - self.spec.top

    @property
    def left(self) -> float:
        return self.spec.left

    @property
    def right(self) -> float:
        return self.spec.paper[0] - self.spec.right

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def page(self) -> int:
        return len(self.pages)

    def font(self, bold: bool = False) -> str:
        return self.spec.fonts.bold if bold else self.spec.fonts.regular

    def room(self, height: float) -> bool:
        return self.y - height >= self.spec.bottom

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top
        if self.continuation is not None:
            self.continuation(self)

    def ensure(self, height: float) -> None:
        if not self.room(height):
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        *,
        bold: bool = False,
        size: float | None = None,
        align: Align = "l",
        gray: float = 0.0,
        font: str | None = None,
    ) -> None:
        face, pt = font or self.font(bold), size or self.spec.size

        def op(c: Canvas) -> None:
            c.setFillGray(gray)
            c.setFont(face, pt)
            draw = {"l": c.drawString, "r": c.drawRightString, "c": c.drawCentredString}[align]
            draw(x, y, text)

        self.add(op)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        def op(c: Canvas) -> None:
            c.setLineWidth(width)
            c.setStrokeGray(0)
            c.line(x1, y1, x2, y2)

        self.add(op)

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: float | None = None,
        stroke: bool = True,
    ) -> None:
        """A rectangle with its lower-left corner at (x, y); `fill` is a gray level."""

        def op(c: Canvas) -> None:
            c.setLineWidth(0.5)
            c.setStrokeGray(0)
            if fill is not None:
                c.setFillGray(fill)
            c.rect(x, y, w, h, stroke=int(stroke), fill=int(fill is not None))

        self.add(op)

    def render(self, title: str, password: str | None = None) -> bytes:
        """The finished PDF; byte-identical for identical flows."""
        out = io.BytesIO()
        encrypt = None
        if password is not None:
            # 128-bit RC4 needs no extra package (AES-256 in reportlab needs pyaes).
            encrypt = StandardEncryption(password, ownerPassword=f"{password}-owner", strength=128)
        canvas = Canvas(out, pagesize=self.spec.paper, invariant=1, encrypt=encrypt)
        canvas.setTitle(title)
        canvas.setAuthor("CypherEdge synthetic statement generator")
        canvas.setCreator("cypheredge.synth")
        total = len(self.pages)
        for number, ops in enumerate(self.pages, start=1):
            for op in ops:
                op(canvas)
            self._footer(canvas, number, total)
            canvas.showPage()
        canvas.save()
        return out.getvalue()

    def _footer(self, canvas: Canvas, number: int, total: int) -> None:
        size = max(self.spec.size - 1.5, 6.0)
        y = self.spec.bottom * 0.45
        canvas.setFillGray(0.25)
        canvas.setFont(self.font(), size)
        canvas.drawRightString(self.right, y, self.footer(number, total))
        if self.legal:
            canvas.drawString(self.left, y + size * 1.4, self.legal)
