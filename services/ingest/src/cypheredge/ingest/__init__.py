"""Ingest: validates, decrypts and inspects uploaded PDFs."""
