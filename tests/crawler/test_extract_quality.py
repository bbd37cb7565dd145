"""Quality floors on the labelled evaluation set (tests/data/extraction): the issue's goals.

Scores use the same functions as bench/extraction.py, so the test and the published benchmark
cannot disagree. These are floors on correctness, not timings.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
from pathlib import Path

import pytest

from crawler.extract import extract_article

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "extraction"


def _load(name: str, path: Path):  # noqa: ANN202 - a module loaded from a file path
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bench = _load("presswatch_bench_extraction", REPO / "bench" / "extraction.py")


@pytest.fixture(scope="module")
def scored() -> list:
    scores = []
    for label in bench.load_labels():
        page = (DATA / "pages" / label["file"]).read_bytes()
        scores.append(bench.score(label, bench.presswatch(page, label["url"])))
    return scores


def test_the_set_is_large_and_varied_enough():
    labels = bench.load_labels()
    families = {label["family"] for label in labels}
    encodings = {label["encoding"] for label in labels}
    assert len(labels) >= 80
    assert len(families) >= 12
    assert {"tcvn3", "vni", "cp1258"} <= encodings
    for label in labels:
        for field in ("title", "sapo", "author", "body", "published_at"):
            assert label[field], (label["file"], field)


def test_body_f1_floors(scored):
    f1 = [s.f1 for s in scored]
    assert statistics.mean(f1) >= 0.97
    worst = min(scored, key=lambda s: s.f1)
    assert worst.f1 >= 0.90, worst


def test_title_date_author_floors(scored):
    assert statistics.mean(s.title for s in scored) >= 0.99, [s.file for s in scored if not s.title]
    assert statistics.mean(s.date for s in scored) >= 0.99, [s.file for s in scored if not s.date]
    assert statistics.mean(s.author for s in scored) >= 0.90, [s.file for s in scored if not s.author]


def test_sapo_is_separated_from_the_body():
    """The sapo is its own field: not repeated as the body's first paragraph."""
    misses = []
    for label in bench.load_labels():
        page = (DATA / "pages" / label["file"]).read_bytes()
        article = extract_article(page, label["url"]).article
        if bench.normalize(article.sapo) != bench.normalize(label["sapo"]) or article.body.startswith(
            article.sapo[:80]
        ):
            misses.append(label["file"])
    assert len(misses) <= 0.05 * len(bench.load_labels()), misses


def test_committed_pages_are_what_the_generator_writes(tmp_path):
    """The set is fixed: regenerating it reproduces the committed pages and labels byte for byte."""
    generate = _load("presswatch_extraction_generate", DATA / "generate.py")
    generate.build(tmp_path)
    for page in sorted((DATA / "pages").glob("*.html")):
        assert (tmp_path / "pages" / page.name).read_bytes() == page.read_bytes(), page.name
    assert (tmp_path / "labels.json").read_text(encoding="utf-8") == (DATA / "labels.json").read_text(
        encoding="utf-8"
    )
