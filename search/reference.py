"""Reference data every layer reads — topic profiles and places — through one loader each, which
sees what an admin edited (the data folder's copy) before what the package ships.

The outlets are the third kind of reference data; their registry is the crawler's, so the app
receives them from the composition root (``presswatch.app`` → ``web.services.registered_outlets``).
"""

from __future__ import annotations

from pathlib import Path

from search.analysis.gazetteer import default_gazetteer
from search.analysis.profiles import Profile, active_profiles_path, default_profiles


def topics(data_folder: Path | str | None = None) -> tuple[Profile, ...]:
    """The topic profiles in force for ``data_folder`` (default: the configured one); compiled
    once per file version, so an admin's edit shows without a restart."""
    return default_profiles(active_profiles_path(data_folder))


def topic_names(data_folder: Path | str | None = None) -> tuple[str, ...]:
    return tuple(sorted(profile.name for profile in topics(data_folder)))


def province_names() -> tuple[str, ...]:
    """Every province name a user may pick: the 63 before 1 July 2025 and the 34 after."""
    units = default_gazetteer().units.values()
    return tuple(sorted({unit.name for unit in units} | {unit.new_name for unit in units}))
