"""Stage E of the cascade: OCR of pages without a text layer (engines, rendering, a reader)."""
