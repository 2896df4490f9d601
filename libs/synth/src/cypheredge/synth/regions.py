"""Regional flavour: merchants, cities and the narration styles banks actually print.

Templates use str.format fields: merchant, city, card, ref, employer, period, utility, person,
lender, loan, chq, bank. Kinds not listed for a region fall back to ENGLISH.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Templates = dict[str, tuple[str, ...]]

ENGLISH: Templates = {
    "salary": ("SALARY {employer} {period}", "PAYROLL CREDIT {employer} REF {ref}"),
    "rent": ("STANDING ORDER {person} RENT {period}",),
    "utility": ("DIRECT DEBIT {utility} REF {ref}", "DD {utility} {ref}"),
    "grocery": ("CARD PAYMENT {merchant} {city} CARD {card}",),
    "card": ("CARD PAYMENT {merchant} {city} CARD {card} ON {ref}", "POS {card} {merchant} {city}"),
    "transfer_out": ("TRANSFER TO {person} REF {ref}", "ONLINE PAYMENT {person} {ref}"),
    "transfer_in": ("TRANSFER FROM {person} REF {ref}", "CREDIT FROM {person}"),
    "atm": ("ATM WITHDRAWAL {bank} {city} CARD {card}", "CASH {bank} ATM {city}"),
    "fee": ("MONTHLY ACCOUNT FEE", "SERVICE CHARGE {period}"),
    "interest": ("INTEREST PAID", "CREDIT INTEREST {period}"),
    "refund": ("REFUND {merchant} {city} CARD {card}",),
    "loan": ("LOAN REPAYMENT {lender} {loan}",),
    "cheque_in": ("CHEQUE DEPOSIT {chq} {bank}",),
    "cheque_return": ("CHEQUE {chq} RETURNED UNPAID REFER TO DRAWER",),
    "cheque_fee": ("RETURNED CHEQUE CHARGE {chq}",),
    "check": ("CHEQUE {chq} PAID",),
}


@dataclass(frozen=True)
class Region:
    """One country's ingredients for transaction narrations."""

    code: str
    currency: str
    scale: Decimal  # turns a USD-sized amount into a plausible local one
    merchants: tuple[str, ...]
    cities: tuple[str, ...]
    employers: tuple[str, ...]
    utilities: tuple[str, ...]
    lenders: tuple[str, ...]
    people: tuple[str, ...]
    banks: tuple[str, ...]
    card: str  # pattern for the card mask; {last4} is replaced
    templates: Templates = field(default_factory=dict)

    def templates_for(self, kind: str) -> tuple[str, ...]:
        return self.templates.get(kind) or ENGLISH[kind]


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

INDIA = Region(
    "in",
    "INR",
    Decimal(70),
    (
        "SWIGGY LIMITED",
        "BIGBASKET",
        "ZOMATO LTD",
        "RELIANCE RETAIL",
        "AMAZON PAY INDIA",
        "IRCTC",
        "DMART AVENUE",
    ),
    ("MUMBAI", "BENGALURU", "PUNE", "CHENNAI", "HYDERABAD"),
    ("INFOSYS LIMITED", "TATA CONSULTANCY SERVICES"),
    ("BESCOM", "TATA POWER", "AIRTEL POSTPAID", "MAHANAGAR GAS"),
    ("HDFC LTD", "BAJAJ FINANCE"),
    ("RAHUL SHARMA", "ANITA DESAI", "VIKRAM IYER", "SNEHA REDDY"),
    ("SBI", "ICICI BANK", "AXIS BANK"),
    "XXXXXXXXXXXX{last4}",
    {
        "salary": ("NEFT CR-{ref}-{employer}-SALARY {period}",),
        "rent": ("IMPS/P2A/{ref}/{person}/RENT {period}",),
        "utility": ("BILLPAY/{utility}/{ref} ELECTRICITY BILL",),
        "grocery": ("UPI/DR/{ref}/{merchant}/YESB/payment@ybl/Groceries",),
        "card": ("POS {card} {merchant} {city}", "UPI/DR/{ref}/{merchant}/HDFC/pay.{city}@okhdfc"),
        "transfer_out": ("NEFT DR-{ref}-{person}-Family support",),
        "transfer_in": ("IMPS/P2A/{ref}/{person}/Repayment",),
        "atm": ("ATW-{card}-{bank} ATM {city}",),
        "fee": ("SMS ALERT CHARGES {period}", "DEBIT CARD ANNUAL FEE INCL GST"),
        "interest": ("INT.PD:{ref}:{period}",),
        "loan": ("EMI {loan} {lender} HOME LOAN",),
        "cheque_in": ("CLG/{chq}/{bank} CHEQUE DEPOSIT",),
        "cheque_return": ("CHQ RTN {chq} INSUFFICIENT FUNDS",),
        "cheque_fee": ("CHQ RETURN CHARGES {chq} INCL GST",),
    },
)

GERMANY = Region(
    "de",
    "EUR",
    Decimal(1),
    (
        "REWE Markt GmbH",
        "EDEKA Center",
        "ALDI SUED",
        "dm-drogerie markt",
        "DB Vertrieb GmbH",
        "Lidl Dienstleistung",
    ),
    ("Berlin", "München", "Köln", "Hamburg", "Leipzig"),
    ("Musterfirma GmbH", "Nordlicht AG"),
    ("Stadtwerke München", "Vodafone GmbH", "Telekom Deutschland"),
    ("Volkswagen Bank", "Sparkasse Darlehen"),
    ("Max Mustermann", "Erika Schmidt", "Jonas Becker"),
    ("Sparkasse", "Commerzbank"),
    "Karte {last4}",
    {
        "salary": ("Gehalt/Lohn {employer} {period}",),
        "rent": ("Dauerauftrag Miete {person} {period}",),
        "utility": ("SEPA-Lastschrift {utility} Mandat {ref}",),
        "grocery": ("Kartenzahlung {merchant} {city} {card}",),
        "card": ("Kartenzahlung {merchant} {city} {card} Ref. {ref}",),
        "transfer_out": ("Überweisung an {person} Verwendungszweck {ref}",),
        "transfer_in": ("Gutschrift Überweisung {person} {ref}",),
        "atm": ("Bargeldauszahlung GA {bank} {city} {card}",),
        "fee": ("Kontoführungsentgelt {period}",),
        "interest": ("Habenzinsen {period}",),
        "refund": ("Gutschrift Rückerstattung {merchant} {city}",),
        "loan": ("Darlehensrate {lender} {loan}",),
    },
)

FRANCE = Region(
    "fr",
    "EUR",
    Decimal(1),
    ("CARREFOUR MARKET", "MONOPRIX", "SNCF INTERNET", "FNAC", "BOULANGERIE PAUL"),
    ("PARIS", "LYON", "MARSEILLE", "LILLE", "NANTES"),
    ("SOCIETE EXEMPLE SA", "ATELIERS DUPONT"),
    ("EDF", "ORANGE SA", "VEOLIA EAU"),
    ("CREDIT LOGEMENT", "COFIDIS"),
    ("MARIE DUPONT", "JEAN MARTIN", "CAMILLE LEROY"),
    ("BNP", "LCL"),
    "CB*{last4}",
    {
        "salary": ("VIR SEPA RECU SALAIRE {employer} {period}",),
        "rent": ("PRLV SEPA LOYER {person} {period}",),
        "utility": ("PRLV SEPA {utility} RUM {ref}",),
        "grocery": ("PAIEMENT CB {merchant} {city} {card}",),
        "card": ("PAIEMENT CB {ref} {merchant} {city} {card}",),
        "transfer_out": ("VIR SEPA EMIS {person} REF {ref}",),
        "transfer_in": ("VIR SEPA RECU {person} REF {ref}",),
        "atm": ("RETRAIT DAB {bank} {city} {card}",),
        "fee": ("FRAIS TENUE DE COMPTE {period}",),
        "interest": ("INTERETS CREDITEURS {period}",),
        "refund": ("REMBOURSEMENT CB {merchant} {city}",),
        "loan": ("ECHEANCE PRET {lender} {loan}",),
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

SWISS = Region(
    "ch",
    "CHF",
    Decimal("0.9"),
    ("MIGROS ZUERICH HB", "COOP PRONTO", "SBB CFF FFS", "MANOR AG", "DENNER"),
    ("ZUERICH", "BASEL", "BERN", "LUZERN"),
    ("HELVETIA MASCHINEN AG", "ALPENTECH GMBH"),
    ("EWZ ZUERICH", "SWISSCOM", "SUNRISE"),
    ("CEMBRA MONEY BANK",),
    ("L MUELLER", "S KELLER", "M ROSSI"),
    ("UBS", "ZKB"),
    "Karte {last4}",
    {
        "utility": ("LSV {utility} {ref}", "eBill {utility} {ref}"),
        "grocery": ("Debitkarte {merchant} {city} {card}",),
        "card": ("TWINT {merchant} {city} {ref}",),
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
