"""crawl_delay from the registry is applied per outlet, and only to that outlet."""

from __future__ import annotations

import yaml

from presswatch.sample_press import SamplePress
from tests.conftest import SAMPLE_END
from tests.crawler.test_faults import FAULTS, articles, run_crawl

DELAY = 0.4


def test_crawl_delay_spaces_one_outlets_requests_and_not_the_others(tmp_path):
    registry = yaml.safe_load(FAULTS.read_text(encoding="utf-8"))
    for outlet in registry["outlets"]:
        if outlet["id"] == "nhipsong":
            outlet["crawl_delay"] = DELAY
    path = tmp_path / "registry.yaml"
    path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    with SamplePress(end=SAMPLE_END) as press:
        start = len(press.request_log)
        crawl = run_crawl(press, tmp_path, outlets="nhipsong,tinmang", extra=("--registry", str(path)))
        times = {"nhipsong": [], "tinmang": []}
        for when, request in zip(press.request_times[start:], press.request_log[start:], strict=True):
            outlet = request.split("/")[1]
            if outlet in times:
                times[outlet].append(when)
    assert crawl.stats["presswatch/articles/nhipsong"] == len(articles(press, "nhipsong"))
    slow = sorted(times["nhipsong"])
    gaps = [b - a for a, b in zip(slow, slow[1:], strict=False)]
    # Scrapy randomises a slot's delay between 0.5× and 1.5×; requests never come closer.
    assert min(gaps) >= 0.5 * DELAY * 0.9, gaps
    assert slow[-1] - slow[0] >= (len(slow) - 1) * 0.5 * DELAY
    fast = sorted(times["tinmang"])
    assert fast[-1] - fast[0] < slow[-1] - slow[0]  # the other outlet was not slowed down
