"""Development helpers shared by tests/ and bench/ (never shipped: pyproject's package list names
only crawler, search and web)."""
