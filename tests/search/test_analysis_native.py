"""The compiled scanning modules (search/analysis/_native.py, built by scripts/build_native.py):
used only when built from the sources as they are, and giving the analysis the Python modules
give, byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import search.analysis
from devtools.evaluate import to_document
from search.analysis import _native, analyze
from search.config import settings

REPO = Path(__file__).resolve().parents[2]
SUFFIX = str(sysconfig.get_config_var("EXT_SUFFIX"))


def _fake_build(root: Path, fingerprint: dict[str, object]) -> Path:
    folder = _native.package_dir(root)
    folder.mkdir(parents=True)
    for name in [*_native.MODULES, _native.GROUP.rsplit(".", 1)[1] + "__mypyc"]:
        (folder / f"{name}{SUFFIX}").write_bytes(b"")
    (root / _native.MANIFEST).write_text(json.dumps(fingerprint), encoding="utf-8")
    return root


def test_a_build_is_used_only_when_made_from_the_current_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(_native.PURE_ENV, raising=False)
    current = _native.fingerprint()
    build = _fake_build(tmp_path / "ok", current)
    path = ["/src/search/analysis"]
    assert _native.activate(path, build)
    assert path == [str(_native.package_dir(build)), "/src/search/analysis"]

    # A module edited since the build: every module runs as Python.
    assert isinstance(current["sources"], dict)
    sources = {**current["sources"], "places": "0" * 64}
    stale = _fake_build(tmp_path / "stale", {**current, "sources": sources})
    other_python = _fake_build(tmp_path / "py", {**current, "python": "cpython-310"})
    incomplete = _fake_build(tmp_path / "part", current)
    (_native.package_dir(incomplete) / f"tone{SUFFIX}").unlink()
    for build in (stale, other_python, incomplete, tmp_path / "none"):
        path = ["/src/search/analysis"]
        assert not _native.activate(path, build)
        assert path == ["/src/search/analysis"]

    monkeypatch.setenv(_native.PURE_ENV, "1")
    assert not _native.activate(["/src/search/analysis"], tmp_path / "ok")


def _dump(tmp_path: Path, name: str, pure: bool) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != _native.PURE_ENV}
    if pure:
        env[_native.PURE_ENV] = "1"
    out = tmp_path / f"{name}.json"
    script = REPO / "devtools" / "analysis_dump.py"
    subprocess.run([sys.executable, str(script), str(out), "--no-sample"], env=env, check=True, timeout=600)
    return out.read_bytes()


@pytest.mark.skipif(
    not _native.usable() or settings().flag(_native.PURE_ENV, False),
    reason="not compiled here (make install-dev runs scripts/build_native.py), or turned off",
)
def test_the_compiled_modules_are_loaded_and_analyse_as_the_python_ones(tmp_path: Path) -> None:
    assert search.analysis.COMPILED
    for name in _native.MODULES:
        module = sys.modules[f"search.analysis.{name}"]
        assert module.__file__ is not None and module.__file__.endswith(SUFFIX), name
    # Topics, provinces, tone with all their evidence, and the focus tone toward every province
    # named, on the evaluation sets plain and lengthened (devtools/analysis_dump.py).
    compiled, pure = _dump(tmp_path, "compiled", False), _dump(tmp_path, "pure", True)
    assert len(json.loads(compiled)) > 300
    assert compiled == pure


def test_a_tone_score_is_a_float_even_without_cues() -> None:
    """Compiled code keeps a score declared float as one; the Python sum of no cues gave int 0."""
    document = to_document({"id": "x", "title": "Lịch làm việc ngày 3/12", "sapo": "", "body": ""})
    result = analyze(document)
    assert result.tone.cues == [] and type(result.tone.score) is float
    assert json.dumps(result.explanations()["tone"]["score"]) == "0.0"
