"""What the outlet registry's loader and its succession rules share: the error that names file,
outlet and field, and what an outlet id may be. Its own module so that ``registry`` and
``succession`` both use it without importing each other."""

from __future__ import annotations

import re
from pathlib import Path

OUTLET_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class RegistryError(ValueError):
    def __init__(
        self, path: Path | str, message: str, entry: str | None = None, field_name: str | None = None
    ) -> None:
        where = str(path)
        if entry is not None:
            where += f", outlet {entry}"
        if field_name is not None:
            where += f", field '{field_name}'"
        super().__init__(f"{where}: {message}")
        self.path, self.entry, self.field = str(path), entry, field_name
        self.message = message  # without the location, for a form that shows it next to the field
