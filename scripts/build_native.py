"""Compile the analyser's scanning modules with mypyc into build/native/ (search/analysis/_native.py
says which modules, and when the compiled ones are used). ``make install`` and ``make install-dev``
run it; it never fails the install: without mypyc (the native and dev extras install it), a C compiler or
Python's headers, or when compiling fails, it says so and the modules run as Python, with the
same output, only slower.

    python scripts/build_native.py          # build unless build/native/ matches the sources
    python scripts/build_native.py --force  # build anyway

Compiling takes ~20 s of CPU (25 s on a quiet 2-core machine, up to ~95 s on a busy one); the C
compiler's output goes to build/native.log.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "build" / "native.log"


def _native() -> ModuleType:
    """search/analysis/_native.py loaded on its own: importing the package would load compiled
    modules from the folder this script replaces."""
    sys.path.insert(0, str(ROOT))  # (its one import, search.config, from this checkout)
    spec = importlib.util.spec_from_file_location(
        "_presswatch_native", ROOT / "search" / "analysis" / "_native.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _missing() -> str:
    """Why compiling cannot work here ("" when it can)."""
    for name in ("mypyc", "setuptools"):
        if importlib.util.find_spec(name) is None:
            return f"{name} is not installed (make install and make install-dev install it)"
    compiler = str(sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python.h (the python3-dev package)"
    return ""


def _compile(native: ModuleType, out: Path) -> None:
    """The mypyc build itself, in a child process (its output goes to the log)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    paths = [f"search/analysis/{name}.py" for name in native.MODULES]
    # mypyc type-checks what the modules import; a library without stubs there is only Any to it
    # (make typecheck is where missing stubs are errors).
    options = ["--ignore-missing-imports"]
    extensions = mypycify(options + paths, opt_level="3", group_name=native.GROUP, target_dir=str(out / "c"))
    # Not setup(): it would read pyproject.toml, which is the package's, not this build's.
    dist = Distribution({"name": "presswatch-native", "ext_modules": extensions})
    command = dist.get_command_obj("build_ext")
    command.build_lib = str(out / "lib")
    command.build_temp = str(out / "obj")
    dist.run_command("build_ext")


def main(args: list[str]) -> int:
    native = _native()
    if args[:1] == ["--compile"]:
        _compile(native, Path(args[1]))
        return 0
    build: Path = native.BUILD_DIR
    if "--force" not in args and native.usable(build):
        print("build_native: build/native/ is up to date (compiled analysis modules)")
        return 0
    reason = _missing()
    if reason:
        print(f"build_native: not compiled, the analysis runs as Python: {reason}")
        return 0
    fingerprint = native.fingerprint()
    work = build.with_name(f"native.tmp{os.getpid()}")  # (two makes at once do not share it)
    shutil.rmtree(work, ignore_errors=True)
    LOG.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with LOG.open("w", encoding="utf-8") as log:
        done = subprocess.run(
            [sys.executable, __file__, "--compile", str(work)], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
    if done.returncode != 0 or native.fingerprint() != fingerprint:
        why = f"see {LOG}" if done.returncode else "the sources changed while compiling"
        print(f"build_native: compiling failed ({why}); the analysis runs as Python", file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    (work / "lib" / native.MANIFEST).write_text(json.dumps(fingerprint, indent=1), encoding="utf-8")
    # Swap whole folders: a running process keeps the files it has loaded.
    old = build.with_name(f"native.old{os.getpid()}")
    shutil.rmtree(old, ignore_errors=True)
    if build.exists():
        build.rename(old)
    (work / "lib").rename(build)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    seconds = time.monotonic() - started
    if not native.usable(build):
        print(
            f"build_native: the build in {build} is incomplete; the analysis runs as Python", file=sys.stderr
        )
        return 0
    print(f"build_native: compiled {len(native.MODULES)} analysis modules in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
