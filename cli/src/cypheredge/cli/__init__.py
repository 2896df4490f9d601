"""The cypheredge command: local stack, admin, extract, submit."""
