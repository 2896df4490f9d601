"""The Tesseract engine drives the ``tesseract`` program through its command line and reads its
TSV. Tesseract is not installed here, so a stand-in program answers as Tesseract 5 does
(``--list-langs``, OSD's ``Rotate:`` line, TSV words); a missing program or language fails when
the engine is built, naming what is missing."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PIL import Image

from cypheredge.extractor.ocr.engine import OcrUnavailable, build_engine, check_engine
from cypheredge.extractor.ocr.tesseract import TesseractEngine, read_tsv

TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
    "4\t1\t1\t1\t1\t0\t100\t200\t900\t40\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t100\t200\t180\t40\t96.5\t03/01/2025\n"
    "5\t1\t1\t1\t1\t2\t320\t200\t200\t40\t91\tPAYROLL\n"
    "5\t1\t1\t1\t1\t3\t880\t202\t120\t38\t88.25\t1,200.00\n"
    "5\t1\t1\t1\t2\t1\t100\t260\t180\t40\t12\t \n"
    "5\t1\t1\t1\t2\t2\t320\t260\t200\t40\t45\tGROCER\n"
)


def _program(tmp_path: Path, langs: str = "eng\nosd", rotate: int = 0) -> Path:
    """A stand-in ``tesseract`` that answers the calls the engine makes, as Tesseract 5 does."""
    (tmp_path / "words.tsv").write_text(TSV)
    script = tmp_path / "tesseract"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "args = sys.argv[1:]\n"
        "if args == ['--list-langs']:\n"
        "    print('List of available languages in \"/usr/share/tessdata/\" (2):')\n"
        f"    print({langs!r})\n"
        "    sys.exit(0)\n"
        "data = sys.stdin.buffer.read()\n"
        "if not data.startswith(b'\\x89PNG'):\n"
        "    print('Error: not an image', file=sys.stderr); sys.exit(1)\n"
        "if '--psm' in args and args[args.index('--psm') + 1] == '0':\n"
        f"    print('Page number: 0\\nOrientation in degrees: 0\\nRotate: {rotate}'); sys.exit(0)\n"
        f"sys.stdout.write(open({str(tmp_path / 'words.tsv')!r}).read())\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_tsv_words_become_boxes_with_confidence_and_lines() -> None:
    reading = read_tsv(TSV)
    assert [w.text for w in reading.words] == ["03/01/2025", "PAYROLL", "1,200.00", "GROCER"]
    first = reading.words[0]
    assert (first.x0, first.y0, first.x1, first.y1) == (100, 200, 280, 240)
    assert [w.confidence for w in reading.words] == [0.965, 0.91, 0.8825, 0.45]
    assert reading.lines == 2
    assert reading.turn == 0


def test_the_engine_reads_a_page_through_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSERACT_CMD", str(_program(tmp_path)))
    engine = TesseractEngine()
    assert (engine.name, engine.dpi) == ("tesseract", 300)
    reading = engine.recognise(Image.new("L", (200, 100), 255))
    assert [w.text for w in reading.words][:2] == ["03/01/2025", "PAYROLL"]


def test_a_page_osd_finds_sideways_is_turned_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSERACT_CMD", str(_program(tmp_path, rotate=90)))
    reading = TesseractEngine().recognise(Image.new("L", (200, 100), 255))
    assert (reading.turn, reading.words) == (90, ())


def test_without_osd_data_the_page_is_read_as_it_lies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSERACT_CMD", str(_program(tmp_path, langs="eng", rotate=90)))
    reading = TesseractEngine().recognise(Image.new("L", (200, 100), 255))
    assert reading.turn == 0
    assert len(reading.words) == 4


def test_a_missing_program_or_language_fails_when_the_engine_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSERACT_CMD", str(tmp_path / "no-such-tesseract"))
    with pytest.raises(OcrUnavailable, match="not installed or not on PATH"):
        TesseractEngine()
    monkeypatch.setenv("TESSERACT_CMD", str(_program(tmp_path)))
    monkeypatch.setenv("TESSERACT_LANGS", "eng+deu")
    with pytest.raises(OcrUnavailable, match="language data deu not installed"):
        TesseractEngine()


def test_it_is_an_engine_of_the_registry_checked_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSERACT_CMD", str(tmp_path / "absent"))
    with pytest.raises(OcrUnavailable, match="tesseract"):
        check_engine("tesseract")
    monkeypatch.setenv("TESSERACT_CMD", str(_program(tmp_path)))
    check_engine("tesseract")
    engine = build_engine("tesseract")
    assert engine is not None
    assert engine.name == "tesseract"
