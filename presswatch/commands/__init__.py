"""The `presswatch` sub-commands, one module a group (registered in presswatch/cli.py)."""
