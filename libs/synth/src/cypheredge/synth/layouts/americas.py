"""The Americas and cards families: US and Canadian card statements, US checking without a
running balance, Canadian chequing and Brazilian extratos.

One module per family (americas_amex with americas_amex_front, americas_chase, americas_ca_card,
americas_register, americas_chequing, americas_extrato); americas_cards holds the card ledger and
its sign convention (what is owed is negative), americas_table the reading-order table they
share, regions_americas the Canadian and Brazilian narrations. Each module's docstring names the
real prints it models and how its truth reads them."""

from __future__ import annotations

from cypheredge.synth.layouts.americas_amex import us_card_amex
from cypheredge.synth.layouts.americas_ca_card import ca_card_td
from cypheredge.synth.layouts.americas_chase import us_card_chase
from cypheredge.synth.layouts.americas_chequing import ca_chequing
from cypheredge.synth.layouts.americas_extrato import br_extrato
from cypheredge.synth.layouts.americas_register import us_checking_register
from cypheredge.synth.layouts.common import Layout

LAYOUTS = (
    Layout(
        "us_card_amex",
        "American Express style card: per card-member Detail sections with 'Total for NAME' "
        "sub-totals; payments negative (-$19,246.01) dated with a glued posting marker "
        "(02/15/25*); MM/DD/YY; Closing Date with a 28-31 day period; merchant over two or "
        "three lines with city/state sub-columns and phone; Account Summary, minimum payment "
        "and APR tables; Fees and Interest Charged totals; coupon scan line; notices page",
        us_card_amex,
    ),
    Layout(
        "us_card_chase",
        "Chase / Citi / Capital One style card: sections PAYMENTS AND OTHER CREDITS / PURCHASE "
        "/ FEES CHARGED / INTEREST CHARGED with their totals, MM/DD or 'Dec 15' dates without "
        "a year across a December->January period, one or two date columns, credits printed "
        "'-1,234.56' / '- $500.00', glued merchant+city+state, per-card cycle lines, "
        "'Total fees charged in 2025' year-to-date and APR table lines that are not rows",
        us_card_chase,
    ),
    Layout(
        "ca_card_td",
        "Canadian card (TD / RBC / CIBC style), CAD with $: TRANSACTION DATE and POSTING DATE "
        "columns ('SEP 14  SEP 15'), FOREIGN CURRENCY 7.00 USD @ EXCHANGE RATE sub-lines and "
        "23-digit reference lines inside the description, PREVIOUS STATEMENT BALANCE / NET "
        "AMOUNT OF MONTHLY ACTIVITY / TOTAL NEW BALANCE rows, payments '-$500.00' (or unsigned "
        "in a payments section), narrow table beside a summary panel, period in words",
        ca_card_td,
    ),
    Layout(
        "us_checking_register",
        "US checking without a running balance (Bank of America / community bank / credit "
        "union / Wells Fargo style): Deposits / Withdrawals / Checks sections with totals, a "
        "checks grid two or three across with the date paid right of the check number, "
        "number-only checks ('Check 1234'), gap markers, '20 Debit(s) This Period' counts, "
        "minus or trailing-minus withdrawals, daily ledger balances table, summary box",
        us_checking_register,
    ),
    Layout(
        "ca_chequing",
        "Canadian chequing (RBC / CIBC / Scotiabank / TD style), CAD: Date / Description / "
        "Withdrawals ($) / Deposits ($) / Balance ($), yearless 'Jan 3' / '03 Jan' / 'JAN03' "
        "dates printed only on a day's first row, balances only on a day's last row (RBC, TD), "
        "transaction type above the payee, Opening/Closing balance rows in the table, TD's "
        "date column after the amounts, overdrafts as '-' or 'OD', summary box",
        ca_chequing,
    ),
    Layout(
        "br_extrato",
        "Brazilian extrato (Itaú / Bradesco / Banco do Brasil style), BRL, 1.234,56 numbers: "
        "Data / Lançamento or Histórico / Docto / Crédito / Débito / Saldo (R$), dd/mm dates, "
        "debits with a leading or trailing '-' or C/D markers, SALDO ANTERIOR and SALDO DO DIA "
        "lines that are not transactions, date only on a day's first row, two-line histories, "
        "dotted document numbers, overdrawn balances",
        br_extrato,
    ),
)
