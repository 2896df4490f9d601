"""Narrations of the fourth split's southern countries (tuned on since): Egypt, Ghana and Peru.

A `|` marks where the bank starts a new line inside the description (NBE's transfer lines with
the beneficiary under them, GCB's card number under a POS purchase). Egyptian narrations are the
English these banks print on their English statements (InstaPay, Fawry, Meeza cards); Ghanaian
ones carry mobile money (MOMO) and GhIPSS Instant Pay (GIP) transfers; Peruvian ones are BCP's
short upper-case codes (TRAN.CTAS.TERC.BM, YAPE A ..., PAGO SERV.).
"""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

EGYPT = Region(
    "eg",
    "EGP",
    Decimal(20),
    ("CARREFOUR", "SPINNEYS", "HYPERONE", "TALABAT", "B.TECH", "SEOUDI MARKET", "UBER EGYPT"),
    ("CAIRO", "GIZA", "ALEXANDRIA", "NASR CITY", "MAADI", "NEW CAIRO"),
    ("NILE DELTA TRADING S.A.E", "PHAROS SOFTWARE S.A.E"),
    ("NORTH CAIRO ELECTRICITY", "TE DATA", "WE", "ORANGE EGYPT", "TOWN GAS"),
    ("VALU", "CONTACT CREDIT"),
    ("AHMED MOHAMED HASSAN", "MONA ADEL IBRAHIM", "KARIM SAMIR FAHMY", "NOURHAN ALI MAHMOUD"),
    ("CIB", "BANQUE MISR", "QNB", "BANQUE DU CAIRE", "HSBC EGYPT"),
    "5078 03** **** {last4}",
    {
        "salary": ("Payroll Transfer|{employer}", "SALARY CREDIT {employer}"),
        "rent": ("InstaPay Transfer To|{person}",),
        "utility": ("Bill Payment {utility}|Ref {ref}", "Fawry Payment|{utility} {ref}"),
        "grocery": ("POS Purchase {merchant} {city}|Card {card}",),
        "card": ("POS Purchase {merchant} {city}|Card {card}", "E-Commerce Purchase {merchant}"),
        "transfer_out": ("InstaPay Transfer To|{person}", "ACH Transfer To {bank}|{person}"),
        "transfer_in": ("InstaPay Transfer From|{person}", "Incoming Transfer {bank}|{person}"),
        "atm": ("ATM Cash Withdrawal {bank} {city}|Card {card}",),
        "fee": ("Account Maintenance Fees", "Card Annual Fees", "SMS Service Charges"),
        "interest": ("Credit Interest",),
        "refund": ("POS Refund {merchant}",),
        "loan": ("Loan Installment {loan}|{lender}",),
    },
)

GHANA = Region(
    "gh",
    "GHS",
    Decimal(5),
    ("MELCOM", "SHOPRITE", "MAX MART", "KOALA", "GOIL", "BOLT GH", "JUMIA GH"),
    ("ACCRA", "KUMASI", "TEMA", "TAKORADI", "TAMALE", "CAPE COAST"),
    ("VOLTA AGRO PROCESSING LTD", "ASHANTI LOGISTICS LTD"),
    ("ECG PREPAID", "GHANA WATER", "MTN GHANA", "TELECEL GHANA", "DSTV GHANA"),
    ("FIDELITY CONSUMER", "IZWE LOANS"),
    ("KWAME MENSAH", "AKOSUA BOATENG", "KOFI ASANTE", "ABENA OWUSU", "YAW DARKO"),
    ("GCB", "ECOBANK", "STANBIC", "ABSA GH", "FIDELITY", "CAL BANK"),
    "539983******{last4}",
    {
        "salary": ("SALARY PAYMENT {employer}",),
        "rent": ("GIP TRANSFER TO {person}|{bank}",),
        "utility": ("BILL PAYMENT {utility}|{ref}", "ECG POWER PURCHASE|METER {ref}"),
        "grocery": ("POS PURCHASE {merchant} {city}|{card}",),
        "card": ("POS PURCHASE {merchant} {city}|{card}", "WEB PURCHASE {merchant}|{card}"),
        "transfer_out": (
            "MOMO TRANSFER TO 024{ref:.7}|{person}",
            "GIP TRANSFER TO {person}|{bank}",
        ),
        "transfer_in": (
            "MOMO TO BANK 055{ref:.7}|{person}",
            "GIP TRANSFER FROM {person}|{bank}",
            "CASH DEPOSIT|{city}",
        ),
        "atm": ("ATM WITHDRAWAL {bank} {city}|{card}",),
        "fee": ("SMS ALERT CHARGES", "ACCOUNT MAINTENANCE FEE", "CARD MAINTENANCE FEE"),
        "interest": ("CREDIT INTEREST",),
        "refund": ("POS REVERSAL {merchant}",),
        "loan": ("LOAN REPAYMENT {lender}|{loan}",),
    },
)

PERU = Region(
    "pe",
    "PEN",
    Decimal("3.7"),
    ("PLAZA VEA", "TOTTUS", "WONG", "METRO", "RAPPI PERU", "INKAFARMA", "PRIMAX"),
    ("LIMA", "AREQUIPA", "TRUJILLO", "CUSCO", "PIURA", "MIRAFLORES"),
    ("ANDES MINERA SAC", "PACIFICO SOFTWARE SAC"),
    ("LUZ DEL SUR", "SEDAPAL", "ENEL", "MOVISTAR", "CLARO PERU", "CALIDDA"),
    ("CREDISCOTIA", "CAJA AREQUIPA"),
    ("JUAN QUISPE MAMANI", "ROSA FLORES HUAMAN", "CARLOS CHAVEZ RAMOS", "LUCIA TORRES VEGA"),
    ("INTERBANK", "BBVA", "SCOTIABANK", "BANBIF"),
    "455788******{last4}",
    {
        "salary": ("HABERES {employer}", "ABONO REMUNERACIONES"),
        "rent": ("TRAN.CTAS.TERC.BM {person}",),
        "utility": ("PAGO SERV. {utility}",),
        "grocery": ("COMPRA {merchant}",),
        "card": ("COMPRA {merchant}", "COMPRA INT. {merchant}"),
        "transfer_out": ("YAPE A {person}", "TRANSF.BCO.{bank}"),
        "transfer_in": ("YAPE DE {person}", "TRANSF.DE {bank}", "DEP.EFECTIVO"),
        "atm": ("RETIRO CAJERO {city}",),
        "fee": ("MANTENIMIENTO CUENTA", "COMISION TRANSF."),
        "interest": ("INTERESES GANADOS",),
        "refund": ("EXTORNO COMPRA {merchant}",),
        "loan": ("PAGO CREDITO {lender}",),
    },
)
