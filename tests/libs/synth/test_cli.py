import json
from pathlib import Path

from cypheredge.synth import generate
from cypheredge.synth.__main__ import main


def test_cli_writes_pdf_and_truth_pairs(tmp_path: Path) -> None:
    assert main([str(tmp_path), "--seeds", "2", "--layouts", "uk_ruled,za_trailing_cr"]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "uk_ruled-0.pdf",
        "uk_ruled-0.truth.json",
        "uk_ruled-1.pdf",
        "uk_ruled-1.truth.json",
        "za_trailing_cr-0.pdf",
        "za_trailing_cr-0.truth.json",
        "za_trailing_cr-1.pdf",
        "za_trailing_cr-1.truth.json",
    ]
    expected = generate("za_trailing_cr", 1)
    assert (tmp_path / "za_trailing_cr-1.pdf").read_bytes() == expected.pdf
    truth = json.loads((tmp_path / "za_trailing_cr-1.truth.json").read_text(encoding="utf-8"))
    assert truth == expected.truth
