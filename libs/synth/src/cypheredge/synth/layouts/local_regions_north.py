"""Narrations of the fourth split's northern countries (held out, tuned on since it was scored):
Greece, Ukraine, Kazakhstan and Portugal.

A `|` marks where the bank starts a new line or a column of its own: the layouts decide which
(Piraeus prints the first part as Περιγραφή Συναλλαγής and the second under Σχόλια / Κωδικός
Αναφοράς; Kaspi prints the first as Операция and the second as Детали; PrivatBank prints the
purpose and then the counterparty in Реквізити контрагента). @-markers (see local_print.narrate)
take the transaction's own date. Greek, Ukrainian and Kazakh/Russian narrations are printed in
their own scripts; the embedded DejaVu subset carries Greek and Cyrillic.
"""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

# Upper-case, unaccented, as Greek banks print narrations (ΑΓΟΡΑ ΣΚΛΑΒΕΝΙΤΗΣ ΑΘΗΝΑ).
GREECE = Region(
    "gr",
    "EUR",
    Decimal("0.92"),
    ("ΣΚΛΑΒΕΝΙΤΗΣ", "ΑΒ ΒΑΣΙΛΟΠΟΥΛΟΣ", "ΜΑΣΟΥΤΗΣ", "LIDL HELLAS", "ΚΩΤΣΟΒΟΛΟΣ", "PUBLIC"),
    ("ΑΘΗΝΑ", "ΘΕΣΣΑΛΟΝΙΚΗ", "ΠΑΤΡΑ", "ΗΡΑΚΛΕΙΟ", "ΛΑΡΙΣΑ", "ΠΕΙΡΑΙΑΣ"),
    ("ΑΙΓΑΙΟ ΛΟΓΙΣΜΙΚΟ Α.Ε.", "ΟΛΥΜΠΟΣ ΤΡΟΦΙΜΑ Α.Ε."),
    ("ΔΕΗ", "ΕΥΔΑΠ", "COSMOTE", "VODAFONE", "NOVA", "ΗΡΩΝ"),
    ("COFIDIS", "ΚΑΤΑΝΑΛΩΤΙΚΟ ΔΑΝΕΙΟ"),
    ("ΠΑΠΑΔΟΠΟΥΛΟΣ ΓΕΩΡΓΙΟΣ", "ΝΙΚΟΛΑΟΥ ΜΑΡΙΑ", "ΙΩΑΝΝΟΥ ΔΗΜΗΤΡΙΟΣ", "ΚΩΝΣΤΑΝΤΙΝΟΥ ΕΛΕΝΗ"),
    ("ΕΘΝΙΚΗ", "ΠΕΙΡΑΙΩΣ", "EUROBANK", "ALPHA"),
    "4779 XXXX XXXX {last4}",
    {
        "salary": ("ΜΙΣΘΟΔΟΣΙΑ|{employer}", "ΚΑΤΑΘΕΣΗ ΜΙΣΘΟΔΟΣΙΑΣ|{employer}"),
        "rent": ("ΜΕΤΑΦΟΡΑ ΣΕ ΛΟΓ.ΤΡΙΤΟΥ|ΕΝΟΙΚΙΟ @MM.YYYY", "ΕΜΒΑΣΜΑ SEPA|{person}"),
        "utility": ("ΕΞΟΦΛΗΣΗ ΛΟΓΑΡΙΑΣΜΟΥ|{utility} RF{ref}", "ΠΑΓΙΑ ΕΝΤΟΛΗ|{utility}"),
        "grocery": ("ΑΓΟΡΑ {merchant} {city}|{card}",),
        "card": (
            "E-COMMERCE ΑΓΟΡΑ - {merchant}|{card}",
            "3D SECURE E-COMMERCE ΑΓΟΡΑ - {merchant}|{card}",
            "ΑΓΟΡΑ {merchant} {city}|{card}",
        ),
        "transfer_out": ("IRIS ΠΛΗΡΩΜΗ|{person}", "ΜΕΤΑΦΟΡΑ ΣΕ ΛΟΓ.ΤΡΙΤΟΥ|{person}"),
        "transfer_in": (
            "ΜΕΤΑΦΟΡΑ ΑΠΟ ΛΟΓ.ΤΡΙΤΟΥ|{person}",
            "IRIS Payment|{person}",
            "ΕΙΣΕΡΧΟΜΕΝΟ ΕΜΒΑΣΜΑ|{person}",
        ),
        "atm": ("ΑΝΑΛΗΨΗ ΑΠΟ ATM|{bank} {city}",),
        "fee": ("ΕΞΟΔΑ ΤΗΡΗΣΗΣ ΛΟΓΑΡΙΑΣΜΟΥ", "ΠΡΟΜΗΘΕΙΑ ΕΜΒΑΣΜΑΤΟΣ|WINBREM{ref:.5}"),
        "interest": ("ΠΙΣΤΩΤΙΚΟΙ ΤΟΚΟΙ",),
        "refund": ("ΕΠΙΣΤΡΟΦΗ ΑΓΟΡΑΣ {merchant}|{card}",),
        "loan": ("ΔΟΣΗ ΔΑΝΕΙΟΥ|{lender} {loan}",),
    },
)

# The purpose of payment first, the counterparty (Реквізити контрагента) second.
UKRAINE = Region(
    "ua",
    "UAH",
    Decimal(12),
    ("Сільпо", "АТБ", "NOVUS", "ROZETKA", "Нова пошта", "WOG", "OKKO"),
    ("Київ", "Львів", "Одеса", "Харків", "Дніпро", "Вінниця"),
    ('ТОВ "КАРПАТИ СОФТ"', 'ТОВ "ДНІПРО АГРО"'),
    ("YASNO", "Нафтогаз України", "Київстар", "lifecell", "Київводоканал"),
    ('ТОВ "КРЕДИТ ДНІПРО"', 'ТОВ "ФК ЄВРОКРЕДИТ"'),
    ("Шевченко Олена", "Коваленко Андрій", "Бондаренко Ірина", "Ткаченко Максим"),
    ("ПриватБанк", "Ощадбанк", "ПУМБ", "А-Банк", "Райффайзен Банк"),
    "5375 41** **** {last4}",
    {
        "salary": ("Заробітна плата за @MM.YYYY|{employer}",),
        "rent": ("Оплата оренди квартири за @MM.YYYY|{person}",),
        "utility": ("Оплата послуг, особовий рахунок {ref:.8}|{utility}",),
        "grocery": ("{merchant}, {city}",),
        "card": ("{merchant}, {city}", "{merchant}"),
        "transfer_out": ("Переказ на картку|{person}", "Переказ коштів за договором|{person}"),
        "transfer_in": ("Зарахування переказу з картки|{person}", "Поповнення рахунку|{person}"),
        "atm": ("Зняття готівки: банкомат {bank}, {city}",),
        "fee": ("Комісія за обслуговування рахунку", "Комісія за переказ"),
        "interest": ("Нарахування відсотків на залишок",),
        "refund": ("Повернення коштів: {merchant}",),
        "loan": ("Погашення кредиту за договором {loan}|{lender}",),
    },
)

# Kaspi Gold's five operation types (Покупка, Перевод, Пополнение, Снятие, Разное), then the
# details: a merchant, or a person as `Имя Ф.`.
KAZAKHSTAN = Region(
    "kz",
    "KZT",
    Decimal(150),
    ("Magnum Cash&Carry", "Small", "Sulpak", "Technodom", "Glovo", "Yandex Go", "ИП Ахметова"),
    ("Алматы", "Астана", "Шымкент", "Қарағанды", "Өскемен", "Ақтөбе"),
    ('ТОО "Алатау Логистик"', 'АО "Тұран Софт"'),
    ("Алматы Энергосбыт", "АлматыСу", "Kcell", "Beeline", "Казахтелеком"),
    ('ТОО МФО "Жылдам Несие"', 'АО "Кредит Дала"'),
    ("Айгерім С.", "Нұрлан Б.", "Дмитрий К.", "Асель Т.", "Ерлан Ж."),
    ("Halyk", "Jusan", "Freedom Bank", "ForteBank", "Банк ЦентрКредит"),
    "*{last4}",
    {
        "salary": ("Пополнение|Заработная плата {employer}",),
        "rent": ("Перевод|{person}",),
        "utility": ("Разное|Оплата {utility}, л/с {ref:.9}",),
        "grocery": ("Покупка|{merchant}",),
        "card": ("Покупка|{merchant}", "Покупка|{merchant}, {city}"),
        "transfer_out": ("Перевод|{person}",),
        "transfer_in": ("Пополнение|{person}", "Пополнение|С карты {bank}"),
        "atm": ("Снятие|Банкомат, {city}",),
        "fee": ("Разное|Комиссия за перевод", "Разное|Обслуживание карты"),
        "interest": ("Пополнение|Вознаграждение по депозиту",),
        "refund": ("Возврат|{merchant}",),
        "loan": ("Разное|Погашение кредита {loan}",),
    },
)

# BPI-style upper-case narrations without accents (TRF CR SEPA+ 0000030 DE ..., DD ... ref);
# the optional second part is a second line (Millennium) or a card line. `@PTMON` is the month as
# Portuguese banks abbreviate it (OUT 2025), filled in by the layout.
PORTUGAL = Region(
    "pt",
    "EUR",
    Decimal("0.92"),
    ("PINGO DOCE", "CONTINENTE", "LIDL", "GALP", "WORTEN", "FNAC", "UBER EATS"),
    ("LISBOA", "PORTO", "BRAGA", "COIMBRA", "FARO", "AVEIRO"),
    ("TEJO SOFTWARE LDA", "DOURO LOGISTICA SA"),
    ("EDP COMERCIAL", "SU ELETRICIDADE, S.A.", "EPAL", "MEO", "NOS COMUNICACOES"),
    ("COFIDIS", "CREDIBOM"),
    ("JOAO MANUEL FERNANDES", "MARIA JOSE SILVA", "ANA RITA COSTA", "PEDRO MIGUEL SANTOS"),
    ("CGD", "BPI", "SANTANDER", "NOVO BANCO", "MILLENNIUM"),
    "4543****{last4}",
    {
        "salary": ("TRF CR SEPA+ {ref:.7} DE {employer}", "VENCIMENTO @PTMON|{employer}"),
        "rent": ("TRF P/ {person}|RENDA @PTMON",),
        "utility": ("DD {utility} 100{ref}",),
        "grocery": ("COMPRA {merchant} {city}|CARTAO {card}",),
        "card": ("COMPRA {merchant} {city}|CARTAO {card}", "PAG SERV {merchant}"),
        "transfer_out": ("TRF MB WAY P/ {person}", "TRF P/ {person}"),
        "transfer_in": (
            "TRF CR SEPA+ {ref:.7} DE {person}",
            "TRF CR INTRAB {ref:.3} DE {person}",
            "TRF MB WAY DE {person}",
        ),
        "atm": ("LEVANTAMENTO MB {city}|CARTAO {card}",),
        "fee": ("MANUTENCAO DE CONTA @PTMON", "COMISSAO TRF SEPA+"),
        "interest": ("JUROS CREDORES @PTMON",),
        "refund": ("DEVOLUCAO COMPRA {merchant}",),
        "loan": ("PREST CREDITO {lender} {loan}",),
    },
)
