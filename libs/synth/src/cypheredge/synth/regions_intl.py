"""Spain, Nigeria, Kenya (M-PESA) and Indian public-sector banks: narrations as printed.

A " ¶ " in a template is a hard line break (see layouts.postings.lines): Spanish conceptos print
the counterparty on one line and the reference under it.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region
from cypheredge.synth.regions_world import INDIA

SPAIN = Region(
    "es",
    "EUR",
    Decimal(1),
    ("MERCADONA", "CARREFOUR EXPRESS", "EL CORTE INGLES", "LIDL SUPERMERCADOS", "DIA RETAIL"),
    ("MADRID", "BARCELONA", "VALENCIA", "SEVILLA", "BILBAO", "ZARAGOZA"),
    ("INDRA SISTEMAS SA", "TELEFONICA DE ESPANA SAU", "MAHOU SAN MIGUEL SL"),
    ("IBERDROLA CLIENTES SAU", "ENDESA ENERGIA SAU", "CANAL DE ISABEL II", "VODAFONE ESPANA SAU"),
    ("SANTANDER CONSUMER FINANCE", "CETELEM ESPANA"),
    ("MARIA GARCIA LOPEZ", "JAVIER MARTINEZ RUIZ", "LUCIA FERNANDEZ SANZ", "PABLO ROMERO GIL"),
    ("BBVA", "CAIXABANK", "SANTANDER", "SABADELL"),
    "*{last4}",
    {
        "salary": ("NOMINA ¶ {employer}", "TRANSFERENCIA DE {employer} ¶ CONCEPTO: NOMINA"),
        "rent": ("TRANSFERENCIA A FAVOR DE {person} ¶ CONCEPTO: ALQUILER VIVIENDA",),
        "utility": (
            "RECIBO {utility} ¶ Nº RECIBO {ref}",
            "ADEUDO DOMICILIADO {utility} ¶ REF. {ref}",
        ),
        "grocery": ("COMPRA TARJ. {card} {merchant} ¶ {city}", "PAGO MOVIL EN {merchant}, {city}"),
        "card": (
            "COMPRA INTERNET EN AMAZON EU SARL ¶ TARJ. :{card} REF. {ref}",
            "PAGO MOVIL EN {merchant}, {city}, TARJ. :{card}",
        ),
        "transfer_out": (
            "TRANSFERENCIA A FAVOR DE {person} ¶ CONCEPTO: {ref}",
            "BIZUM A FAVOR DE {person} ¶ CONCEPTO: CENA",
        ),
        "transfer_in": (
            "TRANSFERENCIA DE {person} ¶ CONCEPTO: {ref}",
            "BIZUM DE {person} ¶ CONCEPTO: REGALO",
        ),
        "atm": ("RETIRADA EFECTIVO CAJERO {bank} ¶ {city} TARJ. :{card}",),
        "fee": ("COMISION MANTENIMIENTO", "COMISION ADMINISTRACION ¶ LIQUIDACION PERIODICA"),
        "interest": ("LIQUIDACION INTERESES ¶ CUENTA A LA VISTA",),
        "refund": ("DEVOLUCION COMPRA {merchant} ¶ TARJ. :{card}",),
        "loan": ("CUOTA PRESTAMO {loan} ¶ {lender}",),
        "cheque_in": ("INGRESO CHEQUE {chq} ¶ {bank}",),
        "cheque_return": ("DEVOLUCION CHEQUE {chq} ¶ IMPAGADO",),
        "cheque_fee": ("COMISION DEVOLUCION CHEQUE {chq}",),
        "check": ("PAGO CHEQUE {chq}",),
    },
)

NIGERIA = Region(
    "ng",
    "NGN",
    Decimal(400),
    ("SHOPRITE LEKKI", "SPAR IKEJA CITY MALL", "CHICKEN REPUBLIC", "JUMIA NIGERIA", "BOLT.EU"),
    ("LAGOS", "ABUJA", "PORT HARCOURT", "IBADAN", "ENUGU"),
    ("DANGOTE CEMENT PLC", "MTN NIGERIA COMM PLC", "FLUTTERWAVE TECH"),
    ("IKEJA ELECTRIC", "DSTV MULTICHOICE", "SPECTRANET", "EKEDC PREPAID"),
    ("CARBON FINANCE", "RENMONEY MFB"),
    ("CHUKWUEMEKA OBI", "ADAEZE NWOSU", "OLUWASEUN ADEYEMI", "IBRAHIM MUSA", "FUNMI BALOGUN"),
    ("ACCESS BANK", "ZENITH BANK", "UBA", "FIRST BANK", "KUDA MFB", "OPAY"),
    "539983******{last4}",
    {
        "salary": (
            "NIP FRM {employer}-SALARY {period}",
            "TRANSFER FROM {employer} SALARY {period}",
        ),
        "rent": ("NIP TRANSFER TO {person}/{bank}/HOUSE RENT {period}",),
        "utility": ("QUICKTELLER PAYMENT {utility} REF:{ref}", "USSD *737* AIRTIME MTN {ref}"),
        "grocery": ("POS/WEB PURCHASE - {merchant} {city} NG {card}",),
        "card": ("POS PURCHASE @ {merchant} {city} LANG NG REF {ref}", "WEB PURCHASE {merchant}"),
        "transfer_out": ("NIP TRANSFER TO {person}/{bank}/{ref}", "USSD TRF TO {person} {ref}"),
        "transfer_in": ("NIP FRM {person}/{bank}-{ref}", "TRANSFER FROM {person} VIA {bank}"),
        "atm": ("ATM WDL @ {bank} ATM {city} {card}", "CASH WITHDRAWAL FROM OTHER BANK ATM"),
        "fee": ("SMS ALERT CHARGES FOR {period}", "ACCOUNT MAINTENANCE FEE {period}"),
        "interest": ("CREDIT INTEREST {period}",),
        "refund": ("REVERSAL - POS PURCHASE {merchant} {ref}",),
        "loan": ("LOAN REPAYMENT {lender} {loan}",),
        "cheque_in": ("CLEARING CHQ {chq} {bank}",),
        "cheque_return": ("RETURNED CHQ {chq} DAIF",),
        "cheque_fee": ("RETURNED CHEQUE CHARGE {chq}",),
        "check": ("CHQ {chq} PAID",),
    },
)

# Safaricom's Details column: masked phone numbers, paybill and till numbers with names.
KENYA = Region(
    "ke",
    "KES",
    Decimal(40),  # keeps salaries and transfers inside M-PESA's per-transaction limits
    (
        "905834 - NAIVAS SUPERMARKET WESTLANDS",
        "7608807 QUICKMART LTD",
        "512368 - JAVA HOUSE AFRICA",
        "881234 - CARREFOUR TRM",
    ),
    ("NAIROBI", "MOMBASA", "KISUMU"),
    ("504900 - NCBA BANK", "303030 - EQUITY BANK LTD", "247247 - SAFARICOM PLC"),
    ("888880 - KPLC PREPAID", "444400 - NAIROBI WATER", "320320 - ZUKU FIBER"),
    ("M-Shwari", "KCB M-PESA"),
    (
        "2547******512 JOHN KAMAU",
        "2547******827 MARY WANJIKU",
        "07******764 PETER OTIENO",
        "2541******390 GRACE AKINYI NJERI",
    ),
    ("376065 - MAMA PENDO SHOP NGONG ROAD", "220194 - KAMAU AGENCIES TOM MBOYA ST"),
    "{last4}",
    {
        "salary": (
            "Salary Payment from {employer} via API. Original conversation ID is {ref}",
            "Business Payment from {employer} via API.",
        ),
        "rent": ("Pay Bill Online to 522522 - KCB PAYBILL AC Acc. RENT{ref}",),
        "utility": ("Pay Bill to {utility} Acc. {ref}", "Airtime Purchase"),
        "grocery": ("Merchant Payment to {merchant}", "Merchant Payment Online to {merchant}"),
        "card": (
            "Merchant Payment to {merchant}",
            "Customer Payment to Small Business to - {person}",
        ),
        "transfer_out": ("Customer Transfer to - {person}",),
        "transfer_in": ("Funds received from - {person}", "Deposit of Funds at Agent Till {bank}"),
        "atm": ("Customer Withdrawal At Agent Till {bank}",),
        "fee": ("Airtime Purchase", "Customer Bundle Purchase to 826915 Safaricom Offers"),
        "interest": ("M-Shwari Withdraw",),
        "loan": ("M-Shwari Deposit", "Pay Bill Online to 200999 - {lender} Acc. {loan}"),
    },
)

# SBI and Axis narrations: TO TRANSFER / BY TRANSFER prefixes, slash-separated UPI fields.
INDIA_SBI = replace(
    INDIA,
    templates={
        **INDIA.templates,
        "salary": ("BY TRANSFER-NEFT*HDFC0000240*N{ref}*{employer}--",),
        "rent": ("TO TRANSFER-UPI/DR/{ref}/{person}/SBIN/rent@oksbi/Rent--",),
        "grocery": ("TO TRANSFER-UPI/DR/{ref}/{merchant}/YESB/paytmqr{ref}@paytm/UPI--",),
        "card": ("TO TRANSFER-UPI/DR/{ref}/{merchant}/HDFC/{ref}@hdfcbank/Payment fr--",),
        "transfer_out": ("TO TRANSFER-IMPS/{ref}/{person}/ICIC/Family--",),
        "transfer_in": ("BY TRANSFER-UPI/CR/{ref}/{person}/UTIB/{ref}@axl/Sent--",),
        "atm": ("ATM WDL-ATM CASH {ref} {bank} {city}",),
        "fee": ("DEBIT-ATMCard AMC {card} CLASSIC", "SMS CHARGES FOR {period}"),
        "interest": ("CREDIT INTEREST--",),
    },
)
