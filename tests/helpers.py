"""Helpers for tests that use the web app (the account helpers live in ``devtools.web_client``,
shared with bench/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from devtools.web_client import logged_in_client, login, make_user

__all__ = ["load_bench", "logged_in_client", "login", "make_user", "run_presswatch"]

REPO = Path(__file__).resolve().parents[1]


def run_presswatch(*args: str, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """`presswatch ARGS` as an operator types it, in its own process, with ``env`` over this
    environment; its exit code and output, for the test to assert on."""
    return subprocess.run(
        [sys.executable, "-m", "presswatch", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
    )


def load_bench(name: str):  # noqa: ANN201 - a module loaded from a file path
    """bench/<name>.py as a module (bench/ is scripts, not a package), so tests score with the very
    functions the published benchmark uses."""
    import importlib.util
    import sys
    from pathlib import Path

    module_name = f"presswatch_bench_{name}"
    if module_name not in sys.modules:
        path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
    return sys.modules[module_name]
