"""Family from Hungary: the számlakivonat of OTP Bank, K&H Bank and Raiffeisen.

Held out in the third split; tuned on since that split was scored.

OTP follows a public OTP parser written on its 2025 bankszámlakivonat (sample lines such as
`25.07.28 25.07.28 VÁSÁRLÁS KÁRTYÁVAL, 8460878289, 0000001300274868, Tranzakció: 25.07.24,
GOOGLE *Google Play Ap -GOOGLE -2.714` and `NAPKÖZBENI ÁTUTALÁS, F.3504, 13100007-02511420-
00043484, ...`): a FORGALMAK section under KÖNYVELÉS/ÉRTÉKNAP, MEGNEVEZÉS and ÖSSZEG, YY.MM.DD
dates, whole forints grouped by dots with a leading minus, NYITÓ EGYENLEG before the rows and
JÓVÁÍRÁSOK ÖSSZESEN: / TERHELÉSEK ÖSSZESEN: / ZÁRÓ EGYENLEG after them, no running balance.
K&H and Raiffeisen follow tothsteve/transferXMLGenerator's BANK_STATEMENT_IMPORT_DOCUMENTATION.md.
K&H: BANKSZÁMLAKIVONAT, a cover page of legal text before the transactions, `Számlaszám:` in
8-8-8 digits, `Nemzetközi számlaszám (IBAN):`, `Időszak: 2025.09.01-2025.09.30`, rows
`2025.09.03 2025.09.03 Azonnali Forint átutalás bankon kívül - 212 309` with `Ref.:`, `Szla.:`
(IBAN and name over two lines) and `Közl.:` lines, whole forints grouped by spaces with a spaced
minus, and Könyvelt nyitóegyenleg / Jóváírás összesen / Terhelés összesen / Könyvelt
záróegyenleg on the last page. Raiffeisen: `A kivonat időszaka: 2025.12.01. - 2025.12.31.`,
dates with a trailing dot, a 10-digit transaction id first, the value date under the booking
date, `Referencia:`, `Kedvezményezett neve:` / `Átutaló neve:`, `Közlemény:` lines and an
`Előjegyzett díj: 390,00 HUF` line that is not a posting, amounts as `-1.080.000,00`.
"""

from __future__ import annotations

from itertools import count
from random import Random

from cypheredge.synth.formats import DE, NumberStyle, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    digits,
    local_statement,
    segments,
    shift,
)
from cypheredge.synth.layouts.local_print import (
    ROUND_KINDS,
    Whole,
    coarsen,
    figures,
    narrate,
    serial,
    steps,
)
from cypheredge.synth.layouts.local_regions_west import HUNGARY
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading, note
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
OTP = Whole(".", ",")
KH = Whole(" ", ",")
HU_BANKS = ("Pannon Takarékbank Zrt.", "Tisza Kereskedelmi Bank Nyrt.", "Balaton Bank Zrt.")
HU_TOWNS = ("1051 Budapest", "4025 Debrecen", "6720 Szeged", "9021 Győr")
HU_STREETS = ("Váci utca {n}.", "Andrássy út {n}.", "Kossuth Lajos tér {n}.", "Petőfi utca {n}.")
HU_HOLDERS = ("KISS ANDRÁS", "VARGA ÉVA", "MOLNÁR BENCE", "FARKAS KATALIN")
CARDS = ("grocery", "card", "refund")
LEGAL = (
    "A bankszámlakivonatot kérjük, ellenőrizze. Esetleges észrevételeit a kézhezvételtől "
    "számított 30 napon belül jelezze. A betétek az Országos Betétbiztosítási Alap által "
    "biztosítottak 100 000 euró összeghatárig.",
    "Tájékoztatjuk, hogy a számlavezetési díj és a tranzakciós illeték a hirdetményben "
    "közzétett mértékben kerül felszámításra.",
)


def _giro(t: Txn) -> str:
    """A Hungarian account number in three groups of eight digits."""
    back = "".join(str(ord(c) * 3 % 10) for c in t.reference[::-1] * 3)
    return f"{serial(t, 8)}-{back[:8]}-{digits(t, 8)}"


def _name(t: Txn) -> tuple[str, str]:
    parts = [narrate(p, t.day) for p in segments(t)]
    return parts[0], " ".join(parts[1:])


def _otp_text(t: Txn, card: str) -> str:
    """OTP's one-line narration: the type, then comma-separated ids, the party and message."""
    name, message = _name(t)
    spent = fmt_date(shift(t.day, int(digits(t, 1)) % 4), "YY.MM.DD")
    if t.kind in CARDS:
        kind = "VÁSÁRLÁS KÁRTYÁVAL" if t.amount < 0 else "VÁSÁRLÁS VISSZATÉRÍTÉS"
        return f"{kind}, {serial(t, 10)}, {card}, Tranzakció: {spent}, {name} {message}"
    if t.kind == "atm":
        return f"KÉSZPÉNZFELVÉTEL ATM-BŐL, {card}, {name} {message}"
    if t.kind in ("fee", "interest"):
        return name
    kind = "NAPKÖZBENI ÁTUTALÁS" if t.amount < 0 else "ÁTUTALÁS JÓVÁÍRÁSA"
    if t.kind == "utility":
        kind = "CSOPORTOS BESZEDÉS"
    return f"{kind}, F.{digits(t, 4)}, {_giro(t)}, {name}, {message}"


def _otp(flow: Flow, rng: Random, st: Statement, log: TruthLog, card: str) -> NumberStyle:
    acc = st.accounts[0]
    heading(flow, "FORGALMAK")

    def cells(t: Txn) -> dict[str, str]:
        day = f"{fmt_date(t.day, 'YY.MM.DD')} {fmt_date(t.value_day, 'YY.MM.DD')}"
        return {"date": day, "desc": _otp_text(t, card), "amt": signed(OTP, t.amount)}

    columns = [
        Column("date", "KÖNYVELÉS/\nÉRTÉKNAP"),
        Column("desc", "MEGNEVEZÉS", wrap=True, truth=DESC),
        Column("amt", "ÖSSZEG", "r"),
    ]
    opening = {"date": fmt_date(st.start, "YY.MM.DD"), "desc": "NYITÓ EGYENLEG"}
    body = framed(
        opening | {"amt": signed(OTP, acc.opening)},
        rows(acc, 0, log, cells, balance=lambda t: False),
        {"desc": "JÓVÁÍRÁSOK ÖSSZESEN:", "amt": signed(OTP, acc.total_credits)},
        {"desc": "TERHELÉSEK ÖSSZESEN:", "amt": signed(OTP, -acc.total_debits)},
        {"date": fmt_date(st.end, "YY.MM.DD"), "desc": "ZÁRÓ EGYENLEG"}
        | {"amt": signed(OTP, acc.closing)},
    )
    style = Style.vary(rng, rng.choice(("none", "header")), (230, 330))
    LinedTable(flow, columns, style).draw(body)
    return OTP


def _kh_text(t: Txn) -> str:
    name, message = _name(t)
    if t.kind in CARDS:
        return f"Kártyás vásárlás\n{name} {message}"
    if t.kind == "atm":
        return f"Készpénzfelvétel ATM\n{name} {message}"
    if t.kind in ("fee", "interest"):
        return {"fee": "Számlavezetési díj", "interest": "Kamat"}[t.kind]
    outgoing = t.amount < 0
    kind = "Azonnali Forint átutalás bankon kívül" if outgoing else "Forint átutalás jóváírás"
    iban = f"HU{digits(t, 2)}{_giro(t).replace('-', '')}"
    return f"{kind}\nRef.: BNK{t.reference} Szla.:\n{iban}, {name}\nKözl.: {message}"


def _kh(flow: Flow, rng: Random, st: Statement, log: TruthLog, card: str) -> NumberStyle:
    acc = st.accounts[0]
    for paragraph in LEGAL:
        note(flow, paragraph)
    flow.new_page()  # K&H: legal text on the cover page, the transactions from page 2

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "YYYY.MM.DD"),
            "value": fmt_date(t.value_day, "YYYY.MM.DD"),
            "desc": _kh_text(t),
            "amt": f"- {KH.magnitude(t.amount)}" if t.amount < 0 else KH.magnitude(t.amount),
        }

    columns = [
        Column("date", "Könyvelés\ndátuma"),
        Column("value", "Értéknap"),
        Column("desc", "Megnevezés / Közlemény", wrap=True, truth=DESC),
        Column("amt", "Összeg", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "rows")), (220, 320))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    figures(
        flow,
        [
            ("Könyvelt nyitóegyenleg:", signed(KH, acc.opening)),
            ("Jóváírás összesen:", signed(KH, acc.total_credits)),
            ("Terhelés összesen:", signed(KH, -acc.total_debits)),
            ("Könyvelt záróegyenleg:", signed(KH, acc.closing)),
        ],
        0.45,
    )
    return KH


def _rb_text(t: Txn, card: str) -> str:
    name, message = _name(t)
    ref = f"Referencia: AFK{t.reference}"
    if t.kind in CARDS:
        return f"Kártyatranzakció {card}\nReferencia:\n{name} {message}\nOrszágkód: HU"
    if t.kind == "atm":
        return f"Készpénzfelvétel {card}\n{name} {message}"
    if t.kind in ("fee", "interest"):
        return {"fee": "Számlavezetési díj", "interest": "Kamat"}[t.kind]
    if t.amount < 0:
        lines = ["Elektronikus forint átutalás", ref, f"Kedvezményezett neve: {name}"]
        lines += [f"Közlemény: {message}", "Előjegyzett díj: 390,00 HUF Forgalmi jutalék"]
        return "\n".join(lines)
    return "\n".join(["Forint átutalás jóváírás", ref, f"Átutaló neve: {name}", message])


def _raiffeisen(flow: Flow, rng: Random, st: Statement, log: TruthLog, card: str) -> NumberStyle:
    acc, ids = st.accounts[0], count(rng.randint(5_400_000_000, 5_499_000_000), 37)
    flow.text(flow.left, flow.y - flow.spec.size, f"Nyitó egyenleg {signed(DE, acc.opening)} HUF")
    flow.y -= flow.spec.size * 2

    def cells(t: Txn) -> dict[str, str]:
        booked, valued = fmt_date(t.day, "YYYY.MM.DD."), fmt_date(t.value_day, "YYYY.MM.DD.")
        return {
            "id": str(next(ids)),
            "date": f"{booked}\n{valued}",
            "desc": _rb_text(t, card),
            "amt": signed(DE, t.amount),
        }

    columns = [
        Column("id", "Tranzakció\nazonosító"),
        Column("date", "Könyvelés /\nÉrték dátuma"),
        Column("desc", "Tranzakció típusa / Közlemény", wrap=True, truth=DESC),
        Column("amt", "Összeg", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "rows")), (220, 320))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    flow.ensure(flow.spec.size * 2)
    flow.text(flow.left, flow.y - flow.spec.size, f"Záró egyenleg {signed(DE, acc.closing)} HUF")
    flow.y -= flow.spec.size * 2
    return DE


def _iban(rng: Random, number: str) -> str:
    """HU, two check digits and the 24 digits of the account number, in groups of four."""
    plain = f"HU{rng.randint(10, 99)}{number.replace('-', '')}"
    return " ".join(plain[i : i + 4] for i in range(0, len(plain), 4))


HU_TABLES = {"otp": _otp, "kh": _kh, "raiffeisen": _raiffeisen}


def hu_kivonat(rng: Random) -> Built:
    variant = rng.choice(sorted(HU_TABLES))
    mask = f"{rng.randint(10_000_000, 99_999_999)}-{rng.randint(1000, 9999)}{{last4}}-00000000"
    plan = Plan("Bankszámla", rng.randint(20, 46), (300, 3000), cheques=False, mask=mask)
    names = (rng.choice(HU_BANKS), HU_TOWNS, rng.choice(HU_HOLDERS))
    st = local_statement(rng, HUNGARY, names, [plan], period(rng), HU_STREETS)
    st = coarsen(st, steps("1", "100", ROUND_KINDS))  # forints: no fillér any more
    acc = st.accounts[0]
    day = "YYYY.MM.DD." if variant == "raiffeisen" else "YYYY.MM.DD"
    span = f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"
    details = [
        ("Számlaszám:", acc.masked),
        ("Nemzetközi számlaszám (IBAN):", _iban(rng, acc.masked)),
        ("Időszak:" if variant != "raiffeisen" else "A kivonat időszaka:", span),
        ("Kivonat sorszám:", f"{st.end.year}/{st.end.month:03d}"),
        ("Devizanem:", "HUF"),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        ("SZÁMLAKIVONAT" if variant == "otp" else "BANKSZÁMLAKIVONAT", details),
        {"otp": "{n}/{total} LAP/LAP", "kh": "{n}/{total}", "raiffeisen": "{n}. oldal"}[variant],
        f"{st.bank.name} - Cégjegyzékszám: 01-10-04{rng.randint(1000, 9999)}",
        f"Számlakivonat {acc.masked}",
    )
    card = HUNGARY.card.replace("{last4}", digits(acc.txns[0], 4))
    log = TruthLog()
    numbers = HU_TABLES[variant](flow, rng, st, log, card)
    return Built(flow, st, log, numbers)


LAYOUTS = (
    Layout(
        "hu_kivonat",
        "Hungarian számlakivonat (OTP / K&H / Raiffeisen style): Hungarian diacritics (ő ű), "
        "whole forints, one signed amount and no running balance; YY.MM.DD booking and value "
        "dates side by side, comma-separated one-line narrations (VÁSÁRLÁS KÁRTYÁVAL, ids, "
        "Tranzakció: date, merchant), NYITÓ / ZÁRÓ EGYENLEG and totals in the amount column; or "
        "a legal cover page, space-grouped amounts with a spaced minus and Ref. / Szla. / Közl. "
        "lines; or 10-digit ids first, dates with a trailing dot, 1.080.000,00 and fee lines "
        "inside narrations that are not postings",
        hu_kivonat,
    ),
)
