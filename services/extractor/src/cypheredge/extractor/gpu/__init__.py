"""The OCR extractor deployment (``extractor-gpu``): ``python -m cypheredge.extractor.gpu``."""
