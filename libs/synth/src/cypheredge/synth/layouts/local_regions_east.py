"""Narrations of the third split's eastern countries (held out, tuned on since it was scored):
Thailand, Pakistan, Saudi Arabia and Hong Kong.

A `|` marks where the bank starts a new line inside the description; @-markers (see
local_print.narrate) take the transaction's own date and its amount as the bank writes it inside
a narration (HBL's `2600.00` in a card line). Thai, Arabic and Chinese narrations are printed in
the English these banks use on their English statements: the embedded font has no Thai or CJK
glyphs and no Arabic outside the presentation forms used for column labels.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

# KBank's English print: the first segment is the Descriptions column (the transaction type), the
# rest its Details (`To SCB X5247 MR. SOMCHAI J++`, `Paid for Ref X1234 ...`).
THAILAND = Region(
    "th",
    "THB",
    Decimal("35.5"),
    ("7-ELEVEN", "LOTUS'S", "BIG C SUPERCENTER", "TOPS MARKET", "GRAB*FOOD", "LINE MAN"),
    ("BANGKOK", "CHIANG MAI", "KHON KAEN", "PHUKET", "UDON THANI", "NONTHABURI"),
    ("SIAM LOGISTICS CO., LTD.", "CHAO PHRAYA FOODS PCL"),
    ("MEA", "PWA", "TRUE MOVE H", "AIS", "3BB BROADBAND"),
    ("KTC", "AEON THANA SINSAP"),
    ("MR. SOMCHAI JAIDEE", "MS. SUDA RAKTHAI", "MRS. PRANEE SUKSAN", "MR. ANAN WONGSA"),
    ("SCB", "KTB", "BBL", "BAY", "TTB", "GSB"),
    "4097 XXXX XXXX {last4}",
    {
        "salary": ("Transfer Deposit|From {bank} X{ref:.4} {employer}++", "Payroll|{employer}"),
        "rent": ("Transfer Withdrawal|To {bank} X{ref:.4} {person}++",),
        "utility": ("Payment|Paid for Ref X{ref:.4} {utility}", "Direct Debit|{utility} {ref}"),
        "grocery": ("Payment|Paid for Ref X{ref:.4} {merchant}",),
        "card": (
            "Debit Card Spending|{merchant} {city}",
            "Payment|Paid for Ref X{ref:.4} {merchant}",
        ),
        "transfer_out": (
            "Transfer Withdrawal|To {bank} X{ref:.4} {person}++",
            "Transfer Withdrawal|To PromptPay X{ref:.4} {person}++",
        ),
        "transfer_in": ("Transfer Deposit|From {bank} X{ref:.4} {person}++",),
        "atm": ("Cash Withdrawal|ATM {city}",),
        "fee": ("Annual Debit Card Fee", "Fee|Transfer Fee"),
        "interest": ("Interest",),
        "refund": ("Refund|{merchant}",),
        "loan": ("Payment|Paid for Ref X{ref:.4} {lender}",),
    },
)

# HBL's account activity: narrations over three or four lines, a card line carrying the card
# number, the date, the amount without grouping and the merchant (fixture in iumer/Uzee).
PAKISTAN_HBL = Region(
    "pk",
    "PKR",
    Decimal(280),
    ("FOOD PANDA", "IMTIAZ SUPER MARKET", "CARREFOUR", "DARAZ PK", "KFC", "CHASE UP"),
    ("KARACHI", "LAHORE", "ISLAMABAD", "RAWALPINDI", "FAISALABAD", "MULTAN"),
    ("INDUS TEXTILE MILLS LTD", "CRESCENT SOFTWARE PVT LTD"),
    ("K-ELECTRIC", "SSGC", "LESCO", "PTCL", "JAZZ", "SNGPL"),
    ("BANK ALFALAH AUTO", "MEEZAN CAR IJARAH"),
    ("SARA KHAN", "ALI RAZA", "BILAL AHMED", "AYESHA KHAN", "USMAN TARIQ"),
    ("MEEZAN BANK LTD", "UBL", "ALLIED BANK", "BANK ALFALAH", "MCB BANK"),
    "4{last4}21+++++{last4}",
    {
        "salary": ("Funds Transfer {ref}{ref:.7} FRM|{employer} SALARY",),
        "rent": ("Funds Transfer SM{ref}A0 TO|{person} IBAN XXXX-{ref:.4} Thru|Raast",),
        "utility": ("Bill Payment {utility}|Consumer No 0{ref}", "{utility} Bill|Ref {ref}"),
        "grocery": ("Debit Card/POS {ref}{ref:.3}|{card} @DD/MM PKR|@AMT {merchant}|{city}",),
        "card": (
            "Debit Card/POS {ref}{ref:.3}|{card} @DD/MM PKR|@AMT {merchant}|{city}",
            "Online Purchase {ref}|{merchant}",
        ),
        "transfer_out": (
            "Funds Transfer SM{ref}A0 TO|{person} IBAN XXXX-{ref:.4} Thru|Raast",
            "IBFT {ref} TO|{person} {bank}",
        ),
        "transfer_in": ("Funds Transfer {ref}{ref:.7} FRM|{person}", "Raast Credit {ref}|{person}"),
        "atm": ("ATM Cash Paid {ref}{ref:.7}|{city}",),
        "fee": ("SMS Alert Charges", "Withholding Tax 236P", "Excise Duty on Charges"),
        "interest": ("Profit Credit",),
        "refund": ("Debit Card Reversal {ref}|{merchant}",),
        "loan": ("Loan Installment {loan}|{lender}",),
        "cheque_in": ("Clearing Cheque Deposit {chq}|{bank}",),
        "cheque_return": ("Inward Return Cheque {chq}|Insufficient Funds",),
        "cheque_fee": ("Cheque Return Charges {chq}",),
        "check": ("Cheque Paid {chq}",),
    },
)

# MCB's dash-separated narrations: `IBFT SENDING-... - NAME - ACCOUNT - BANK - Originator : -`.
PAKISTAN_MCB = replace(
    PAKISTAN_HBL,
    templates={
        "salary": ("SALARY CREDIT - {employer} - - Originator : - -",),
        "rent": ("IBFT SENDING-MOBILE LIVE - {person} - {ref}{ref:.5} - {bank} - Originator : -",),
        "utility": ("BILL PAYMENT - {utility} - 0{ref} - Originator : -",),
        "grocery": ("POS PURCHASE - {merchant} {city} - {card}",),
        "card": ("POS PURCHASE - {merchant} {city} - {card}", "E-COMMERCE - {merchant} - {ref}"),
        "transfer_out": (
            "IBFT SENDING-MOBILE LIVE - {person} - {ref}{ref:.5} - {bank} - Originator : -",
            "RAAST SENDING - {person} - {bank} - Originator : -",
        ),
        "transfer_in": ("INTERBANK FUNDS RECEIVING - - {bank} - Originator : - {person}",),
        "atm": ("ATM CASH WITHDRAWAL - {city} - {card}",),
        "fee": ("IBFT SENDING FEE-MOBILE LIVE - - - - Originator : - -", "SMS ALERT CHARGES"),
        "interest": ("PROFIT CREDIT",),
        "refund": ("POS REVERSAL - {merchant}",),
        "loan": ("LOAN INSTALMENT - {lender} - {loan}",),
        "cheque_in": ("CLEARING CHEQUE DEPOSIT - {chq} - {bank}",),
        "cheque_return": ("INWARD CLEARING RETURN - {chq} - INSUFFICIENT FUNDS",),
        "cheque_fee": ("CHEQUE RETURN CHARGES - {chq}",),
        "check": ("CHEQUE PAID - {chq}",),
    },
)

# Meezan's app statement: a short first line and the party with its STAN on the next lines.
PAKISTAN_MEEZAN = replace(
    PAKISTAN_HBL,
    templates={
        "salary": ("Salary Credit|{employer}",),
        "rent": ("Money Transferred to|{person} {bank}",),
        "utility": ("Bill Payment|{utility} STAN({ref:.6})",),
        "grocery": ("POS Purchase|{merchant} {city}",),
        "card": ("POS Purchase|{merchant} {city}", "Online Purchase|{merchant} STAN({ref:.6})"),
        "transfer_out": ("Money Transferred to|{person} {bank}",),
        "transfer_in": ("Money Received from|{person} {bank}|XXXX{ref} STAN({ref:.6})",),
        "atm": ("ATM Cash Withdrawal|{city} STAN({ref:.6})",),
        "fee": ("Charges Taxes Plus|FED STAN({ref:.6})",),
        "interest": ("Profit Payout",),
        "refund": ("POS Reversal|{merchant}",),
        "loan": ("Ijarah Rental|{lender}",),
        "cheque_in": ("Cheque Deposit|{chq} {bank}",),
        "cheque_return": ("Cheque Returned|{chq}",),
        "cheque_fee": ("Cheque Return Charges|{chq}",),
        "check": ("Cheque Paid|{chq}",),
    },
)

# English narrations of SNB, Al Rajhi and Alinma: the type first, then the party or merchant, as
# SAMA's statement rules ask (channel and city, reference, type of transaction).
SAUDI = Region(
    "sa",
    "SAR",
    Decimal("3.75"),
    ("PANDA", "TAMIMI MARKETS", "JARIR BOOKSTORE", "HUNGERSTATION", "NAHDI PHARMACY", "EXTRA"),
    ("RIYADH", "JEDDAH", "DAMMAM", "KHOBAR", "MAKKAH", "MADINAH"),
    ("ALWAHA CONTRACTING CO", "NAJD TRADING EST"),
    ("SAUDI ELECTRICITY CO", "NATIONAL WATER CO", "STC", "MOBILY", "ZAIN KSA"),
    ("ABDUL LATIF JAMEEL", "TAMWEEL ALOULA"),
    ("MOHAMMED ALQAHTANI", "ABDULLAH ALOTAIBI", "NOURA ALHARBI", "FAISAL ALSHEHRI"),
    ("AL RAJHI BANK", "SNB", "RIYAD BANK", "ALINMA BANK", "SAB"),
    "4847 33** **** {last4}",
    {
        "salary": ("Payroll Deposit|{employer}",),
        "rent": ("Outgoing Transfer|To {person} {bank}|Ref {ref}",),
        "utility": ("SADAD Payment|{utility} {ref}",),
        "grocery": ("POS Purchase mada|{merchant} {city}",),
        "card": ("POS Purchase mada|{merchant} {city}", "Apple Pay Purchase|{merchant}"),
        "transfer_out": (
            "Outgoing Transfer|To {person} {bank}|Ref {ref}",
            "Local Transfer SARIE|{person}",
        ),
        "transfer_in": ("Incoming Transfer|From {person} {bank}",),
        "atm": ("ATM Withdrawal|{bank} ATM {city}",),
        "fee": ("Transfer Fee|SARIE", "Card Replacement Fee", "Statement Fee"),
        "interest": ("Profit Distribution",),
        "refund": ("Purchase Refund|{merchant}",),
        "loan": ("Finance Installment|{lender} {loan}",),
        "cheque_in": ("Cheque Deposit|{chq} {bank}",),
        "cheque_return": ("Returned Cheque|{chq}",),
        "cheque_fee": ("Returned Cheque Fee|{chq}",),
        "check": ("Cheque Paid|{chq}",),
    },
)

# HSBC Hong Kong's upper-case details: FPS transfers, EPS, Octopus auto top-ups, PPS bills.
HONG_KONG = Region(
    "hk",
    "HKD",
    Decimal("7.8"),
    ("PARKNSHOP", "WELLCOME", "MANNINGS", "7-ELEVEN", "MTR CORPORATION", "FOODPANDA"),
    ("CENTRAL", "MONG KOK", "CAUSEWAY BAY", "SHA TIN", "TSUEN WAN", "KWUN TONG"),
    ("HARBOUR TRADING LTD", "KOWLOON LOGISTICS LTD"),
    ("CLP POWER", "HK ELECTRIC", "TOWNGAS", "WATER SUPPLIES DEPT", "HKBN"),
    ("PRIME CREDIT", "PROMISE HK"),
    ("CHAN TAI MAN", "WONG MEI LING", "LEUNG KA WAI", "LAU SIU FUNG"),
    ("HANG SENG", "BOCHK", "STANDARD CHARTERED", "BEA"),
    "4966-XXXX-XXXX-{last4}",
    {
        "salary": ("SALARY|{employer}", "AUTOPAY IN|{employer}"),
        "rent": ("FPS TRANSFER|{person}|FRN{ref}",),
        "utility": ("PPS {utility}|BILL NO {ref}", "DIRECT DEBIT|{utility}"),
        "grocery": ("EPS {merchant}|{city}",),
        "card": ("EPS {merchant}|{city}", "OCTOPUS AAVS", "VISA {card}|{merchant}"),
        "transfer_out": ("FPS TRANSFER|{person}|FRN{ref}", "INTERNET BANKING TRANSFER|{person}"),
        "transfer_in": ("FPS CREDIT|{person}|FRN{ref}", "CREDIT TRANSFER|{person}"),
        "atm": ("ATM WITHDRAWAL|JETCO {city}",),
        "fee": ("SERVICE CHARGE", "LOW BALANCE FEE"),
        "interest": ("CREDIT INTEREST",),
        "refund": ("EPS REFUND|{merchant}",),
        "loan": ("LOAN REPAYMENT|{lender} {loan}",),
        "cheque_in": ("CHQ DEPOSIT|{chq}",),
        "cheque_return": ("RETURNED CHQ|{chq}",),
        "cheque_fee": ("RETURNED CHQ CHARGE|{chq}",),
        "check": ("CHEQUE|{chq}",),
    },
)
