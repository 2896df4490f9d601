"""The extraction domain's result as the extraction document contract (v1).

The one mapping from ``ExtractionResult`` to ``ExtractionDocument``: the service writes its
output to storage, ``cypheredge extract`` prints it. Building the contract validates it, so a
result that breaks the contract (an index naming no account, a row that is debit and credit)
fails here, at the producer, rather than in a reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cypheredge.contracts import extraction as doc
from cypheredge.contracts.notices import Notice
from cypheredge.extractor.domain import model

NO_TEXT_LAYER = (
    "no page has a text layer (scanned or image-only PDF) and OCR is not enabled on this platform"
)
NO_TEXT_LAYER_CODE = "no_text_layer"


def to_document(
    result: model.ExtractionResult, file_warnings: Sequence[Notice] = ()
) -> doc.ExtractionDocument:
    """``result`` as the contract; ``file_warnings`` (what ingestion found, e.g. a repaired
    file) come first among the document's warnings."""
    info = result.statement
    single = all(a.statement == 0 for a in result.accounts)
    accounts = tuple(_account(a, info, single) for a in result.accounts)
    return doc.ExtractionDocument(
        format=doc.EXTRACTION_FORMAT,
        statement=doc.StatementSummary(
            opening_balance=_money(info.opening_balance),
            closing_balance=_money(info.closing_balance),
            currency=info.currency,
            period_start=info.period_start,
            period_end=info.period_end,
        ),
        statements=_statements(result, accounts),
        accounts=accounts,
        transactions=tuple(_transaction(t) for t in result.transactions),
        pages=tuple(_page(p) for p in result.pages),
        reconciled=result.reconciled,
        warnings=tuple(dict.fromkeys((*file_warnings, *map(_notice, result.warnings)))),
        error=result.error,
    )


def _statements(
    result: model.ExtractionResult, accounts: Sequence[doc.Account]
) -> tuple[doc.Statement, ...]:
    count = max((a.statement for a in accounts), default=-1) + 1
    with_rows = {t.account for t in result.transactions}
    statements = []
    for number in range(count):
        mine = [(i, a) for i, a in enumerate(accounts) if a.statement == number]
        # Same rule as the document's verdict: accounts without rows have nothing to add up.
        verdicts = [a.reconciled for i, a in mine if i in with_rows]
        reconciled = None if not verdicts or None in verdicts else all(verdicts)
        if count == 1:
            reconciled = result.reconciled  # the whole file's verdict is this statement's
        first = mine[0][1] if mine else None
        statements.append(
            doc.Statement(
                period_start=first.period_start if first else None,
                period_end=first.period_end if first else None,
                reconciled=reconciled,
            )
        )
    return tuple(statements)


def _account(a: model.AccountInfo, info: model.StatementInfo, single: bool) -> doc.Account:
    # In a file holding one statement, the statement's period and currency are each account's
    # unless the account printed its own; in a bundle only the account's own are true.
    return doc.Account(
        account_hint=a.account_hint,
        currency=a.currency or info.currency,
        opening_balance=_money(a.opening_balance),
        closing_balance=_money(a.closing_balance),
        statement=a.statement,
        period_start=a.period_start or (info.period_start if single else None),
        period_end=a.period_end or (info.period_end if single else None),
        reconciled=a.reconciled,
        difference=_money(a.difference),
        first_break=_break(a.first_break) if a.first_break else None,
        warnings=tuple(_notice(w) for w in a.warnings),
    )


def _break(b: model.ChainBreak) -> doc.ChainBreak:
    return doc.ChainBreak(
        index=b.index,
        page=b.page,
        date=b.date,
        expected=_amount(b.expected),
        printed=_amount(b.printed),
    )


def _transaction(t: model.Transaction) -> doc.Transaction:
    return doc.Transaction(
        date=t.date,
        description=t.description,
        debit=_money(t.debit),
        credit=_money(t.credit),
        balance=_money(t.balance),
        currency=t.currency,
        account=t.account,
        page=t.page,
        method=t.method,
        confidence=t.confidence,
        bbox=(round(t.bbox[0], 2), round(t.bbox[1], 2), round(t.bbox[2], 2), round(t.bbox[3], 2)),
        reference=t.reference,
        type=t.code,
    )


def _page(p: model.PageReport) -> doc.PageReport:
    return doc.PageReport(number=p.number, method=p.method, rows=p.rows, confidence=p.confidence)


def _notice(n: model.Notice) -> Notice:
    return Notice(code=n.code, message=n.message, page=n.page)


def _money(value: Decimal | None) -> Decimal | None:
    return None if value is None else _amount(value)


def _amount(value: Decimal) -> Decimal:
    # Two places at least (three-decimal currencies keep three), as the CLI always printed.
    text = model.money_text(value)
    assert text is not None
    return Decimal(text)


def no_text_layer() -> doc.ExtractionDocument:
    """The document of a file without a text layer on any page (nothing to read without OCR)."""
    return doc.ExtractionDocument.rejected(f"{NO_TEXT_LAYER_CODE}: {NO_TEXT_LAYER}")


def event_warnings(document: doc.ExtractionDocument, limit: int = 50) -> tuple[Notice, ...]:
    """The warnings a status event carries: the file's, then each account's, each once."""
    return document.all_warnings()[:limit]
