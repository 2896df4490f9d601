"""Narrations of the third split's western countries (tuned on since): Czechia, Hungary, Colombia.

A `|` marks where the bank starts a new line inside the description. For Czechia and Hungary the
templates give the counterparty and the payer's message (`name|message`): the layouts build the
bank's own line around them (ČSOB's Označení platby with the counter-account, OTP's
`VÁSÁRLÁS KÁRTYÁVAL, card, id, Tranzakció: date, merchant`). @-markers (see local_print.narrate)
take the transaction's own date.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

CZECHIA = Region(
    "cz",
    "CZK",
    Decimal(23),
    ("ALBERT", "LIDL", "BILLA", "TESCO", "ROHLIK.CZ", "ALZA.CZ", "ORLEN"),
    ("PRAHA", "BRNO", "OSTRAVA", "PLZEŇ", "LITVÍNOV", "OLOMOUC"),
    ("NOVÁK STAVBY s.r.o.", "ČESKÁ DATOVÁ a.s."),
    ("ČEZ Prodej, a.s.", "Pražská plynárenská", "O2 Czech Republic", "T-Mobile Czech"),
    ("Home Credit a.s.", "Cofidis s.a."),
    ("Jan Novák", "Petra Svobodová", "Tomáš Dvořák", "Lucie Černá", "Jiří Procházka"),
    ("Komerční banka", "Fio banka", "Air Bank", "MONETA"),
    "5168 82XX XXXX {last4}",
    {
        "salary": ("{employer}|Mzda @MM.YYYY",),
        "rent": ("{person}|Nájemné @MM.YYYY",),
        "utility": ("{utility}|Záloha @MM.YYYY",),
        "grocery": ("{merchant}|{city}",),
        "card": ("{merchant}|{city}",),
        "transfer_out": ("{person}|Platba", "{person}|Vrácení půjčky"),
        "transfer_in": ("{person}|Vrácení peněz", "{person}|Dárek"),
        "atm": ("{bank}|{city}",),
        "fee": ("Poplatek za vedení účtu", "Cena za výpis"),
        "interest": ("Úroky",),
        "refund": ("{merchant}|{city}",),
        "loan": ("{lender}|Splátka úvěru {loan}",),
    },
)

HUNGARY = Region(
    "hu",
    "HUF",
    Decimal(360),
    ("LIDL ÁRUHÁZ", "TESCO", "SPAR", "CBA PRÍMA", "ROSSMANN", "MOL", "GOOGLE *Google Play"),
    ("BUDAPEST", "DEBRECEN", "SZEGED", "PÉCS", "GYŐR", "MISKOLC"),
    ("DUNA INFORMATIKA KFT.", "ALFÖLD LOGISZTIKA ZRT."),
    ("MVM NEXT", "ELMŰ", "FŐTÁV", "TELEKOM", "VODAFONE"),
    ("OTP JELZÁLOGBANK", "COFIDIS"),
    ("KOVÁCS ANNA", "NAGY PÉTER", "TÓTH ESZTER", "SZABÓ GÁBOR", "HORVÁTH ZSÓFIA"),
    ("K&H", "ERSTE", "MBH", "RAIFFEISEN"),
    "402115XXXXXX{last4}",
    {
        "salary": ("{employer}|MUNKABÉR @MM.YYYY",),
        "rent": ("{person}|LAKBÉR @MM.YYYY",),
        "utility": ("{utility}|SZÁMLA {ref}",),
        "grocery": ("{merchant}|{city}",),
        "card": ("{merchant}|{city}",),
        "transfer_out": ("{person}|KÖLCSÖN", "{person}|AJÁNDÉK"),
        "transfer_in": ("{person}|VISSZAUTALÁS",),
        "atm": ("{bank} ATM|{city}",),
        "fee": ("SZÁMLAVEZETÉSI DÍJ", "OTPdirekt HAVIDÍJ*", "TRANZAKCIÓS ILLETÉK"),
        "interest": ("KAMAT",),
        "refund": ("{merchant}|{city}",),
        "loan": ("{lender}|TÖRLESZTÉS {loan}",),
    },
)

# Bancolombia's one-line upper-case descriptions (TRANSFERENCIA DESDE NEQUI, PAGO PSE ...).
COLOMBIA = Region(
    "co",
    "COP",
    Decimal(4000),
    ("EXITO", "D1", "ARA", "CARULLA", "RAPPI", "OLIMPICA", "JUMBO"),
    ("MEDELLIN", "BOGOTA", "CALI", "BARRANQUILLA", "BUCARAMANGA", "PEREIRA"),
    ("SERVICIOS ANDINOS SAS", "CONSTRUCTORA DEL VALLE SA"),
    ("EPM", "CODENSA", "GASES DE OCCIDENTE", "CLARO", "MOVISTAR", "ETB"),
    ("CREDIFAMILIA", "SUFI"),
    ("JUAN CARLOS RESTREPO", "MARIA CAMILA GOMEZ", "ANDRES FELIPE MEJIA", "LAURA OSPINA"),
    ("DAVIVIENDA", "BANCO DE BOGOTA", "BBVA", "NEQUI", "BANCO POPULAR"),
    "****{last4}",
    {
        "salary": ("PAGO DE NOMINA {employer}", "ABONO NOMINA {employer}"),
        "rent": ("TRANSFERENCIA A {person}",),
        "utility": ("PAGO PSE {utility}", "PAGO FACTURA {utility}"),
        "grocery": ("COMPRA EN {merchant}",),
        "card": ("COMPRA EN {merchant} {city}", "COMPRA INTL {merchant}"),
        "transfer_out": ("TRANSFERENCIA A {person}", "TRANSF A NEQUI {ref}"),
        "transfer_in": ("TRANSFERENCIA DESDE NEQUI", "TRANSFERENCIA DE {person}"),
        "atm": ("RETIRO CAJERO {city}",),
        "fee": ("CUOTA MANEJO TARJETA DEBITO", "COMISION TRANSFERENCIA"),
        "interest": ("ABONO INTERESES AHORROS",),
        "refund": ("REVERSION COMPRA {merchant}",),
        "loan": ("PAGO CREDITO {lender} {loan}",),
    },
)

# A savings cooperative's extract: long free-text narrations with the office and the document.
COLOMBIA_COOP = replace(
    COLOMBIA,
    templates={
        "salary": ("NOVEDAD NOMINA {employer} QUINCENA",),
        "rent": ("TRASLADO FONDOS A CUENTA {bank} PARA {person}",),
        "utility": ("PAGO SERVICIOS PUBLICOS {utility} REF {ref}",),
        "grocery": ("COMPRA TARJETA DEBITO {merchant} {city}",),
        "card": ("COMPRA TARJETA DEBITO {merchant} {city}",),
        "transfer_out": ("SOLICITUD TRASLADO FONDOS RAD_{ref} PARA CUENTA {bank}",),
        "transfer_in": ("CONSIGNACION EFECTIVO OFICINA {city}", "TRASLADO RECIBIDO DE {person}"),
        "atm": ("RETIRO CAJERO AUTOMATICO {city}",),
        "fee": ("CUOTA DE MANEJO", "APORTES SOCIALES MENSUALES"),
        "interest": ("REVALORIZACION DE APORTES", "ABONO INTERESES AHORRO"),
        "refund": ("REVERSO COMPRA {merchant}",),
        "loan": ("PAGO CUOTA CREDITO {loan}",),
    },
)
