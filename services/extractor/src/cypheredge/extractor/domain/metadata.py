"""Statement facts printed outside the tables: period, balances, account numbers, currency."""

from __future__ import annotations

import calendar
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from cypheredge.extractor.domain.columns import GROUPS, Kind, kind_of, money_of
from cypheredge.extractor.domain.currency import CURRENCY_WORDS, ISO_CODES, SYMBOLS, dollar_country
from cypheredge.extractor.domain.dates import DateOrder, PartialDate, parse_date
from cypheredge.extractor.domain.lines import Line
from cypheredge.extractor.domain.months import MONTHS
from cypheredge.extractor.domain.vocabulary import (
    AVAILABLE_PHRASES,
    BALANCE_WORDS,
    CLOSING_PHRASES,
    OPENING_PHRASES,
    contains_phrase,
    fold,
)
from cypheredge.extractor.domain.words import Word

MAX_PERIOD_DAYS = 400
_ID_TOKEN = re.compile(r"^[0-9Xx*•#-]*\d[0-9Xx*•#-]*$|^[Xx*•#]{2,}[0-9Xx*•#-]*$")
_IBAN_TOKEN = re.compile(r"^[A-Z0-9*]{2,}$")
_PREFIXED = re.compile(r"^[A-Z]{1,2}\d{4,}$")  # `S7129`: a share or product letter before it
_COUNTRY_TOKEN = re.compile(r"^[A-Z]{2}[\dXx*•]{2,}$")  # `CH**`, `GB72`: an IBAN's first group
_KEY_CHARS = re.compile(r"[^\w/#]")
# OCR joins a short label to the number after it when the gap is narrow (`no.****3310`).
_GLUED_LABEL = re.compile(r"^(?:no|nr|num|number|#)[.:#]+(?=[0-9Xx*•])", re.IGNORECASE)
_SYMBOL_CHARS = re.compile(r"[^\d\s.,'()+\-]")
_DIGIT = re.compile(r"\d")
_ACCOUNT_KEYS = (
    ("account number", 3),
    ("account no", 3),
    ("acct no", 3),
    ("a/c no", 3),
    ("account #", 3),
    ("account ending", 3),
    ("account ending in", 3),
    ("a c no", 3),
    ("account", 2),
    ("acct", 2),
    ("card number", 2),
    ("card ending", 2),
    ("konto", 2),
    ("compte", 2),
    ("iban", 1),
)

_KEY_STARTS = frozenset(key.split()[0] for key, _ in _ACCOUNT_KEYS)


_LEADING_SIGNS = frozenset({"-", "−", "-$", "$-", "-£", "-€", "(", "($", "+"})
# Words between a period's two dates, in the languages statements are printed in (folded).
RANGE_WORDS = frozenset((
    "to", "-", "–", "—", "·", "through", "thru", "until", "till", "bis", "au", "al", "a", "from",
    "period", "statement", "von", "du", "od", "do", "van", "tot", "t/m", "tm", "dal", "desde",
    "hasta", "de", "ate", "fra", "til", "fran", "till", "tol", "ig", "s", "po", "с", "по", "tu",
    "den", "dari", "sampai", "hingga", "s/d", "sd", "periode", "periodo", "okres",
    "zeitraum", "kontoauszug", "от", "до", "за",
))  # fmt: skip


@lru_cache(maxsize=1 << 14)
def _cached_date(text: str, order: DateOrder) -> PartialDate | None:
    return parse_date(text, order)


_LEADING_LETTERS = re.compile(r"[^\W\d_]+")


def _may_start_date(text: str) -> bool:
    """A figure, or a month name, alone or with the day OCR glued to it (`January14,`)."""
    if text[:1].isdigit():
        return True
    letters = _LEADING_LETTERS.match(text.lower())
    return letters is not None and letters[0].removesuffix("s") in MONTHS


def full_dates(words: Sequence[Word], order: DateOrder) -> list[tuple[int, int, date]]:
    """(first word, word count, date) for each non-overlapping full date (with a year)."""
    out: list[tuple[int, int, date]] = []
    i = 0
    while i < len(words):
        if not _may_start_date(words[i].text):
            i += 1
            continue
        for n in (4, 3, 2, 1):
            window = words[i : i + n]
            if any(_range_word(w.text) for w in window):
                continue  # `1 - April 30`: a date never spans the range between two
            text = " ".join(w.text for w in window)
            found = _cached_date(text, order) if any(c.isdigit() for c in text) else None
            if found is not None and found.year is not None:
                out.append((i, n, date(found.year, found.month, found.day)))
                i += n
                break
        else:
            i += 1
    return out


def find_period(lines: Iterable[Line], order: DateOrder) -> tuple[date, date] | None:
    """The first line naming two dates up to ~13 months apart: the statement period. The
    first may leave its year to the second (`1 February to 1 March, 2019`)."""
    for line in lines:
        if sum(1 for w in line.words if any(c.isdigit() for c in w.text)) < 2:
            continue
        ranges = [k for k, w in enumerate(line.words) if _range_word(w.text)]
        if not ranges:
            continue
        found = full_dates(line.words, order)
        for dates in _readings(line.words, order, found):
            for (_, _, a), (i, _, b) in itertools.pairwise(dates):
                # The range word comes before the second date (`du 01.05 au 31.05`, `Period:
                # 1 - 31 May`); a row's two dates with `по` in its details after them are none.
                if a < b and (b - a).days <= MAX_PERIOD_DAYS and ranges[0] < i:
                    return a, b
        if found:
            opened = _yearless_start(line.words[: found[0][0]], found[0][2], order)
            if opened is not None:
                return opened, found[0][2]
    return None


def _readings(
    words: Sequence[Word], order: DateOrder, found: list[tuple[int, int, date]]
) -> Iterator[list[tuple[int, int, date]]]:
    """The line's dates in the document's order (`found`), then in the other one, read only
    if asked: a period runs forward, and where it does not in the order the document's other
    cues suggest (`10/05/2025 al 09/06/2025` beside dollar amounts), it does in the other."""
    yield found
    yield full_dates(words, DateOrder.MDY if order is DateOrder.DMY else DateOrder.DMY)


_PERIOD_KEYS = frozenset(("periode", "period", "periodo", "okres", "zeitraum", "bulan", "month"))


def month_period(lines: Iterable[Line]) -> tuple[date, date] | None:
    """A period printed as a month (`PERIODE DESEMBER 2025`, `Statement period: March 2024`):
    its first and last day."""
    for line in lines:
        words = [fold(w.text) for w in line.words]
        if _PERIOD_KEYS.isdisjoint(words) or len(words) > 12:
            continue
        for name, year in itertools.pairwise(words):
            if name in MONTHS and year.isdigit() and len(year) == 4:
                first = date(int(year), MONTHS[name], 1)
                last = calendar.monthrange(first.year, first.month)[1]
                return first, first.replace(day=last)
    return None


@lru_cache(maxsize=1 << 12)
def _range_word(text: str) -> bool:
    lower = text.lower().rstrip(":")  # `от: 01.06.2024 ДО: 30.06.2024`
    return lower in RANGE_WORDS or fold(lower) in RANGE_WORDS


def _yearless_start(words: Sequence[Word], end: date, order: DateOrder) -> date | None:
    """A date without its year before the period's end (`February 1 -`, `1 February to`)."""
    for i in range(len(words)):
        for n in (3, 2):
            window = words[i : i + n]
            if any(_range_word(w.text) for w in window):
                continue
            text = " ".join(w.text for w in window).strip(",")
            found = _cached_date(text, order) if any(c.isdigit() for c in text) else None
            if found is None or found.year is not None:
                continue
            year = end.year if (found.month, found.day) <= (end.month, end.day) else end.year - 1
            try:
                start = date(year, found.month, found.day)
            except ValueError:
                return None
            return start if (end - start).days <= MAX_PERIOD_DAYS else None
    return None


_DATE_KEYS = ("statement", "closing", "date", "as of", "as at", "ending", "issued", "datum")


def statement_date(lines: Iterable[Line], order: DateOrder) -> date | None:
    """The latest full date on a line that names a statement or closing date."""
    found: list[date] = []
    for line in lines:
        text = line.text.lower()
        if any(key in text for key in _DATE_KEYS):
            found += [d for _, _, d in full_dates(line.words, order)]
    return max(found) if found else None


@dataclass(frozen=True, slots=True)
class BalanceFact:
    """An opening (+1) or closing (-1) balance printed outside the transaction rows."""

    page: int
    y: float
    side: int
    amount: Decimal
    # `Available Balance: 685.760 JOD` over an app's list: the balance now, which is the
    # closing one only where nothing else says what the statement closed on (holds differ).
    available: bool = False


def balance_fact(
    line: Line,
    page: int,
    mark: str,
    order: DateOrder,
    period: tuple[date, date] | None,
    card: bool = False,
) -> BalanceFact | None:
    """`Opening balance $1,250.00`, `Balance on 01 Feb 2025 £12.00` (on the period's ends).

    The amount is as printed, with its sign and marker: `-$ 54,740.58` is negative, `11,245.35
    Dr` overdrawn; on a card, whose balance is what is owed, `$47.24 CR` is in credit."""
    words = line.words
    found = [i for i, w in enumerate(words) if _figure(words, i, mark)] or _named_whole(words)
    if not found:
        return None
    # The figure that follows the label: a line may run on into a side column of prose with
    # figures of its own (`Your balance at close ... £4,651.15   ... balances up to £20,000`).
    label = fold(" ".join(w.text for w in words[: found[0]]))
    named = any(
        contains_phrase(label, phrases)
        for phrases in (OPENING_PHRASES, CLOSING_PHRASES, AVAILABLE_PHRASES)
    )
    last = found[0] if named or not BALANCE_WORDS.isdisjoint(label.split()) else found[-1]
    first = _grouped_start(words, last)
    text = " ".join(w.text for w in words[first : last + 1])  # `2 099,48`: grouped by spaces
    if last + 1 < len(words) and kind_of(words[last + 1].text, mark) is Kind.AUX:
        text = f"{text} {words[last + 1].text}"  # `11,245.35 Dr`: the marker is its own word
    if first > 0 and words[first - 1].text in _LEADING_SIGNS:
        text = f"{words[first - 1].text}{text}"  # `-$ 54,740.58`: the sign printed apart
    money = money_of(text, mark) or money_of(words[last].text, mark)
    if money is None:
        return None
    negative = money.sign < 0 or money.marker == ("CR" if card else "DR")
    value = -money.magnitude if negative else money.magnitude
    text = fold(line.text)
    side = 0  # +1 opening, -1 closing
    if contains_phrase(text, OPENING_PHRASES):
        side = 1
    elif contains_phrase(text, CLOSING_PHRASES):
        side = -1
    elif contains_phrase(text, AVAILABLE_PHRASES):
        return BalanceFact(page, line.y0, -1, value, available=True)
    elif not BALANCE_WORDS.isdisjoint(text.split()) and period is not None:
        dates = [d for _, _, d in full_dates(line.words, order)]
        side = 1 if period[0] in dates else (-1 if period[1] in dates else 0)
    return BalanceFact(page, line.y0, side, value) if side else None


_DIGIT_GROUP = re.compile(r"^[-+−]?\d{1,3}$")


def _grouped_start(words: Sequence[Word], last: int) -> int:
    """Where a figure grouped with spaces begins: the digit groups a word space before it."""
    first = last
    while first > 0:
        prev, word = words[first - 1], words[first]
        if not _DIGIT_GROUP.match(prev.text) or word.x0 - prev.x1 > 0.6 * word.height:
            break
        first -= 1
    return first


def _figure(words: Sequence[Word], i: int, mark: str) -> bool:
    """Money on its own, or a whole number after its currency printed apart (`$ 1.719.141`:
    pesos, yen and won have no decimals to show they are money)."""
    kind = kind_of(words[i].text, mark)
    if kind is Kind.STRONG:
        return True
    if _spaced_end(words, i):
        return True  # `690 698`: forints grouped by spaces, without decimals
    return kind is Kind.WEAK and i > 0 and words[i - 1].text.strip("()") in SYMBOLS


_THREE = re.compile(r"^\d{3}$")


def _named_whole(words: Sequence[Word]) -> list[int]:
    """A grouped whole number right after an opening or closing label (`Upphafsstaða
    571.761`: krónur print no decimals, and no symbol shows that the figure is money)."""
    for i in range(1, len(words)):
        if GROUPS.match(words[i].text):
            label = fold(" ".join(w.text for w in words[:i]))
            ends = (OPENING_PHRASES, CLOSING_PHRASES)
            return [i] if any(contains_phrase(label, phrases) for phrases in ends) else []
    return []


def _spaced_end(words: Sequence[Word], i: int) -> bool:
    """The last group of a whole number grouped by spaces (`1 669 948`)."""
    if i == 0 or not _THREE.match(words[i].text) or not _DIGIT_GROUP.match(words[i - 1].text):
        return False
    if words[i].x0 - words[i - 1].x1 > 0.6 * words[i].height:
        return False
    following = words[i + 1] if i + 1 < len(words) else None
    # `1 295 683,50`: a group or the decimals follow, so the figure ends further on
    return following is None or not (
        following.text[:1].isdigit() and following.x0 - words[i].x1 <= 0.6 * words[i].height
    )


def account_id(line: Line) -> tuple[str, int] | None:
    """(identifier as printed, strength) after an account keyword: `Account no. ****1234`."""
    words = line.words
    folded = [_key_word(w.text) for w in words]
    if _KEY_STARTS.isdisjoint(folded):
        return None
    for key, strength in _ACCOUNT_KEYS:
        parts = key.split()
        for i in range(len(words) - len(parts) + 1):
            if folded[i : i + len(parts)] != parts:
                continue
            ident = _identifier(words[i + len(parts) :], iban=key == "iban")
            if ident:
                return ident, strength
    return None


@lru_cache(maxsize=1 << 14)
def _key_word(text: str) -> str:
    return _KEY_CHARS.sub("", text.lower())


def _identifier(words: Sequence[Word], iban: bool) -> str | None:
    taken: list[str] = []
    for k, word in enumerate(words):
        text = word.text.strip(":.,()")
        if not taken:
            text = _GLUED_LABEL.sub("", text)
        if not taken and text.lower() in {"", "no", "number", "nr", "num", "#", ":"}:
            continue
        if taken and _starts_date(text, words[k + 1 : k + 2]):
            break  # `****3322 1 December 2023 to ...`: the period follows the number
        country = not taken and (_COUNTRY_TOKEN.match(text) or _PREFIXED.match(text))
        if _ID_TOKEN.match(text) or country or (iban and _IBAN_TOKEN.match(text)):
            taken.append(text)
        else:
            break
    if not taken or not any(c.isdigit() for c in "".join(taken)):
        return None
    return " ".join(taken)


def _starts_date(text: str, following: Sequence[Word]) -> bool:
    if not (text.isdigit() and len(text) <= 2) or not following:
        return False
    return following[0].text.lower().strip(".,").removesuffix("s") in MONTHS


# `Currency: CZK` in the account box outweighs the foreign amounts card rows mention
# (`EUR 158.77 kurz EUR 24.162`), however many there are.
CURRENCY_LABELS = frozenset(fold(label) for label in (
    "currency", "měna", "währung", "moneda", "divisa", "devise", "valuta", "waluta", "moeda",
    "pénznem", "deviza", "valyuta", "валюта", "νόμισμα", "para birimi", "mata uang", "tiền tệ",
    "loại tiền", "devizanem", "account currency", "валюта счета", "валюта рахунку",
))  # fmt: skip
_FOREIGN = frozenset(("original", "foreign", "transaction", "fx", "billing"))
_LABEL_ENDS = frozenset(label.split()[-1] for label in CURRENCY_LABELS if " " in label)


def document_currency(words: Iterable[Word], mark: str) -> str | None:
    """The currency most often printed: ISO codes and amounts' symbols vote, a code printed
    after a `Currency` label most."""
    votes: Counter[str] = Counter()
    listed = list(words)  # walked twice: for the texts, then for a code's neighbours
    texts = [word.text for word in listed]
    labelled = _labelled_codes(texts)
    if labelled:
        return labelled.most_common(1)[0][0]
    for k, text in enumerate(texts):
        if text.isalnum() and not text.isupper():
            continue  # ordinary words and plain numbers name no currency
        bare = text.strip("():.,")
        if bare in ISO_CODES:
            if not _in_name(listed, k):
                votes[bare] += 2
        elif bare in SYMBOLS and (not bare.isalpha() or len(bare) > 1):
            votes[SYMBOLS[bare] or "$"] += 1  # `TL`, `zł` printed apart vote; a lone `R` not
        elif _DIGIT.search(text) and _SYMBOL_CHARS.search(text):
            money = money_of(text, mark)
            # With its decimals: `R002643` is a reference, not 2,643 rand.
            if money is not None and money.currency and money.decimals:
                votes[money.currency] += 1
    if not votes:
        return None
    best = votes.most_common(1)[0][0]
    return dollar_country(" ".join(texts)) if best == "$" else best


def _in_name(words: Sequence[Word], k: int) -> bool:
    """Whether the code `words[k]` stands between two words of its line (`DIRECT DEBIT CLP
    POWER`, a company's name), where no currency is printed."""
    if words[k].text != words[k].text.strip("()[]"):
        return False  # `(HKD)`: a column's currency
    beside = [words[j] for j in (k - 1, k + 1) if 0 <= j < len(words)]
    same_line = [w for w in beside if w.page == words[k].page and abs(w.y0 - words[k].y0) < 2]
    return len(same_line) == 2 and all(w.text.isalpha() for w in same_line)


def _labelled_codes(texts: Sequence[str]) -> Counter[str]:
    """ISO codes printed right after a currency label (`Měna: CZK`, `Account currency EUR`)."""
    found: Counter[str] = Counter()
    for k, text in enumerate(texts):
        folded = fold(text)
        if folded not in CURRENCY_LABELS and not (
            k and folded in _LABEL_ENDS and f"{fold(texts[k - 1])} {folded}" in CURRENCY_LABELS
        ):
            continue
        if k and fold(texts[k - 1]) in _FOREIGN:
            continue
        code = next((t.strip("():.,") for t in texts[k + 1 : k + 3] if t != ":"), "")
        code = code if code in ISO_CODES else CURRENCY_WORDS.get(fold(code), "")
        if code:
            found[code] += 1
    return found


def usual_year(words: Iterable[Word], order: DateOrder) -> int | None:
    years: Counter[int] = Counter()
    for word in words:
        if any(c.isdigit() for c in word.text) and len(word.text) >= 6:
            found = _cached_date(word.text, order)
            if found is not None and found.year is not None:
                years[found.year] += 1
    return years.most_common(1)[0][0] if years else None
