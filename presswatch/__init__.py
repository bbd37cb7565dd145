"""The composition root: what wires crawler/, search/ and web/ together — the `presswatch`
command, the embedded scheduler (`presswatch up`), backups, the demo. The three layers never
import this package (tests/test_layout.py checks it)."""
