"""`presswatch extract` says how precise the publish time is and which sources disagreed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.crawler.test_extract_published import NLD, NLD_URL, PAGES, TUOITRE_2015, real_pages


def extract(tmp_path: Path, page: str, url: str) -> dict:
    source = tmp_path / "page.html"
    source.write_text(page, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "presswatch", "extract", str(source), "--url", url, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_a_day_only_date_is_printed_as_a_day(tmp_path):
    text = "<p>Người dân xã Tân Hưng Đông vui mừng khi cây cầu mới được đưa vào sử dụng.</p>" * 4
    article = extract(
        tmp_path,
        TUOITRE_2015.format(text=text),
        "https://tuoitre.vn/tin/chinh-tri-xa-hoi/20150312/khanh-thanh-cau/719543.html",
    )
    assert article["published_at"] == "2015-03-12" and article["published_precision"] == "day"


@real_pages
def test_a_wrong_offset_is_reported(tmp_path):
    page = (
        (PAGES / NLD)
        .read_text(encoding="utf-8")
        .replace(
            '"datePublished": "2026-03-07T08:06:00+07:00"', '"datePublished": "2026-03-07T08:06:00+08:00"'
        )
    )
    article = extract(tmp_path, page, NLD_URL)
    assert article["published_at"] == "2026-03-07T08:06:00+07:00"
    assert article["published_precision"] == "minute"
    assert "json-ld 2026-03-07T08:06:00+08:00 disagrees" in article["published_conflict"]
