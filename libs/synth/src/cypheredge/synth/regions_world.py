"""India, Germany, France and Switzerland: local narration styles and languages."""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

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
