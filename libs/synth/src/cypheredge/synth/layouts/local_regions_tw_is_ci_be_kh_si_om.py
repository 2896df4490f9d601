"""Narrations of the eighth split's Taiwan, Iceland, Côte d'Ivoire, Belgium, Cambodia, Slovenia
and Oman (tuned on since).

A `|` marks where the bank starts a new line inside the description. Taiwanese narrations are the
English wording Taiwanese banks give their English statements and exports (the bundled fonts have
no CJK glyphs): LINE Pay, JKOPAY and EasyCard top-ups, Taipower, Taipei Water and Chunghwa Telecom
bills. Icelandic ones are Icelandic (launagreiðsla, millifærsla, greiðsluseðill, hraðbanki) with
þ, ð and æ. Ivorian ones are French as UEMOA banks print them (VIR, PRLV, RETRAIT DAB) with
Orange Money, MTN MoMo and Wave transfers and CIE / SODECI bills. Belgian ones come in French
and in Dutch (domiciliation / domiciliëring, ordre permanent / doorlopende opdracht). Cambodian
ones are ABA's and ACLEDA's English (KHQR and Bakong transfers, EDC and PPWSA bills). Slovenian
ones name Flik instant payments and Slovenian billers. Omani ones are English as Bank Muscat,
NBO and Sohar print them. Sources per family are in each family's module.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

TAIWAN = Region(
    "tw",
    "TWD",
    Decimal("31"),
    ("7-ELEVEN", "FAMILYMART", "PX MART", "CARREFOUR", "MOMO SHOP", "SHOPEE", "COSTCO"),
    ("TAIPEI", "NEW TAIPEI", "TAICHUNG", "KAOHSIUNG", "TAINAN", "HSINCHU", "TAOYUAN"),
    ("HSINCHU PRECISION CO LTD", "FORMOSA LOGISTICS CORP"),
    ("TAIPOWER", "TAIPEI WATER", "CHUNGHWA TELECOM", "TAIWAN MOBILE", "GREAT TAIPEI GAS"),
    ("CATHAY LIFE", "LAND BANK"),
    ("CHEN MEI-LING", "LIN CHIH-HAO", "WANG SHU-FEN", "HUANG YU-TING", "CHANG WEI-CHEN"),
    ("CTBC", "FUBON", "MEGA", "TAISHIN", "FIRST BANK", "HUA NAN", "LAND BANK"),
    "{last4}",
    {
        "salary": ("SALARY|{employer}", "PAYROLL {employer}"),
        "rent": ("TRANSFER OUT|{person} RENT",),
        "utility": ("AUTOPAY {utility}|{ref:.9}", "BILL PAYMENT {utility}"),
        "grocery": ("DEBIT CARD {merchant}|{city}", "LINE PAY {merchant}"),
        "card": ("DEBIT CARD {merchant}|{city}", "JKOPAY {merchant}", "LINE PAY {merchant}"),
        "transfer_out": (
            "INTERBANK TRANSFER|{bank} {person}",
            "ONLINE TRANSFER|{person}",
            "EASYCARD AUTO TOP-UP",
        ),
        "transfer_in": ("TRANSFER IN|{person}", "INTERBANK CREDIT|{bank} {person}"),
        "atm": ("ATM WITHDRAWAL|{bank} {city}", "ATM CASH {city}"),
        "fee": ("ACCOUNT SERVICE FEE", "DEBIT CARD ANNUAL FEE"),
        "interest": ("INTEREST",),
        "refund": ("REFUND {merchant}",),
        "loan": ("LOAN REPAYMENT|{lender} {loan}",),
    },
)

ICELAND = Region(
    "is",
    "ISK",
    Decimal("138"),
    ("BÓNUS", "KRÓNAN", "HAGKAUP", "NETTÓ", "VÍNBÚÐIN", "N1", "OLÍS", "ELKO", "HEIMKAUP"),
    ("REYKJAVÍK", "KÓPAVOGUR", "HAFNARFJÖRÐUR", "AKUREYRI", "GARÐABÆR", "SELFOSS", "MOSFELLSBÆR"),
    ("HÖNNUN OG SMÍÐI EHF", "ÞJÓNUSTUMIÐSTÖÐIN EHF", "FISKIÐJAN HF"),
    ("ORKUVEITA REYKJAVÍKUR", "VEITUR", "SÍMINN", "NOVA", "HS ORKA"),
    ("LÍFEYRISSJÓÐUR VERZLUNARMANNA", "HÚSNÆÐIS- OG MANNVIRKJASTOFNUN"),
    ("JÓN GUÐMUNDSSON", "SIGRÍÐUR ÞÓRSDÓTTIR", "GUÐRÚN ÓLAFSDÓTTIR", "ÞÓRÐUR HALLDÓRSSON"),
    ("LANDSBANKINN", "ARION", "ÍSLANDSBANKI", "KVIKA", "SPARISJÓÐUR"),
    "{last4}",
    {
        "salary": ("LAUNAGREIÐSLA|{employer}", "LAUN|{employer}"),
        "rent": ("MILLIFÆRSLA|{person} HÚSALEIGA",),
        "utility": ("GREIÐSLUSEÐILL|{utility}", "BOÐGREIÐSLA {utility}"),
        "grocery": ("DEBETKORT {merchant}|{city}", "SNERTILAUST {merchant}"),
        "card": ("DEBETKORT {merchant}|{city}", "KORTAFÆRSLA {merchant}", "APPLE PAY {merchant}"),
        "transfer_out": ("MILLIFÆRSLA TIL|{person}", "MILLIFÆRSLA|{bank} {person}"),
        "transfer_in": ("MILLIFÆRSLA FRÁ|{person}", "INNLÖGN|{person}"),
        "atm": ("HRAÐBANKI {bank}|{city}", "ÚTTEKT HRAÐBANKI {city}"),
        "fee": ("FÆRSLUGJÖLD", "ÁRSGJALD DEBETKORTS", "ÞJÓNUSTUGJALD"),
        "interest": ("VEXTIR", "INNLÁNSVEXTIR"),
        "refund": ("ENDURGREIÐSLA {merchant}",),
        "loan": ("AFBORGUN LÁNS|{lender}",),
    },
)

IVORY_COAST = Region(
    "ci",
    "XOF",
    Decimal("600"),
    ("CARREFOUR MARKET", "PROSUMA", "SOCOCE", "LEADER PRICE", "TOTALENERGIES", "JUMIA CI"),
    ("ABIDJAN PLATEAU", "COCODY", "YOPOUGON", "MARCORY", "BOUAKE", "SAN PEDRO", "YAMOUSSOUKRO"),
    ("CACAO D'IVOIRE SA", "LAGUNE TRANSIT SARL"),
    ("CIE", "SODECI", "ORANGE CI", "MTN CI", "MOOV AFRICA"),
    ("COFINA", "ADVANS CI"),
    ("KOUASSI KONAN", "AYA TRAORE", "YAO N'GUESSAN", "AMINATA COULIBALY", "SERGE BAMBA"),
    ("SGBCI", "SIB", "ECOBANK", "NSIA BANQUE", "BACI", "BRIDGE BANK"),
    "{last4}",
    {
        "salary": ("VIR SALAIRE|{employer}", "VIREMENT RECU|{employer} SALAIRE"),
        "rent": ("VIR PERMANENT LOYER|{person}",),
        "utility": ("PRLV {utility}|FACTURE {ref:.9}", "PAIEMENT FACTURE {utility}"),
        "grocery": ("PAIEMENT CARTE {merchant}|{city}",),
        "card": ("PAIEMENT CARTE {merchant}|{city}", "ACHAT TPE {merchant}"),
        "transfer_out": (
            "TRANSFERT ORANGE MONEY|{ref:.10}",
            "TRANSFERT WAVE|{ref:.10}",
            "VIR EMIS|{person}",
        ),
        "transfer_in": ("VIR RECU|{person}", "MTN MOMO VERS BANQUE|{person}"),
        "atm": ("RETRAIT DAB {bank}|{city}", "RETRAIT GAB {city}"),
        "fee": ("FRAIS TENUE DE COMPTE", "COMMISSION SUR MOUVEMENTS", "COTISATION CARTE VISA"),
        "interest": ("INTERETS CREDITEURS",),
        "refund": ("REMBOURSEMENT {merchant}",),
        "loan": ("ECHEANCE PRET {loan}",),
    },
)

_BELGIUM = Region(
    "be",
    "EUR",
    Decimal("0.92"),
    ("DELHAIZE", "COLRUYT", "CARREFOUR MARKET", "ALDI", "BOL.COM", "KRUIDVAT", "Q8"),
    ("BRUXELLES", "ANTWERPEN", "GENT", "LIÈGE", "NAMUR", "LEUVEN", "CHARLEROI", "BRUGGE"),
    ("BELGOTEX NV", "MOSANE SA", "SCHELDE LOGISTICS BV"),
    ("ENGIE ELECTRABEL", "LUMINUS", "PROXIMUS", "TELENET", "VIVAQUA", "DE WATERGROEP"),
    ("BELFIUS", "ARGENTA"),
    ("JAN PEETERS", "MARIE DUBOIS", "LUC JANSSENS", "SOPHIE MAES", "THOMAS LAMBERT"),
    ("BELFIUS", "KBC", "ING", "ARGENTA", "CRELAN", "BNP PARIBAS FORTIS"),
    "{last4}",
)
BELGIUM_FR = replace(
    _BELGIUM,
    templates={
        "salary": ("VIREMENT EN VOTRE FAVEUR|{employer}|SALAIRE",),
        "rent": ("ORDRE PERMANENT|{person}|LOYER",),
        "utility": ("DOMICILIATION EUROPEENNE|{utility}",),
        "grocery": ("PAIEMENT PAR CARTE DE DEBIT|{merchant} {city}",),
        "card": ("PAIEMENT PAR CARTE DE DEBIT|{merchant} {city}", "PAIEMENT PAYCONIQ|{merchant}"),
        "transfer_out": ("VIREMENT EUROPEEN VERS|{person}", "VIREMENT INSTANTANE VERS|{person}"),
        "transfer_in": ("VIREMENT EUROPEEN DE|{person}",),
        "atm": ("RETRAIT D'ESPECES|{bank} {city}",),
        "fee": ("FRAIS DE GESTION DE COMPTE", "COTISATION CARTE DE DEBIT"),
        "interest": ("INTERETS CREDITEURS",),
        "refund": ("REMBOURSEMENT|{merchant}",),
        "loan": ("REMBOURSEMENT CREDIT|{lender} {loan}",),
    },
)
BELGIUM_NL = replace(
    _BELGIUM,
    templates={
        "salary": ("OVERSCHRIJVING IN UW VOORDEEL|{employer}|LOON",),
        "rent": ("DOORLOPENDE OPDRACHT|{person}|HUUR",),
        "utility": ("EUROPESE DOMICILIËRING|{utility}",),
        "grocery": ("BETALING MET DEBETKAART|{merchant} {city}",),
        "card": ("BETALING MET DEBETKAART|{merchant} {city}", "BETALING PAYCONIQ|{merchant}"),
        "transfer_out": ("EUROPESE OVERSCHRIJVING NAAR|{person}", "INSTANTOVERSCHRIJVING|{person}"),
        "transfer_in": ("EUROPESE OVERSCHRIJVING VAN|{person}",),
        "atm": ("GELDOPNEMING|{bank} {city}",),
        "fee": ("BEHEERSKOSTEN REKENING", "BIJDRAGE DEBETKAART"),
        "interest": ("CREDITRENTE",),
        "refund": ("TERUGBETALING|{merchant}",),
        "loan": ("AFLOSSING KREDIET|{lender} {loan}",),
    },
)

CAMBODIA = Region(
    "kh",
    "USD",
    Decimal("1"),
    ("AEON MALL", "LUCKY SUPERMARKET", "CHIP MONG MALL", "BROWN COFFEE", "PTT STATION", "GRAB"),
    ("PHNOM PENH", "SIEM REAP", "BATTAMBANG", "SIHANOUKVILLE", "KAMPOT", "TAKEO"),
    ("ANGKOR GARMENT CO LTD", "MEKONG LOGISTICS CO LTD"),
    ("EDC", "PPWSA", "CELLCARD", "SMART AXIATA", "METFONE", "EZECOM"),
    ("PRASAC", "HATTHA BANK"),
    ("SOK CHANNA", "CHAN DARA", "KEO SOPHEAP", "LIM VANNAK", "HENG SREYNEANG"),
    ("ACLEDA", "CANADIA", "WING", "PRINCE BANK", "SATHAPANA", "ABA"),
    "{last4}",
    {
        "salary": ("PAYROLL FROM|{employer}",),
        "rent": ("FUNDS TRANSFERRED TO|{person} RENT",),
        "utility": ("BILL PAYMENT {utility}|{ref:.9}",),
        "grocery": ("PURCHASE {merchant}|{city}", "KHQR PAYMENT|{merchant}"),
        "card": ("PURCHASE {merchant}|{city}", "KHQR PAYMENT|{merchant}"),
        "transfer_out": (
            "FUNDS TRANSFERRED TO|{person}",
            "BAKONG TRANSFER TO|{bank} {person}",
            "KHQR PAYMENT TO|{person}",
        ),
        "transfer_in": ("FUNDS RECEIVED FROM|{person}", "BAKONG TRANSFER FROM|{bank} {person}"),
        "atm": ("CASH WITHDRAWAL ATM|{bank} {city}",),
        "fee": ("ACCOUNT MAINTENANCE FEE", "CARD ANNUAL FEE"),
        "interest": ("INTEREST CREDITED",),
        "refund": ("REFUND {merchant}",),
        "loan": ("LOAN REPAYMENT|{lender} {loan}",),
    },
)
CAMBODIA_RIEL = replace(CAMBODIA, currency="KHR", scale=Decimal("4100"))

SLOVENIA = Region(
    "si",
    "EUR",
    Decimal("0.92"),
    ("MERCATOR", "SPAR", "LIDL", "HOFER", "PETROL", "BIG BANG", "TUŠ", "DM DROGERIE"),
    ("LJUBLJANA", "MARIBOR", "CELJE", "KRANJ", "KOPER", "NOVO MESTO", "VELENJE"),
    ("SAVINJA TEHNIKA D.O.O.", "POSTOJNA LOGISTIKA D.O.O."),
    ("ELEKTRO ENERGIJA", "GEN-I", "JP VOKA SNAGA", "TELEKOM SLOVENIJE", "A1 SLOVENIJA"),
    ("SKB LEASING", "SUMMIT LEASING"),
    ("JANEZ NOVAK", "MOJCA KOVAČIČ", "MATEJ HORVAT", "ŠPELA KRAJNC", "ŽIGA ZUPANČIČ"),
    ("NLB", "NKBM", "OTP", "SPARKASSE", "DH", "INTESA SANPAOLO"),
    "{last4}",
    {
        "salary": ("PLAČA|{employer}",),
        "rent": ("NAJEMNINA|{person}",),
        "utility": ("{utility}|RAČUN {ref:.9}",),
        "grocery": ("NAKUP S KARTICO|{merchant} {city}",),
        "card": ("NAKUP S KARTICO|{merchant} {city}", "SPLETNI NAKUP|{merchant}"),
        "transfer_out": ("PLAČILO|{person}", "FLIK PLAČILO|{person}"),
        "transfer_in": ("PRILIV|{person}", "FLIK PRILIV|{person}"),
        "atm": ("DVIG GOTOVINE BANKOMAT|{bank} {city}",),
        "fee": ("NADOMESTILO ZA VODENJE RAČUNA", "ČLANARINA DEBETNA KARTICA"),
        "interest": ("OBRESTI",),
        "refund": ("VRAČILO|{merchant}",),
        "loan": ("OBROK KREDITA|{lender} {loan}",),
    },
)

OMAN = Region(
    "om",
    "OMR",
    Decimal("0.385"),
    ("LULU HYPERMARKET", "NESTO", "AL MEERA", "OMAN OIL", "SHELL OMAN", "TALABAT", "CITY CENTRE"),
    ("MUSCAT", "SEEB", "SOHAR", "SALALAH", "NIZWA", "SUR", "BAWSHAR", "MUTTRAH"),
    ("AL BATINAH TRADING LLC", "MUSCAT ENGINEERING LLC"),
    ("NAMA ELECTRICITY", "NAMA WATER", "OMANTEL", "OOREDOO OMAN", "VODAFONE OMAN"),
    ("OMAN HOUSING BANK", "OMAN ARAB FINANCE"),
    ("SALIM AL BALUSHI", "FATMA AL HINAI", "KHALID AL RAWAHI", "MARYAM AL SAIDI"),
    ("BANK DHOFAR", "NBO", "SOHAR INTL", "AHLI BANK", "BANK NIZWA"),
    "4*** **** **** {last4}",
    {
        "salary": ("SALARY CREDIT|{employer}",),
        "rent": ("TRANSFER TO {person}|RENT",),
        "utility": ("BILL PAYMENT {utility}|{ref:.9}",),
        "grocery": ("POS PURCHASE {merchant}|{city}",),
        "card": ("POS PURCHASE {merchant}|{city}", "E-COMMERCE {merchant}"),
        "transfer_out": ("MOBILE PAYMENT TO {person}", "ACH TRANSFER TO {bank}|{person}"),
        "transfer_in": ("ACH TRANSFER FROM {person}", "INSTANT TRANSFER FROM|{person}"),
        "atm": ("ATM CASH WITHDRAWAL|{bank} {city}",),
        "fee": ("SERVICE CHARGES", "DEBIT CARD ANNUAL FEE", "SMS BANKING FEE"),
        "interest": ("INTEREST CREDIT",),
        "refund": ("REFUND {merchant}",),
        "loan": ("LOAN INSTALLMENT {loan}",),
    },
)
