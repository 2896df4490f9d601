"""Each held-out family prints the conventions its docstring claims, across its variants.

Generator checks only (text layer and truth); the extractor is never run on these families.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from cypheredge.synth import generate
from cypheredge.synth.model import SyntheticStatement, Truth

SEEDS = range(12)
Texts = Callable[..., list[str]]


@cache
def _statement(layout: str, seed: int) -> SyntheticStatement:
    return generate(layout, seed)


def _texts(layout: str, page_texts: Texts) -> list[str]:
    """Each seed's whole text layer, whitespace runs (wrapped labels) as one space."""
    return [" ".join(" ".join(page_texts(_statement(layout, s).pdf)).split()) for s in SEEDS]


def _rows(layout: str) -> list[Truth]:
    return [r for s in SEEDS for r in _statement(layout, s).truth["transactions"]]


def test_indonesian_variants(page_texts: Texts) -> None:
    texts = _texts("id_rekening", page_texts)
    bca = [t for t in texts if "KETERANGAN" in t]
    assert bca
    assert all("SALDO AWAL" in t and "MUTASI CR" in t and "SALDO AKHIR" in t for t in bca)
    assert all(re.search(r"\d,\d{3}\.\d{2} DB\b", t) for t in bca)
    assert any("Bersambung ke halaman berikut" in t for t in bca)
    months = (
        "JANUARI|FEBRUARI|MARET|APRIL|MEI|JUNI|JULI|AGUSTUS|SEPTEMBER|OKTOBER|NOVEMBER|DESEMBER"
    )
    assert all(re.search(rf"PERIODE ({months}) 20\d\d", t) for t in bca)
    assert any(
        "Keterangan Remarks" in t and re.search(r"[+-]\d{1,3}(\.\d{3})+,\d{2}", t) for t in texts
    )
    assert any("Uraian Transaksi" in t and "Teller" in t for t in texts)
    assert any(r["balance"] is None for r in _rows("id_rekening"))  # BCA: day-end balances
    assert any("TGL: " in r["description"] for r in _rows("id_rekening"))


def test_turkish_variants(page_texts: Texts) -> None:
    texts = _texts("tr_hesap", page_texts)
    assert all(re.search("[İıŞşĞğ]", t) for t in texts)
    assert all(re.search(r"\d{1,3}(\.\d{3})*,\d{2} TL", t) for t in texts)
    assert any("Kanal" in t and "BLOKE BAKİYESİ" in t for t in texts)
    assert any("Hareket Tipi" in t for t in texts)
    assert any("HAREKETLERİNİN DETAYI" in t and re.search(r"[-+] \d", t) for t in texts)
    rows = _rows("tr_hesap")
    assert any(r["description"].startswith("Encard Harcaması, ") for r in rows)
    assert any(" USD, işlem kuru " in r["description"] for r in rows)
    newest_first = [
        s
        for s in SEEDS
        if (rows := _statement("tr_hesap", s).truth["transactions"])
        and rows[0]["date"] > rows[-1]["date"]
    ]
    assert newest_first


def test_nordic_variants(page_texts: Texts) -> None:
    texts = _texts("nordic_konto", page_texts)
    assert all(re.search(r"\d \d{3},\d{2}", t) for t in texts)
    dnb = [t for t in texts if "Rentedato" in t]
    assert dnb
    assert all("Inn på konto" in t and "Saldo fra kontoutskrift" in t for t in dnb)
    assert any("Verifikationsnummer" in t and "Ingående saldo" in t for t in texts)
    assert any("Transaktionsdag" in t and "Bokfört saldo" in t for t in texts)
    rows = _rows("nordic_konto")
    assert any(re.search(r"Visa \*\d{4} \d{2}\.\d{2} NOK \d", r["description"]) for r in rows)


def test_japanese_variants(page_texts: Texts) -> None:
    texts = _texts("jp_yen", page_texts)
    assert all("JPY" in t and re.search(r"\d{4}[/.]\d{2}[/.]\d{2}", t) for t in texts)
    assert not any(re.search(r"\d,\d{3}\.\d{2}\b", t) for t in texts)  # yen has no decimals
    assert any("Value Date" in t and "Balance Brought Forward" in t for t in texts)
    assert any("Withdrawals (Yen)" in t and "\u00a5" in t for t in texts)
    assert any("Balance after (JPY)" in t for t in texts)
    assert any("FURIKOMI" in r["description"] for r in _rows("jp_yen"))


def test_chilean_variants(page_texts: Texts) -> None:
    texts = _texts("cl_cartola", page_texts)
    assert all(re.search(r"\d{1,3}\.\d{3}\.\d{3}\b", t) for t in texts)
    assert all("CARTOLA" in t for t in texts)
    chile = [t for t in texts if "DETALLE DE TRANSACCION" in t]
    assert chile
    assert all("SALDO INICIAL" in t and "DESDE :" in t and "RETENCION" in t for t in chile)
    assert any("N° DOCUMENTO" in t and "Otros Abonos" in t for t in texts)
    rows = _rows("cl_cartola")
    assert any(r["balance"] is None for r in rows)
    assert any(r["description"] in ("CHEQUE DEPOSITADO DEVUELTO", "Cheque Devuelto") for r in rows)


def test_vietnamese_variants(page_texts: Texts) -> None:
    texts = _texts("vn_saoke", page_texts)
    assert all("ACCOUNT STATEMENT" in t and "VND" in t for t in texts)
    assert any("Transactions in detail" in t and "Total Volume" in t for t in texts)
    assert any(re.search(r"\d{1,3}\.\d{3}\.\d{3}\b", t) and "Ending balance" in t for t in texts)
    assert any("Txn. Description" in t and "Teller ID" in t for t in texts)
    rows = _rows("vn_saoke")
    assert any(r["description"].startswith("MBVCB.") for r in rows)
    assert any(re.search(r"\d{4}\.\d{5}", t) for t in texts)  # the document number under a date


def test_korean_variants(page_texts: Texts) -> None:
    texts = _texts("kr_won", page_texts)
    assert all("KRW" in t and " ~ " in t for t in texts)
    assert not any(re.search(r"\d,\d{3}\.\d{2}\b", t) for t in texts)  # won has no decimals
    assert any(re.search(r"\d{4}\.\d{2}\.\d{2} \d{2}:\d{2}", t) and "Summary" in t for t in texts)
    assert any(re.search(r"\d{4}-\d{2}- \d{2} \d{2}:\d{2}:\d{2}", t) for t in texts)  # KB's wrap
    assert any("Balance after" in t and "Withdrawal" in t for t in texts)
    rows = _rows("kr_won")
    assert any(r["balance"] is not None and r["balance"].startswith("-") for r in rows)
