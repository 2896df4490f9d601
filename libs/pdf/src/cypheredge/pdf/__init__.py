"""Guarded PDF opening, decryption and text-layer detection."""
