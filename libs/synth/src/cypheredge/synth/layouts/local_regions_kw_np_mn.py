"""Narrations of the seventh split's Kuwait, Nepal and Mongolia (tuned on since).

A `|` marks where the bank starts a new line inside the description. Kuwaiti narrations name the
country's rails and billers: KNET card payments, WAMD instant transfers, salary transfers, the
Ministry of Electricity and Water and the Zain, Ooredoo and stc bills. Nepali ones name the
wallets and rails Nepali statements carry (eSewa and Khalti loads, Fonepay QR payments, connectIPS
and IPS transfers, NEA electricity and Nepal Telecom bills). Mongolian ones are Mongolian
Cyrillic as Khan Bank's and Golomt's statements print the transaction's purpose
(`Гүйлгээний утга`): QPay and SocialPay payments, ATM cash, salary, electricity and Unitel or
Mobicom bills. Public sources on all three are thin (see each family's module).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

KUWAIT = Region(
    "kw",
    "KWD",
    Decimal("0.31"),
    ("THE SULTAN CENTER", "LULU HYPERMARKET", "CO-OP SOCIETY SALWA", "TALABAT", "XCITE", "OOTB"),
    ("KUWAIT CITY", "SALMIYA", "HAWALLY", "FARWANIYA", "JAHRA", "AHMADI", "FAHAHEEL"),
    ("GULF CONTRACTING CO W.L.L.", "AL SHAMIYA TRADING CO"),
    ("MEW", "ZAIN KUWAIT", "OOREDOO KUWAIT", "STC KUWAIT"),
    ("KUWAIT FINANCE HOUSE", "NBK CAPITAL"),
    ("AHMAD AL SABAH", "FATMA AL MUTAIRI", "KHALED AL AJMI", "NOURA AL RASHIDI"),
    ("GULF BANK", "BURGAN BANK", "BOUBYAN BANK", "WARBA BANK", "KIB"),
    "4*** **** **** {last4}",
    {
        "salary": ("SALARY TRANSFER|{employer}",),
        "rent": ("WAMD TRANSFER TO {person}|RENT",),
        "utility": ("BILL PAYMENT {utility}|{ref:.9}",),
        "grocery": ("KNET PURCHASE {merchant}|{city}",),
        "card": ("KNET PURCHASE {merchant}|{city}", "POS PURCHASE {merchant}"),
        "transfer_out": ("WAMD TRANSFER TO {person}", "TRANSFER TO {bank}|{person}"),
        "transfer_in": ("WAMD TRANSFER FROM {person}", "INCOMING TRANSFER|{person}"),
        "atm": ("ATM WITHDRAWAL {bank} {city}",),
        "fee": ("SERVICE CHARGES", "CARD ANNUAL FEE", "SMS ALERT FEE"),
        "interest": ("PROFIT CREDIT",),
        "refund": ("KNET REFUND {merchant}",),
        "loan": ("LOAN INSTALLMENT {loan}",),
    },
)

NEPAL = Region(
    "np",
    "NPR",
    Decimal("133"),
    ("BHAT-BHATENI", "BIG MART", "SALESBERRY", "DARAZ NEPAL", "FOODMANDU", "NEPAL OIL"),
    ("KATHMANDU", "LALITPUR", "BHAKTAPUR", "POKHARA", "BIRATNAGAR", "BUTWAL", "CHITWAN"),
    ("HIMALAYAN SOFTWARE PVT LTD", "EVEREST TRADERS PVT LTD"),
    ("NEA", "NEPAL TELECOM", "NCELL", "KUKL WATER", "WORLDLINK"),
    ("NMB BANK", "SHIKHAR FINANCE"),
    ("RAM BAHADUR THAPA", "SITA SHRESTHA", "BIKASH GURUNG", "ANITA KC", "SURESH ADHIKARI"),
    ("NABIL", "NIC ASIA", "GLOBAL IME", "EVEREST BANK", "NEPAL SBI", "HIMALAYAN BANK"),
    "{last4}",
    {
        "salary": ("SALARY {period}|{employer}",),
        "rent": ("CIPS TRANSFER|{person} HOUSE RENT",),
        "utility": ("{utility} BILL PAYMENT|{ref:.9}", "FONEPAY {utility}"),
        "grocery": ("FONEPAY QR {merchant}|{city}",),
        "card": ("POS {merchant} {city}", "FONEPAY QR {merchant}|{city}"),
        "transfer_out": (
            "ESEWA LOAD|{ref:.10}",
            "KHALTI LOAD|{ref:.10}",
            "CIPS TRANSFER|{person}",
            "IPS TRANSFER TO {bank}|{person}",
        ),
        "transfer_in": ("IPS TRANSFER FROM {bank}|{person}", "CASH DEPOSIT {city}"),
        "atm": ("ATM WDL {bank} {city}",),
        "fee": ("SMS BANKING CHARGE", "DEBIT CARD RENEWAL FEE", "MOBILE BANKING FEE"),
        "interest": ("INTEREST CAPITALIZATION",),
        "refund": ("FONEPAY REVERSAL {merchant}",),
        "loan": ("LOAN EMI {lender} {loan}",),
    },
)

MONGOLIA_KHAN = Region(
    "mn",
    "MNT",
    Decimal("3400"),
    ("НОМИН СУПЕРМАРКЕТ", "ЕМАРТ", "САНСАР", "CU МОНГОЛ", "ШУНХЛАЙ", "МИНИЙ ДЭЛГҮҮР"),
    ("УЛААНБААТАР", "ДАРХАН", "ЭРДЭНЭТ", "ЧОЙР", "МӨРӨН", "ХОВД"),
    ("ТАВАН БОГД ХХК", "МОНГОЛ ЛОГИСТИК ХХК"),
    ("УБЦТС", "ЮНИТЕЛ", "МОБИКОМ", "УСУГ", "СКАЙТЕЛ"),
    ("ХААН БАНК ЗЭЭЛ", "ГОЛОМТ ЗЭЭЛ"),
    ("БАТ-ЭРДЭНЭ ДОРЖ", "ОЮУНЧИМЭГ БАТ", "ГАНБОЛД ЦЭРЭН", "САРАНТУЯА ДАВАА", "ТЭМҮҮЖИН БОЛД"),
    ("ГОЛОМТ", "ХАС", "ТӨРИЙН БАНК", "КАПИТРОН", "БОГД"),
    "{last4}",
    {
        "salary": ("ЦАЛИН {employer}",),
        "rent": ("БАЙРНЫ ТҮРЭЭС {person}",),
        "utility": ("{utility} ТӨЛБӨР {ref:.8}", "QPAY {utility}"),
        "grocery": ("QPAY {merchant}", "ПОС ХУДАЛДАН АВАЛТ {merchant}"),
        "card": ("ПОС ХУДАЛДАН АВАЛТ {merchant} {city}", "SOCIALPAY {merchant}"),
        "transfer_out": ("ШИЛЖҮҮЛЭГ {person}", "{bank} РУУ ШИЛЖҮҮЛЭГ {person}"),
        "transfer_in": ("ОРЛОГО {person}", "{bank} ААС ШИЛЖҮҮЛЭГ {person}"),
        "atm": ("АТМ БЭЛЭН МӨНГӨ {city}",),
        "fee": ("ДАНС ХӨТЛӨЛТИЙН ШИМТГЭЛ", "КАРТЫН ХУРААМЖ", "МЭДЭЭЛЛИЙН ШИМТГЭЛ"),
        "interest": ("ХҮҮ ОРЛОГО",),
        "refund": ("БУЦААЛТ {merchant}",),
        "loan": ("ЗЭЭЛИЙН ТӨЛӨЛТ {lender} {loan}",),
    },
)

MONGOLIA_GOLOMT = replace(
    MONGOLIA_KHAN,
    templates={
        **MONGOLIA_KHAN.templates,
        "card": ("КАРТЫН ГҮЙЛГЭЭ|{merchant} {city}",),
        "transfer_out": ("SOCIALPAY ШИЛЖҮҮЛЭГ|{person}",),
        "transfer_in": ("ДАНСНЫ ОРЛОГО|{person}",),
    },
)
