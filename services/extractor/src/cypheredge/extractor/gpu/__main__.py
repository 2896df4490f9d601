"""``python -m cypheredge.extractor.gpu``: run the OCR extractor worker (``extractor-gpu``)."""

from cypheredge.extractor.bootstrap import OCR_SERVICE, build_ocr
from cypheredge.kit.stream import run_worker

if __name__ == "__main__":
    run_worker(OCR_SERVICE, build_ocr)
