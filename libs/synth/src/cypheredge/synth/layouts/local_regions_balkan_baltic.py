"""Narrations of the sixth split's European countries (tuned on since): Romania, Croatia, Serbia
and Estonia.

A `|` marks where the bank starts a new line inside the description. Romanian narrations follow
the operation types public Banca Transilvania parsers key on (`Plata la POS`, `Incasare OP`,
`Plata OP intra - canal electronic`, `Transfer Home'Bank`, `Comision pe operatiune`, `Retragere
numerar`), with the partner and the bank reference (`REF.`) on lines of their own; BT prints them
without diacritics, so they are written without here. Croatian and Serbian narrations name the
payee and the payment's purpose as the national payment slips (HUB 3, nalog za prenos) word them;
Serbian ones come in Latin (Banca Intesa, UniCredit) and in Cyrillic (Raiffeisen). Estonian ones
are `party|explanation`: Swedbank, SEB and LHV print the Saaja/Maksja apart from the Selgitus.
"""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

ROMANIA = Region(
    "ro",
    "RON",
    Decimal("4.6"),
    ("KAUFLAND ROMANIA", "LIDL ROMANIA", "MEGA IMAGE", "CARREFOUR", "PROFI", "EMAG.RO", "OMV"),
    ("BUCURESTI", "CLUJ-NAPOCA", "TIMISOARA", "IASI", "CONSTANTA", "BRASOV", "ORADEA"),
    ("SC TRANSCARPAT LOGISTIC SRL", "SC DELTA SOFT SRL"),
    ("ENEL ENERGIE MUNTENIA", "E.ON ENERGIE ROMANIA", "APA NOVA BUCURESTI", "DIGI ROMANIA"),
    ("BT DIRECT IFN", "TBI CREDIT IFN"),
    ("ANDREI POPESCU", "IOANA CONSTANTIN", "MIHAI DUMITRESCU", "ELENA STOICA"),
    ("BCR", "BRD", "ING BANK", "RAIFFEISEN BANK", "CEC BANK"),
    "4140 **** **** {last4}",
    {
        "salary": ("Incasare OP|{employer}|SALARIU {period}|REF. {ref}",),
        "rent": ("Plata OP intra - canal electronic|{person}|CHIRIE {period}|REF. {ref}",),
        "utility": ("Plata factura|{utility}|COD CLIENT {ref:.8}", "Debitare directa|{utility}"),
        "grocery": ("Plata la POS|{merchant} {city}|TID: {ref:.8}",),
        "card": (
            "Plata la POS|{merchant} {city}|TID: {ref:.8}",
            "Plata la POS non-BT cu card VISA|{merchant}|{city}",
        ),
        "transfer_out": ("Transfer Home'Bank|{person}|REF. {ref}", "Plata Instant|{person}"),
        "transfer_in": ("Incasare Instant|{person}|REF. {ref}", "Incasare OP|{person}"),
        "atm": ("Retragere numerar|ATM {bank} {city}",),
        "fee": ("Comision pe operatiune", "Taxa administrare cont", "Taxe si comisioane"),
        "interest": ("Dobanda creditoare",),
        "refund": ("Anulare plata POS|{merchant}",),
        "loan": ("Rata credit|{lender} {loan}",),
    },
)

CROATIA = Region(
    "hr",
    "EUR",
    Decimal("0.92"),
    ("KONZUM", "LIDL HRVATSKA", "SPAR HRVATSKA", "PLODINE", "TOMMY", "INA", "DM-DROGERIE"),
    ("ZAGREB", "SPLIT", "RIJEKA", "OSIJEK", "ZADAR", "PULA", "VARAŽDIN"),
    ("JADRAN LOGISTIKA D.O.O.", "SAVA SOFTWARE D.O.O."),
    ("HEP ELEKTRA", "GRADSKA PLINARA ZAGREB", "VODOOPSKRBA I ODVODNJA", "HRVATSKI TELEKOM", "A1"),
    ("ERSTE LEASING", "PBZ CARD"),
    ("IVAN HORVAT", "ANA KOVAČEVIĆ", "MARKO BABIĆ", "PETRA JURIĆ", "LUKA NOVAK"),
    ("ZABA", "PBZ", "ERSTE", "OTP BANKA", "RBA"),
    "5489 **** **** {last4}",
    {
        "salary": ("{employer}|Plaća za {period}",),
        "rent": ("{person}|Najamnina {period}",),
        "utility": ("{utility}|Račun br. {ref:.8}", "{utility}|Trajni nalog"),
        "grocery": ("Kupnja karticom|{merchant} {city}",),
        "card": ("Kupnja karticom|{merchant} {city}", "Internet kupnja|{merchant}"),
        "transfer_out": ("{person}|Prijenos", "{person}|Povrat duga"),
        "transfer_in": ("{person}|Uplata", "{person}|Prijenos sredstava"),
        "atm": ("Isplata gotovine|BANKOMAT {bank} {city}",),
        "fee": ("Naknada za vođenje računa", "Naknada za SEPA prijenos"),
        "interest": ("Kamata na sredstva",),
        "refund": ("Povrat|{merchant}",),
        "loan": ("{lender}|Rata kredita {loan}",),
    },
)

SERBIA_LATIN = Region(
    "rs",
    "RSD",
    Decimal("108"),
    ("MAXI", "IDEA", "LIDL SRBIJA", "UNIVEREXPORT", "NIS PETROL", "DM FASHION", "GIGATRON"),
    ("BEOGRAD", "NOVI SAD", "NIŠ", "KRAGUJEVAC", "SUBOTICA", "ČAČAK"),
    ("DUNAV LOGISTIKA D.O.O.", "SAVA SOFTVER D.O.O."),
    ("EPS SNABDEVANJE", "INFOSTAN TEHNOLOGIJE", "BEOGRADSKE ELEKTRANE", "TELEKOM SRBIJA", "SBB"),
    ("INTESA LEASING", "UNICREDIT LEASING"),
    ("NIKOLA JOVANOVIĆ", "JELENA PETROVIĆ", "MILOŠ NIKOLIĆ", "MARIJA ĐORĐEVIĆ"),
    ("INTESA", "UNICREDIT", "RAIFFEISEN", "OTP SRBIJA", "AIK BANKA"),
    "4058 **** **** {last4}",
    {
        "salary": ("{employer}|Zarada za {period}",),
        "rent": ("{person}|Zakup stana {period}",),
        "utility": ("{utility}|Račun {ref:.8}", "{utility}|Trajni nalog"),
        "grocery": ("Kupovina POS|{merchant} {city}",),
        "card": ("Kupovina POS|{merchant} {city}", "Kupovina internet|{merchant}"),
        "transfer_out": ("{person}|Prenos sredstava", "{person}|Pozajmica"),
        "transfer_in": ("{person}|Uplata", "{person}|Prenos sredstava"),
        "atm": ("Isplata gotovine|ATM {bank} {city}",),
        "fee": ("Naknada za vođenje računa", "Naknada za platni promet"),
        "interest": ("Kamata na sredstva",),
        "refund": ("Povraćaj|{merchant}",),
        "loan": ("{lender}|Rata kredita {loan}",),
    },
)

SERBIA_CYRILLIC = Region(
    "rs",
    "RSD",
    Decimal("108"),
    ("МАКСИ", "ИДЕА", "ЛИДЛ СРБИЈА", "УНИВЕРЕКСПОРТ", "НИС ПЕТРОЛ", "ГИГАТРОН"),
    ("БЕОГРАД", "НОВИ САД", "НИШ", "КРАГУЈЕВАЦ", "СУБОТИЦА", "ЧАЧАК"),
    ("ДУНАВ ЛОГИСТИКА Д.О.О.", "САВА СОФТВЕР Д.О.О."),
    ("ЕПС СНАБДЕВАЊЕ", "ИНФОСТАН ТЕХНОЛОГИЈЕ", "БЕОГРАДСКЕ ЕЛЕКТРАНЕ", "ТЕЛЕКОМ СРБИЈА"),
    ("РАЈФАЈЗЕН ЛИЗИНГ", "ИНТЕЗА ЛИЗИНГ"),
    ("НИКОЛА ЈОВАНОВИЋ", "ЈЕЛЕНА ПЕТРОВИЋ", "МИЛОШ НИКОЛИЋ", "МАРИЈА ЂОРЂЕВИЋ"),
    ("ИНТЕЗА", "УНИКРЕДИТ", "ОТП СРБИЈА", "АИК БАНКА"),
    "4058 **** **** {last4}",
    {
        "salary": ("{employer}|Зарада",),
        "rent": ("{person}|Закуп стана",),
        "utility": ("{utility}|Рачун {ref:.8}", "{utility}|Трајни налог"),
        "grocery": ("Куповина ПОС|{merchant} {city}",),
        "card": ("Куповина ПОС|{merchant} {city}", "Куповина интернет|{merchant}"),
        "transfer_out": ("{person}|Пренос средстава", "{person}|Позајмица"),
        "transfer_in": ("{person}|Уплата", "{person}|Пренос средстава"),
        "atm": ("Исплата готовине|АТМ {bank} {city}",),
        "fee": ("Накнада за вођење рачуна", "Накнада за платни промет"),
        "interest": ("Камата на средства",),
        "refund": ("Повраћај|{merchant}",),
        "loan": ("{lender}|Рата кредита {loan}",),
    },
)

ESTONIA = Region(
    "ee",
    "EUR",
    Decimal("0.92"),
    ("RIMI", "PRISMA", "SELVER", "MAXIMA EESTI", "COOP EESTI", "CIRCLE K", "BOLT", "WOLT"),
    ("TALLINN", "TARTU", "PÄRNU", "NARVA", "VILJANDI", "RAKVERE"),
    ("OÜ PÕHJALA LOGISTIKA", "AS TOOMPEA TARKVARA"),
    ("EESTI ENERGIA AS", "TALLINNA VESI AS", "ELISA EESTI AS", "TELIA EESTI AS", "ADAX OÜ"),
    ("BIGBANK AS", "INBANK AS"),
    ("MARI TAMM", "JAAN SAAR", "KATRIN MÄGI", "ANDRES KASK", "LIIS OJA"),
    ("SEB", "SWEDBANK", "LHV", "LUMINOR", "COOP PANK"),
    "4921 **** **** {last4}",
    {
        "salary": ("{employer}|Töötasu {period}",),
        "rent": ("{person}|Üür {period}",),
        "utility": ("{utility}|Arve nr {ref:.8}", "{utility}|E-arve {ref:.6}"),
        "grocery": ("{merchant}|Kaardimakse {card} {city}",),
        "card": ("{merchant}|Kaardimakse {card} {city}", "{merchant}|Internetiost"),
        "transfer_out": ("{person}|Ülekanne", "{person}|Võla tagastus"),
        "transfer_in": ("{person}|Ülekanne", "{person}|Piletid"),
        "atm": ("|Sularaha väljamakse {bank} {city}",),
        "fee": ("|Igakuine teenustasu", "|Kaardi hooldustasu"),
        "interest": ("|Intress",),
        "refund": ("{merchant}|Tagastus",),
        "loan": ("{lender}|Laenumakse {loan}",),
    },
)
