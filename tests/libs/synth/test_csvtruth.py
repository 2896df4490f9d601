from pathlib import Path

from cypheredge.synth.csvtruth import truth_from_csv


def test_debit_credit_dialect_with_day_first_dates(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "Date,Description,Debit Amt,Credit Amt,Balance\n"
        "01-08-2024,Salary  Credit XYZ,1935.3,,6864.58\n"
        "02-08-2024,UPI Refund,,12,6876.58\n",
        encoding="utf-8",
    )
    truth = truth_from_csv(path)
    first, second = truth["transactions"]
    assert first == {
        "date": "2024-08-01",
        "description": "Salary Credit XYZ",
        "debit": "1935.30",
        "credit": None,
        "balance": "6864.58",
        "currency": None,
        "account": 0,
        "page": None,
    }
    assert (second["debit"], second["credit"]) == (None, "12.00")
    assert truth["statement"]["period_start"] == "2024-08-01"


def test_signed_amount_dialect(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_text(
        '"row_id","date","description","amount","balance","currency"\n'
        '1,"2026-02-03","EFTPOS DAIRY",-12.4,2398.15,"NZD"\n'
        '2,"2026-02-05","SALARY",3120,5518.15,"NZD"\n',
        encoding="utf-8",
    )
    rows = truth_from_csv(path)["transactions"]
    assert [(r["debit"], r["credit"], r["currency"]) for r in rows] == [
        ("12.40", None, "NZD"),
        (None, "3120.00", "NZD"),
    ]
