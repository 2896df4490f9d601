"""PDF adapters: word boxes from pypdfium2, ruled tables from pdfplumber.

They turn bytes into the plain `Word` boxes the domain parses; nothing else imports a PDF library.
"""
