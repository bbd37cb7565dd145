"""The dependency set is locked, audited and complete (issue 16, item 17).

- every requirement of pyproject.toml (runtime and the `dev` extra) is pinned in constraints.txt,
  and the pin lies inside pyproject's range (a stale lock after a range change fails here);
- no floor allows a release that lacks a published fix listed in scripts/advisories.toml;
- every third-party module that the shipped packages (and the tests) import is declared, so the
  lock holds everything the code needs and not only what happens to come along;
- scripts/audit.py, as .ci/run calls it, fails on a known-vulnerable pin.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from audit import load_advisories, read_pins  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
RUNTIME = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
DEV = [Requirement(r) for r in PYPROJECT["project"]["optional-dependencies"]["dev"]]
BUILD = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
PINS = read_pins(ROOT / "constraints.txt")
# The shipped packages, as the wheel lists them (pyproject's packages.find).
SHIPPED = [name.rstrip("*") for name in PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]]


def floor(requirement: Requirement) -> Version | None:
    floors = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==", "~=")]
    return max(floors) if floors else None


@pytest.mark.parametrize("requirement", RUNTIME + DEV, ids=lambda r: r.name)
def test_every_requirement_is_pinned_inside_its_range(requirement: Requirement) -> None:
    name = canonicalize_name(requirement.name)
    assert name in PINS, f"{requirement.name} is not in constraints.txt: run scripts/lock.sh"
    assert requirement.specifier.contains(PINS[name], prereleases=True), (
        f"constraints.txt pins {name}=={PINS[name]}, outside pyproject's {requirement.specifier}: "
        "run scripts/lock.sh"
    )


def test_no_floor_allows_a_release_without_a_published_fix() -> None:
    declared = {canonicalize_name(r.name): r for r in RUNTIME + DEV + BUILD}
    too_low = []
    for advisory in load_advisories():
        name, fixed = canonicalize_name(advisory["package"]), Version(advisory["fixed"])
        if name in declared:
            lowest = floor(declared[name])
            if lowest is None or lowest < fixed:
                too_low.append(f"{name}: floor {lowest}, {advisory['ids'][0]} fixed in {fixed}")
        elif name in PINS and Version(PINS[name]) < fixed:
            too_low.append(f"{name}: pinned {PINS[name]}, {advisory['ids'][0]} fixed in {fixed}")
    assert not too_low, too_low


def test_scrapys_decompression_bomb_fix_is_the_floor() -> None:
    # The example the issue names: 2.11.0 must not be installable.
    scrapy = next(r for r in RUNTIME if r.name == "scrapy")
    assert not scrapy.specifier.contains("2.11.0")
    assert floor(scrapy) >= Version("2.11.1")


def imported_modules(folders: list[str]) -> set[str]:
    found = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {*SHIPPED, "tests", "bench", "devtools"}


def undeclared(folders: list[str], requirements: list[Requirement]) -> list[str]:
    declared = {canonicalize_name(r.name) for r in requirements}
    distributions = packages_distributions()
    missing = []
    for module in sorted(imported_modules(folders)):
        names = {canonicalize_name(d) for d in distributions.get(module, [])}
        if not names & declared:
            missing.append(f"{module} (from {sorted(names) or 'no installed distribution'})")
    return missing


def test_shipped_packages_import_only_declared_dependencies() -> None:
    assert not undeclared(SHIPPED, RUNTIME)


def test_tests_and_devtools_import_only_declared_dependencies() -> None:
    # Helper modules that tests import by their file name (sys.path set by conftest), and the
    # scripts/ folder; the layout test may read the build backend (setuptools).
    local = {path.stem for folder in ("tests", "scripts") for path in (ROOT / folder).rglob("*.py")}
    missing = [
        m for m in undeclared(["tests", "devtools"], RUNTIME + DEV + BUILD) if m.split(" ")[0] not in local
    ]
    assert not missing


def test_audit_fails_on_a_known_vulnerable_pin(tmp_path: Path) -> None:
    # The user's path: the command .ci/run runs, on a lock that pins Scrapy before its fix.
    lock = tmp_path / "constraints.txt"
    lock.write_text("scrapy==2.11.0\n    # via presswatch (pyproject.toml)\nflask==3.1.3\n")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "audit.py"), "--constraints", str(lock)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "VULNERABLE scrapy==2.11.0" in done.stdout and "CVE-2024-3572" in done.stdout
    assert "flask" not in done.stdout.split("audit")[0]


def test_audit_passes_on_the_locked_set() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "audit.py")], capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "audit ok" in done.stdout
