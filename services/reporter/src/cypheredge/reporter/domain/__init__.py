"""Pure reporting rules: cleaning, categorisation, validation, the batch report model."""
