"""The extraction cascade: word geometry first, table strategies when it is unsure (A/B
ruled grids, C/D the table model's columns), OCR for pages without a text layer, else a flag."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol, runtime_checkable

from cypheredge.extractor.domain.context import DocContext, build_context
from cypheredge.extractor.domain.document import FLAGGED, assemble
from cypheredge.extractor.domain.furniture import find_furniture
from cypheredge.extractor.domain.guessed_sides import align_guessed_sides
from cypheredge.extractor.domain.lines import Line, group_lines
from cypheredge.extractor.domain.model import ExtractionResult, Notice
from cypheredge.extractor.domain.page import PageParse, TableState, parse_page
from cypheredge.extractor.domain.rows import RowKind
from cypheredge.extractor.domain.words import PageWords

CONFIDENT = 0.9
CONTRADICTED = 0.4  # a row's confidence when the balance chain contradicts it


class PageReader(Protocol):
    """One way of turning a page into word boxes (real words, or table cells as words).

    `read` returns None when the strategy finds nothing on the page (no table, no text).
    """

    method: str

    def read(self, number: int) -> PageWords | None: ...


@runtime_checkable
class BatchReader(PageReader, Protocol):
    """A reader that is faster on several pages at once (a model): told which pages it may
    be asked for before the first of them is."""

    def expect(self, numbers: Sequence[int]) -> None: ...


@runtime_checkable
class Refusing(Protocol):
    """A reader that may refuse a page and says why (OCR: an image over the pixel budget)."""

    @property
    def skipped(self) -> Mapping[int, str]: ...


@runtime_checkable
class Vetting(Protocol):
    """A text-layer reader that can tell when a page's layer is not what the page shows
    (hidden garbage, text drawn as shapes, a hidden layer of another page): why, or None."""

    def unusable(self, number: int) -> str | None: ...


@dataclass
class Cascade:
    """`words` reads the text layer; `fallbacks` (A lines+lines, B lines+text, then C/D the
    table model's columns) re-read pages the geometry is unsure of; `ocr` (E) reads pages
    without text. `missing` names the stages that are not there and why (`C/D: table model
    not configured`): a page left unsure after the others says that they did not run."""

    words: PageReader
    page_count: int
    fallbacks: Sequence[PageReader] = ()
    ocr: Sequence[PageReader] = ()
    threshold: float = CONFIDENT
    created: date | None = None  # the PDF's creation date, for dates printed without a year
    missing: Sequence[str] = ()
    _states: list[TableState] = field(default_factory=list)
    _furniture: list[set[int]] = field(default_factory=list)
    _unread: dict[int, str] = field(default_factory=dict)  # page -> why it was not read
    _want_ocr: dict[int, str] = field(default_factory=dict)  # unread page -> why OCR must read it
    _layer_notes: dict[int, str] = field(default_factory=dict)  # page OCR read instead -> why

    def run(self) -> ExtractionResult:
        texts = [self.words.read(n) for n in range(1, self.page_count + 1)]
        found = [self._with_ocr(n, t) for n, t in enumerate(texts, start=1)]
        lines = [group_lines(pw.words) if pw is not None else [] for pw, _ in found]
        ctx = build_context(lines, self.created)
        flagged = {n for n, (pw, _) in enumerate(found, start=1) if pw is None}
        heights = [pw.height if pw is not None else 0.0 for pw, _ in found]
        self._furniture = find_furniture(lines, heights, ctx.reading.decimal_mark)
        parses = self._parse_all(found, lines, ctx)
        result = self._assemble(parses, ctx, flagged)
        if result.reconciled is True:
            # The balance chain confirms the statement as a whole: a page's lower confidence
            # (lines outside its tables, rows of balances only) is no reason to read it again.
            return result
        unsure = [
            r.number
            for r in result.pages
            if r.method != FLAGGED
            and r.confidence < self.threshold
            and _worth_rereading(parses[r.number - 1], result)
        ]
        for reader in self.fallbacks:
            if isinstance(reader, BatchReader):
                reader.expect(unsure)
        retried: list[int] = []
        for report in result.pages:
            if report.method == FLAGGED or report.confidence >= self.threshold:
                continue
            if _worth_rereading(parses[report.number - 1], result):
                retried.append(report.number)
                result, parses = self._retry(report.number, result, parses, ctx, flagged)
        return self._say_missing(result, retried)

    def _assemble(
        self, parses: Sequence[PageParse], ctx: DocContext, flagged: set[int]
    ) -> ExtractionResult:
        """The statement of `parses`, with what each page not read, or read by OCR instead
        of its text layer, says (a re-read page's trial keeps them too)."""
        return self._say_layers(self._say_unread(assemble(parses, ctx, flagged)))

    def _say_missing(self, result: ExtractionResult, retried: Sequence[int]) -> ExtractionResult:
        """A page still unsure after every stage there is names the stages that were not."""
        if not self.missing:
            return result
        notices = [
            Notice(
                "stages_not_run",
                f"page {n} is read with confidence {result.pages[n - 1].confidence:.2f} after"
                f" every stage available; not run: {'; '.join(self.missing)}",
                n,
            )
            for n in retried
            if result.pages[n - 1].confidence < self.threshold
        ]
        return replace(result, warnings=(*result.warnings, *notices)) if notices else result

    def _with_ocr(self, number: int, text: PageWords | None) -> tuple[PageWords | None, str]:
        """The page from its text layer when it has a usable one, else as OCR reads it, else
        flagged with why. A layer that is not what the page shows counts as none."""
        fault = self._layer_fault(number)
        if text is not None and text.words and fault is None:
            return text, self.words.method
        for reader in self.ocr:
            page = reader.read(number)
            if page is not None and page.words:
                if fault is not None:
                    self._layer_notes[number] = f"{fault}; read by {reader.method}"
                return page, reader.method
        reasons = [
            r.skipped[number] for r in self.ocr if isinstance(r, Refusing) and number in r.skipped
        ]
        missing = fault or "it has no text layer"
        if reasons:
            self._unread[number] = f"{fault}; {reasons[0]}" if fault else reasons[0]
        elif self.ocr:
            nothing = "OCR found no text on it"
            self._unread[number] = f"{fault} and {nothing}" if fault else nothing
        else:
            self._want_ocr[number] = missing
            self._unread[number] = f"{missing} and OCR is not enabled"
        return None, FLAGGED

    def _layer_fault(self, number: int) -> str | None:
        """Why the page's text layer cannot be read from, when the reader can tell."""
        if not isinstance(self.words, Vetting):
            return None
        return self.words.unusable(number)

    def _say_layers(self, result: ExtractionResult) -> ExtractionResult:
        """Each page read by OCR in place of its text layer says why and by what."""
        notices = [
            Notice("text_layer_unusable", f"page {n}: {why}", n)
            for n, why in sorted(self._layer_notes.items())
        ]
        return replace(result, warnings=(*result.warnings, *notices)) if notices else result

    def _say_unread(self, result: ExtractionResult) -> ExtractionResult:
        """Each page flagged unread says why; the statement goes on without it."""
        notices = [
            Notice("page_not_read", f"page {n} could not be read: {why}", n)
            for n, why in sorted(self._unread.items())
        ]
        if not notices:
            return result
        wanted = tuple(sorted(self._want_ocr.items()))
        return replace(result, warnings=(*result.warnings, *notices), ocr_pages=wanted)

    def _parse_all(
        self,
        found: Sequence[tuple[PageWords | None, str]],
        lines: Sequence[Sequence[Line]],
        ctx: DocContext,
    ) -> list[PageParse]:
        state = TableState()
        parses: list[PageParse] = []
        self._states = []
        for number, ((_, method), page_lines) in enumerate(zip(found, lines, strict=True), 1):
            self._states.append(replace(state))
            furniture = self._furniture[number - 1]
            body = [ln for i, ln in enumerate(page_lines) if i not in furniture]
            extra = [ln for i, ln in enumerate(page_lines) if i in furniture]
            parses.append(parse_page(number, body, state, ctx.reading, method, extra))
        _align_sides(parses)
        return parses

    def _retry(
        self,
        number: int,
        result: ExtractionResult,
        parses: list[PageParse],
        ctx: DocContext,
        flagged: set[int],
    ) -> tuple[ExtractionResult, list[PageParse]]:
        """Re-read one page with each fallback; the balance chain's confidence picks."""
        best, best_parses = result, parses
        for reader in self.fallbacks:
            page = reader.read(number)
            if page is None or not page.words:
                continue
            state = replace(self._states[number - 1])
            alt = parse_page(number, group_lines(page.words), state, ctx.reading, reader.method)
            trial_parses = [alt if p.number == number else p for p in best_parses]
            _align_sides(trial_parses)
            trial = self._assemble(trial_parses, ctx, flagged)
            if _better(trial, best, number):
                best, best_parses = trial, trial_parses
            if best.pages[number - 1].confidence >= self.threshold:
                break
        return best, best_parses


def _align_sides(parses: Sequence[PageParse]) -> None:
    titled = [layout for page in parses for layout in page.titled]
    for page in parses:
        align_guessed_sides(titled, page.guessed)


def _better(trial: ExtractionResult, best: ExtractionResult, number: int) -> bool:
    new, old = trial.pages[number - 1], best.pages[number - 1]
    return (new.confidence, new.rows) > (old.confidence, old.rows)


def _worth_rereading(page: PageParse, result: ExtractionResult) -> bool:
    """Another reading can only help a page that shows what it missed: lines that look like
    transactions but became none, rows it could not read, or rows the chain contradicts. A
    statement that does not add up as printed is no reason to read its clean pages again."""
    if page.suspects or any(r.kind is RowKind.INVALID for r in page.rows):
        return True
    return any(t.page == page.number and t.confidence <= CONTRADICTED for t in result.transactions)
