"""Cascade stages C and D: table columns found by Table Transformer (structure recognition).

Nothing here imports torch or transformers at module level except `model.py`, which only the
composition imports, and only when a model directory is configured: the default install has
neither library, and the service's start check (`check.py`) runs without them.
"""
