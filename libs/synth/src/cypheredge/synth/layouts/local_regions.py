"""Narrations of Italy, the Netherlands, Poland, Mexico, the UAE and the Philippines.

A `|` in a template marks where the bank starts a new line inside the description (payee, title,
reference, location): layouts print it as a line break or a space, and the truth is what is printed.
"""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

ITALY = Region(
    "it",
    "EUR",
    Decimal(1),
    (
        "ESSELUNGA",
        "CONAD SUPERSTORE",
        "COOP LOMBARDIA",
        "AUTOGRILL",
        "TRENITALIA",
        "IPER LA GRANDE I",
    ),
    ("MILANO", "ROMA", "TORINO", "BOLOGNA", "NAPOLI", "FIRENZE"),
    ("ROSSI METALMECCANICA SPA", "STUDIO ASSOCIATO BIANCHI"),
    ("ENEL ENERGIA SPA", "A2A ENERGIA", "TIM SPA", "HERA COMM", "FASTWEB SPA"),
    ("AGOS DUCATO", "FINDOMESTIC BANCA"),
    ("MARIO ROSSI", "GIULIA BIANCHI", "LUCA ESPOSITO", "FRANCESCA RICCI"),
    ("INTESA SANPAOLO", "UNICREDIT", "BPER"),
    "****{last4}",
    {
        "salary": (
            "ACCREDITO BONIFICO DA {employer}|PER EMOLUMENTI CRO {ref}",
            "BONIFICO A VOSTRO FAVORE|ORD. {employer}|CAUSALE STIPENDIO TRN {ref}",
        ),
        "rent": ("BONIFICO SEPA A {person}|CANONE DI LOCAZIONE CRO {ref}",),
        "utility": (
            "ADDEBITO DIRETTO SDD {utility}|MANDATO N. {ref}",
            "PAGAMENTO UTENZA {utility} {ref}",
        ),
        "grocery": ("PAGAMENTO POS|{merchant} {city}|CARTA {card}",),
        "card": (
            "PAGAMENTO POS|{merchant} {city}|CARTA {card}",
            "PAGAMENTO CARTA {card}|{merchant}",
        ),
        "transfer_out": ("BONIFICO SEPA A {person}|CRO {ref}", "GIROCONTO A {person} RIF {ref}"),
        "transfer_in": (
            "BONIFICO DA {person}|CRO {ref}",
            "BONIFICO ISTANTANEO DA {person}|TRN {ref}",
        ),
        "atm": ("PRELIEVO BANCOMAT {bank}|{city} CARTA {card}",),
        "fee": ("CANONE MENSILE CONTO", "IMPOSTA DI BOLLO E/C", "COMMISSIONI E SPESE TENUTA CONTO"),
        "interest": ("COMPETENZE DI CHIUSURA|INTERESSI CREDITORI",),
        "refund": ("STORNO PAGAMENTO POS|{merchant} {city}",),
        "loan": ("RATA FINANZIAMENTO {lender}|PRATICA {loan}", "ADDEBITO RATA MUTUO N. {loan}"),
        "cheque_in": ("VERSAMENTO ASSEGNO N. {chq}|SU {bank}",),
        "cheque_return": ("ASSEGNO INSOLUTO N. {chq}|RICHIAMATO",),
        "cheque_fee": ("COMMISSIONE ASSEGNO INSOLUTO N. {chq}",),
        "check": ("ASSEGNO N. {chq} PAGATO",),
    },
)

NETHERLANDS = Region(
    "nl",
    "EUR",
    Decimal(1),
    ("Albert Heijn 1403", "Jumbo 4521", "HEMA", "NS Groep IZ NS Reizigers", "Kruidvat 7731"),
    ("Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Eindhoven", "Groningen"),
    ("Polderbouw B.V.", "Dijkstra Software B.V."),
    ("Vattenfall Klantenservice N.V.", "Eneco Consumenten B.V.", "KPN B.V.", "Ziggo Services B.V."),
    ("DUO Hoofdrekening", "Santander Consumer Finance"),
    ("J. de Vries", "A.M. Jansen", "P. Bakker", "S. van Dijk"),
    ("ING", "Rabobank", "ABN AMRO"),
    "{last4}",
    {
        "salary": ("{employer}|Omschrijving: Salaris|IBAN: NL27INGB0{ref}|Kenmerk: {loan}",),
        "rent": ("{person}|Omschrijving: Huur woning|IBAN: NL02RABO0{ref}",),
        "utility": (
            "{utility}|Incassant ID: NL98ZZZ{ref}0000|Machtiging ID: {loan}|Omschrijving: Termijn",
        ),
        "grocery": ("{merchant} {city}|Pasvolgnr: 001 Transactie: {ref}",),
        "card": ("{merchant} {city}|Pasvolgnr: 002 Transactie: {ref} Term: CT{card}",),
        "transfer_out": ("{person}|Omschrijving: Terugbetaling {ref}|IBAN: NL18RABO0{ref}",),
        "transfer_in": ("{person}|Omschrijving: Tikkie {ref}|IBAN: NL44ABNA0{ref}",),
        "atm": ("{bank} {city}|Geldautomaat Pasvolgnr: 001 Transactie: {ref}",),
        "fee": (
            "Kosten Betaalpakket|Omschrijving: Periode maandelijks",
            "Kosten gebruik betaalrekening",
        ),
        "interest": ("Rente|Omschrijving: Creditrente",),
        "refund": ("{merchant}|Omschrijving: Retour bestelling {ref}",),
        "loan": ("{lender}|Omschrijving: Aflossing {loan}|Kenmerk: {ref}",),
    },
)

POLAND = Region(
    "pl",
    "PLN",
    Decimal(4),
    ("BIEDRONKA 1234", "ŻABKA Z5521", "LIDL SP. Z O.O.", "ORLEN STACJA NR 481", "ROSSMANN 77"),
    ("WARSZAWA", "KRAKÓW", "GDAŃSK", "ŁÓDŹ", "WROCŁAW", "POZNAŃ"),
    ("PRZEDSIĘBIORSTWO KOWALSKI SP. Z O.O.", "TECHSOFT POLSKA S.A."),
    ("PGE OBRÓT S.A.", "TAURON SPRZEDAŻ", "ORANGE POLSKA", "MPWIK WARSZAWA"),
    ("KREDYT GOTÓWKOWY", "SANTANDER CONSUMER BANK"),
    ("JAN KOWALSKI", "ANNA NOWAK", "PIOTR WIŚNIEWSKI", "KATARZYNA WÓJCIK", "ŁUKASZ ZIELIŃSKI"),
    ("PKO BP", "MBANK", "PEKAO"),
    "425125******{last4}",
    {
        "salary": ("PRZELEW NA KONTO|Nazwa nadawcy: {employer}|Tytuł: WYNAGRODZENIE {ref}",),
        "rent": ("PRZELEW Z RACHUNKU|Nazwa odbiorcy: {person}|Tytuł: CZYNSZ ZA MIESZKANIE",),
        "utility": ("POLECENIE ZAPŁATY|Nazwa odbiorcy: {utility}|Tytuł: FAKTURA {ref}",),
        "grocery": (
            "PŁATNOŚĆ KARTĄ|Lokalizacja: Kraj: POLSKA Miasto: {city}|Adres: {merchant}|"
            "Numer karty: {card}",
        ),
        "card": (
            "ZAKUP PRZY UŻYCIU KARTY|Lokalizacja: Miasto: {city} Adres: {merchant}|"
            "Numer karty: {card}",
            "PŁATNOŚĆ WEB - KOD MOBILNY|Numer telefonu: +48 600 {ref}|Adres: {merchant}",
        ),
        "transfer_out": (
            "PRZELEW NA TELEFON BLIK|Nazwa odbiorcy: {person}|Tytuł: PRZELEW NA TELEFON",
            "PRZELEW Z RACHUNKU|Nazwa odbiorcy: {person}|Tytuł: ZWROT {ref}",
        ),
        "transfer_in": ("PRZELEW NA KONTO|Nazwa nadawcy: {person}|Tytuł: ZWROT ZA ZAKUPY",),
        "atm": (
            "WYPŁATA Z BANKOMATU|Lokalizacja: Miasto: {city} Adres: {bank}|Numer karty: {card}",
        ),
        "fee": ("OPŁATA ZA KARTĘ", "OPŁATA ZA PROWADZENIE RACHUNKU", "PROWIZJA ZA PRZELEW"),
        "interest": ("KAPITALIZACJA ODSETEK",),
        "refund": ("ZWROT PŁATNOŚCI KARTĄ|Adres: {merchant}",),
        "loan": ("SPŁATA KREDYTU|Nr umowy: {loan}|{lender}",),
    },
)

MEXICO = Region(
    "mx",
    "MXN",
    Decimal(18),
    ("OXXO", "WALMART SUPERCENTER", "SORIANA HIPER", "LIVERPOOL", "PEMEX GASOLINERA", "AMAZON MX"),
    ("CDMX", "GUADALAJARA", "MONTERREY", "PUEBLA", "QUERETARO"),
    ("GRUPO INDUSTRIAL AZTECA SA DE CV", "SERVICIOS NORTE SA DE CV"),
    ("CFE SUMINISTRADOR", "TELMEX", "TOTALPLAY", "IZZI TELECOM"),
    ("CREDITO NOMINA", "INFONAVIT"),
    ("JUAN PEREZ LOPEZ", "MARIA GONZALEZ RUIZ", "CARLOS HERNANDEZ", "ANA MARTINEZ SOTO"),
    ("BANORTE", "SANTANDER", "BANAMEX", "HSBC"),
    "******{last4}",
    {
        "salary": ("PAGO DE NOMINA|{employer}|REF {ref}",),
        "rent": ("SPEI ENVIADO {bank}|{person}|CONCEPTO RENTA REF {ref}",),
        "utility": (
            "DOMICILIACION {utility}|REF {ref}",
            "PAGO DE SERVICIO {utility}|CONVENIO {loan}",
        ),
        "grocery": ("{merchant} {city}|TARJETA {card}",),
        "card": ("{merchant} {city}|AUT {ref} TARJETA {card}",),
        "transfer_out": ("SPEI ENVIADO {bank}|{person}|CLAVE DE RASTREO {ref}",),
        "transfer_in": ("SPEI RECIBIDO {bank}|{person}|CLAVE DE RASTREO {ref}",),
        "atm": ("RETIRO CAJERO AUTOMATICO|{bank} {city}|TARJETA {card}",),
        "fee": ("COMISION MANEJO DE CUENTA", "IVA COMISION MANEJO DE CUENTA"),
        "interest": ("INTERESES GANADOS",),
        "refund": ("DEVOLUCION {merchant}|REF {ref}",),
        "loan": ("PAGO {lender}|CREDITO {loan}",),
        "cheque_in": ("DEPOSITO CHEQUE {chq}|{bank}",),
        "cheque_return": ("CHEQUE DEVUELTO {chq}|FONDOS INSUFICIENTES",),
        "cheque_fee": ("COMISION CHEQUE DEVUELTO {chq}",),
        "check": ("CHEQUE PAGADO NO. {chq}",),
    },
)

EMIRATES = Region(
    "ae",
    "AED",
    Decimal("3.7"),
    ("CARREFOUR MOE", "LULU HYPERMARKET", "ENOC SERVICE STATION", "NOON.COM", "TALABAT", "CAREEM"),
    ("DUBAI:AE", "ABU DHABI:AE", "SHARJAH:AE", "AL AIN:AE"),
    ("GULF CONTRACTING LLC", "AL NOOR TRADING CO LLC"),
    ("DEWA", "ETISALAT", "DU", "SEWA", "ADDC", "SALIK"),
    ("PERSONAL FINANCE", "AUTO LOAN"),
    ("MOHAMMED AL HASHIMI", "FATIMA AL MANSOORI", "RAJESH NAIR", "AHMED KHAN"),
    ("ENBD", "ADCB", "FAB", "MASHREQ"),
    "4***********{last4}",
    {
        "salary": (
            "SALARY TRANSFER IPI TT REF {ref} {employer} /REF/ SALARY",
            "INWARD REMITTANCE WPS SALARY {employer} REF {ref}",
        ),
        "rent": ("CHEQUE NO {chq} CLEARING RENT {person}", "FUNDS TRANSFER TO {person} RENT {ref}"),
        "utility": ("{utility} BILL PAYMENT MOBILE BANKING REF {ref}", "SMART PAY {utility} {ref}"),
        "grocery": ("POS-PURCHASE CARD NO.{card} {merchant} {city}",),
        "card": (
            "POS-PURCHASE CARD NO.{card} {merchant} {city} AUTH {ref}",
            "ECOM PURCHASE CARD NO.{card} {merchant} {city}",
        ),
        "transfer_out": (
            "IPP OUTWARD TRANSFER TO {person} REF {ref}",
            "TT OUTWARD REMITTANCE {person} REF {ref} INDIA",
        ),
        "transfer_in": (
            "IPI TT REF {ref} INWARD {person}",
            "FUNDS TRANSFER FROM {person} REF {ref}",
        ),
        "atm": ("ATM CASH WITHDRAWAL CARD NO.{card} {bank} ATM {city}",),
        "fee": ("MONTHLY FEE FOR FALL BELOW MINIMUM BALANCE", "VAT ON CHARGES"),
        "interest": ("PROFIT PAID", "INTEREST CREDIT"),
        "refund": ("REFUND CARD NO.{card} {merchant} {city}",),
        "loan": ("LOAN INSTALLMENT {lender} {loan}",),
        "cheque_in": ("CHEQUE DEPOSIT {chq} CLEARING {bank}",),
        "cheque_return": ("RETURNED CHEQUE {chq} INSUFFICIENT FUNDS",),
        "cheque_fee": ("CHEQUE RETURN CHARGES {chq}",),
        "check": ("CHEQUE NO {chq} CLEARING",),
    },
)

PHILIPPINES = Region(
    "ph",
    "PHP",
    Decimal(56),
    ("SM SUPERMARKET", "PUREGOLD PRICE CLUB", "JOLLIBEE", "MERCURY DRUG", "SHOPEE PH", "GRAB PH"),
    ("MAKATI", "QUEZON CITY", "PASIG", "CEBU CITY", "DAVAO CITY", "TAGUIG"),
    ("ACME OUTSOURCING PHILS INC", "LUZON HOLDINGS CORP"),
    ("MERALCO", "PLDT", "GLOBE TELECOM", "MANILA WATER", "MAYNILAD", "CONVERGE ICT"),
    ("PAG-IBIG FUND", "SSS SALARY LOAN", "HOME CREDIT"),
    ("JUAN DELA CRUZ", "MARIA CLARA SANTOS", "JOSE REYES", "ANNA GARCIA"),
    ("BPI", "BDO", "METROBANK", "LANDBANK"),
    "************{last4}",
    {
        "salary": ("PAYROLL CREDIT {employer}", "FUND TRANSFER FROM {employer} PAYROLL {ref}"),
        "rent": ("INSTAPAY TRANSFER TO {person} {ref} RENT",),
        "utility": ("BILLS PAYMENT {utility} REF NO {ref}",),
        "grocery": ("POS PURCHASE {merchant} {city}",),
        "card": ("POS PURCHASE {merchant} {city} {ref}", "ONLINE PURCHASE {merchant}"),
        "transfer_out": ("INSTAPAY TRANSFER TO GCASH {ref}", "PESONET TRANSFER TO {person} {bank}"),
        "transfer_in": ("INSTAPAY TRANSFER FROM {person} {ref}", "FUND TRANSFER FROM {person}"),
        "atm": ("ATM WITHDRAWAL {bank} {city}", "CASH WITHDRAWAL {bank} ATM {city}"),
        "fee": ("SERVICE CHARGE FALL BELOW MAINTAINING BAL", "WITHHOLDING TAX ON INTEREST"),
        "interest": ("INTEREST EARNED",),
        "refund": ("REVERSAL POS {merchant}",),
        "loan": ("LOAN PAYMENT {lender} {loan}",),
        "cheque_in": ("CHECK DEPOSIT {chq} {bank}",),
        "cheque_return": ("RETURNED CHECK {chq} DAIF",),
        "cheque_fee": ("RETURNED CHECK CHARGE {chq}",),
        "check": ("CHECK ENCASHMENT {chq}",),
    },
)
