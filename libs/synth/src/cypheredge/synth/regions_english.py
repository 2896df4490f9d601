"""English-speaking regions: narrations of British, American and Commonwealth banks."""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

UK = Region(
    "uk",
    "GBP",
    Decimal(1),
    (
        "TESCO STORES 3021",
        "SAINSBURYS S/MKTS",
        "PRET A MANGER",
        "TFL TRAVEL CH",
        "BOOTS 1142",
        "AMAZON.CO.UK*2K4",
        "GREGGS PLC",
        "WAITROSE 0417",
    ),
    ("LONDON", "MANCHESTER", "LEEDS", "BRISTOL", "GLASGOW"),
    ("ACME WIDGETS LTD", "NORTHWIND TRADING PLC"),
    ("BRITISH GAS", "THAMES WATER", "EE LIMITED", "OCTOPUS ENERGY"),
    ("SANTANDER CONSUMER", "ZOPA BANK"),
    ("J SMITH", "A PATEL", "M JONES", "R OKAFOR"),
    ("NATWEST", "HSBC", "LLOYDS"),
    "****{last4}",
    {
        "transfer_in": ("FASTER PAYMENT FROM {person} REF {ref}",),
        "transfer_out": ("FASTER PAYMENT TO {person} REF {ref}",),
    },
)

US = Region(
    "us",
    "USD",
    Decimal(1),
    (
        "WHOLE FOODS MKT #10234",
        "TARGET T-1423",
        "SHELL OIL 5744",
        "STARBUCKS STORE 0871",
        "WALGREENS #4471",
        "COSTCO WHSE #0112",
        "UBER TRIP HELP.UBER.COM",
    ),
    ("AUSTIN TX", "SEATTLE WA", "BOSTON MA", "CHICAGO IL", "DENVER CO"),
    ("CONTOSO INC", "GLOBEX CORP"),
    ("PACIFIC GAS & ELECTRIC", "COMCAST CABLE", "VERIZON WIRELESS", "CITY WATER DEPT"),
    ("SALLIE MAE", "TOYOTA MOTOR CREDIT"),
    ("JOHN DOE", "MARIA GARCIA", "KEVIN NGUYEN", "PRIYA SHAH"),
    ("CHASE", "WELLS FARGO"),
    "XXXX{last4}",
    {
        "salary": ("ACH CREDIT {employer} PAYROLL PPD ID {ref}",),
        "rent": ("ONLINE TRANSFER TO {person} RENT WEB ID {ref}", "BILT RENT PAYMENT {ref}"),
        "fee": ("MONTHLY SERVICE FEE",),
        "interest": ("INTEREST PAYMENT",),
        "loan": ("{lender} LOAN PMT ACH {ref}",),
        "utility": ("ACH DEBIT {utility} AUTOPAY WEB ID {ref}",),
        "card": (
            "POS DEBIT {merchant} {city} CARD {card}",
            "PURCHASE AUTHORIZED ON {ref} {merchant} {city} CARD {card}",
        ),
        "grocery": ("DEBIT CARD PURCHASE {merchant} {city} CARD {card}",),
        "transfer_in": ("ZELLE PAYMENT FROM {person} CONF# {ref}",),
        "transfer_out": ("ZELLE PAYMENT TO {person} CONF# {ref}",),
        "check": ("CHECK {chq}",),
        "cheque_in": ("REMOTE DEPOSIT CHECK {chq}",),
        "cheque_return": ("DEPOSITED ITEM RETURNED CHECK {chq} NSF",),
        "cheque_fee": ("RETURNED ITEM FEE CHECK {chq}",),
    },
)

NZ = Region(
    "nz",
    "NZD",
    Decimal("1.6"),
    ("COUNTDOWN PONSONBY", "NEW WORLD KILBIRNIE", "Z ENERGY", "PAK N SAVE", "MITRE 10 MEGA"),
    ("AUCKLAND", "WELLINGTON", "CHRISTCHURCH", "HAMILTON"),
    ("KAURI HOLDINGS LTD", "TUI ENGINEERING"),
    ("MERCURY ENERGY", "SPARK NZ", "WATERCARE"),
    ("HEARTLAND BANK", "UDC FINANCE"),
    ("A NGATA", "B WILSON", "C TAMA"),
    ("ANZ", "ASB"),
    "4835-****-****-{last4}",
    {
        "grocery": ("EFTPOS {merchant} {city} {card}",),
        "card": ("VISA {merchant} {city} {card} ORIG DATE {ref}",),
        "rent": ("AP RENT {person} {period}",),
    },
)

ZA = Region(
    "za",
    "ZAR",
    Decimal(15),
    ("WOOLWORTHS SANDTON", "PICK N PAY CLAREMONT", "CHECKERS HYPER", "ENGEN GARAGE", "UBER EATS"),
    ("JOHANNESBURG", "CAPE TOWN", "DURBAN", "PRETORIA"),
    ("SASOL LTD", "NASPERS"),
    ("CITY POWER", "TELKOM SA", "VODACOM"),
    ("WESBANK", "SA HOME LOANS"),
    ("T MOKOENA", "S NAIDOO", "P VAN WYK"),
    ("FNB", "ABSA"),
    "{last4}",
    {
        "grocery": ("POS Purchase {merchant} {city} {card}",),
        "card": ("POS Purchase {merchant} {city} Card {card}",),
        "utility": ("Magtape Debit {utility} {ref}",),
        "transfer_in": ("FNB App Payment From {person} {ref}",),
        "transfer_out": ("FNB App Payment To {person} {ref}",),
        "fee": ("#Monthly Account Fee", "#Service Fees {period}"),
    },
)

IRELAND = Region(
    "ie",
    "EUR",
    Decimal(1),
    ("DUNNES STORES", "TESCO IRELAND", "CENTRA", "LEAP CARD TOPUP", "EASONS"),
    ("DUBLIN", "CORK", "GALWAY", "LIMERICK"),
    ("FAILTE SYSTEMS LTD", "SHANNON DIGITAL"),
    ("ELECTRIC IRELAND", "BORD GAIS", "VIRGIN MEDIA"),
    ("AVANT MONEY", "CREDIT UNION"),
    ("S MURPHY", "A KELLY", "C OBRIEN"),
    ("AIB", "BOI"),
    "*{last4}",
    {
        "utility": ("SEPA DD {utility} {ref}",),
        "grocery": ("POS {merchant} {city}",),
        "card": ("VDP-{merchant} {city} {card}",),
    },
)

AUSTRALIA = Region(
    "au",
    "AUD",
    Decimal("1.5"),
    ("WOOLWORTHS 3341", "COLES 0712", "BUNNINGS 6412", "OFFICEWORKS", "7-ELEVEN 2231"),
    ("SYDNEY NSW", "MELBOURNE VIC", "BRISBANE QLD", "PERTH WA"),
    ("WATTLE MINING PTY LTD", "BLUEGUM SOFTWARE"),
    ("AGL ENERGY", "TELSTRA", "SYDNEY WATER"),
    ("LATITUDE FINANCE", "MACQUARIE LEASING"),
    ("J CITIZEN", "L NGUYEN", "M ROSSI"),
    ("CBA", "WESTPAC"),
    "xx{last4}",
    {
        "salary": ("DIRECT CREDIT {employer} SALARY {ref}",),
        "utility": ("BPAY {utility} {ref}",),
        "grocery": ("EFTPOS {merchant} {city}",),
        "card": ("VISA PURCHASE {merchant} {city} CARD {card}",),
        "transfer_out": ("TRANSFER TO {person} NETBANK {ref}",),
        "transfer_in": ("TRANSFER FROM {person} {ref}",),
    },
)
