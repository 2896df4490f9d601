"""Narrations of Turkey, Norway, Sweden and Chile (the second held-out split, tuned on since).

A `|` marks where the bank starts a new line inside the description; @-markers (see
local_print.narrate) take the transaction's own date and amount.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

TURKEY = Region(
    "tr",
    "TRY",
    Decimal("32.7"),
    ("MİGROS", "A101 YENİ MAĞAZACILIK", "BİM BİRLEŞİK", "CARREFOURSA", "TRENDYOL", "GETİR"),
    ("İSTANBUL", "ANKARA", "İZMİR", "BURSA", "ANTALYA", "ŞANLIURFA"),
    ("ANADOLU YAZILIM A.Ş.", "EGE TEKSTİL SAN. TİC. LTD. ŞTİ."),
    ("İGDAŞ", "ENERJİSA", "İSKİ", "TÜRK TELEKOM", "TURKCELL"),
    ("İHTİYAÇ KREDİSİ", "TAŞIT KREDİSİ"),
    ("AYŞE YILMAZ", "MEHMET KAYA", "ZEYNEP ŞAHİN", "EMRE ÇELİK", "ELİF DOĞAN"),
    ("GARANTİ BBVA", "İŞ BANKASI", "ZİRAAT", "AKBANK"),
    "5400 61** **** {last4}",
    {
        "salary": ("{employer}|MAAŞ ÖDEMESİ {period}", "MAAŞ {employer}|REF:{ref}"),
        "rent": ("{person}|KİRA BEDELİ|TR46 0006 7010 0000 0{ref}",),
        "utility": ("FATURA ÖDEMESİ {utility}|ABONE NO {loan}", "OTOMATİK ÖDEME {utility}"),
        "grocery": ("{ref} -{merchant} {city} TR",),
        "card": ("{ref} -{merchant} {city} TR", "WEBPOS SATIŞ IYZICO/{merchant} {city} TR"),
        "transfer_out": ("{person}|FAST ile gönderilen|Sorgu No {ref}", "{person}|EFT {ref}"),
        "transfer_in": ("{person}|FAST ile gelen|Sorgu No {ref}", "{person} hesabından havale"),
        "atm": ("{bank} ATM {city}|PARA ÇEKME",),
        "fee": ("HESAP İŞLETİM ÜCRETİ", "EFT ÜCRETİ BSMV DAHİL"),
        "interest": ("VADESİZ FAİZ GETİRİSİ",),
        "refund": ("İADE {merchant} {city} TR",),
        "loan": ("KREDİ TAKSİT ÖDEMESİ|{lender} {loan}",),
    },
)

NORWAY = Region(
    "no",
    "NOK",
    Decimal("10.7"),
    ("REMA 1000", "KIWI 505", "COOP EXTRA", "MENY", "NARVESEN", "VINMONOPOLET"),
    ("MAJORSTUA", "SKØYEN", "GRÜNERLØKKA", "BERGEN", "TRONDHEIM", "STAVANGER"),
    ("Fjord Teknologi AS", "Nordlys Bygg AS"),
    ("Hafslund Strøm AS", "Telenor Norge AS", "Oslo kommune", "Fjordkraft AS"),
    ("Lånekassen", "Santander Consumer Bank AS"),
    ("Ola Nordmann", "Kari Hansen", "Lars Johansen", "Ingrid Berg"),
    ("DNB", "Nordea", "SpareBank 1"),
    "*{last4}",
    {
        "salary": ("Lønn|Fra: {employer}|Betalt: @DD.MM.YY", "Overføring Innland|{employer}"),
        "rent": ("Nettbank til: {person}|Husleie|Betalt: @DD.MM.YY",),
        "utility": ("Avtalegiro|{utility}|KID {ref}", "eFaktura {utility}|KID {ref}"),
        "grocery": ("Varer @DD.MM {merchant}",),
        "card": ("Visa {card} @DD.MM NOK @AMT|{merchant} {city}|Kurs: 1,0000", "Vipps*{merchant}"),
        "transfer_out": ("Vipps*{person}", "Nettbank til: {person}|Betalt: @DD.MM.YY"),
        "transfer_in": ("Vipps*{person}", "Nettbank fra: {person}|Betalt: @DD.MM.YY"),
        "atm": ("Kontantuttak {bank} Minibank|{city}",),
        "fee": ("Gebyr Visa Debet", "Kontohold"),
        "interest": ("Kreditrenter",),
        "refund": ("Tilbakeføring {merchant}",),
        "loan": ("Avdrag lån {loan}|{lender}",),
    },
)

SWEDEN = Region(
    "se",
    "SEK",
    Decimal("10.9"),
    ("ICA SUPERMARKET", "COOP KONSUM", "SYNSAM", "SYSTEMBOLAGET", "PRESSBYRAN", "WILLYS"),
    ("STOCKHOLM", "GÖTEBORG", "MALMÖ", "UPPSALA", "VÄSTERÅS", "ÖREBRO"),
    ("NORRSKEN DATA AB", "VÄSTKUST BYGG AB"),
    ("VATTENFALL", "TELIA", "ELLEVIO", "FORTUM"),
    ("CSN", "SBAB"),
    ("ANNA ANDERSSON", "ERIK JOHANSSON", "MARIA KARLSSON", "JOHAN NILSSON"),
    ("SEB", "SWEDBANK", "HANDELSBANKEN", "NORDEA"),
    "*{last4}",
    {
        "salary": ("LÖN {employer}", "INSÄTTNING LÖN|{employer}"),
        "rent": ("BANKGIRO {person}|HYRA {period}", "ÖVERFÖRING HYRA {person}"),
        "utility": ("AUTOGIRO {utility}", "BG {utility} OCR {ref}"),
        "grocery": ("{merchant}/@YY-MM-DD", "KORTKÖP @YYMMDD {merchant}"),
        "card": ("{merchant}/@YY-MM-DD", "KORTKÖP @YYMMDD {merchant} {city}"),
        "transfer_out": ("SWISH BETALNING {person}|{ref}", "ÖVERFÖRING {person}"),
        "transfer_in": ("SWISH INBETALNING {person}", "INSÄTTNING {person}"),
        "atm": ("UTTAG BANKOMAT {city}|@YYMMDD",),
        "fee": ("PRIS BANKKORT", "MÅNADSAVGIFT"),
        "interest": ("RÄNTA",),
        "refund": ("ÅTERBETALNING {merchant}",),
        "loan": ("AMORTERING LÅN {loan}",),
    },
)

# Banco de Chile's upper-case details (TRASPASO A:, PAGO EN, DEP.CHEQ.OTROS BANCOS).
CHILE = Region(
    "cl",
    "CLP",
    Decimal(900),
    ("LIDER EXPRESS", "JUMBO", "UNIMARC", "SANTA ISABEL", "FALABELLA", "COPEC"),
    ("SANTIAGO", "PROVIDENCIA", "LAS CONDES", "ÑUÑOA", "VALPARAISO", "CONCEPCION"),
    ("INVERSIONES ANDES SPA", "CONSTRUCTORA SUR LTDA"),
    ("ENEL DISTRIBUCION", "AGUAS ANDINAS", "METROGAS", "ENTEL", "MOVISTAR"),
    ("CREDITO CONSUMO", "CAJA LOS ANDES"),
    ("JUAN PEREZ SOTO", "MARIA GONZALEZ", "CAMILA ROJAS", "DIEGO MUÑOZ"),
    ("BANCO ESTADO", "SANTANDER", "BCI", "SCOTIABANK"),
    "****{last4}",
    {
        "salary": ("TRASPASO DE:{employer}", "PAGO:REMUNERACIONES 0{ref}"),
        "rent": ("TRASPASO A:{person}",),
        "utility": ("PAGO EN {utility}", "PAGO AUTOMATICO {utility}"),
        "grocery": ("PAGO EN {merchant}",),
        "card": ("PAGO EN {merchant} {city}", "PAGO EN SII.CL*"),
        "transfer_out": ("TRASPASO A:{person}",),
        "transfer_in": ("TRASPASO DE:{person}", "PAGO:PROVEEDORES 0{ref}"),
        "atm": ("GIRO CAJERO AUTOMATICO {city}",),
        "fee": ("COMISION MANTENCION PLAN", "IMPUESTO TIMBRES"),
        "interest": ("ABONO INTERESES",),
        "refund": ("PAGO:Devolucion 0{ref}", "REVERSO COMPRA {merchant}"),
        "loan": ("PAGO {lender} {loan}",),
        "cheque_in": ("DEP.CHEQ.OTROS BANCOS",),
        "cheque_return": ("CHEQUE DEPOSITADO DEVUELTO",),
        "cheque_fee": ("COMISION CHEQUE PROTESTADO",),
        "check": ("CHEQUE PAGADO",),
    },
)

# Santander Chile's sentence-case descriptions ("Transf a Angeles Hernandez").
CHILE_SANTANDER = replace(
    CHILE,
    templates={
        "salary": ("Transf de {employer}", "Abono Remuneraciones {employer}"),
        "rent": ("Transf a {person}",),
        "utility": ("Pago Automatico {utility}", "PAC {utility}"),
        "grocery": ("Compra Nacional {merchant}",),
        "card": ("Compra Nacional {merchant}", "Compra Internet {merchant}"),
        "transfer_out": ("Transf a {person}",),
        "transfer_in": ("Transf de {person}",),
        "atm": ("Giro ATM {city}",),
        "fee": ("Comision Administracion Cuenta", "Impuesto Timbres y Estampillas"),
        "interest": ("Abono Intereses",),
        "refund": ("Devolucion Compra {merchant}",),
        "loan": ("Pago Credito {loan}",),
        "cheque_in": ("Deposito Documentos Otros Bancos",),
        "cheque_return": ("Cheque Devuelto",),
        "cheque_fee": ("Comision Cheque Devuelto",),
        "check": ("Cheque Pagado",),
    },
)
