"""Narrations of the seventh split's Slovakia, Tunisia, Uruguay and Ethiopia (tuned on since).

A `|` marks where the bank starts a new line inside the description. Slovak narrations are the
transaction types Slovak banks open a movement with (ČSOB's `Transakcia platobnou kartou`,
`Odoslaná platba`, `Prijatá platba` as a public ČSOB.sk PDF converter keys on them; Tatra banka's
and Slovenská sporiteľňa's `Platba kartou`, `Trvalý príkaz`, `Inkaso`), with the payee and the
variable, constant and specific symbols (VS / KS / SS) of the Slovak payment order on lines of
their own. Tunisian ones are the upper-case French of BIAT's and Attijari bank's relevés
(`REGLEMENT CHEQUE`, `VIREMENT RECU`, `RETRAIT DAB`, `PRELEVEMENT STEG` for the electricity and
gas utility, `SONEDE` for water, `ENG/SIGNATURE` commissions), as a public BIAT parser records
them. Uruguayan ones are the Spanish of BROU's and Itaú's movement lists (`COMPRA CON TARJETA
DEBITO`, `TRANSFERENCIA RECIBIDA`, `PAGO DE SERVICIO UTE` and `OSE`, `RETIRO REDBROU`, `ABITAB`
and `RED PAGOS` collections). Ethiopian ones name the Commercial Bank of Ethiopia's FT references,
CBE Birr and telebirr wallets and the EEU and AAWSA bills, as public CBE receipt and SMS parsers
show them.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

SLOVAKIA = Region(
    "sk",
    "EUR",
    Decimal("0.9"),
    ("TESCO STORES SR", "LIDL SR", "KAUFLAND", "BILLA", "DM DROGERIE", "ALZA.SK", "SLOVNAFT"),
    ("BRATISLAVA", "KOŠICE", "ŽILINA", "NITRA", "PREŠOV", "BANSKÁ BYSTRICA", "TRNAVA"),
    ("TATRY SOFTVÉR S.R.O.", "DUNAJ LOGISTIKA A.S."),
    ("ZSE ENERGIA", "SPP", "BVS", "SLOVAK TELEKOM", "ORANGE SLOVENSKO", "O2 SLOVAKIA"),
    ("HOME CREDIT SLOVAKIA", "COFIDIS SK"),
    ("JÁN KOVÁČ", "MÁRIA HORVÁTHOVÁ", "PETER VARGA", "ZUZANA TÓTHOVÁ", "MARTIN NAGY"),
    ("VÚB", "POŠTOVÁ BANKA", "365.BANK", "UNICREDIT SK", "PRIMA BANKA"),
    "5167 **** **** {last4}",
    {
        "salary": ("Prijatá platba|{employer}|VS {ref:.10} KS 0138",),
        "rent": ("Trvalý príkaz|{person}|VS {ref:.6} KS 0308 nájom",),
        "utility": ("Inkaso|{utility}|VS {ref}", "Odoslaná platba|{utility}|VS {ref} KS 0308"),
        "grocery": ("Platba kartou|{merchant} {city}",),
        "card": (
            "Transakcia platobnou kartou|Miesto: {merchant} {city}",
            "Platba kartou|{merchant} {city}",
        ),
        "transfer_out": ("Odoslaná platba|{person}|VS {ref:.8}", "Okamžitá platba|{person}"),
        "transfer_in": ("Prijatá platba|{person}|VS {ref:.8}", "Prijatá platba|{person}"),
        "atm": ("Výber z bankomatu|{bank} {city}",),
        "fee": ("Poplatok za vedenie účtu", "Poplatok za platobnú kartu", "Poplatok za SMS"),
        "interest": ("Pripísaný úrok",),
        "refund": ("Vrátenie platby kartou|{merchant}",),
        "loan": ("Splátka úveru|{lender} {loan}",),
    },
)

TUNISIA = Region(
    "tn",
    "TND",
    Decimal("3"),
    ("MONOPRIX", "CARREFOUR LA MARSA", "GEANT TUNIS", "MAGASIN GENERAL", "AZIZA", "SHELL"),
    ("TUNIS", "SFAX", "SOUSSE", "NABEUL", "BIZERTE", "MONASTIR", "ARIANA"),
    ("STE MEDITERRANEENNE DE CONFECTION", "CARTHAGE SOFTWARE SARL"),
    ("STEG", "SONEDE", "TUNISIE TELECOM", "OOREDOO TN", "ORANGE TUNISIE"),
    ("TUNISIE LEASING", "ATTIJARI LEASING"),
    ("MOHAMED BEN SALAH", "AMIRA TRABELSI", "SAMI JEBALI", "LEILA GHARBI", "YASSINE MEJRI"),
    ("STB", "BNA", "AMEN BANK", "UIB", "BH BANK", "ZITOUNA"),
    "{last4}",
    {
        "salary": ("VIREMENT RECU {employer} SALAIRE",),
        "rent": ("VIREMENT EMIS {person} LOYER",),
        "utility": ("PRELEVEMENT {utility} {ref:.8}", "PAIEMENT FACTURE {utility}"),
        "grocery": ("PAIEMENT TPE {merchant} {city}",),
        "card": ("PAIEMENT TPE {merchant} {city}", "PAIEMENT INTERNET {merchant}"),
        "transfer_out": ("VIREMENT EMIS {person}", "REGLEMENT CHEQUE {ref:.7}"),
        "transfer_in": ("VIREMENT RECU {person}", "VERSEMENT ESPECES {city}"),
        "atm": ("RETRAIT DAB {bank} {city}",),
        "fee": ("ENG/SIGNATURE R{ref:.7}", "COM. TENUE DE COMPTE", "FRAIS CARTE BANCAIRE"),
        "interest": ("INTERETS CREDITEURS",),
        "refund": ("ANNULATION PAIEMENT TPE {merchant}",),
        "loan": ("ECHEANCE CREDIT {loan}",),
    },
)

TUNISIA_ATTIJARI = replace(
    TUNISIA,
    templates={
        **TUNISIA.templates,
        "salary": ("VIR RECU DE {employer}|SALAIRE {period}",),
        "card": ("ACHAT CARTE {merchant}|{city}",),
        "grocery": ("ACHAT CARTE {merchant}|{city}",),
        "transfer_out": ("VIR EMIS VERS {person}|MOTIF DIVERS",),
    },
)

URUGUAY = Region(
    "uy",
    "UYU",
    Decimal("40"),
    ("TIENDA INGLESA", "DISCO", "DEVOTO", "TATA", "EL DORADO", "FARMASHOP", "ANCAP"),
    ("MONTEVIDEO", "SALTO", "PAYSANDU", "MALDONADO", "CANELONES", "RIVERA", "COLONIA"),
    ("RIO DE LA PLATA SOFTWARE S.A.", "FRIGORIFICO DEL ESTE S.A."),
    ("UTE", "OSE", "ANTEL", "MONTEVIDEO GAS", "MOVISTAR UY", "CLARO UY"),
    ("CREDITEL", "OCA", "ANDA"),
    ("JUAN PEREZ", "MARIA RODRIGUEZ", "MARTIN FERNANDEZ", "LUCIA GONZALEZ", "DIEGO SILVA"),
    ("SANTANDER", "ITAU", "SCOTIABANK", "BBVA", "HSBC", "BANDES"),
    "XXXX-{last4}",
    {
        "salary": ("TRANSFERENCIA RECIBIDA|{employer} SUELDO",),
        "rent": ("TRANSFERENCIA ENVIADA|{person} ALQUILER",),
        "utility": ("PAGO DE SERVICIO {utility}|CTA {ref:.8}", "DEBITO AUTOMATICO {utility}"),
        "grocery": ("COMPRA CON TARJETA DEBITO|{merchant}",),
        "card": ("COMPRA CON TARJETA DEBITO|{merchant}", "COMPRA POS {merchant} {city}"),
        "transfer_out": ("TRANSFERENCIA ENVIADA|{person}", "TRASPASO A {bank}|{person}"),
        "transfer_in": ("TRANSFERENCIA RECIBIDA|{person}", "DEPOSITO RED PAGOS {city}"),
        "atm": ("RETIRO REDBROU {city}", "RETIRO BANRED {city}"),
        "fee": ("COMISION MANTENIMIENTO CUENTA", "COSTO TARJETA DEBITO"),
        "interest": ("INTERESES A FAVOR",),
        "refund": ("DEVOLUCION COMPRA {merchant}",),
        "loan": ("CUOTA PRESTAMO {lender} {loan}",),
    },
)

ETHIOPIA = Region(
    "et",
    "ETB",
    Decimal("110"),
    ("SHOA SUPERMARKET", "FRESH CORNER", "QUEENS SUPERMARKET", "TOTALENERGIES BOLE", "SAFARICOM"),
    ("ADDIS ABABA", "BAHIR DAR", "HAWASSA", "MEKELLE", "ADAMA", "DIRE DAWA", "GONDAR"),
    ("ABAY MANUFACTURING PLC", "ENTOTO SOFTWARE PLC"),
    ("EEU", "AAWSA", "ETHIO TELECOM", "SAFARICOM ET", "DSTV ETHIOPIA"),
    ("ENAT BANK", "DEVELOPMENT BANK OF ETHIOPIA"),
    ("ABEBE KEBEDE", "TIGIST HAILE", "DAWIT TESFAYE", "HIRUT ALEMU", "YONAS GIRMA"),
    ("AWASH BANK", "DASHEN BANK", "BANK OF ABYSSINIA", "ZEMEN BANK", "COOP BANK"),
    "{last4}",
    {
        "salary": ("SALARY {period}|{employer}",),
        "rent": ("FUND TRANSFER TO {person}|HOUSE RENT",),
        "utility": ("{utility} BILL PAYMENT|{ref:.10}", "AIRTIME {utility}"),
        "grocery": ("POS PURCHASE {merchant}|{city}",),
        "card": ("POS PURCHASE {merchant}|{city}", "ONLINE PAYMENT {merchant}"),
        "transfer_out": (
            "FUND TRANSFER TO {person}",
            "CBE BIRR TRANSFER|{person}",
            "TELEBIRR TRANSFER|{person}",
        ),
        "transfer_in": ("FUND TRANSFER FROM {person}", "CBE BIRR TO T24 TRANSFER|{person}"),
        "atm": ("ATM WITHDRAWAL {city}",),
        "fee": ("SERVICE CHARGE", "SMS BANKING CHARGE", "ATM CARD ANNUAL FEE"),
        "interest": ("INTEREST CAPITALIZED",),
        "refund": ("POS REVERSAL {merchant}",),
        "loan": ("LOAN REPAYMENT {lender} {loan}",),
    },
)
