"""Narrations of Indonesia, Japan, Korea and Vietnam (the second held-out split, tuned on since).

A `|` marks where the bank starts a new line inside the description; @-markers (see
local_print.narrate) take the transaction's own date. Japanese banks' text is printed in
romaji or English here, and Korean banks' in romanised or English words: the embedded font has
no CJK or Hangul glyphs, and English e-statements exist.
Vietnamese is printed without tone marks, as Vietcombank's and BIDV's narrations are.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from cypheredge.synth.regions import Region

# BCA's upper-case codes, as its e-statement prints them (TRSF E-BANKING DB, BI-FAST CR, ...).
INDONESIA = Region(
    "id",
    "IDR",
    Decimal(9000),
    ("IDM INDOMARET", "ALFAMART", "Ayam Penyet Ria", "KOPI KENANGAN", "SHOPEE", "TOKOPEDIA"),
    ("JAKARTA", "BANDUNG", "SURABAYA", "DENPASAR", "MEDAN", "YOGYAKARTA"),
    ("PT SINAR NUSANTARA ABADI", "PT MEGA KARYA PERSADA"),
    ("PLN PASCABAYAR", "TELKOMSEL", "INDIHOME", "PDAM TIRTA", "BPJS KESEHATAN"),
    ("KREDIVO", "ADAKAMI", "BCA FINANCE"),
    ("MADE WIRAWAN PUTRA", "SITI RAHMAWATI", "BUDI SANTOSO", "DEWI LESTARI"),
    ("BCA", "BRI", "MANDIRI", "BNI", "BANK JAGO"),
    "5264 22** **** {last4}",
    {
        "salary": ("KR OTOMATIS|LLG-{bank}|{employer}|GAJI", "TRSF E-BANKING CR|{employer}|GAJI"),
        "rent": ("TRSF E-BANKING DB|@DDMM/FTSCY/WS{ref}|SEWA RUMAH|{person}",),
        "utility": (
            "TRSF E-BANKING DB|@DDMM/FTFVA/WS{ref}|{utility}|-|-|{loan}",
            "DB OTOMATIS|{utility}|{ref}",
        ),
        "grocery": ("TRANSAKSI DEBIT|TGL: @DD/MM|QRC014|00000.00{merchant:.10}",),
        "card": (
            "TRANSAKSI DEBIT|TGL: @DD/MM|QR 008|00000.00{merchant:.10}",
            "KARTU DEBIT|TGL: @DD/MM|{merchant} {city}",
        ),
        "transfer_out": (
            "TRSF E-BANKING DB|@DDMM/FTSCY/WS{ref}|{person}",
            "BI-FAST DB|BIF TRANSFER KE|{bank}|{person}",
        ),
        "transfer_in": (
            "BI-FAST CR|BIF TRANSFER DR|{bank}|{person}",
            "TRSF E-BANKING CR|@DDMM/FTSCY/WS{ref}|{person}",
        ),
        "atm": ("TARIKAN ATM @DD/MM|{ref}", "TARIKAN TUNAI|{city}"),
        "fee": ("BIAYA ADM", "BIAYA KARTU DEBIT"),
        "interest": ("BUNGA",),
        "refund": ("BI-FAST CR|REFUND {merchant}|{ref}",),
        "loan": ("DB OTOMATIS|ANGSURAN {lender}|{loan}",),
    },
)

# Mandiri's Livin' e-statement writes its remarks in sentence case over three lines.
MANDIRI = replace(
    INDONESIA,
    templates={
        "salary": ("Transfer BI Fast|Dari {bank}|{employer} {ref}", "Transfer Masuk|Gaji {period}"),
        "rent": ("Transfer ke {person}|Bayar sewa|{ref}",),
        "utility": ("Pembayaran Tagihan|{utility}|{loan}",),
        "grocery": ("Pembayaran QR|ke {merchant} QRIS LIVIN|{ref}",),
        "card": ("Pembayaran QR|ke {merchant} QRIS LIVIN|{ref}", "Transaksi Debit|{merchant}"),
        "transfer_out": ("Transfer BI Fast|Ke {bank}|{person} {ref}", "Transfer ke|{person}"),
        "transfer_in": ("Transfer BI Fast|Dari {bank}|{person} {ref}",),
        "atm": ("Penarikan tunai tanpa kartu|Di ATM {city} 01|{ref}", "Tarik Tunai ATM|{city}"),
        "fee": ("Biaya administrasi", "Biaya kartu debit"),
        "interest": ("Bunga tabungan",),
        "refund": ("Pengembalian dana|{merchant}",),
        "loan": ("Pembayaran cicilan|{lender} {loan}",),
    },
)

JAPAN = Region(
    "jp",
    "JPY",
    Decimal(130),
    ("SEVEN-ELEVEN", "FAMILYMART", "LAWSON", "AMAZON.CO.JP", "UNIQLO", "YODOBASHI CAMERA"),
    ("TOKYO", "OSAKA", "YOKOHAMA", "NAGOYA", "SAPPORO", "FUKUOKA"),
    ("KK SAKURA SOFTWARE", "MIDORI SHOJI KK"),
    ("TOKYO DENRYOKU", "TOKYO GAS", "NTT DOCOMO", "SOFTBANK", "SUIDOKYOKU"),
    ("ORIX BANK", "AEON BANK"),
    ("YAMADA TARO", "SATO HANAKO", "SUZUKI ICHIRO", "TANAKA YUKI"),
    ("MUFG", "SMBC", "MIZUHO", "YUCHO"),
    "****{last4}",
    {
        # Romaji, as SMBC's and Rakuten's descriptions read once transliterated.
        "salary": ("KYUYO {employer}", "FURIKOMI {employer}|KYUYO"),
        "rent": ("FURIKOMI {person}|YACHIN",),
        "utility": ("KOUZA FURIKAE {utility}", "{utility} RYOKIN"),
        "grocery": ("V DEBIT {merchant}|{ref}", "DEBIT {merchant}"),
        "card": ("V DEBIT {merchant}|{ref}", "PAYPAY {merchant}"),
        "transfer_out": ("FURIKOMI {person}", "FURIKOMI TESURYO KOMI|{person}"),
        "transfer_in": ("FURIKOMI {person}", "PAYPAY {person}"),
        "atm": ("ATM {bank}", "CD HIKIDASHI {city}"),
        "fee": ("FURIKOMI TESURYO", "ATM TESURYO"),
        "interest": ("RISOKU",),
        "refund": ("HENKIN {merchant}",),
        "loan": ("LOAN HENSAI {lender}",),
    },
)

# SBI Shinsei's English-language statement.
JAPAN_EN = replace(
    JAPAN,
    templates={
        "salary": ("SALARY {employer}", "TRANSFER FROM {employer}"),
        "rent": ("TRANSFER TO {person}|RENT {period}",),
        "utility": ("DIRECT DEBIT {utility}",),
        "grocery": ("VISA DEBIT {merchant} {city}",),
        "card": ("VISA DEBIT {merchant} {city}|AUTH {ref}",),
        "transfer_out": ("TRANSFER TO {person}", "DOMESTIC TRANSFER {person}"),
        "transfer_in": ("TRANSFER FROM {person}",),
        "atm": ("ATM WITHDRAWAL {bank} {city}",),
        "fee": ("DOMESTIC TRANSFER FEE", "ATM FEE"),
        "interest": ("INTEREST",),
        "refund": ("VISA DEBIT REFUND {merchant}",),
        "loan": ("LOAN REPAYMENT {lender}",),
    },
)

VIETNAM = Region(
    "vn",
    "VND",
    Decimal(24000),
    ("ZALOPAY", "SHOPEE", "GRAB", "CIRCLE K", "WINMART", "HIGHLANDS COFFEE"),
    ("HA NOI", "TP HCM", "DA NANG", "HAI PHONG", "CAN THO"),
    ("CONG TY CO PHAN ITL LOGISTICS", "CONG TY TNHH MINH PHAT"),
    ("EVN HA NOI", "VIETTEL", "VNPT", "NUOC SACH HA NOI"),
    ("FE CREDIT", "HOME CREDIT"),
    ("NGUYEN THE HUNG", "LE THI MINH", "TRAN VAN NAM", "PHAM THU HA"),
    ("VCB", "VPBANK", "MB", "TECHCOMBANK", "BIDV"),
    "970436******{last4}",
    {
        "salary": (
            "//SAL{ref}//{employer}|THANH TOAN LUONG NHAN VIEN T@MM.YYYY",
            "{employer} CHUYEN LUONG T@MM.YYYY",
        ),
        "rent": ("MBVCB.{ref}.chuyen tien thue nha.CT toi {loan} {person}",),
        "utility": ("THANH TOAN HOA DON {utility}|MA KH {loan}", "MBVCB.{ref}.TT {utility}"),
        "grocery": ("POS{ref}.@YYYYMMDD|GD:{merchant}",),
        "card": ("POS{ref}.@YYYYMMDD|GD:{merchant} {city}", "THANH TOAN QR {merchant}"),
        "transfer_out": ("MBVCB.{ref}.chuyen tien.CT toi|{loan} {person} tai {bank}",),
        "transfer_in": ("IBFT {person} chuyen tien|{ref}", "{person} chuyen tien.CT tu {bank}"),
        "atm": ("RUT TIEN ATM {bank} {city}",),
        "fee": ("PHI DICH VU SMS BANKING", "PHI QUAN LY TAI KHOAN"),
        "interest": ("LAI NHAP VON",),
        "refund": ("HOAN TIEN GIAO DICH {merchant}",),
        "loan": ("TRA NO VAY {lender}|HD {loan}",),
    },
)

# Korean prints split a row's text into a type (적요: Mobile, F/B, Check card) and its details
# (기재내용: the counterparty); the first segment is the type.
KOREA = Region(
    "kr",
    "KRW",
    Decimal(1350),
    ("CU", "GS25", "EMART24", "COUPANG", "BAEMIN", "STARBUCKS KOREA"),
    ("SEOUL", "BUSAN", "INCHEON", "DAEGU", "SUWON"),
    ("HANBIT TECH CO LTD", "SEJONG LOGIS CO LTD"),
    ("KEPCO", "SEOUL CITY GAS", "SK TELECOM", "KT", "APT MGMT FEE"),
    ("KAKAOBANK LOAN", "HANA CAPITAL"),
    ("KIM MINJUN", "LEE SEOYEON", "PARK JIHO", "CHOI YUNA"),
    ("KB", "SHINHAN", "WOORI", "HANA", "TOSS BANK"),
    "****{last4}",
    {
        "salary": ("F/B|{employer} SALARY", "Salary|{employer}"),
        "rent": ("Mobile|{person} RENT",),
        "utility": ("Auto debit|{utility}", "Giro|{utility} {ref}"),
        "grocery": ("Check card|{merchant}",),
        "card": ("Check card|{merchant} {city}", "Card payment|{bank} CARD"),
        "transfer_out": ("Mobile|{person}", "Other bank|{bank} {person}"),
        "transfer_in": ("Other bank|{bank} {person}", "Transfer|{person}"),
        "atm": ("ATM|{bank} {city}",),
        "fee": ("Fee|Transfer fee", "Fee|ATM fee"),
        "interest": ("Interest|Settlement interest",),
        "refund": ("Card refund|{merchant}",),
        "loan": ("Loan interest|{lender} {loan}",),
    },
)
