"""Canada and Brazil: the narrations Canadian chequing accounts and Brazilian extratos print.

A " | " inside a template marks where the bank starts a new line of the description (RBC prints
the transaction type above the merchant, Bradesco and Banco do Brasil print the counterparty
under the history); `describe()` keeps it as a token and the layouts turn it into a hard break
or a space (see layouts/americas_table.py).
"""

from __future__ import annotations

from decimal import Decimal

from cypheredge.synth.regions import Region

CANADA = Region(
    "ca",
    "CAD",
    Decimal("1.35"),
    (
        "TIM HORTONS #2451",
        "LOBLAWS #1032",
        "SHOPPERS DRUG MART #0871",
        "PETRO-CANADA 4410",
        "CANADIAN TIRE #0452",
        "METRO 112",
        "SAQ 23015",
        "DOLLARAMA #1204",
    ),
    ("TORONTO ON", "MONTREAL QC", "VANCOUVER BC", "CALGARY AB", "OTTAWA ON", "HALIFAX NS"),
    ("MAPLE LEAF SYSTEMS INC", "NORTHERN STAR LOGISTICS"),
    ("HYDRO ONE", "ROGERS", "BELL CANADA", "ENBRIDGE GAS", "TELUS"),
    ("SCOTIA MORTGAGE", "TD AUTO FINANCE"),
    ("J TREMBLAY", "S PATEL", "M ROY", "A MACDONALD", "L CHEN"),
    ("RBC", "TD", "CIBC", "BMO"),
    "{last4}",
    {
        "salary": ("Payroll Deposit | {employer}", "Direct Deposit | {employer} PAY"),
        "rent": ("e-Transfer sent | {person} RENT", "Online transfer sent - {card} | {person}"),
        "utility": (
            "Online Banking payment - {card} | {utility}",
            "Pre-authorized Debit | {utility} {ref}",
        ),
        "grocery": (
            "Interac purchase - {card} | {merchant}",
            "Contactless Interac purchase - {card} | {merchant}",
        ),
        "card": (
            "Visa Debit purchase - {card} | {merchant} {city}",
            "Interac purchase | {merchant}",
        ),
        "transfer_out": ("e-Transfer sent | {person}", "Online Banking transfer - {card} | TFR-TO"),
        "transfer_in": ("e-Transfer received | {person}", "Online Banking transfer | TFR-FR {ref}"),
        "atm": ("ATM withdrawal - {card} | {city}", "Withdrawal | {bank} ABM {city}"),
        "fee": ("Monthly fee", "Service fee | Unlimited Plan"),
        "interest": ("Interest paid", "Interest | Savings bonus"),
        "refund": ("Visa Debit refund - {card} | {merchant}",),
        "loan": ("Loan payment | {lender} {loan}", "Mortgage payment | {lender}"),
        "cheque_in": ("Mobile cheque deposit | {chq}", "Deposit | cheque {chq}"),
        "cheque_return": ("Returned cheque - NSF | {chq}",),
        "cheque_fee": ("NSF fee | cheque {chq}",),
        "check": ("Cheque - {chq}",),
    },
)

BRAZIL = Region(
    "br",
    "BRL",
    Decimal(5),
    (
        "PAO DE ACUCAR 1234",
        "CARREFOUR HIPER",
        "DROGASIL 0581",
        "POSTO IPIRANGA",
        "IFOOD *RESTAURANTE",
        "MAGAZINE LUIZA",
        "RAIA DROGASIL",
    ),
    ("SAO PAULO", "RIO DE JANEIRO", "BELO HORIZONTE", "CURITIBA", "PORTO ALEGRE", "RECIFE"),
    ("ACME TECNOLOGIA LTDA", "PETROBRAS DISTRIB S A"),
    ("ENEL SP", "SABESP", "VIVO FIXO", "CLARO S A", "CEMIG D"),
    ("BANCO PAN", "CREFISA"),
    ("MARIA SILVA", "JOAO SANTOS", "ANA OLIVEIRA", "PEDRO COSTA", "LUCAS PEREIRA"),
    ("ITAU", "BRADESCO", "BB", "CAIXA", "SANTANDER"),
    "{last4}",
    {
        "salary": ("CRED SALARIO | {employer}", "TED RECEBIDA | {employer}"),
        "rent": ("PIX ENVIADO | {person} ALUGUEL",),
        "utility": ("PAGTO CONTA | {utility}", "DEB AUTOMATICO | {utility} {ref}"),
        "grocery": ("COMPRA CARTAO DEB | {merchant} {city}", "COMPRA ELO DEBITO | {merchant}"),
        "card": ("COMPRA CARTAO DEB | {merchant} {city}", "PAGTO BOLETO | {merchant}"),
        "transfer_out": ("PIX ENVIADO | {person}", "TED ENVIADA | {bank} {person}"),
        "transfer_in": ("PIX RECEBIDO | {person}", "TED RECEBIDA | {bank} {person}"),
        "atm": ("SAQUE 24H | {bank} {city}", "SAQUE CAIXA ELETRONICO | {city}"),
        "fee": ("TARIFA BANCARIA | CESTA SERVICOS", "TAR PACOTE SERVICOS"),
        "interest": ("REND PAGO APLIC AUT", "RENDIMENTO POUPANCA"),
        "refund": ("ESTORNO COMPRA | {merchant}",),
        "loan": ("PARCELA EMPRESTIMO | {lender} {loan}",),
        "cheque_in": ("DEPOSITO CHEQUE | {chq}",),
        "cheque_return": ("CHEQUE DEVOLVIDO | {chq} MOTIVO 11",),
        "cheque_fee": ("TARIFA CHEQUE DEVOLVIDO | {chq}",),
        "check": ("CHEQUE COMPENSADO | {chq}",),
    },
)
