"""Cyrillic and Greek words that a Latin/Chinese recogniser gave back as Latin look-alikes,
restored from the extractor's own vocabulary.

The shipped PP-OCR recogniser has no Cyrillic letters and few Greek ones, so `Кредит` comes
back as `KpeAnT`, `Начално салдо` as `Ha4aHO canAo`, `ΠΙΣΤΩΣΗ` as `∏I∑TΩ∑H`: the figures
and dates are read, but the words that say a row's side or name its balance are not, and
the parser (which knows `кредит`) cannot tell. Each vocabulary word of those scripts is
given the shape a recogniser reads it as (`SHAPES`: к -> k, д -> a, и -> n, з -> 3, ...),
and so is each word read; a page whose words meet MIN_PAGE_WORDS such shapes is taken to
be in that script, and on it each word whose shape is a vocabulary word's (one letter off
for long words) is given that word. Only words the parser has vocabulary for come back:
names and descriptions stay as read, and a Latin page keeps its words.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache

from cypheredge.extractor.domain.header import classify
from cypheredge.extractor.domain.lineparse import MARKERS
from cypheredge.extractor.domain.metadata import RANGE_WORDS
from cypheredge.extractor.domain.normalise import CREDIT_WORDS
from cypheredge.extractor.domain.vocabulary import (
    AVAILABLE_PHRASES,
    BALANCE_WORDS,
    CARRY_PHRASES,
    CLOSING_PHRASES,
    CREDIT_SECTIONS,
    DEBIT_SECTIONS,
    HEADER_PHRASES,
    KEYWORD_ROLES,
    OPENING_PHRASES,
    SUMMARY_PHRASES,
    fold,
)
from cypheredge.extractor.domain.vocabulary_intl import LANGUAGES
from cypheredge.extractor.ocr.edges import cased, split
from cypheredge.extractor.ocr.engine import OcrWord

# What a recogniser without these scripts reads each letter as (lower case, after accents
# are stripped), and the Latin letters it confuses among themselves for them (`и` comes back
# as `u` or `n`, so both are `n`).
SHAPES = str.maketrans({
    "а": "a", "б": "6", "в": "b", "г": "r", "д": "a", "е": "e", "ё": "e", "ж": "x", "з": "3",
    "и": "n", "й": "n", "к": "k", "л": "n", "м": "m", "н": "h", "о": "o", "п": "n", "р": "p",
    "с": "c", "т": "t", "у": "y", "ф": "f", "х": "x", "ц": "n", "ч": "4", "ш": "w", "щ": "w",
    "ъ": "b", "ы": "b", "ь": "b", "э": "3", "ю": "o", "я": "a", "і": "i", "ї": "i", "є": "e",
    "ґ": "r", "қ": "k", "ұ": "y", "ү": "y", "ө": "o", "ң": "h", "ә": "e", "ғ": "f", "ј": "j",
    "α": "a", "β": "b", "γ": "r", "δ": "a", "ε": "e", "ζ": "z", "η": "h", "θ": "o", "ι": "i",
    "κ": "k", "λ": "a", "μ": "m", "ν": "n", "ξ": "e", "ο": "o", "π": "n", "ρ": "p", "σ": "e",
    "ς": "e", "τ": "t", "υ": "y", "φ": "f", "χ": "x", "ψ": "y", "ω": "w",
    "∏": "n", "∑": "e", "△": "a", "∆": "a", "u": "n", "0": "o", "|": "i", "l": "i",
})  # fmt: skip
OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
# Punctuation around a word (not `∏` or `∑`, which are letters read as symbols).
EDGE_MARKS = r"\s.,:;!?()\[\]\"'«»/-"
MIN_PAGE_WORDS = 3  # distinct vocabulary words of four letters or more seen on the page
FUZZY_FROM = 6  # shapes this long may be one letter off
CHANGED_FROM = 4  # and these one letter changed


def shape(text: str) -> str:
    """What `text` looks like to a recogniser that has only Latin letters."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.translate(SHAPES)


def restore(words: Sequence[OcrWord]) -> list[OcrWord]:
    """`words`, with the vocabulary words of another script that were read as Latin
    look-alikes given back, where the page shows it is in that script."""
    exact, fuzzy, changed = _index()
    found = [(word, _match(word.text, exact, fuzzy, changed)) for word in words]
    # The page's script shows in its vocabulary read as look-alikes, or read in the script
    # itself (this recogniser knows some Greek capitals: `Ημερομηνια` among `∏AHPΩMH`).
    evidence = {
        vocab for word, vocab in found
        if vocab is not None and len(vocab) >= 4 and not _latin(word.text)
    }  # fmt: skip
    evidence |= {w for w in (fold(word.text) for word in words) if w in _as_printed()}
    if len(evidence) < MIN_PAGE_WORDS:
        return list(words)
    return [word if vocab is None else _given(word, vocab) for word, vocab in found]


def _match(
    text: str, exact: dict[str, str], fuzzy: dict[str, set[str]], changed: dict[str, set[str]]
) -> str | None:
    core = split(text, EDGE_MARKS, EDGE_MARKS).core
    if not core or (OTHER_SCRIPT.search(core) and not _mixed(core)):
        return None  # read in its own script already
    key = shape(core)
    if key in exact:
        return exact[key]
    if len(key) == 2 and key[0] == key[1] and key[0] in exact and not core.isascii():
        # One glyph read as two of its shape (`n∏` for `Π`, a side letter).
        return exact[key[0]]
    if len(key) < CHANGED_FROM:
        return None
    if len(key) < FUZZY_FROM:
        # A short word only with one letter changed (`Aara` for `Дата`), never one more or
        # less: too many short words are a letter apart.
        near = {word for pattern in _wildcards(key) for word in changed.get(pattern, ())}
        return _one(near)
    # A letter dropped or added is a likelier misreading than one changed: nearest first.
    dropped_or_added = {exact[v] for v in _deletions(key) if v in exact}
    dropped_or_added |= {w for w in fuzzy.get(key, ()) if len(shape(w)) == len(key) + 1}
    if dropped_or_added:
        return _one(dropped_or_added)
    swapped = {vocab for variant in _deletions(key) for vocab in fuzzy.get(variant, ())}
    return _one(swapped)


def _one(near: set[str]) -> str | None:
    """The one word `near` holds; or, where it holds a language's spellings of one title
    (`дебит`, `дебет`), the first of them: the parser reads either the same."""
    if len(near) == 1:
        return next(iter(near))
    roles = {classify(word) for word in near}
    return min(near) if len(roles) == 1 and None not in roles else None


def _mixed(core: str) -> bool:
    """Greek letters among Latin ones (`ΓEΩPrIO∑`): a look-alike reading, not Greek text."""
    return any(c.isascii() and c.isalpha() for c in core)


def _latin(text: str) -> bool:
    """A word that is itself Latin vocabulary (`Credit`, `Saldo`): no evidence of a script."""
    return text.strip(".,:;()").lower() in _latin_words()


def _given(word: OcrWord, vocab: str) -> OcrWord:
    head, core, tail = split(word.text, EDGE_MARKS, EDGE_MARKS)
    return replace(word, text=f"{head}{cased(vocab, core)}{tail}")


def _deletions(key: str) -> Iterator[str]:
    return (key[:k] + key[k + 1 :] for k in range(len(key)))


def _wildcards(key: str) -> Iterator[str]:
    """`key` with each letter in turn unknown: shapes one letter changed share one."""
    return (f"{key[:k]}?{key[k + 1 :]}" for k in range(len(key)))


@cache
def _index() -> tuple[dict[str, str], dict[str, set[str]], dict[str, set[str]]]:
    """Shape -> vocabulary word, for every word of another script the parser knows; the
    shapes one letter shorter (`_deletions`), for the long words' near matches; and the
    short words' shapes with a letter unknown (`_wildcards`), for one changed. Built once,
    so a page's words are looked up, never compared with the vocabulary one by one."""
    exact: dict[str, str] = {}
    for word in _vocabulary():
        exact.setdefault(shape(word), word)
    fuzzy: dict[str, set[str]] = {}
    changed: dict[str, set[str]] = {}
    for key, word in exact.items():
        if len(key) >= FUZZY_FROM:
            for variant in itertools.chain((key,), _deletions(key)):
                fuzzy.setdefault(variant, set()).add(word)
        elif len(key) >= CHANGED_FROM:
            for pattern in _wildcards(key):
                changed.setdefault(pattern, set()).add(word)
    return exact, fuzzy, changed


def _vocabulary() -> Iterator[str]:
    for phrase in _phrases():
        for word in re.findall(r"\w+", phrase.lower()):
            if OTHER_SCRIPT.search(word) and not word.isdigit():
                yield word


def _phrases() -> Iterable[str]:
    yield from HEADER_PHRASES
    yield from KEYWORD_ROLES
    yield from MARKERS
    yield from RANGE_WORDS
    yield from BALANCE_WORDS
    yield from CREDIT_WORDS
    for phrases in (
        OPENING_PHRASES, CLOSING_PHRASES, AVAILABLE_PHRASES, CARRY_PHRASES, SUMMARY_PHRASES,
        CREDIT_SECTIONS, DEBIT_SECTIONS,
    ):  # fmt: skip
        yield from phrases
    for language in LANGUAGES.values():
        yield from language.cells
        yield from language.keywords
        yield from (*language.opening, *language.closing, *language.totals)


@cache
def _as_printed() -> frozenset[str]:
    """The vocabulary words of other scripts of four letters or more, folded."""
    return frozenset(p for p in map(fold, _vocabulary()) if len(p) >= 4)


@cache
def _latin_words() -> frozenset[str]:
    return frozenset(
        word
        for phrase in _phrases()
        for word in re.findall(r"\w+", phrase.lower())
        if word.isascii()
    )
