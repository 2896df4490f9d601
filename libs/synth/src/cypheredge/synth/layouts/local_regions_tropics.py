"""Narrations of the sixth split's Bangladesh, Ecuador and Uganda (tuned on since).

A `|` marks where the bank starts a new line inside the description. Bangladeshi narrations name
the country's rails (BEFTN and NPSB transfers, bKash and Nagad wallets, DESCO and Titas bills)
and the charges banks post on their own (SMS alert charges, the excise duty and the VAT on
charges). Ecuadorian ones are the Spanish of Banco Pichincha's and Banco Guayaquil's movement
lists (TRANSFERENCIA INTERBANCARIA SPI, PAGO DE SERVICIOS, RETIRO CAJERO AUTOMATICO, CONSUMO
TARJETA DE DEBITO). Ugandan ones name MTN MoMo and Airtel Money, the UMEME and NWSC bills and the
EFT and RTGS rails of Stanbic, Centenary and dfcu.
"""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

BANGLADESH = Region(
    "bd",
    "BDT",
    Decimal("110"),
    ("SHWAPNO", "AGORA", "MEENA BAZAR", "UNIMART", "DARAZ BD", "FOODPANDA BD", "AARONG"),
    ("DHAKA", "CHATTOGRAM", "KHULNA", "RAJSHAHI", "SYLHET", "GAZIPUR"),
    ("BENGAL TEXTILES LTD", "PADMA SOFTWARE LTD"),
    ("DESCO", "DPDC", "TITAS GAS", "DHAKA WASA", "GRAMEENPHONE", "ROBI AXIATA"),
    ("IDLC FINANCE", "LANKABANGLA FINANCE"),
    ("MD RAFIQUL ISLAM", "NUSRAT JAHAN", "TANVIR AHMED", "FARHANA AKTER"),
    ("SONALI BANK", "CITY BANK", "EBL", "PRIME BANK", "DBBL"),
    "4526 XXXX XXXX {last4}",
    {
        "salary": ("SALARY {period}|BEFTN CR {employer}",),
        "rent": ("BEFTN DR {person}|HOUSE RENT {period}",),
        "utility": ("BILL PAY {utility}|CUST ID {ref:.8}", "{utility} BILL PAYMENT"),
        "grocery": ("POS PURCHASE {merchant}|{city}",),
        "card": ("POS PURCHASE {merchant}|{city}", "ECOM {merchant}|CARD {card}"),
        "transfer_out": ("NPSB FUND TRANSFER|TO {person}", "BKASH TRANSFER|{person}"),
        "transfer_in": ("BEFTN CR {person}", "NAGAD TO BANK|{person}"),
        "atm": ("ATM CASH WITHDRAWAL|{bank} {city}",),
        "fee": ("SMS ALERT CHARGE", "ACCOUNT MAINTENANCE FEE", "DEBIT CARD ANNUAL FEE"),
        "interest": ("INTEREST CREDIT",),
        "refund": ("POS REVERSAL {merchant}",),
        "loan": ("LOAN INSTALLMENT|{lender} {loan}",),
    },
)

ECUADOR = Region(
    "ec",
    "USD",
    Decimal("1"),
    ("SUPERMAXI", "MI COMISARIATO", "TIA", "AKI", "FYBECA", "KFC ECUADOR", "DE PRATI"),
    ("QUITO", "GUAYAQUIL", "CUENCA", "AMBATO", "MANTA", "LOJA"),
    ("ANDES LOGISTICA S.A.", "COSTA SOFTWARE CIA. LTDA."),
    ("EMPRESA ELECTRICA QUITO", "CNEL EP", "EPMAPS AGUA", "CNT EP", "CLARO ECUADOR"),
    ("DINERS CLUB", "COOP JEP"),
    ("JUAN CARLOS ZAMBRANO", "MARIA JOSE VERA", "LUIS ANDRADE", "GABRIELA MORA"),
    ("PRODUBANCO", "BANCO PACIFICO", "BANCO INTERNACIONAL", "BANCO BOLIVARIANO"),
    "5306 XXXX XXXX {last4}",
    {
        "salary": ("TRANSFERENCIA INTERBANCARIA SPI|{employer} ROL {period}",),
        "rent": ("TRANSFERENCIA DIRECTA|{person} ARRIENDO",),
        "utility": ("PAGO DE SERVICIOS|{utility} {ref:.8}",),
        "grocery": ("CONSUMO TARJETA DE DEBITO|{merchant} {city}",),
        "card": ("CONSUMO TARJETA DE DEBITO|{merchant} {city}", "COMPRA EN LINEA|{merchant}"),
        "transfer_out": ("TRANSFERENCIA A TERCEROS|{person}", "TRANSFERENCIA SPI|{person}"),
        "transfer_in": ("TRANSFERENCIA RECIBIDA|{person}", "DEPOSITO EN EFECTIVO|{city}"),
        "atm": ("RETIRO CAJERO AUTOMATICO|{bank} {city}",),
        "fee": ("COSTO MANTENIMIENTO CUENTA", "COMISION TRANSFERENCIA INTERBANCARIA"),
        "interest": ("INTERES GANADO",),
        "refund": ("REVERSO CONSUMO|{merchant}",),
        "loan": ("DEBITO CUOTA PRESTAMO|{lender} {loan}",),
    },
)

UGANDA = Region(
    "ug",
    "UGX",
    Decimal("3700"),
    ("CAPITAL SHOPPERS", "CARREFOUR UG", "QUALITY SUPERMARKET", "MEGA STANDARD", "TOTAL ENERGIES"),
    ("KAMPALA", "ENTEBBE", "JINJA", "MBARARA", "GULU", "MBALE"),
    ("NILE LOGISTICS LTD", "KIRA SOFTWARE LTD"),
    ("UMEME LTD", "NWSC", "MTN UGANDA", "AIRTEL UGANDA", "DSTV UGANDA"),
    ("PLATINUM CREDIT", "BRAC UGANDA"),
    ("OKELLO JAMES", "NAKATO SARAH", "MUGISHA ROBERT", "NAMUSOKE GRACE"),
    ("ABSA UG", "EQUITY UG", "BANK OF BARODA UG", "HOUSING FINANCE"),
    "4187 **** **** {last4}",
    {
        "salary": ("SALARY {period}|EFT CR {employer}",),
        "rent": ("RTGS OUT {person}|RENT {period}",),
        "utility": ("{utility} YAKA {ref:.8}", "BILL PAYMENT {utility}|{ref:.8}"),
        "grocery": ("POS PURCHASE|{merchant} {city}",),
        "card": ("POS PURCHASE|{merchant} {city}", "VISA ECOM|{merchant}"),
        "transfer_out": ("BANK TO MTN MOMO|{person}", "BANK TO AIRTEL MONEY|{person}"),
        "transfer_in": ("EFT CR {person}", "MOMO TO BANK|{person}"),
        "atm": ("ATM WITHDRAWAL|{bank} {city}",),
        "fee": ("LEDGER FEE", "MONTHLY MAINTENANCE FEE", "SMS BANKING FEE"),
        "interest": ("CREDIT INTEREST",),
        "refund": ("POS REVERSAL|{merchant}",),
        "loan": ("LOAN REPAYMENT|{lender} {loan}",),
    },
)
