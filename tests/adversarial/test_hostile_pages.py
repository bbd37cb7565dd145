"""Pages built to make extraction slow: linear regexes, and a CPU budget per page (issue 16, item 4)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

from search.document import document_id
from tests.adversarial.hostile import REPO, HostileServer, article_page, outlet_yaml, rss, run_crawl

# Each made one of the extractor's regexes scan to the end of the page from every position:
# 420 KB of unclosed <style> took ~2 minutes (136 KB: 14 s); lone '<' and a title of spaces too.
HOSTILE = {
    "unclosed style": "<style>" * 60_000,
    "unclosed script": "<script>x" * 50_000,
    "lone brackets": "<" * 400_000,
}
EXTRACT = """
import json, sys
from crawler.extract import extract_article
out = {}
for name, page in json.loads(sys.stdin.read()).items():
    result = extract_article(page.encode(), "http://127.0.0.1/a.html")
    out[name] = [result.ok, result.reason]
print(json.dumps(out))
"""


def _cpu_limit() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (40, 40))  # SIGXCPU past it: the regexes were quadratic


def test_hostile_markup_is_extracted_in_linear_time():
    base = article_page("Trang độc hại")
    pages = {
        name: base.replace("</article>", f"<div>{junk}</div></article>") for name, junk in HOSTILE.items()
    }
    pages["title of spaces"] = base.replace("<title>", "<title>Tin" + " " * 200_000 + "-")
    # In a process of its own under a CPU limit (not a timing): start-up takes ~2 s of it, the four
    # pages a fraction of a second; the quadratic regexes needed minutes.
    result = subprocess.run(
        [sys.executable, "-c", EXTRACT],
        input=json.dumps(pages),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=_cpu_limit,
    )
    assert result.returncode == 0, f"killed or failed (status {result.returncode}): {result.stderr[-2000:]}"
    outcomes = json.loads(result.stdout)
    assert outcomes == {name: [True, ""] for name in pages}, outcomes


def test_a_page_over_its_cpu_budget_is_an_extraction_failure_and_the_crawl_goes_on(
    hostile: HostileServer, tmp_path: Path
):
    paragraph = "<p>Ủy ban nhân dân tỉnh Bắc Ninh họp bàn về giao thông và đầu tư công, lần {}.</p>"
    heavy = article_page("Trang rất nặng").replace(
        "</article>", "<div>" + "".join(paragraph.format(n) for n in range(20_000)) + "</div></article>"
    )
    urls = [
        hostile.route("/budget/nhe-1.html", article_page("Tin nhẹ một")),
        hostile.route("/budget/nang.html", heavy),  # ~2.6 MB: seconds of CPU, 10× the budget
        hostile.route("/budget/nhe-2.html", article_page("Tin nhẹ hai")),
    ]
    feed = hostile.route("/budget/rss.xml", rss(*urls), Content_Type="application/rss+xml")
    crawl = run_crawl(
        tmp_path, outlet_yaml("budget", feeds=(feed,)), settings={"PRESSWATCH_PAGE_CPU_SECONDS": 0.5}
    )
    assert crawl.stats["finish_reason"] == "finished"
    assert crawl.index.ids() == {document_id(urls[0]), document_id(urls[2])}
    assert crawl.stats["presswatch/not_article/budget"] == 1
    assert f"Not an article: {urls[1]} (over the per-page CPU budget (0.5 s))" in crawl.log
    assert crawl.health["budget"]["last"]["extraction_failures"] == 1


def test_a_few_invalid_bytes_do_not_turn_a_utf8_page_into_mojibake():
    from crawler.extract import extract_article

    page = article_page("Ủy ban nhân dân tỉnh họp bàn giải ngân").encode()
    # A character cut in half by the CMS, a stray Windows-1252 quote, a lone continuation byte.
    damaged = page.replace("đoạn 2".encode(), b"\xe1\xbb \x93 \x9d").replace("đoạn 3".encode(), b"\xc3(")
    for content_type in ("text/html; charset=utf-8", "text/html", None):
        result = extract_article(damaged, "http://127.0.0.1/a.html", content_type)
        assert result.ok, result.reason
        assert result.encoding == "utf-8", result.encoding
        assert result.article.title == "Ủy ban nhân dân tỉnh họp bàn giải ngân"
        assert "Ủy ban nhân dân tỉnh Bắc Ninh họp bàn về giao thông" in result.article.body
