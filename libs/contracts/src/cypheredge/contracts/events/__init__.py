"""Typed v1 events of the whole pipeline."""
