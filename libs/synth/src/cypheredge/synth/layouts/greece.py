"""Family from Greece: the account movements of Piraeus Bank, Alpha Bank and Eurobank.

Held out in the fourth split; tuned on since that split was scored.

Modelled on a public expense app's Greek bank presets and fixture tests (bankPresets.js and its
test file, written from each bank's published export layout), on a public Piraeus parser
(PiraeusBankController, whose header patterns are the winbank titles) and on
Nikolay-Sergeev/nbg-ynab-export. Piraeus (winbank "Κινήσεις Λογαριασμών"): a preamble with the
account (`ΟΨΕΩΣ ... Κ: GR..`) and `Επιλεγμένη Περίοδος: 11/07/2026 - 24/07/2026`, then
Κατηγορία / Περιγραφή Συναλλαγής / Ημ/νία Συναλλαγής / Ημ/νία Αξίας / Σχόλια / Κωδικός Αναφοράς /
Ποσό / Προοδευτικό Λογιστικό Υπόλοιπο, newest first, signed amounts, `Χωρίς Κατηγορία`, narrations
such as ΕΞΟΦΛΗΣΗ ΛΟΓΑΡΙΑΣΜΟΥ with `IRIS Payment` or ΠΡΟΜΗΘΕΙΑ ΕΜΒΑΣΜΑΤΟΣ with `WINBREM...` in the
comments, and an `Ημερομηνία Ενημέρωσης:` line at the end. Alpha Bank (myAlpha "Κινήσεις
Λογαριασμού"): Α/Α, Ημερομηνία, Αιτιολογία, Κατάστημα, Τοκισμός από, Αρ. συναλλαγής, Ποσό and
Πρόσημο ποσού: unsigned amounts with Χ (debit) or Π (credit), dates dd/mm/yyyy or dd.mm.yyyy,
and no running balance. Eurobank: ΗΜ/ΝΙΑ ΚΙΝΗΣΗΣ / ΗΜ/ΝΙΑ ΑΞΙΑΣ / ΠΕΡΙΓΡΑΦΗ / ΠΟΣΟ / ΥΠΟΛΟΙΠΟ with
d/m/yyyy dates without padding and the account details as lines after the table; here with the
Greek book-keeping words for a balance brought and carried forward (ΑΠΟ ΜΕΤΑΦΟΡΑ / ΣΕ ΜΕΤΑΦΟΡΑ).
All amounts are printed `1.234,56` (NBG's exports use the same decimal comma); the NBG parser's
E-COMMERCE ΑΓΟΡΑ - and 3D SECURE E-COMMERCE ΑΓΟΡΑ - prefixes appear in card narrations.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import count
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, framed, period, rows, start
from cypheredge.synth.layouts.local_kit import LinedTable, digits, local_statement, page_note
from cypheredge.synth.layouts.local_kit import segments as parts
from cypheredge.synth.layouts.local_print import figures, narrate, serial
from cypheredge.synth.layouts.local_regions_north import GREECE
from cypheredge.synth.ledger import EVERYDAY, Plan
from cypheredge.synth.model import Account, Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Carry, Column, Style

DESC = "description"
GR_BANKS = ("Τράπεζα Αιγαίου Α.Ε.", "Ελληνική Εμπορική Τράπεζα Α.Ε.", "Τράπεζα Ολύμπου Α.Ε.")
GR_TOWNS = ("105 64 Αθήνα", "546 24 Θεσσαλονίκη", "262 21 Πάτρα", "712 02 Ηράκλειο")
GR_STREETS = ("Σταδίου {n}", "Πανεπιστημίου {n}", "Λεωφ. Κηφισίας {n}", "Εγνατίας {n}")
GR_HOLDERS = ("ΓΕΩΡΓΙΟΥ ΑΙΚΑΤΕΡΙΝΗ", "ΠΑΠΑΔΑΚΗΣ ΝΙΚΟΛΑΟΣ", "ΑΝΤΩΝΙΟΥ ΣΟΦΙΑ", "ΔΗΜΗΤΡΙΟΥ ΚΩΣΤΑΣ")
CATEGORIES = {"grocery": "Σούπερ Μάρκετ", "utility": "Λογαριασμοί", "salary": "Μισθοδοσία"}
LEGAL = "Οι καταθέσεις καλύπτονται από το Ταμείο Εγγύησης Καταθέσεων και Επενδύσεων έως 100.000 €."


def _money(value: Decimal) -> str:
    return signed(DE, value)


def _lines(t: Txn) -> list[str]:
    return [narrate(p, t.day) for p in parts(t)]


def _short(day: date) -> str:
    """Eurobank's d/m/yyyy: day and month without leading zeros."""
    return f"{day.day}/{day.month}/{day.year}"


def _piraeus(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    heading(flow, "Κινήσεις Λογαριασμών")
    page_note(flow, f"ΟΨΕΩΣ ΙΔΙΩΤΩΝ Κ:  {acc.masked}", gray=0.0)
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
    page_note(flow, f"Επιλεγμένη Περίοδος: {span}", gray=0.0)

    def cells(t: Txn) -> dict[str, str]:
        lines = _lines(t)
        return {
            "cat": CATEGORIES.get(t.kind, "Χωρίς Κατηγορία"),
            "desc": lines[0],
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "value": fmt_date(t.value_day, "DD/MM/YYYY"),
            "note": " ".join(lines[1:]),
            "amt": _money(t.amount),
            "bal": _money(t.balance),
        }

    columns = [
        Column("cat", "Κατηγορία", wrap=True),
        Column("desc", "Περιγραφή Συναλλαγής", wrap=True, truth=DESC),
        Column("date", "Ημ/νία\nΣυναλλαγής"),
        Column("value", "Ημ/νία\nΑξίας"),
        Column("note", "Σχόλια / Κωδικός\nΑναφοράς", wrap=True, truth=DESC),
        Column("amt", "Ποσό", "r"),
        Column("bal", "Προοδευτικό\nΛογιστικό Υπόλοιπο", "r"),
    ]
    newest = replace(acc, txns=acc.txns[::-1])
    style = Style.vary(rng, rng.choice(("grid", "rows")), (90, 150))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells))
    stamp = f"{fmt_date(st.end, 'DD/MM/YYYY')} {rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}:41"
    page_note(flow, f"Ημερομηνία Ενημέρωσης: {stamp}", gray=0.0)


def _alpha(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc, numbers = st.accounts[0], count(1)
    heading(flow, "Κινήσεις Λογαριασμού")
    day = rng.choice(("DD/MM/YYYY", "DD.MM.YYYY"))
    page_note(flow, f"Λογιστικό Υπόλοιπο: {_money(acc.closing)} EUR", gray=0.0)
    page_note(flow, f"Διαθέσιμο Υπόλοιπο: {_money(acc.closing)} EUR", gray=0.0)
    branch = f"{rng.randint(100, 899):03d}"

    def cells(t: Txn) -> dict[str, str]:
        online = t.kind in ("card", "transfer_out", "transfer_in", "rent")
        return {
            "n": str(next(numbers)),
            "date": fmt_date(t.day, day),
            "desc": " ".join(_lines(t)),
            "branch": "WEB" if online else branch,
            "value": fmt_date(t.value_day, day),
            "id": f"{serial(t, 6)}",
            "amt": DE.magnitude(t.amount),
            "sign": "Χ" if t.amount < 0 else "Π",
        }

    columns = [
        Column("n", "Α/Α", "r"),
        Column("date", "Ημερομηνία"),
        Column("desc", "Αιτιολογία", wrap=True, truth=DESC),
        Column("branch", "Κατάστημα"),
        Column("value", "Τοκισμός από"),
        Column("id", "Αρ. συναλλαγής"),
        Column("amt", "Ποσό", "r"),
        Column("sign", "Πρόσημο\nποσού", "c"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none", "grid")), (140, 220))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells, balance=lambda t: False))
    _alpha_totals(flow, acc)


def _alpha_totals(flow: Flow, acc: Account) -> None:
    figures(
        flow,
        [
            ("Υπόλοιπο έναρξης", _money(acc.opening)),
            ("Σύνολο χρεώσεων (Χ)", DE.magnitude(acc.total_debits)),
            ("Σύνολο πιστώσεων (Π)", DE.magnitude(acc.total_credits)),
            ("Υπόλοιπο λήξης", _money(acc.closing)),
        ],
        0.45,
    )


def _eurobank(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": _short(t.day),
            "value": _short(t.value_day),
            "desc": "\n".join(_lines(t)),
            "amt": _money(t.amount),
            "bal": _money(t.balance),
        }

    columns = [
        Column("date", "ΗΜ/ΝΙΑ\nΚΙΝΗΣΗΣ"),
        Column("value", "ΗΜ/ΝΙΑ\nΑΞΙΑΣ"),
        Column("desc", "ΠΕΡΙΓΡΑΦΗ", wrap=True, truth=DESC),
        Column("amt", "ΠΟΣΟ", "r"),
        Column("bal", "ΥΠΟΛΟΙΠΟ", "r"),
    ]
    carry = Carry(
        carried=lambda b: {"desc": "ΣΕ ΜΕΤΑΦΟΡΑ", "bal": _money(b)},
        brought=lambda b: {"desc": "ΑΠΟ ΜΕΤΑΦΟΡΑ", "bal": _money(b)},
    )
    body = framed(
        {"date": _short(st.start), "desc": "ΥΠΟΛΟΙΠΟ ΑΠΟ ΜΕΤΑΦΟΡΑ", "bal": _money(acc.opening)},
        rows(acc, 0, log, cells),
        balance=acc.opening,
    )
    style = Style.vary(rng, rng.choice(("header", "rows")), (170, 260))
    LinedTable(flow, columns, style, carry).draw(body)
    for label, value in (
        ("ΑΡΙΘΜΟΣ ΛΟΓΑΡΙΑΣΜΟΥ:", f"0026.{digits(acc.txns[0], 4)}.{acc.masked[-8:-4]}"),
        ("IBAN:", acc.masked),
        ("ΔΙΚΑΙΟΥΧΟΣ:", st.holder.name),
        ("ΛΟΓΙΣΤΙΚΟ ΥΠΟΛΟΙΠΟ:", _money(acc.closing)),
        ("ΔΙΑΘΕΣΙΜΟ ΥΠΟΛΟΙΠΟ:", _money(acc.closing)),
    ):
        page_note(flow, f"{label} {value}", size=flow.spec.size, gray=0.0)


GR_TABLES = {"piraeus": _piraeus, "alpha": _alpha, "eurobank": _eurobank}


def gr_kinisi(rng: Random) -> Built:
    variant = rng.choice(sorted(GR_TABLES))
    mask = (
        f"GR{rng.randint(10, 99)} 0{rng.randint(110, 260)} {rng.randint(1000, 9999)} "
        f"{rng.randint(1000, 9999)} {{last4}} {rng.randint(100, 999)}"
    )
    pool = (*EVERYDAY, "card", "grocery")
    count_ = rng.randint(22, 46)
    plan = Plan("Λογαριασμός Όψεως", count_, (400, 4000), pool=pool, cheques=False, mask=mask)
    names = (rng.choice(GR_BANKS), GR_TOWNS, rng.choice(GR_HOLDERS))
    st = local_statement(rng, GREECE, names, [plan], period(rng), GR_STREETS)
    acc = st.accounts[0]
    span = f"{fmt_date(st.start, 'DD/MM/YYYY')} - {fmt_date(st.end, 'DD/MM/YYYY')}"
    details = [
        ("Δικαιούχος:", st.holder.name),
        ("IBAN:", acc.masked),
        ("Νόμισμα:", "EUR"),
        ("Περίοδος:", span),
    ]
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.0, 7.5)),
        ("ΚΑΤΑΣΤΑΣΗ ΚΙΝΗΣΗΣ ΛΟΓΑΡΙΑΣΜΟΥ", details),
        rng.choice(("Σελίδα {n} από {total}", "Σελ. {n}/{total}")),
        LEGAL,
        f"Κίνηση λογαριασμού {acc.masked}",
    )
    log = TruthLog()
    GR_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "gr_kinisi",
        "Greek account movements (Piraeus / Alpha / Eurobank style): Greek headers and "
        "upper-case Greek narrations, 1.234,56 amounts; rows newest first with a category, the "
        "description and its comments in columns of their own, signed Ποσό and the running "
        "Προοδευτικό Λογιστικό Υπόλοιπο; or unsigned amounts with a Χ / Π marker column, a "
        "value date titled Τοκισμός από and no balance column; or d/m/yyyy dates without "
        "padding, ΑΠΟ ΜΕΤΑΦΟΡΑ / ΣΕ ΜΕΤΑΦΟΡΑ rows at page breaks and the account details after "
        "the table",
        gr_kinisi,
    ),
)
