"""The real-page set (tests/data/realpages/facts.json): facts read off real pages by hand hold.

Scored by bench/realpages.py's functions, so the floors and the published table cannot disagree.
The pages are read where CI has them (beside the checkout) and checked against their sha256; the
floors sit a little below the measured figures (docs/EXTRACTION.md, "Real pages").
"""

from __future__ import annotations

import json

import pytest

from tests.helpers import load_bench

realpages = load_bench("realpages")
PAGES = realpages.load()
AVAILABLE = [page for page in PAGES if page.path is not None]
needs_pages = pytest.mark.skipif(not AVAILABLE, reason="no real pages beside the checkout (../shared/pages)")


def test_every_page_names_its_source_and_facts():
    entries = json.loads(realpages.FACTS.read_text(encoding="utf-8"))["pages"]
    assert len({e["file"] for e in entries}) == len(entries)
    for entry in entries:
        assert set(entry["source"]) >= {"repository", "path", "commit", "licence", "sha256"}, entry["file"]
        assert len(entry["source"]["commit"]) == 40 and len(entry["source"]["sha256"]) == 64
        assert set(entry["facts"]) >= {"title", "published", "precision", "author", "first", "last", "absent"}
        assert entry["facts"]["precision"] in ("minute", "day")
        assert entry.get("split", "dev") in ("dev", "heldout"), entry["file"]
        if not entry.get("folder"):  # not where CI has pages: it must say why it stays local
            assert "local only" in entry["source"]["licence"], entry["file"]
    # A third of the pages found for the set are held out (scored before any rule was derived).
    new = [e for e in entries if not e.get("folder")]
    assert 3 * sum(e.get("split") == "heldout" for e in new) >= len(new)


@needs_pages
def test_presswatch_floors_on_the_real_pages():
    results = realpages.score(PAGES, "presswatch")
    facts = [ok for page in results.values() for ok in page.values()]
    assert len(results) == len(AVAILABLE) >= 7
    # measured 42/42 on the seven shared pages (CI), 66/66 with the four local-only pages
    assert sum(facts) / len(facts) >= 0.97
    for outlet in {page.outlet for page in AVAILABLE}:
        outlet_facts = [
            ok for page in AVAILABLE if page.outlet == outlet for ok in results[page.file].values()
        ]
        assert sum(outlet_facts) >= len(outlet_facts) - 1, outlet
    for fact in ("title", "time", "author"):
        assert sum(page[fact] for page in results.values()) >= len(results) - 1, fact


@needs_pages
def test_a_page_that_is_not_the_manifests_is_refused(tmp_path, monkeypatch):
    """A folder holding a different page under a listed name: refused, not scored as that page."""
    page = AVAILABLE[0]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / page.file).write_bytes(page.path.read_bytes() + b"<!-- changed -->")
    with pytest.raises(ValueError, match="sha256"):
        realpages.load([folder])
    monkeypatch.setenv("PRESSWATCH_REALPAGES", str(folder))
    with pytest.raises(ValueError, match="sha256"):
        realpages.load()


@pytest.mark.parametrize("script", ["extraction.py", "realpages.py"])
def test_the_documented_benchmark_commands_start(script):
    """`python bench/extraction.py` and `python bench/realpages.py`, as docs/EXTRACTION.md runs them:
    the script's folder comes first on sys.path, where bench/search.py would shadow the search package."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(realpages.REPO / "bench" / script), "--help"],
        capture_output=True,
        text=True,
        cwd=realpages.REPO,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout
