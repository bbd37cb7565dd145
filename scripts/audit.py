"""Audit the locked dependency set (constraints.txt) for known vulnerabilities; run by .ci/run.

Two sources, and the run fails (exit 1) when either finds a vulnerable pin that has a fixed
release, so the fix is one `scripts/lock.sh -P NAME` away:

1. pip-audit over the pins, asking PyPI's vulnerability data (`--vulnerability-service pypi`;
   OSV's service is not reachable from this project's machines). Findings without any fixed
   release are printed, not fatal: there is nothing to upgrade to.
2. scripts/advisories.toml, the project's own table of published fixes. It exists because
   pip-audit needs PyPI's per-release JSON API and some registry mirrors do not serve it: pip-audit
   then "skips" every package and exits 0, which would make this check silently green. The
   script counts those skips and says so; PRESSWATCH_AUDIT_STRICT=1 makes them fatal.

    python scripts/audit.py [--constraints constraints.txt]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
ADVISORIES = ROOT / "scripts" / "advisories.toml"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


@dataclass
class Finding:
    package: str
    version: str
    ids: list[str]
    fixed: list[str]
    source: str

    def line(self) -> str:
        fix = ", ".join(self.fixed) if self.fixed else "no fixed release"
        return f"{self.package}=={self.version}: {', '.join(self.ids)} (fixed in {fix}; {self.source})"


def read_pins(path: Path) -> dict[str, str]:
    """Package name (canonical) → pinned version, from a pip-compile output or any `a==1` list."""
    pins: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(raw.strip())
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def load_advisories(path: Path = ADVISORIES) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["fix"]


def table_findings(pins: dict[str, str], advisories: list[dict]) -> list[Finding]:
    found = []
    for entry in advisories:
        name = canonicalize_name(entry["package"])
        if name in pins and Version(pins[name]) < Version(entry["fixed"]):
            found.append(Finding(name, pins[name], entry["ids"], [entry["fixed"]], "scripts/advisories.toml"))
    return found


def run_pip_audit(constraints: Path) -> tuple[list[Finding], list[str], str | None]:
    """pip-audit's findings, the packages it could not audit, and an error if it did not run."""
    cmd = [
        sys.executable,
        "-m",
        "pip_audit",
        "-r",
        str(constraints),
        "--no-deps",
        "--disable-pip",
        "--vulnerability-service",
        "pypi",
        "--format",
        "json",
        "--progress-spinner",
        "off",
    ]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [], [], f"pip-audit did not run: {exc}"
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [], [], f"pip-audit failed (exit {done.returncode}): {tail}"
    findings, skipped = [], []
    for dep in report.get("dependencies", []):
        if dep.get("skip_reason"):
            skipped.append(dep["name"])
            continue
        for vuln in dep.get("vulns", []):
            ids = [vuln["id"], *vuln.get("aliases", [])]
            fixed = vuln.get("fix_versions", [])
            findings.append(Finding(dep["name"], dep["version"], ids, fixed, "pip-audit"))
    return findings, skipped, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--constraints", type=Path, default=ROOT / "constraints.txt")
    args = parser.parse_args(argv)
    pins = read_pins(args.constraints)
    if not pins:
        print(f"audit: no pinned packages in {args.constraints}", file=sys.stderr)
        return 1
    audited, skipped, error = run_pip_audit(args.constraints)
    findings = audited + table_findings(pins, load_advisories())
    fixable = [f for f in findings if f.fixed]
    for finding in findings:
        print(("VULNERABLE " if finding.fixed else "no fix yet ") + finding.line())
    if error:
        print(f"audit: {error}")
    if skipped:
        print(
            f"audit: pip-audit's vulnerability service had no data for {len(skipped)} of {len(pins)} "
            "pinned packages (PyPI's per-release JSON API did not answer for them); "
            "only scripts/advisories.toml was checked for those."
        )
    strict = os.environ.get("PRESSWATCH_AUDIT_STRICT") == "1" and bool(skipped or error)
    verdict = "FAILED" if fixable or strict else "ok"
    print(
        f"audit {verdict}: {len(pins)} pinned packages, {len(fixable)} vulnerable with a fix available, "
        f"{len(findings) - len(fixable)} without a fix, {len(skipped)} not covered by pip-audit"
    )
    return 1 if fixable or strict else 0


if __name__ == "__main__":
    sys.exit(main())
