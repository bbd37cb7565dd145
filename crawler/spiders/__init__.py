"""One generic spider driven by the outlet registry; no spider per outlet."""
