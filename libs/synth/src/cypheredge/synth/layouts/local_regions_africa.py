"""Narrations of the fifth split's African countries (tuned on since): Morocco and Tanzania.

A `|` marks where the bank starts a new line inside the description. Moroccan narrations are the
upper-case French wording of each bank, as the keyword lists of public parsers record it (CIH's
VIREMENT RECU DE / PAIEMENT PAR CARTE / RETRAIT CARTE, Attijariwafa's VIR.WEB RECU DE / VIR.EMIS
WEB VERS / AWBGAB / PAIMENT/CB, BMCE's VIR.RECU / REMISE). Tanzanian narrations are CRDB's long
system lines (E-COM Purchase VISA POS INWARD TRANSACT:TZS ..., IB GePG BIL ..., IB TIPS FT ...,
IB LUKU Meter: ...), as a public CRDB statement converter's reference output prints them, and the
mobile-money rails every Tanzanian bank pays into (M-Pesa, Mixx by Yas, Airtel Money, HaloPesa).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

MOROCCO_CIH = Region(
    "ma",
    "MAD",
    Decimal(10),
    ("MARJANE", "CARREFOUR MARKET", "LABEL VIE", "BIM MAROC", "ACIMA", "GLOVO MAROC", "JUMIA MA"),
    ("CASABLANCA", "RABAT", "MARRAKECH", "TANGER", "FES", "AGADIR", "KENITRA"),
    ("ATLAS TEXTILES SARL", "STE CHERIFIENNE DE LOGISTIQUE SA"),
    ("LYDEC", "REDAL", "AMENDIS", "MAROC TELECOM", "ORANGE MAROC", "INWI"),
    ("WAFASALAF", "EQDOM", "SALAFIN"),
    ("YOUSSEF EL AMRANI", "FATIMA ZAHRA BENNANI", "KARIM TAZI", "SALMA IDRISSI", "OMAR BERRADA"),
    ("BANQUE POPULAIRE", "CREDIT AGRICOLE DU MAROC", "SOCIETE GENERALE MAROC", "CREDIT DU MAROC"),
    "{last4}",
    {
        "salary": ("VIREMENT RECU DE {employer}", "VIRT RECU DE LA PART {employer}"),
        "rent": ("VIREMENT EMIS EN FAVEUR DE {person}",),
        "utility": ("PAIEMENT FACTURE {utility} {ref:.8}", "RECHARGE {utility}"),
        "grocery": ("PAIEMENT PAR CARTE {card} {merchant} {city}",),
        "card": (
            "PAIEMENT PAR CARTE {card} {merchant} {city}",
            "PAIEMENT INTERNET NATIONAL CARTE {card} {merchant}",
            "PAIEMENT INTERNET INTERNATIONAL CARTE {card} ALIEXPRESS",
        ),
        "transfer_out": ("VIREMENT EMIS EN FAVEUR DE {person}",),
        "transfer_in": ("VIREMENT RECU DE {person}", "VIRT RECU DE LA PART {person}"),
        "atm": ("RETRAIT CARTE {card} GAB {city}",),
        "fee": ("FRAIS RETRAIT GAB CONFRERE", "FRAIS ANNUELS DOTATIONS", "FRAIS TENUE DE COMPTE"),
        "interest": ("INTERETS CREDITEURS",),
        "refund": ("REGLEMENT CREDIT CARTE {card} {merchant}",),
        "loan": ("ECHEANCE CREDIT {lender} {loan}",),
    },
)

MOROCCO_AWB = replace(
    MOROCCO_CIH,
    templates={
        "salary": ("VIREMENT RECU DE {employer}",),
        "rent": ("VIR.EMIS WEB VERS {person}",),
        "utility": ("PAIEMENT {utility} {ref:.8}",),
        "grocery": ("PAIMENT/CB {merchant} {city}",),
        "card": ("PAIMENT/CB {merchant} {city}", "PAIMENT/CB INTERNET {merchant}"),
        "transfer_out": ("VIR.EMIS WEB VERS {person}", "VIR WEB VERS {person}"),
        "transfer_in": ("VIR.WEB RECU DE {person}", "VIREMENT RECU DE {person}"),
        "atm": ("RETRAIT AWBGAB {city} {ref:.6}",),
        "fee": ("FRAIS/RETRAIT ESP GAB", "COMMISSION TENUE DE COMPTE", "FRAIS CARTE BANCAIRE"),
        "interest": ("INTERETS CREDITEURS",),
        "refund": ("ANNULATION PAIMENT/CB {merchant}",),
        "loan": ("ECHEANCE PRET {loan}",),
    },
)

MOROCCO_BMCE = replace(
    MOROCCO_CIH,
    templates={
        "salary": ("VIR.RECU DE {employer}|SALAIRE",),
        "rent": ("VIREMENT PERMANENT {person}|LOYER",),
        "utility": ("PRLV {utility}|REF {ref:.10}",),
        "grocery": ("ACHAT CARTE {card}|{merchant} {city}",),
        "card": ("ACHAT CARTE {card}|{merchant} {city}", "ACHAT INTERNET CARTE {card}|{merchant}"),
        "transfer_out": ("VIREMENT EMIS|{person}",),
        "transfer_in": ("VIR.RECU DE {person}", "VIREMENT SRBM|{person}"),
        "atm": ("RETRAIT GAB {city}|CARTE {card}",),
        "fee": ("COMMISSION SUR VIREMENT", "FRAIS DE TENUE DE COMPTE", "COTISATION PACKAGE"),
        "interest": ("INTERETS CREDITEURS",),
        "refund": ("REMBOURSEMENT ACHAT|{merchant}",),
        "loan": ("ECHEANCE PRET|{loan}",),
    },
)

TANZANIA_CRDB = Region(
    "tz",
    "TZS",
    Decimal(2500),
    (
        "SHOPPERS SUP MIKOCHENI",
        "GAME MLIMANI CITY",
        "VILLAGE SUPERMARKET",
        "PUMA ENERGY UBUNGO",
        "KFC SAMORA AVE",
        "SLIPWAY SHOPPING",
    ),
    ("DAR ES SALAAM", "ARUSHA", "MWANZA", "DODOMA", "MOSHI", "ZANZIBAR", "MBEYA"),
    ("KILIMANJARO LOGISTICS LTD", "PWANI AGRO TRADING LTD"),
    ("LUKU", "DAWASA", "VODACOM", "AIRTEL TANZANIA", "TTCL", "AZAM TV"),
    ("FINCA TZ", "BAYPORT FINANCIAL"),
    ("JUMA HASSANI", "NEEMA MUSHI", "BARAKA MWAKYUSA", "AMINA SALIM", "ERASTO MREMA"),
    ("NMB", "NBC", "EXIM", "STANBIC", "DTB", "ABSA"),
    "4{last4}",
    {
        "salary": ("REF:{ref}{ref:.7} IB FT FROM {employer} Salary",),
        "rent": ("REF:{ref}{ref:.7} IB TIPS FT TO {person}",),
        "utility": (
            "REF:{ref}{ref:.7} IB LUKU Meter: {ref}{ref:.2}",
            "REF:{ref}{ref:.7} IB GePG BIL 99{ref} REC 926{ref}",
            "REF:{ref}{ref:.7} IB {utility} BILL {ref:.8}",
        ),
        "grocery": ("POS Purchase {merchant} {ref:.8} 00{ref}{ref:.1} {merchant}>{city} TZ",),
        "card": (
            "E-COM Purchase VISA POS INWARD TRANSACT:TZS {ref:.8} 60{ref}{ref:.1} "
            "{merchant}>{city}",
            "POS Purchase {merchant} {ref:.8} 00{ref}{ref:.1} {merchant}>{city} TZ",
        ),
        "transfer_out": (
            "REF:{ref}{ref:.7} IB TIPS FT TO {person}",
            "REF:{ref}{ref:.7} IB FT TO MPESA 07{ref:.8} {person}",
        ),
        "transfer_in": ("REF:{ref}{ref:.7} IB FT FROM {person}", "TIPS INWARD {bank} {person}"),
        "atm": ("ATM-Cash Withdrawal CASH-ATM- {city} 02 {ref:.8} 00{ref}{ref:.1}",),
        "fee": ("Charge - Capitalise Maintenance Fee AA{ref:.5}", "SMS Banking Charges"),
        "interest": ("Credit Interest Capitalise",),
        "refund": ("POS Reversal {merchant}>{city}",),
        "loan": ("Loan Repayment {lender} {loan}",),
    },
)

TANZANIA_NMB = replace(
    TANZANIA_CRDB,
    templates={
        "salary": ("SALARY|{employer}",),
        "rent": ("NMB MKONONI TRANSFER|TO {person}",),
        "utility": ("LUKU TOKEN|METER {ref}{ref:.2}", "GEPG BILL|CONTROL NO 99{ref}{ref:.3}"),
        "grocery": ("POS PURCHASE|{merchant} {city}",),
        "card": ("POS PURCHASE|{merchant} {city}", "ONLINE PURCHASE|{merchant}"),
        "transfer_out": (
            "WALLET TRANSFER M-PESA|07{ref:.8} {person}",
            "WALLET TRANSFER MIXX BY YAS|06{ref:.8} {person}",
            "WALLET TRANSFER AIRTEL MONEY|07{ref:.8} {person}",
            "TIPS TRANSFER|TO {person} {bank}",
        ),
        "transfer_in": ("TIPS TRANSFER|FROM {person} {bank}", "CASH DEPOSIT|{city}"),
        "atm": ("ATM WITHDRAWAL|{city}",),
        "fee": ("MONTHLY ACCOUNT FEE", "NMB MKONONI CHARGES"),
        "interest": ("INTEREST CREDIT",),
        "refund": ("POS REVERSAL|{merchant}",),
        "loan": ("LOAN REPAYMENT|{loan}",),
    },
)

TANZANIA_NBC = replace(
    TANZANIA_CRDB,
    templates={
        "salary": ("Inward Funds Transfer|{employer}",),
        "rent": ("Outward TIPS Transfer|{person} {bank}",),
        "utility": ("Bill Payment {utility}|{ref}",),
        "grocery": ("Card Purchase|{merchant} {city}",),
        "card": ("Card Purchase|{merchant} {city}",),
        "transfer_out": (
            "Outward TIPS Transfer|{person} {bank}",
            "Mobile Wallet Transfer|{person}",
        ),
        "transfer_in": ("Inward TIPS Transfer|{person} {bank}",),
        "atm": ("ATM Cash Withdrawal|{city}",),
        "fee": ("Ledger Fee", "Card Maintenance Fee"),
        "interest": ("Credit Interest",),
        "refund": ("Card Purchase Reversal|{merchant}",),
        "loan": ("Loan Instalment|{loan}",),
    },
)
