"""The words UK high-street statements print: payment type codes, payee-style details, worded
narrations and the news column. Taken from public parsers of HSBC, NatWest, Lloyds, Barclays and
Santander statements (their code tables and fixtures) and Santander's published template."""

from __future__ import annotations

from dataclasses import replace

from cypheredge.synth.regions import Templates
from cypheredge.synth.regions_english import UK

# With a type column the details carry only the payee and reference (HSBC "DD  BRITISH GAS").
PAYEE: Templates = {
    "salary": ("{employer} SALARY", "{employer} WAGES {ref}"),
    "rent": ("{person} RENT", "{person} RENT {period}"),
    "utility": ("{utility} {ref}", "{utility} REF {ref}"),
    "grocery": ("{merchant} {city}",),
    "card": ("{merchant} {city}", "{merchant} {city} GBR"),
    "transfer_out": ("{person} {ref} FAMILY", "{person} REF {ref}"),
    "transfer_in": ("{person} {ref}", "{person} PAYBACK {ref}"),
    "atm": ("{bank} {city}", "CASH {bank} {city}"),
    "fee": ("ACCOUNT FEE", "ARRANGED OVERDRAFT USAGE FEE"),
    "interest": ("CREDIT INTEREST", "INTEREST (GROSS)"),
    "refund": ("{merchant} REFUND {city}",),
    "loan": ("{lender} {loan}",),
    "cheque_in": ("CHEQUE {chq} PAID IN AT {city}",),
    "cheque_return": ("UNPAID CHEQUE {chq} REFER TO DRAWER",),
    "cheque_fee": ("UNPAID ITEM CHARGE {chq}",),
    "check": ("{chq}",),
}
# Without one the type is spelt out, in capitals (Santander) or in mixed case (Barclays).
WORDED: Templates = {
    "salary": ("BANK GIRO CREDIT REF {employer} SALARY {ref}",),
    "rent": ("STANDING ORDER VIA FASTER PAYMENT TO {person} REFERENCE RENT, MANDATE NO 12",),
    "utility": ("DIRECT DEBIT PAYMENT TO {utility} REF {ref}, MANDATE NO 0015",),
    "grocery": ("CARD PAYMENT TO {merchant} ON {ref}",),
    "card": ("CARD PAYMENT TO {merchant},{city} ON {ref}",),
    "transfer_out": ("BILL PAYMENT VIA FASTER PAYMENT TO {person} REFERENCE {ref}",),
    "transfer_in": ("FASTER PAYMENTS RECEIPT REF {ref} FROM {person}",),
    "atm": ("CASH WITHDRAWAL AT {bank} {city}",),
    "fee": ("MONTHLY ACCOUNT FEE",),
    "interest": ("INTEREST PAID AFTER TAX 0.00 DEDUCTED",),
    "refund": ("CARD PAYMENT REFUND FROM {merchant}",),
    "loan": ("DIRECT DEBIT PAYMENT TO {lender} REF {loan}",),
    "cheque_in": ("CHEQUE PAID IN {chq}",),
    "cheque_return": ("UNPAID CHEQUE {chq} RETURNED",),
    "cheque_fee": ("UNPAID ITEM FEE CHEQUE {chq}",),
    "check": ("CHEQUE {chq}",),
}
MIXED: Templates = {
    "salary": ("Bank Giro Credit Ref: {employer} Salary",),
    "rent": ("Standing Order to {person} Ref: Rent",),
    "utility": ("Direct Debit to {utility} Ref: {ref}",),
    "grocery": ("Card Payment to {merchant} On {ref}",),
    "card": ("Card Payment to {merchant} {city} On {ref}",),
    "transfer_out": ("Bill Payment to {person} Ref: {ref}",),
    "transfer_in": ("Received From {person} Ref: {ref}",),
    "atm": ("Cash Machine Withdrawal at {bank} {city}",),
    "fee": ("Monthly Account Fee",),
    "interest": ("Interest Paid",),
    "refund": ("Refund From {merchant}",),
    "loan": ("Direct Debit to {lender} Ref: {loan}",),
    "cheque_in": ("Cheque Paid In {chq}",),
    "cheque_return": ("Unpaid Cheque {chq} Refer to Drawer",),
    "cheque_fee": ("Unpaid Item Charge {chq}",),
    "check": ("Cheque {chq}",),
}
UK_PAYEE = replace(UK, templates=PAYEE)
UK_WORDED = replace(UK, templates=WORDED)
UK_MIXED = replace(UK, templates=MIXED)

# Type codes per house: HSBC (`))))` is contactless, VIS a Visa debit), NatWest, Lloyds.
HSBC_CODES = {
    "salary": "CR",
    "rent": "SO",
    "utility": "DD",
    "grocery": ")))",
    "card": "VIS",
    "transfer_out": "FPO",
    "transfer_in": "FPI",
    "atm": "ATM",
    "fee": "DR",
    "interest": "CR",
    "refund": "VIS",
    "loan": "DD",
    "cheque_in": "CR",
    "cheque_return": "DR",
    "cheque_fee": "DR",
    "check": "CHQ",
}
NATWEST_CODES = HSBC_CODES | {
    "salary": "BAC",
    "rent": "S/O",
    "utility": "D/D",
    "grocery": "C/L",
    "card": "POS",
    "transfer_out": "OTR",
    "transfer_in": "BAC",
    "atm": "C/P",
    "fee": "CHG",
    "interest": "INT",
    "refund": "POS",
    "loan": "D/D",
    "cheque_in": "DPC",
    "cheque_return": "CHQ",
    "cheque_fee": "CHG",
}
LLOYDS_CODES = HSBC_CODES | {
    "salary": "BGC",
    "grocery": "DEB",
    "card": "DEB",
    "atm": "CPT",
    "fee": "PAY",
    "interest": "INT",
    "refund": "DEB",
    "cheque_in": "DEP",
    "cheque_return": "CHQ",
    "cheque_fee": "PAY",
}

NEWS = (
    (
        "Changes to our current account fees",
        "From 12 April we are reducing the monthly fee to maintain the account from £5 to £4. "
        "We are also changing the interest rate paid on balances up to £20,000 to 1.50% AER.",
    ),
    (
        "Your overdraft",
        "If you use more than £1,000 of your arranged overdraft you will be charged interest "
        "on the amount above £1,000 at 39.94% EAR (variable). Representative example: £1,200 "
        "limit, 39.94% APR.",
    ),
    (
        "Switching made simple",
        "Move your account to us in 7 working days with the Current Account Switch Service; "
        "we will move your payments and close your old account for you.",
    ),
)
