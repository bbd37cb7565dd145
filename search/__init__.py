"""Normalise, analyse, group and index articles; answer queries. Never imports ``web``."""
