"""The analyser's scanning modules compiled with mypyc, used only when built from exactly the
sources beside them; otherwise the same modules run as Python, with the same output.

Why: the scans are per-token Python loops (tokenising, phrase, tone and place scans, topic
counting); compiled, an article of ~600 words is analysed about 1.4x faster, which is what the
throughput goal of issue 17 needs (docs/ANALYSIS.md, "Throughput").

``scripts/build_native.py`` (run by ``make install`` and ``make install-dev``, when mypyc and a C
compiler are there) compiles ``MODULES`` into ``build/native/`` of the checkout, never committed,
with a manifest of this interpreter and of each source's sha256. Importing ``search.analysis``
imports this module first: it puts that folder ahead of the sources in the package's ``__path__``
only when the manifest matches, so a module edited since the build never runs as its stale
compiled copy (all of them then run as Python until ``make install-dev`` is run again).
``PRESSWATCH_PURE_PYTHON=1`` keeps the Python modules (comparisons, debugging).
"""

from __future__ import annotations

import hashlib
import json
import sys
import sysconfig
from collections.abc import MutableSequence
from pathlib import Path

from search.config import settings

HERE = Path(__file__).resolve().parent
# Leaves first (each imports only those before it, and modules that stay Python).
MODULES = ("prepared", "phrase_scan", "tone_context", "tone", "place_context", "places", "topic_match")
# mypyc's shared library of the group is the module GROUP + "__mypyc", found in the same folder.
GROUP = "search.analysis._compiled"
BUILD_DIR = HERE.parents[1] / "build" / "native"
MANIFEST = "manifest.json"
PURE_ENV = "PRESSWATCH_PURE_PYTHON"


def fingerprint() -> dict[str, object]:
    """What a build is for: this interpreter's extension ABI and the sources as they are now."""
    return {
        "python": sys.implementation.cache_tag,
        "suffix": sysconfig.get_config_var("EXT_SUFFIX"),
        "sources": {name: hashlib.sha256((HERE / f"{name}.py").read_bytes()).hexdigest() for name in MODULES},
    }


def package_dir(build: Path = BUILD_DIR) -> Path:
    return build / Path(*GROUP.split(".")[:-1])


def usable(build: Path = BUILD_DIR) -> bool:
    """Was ``build`` made from the current sources, for this interpreter, and is it complete?"""
    try:
        manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    suffix = str(sysconfig.get_config_var("EXT_SUFFIX"))
    names = [*MODULES, GROUP.rsplit(".", 1)[1] + "__mypyc"]
    return manifest == fingerprint() and all(
        (package_dir(build) / f"{name}{suffix}").is_file() for name in names
    )


def activate(path: MutableSequence[str], build: Path = BUILD_DIR) -> bool:
    """Put the compiled modules ahead of the sources in ``path`` (a package ``__path__``) when
    they are usable and not turned off; True when they are."""
    if settings().flag(PURE_ENV, False) or not usable(build):
        return False
    folder = str(package_dir(build))
    if folder not in path:
        path.insert(0, folder)
    return True


# Runs while search/analysis/__init__.py imports this module, before it imports any of MODULES
# (scripts/build_native.py loads this file on its own, outside the package: nothing to activate).
_package = sys.modules.get(__name__.rpartition(".")[0])
ACTIVE = _package is not None and activate(_package.__path__)
