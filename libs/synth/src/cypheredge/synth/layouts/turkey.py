"""Family from Turkey: the "hesap hareketleri" of Yapı Kredi and QNB's Enpara.

Held out in the second split; tuned on since that split was scored.

Yapı Kredi follows what public parsers look for in its PDF (the Yapı Kredi detector and line
parser in an accounting project's banking/pdfParserService, found by the header string
`TarihSaatİşlemKanalAçıklamaİşlem TutarıBakiye`): Müşteri Adı Soyadı, IBAN/Hesap No, Tarih
Aralığı dd/mm/yyyy - dd/mm/yyyy and Kullanılabilir Bakiye in the header; Tarih / Saat / İşlem /
Kanal / Açıklama / İşlem Tutarı / Bakiye with dd/mm/yyyy dates and hh:mm:ss times; amounts and
balances in 1.234,56 with a `TL` after each and a leading minus on debits; `1/3` page numbers;
`----BLOKE BAKİYESİ` lines after the list; rows that parsers re-sort by date (newest first).
Enpara follows chillmatin/enpara-transactions-parser (pkg/parser): its first print has Tarih
(dd.mm.yyyy) / Hareket Tipi (Gelen Transfer, Giden Transfer, Encard Harcaması, Para Çekme,
Masraf/Ücret, İptal/İade, Diğer) / Açıklama / İşlem Tutarı / Bakiye, with wrapped descriptions
(`1802326580 -MAVIS EV` over `YEMEKLERI ŞANLIURFA TR`); its second print a "HESAP HAREKETLERİNİN
DETAYI" section with dd/mm/yy dates, TARİH / AÇIKLAMA / TUTAR / BAKİYE, the type written into the
description before a comma (`Encard Harcaması, ...`, foreign spends with `49.04 USD, işlem kuru
33.130000 TL`) and the sign spaced off the amount (`- 120,75 TL`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from random import Random

from cypheredge.synth.formats import DE, fmt_date, signed
from cypheredge.synth.layouts.common import Built, Layout, period, rows, start, totals
from cypheredge.synth.layouts.local_kit import (
    LinedTable,
    clock,
    digits,
    local_statement,
    page_note,
    segments,
)
from cypheredge.synth.layouts.local_regions_world import TURKEY
from cypheredge.synth.ledger import Plan
from cypheredge.synth.model import Statement, TruthLog, Txn
from cypheredge.synth.render.blocks import heading
from cypheredge.synth.render.flow import DEJAVU, Flow, PageSpec
from cypheredge.synth.render.table import Column, Style

DESC = "description"
TR_BANKS = ("Boğaziçi Bankası A.Ş.", "Anadolu Kredi Bankası A.Ş.", "Ege Katılım Bankası A.Ş.")
TR_TOWNS = ("34394 Şişli / İSTANBUL", "06520 Çankaya / ANKARA", "35210 Konak / İZMİR")
TR_STREETS = ("Atatürk Cad. No:{n}", "Cumhuriyet Mah. {n}. Sok.", "İstiklal Cad. No:{n}")
TR_HOLDERS = ("AYŞE YILMAZ", "MEHMET KAYA", "ZEYNEP ŞAHİN", "EMRE ÇELİK")
# kind -> (Enpara's Hareket Tipi, Yapı Kredi's İşlem, Kanal)
TR_TYPES = {
    "salary": ("Gelen Transfer", "Maaş", "Diğer"),
    "transfer_in": ("Gelen Transfer", "Para Geldi", "İnternet - Mobil"),
    "transfer_out": ("Giden Transfer", "Para Gönder", "İnternet - Mobil"),
    "rent": ("Giden Transfer", "Para Gönder", "İnternet - Mobil"),
    "grocery": ("Encard Harcaması", "Kartlı İşlem", "POS"),
    "card": ("Encard Harcaması", "Kartlı İşlem", "POS"),
    "atm": ("Para Çekme", "Para Çek", "ATM"),
    "fee": ("Masraf/Ücret", "Masraf", "Şube"),
    "refund": ("İptal/İade", "İade", "POS"),
    "utility": ("Ödeme", "Fatura Ödeme", "İnternet - Mobil"),
    "loan": ("Ödeme", "Kredi Ödeme", "Şube"),
}
OTHER = ("Diğer", "Diğer", "Diğer")


def _lira(value: Decimal) -> str:
    return f"{signed(DE, value)} TL"


def _yk_table(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]
    newest = replace(acc, txns=acc.txns[::-1]) if rng.random() < 0.6 else acc

    def cells(t: Txn) -> dict[str, str]:
        _, kind, channel = TR_TYPES.get(t.kind, OTHER)
        return {
            "date": fmt_date(t.day, "DD/MM/YYYY"),
            "time": f"{clock(t)}:{int(digits(t, 2)) % 60:02d}",
            "kind": kind,
            "channel": channel,
            "desc": " ".join(segments(t)),
            "amt": _lira(t.amount),
            "bal": _lira(t.balance),
        }

    columns = [
        Column("date", "Tarih"),
        Column("time", "Saat"),
        Column("kind", "İşlem"),
        Column("channel", "Kanal"),
        Column("desc", "Açıklama", wrap=True, truth=DESC),
        Column("amt", "İşlem Tutarı", "r"),
        Column("bal", "Bakiye", "r"),
    ]
    style = Style.vary(rng, rng.choice(("rows", "none")), (150, 230))
    LinedTable(flow, columns, style).draw(rows(newest, 0, log, cells))
    flow.y -= flow.spec.size
    page_note(flow, "----BLOKE BAKİYESİ----", gray=0.0)
    page_note(flow, f"Bloke Tutarı: 0,00 TL   Kullanılabilir Bakiye: {_lira(acc.closing)}")
    page_note(flow, "----Diğer Bekleyen İşlemler----", gray=0.0)


def _enpara_table(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        return {
            "date": fmt_date(t.day, "DD.MM.YYYY"),
            "kind": TR_TYPES.get(t.kind, OTHER)[0],
            "desc": "\n".join(segments(t)),
            "amt": _lira(t.amount),
            "bal": _lira(t.balance),
        }

    columns = [
        Column("date", "Tarih"),
        Column("kind", "Hareket Tipi"),
        Column("desc", "Açıklama", wrap=True, truth=DESC),
        Column("amt", "İşlem Tutarı", "r"),
        Column("bal", "Bakiye", "r"),
    ]
    style = Style.vary(rng, rng.choice(("header", "rows")), (110, 180))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


def _foreign(t: Txn) -> str:
    """A card spend abroad: the charged lira, converted back at a rate printed beside it."""
    rate = Decimal(30) + Decimal(int(digits(t, 4))) / 1000
    dollars = (abs(t.amount) / rate).quantize(Decimal("0.01"))
    return f", {dollars} USD, işlem kuru {rate:.6f} TL"


def _detail_table(flow: Flow, rng: Random, st: Statement, log: TruthLog) -> None:
    acc = st.accounts[0]

    def cells(t: Txn) -> dict[str, str]:
        kind, text = TR_TYPES.get(t.kind, OTHER)[0], " ".join(segments(t))
        abroad = t.kind == "card" and int(digits(t, 1)) < 3
        sign = "-" if t.amount < 0 else "+"
        return {
            "date": fmt_date(t.day, "DD/MM/YY"),
            "desc": f"{kind}, {text}{_foreign(t) if abroad else ''}",
            "amt": f"{sign} {DE.magnitude(t.amount)} TL",
            "bal": _lira(t.balance),
        }

    heading(flow, "VADESİZ TL HESAP HAREKETLERİNİN DETAYI")
    columns = [
        Column("date", "TARİH"),
        Column("desc", "AÇIKLAMA", wrap=True, truth=DESC),
        Column("amt", "TUTAR", "r"),
        Column("bal", "BAKİYE", "r"),
    ]
    style = Style.vary(rng, rng.choice(("none", "header")), (200, 300))
    LinedTable(flow, columns, style).draw(rows(acc, 0, log, cells))


TR_TABLES = {"yapikredi": _yk_table, "enpara": _enpara_table, "detay": _detail_table}


def tr_hesap(rng: Random) -> Built:
    variant, bank = rng.choice(sorted(TR_TABLES)), rng.choice(TR_BANKS)
    check, branch, tail = rng.randint(10, 99), rng.randint(10, 99), rng.randint(10, 99)
    iban = f"TR{check} 0006 7010 0000 00{branch} {{last4}} {tail}"
    plan = Plan("Vadesiz TL Hesap", rng.randint(20, 56), (200, 2500), cheques=False, mask=iban)
    names = (bank, TR_TOWNS, rng.choice(TR_HOLDERS))
    st = local_statement(rng, TURKEY, names, [plan], period(rng), TR_STREETS)
    acc = st.accounts[0]
    day = "DD/MM/YYYY" if variant == "yapikredi" else "DD.MM.YYYY"
    span = f"{fmt_date(st.start, day)} - {fmt_date(st.end, day)}"
    details = [
        ("Müşteri Adı Soyadı:" if variant == "yapikredi" else "Ad Soyad", st.holder.name),
        ("IBAN/Hesap No:" if variant == "yapikredi" else "IBAN", acc.masked),
        ("Tarih Aralığı:", span),
        ("Para Birimi", "TL"),
    ]
    mersis = f"Mersis No: 0{rng.randint(10**14, 10**15 - 1)}"
    flow = start(
        rng,
        st,
        PageSpec.vary(rng, fonts=(DEJAVU,), size=(6.5, 8.0)),
        ("HESAP HAREKETLERİ", details),
        "{n}/{total}" if variant == "yapikredi" else "Sayfa {n} / {total}",
        f"{bank} {mersis} · Ticaret Sicil No: {rng.randint(10**4, 10**5)}",
        f"Hesap Hareketleri {acc.masked}",
    )
    if variant != "yapikredi":
        labels = ("Dönem Başı Bakiye", "Toplam Gelen", "Toplam Giden", "Dönem Sonu Bakiye")
        totals(flow, acc, "HESAP ÖZETİ", labels, _lira, 0.45)
    log = TruthLog()
    TR_TABLES[variant](flow, rng, st, log)
    return Built(flow, st, log, DE)


LAYOUTS = (
    Layout(
        "tr_hesap",
        "Turkish hesap hareketleri (Yapı Kredi / Enpara style): Turkish diacritics (İ ı ş ğ) in "
        "the text layer, 1.234,56 TL on every amount and balance, Tarih / Saat / İşlem / Kanal "
        "columns before Açıklama, rows newest first, BLOKE BAKİYESİ lines; or a Hareket Tipi "
        "column; or the type written into the description before a comma, foreign spends with "
        "a USD amount and rate inside, dd/mm/yy dates and the sign spaced off (- 120,75 TL)",
        tr_hesap,
    ),
)
