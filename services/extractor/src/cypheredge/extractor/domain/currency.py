"""Currency symbols and ISO codes as statements print them."""

from __future__ import annotations

ISO_CODES = frozenset((
    "USD", "EUR", "GBP", "INR", "NZD", "AUD", "CAD", "CHF", "JPY", "CNY", "HKD", "SGD", "ZAR",
    "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "AED", "SAR", "KWD", "BHD", "OMR",
    "QAR", "NGN", "KES", "GHS", "PHP", "IDR", "MYR", "THB", "VND", "KRW", "TRY", "ILS", "EGP",
    "PKR", "LKR", "BDT", "RUB", "UAH", "RON", "BGN", "ISK", "ARS", "CLP", "COP", "PEN", "TWD",
    "UYU", "KZT", "MAD", "JOD", "TZS", "GEL", "AZN", "UZS", "KGS", "BYN", "RSD", "MKD", "MDL",
    "ETB", "UGX", "ZMW", "XOF", "XAF", "DZD", "TND", "LBP", "IQD", "NPR", "MMK", "KHR", "MNT",
    "PYG", "DOP", "GTQ", "CRC", "HNL", "JMD", "TTD", "BWP", "MUR", "NAD", "RWF", "MWK", "MZN",
    "BOB", "XCD", "FJD", "HRK",
))  # fmt: skip
# Currencies named in words (`Валюта счета: тенге`, `Moneda: Soles`), folded.
CURRENCY_WORDS = {
    "тенге": "KZT", "гривня": "UAH", "гривні": "UAH", "гривень": "UAH", "рубль": "RUB",
    "рубли": "RUB", "рублей": "RUB", "лева": "BGN", "лев": "BGN", "soles": "PEN", "sol": "PEN",
    "cedi": "GHS", "cedis": "GHS", "dirham": "MAD", "dirhams": "MAD", "euro": "EUR",
    "euros": "EUR", "ευρω": "EUR", "forint": "HUF", "zloty": "PLN", "koruna": "CZK",
    "lira": "TRY", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "dong": "VND",
    "won": "KRW", "yen": "JPY", "naira": "NGN", "shilling": "KES", "shillings": "KES",
}  # fmt: skip

# Longest first so `NZ$` wins over `$` when both could match.
SYMBOLS: dict[str, str | None] = {
    "US$": "USD",
    "NZ$": "NZD",
    "AU$": "AUD",
    "CA$": "CAD",
    "HK$": "HKD",
    "NT$": "TWD",
    "MX$": "MXN",
    "A$": "AUD",
    "C$": "CAD",
    "S$": "SGD",
    "R$": "BRL",
    "$": None,  # dollar of which country: decided from the document (see `dollar_country`)
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "¥": "JPY",
    "₦": "NGN",
    "₱": "PHP",
    "₩": "KRW",
    "GH₵": "GHS",
    "₵": "GHS",
    "₸": "KZT",
    "₴": "UAH",
    "грн.": "UAH",
    "грн": "UAH",
    "₾": "GEL",
    "₼": "AZN",
    "лв.": "BGN",
    "лв": "BGN",
    "руб.": "RUB",
    "S/.": "PEN",
    "S/": "PEN",
    "E£": "EGP",
    "JD": "JOD",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "฿": "THB",
    "zł": "PLN",
    "Kč": "CZK",
    "Ft": "HUF",
    "lei": "RON",
    "TL": "TRY",
    "Fr.": "CHF",
    "RM": "MYR",
    "Rp": "IDR",
    "KSh": "KES",
    "R": "ZAR",
}
SYMBOL_ORDER = tuple(sorted(SYMBOLS, key=len, reverse=True))

# Words in a document that say which dollar (or which currency) it is about.
COUNTRY_HINTS: tuple[tuple[str, str], ...] = (
    ("new zealand", "NZD"),
    (" nz", "NZD"),
    ("auckland", "NZD"),
    ("christchurch", "NZD"),
    ("australia", "AUD"),
    (" bsb", "AUD"),
    (" abn ", "AUD"),
    ("pty ltd", "AUD"),
    (" nsw ", "AUD"),
    (" vic ", "AUD"),
    (" qld ", "AUD"),
    ("canada", "CAD"),
    ("interac", "CAD"),
    ("gst/hst", "CAD"),
    ("singapore", "SGD"),
    ("hong kong", "HKD"),
    ("taiwan", "TWD"),
    ("moneda nacional", "MXN"),
    ("s.a. de c.v.", "MXN"),
    ("sa de cv", "MXN"),
    ("clabe", "MXN"),
    (" rfc", "MXN"),
    ("cdmx", "MXN"),
    ("spei", "MXN"),
    ("méxico", "MXN"),
    ("pesos mexicanos", "MXN"),
    ("chile", "CLP"),
    (" rut ", "CLP"),
    ("argentina", "ARS"),
    (" cuit", "ARS"),
    (" cbu", "ARS"),
    ("colombia", "COP"),
    ("bogotá", "COP"),
    ("uruguay", "UYU"),
    ("united states", "USD"),
    ("fdic", "USD"),
    ("routing number", "USD"),
    ("zelle", "USD"),
)


def dollar_country(text: str) -> str:
    """Which dollar a `$` means: the country most cues in the document point to (a merchant
    `AIR CANADA` on a US statement is one cue against its `Member FDIC`); US dollar by default."""
    lowered = f" {text.lower()} "
    votes: dict[str, int] = {}
    for hint, code in COUNTRY_HINTS:
        if hint in lowered:
            votes[code] = votes.get(code, 0) + 1
    if not votes:
        return "USD"
    # On a tie the earlier cue in COUNTRY_HINTS wins (dict order is insertion order).
    return max(votes, key=lambda code: votes[code])
