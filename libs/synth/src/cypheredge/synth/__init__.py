"""Seeded synthetic bank statements with ground truth."""
