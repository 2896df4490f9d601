"""Page flow, tables and the printed furniture of a statement."""
