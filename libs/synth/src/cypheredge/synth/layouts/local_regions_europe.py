"""Narrations of the fifth split's European countries (tuned on since): Lithuania and Bulgaria.

Templates give the counterparty and the payment's purpose as `party|purpose` (no party for the
bank's own postings, which name the bank itself): the layouts print
the party in a column of its own (Luminor's Mokėtojas / Gavėjas, DSK's Контрагент) or as a line
of the description (UBB), and the purpose as the description cell. UniCredit Bulbank's template
is `operation|description`: its CSV export has an Операция column (the operation type) beside the
Описание. UBB's card lines keep the Latin `MERCHANT-CITY-BG` terminal names its statements
print; everything else is in Lithuanian or Bulgarian Cyrillic, which the embedded DejaVu subset
carries.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

LITHUANIA = Region(
    "lt",
    "EUR",
    Decimal("0.92"),
    ("MAXIMA", "IKI", "RIMI", "LIDL", "NORFA", "CIRCLE K", "BOLT FOOD", "WOLT"),
    ("VILNIUS", "KAUNAS", "KLAIPĖDA", "ŠIAULIAI", "PANEVĖŽYS", "ALYTUS"),
    ("UAB BALTIJOS LOGISTIKA", "UAB NERIS SOFTWARE"),
    ("IGNITIS", "ESO", "VILNIAUS VANDENYS", "TELIA LIETUVA", "BITĖ LIETUVA", "TELE2"),
    ("UAB KREDITO NAMAI", "UAB MOKILIZINGAS"),
    ("JONAS PETRAITIS", "RŪTA KAZLAUSKIENĖ", "MANTAS JANKAUSKAS", "EGLĖ STANKEVIČIŪTĖ"),
    ("SWEDBANK", "SEB BANKAS", "REVOLUT", "PAYSERA LT", "MEDICINOS BANKAS"),
    "516732******{last4}",
    {
        "salary": ("{employer}|Darbo užmokestis",),
        "rent": ("{person}|Buto nuoma",),
        "utility": ("{utility}|Sąskaita Nr. {ref:.8}", "{utility}|Įmokos kodas {ref:.6}"),
        "grocery": ("{merchant}|Mokėjimas kortele {card} {city}",),
        "card": ("{merchant}|Mokėjimas kortele {card} {city}", "{merchant}|Pirkinys internetu"),
        "transfer_out": ("{person}|Pavedimas", "{person}|Skola grąžinta"),
        "transfer_in": ("{person}|Pavedimas", "{person}|Grąžinu už bilietus"),
        "atm": ("{bank}|Grynųjų pinigų išėmimas {city}",),
        "fee": ("|Sąskaitos aptarnavimo mokestis", "|Mokėjimo kortelės mokestis"),
        "interest": ("|Palūkanos",),
        "refund": ("{merchant}|Grąžinimas",),
        "loan": ("{lender}|Paskolos įmoka {loan}",),
    },
)

BULGARIA_DSK = Region(
    "bg",
    "BGN",
    Decimal("1.8"),
    ("КАУФЛАНД БЪЛГАРИЯ", "ЛИДЛ БЪЛГАРИЯ", "БИЛЛА БЪЛГАРИЯ", "ФАНТАСТИКО", "ЛУКОЙЛ", "ЕМАГ"),
    ("СОФИЯ", "ПЛОВДИВ", "ВАРНА", "БУРГАС", "РУСЕ", "ПЛЕВЕН", "СТАРА ЗАГОРА"),
    ("ТРАКИЯ ЛОГИСТИК ЕООД", "БАЛКАН СОФТУЕР ООД"),
    ("ЕЛЕКТРОХОЛД ПРОДАЖБИ", "ТОПЛОФИКАЦИЯ СОФИЯ", "СОФИЙСКА ВОДА", "А1 БЪЛГАРИЯ", "ВИВАКОМ"),
    ("КРЕДИТ ЕКСПРЕС ЕАД", "ЛИЗИНГ ПЛЮС ЕООД"),
    ("ИВАН ПЕТРОВ ГЕОРГИЕВ", "МАРИЯ ИВАНОВА ДИМИТРОВА", "ГЕОРГИ СТОЯНОВ", "ЕЛЕНА НИКОЛОВА"),
    ("УНИКРЕДИТ БУЛБАНК", "ОББ", "ПОЩЕНСКА БАНКА", "ФИБАНК", "ПРОКРЕДИТ БАНК"),
    "5574**{last4}",
    {
        "salary": ("{employer}|ЗАПЛАТА ЗА МЕСЕЦА",),
        "rent": ("{person}|НАЕМ АПАРТАМЕНТ",),
        "utility": ("{utility}|ФРА {ref} ПЛАЩАНЕ ПО Ф-РА", "{utility}|КЛИЕНТСКИ НОМЕР {ref:.8}"),
        "grocery": ("{merchant}|ПЛАЩАНЕ С КАРТА {card} {city}",),
        "card": ("{merchant}|ПЛАЩАНЕ С КАРТА {card} {city}", "{merchant}|ПЛАЩАНЕ В ИНТЕРНЕТ"),
        "transfer_out": ("{person}|ПРЕВОД", "{person}|ВРЪЩАНЕ НА ЗАЕМ"),
        "transfer_in": ("{person}|ПРЕВОД", "{person}|{ref:.10} ОТСТЪПКА"),
        "atm": ("|ТЕГЛЕНЕ ОТ АТМ {city}",),
        "fee": ("|ТАКСА ОБСЛУЖВАНЕ ПАКЕТ", "|ТАКСА ПРЕВОД"),
        "interest": ("|ЛИХВА ПО СМЕТКА",),
        "refund": ("{merchant}|ВЪЗСТАНОВЕНА СУМА",),
        "loan": ("|ВНОСКА ПО КРЕДИТ {loan}",),
    },
)

BULGARIA_UBB = replace(
    BULGARIA_DSK,
    merchants=("KAUFLAND BULGARIA", "LIDL BULGARIA", "BILLA", "FANTASTICO", "OMV", "EMAG.BG"),
    cities=("SOFIA", "PLOVDIV", "VARNA", "BURGAS", "RUSE", "PLEVEN"),
    banks=("БАНКА ДСК", "УНИКРЕДИТ БУЛБАНК", "ПОЩЕНСКА БАНКА", "ФИБАНК"),
    templates={
        "salary": ("СЕПА ПОЛУЧЕН|{employer}|BG{ref:.2}STSA{ref}{ref:.5}|ОТ БАНКА: {bank}",),
        "rent": ("ИЗХОДЯЩ ПРЕВОД|{person}|НАЕМ",),
        "utility": ("ПЛАЩАНЕ НА СМЕТКА|{utility}|{ref}{ref:.1}",),
        "grocery": ("КАРТОВА ТРАНЗАКЦИЯ|PO{ref:.6}|{merchant}-{city}-BG",),
        "card": ("КАРТОВА ТРАНЗАКЦИЯ|PO{ref:.6}|{merchant}-{city}-BG",),
        "transfer_out": ("ИЗХОДЯЩ ПРЕВОД|{person}|ПРЕВОД",),
        "transfer_in": ("СЕПА ПОЛУЧЕН|{person}|BG{ref:.2}UNCR{ref}{ref:.5}|ОТ БАНКА: {bank}",),
        "atm": ("КАРТОВА ТРАНЗАКЦИЯ|R1{ref:.6}|ТЕГЛЕНЕ ATM-{city}-BG",),
        "fee": ("СЪБРАНА ТАКСА ИЛИ КОМИСИОНА|МЕСЕЧНА ТАКСА ОБСЛУЖВАНЕ",),
        "interest": ("НАЧИСЛЕНА ЛИХВА",),
        "refund": ("КАРТОВА ТРАНЗАКЦИЯ|ВЪЗСТАНОВЯВАНЕ|{merchant}-{city}-BG",),
        "loan": ("ПОГАСЯВАНЕ НА КРЕДИТ|{loan}",),
    },
)

BULGARIA_UNICREDIT = replace(
    BULGARIA_DSK,
    templates={
        "salary": ("Входящ превод|{employer} заплата",),
        "rent": ("Изходящ превод|{person} наем",),
        "utility": ("Плащане на битова сметка|{utility} абонатен номер {ref:.8}",),
        "grocery": ("Картова транзакция|{merchant} {city}",),
        "card": ("Картова транзакция|{merchant} {city}", "Плащане в интернет|{merchant}"),
        "transfer_out": ("Изходящ превод|{person}", "Вътрешнобанков превод|{person}"),
        "transfer_in": ("Входящ превод|{person}",),
        "atm": ("Теглене от банкомат|{city}",),
        "fee": ("Такса|месечна такса за обслужване", "Такса|такса за превод"),
        "interest": ("Лихва|лихва по сметка",),
        "refund": ("Картова транзакция|възстановяване {merchant}",),
        "loan": ("Погасяване на кредит|вноска {loan}",),
    },
)
