"""Narrations of the fifth split's Sri Lanka, Argentina and Jordan (tuned on since).

A `|` marks where the bank starts a new line inside the description. Sri Lankan narrations
follow the rows a public Sri Lankan personal-finance app's statement tests quote: DFCC's
title-case `Pos Transaction ...`, `Outward Ceft Transfer ...`, `Ceft Charges ...`,
`Transfer Credit-Mobilebanking ...`, and Bank of Ceylon's `CEFT Transfer Debit`, `Online
Transfer Credit`, `No Book Deposit` as its SMS alerts word them. Argentine narrations follow the
keywords of public extractors of Galicia, Nación and BBVA statements (CRED BE O BCO-M-SUC,
COMIS., I.V.A., GRAVAMEN, PERCEPCION, TRANSFERENCIA, DEBITO AUTOMATICO). Jordanian narrations
name the country's rails as a public Jordanian SMS parser matches them: CliQ transfers,
eFAWATEERcom bill payments, Orange Money and Zain Cash wallets, JEPCO, Miyahuna, Orange, Zain and
Umniah bills.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

SRI_LANKA_DFCC = Region(
    "lk",
    "LKR",
    Decimal("297.5"),
    ("Keells Super", "Cargills Food City", "Arpico Supercentre", "Laugfs Super", "Odel"),
    ("Colombo 03", "Kandy", "Galle", "Negombo", "Matara", "Kurunegala", "Nugegoda"),
    ("Lanka Apparel Pvt Ltd", "Serendib Software Pvt Ltd"),
    ("Ceb", "Nwsdb", "Dialog", "Slt Mobitel", "Hutch"),
    ("Lb Finance", "Peoples Leasing"),
    ("K S Perera", "N D Fernando", "A M Silva", "R Wijesinghe", "T Jayawardena"),
    ("Combank", "Sampath", "Hnb", "Peoples Bank", "Seylan"),
    "4{last4}21Xxxxx{last4}",
    {
        "salary": ("Inward Ceft Transfer {employer}", "Salary {employer}"),
        "rent": ("Standing Order {person}",),
        "utility": ("Direct Debit {utility} {ref:.8}", "Online Payment {utility} {ref:.10}"),
        "grocery": ("Pos Transaction {merchant} {city}",),
        "card": ("Pos Transaction {merchant} {city}", "Lanka Qr Payment Debit {merchant}"),
        "transfer_out": ("Outward Ceft Transfer {person}", "Transfer Debit {person}"),
        "transfer_in": ("Inward Ceft Transfer {person}", "Transfer Credit-Mobilebanking {person}"),
        "atm": ("Atm Withdrawal {city}",),
        "fee": ("Charge - Capitalise Sms Fee", "Pos Transaction Fee Ac-Lkr{ref}{ref:.4}"),
        "interest": ("Credit Interest",),
        "refund": ("Pos Reversal {merchant}",),
        "loan": ("Loan Recovery {lender} {loan}",),
        "cheque_in": ("Cheque Deposit {chq} {bank}",),
        "cheque_return": ("Cheque Return {chq} Refer To Drawer",),
        "cheque_fee": ("Cheque Return Charges {chq}",),
        "check": ("Cheque Paid {chq}",),
    },
)

SRI_LANKA_BOC = replace(
    SRI_LANKA_DFCC,
    merchants=("KEELLS SUPER", "CARGILLS FOOD CITY", "ARPICO", "LAUGFS", "CEYPETCO FUEL"),
    cities=("COLOMBO", "KANDY", "GALLE", "ANURADHAPURA", "JAFFNA", "KURUNEGALA"),
    employers=("LANKA APPAREL PVT LTD", "SERENDIB SOFTWARE PVT LTD"),
    utilities=("CEB", "NWSDB", "DIALOG", "SLT MOBITEL", "HUTCH"),
    lenders=("LB FINANCE", "PEOPLES LEASING"),
    people=("K S PERERA", "N D FERNANDO", "A M SILVA", "R WIJESINGHE", "T JAYAWARDENA"),
    banks=("COMMERCIAL BANK", "SAMPATH BANK", "HNB", "PEOPLES BANK", "SEYLAN BANK"),
    templates={
        "salary": ("SALARY {employer}",),
        "rent": ("CEFT Transfer Debit|{person}",),
        "utility": ("BILL PAYMENT {utility}|{ref}",),
        "grocery": ("POS {merchant} {city}",),
        "card": ("POS {merchant} {city}", "E-COM {merchant}"),
        "transfer_out": ("CEFT Transfer Debit|{person}", "Online Transfer Debit|{person}"),
        "transfer_in": ("Online Transfer Credit|{person}", "No Book Deposit|{city}"),
        "atm": ("ATM Withdrawal|{city}",),
        "fee": ("SMS ALERT CHARGES", "STAMP DUTY", "ANNUAL DEBIT CARD FEE"),
        "interest": ("INTEREST",),
        "refund": ("POS REVERSAL {merchant}",),
        "loan": ("LOAN INSTALMENT {loan}",),
        "cheque_in": ("CHEQUE DEPOSIT {chq}|{bank}",),
        "cheque_return": ("CHEQUE RETURN {chq}|REFER TO DRAWER",),
        "cheque_fee": ("CHEQUE RETURN CHARGES {chq}",),
        "check": ("CHEQUE {chq}",),
    },
)

SRI_LANKA_NTB = replace(
    SRI_LANKA_BOC,
    templates={
        "salary": ("SALARY CREDIT {employer}",),
        "rent": ("CEFT OUTWARD {person}",),
        "utility": ("UTILITY PAYMENT {utility} {ref:.8}",),
        "grocery": ("POS PURCHASE {merchant} {city}",),
        "card": ("POS PURCHASE {merchant} {city}", "ONLINE PURCHASE {merchant}"),
        "transfer_out": ("CEFT OUTWARD {person}", "NATIONS DIRECT TRANSFER {person}"),
        "transfer_in": ("CEFT INWARD {person}", "CASH DEPOSIT CRM {city}"),
        "atm": ("ATM CASH WITHDRAWAL {city}",),
        "fee": ("CEFT CHARGES", "ACCOUNT MAINTENANCE FEE", "E STATEMENT FEE"),
        "interest": ("CREDIT INTEREST",),
        "refund": ("POS REVERSAL {merchant}",),
        "loan": ("LOAN INSTALMENT {loan}",),
    },
)

ARGENTINA_GALICIA = Region(
    "ar",
    "ARS",
    Decimal(900),
    ("COTO", "CARREFOUR", "DIA", "JUMBO", "MERCADOLIBRE", "RAPPI", "FARMACITY", "YPF"),
    ("CABA", "CORDOBA", "ROSARIO", "MENDOZA", "LA PLATA", "MAR DEL PLATA", "SALTA"),
    ("PAMPA LOGISTICA SA", "RIO DE LA PLATA SOFTWARE SRL"),
    ("EDENOR", "EDESUR", "AYSA", "METROGAS", "PERSONAL", "MOVISTAR", "TELECENTRO"),
    ("PRESTAMOS DEL PLATA SA", "CREDITOS PATAGONIA SA"),
    ("JUAN PEREZ", "MARIA GONZALEZ", "LUCAS FERNANDEZ", "SOFIA RODRIGUEZ", "MARTIN LOPEZ"),
    ("BANCO NACION", "SANTANDER", "MACRO", "ICBC", "MERCADO PAGO", "BRUBANK"),
    "4517 XXXX XXXX {last4}",
    {
        "salary": ("ACREDITAMIENTO DE HABERES|{employer}|CUIT 30{ref:.8}9",),
        "rent": ("TRANSFERENCIA A TERCEROS|{person}|CUIT 20{ref:.8}3",),
        "utility": ("DEBITO AUTOMATICO DE SERVICIO|{utility}|{ref}",),
        "grocery": ("COMPRA DEBITO|{merchant} {city}",),
        "card": ("COMPRA DEBITO|{merchant} {city}", "PAGO VISA|{ref}"),
        "transfer_out": ("TRANSFERENCIA A TERCEROS|{person}|CUIT 20{ref:.8}3",),
        "transfer_in": ("TRANSFERENCIA DE TERCEROS|{person}|CUIT 27{ref:.8}4",),
        "atm": ("EXTRACCION CAJERO AUTOMATICO|{city}",),
        "fee": ("COMISION MANTENIMIENTO CUENTA", "COMISION PAQUETE"),
        "interest": ("INTERESES A FAVOR",),
        "refund": ("DEVOLUCION COMPRA|{merchant}",),
        "loan": ("CUOTA PRESTAMO PERSONAL|{loan}",),
    },
)

ARGENTINA_NACION = replace(
    ARGENTINA_GALICIA,
    templates={
        "salary": ("CRED HABERES {employer}",),
        "rent": ("TRANSF. E/CTAS {person}",),
        "utility": ("DEB. AUTOM. {utility}",),
        "grocery": ("COMPRA MAESTRO {merchant}",),
        "card": ("COMPRA MAESTRO {merchant}", "COMPRA TRJ DEBITO {merchant}"),
        "transfer_out": ("TRANSF. E/CTAS {person}", "TRANSF INMEDIATA {person}"),
        "transfer_in": ("CRED BE O BCO-M-SUC", "TRANSF RECIBIDA {person}"),
        "atm": ("EXTRACCION T.DEBITO {city}",),
        "fee": ("COMIS.COMPENSACION", "COMIS.MANT.CUENTA"),
        "interest": ("INTERESES S/SALDO",),
        "refund": ("DEVOL. COMPRA {merchant}",),
        "loan": ("DEB. CUOTA PRESTAMO {loan}",),
    },
)

ARGENTINA_BBVA = replace(
    ARGENTINA_GALICIA,
    templates={
        "salary": ("PAGO DE HABERES {employer}",),
        "rent": ("TRANSFERENCIA REALIZADA {person}",),
        "utility": ("PAGO DE SERVICIO {utility}",),
        "grocery": ("COMPRA CON TARJETA DE DEBITO {merchant}",),
        "card": ("COMPRA CON TARJETA DE DEBITO {merchant}", "PAGO TARJETA VISA"),
        "transfer_out": ("TRANSFERENCIA REALIZADA {person}",),
        "transfer_in": ("TRANSFERENCIA RECIBIDA {person}",),
        "atm": ("EXTRACCION EN CAJERO {city}",),
        "fee": ("COMISION POR MANTENIMIENTO", "COMISION TRANSFERENCIA"),
        "interest": ("INTERESES GANADOS",),
        "refund": ("CONTRACARGO COMPRA {merchant}",),
        "loan": ("DEBITO PRESTAMO {loan}",),
    },
)

JORDAN = Region(
    "jo",
    "JOD",
    Decimal("0.71"),
    ("CARREFOUR", "SAFEWAY", "COZMO", "C-TOWN", "TALABAT", "CAREEM", "MANASEER"),
    ("AMMAN", "IRBID", "ZARQA", "AQABA", "SALT", "MADABA"),
    ("PETRA TRADING CO", "AL-BALQA SOFTWARE LLC"),
    ("JEPCO", "MIYAHUNA", "ORANGE JORDAN", "ZAIN JORDAN", "UMNIAH", "DAMAMAX"),
    ("TASHEELAT", "TAMWEELCOM"),
    ("AHMAD KHALIL", "LINA HADDAD", "OMAR SHAWABKEH", "RANA AL-MASRI", "ZAID HIJAZI"),
    ("HOUSING BANK", "CAIRO AMMAN BANK", "JORDAN KUWAIT BANK", "BANK AL ETIHAD", "CAPITAL BANK"),
    "4{last4}***{last4}",
    {
        "salary": ("Salary Transfer|{employer}",),
        "rent": ("CliQ Transfer To|{person}",),
        "utility": ("eFAWATEERcom Bill Payment|{utility} {ref:.9}",),
        "grocery": ("POS Purchase|{merchant} {city}",),
        "card": ("POS Purchase|{merchant} {city}", "E-Commerce Purchase|{merchant}"),
        "transfer_out": (
            "CliQ Transfer To|{person}",
            "Wallet Top-up Orange Money|07{ref:.8}",
            "Wallet Top-up Zain Cash|07{ref:.8}",
        ),
        "transfer_in": ("CliQ Transfer From|{person}", "Inward Transfer|{person} {bank}"),
        "atm": ("ATM Cash Withdrawal|{city} Auth {ref:.6}",),
        "fee": ("Account Maintenance Fee", "SMS Service Fee", "CliQ Transfer Fee"),
        "interest": ("Credit Interest",),
        "refund": ("Purchase Reversal|{merchant}",),
        "loan": ("Loan Instalment|{lender} {loan}",),
    },
)
