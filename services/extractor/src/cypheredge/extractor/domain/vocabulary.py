"""The words statements use for column headers, sections, carried balances and summaries.

All entries are lower-case with accents stripped; matching folds the printed text the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from cypheredge.extractor.domain.roles import DATE_ROLES as DATE_ROLES
from cypheredge.extractor.domain.roles import MONEY_ROLES as MONEY_ROLES
from cypheredge.extractor.domain.roles import MOVEMENT_ROLES as MOVEMENT_ROLES
from cypheredge.extractor.domain.roles import Role as Role
from cypheredge.extractor.domain.vocabulary_intl import LANGUAGES

# Whole header cells, matched exactly after folding (checked before the keywords below).
HEADER_PHRASES: dict[str, Role] = {
    "value date": Role.VALUE_DATE, "value": Role.VALUE_DATE, "valuta": Role.VALUE_DATE,
    "val date": Role.VALUE_DATE, "value dt": Role.VALUE_DATE, "val dt": Role.VALUE_DATE,
    "date valeur": Role.VALUE_DATE, "valeur": Role.VALUE_DATE,
    # An id names the transaction; it does not describe it.
    "transaction id": Role.REFERENCE, "txn id": Role.REFERENCE, "trans id": Role.REFERENCE,
    "transaction ref": Role.REFERENCE, "transaction reference": Role.REFERENCE,
    "wertstellung": Role.VALUE_DATE, "effective date": Role.VALUE_DATE, "wert": Role.VALUE_DATE,
    "fecha valor": Role.VALUE_DATE, "data valuta": Role.VALUE_DATE,
    "f valor": Role.VALUE_DATE, "f val": Role.VALUE_DATE, "data valor": Role.VALUE_DATE,
    "f oper": Role.DATE, "f op": Role.DATE, "f operacion": Role.DATE, "fecha oper": Role.DATE,
    "fecha operacion": Role.DATE, "f contable": Role.DATE, "fecha contable": Role.DATE,
    "data mov": Role.DATE, "data movimento": Role.DATE, "data lancamento": Role.DATE,
    "dt lanc": Role.DATE, "data operazione": Role.DATE, "data contabile": Role.DATE,
    "date operation": Role.DATE, "date d operation": Role.DATE,
    "date paid": Role.DATE, "paid date": Role.DATE, "date posted": Role.DATE,
    "posted date": Role.DATE, "date cleared": Role.DATE, "check nbr": Role.REFERENCE,
    "check no": Role.REFERENCE, "check number": Role.REFERENCE, "cheque no": Role.REFERENCE,
    "check": Role.REFERENCE, "cheque": Role.REFERENCE,
    "money in": Role.CREDIT, "paid in": Role.CREDIT, "in": Role.CREDIT, "cr": Role.CREDIT,
    "money out": Role.DEBIT, "paid out": Role.DEBIT, "out": Role.DEBIT, "dr": Role.DEBIT,
    "dr cr": Role.MARKER, "cr dr": Role.MARKER, "d c": Role.MARKER, "c d": Role.MARKER,
    "type": Role.OTHER, "+ -": Role.MARKER, "sign": Role.MARKER,
    "haben": Role.CREDIT, "soll": Role.DEBIT, "af": Role.DEBIT, "bij": Role.CREDIT,
    "dare": Role.DEBIT, "avere": Role.CREDIT, "cargo": Role.DEBIT, "cargos": Role.DEBIT,
    "abono": Role.CREDIT, "abonos": Role.CREDIT,
}  # fmt: skip

# Keywords inside short header cells, in priority order (first hit wins).
HEADER_KEYWORDS: tuple[tuple[str, Role], ...] = (
    ("balance", Role.BALANCE), ("saldo", Role.BALANCE), ("solde", Role.BALANCE),
    ("kontostand", Role.BALANCE), ("bal", Role.BALANCE),
    ("withdrawal", Role.DEBIT), ("withdrawals", Role.DEBIT), ("withdraw", Role.DEBIT),
    ("debit", Role.DEBIT),
    ("debits", Role.DEBIT), ("payments", Role.DEBIT), ("paid", Role.DEBIT),
    ("charges", Role.DEBIT), ("ausgang", Role.DEBIT), ("lastschrift", Role.DEBIT),
    ("belastung", Role.DEBIT), ("belastungen", Role.DEBIT), ("debito", Role.DEBIT),
    ("addebito", Role.DEBIT), ("addebiti", Role.DEBIT), ("retrait", Role.DEBIT),
    ("retraits", Role.DEBIT), ("retiros", Role.DEBIT), ("debe", Role.DEBIT),
    ("opname", Role.DEBIT), ("uitgaven", Role.DEBIT), ("abgang", Role.DEBIT),
    ("deposit", Role.CREDIT), ("deposits", Role.CREDIT), ("credit", Role.CREDIT),
    ("credits", Role.CREDIT), ("receipts", Role.CREDIT), ("eingang", Role.CREDIT),
    ("gutschrift", Role.CREDIT), ("lodgements", Role.CREDIT), ("gutschriften", Role.CREDIT),
    ("credito", Role.CREDIT), ("accredito", Role.CREDIT), ("accrediti", Role.CREDIT),
    ("versement", Role.CREDIT), ("versements", Role.CREDIT), ("depositos", Role.CREDIT),
    ("haber", Role.CREDIT), ("storting", Role.CREDIT), ("inkomsten", Role.CREDIT),
    ("zugang", Role.CREDIT),
    ("withdrawn", Role.DEBIT), ("debited", Role.DEBIT), ("spent", Role.DEBIT),
    ("deposited", Role.CREDIT), ("credited", Role.CREDIT), ("received", Role.CREDIT),
    ("soll", Role.DEBIT), ("haben", Role.CREDIT), ("dare", Role.DEBIT), ("avere", Role.CREDIT),
    ("cargo", Role.DEBIT), ("cargos", Role.DEBIT), ("abono", Role.CREDIT),
    ("abonos", Role.CREDIT),
    ("amount", Role.AMOUNT), ("amounts", Role.AMOUNT), ("amt", Role.AMOUNT),
    ("betrag", Role.AMOUNT), ("repayment", Role.AMOUNT), ("principal", Role.AMOUNT),
    ("interest", Role.AMOUNT),
    ("montant", Role.AMOUNT), ("importe", Role.AMOUNT), ("importo", Role.AMOUNT),
    ("bedrag", Role.AMOUNT), ("valor", Role.AMOUNT), ("umsatz", Role.AMOUNT),
    ("ref", Role.REFERENCE), ("reference", Role.REFERENCE), ("chq", Role.REFERENCE),
    ("cheque", Role.REFERENCE), ("check", Role.REFERENCE), ("referenz", Role.REFERENCE),
    ("referencia", Role.REFERENCE), ("no", Role.REFERENCE),
    ("date", Role.DATE), ("datum", Role.DATE), ("fecha", Role.DATE), ("data", Role.DATE),
    ("buchungstag", Role.DATE), ("buchung", Role.DATE), ("posted", Role.DATE),
    ("dt", Role.DATE), ("day", Role.DATE), ("time", Role.DATE), ("timestamp", Role.DATE),
    ("posting", Role.DATE), ("activity", Role.DESCRIPTION),
    ("tarikh", Role.DATE), ("tanggal", Role.DATE), ("pos", Role.DATE),
    ("butiran", Role.DESCRIPTION), ("keterangan", Role.DESCRIPTION),
    ("transaksi", Role.DESCRIPTION), ("uraian", Role.DESCRIPTION),
    ("amaun", Role.AMOUNT), ("jumlah", Role.AMOUNT), ("baki", Role.BALANCE),
    ("description", Role.DESCRIPTION), ("descriptions", Role.DESCRIPTION),
    ("details", Role.DESCRIPTION),
    ("particulars", Role.DESCRIPTION), ("narration", Role.DESCRIPTION),
    ("narrative", Role.DESCRIPTION), ("transaction", Role.DESCRIPTION),
    ("transactions", Role.DESCRIPTION), ("memo", Role.DESCRIPTION), ("payee", Role.DESCRIPTION),
    ("remarks", Role.DESCRIPTION), ("libelle", Role.DESCRIPTION), ("concepto", Role.DESCRIPTION),
    ("descripcion", Role.DESCRIPTION), ("verwendungszweck", Role.DESCRIPTION),
    ("buchungstext", Role.DESCRIPTION), ("omschrijving", Role.DESCRIPTION),
    ("descrizione", Role.DESCRIPTION), ("descricao", Role.DESCRIPTION),
    ("operation", Role.DESCRIPTION), ("operations", Role.DESCRIPTION),
    ("vorgang", Role.DESCRIPTION), ("detail", Role.DESCRIPTION), ("nature", Role.DESCRIPTION),
    ("text", Role.DESCRIPTION), ("beschreibung", Role.DESCRIPTION), ("causale", Role.DESCRIPTION),
    ("mededeling", Role.DESCRIPTION), ("intitule", Role.DESCRIPTION),
    ("erlauterung", Role.DESCRIPTION), ("erlaeuterung", Role.DESCRIPTION),
    ("historico", Role.DESCRIPTION), ("lancamento", Role.DESCRIPTION),
    ("movimiento", Role.DESCRIPTION), ("movimento", Role.DESCRIPTION),
    ("status", Role.OTHER), ("state", Role.OTHER),
)  # fmt: skip
KEYWORD_ROLES: dict[str, Role] = {}
for _word, _role in HEADER_KEYWORDS:
    KEYWORD_ROLES.setdefault(_word, _role)

# A section heading sets the direction of an unsigned amount column below it.
CREDIT_SECTIONS = (
    "deposits", "deposit", "credits", "additions", "money in", "paid in", "receipts",
    "incoming", "lodgements", "payments and credits", "payments and other credits",
    "gutschriften", "eingange", "credits and deposits", "adjustments",
)  # fmt: skip
DEBIT_SECTIONS = (
    "withdrawals", "withdrawal", "debits", "checks paid", "checks", "cheques", "cheques paid",
    "subtractions", "fees", "service fees", "service charges", "charges", "money out",
    "paid out", "purchases", "card transactions", "electronic withdrawals",
    "atm withdrawals", "debit card", "lastschriften", "other debits", "outgoing",
    "checks cleared", "cheques cleared", "items paid", "checks paid", "other debits",
    "fees charged", "interest charged", "new charges",
    "purchases and adjustments", "cash advances", "purchase", "purchases and debits",
)  # fmt: skip

OPENING_PHRASES = (
    *(p for language in LANGUAGES.values() for p in language.opening),
    "brought forward", "opening balance", "previous balance", "beginning balance",
    "starting balance", "balance forward", "b/f", "bal b/f", "balance from previous",
    "start balance", "balance at start", "alter kontostand", "anfangssaldo", "saldo anterior",
    "solde precedent", "ancien solde", "saldo iniziale", "saldo inicial", "last statement",
    "saldovortrag", "vortrag", "solde reporte", "report a nouveau", "saldo precedente",
    "beginsaldo", "alter saldo", "saldo alt", "solde depart", "solde de depart", "solde initial",
    "solde d ouverture",
    "balance last statement", "opening bal", "previous statement balance",
    "last month s balance", "last months balance", "previous month balance",
)  # fmt: skip
CLOSING_PHRASES = (
    *(p for language in LANGUAGES.values() for p in language.closing),
    "carried forward", "closing balance", "ending balance", "new balance", "balance c/f",
    "c/f", "end balance", "balance at end", "neuer kontostand", "endsaldo", "saldo final",
    "nouveau solde", "saldo finale", "balance at close", "closing bal", "neuer saldo",
    "schlusssaldo", "solde final", "eindsaldo", "saldo al", "saldo neu",
    "saldo do dia", "saldo del dia", "saldo final do dia", "end of day balance",
)  # fmt: skip
# The balance as of printing (an app's statement): closing only when nothing else is.
AVAILABLE_PHRASES = ("available balance", "current balance", "الرصيد المتاح", "الرصيد الحالي")
# Never a transaction, whatever else the row carries.
CARRY_PHRASES = (
    "brought forward", "carried forward", "b/f", "c/f", "opening balance", "closing balance",
    "balance forward", "average balance", "average credit balance", "average daily balance",
    "average debit balance", "average monthly balance",
)  # fmt: skip
SUMMARY_PHRASES = (
    *(p for language in LANGUAGES.values() for p in language.totals),
    "total", "totals", "subtotal", "sub total", "average balance", "average daily balance",
    "average credit balance", "minimum balance", "daily balance", "daily ending balance",
    "summe", "gesamt", "totale", "total des operations", "balance summary", "jumlah",
    "sub-total", "grand total",
)  # fmt: skip
# Languages that print the word for "total" after what it sums (`JÓVÁÍRÁSOK ÖSSZESEN:`,
# `Příjmy celkem`, `Uznania razem`); English `total` is left out: a merchant may end with it.
TRAILING_TOTALS = frozenset((
    "osszesen", "celkem", "razem", "spolu", "insgesamt", "totaal", "toplam", "ukupno",
    "yhteensa", "i alt", "totalt", "итого", "tong cong",
))  # fmt: skip
# Lines that sum up a table, whatever else they carry (a date, an amount in a movement column):
# item counts (`20 Debit(s) This Period`, `3 deposits`) and net figures.
TALLY = re.compile(
    r"^(?:\d+ (?:debit|credit|deposit|withdrawal|check|cheque|item|transaction|payment|"
    r"purchase|fee|charge)s?(?: \w+){0,4}"
    r"|net (?:amount|activity|change|total)\b.*"
    r"|(?:totals?|sub ?totals?) (?:at|for|of|this|brought|carried)\b.*"
    r"|(?:total|sum|subtotal) of .*"
    r"|(?:transaction|transactions|page|period|monthly|statement) (?:totals?|summary)\b.*"
    r"|.*\btransactions (?:this|for this) (?:cycle|period|month|statement)\b.*)$"
)  # the last two: `TRANSACTION TOTAL`, a cardholder's `TRANSACTIONS THIS CYCLE (CARD 6395)`
# `Kontostand am 09.04.2025`, `Balance as at 1 May`: a balance on a day, the opening one
# before the table's first transaction and the closing one after its last.
BALANCE_AT = re.compile(
    r"^(?:(?:alter|neuer|old|new|opening|closing) )?(?:kontostand|saldo|balance|solde|stand)"
    r"(?: \w+)? (?:am|per|vom|zum|as at|as of|as on|on|at|au|al|del|du|op|em)\b"
)
CONTINUED = ("continued", "cont", "cont d", "contd", "fortsetzung", "suite")
# A page's foot saying the table goes on overleaf: nobody's description.
CONTINUED_NOTES = (
    "continued on next page", "continued overleaf", "continued on the next page",
    "bersambung ke halaman berikut", "bersambung", "suite au verso", "suite page suivante",
    "fortsetzung auf der nachsten seite", "fortsetzung nachste seite", "continua nella pagina",
    "continua en la pagina siguiente", "continua na proxima pagina", "vervolg op volgende pagina",
    "ciag dalszy na nastepnej stronie", "devami arkada", "devami sonraki sayfada",
)  # fmt: skip

_PUNCT = re.compile(r"[^\w\s/+-]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 15)
def fold(text: str) -> str:
    """Lower-case, accents and punctuation stripped, whitespace collapsed."""
    if text.isascii() and text.isalnum():
        return text.lower()  # most words: nothing else to strip
    plain = text.lower()
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _PUNCT.sub(" ", plain).replace("/", " / ")
    return _SPACES.sub(" ", plain).strip()


# A balance on a day (`Balance on 01 Feb`, Kaspi's `Доступно на 19.04.25`): the period's
# first day makes it the opening balance, its last the closing one.
BALANCE_WORDS = frozenset(fold(w) for w in (
    "balance", "saldo", "solde", "kontostand", "остаток", "залишок", "баланс", "доступно",
    "υπόλοιπο", "bakiye", "egyenleg", "zůstatek", "stan",
))  # fmt: skip


def _add_languages() -> None:
    """Fold the other languages' titles into the lookup tables (English entries win)."""
    for language in LANGUAGES.values():
        for title, role in language.cells.items():
            HEADER_PHRASES.setdefault(fold(title), role)
        for title, role in language.keywords.items():
            key = fold(title)
            table = HEADER_PHRASES if " " in key else KEYWORD_ROLES
            table.setdefault(key, role)


_add_languages()


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation for a phrase list: rows are checked against each list many times."""
    return re.compile("|".join(re.escape(f" {fold(p)} ") for p in phrases))


def contains_phrase(folded: str, phrases: tuple[str, ...]) -> bool:
    """Whether any phrase occurs in `folded` (already folded) on word boundaries."""
    return _pattern(phrases).search(f" {folded} ") is not None


def starts_with_phrase(folded: str, phrases: tuple[str, ...]) -> bool:
    return _pattern(phrases).match(f" {folded} ") is not None


PAYMENTS_SECTION = 2  # `Payments`: money out of an account, but money onto a card
PAYMENT_SECTIONS = ("payments", "your payments", "payments made")


def section_direction(section: int, card: bool) -> int:
    """The direction (+1 credit, -1 debit, 0 unknown) of unsigned amounts in a section."""
    if section == PAYMENTS_SECTION:
        return 1 if card else -1
    return section


def section_sign(text: str) -> int | None:
    """+1 / -1 when a short heading names a credits or debits section (PAYMENTS_SECTION for a
    payments section, whose direction depends on the statement), else None."""
    folded = fold(text)
    for word in CONTINUED:
        folded = folded.removesuffix(f" {word}").removeprefix(f"{word} ")
    if not folded or len(folded.split()) > 6:
        return None
    padded = f" {folded}"
    ends = [
        sign
        for sign, phrases in ((PAYMENTS_SECTION, PAYMENT_SECTIONS), (1, CREDIT_SECTIONS))
        if any(padded.endswith(f" {fold(p)}") for p in phrases)
    ] or ([-1] if any(padded.endswith(f" {fold(p)}") for p in DEBIT_SECTIONS) else [])
    if not ends:
        return None
    # `New charges and credits`, `Deposits and withdrawals`: a section of both directions.
    debits = contains_phrase(folded, DEBIT_SECTIONS)
    credits = contains_phrase(folded, CREDIT_SECTIONS)
    payments = contains_phrase(folded, PAYMENT_SECTIONS)
    if debits and (credits or payments):
        return None
    return PAYMENTS_SECTION if payments else ends[0]


def balance_heading(text: str) -> bool:
    """A short heading over a table of balances (daily balances), not of transactions."""
    folded = fold(text)
    words = folded.split()
    # A figure says it is a balance itself (`Available Balance: 685.760 JOD`), not a heading.
    digits = any(c.isdigit() for c in folded)
    return 0 < len(words) <= 5 and "balance" in words and "transactions" not in words and not digits
