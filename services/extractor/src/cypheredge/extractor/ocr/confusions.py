"""Character confusions of OCR that matter for money and dates, corrected on a page's words
before the parser sees them, by what the same page prints correctly elsewhere.

A recogniser reads a comma as a dot or a colon, an O for a zero, a v as a y: "3.887.15" for
3,887.15, "1.804:08", "O1 Nov", "19Noy2023". A text layer never does, so this runs on OCR
words only. Each correction follows the page's own evidence: amounts take the decimal mark
and grouping that most amounts on the page show, a month name is mended only into a month
the page spells right at least MIN_ATTESTED times, and an S before a figure is a dollar sign
where MIN_ATTESTED amounts on the page are printed with one. What is still wrong after this
is left to the balance chain, which flags the row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from cypheredge.extractor.domain.months import MONTHS
from cypheredge.extractor.ocr.engine import OcrWord
from cypheredge.extractor.ocr.glued import mend_short_dates, split_day_month, split_glued

MIN_ATTESTED = 3

# A currency's sign or code printed on a figure (`£`, `PKR`).
CURRENCY = r"(?:[£$€¥₹]|[A-Z]{3})?"


# An amount with two decimals (its currency's sign or code before it: `PKR293,330.80`), its
# separators as OCR may give them: groups of three digits
# (after pairs, where thousands are grouped in lakhs: `3,86,277.22`) and a decimal part,
# each after a dot, comma, colon or semicolon (a Swiss apostrophe read as a degree sign or
# a quote: `5°816.68`), and a stray mark before or after it. A stray mark
# before it may be a sign misread (`:237,42`, `±245,17`): it is dropped and the balance
# chain, which settles a row of unknown direction, tells the sign. A side printed after it
# may be glued on (`8,816:35.Cr`); it is kept as read, for the amount parser to take.
def _amount_pattern(places: int) -> re.Pattern[str]:
    return re.compile(
        r"^(?P<stray>[.,:;'`±~]?)(?P<sign>[(\-+]?"
        + CURRENCY
        + r")(?P<head>\d{1,3}"
        + (r"|\d{4,}" if places == 3 else "")
        + r")(?P<groups>(?:[.,:;'’‘´\"°]\d{2})*(?:[.,:;'’‘´\"°]\d{3})*)(?P<mark>[.,:;])"
        + f"(?P<cents>\\d{{{places}}})"
        + r"(?P<tail>[)\-+]?)(?:[.,:;'`]?$|(?P<side>[.,]?(?:Cr|Dr|CR|DR))[.,]?$)"
    )


AMOUNT = _amount_pattern(2)
# Where the page's currency has three decimals (a dinar, a rial): `94.229` for 94,229.
AMOUNT3 = _amount_pattern(3)
# What tells a page's decimal places: an amount whose mark can be no grouping (a group of
# another kind before it, or four digits or more).
PLACES = re.compile(
    r"^[(\-+]?"
    + CURRENCY
    + r"(?:\d{1,3}(?P<group>[.,'’ ])\d{3}(?:(?P=group)\d{3})*(?!(?P=group))|\d{4,})"
    r"(?P<mark>[.,])(?P<tail>\d{2,3})[)\-+]?$"
)


# A clean amount: the page's vote on its decimal mark and grouping comes from these.
def _clean_pattern(places: int) -> re.Pattern[str]:
    return re.compile(
        r"^[(\-+]?"
        + CURRENCY
        + r"\d{1,3}(?P<group>[.,'’ ])\d{3}(?:(?P=group)\d{3})*(?P<mark>[.,])"
        + f"\\d{{{places}}}(?!\\d)"
    )  # so many decimals and no more: `1.177,162` (yen with a mark misread) casts no vote


CLEAN = _clean_pattern(2)
CLEAN3 = _clean_pattern(3)
# Whole amounts grouped in thousands with both marks (`1.177,162` for ¥1,177,162): on a page
# of whole amounts one of the marks was misread.
MIXED_GROUPS = re.compile(r"^(?P<sign>[(\-+]?" + CURRENCY + r")\d{1,3}(?:[.,]\d{3}){2,}[)\-+]?$")
# An amount ending in a group of three digits after a single kind of mark (`386,199`).
TAIL_GROUP = re.compile(
    r"^[(\-+]?" + CURRENCY + r"\d{1,3}(?P<mark>[.,])\d{3}(?:(?P=mark)\d{3})*[)\-+]?$"
)
# A whole amount grouped in thousands as OCR may give it, its marks mixed (`27.800` beside
# `32,891`, `164:043`) and a stray mark before it (`.59,928`): on a page of whole amounts
# with mixed marks, each is given commas, which no currency without decimals reads otherwise.
SLOPPY_WHOLE = re.compile(
    r"^[.,:;'`]?(?P<sign>[(\-+]?" + CURRENCY + r")(?P<head>\d{1,3})(?P<groups>(?:[.,:;]\d{3})+)"
    r"(?P<tail>[)\-+]?)[.,]?$"
)
# A figure with two decimals (not a day and month, `12.07`): the page is not of whole amounts.
TWO_DECIMALS = re.compile(
    r"^[(\-+]?" + CURRENCY + r"(?:\d{1,3}(?:[.,]\d{3})+|\d{3,}|[4-9]\d)[.,]\d{2}(?!\d)"
)
# A numeric date as printed (`12.09.2023`, `09/12/23`, Croatian and Hungarian `01.03.2023.`
# with the year's ordinal dot): the page's vote on its separator.
DATE = re.compile(
    r"^(?:\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{2,4}(?:(?<=\.\d\d\d\d)\.)?"
    r"|\d{4}(?P<ysep>[./-])\d{1,2}(?P=ysep)\d{1,2})$"
)  # the second: year first (`2024-09-18`, `2024.09.18`)
# The same with separators OCR may confuse and a stray mark before or after it.
LOOSE_DATE = re.compile(
    r"^[.,:;'`]{0,2}(?:(\d{1,2})[.,:;=/-](\d{1,2})[.,:;=/-](\d{2,4})"
    r"|(\d{1,2})[.,:;=/-](\d{2})(\d{4})|(\d{2})(\d{2})[.,:;=/-](\d{4})"
    r"|(\d{4})[.,:;=/-](\d{1,2})[.,:;=/-](\d{1,2})"
    r"|(\d{4})(\d{2})[.,:;=/-](\d{2})|(\d{4})[.,:;=/-](\d{2})(\d{2}))[.,:;'`]?$"
)  # `=` for a dash (`09=08-2023`); one separator lost (`21.092023`, `202409-17`); year first
SEVEN_FOR_SLASH = re.compile(r"^(\d{2})7(\d{2})/(\d{2}|\d{4})$|^(\d{2})/(\d{2})7(\d{2}|\d{4})$")
MIXED_MARKS = re.compile(r"[.,:;=/-]")
YEAR = re.compile(r"\d{4}")
# A time with its colons read as slashes or dots (`11/43/08`): see `_time`.
SLASHED_TIME = re.compile(r"^(\d{2})[/.](\d{2})[/.](\d{2})$")
# A dollar sign read as a letter (`S43.40`, `§20.00`) before a figure with cents, and a
# cleanly read one: the page's vote that its amounts are printed with `$`.
AS_DOLLAR = re.compile(
    r"^(?P<sign>[(\-+]?)[Ss§](?P<figure>(?:\d{1,3}|[oO])(?:[.,]\d{3})*[.,]\d{2}\)?)[.,]?$"
)  # `so.00` for $0.00, a stray dot after it (`s97.75.`)
DOLLAR = re.compile(r"^[(\-+]?\$\d")
# A dollar sign read as a 5 (`-5500.00` for -$500.00) on a page that prints dollars: taken
# for one only where what follows is a figure the page's grouping allows and the 5 is not
# (`5500.00` where thousands are grouped). A bare `579.90` may be `$579.90` with its sign
# dropped, as copiers do, so a figure that reads either way is left as read.
AS_FIVE = re.compile(r"^(?P<sign>[(\-+]?)5(?P<figure>(?:\d{1,3}(?:,\d{3})*)\.\d{2}\)?)$")
UNGROUPED = re.compile(r"^[(\-+]?\d{4,}\.\d{2}\)?$")
# A currency sign printed after the amounts and read as the letter it resembles (`704,50T`
# for 704,50 ₸, `12,00P` for ₽, `9,99E` for €): dropped where MIN_ATTESTED amounts on the page
# end in the same letter. Not C or D, which banks print after a figure as its side.
SIGN_LETTERS = frozenset("TPERZLNYWF")
SUFFIXED = re.compile(r"^(?P<figure>[(\-+]?\d[\d.,']*(?P<mark>[.,])\d{2}\)?)(?P<letter>[A-Za-z])$")
# The same sign read as a digit (`417,507`): a third decimal where the page prints two.
SIGN_AS_DIGIT = re.compile(r"^(?P<figure>[(\-+]?\d[\d.,']*?(?P<mark>[.,])\d{2})\d$")
# A day, a month name and a year, with separators OCR may confuse (`17:Jan-2024`).
NAMED_DATE = re.compile(
    r"^(?P<day>\d{1,2})(?P<a>[.,:;=/ -])(?P<month>[^\W\d_]{3,9})(?P<b>[.,:;=/ -])(?P<year>\d{2,4})$"
)
# Letters a recogniser gives for digits inside a number.
# A Q read for a zero inside a figure or a date (`2Q24`, `08-Q6-2025`): only between digits
# or a digit and its separator, so that words (`Q1 fees`, `QR`) keep their Q.
INNER_Q = re.compile(
    r"(?<=\d)Q(?=\d)|(?<=\d[-./])Q(?=\d)|(?<=\d)Q(?=[-./]\d)|(?<=[.,]\d)Q(?=(?:Cr|Dr|CR|DR)?$)"
)  # the last: a figure's last cent before its side (`2,70,223.1QCr`)
AS_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "I": "1", "i": "1", "l": "1", "|": "1"})
AS_LETTER = str.maketrans({"|": "l", "1": "l", "0": "o"})
# A run of letters with a bar, a one or a zero among them (`Ju1`, `0ct`, `N0v`).
LETTERED = re.compile(r"[|10]*[^\W\d_]+(?:[|10]+[^\W\d_]+)*[|10]*|\|+")
# An ordinal day with a letter read for one of its digits (`1Ith`, `2lst`), a month after it.
ORDINAL = re.compile(r"^(?P<day>\d[Il|]|[Il|]\d)(?:st|nd|rd|th)(?![a-z])")
LETTERED_DAY = re.compile(r"^[OoDIil|0-3][OoDIil|0-9]$")
PARTS = re.compile(r"\d+|[^\W\d_]+|[^\w]+|_")


def correct(words: Sequence[OcrWord]) -> list[OcrWord]:
    """`words` with each confusion the page's evidence settles corrected."""
    words = mend_short_dates(split_day_month(split_glued(words)))
    places = _places(words)
    mark, group = _convention(words, CLEAN3 if places == 3 else CLEAN)
    mixed_whole = mark is None and places != 3 and _mixed_whole(words)
    grouping = _whole_grouping(words) if mark is None and places != 3 else None
    months = _attested_months(words)
    sep = _date_separator(words)
    dollars = sum(bool(DOLLAR.match(w.text)) for w in words) >= MIN_ATTESTED
    suffix = _sign_letter(words)
    out = []
    for i, word in enumerate(words):
        text = _digits(word.text)
        if i + 1 < len(words):
            text = _lettered_day(text, word, words[i + 1])
        if suffix is not None:
            text = _unsuffixed(text, *suffix)
        if dollars:
            text = _dollar(text)
            text = _five(text, group == ",")
        if mixed_whole and (whole := SLOPPY_WHOLE.match(text)):
            text = _comma_grouped(whole)
        elif grouping is not None and MIXED_GROUPS.match(text):
            text = re.sub(r"(?<=\d)[.,](?=\d{3})", grouping, text)
        if mark is not None and group is not None:
            after = words[i + 1] if i + 1 < len(words) else None
            text = _amount(text, mark, group, _amount_beside(word, after, places), places)
        text = _date(_slash_as_seven(text, sep), sep)
        text = _time(text)
        text = _month(text, months, [*words[max(i - 1, 0) : i], *words[i + 1 : i + 2]], word)
        out.append(word if text == word.text else replace(word, text=text))
    return out


def _sign_letter(words: Sequence[OcrWord]) -> tuple[str, str] | None:
    """The letter MIN_ATTESTED of the page's amounts end in, where it stands for a sign, and
    the decimal mark those amounts show."""
    votes = Counter(
        (found["letter"], found["mark"])
        for w in words
        if (found := SUFFIXED.match(w.text)) and found["letter"].upper() in SIGN_LETTERS
    )
    if not votes:
        return None
    habit, count = votes.most_common(1)[0]
    return habit if count >= MIN_ATTESTED else None


def _unsuffixed(text: str, letter: str, mark: str) -> str:
    """An amount without the sign printed after it (see SIGN_LETTERS, SIGN_AS_DIGIT)."""
    found = SUFFIXED.match(text)
    if found is not None and found["letter"] == letter:
        return found["figure"]
    found = SIGN_AS_DIGIT.match(text)
    if found is not None and found["mark"] == mark:
        return found["figure"]
    return text


def _dollar(text: str) -> str:
    """An amount whose dollar sign was read as a letter (see AS_DOLLAR)."""
    found = AS_DOLLAR.match(text)
    if found is None:
        return text
    figure = found["figure"]
    return f"{found['sign']}${'0' + figure[1:] if figure[0] in 'oO' else figure}"


def _five(text: str, grouped: bool) -> str:
    """An amount whose leading 5 is its dollar sign misread (see AS_FIVE)."""
    found = AS_FIVE.match(text)
    if found is not None and grouped and UNGROUPED.match(text):
        return f"{found['sign']}${found['figure']}"
    return text


def _convention(
    words: Sequence[OcrWord], clean: re.Pattern[str] = CLEAN
) -> tuple[str | None, str | None]:
    """The decimal mark and grouping most of the page's cleanly read amounts use."""
    votes = Counter(
        (m["mark"], m["group"])
        for w in words
        if (m := clean.match(w.text)) and m["mark"] != m["group"]
    )
    if not votes:
        return None, None
    (mark, group), _ = votes.most_common(1)[0]
    return mark, group


def _date_separator(words: Sequence[OcrWord]) -> str | None:
    """The separator of the page's cleanly read numeric dates, when MIN_ATTESTED show it."""
    votes = Counter(m["sep"] or m["ysep"] for w in words if (m := DATE.match(w.text)))
    if not votes:
        return None
    sep, count = votes.most_common(1)[0]
    return sep if count >= MIN_ATTESTED else None


def _slash_as_seven(text: str, sep: str | None) -> str:
    """A date's slash read as a 7 (`20710/24`, `22/10724`) on a page that prints its dates
    with slashes, where only that reading is a day and a month."""
    if sep != "/" or (found := SEVEN_FOR_SLASH.match(text)) is None:
        return text
    day, month, year = (g for g in found.groups() if g is not None)
    if _is_day(day) and 1 <= int(month) <= 12:
        return f"{day}/{month}/{year}"
    return text


def _date(text: str, sep: str | None) -> str:
    """A numeric date written with the page's separator where OCR confused one or added a
    stray mark (`29,09.2023`, `.12.09.2023`, `08.10:2023`). Without the page's vote, a date
    whose two separators differ takes the one that is a date's (`01,08.2024`), where it
    has its year in full."""
    if DATE.match(text):
        return text
    found = LOOSE_DATE.match(text)
    if found is None:
        return text
    if sep is None and DATE.match(bare := text.strip(".,:;'`")):
        return bare  # a clean date with a speck beside it (`29/05/2023:`)
    if sep is None:
        marks = set(MIXED_MARKS.findall(text.strip(".,:;'`")))
        sep = next(iter(marks & set("./-")), None) if len(marks) == 2 else None
        if sep is None or not marks & set(",:;") or not YEAR.search(text):
            return text
    return sep.join(g for g in found.groups() if g is not None)


def _time(text: str) -> str:
    """A time whose colons were read as slashes or dots (`11/43/08`), where it can be no date
    in any order: a row's time taken for its date would give the row a date it never had."""
    found = SLASHED_TIME.match(text)
    if found is None:
        return text
    a, b, c = (int(g) for g in found.groups())
    could_be_date = (b <= 12 and 1 <= a <= 31) or (a <= 12 and 1 <= b <= 31) or b <= 12
    if could_be_date or a > 23 or b > 59 or c > 59:
        return text
    return ":".join(found.groups())


def _digits(text: str) -> str:
    """A number with a letter in it read as a digit: "O1" -> "01", "20450847I" ->
    "204508471", an ordinal day "1Ith" -> "11th". Only tokens of digits and such letters,
    with no more letters than digits."""
    if not any(c.isdigit() for c in text):
        return text
    if (ordinal := ORDINAL.match(text)) is not None:
        day = ordinal["day"].translate(AS_DIGIT)
        return day + text[len(ordinal["day"]) :] if _is_day(day) else text
    text = INNER_Q.sub("0", text)
    core = text.strip("().,:;-+")
    letters = sum(c in "OoDIil|" for c in core)
    if (
        not letters
        or letters * 2 > len(core)
        or any(c.isalpha() and c not in "OoDIil" for c in core)
    ):
        return text
    return text.translate(AS_DIGIT)


def _lettered_day(text: str, word: OcrWord, after: OcrWord) -> str:
    """A day read as letters before its month (`oi JUL` for 01 JUL): two glyphs that are
    each a digit's look-alike, a month name after them on the same line."""
    if not LETTERED_DAY.match(text) or not (after.y0 < word.y1 and word.y0 < after.y1):
        return text
    if after.text.strip(".,").lower() not in MONTHS:
        return text
    day = text.translate(AS_DIGIT)
    return day if _is_day(day) else text


def _is_day(digits: str) -> bool:
    return 1 <= int(digits) <= 31


def _whole_grouping(words: Sequence[OcrWord]) -> str | None:
    """On a page of whole amounts (no decimals to vote with), the mark MIN_ATTESTED of its
    amounts group their thousands with, where more than twice as many do as the other."""
    votes = Counter(m["mark"] for w in words if (m := TAIL_GROUP.match(w.text)))
    (found, count), *rest = votes.most_common() or [("", 0)]
    other = rest[0][1] if rest else 0
    return found if count >= MIN_ATTESTED and count > 2 * other else None


def _mixed_whole(words: Sequence[OcrWord]) -> bool:
    """Whether the page's amounts are whole (no figure shows two decimals) and grouped in
    thousands with marks OCR mixed: MIN_ATTESTED with a comma and as many with another mark
    (`27.800`, `43:200` beside `32,891`). A copier's faint commas come back as dots on half
    a page, and the parser, which reads `27.800` dollars as 27.8, cannot tell."""
    if any(TWO_DECIMALS.match(w.text) for w in words):
        return False
    marks = Counter(
        "," if set(found["groups"][::4]) == {","} else "other"
        for w in words
        if (found := SLOPPY_WHOLE.match(w.text))
    )
    return marks[","] >= MIN_ATTESTED and marks["other"] >= MIN_ATTESTED


def _comma_grouped(found: re.Match[str]) -> str:
    groups = "".join("," + digits for digits in re.findall(r"\d{3}", found["groups"]))
    return f"{found['sign']}{found['head']}{groups}{found['tail']}"


def _places(words: Sequence[OcrWord]) -> int:
    """The page's decimal places: 3 where MIN_ATTESTED of its amounts show three, more show
    three than two (see PLACES), and they are not a few among whole amounts; else 2."""
    votes = Counter(len(m["tail"]) for w in words if (m := PLACES.match(w.text)))
    # On a page of whole amounts grouped in thousands (yen, won) a few misread ones look
    # like three decimals (`1.312,996`): they are three decimals only among as many others.
    whole = sum(1 for w in words if TAIL_GROUP.match(w.text))
    plenty = votes[3] >= MIN_ATTESTED and votes[3] > votes[2] and 4 * votes[3] >= whole
    return 3 if plenty else 2


def _amount_beside(word: OcrWord, after: OcrWord | None, places: int = 2) -> bool:
    """Whether the next word on the same line is surely an amount (a row's balance)."""
    if after is None or not (after.y0 < word.y1 and word.y0 < after.y1):
        return False
    found = (AMOUNT3 if places == 3 else AMOUNT).match(after.text)
    # Grouped, or three digits before the mark: not a day and month (`01.11`).
    return found is not None and (_grouped(found) or len(found["head"]) == 3)


def _grouped(found: re.Match[str]) -> bool:
    """Whether the amount has groups of thousands: pairs only before a group of three
    (`4,48,374.92`), never alone (`01.11.23` is a date)."""
    pieces = re.findall(r"\d+", found["groups"])
    return bool(pieces) and len(pieces[-1]) == 3


def _amount(text: str, mark: str, group: str, beside: bool = False, places: int = 2) -> str:
    """An amount written with the page's decimal mark and grouping where OCR confused them.
    Without groups of thousands only a semicolon, any mark after a sign, a colon right
    before another amount, or a colon after more hours than a day has is taken for a misread
    mark: "12:30" (a time) or "01.11" (a date) may be what is printed."""
    found = (AMOUNT3 if places == 3 else AMOUNT).match(text)
    if found is None:
        return text
    signed = found["sign"][:1] in ("-", "+", "(")
    # `40:00` before the row's balance is its amount, not a time; `180:00` is no time at all.
    colon = found["mark"] == ":"
    plausible = signed or (colon and (beside or int(found["head"]) > 23))
    # Where every amount has three decimals, one printed without them is none: `94.229`,
    # `2269.920` are 94,229 and 2269,920 with the mark misread.
    plausible |= places == 3 and (found["mark"] == group or len(found["head"]) > 3)
    if not found["groups"] and found["mark"] not in (mark, ";") and not plausible:
        return text
    if found["groups"] and not _grouped(found):
        return text
    groups = "".join(group + digits for digits in re.findall(r"\d+", found["groups"]))
    side = found["side"] or ""
    return f"{found['sign']}{found['head']}{groups}{mark}{found['cents']}{found['tail']}{side}"


def _attested_months(words: Sequence[OcrWord]) -> dict[str, str]:
    """Month names (folded -> as printed) that the page spells right MIN_ATTESTED times."""
    seen: Counter[str] = Counter()
    for word in words:
        for part in PARTS.findall(word.text):
            if part.isalpha() and part.lower() in MONTHS:
                seen[part] += 1
    by_fold: Counter[str] = Counter()
    printed: dict[str, str] = {}
    for part, count in seen.most_common():
        by_fold[part.lower()] += count
        printed.setdefault(part.lower(), part)
    return {fold: printed[fold] for fold, count in by_fold.items() if count >= MIN_ATTESTED}


def _month(text: str, months: dict[str, str], beside: Sequence[OcrWord], word: OcrWord) -> str:
    """A misread month name ("Noy", "0ct" read as letters) mended into the one attested
    month it is one letter away from, where it sits in a date: glued to digits, or with a
    day number before or after it on the same line (`22 Noy`, `Noy 22`); `beside` holds the
    words read before and after it."""
    if not months:
        return text
    parts = PARTS.findall(text)
    in_date = any(p.isdigit() for p in parts) or any(
        other.text.isdigit() and len(other.text) <= 2 and other.y0 < word.y1 and word.y0 < other.y1
        for other in beside
    )
    spelt = any(p.isalpha() and p.lower() in MONTHS for p in parts)  # `30Nov` needs nothing
    if not spelt and (
        "|" in text or (any(c.isalpha() for c in text) and any(c in "10" for c in text))
    ):
        # A bar or a one read for an l, a zero for an o (`Ju| 24,2023`, `Ju1`, `0ct`),
        # where that spells a month, or one letter off a month the page spells (`26-1an-2024`
        # in a date, where `Jan` is printed).
        mended = LETTERED.sub(_as_letters, text)
        if any(
            p.isalpha() and (p.lower() in MONTHS or (in_date and _mend(p, months) != p))
            for p in PARTS.findall(mended)
        ):
            text = mended
    if not in_date:
        return text
    fixed = [_mend(p, months) if p.isalpha() else p for p in PARTS.findall(text)]
    return _named_date("".join(fixed))


def _named_date(text: str) -> str:
    """A date with its month named, one of its separators misread (`17:Jan-2024`,
    `09=Aug.2023`): both take the one that is a date's."""
    found = NAMED_DATE.match(text)
    if found is None or found["month"].lower() not in MONTHS:
        return text
    seps = {found["a"], found["b"]} & set("-/. ")
    if len(seps) != 1 or found["a"] == found["b"]:
        return text
    (sep,) = seps
    return f"{found['day']}{sep}{found['month']}{sep}{found['year']}"


def _as_letters(found: re.Match[str]) -> str:
    run = found[0]
    letters = run.translate(AS_LETTER)
    # The letter a digit stood for takes the case the word is printed in (`0CT`, `0ct`).
    printed = "".join(c for c in run if c.isalpha())
    if printed.isupper():
        return letters.upper()
    return letters.capitalize() if run[0] in "10" else letters


def _mend(part: str, months: dict[str, str]) -> str:
    folded = part.lower()
    if folded in MONTHS or len(part) < 3:
        return part
    if folded[1:] in months:
        return months[folded[1:]]  # a speck read as a letter before it (`06jJUL`)
    near = [
        printed
        for fold, printed in months.items()
        if len(fold) == len(folded) and sum(a != b for a, b in zip(fold, folded, strict=True)) == 1
    ]
    return near[0] if len(near) == 1 else part
