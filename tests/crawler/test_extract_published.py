"""Publish time from agreeing evidence: JSON-LD, meta tags, the visible date line and the URL.

Each rule is shown on a real page from ../shared/pages where one shows it (altered in memory the
way the real defect looks: the file is never copied or written), otherwise on a minimal page that
reproduces the real markup named in the test.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from crawler.extract import extract_article
from crawler.extract.dates import LOCAL_TZ, parse_iso_stamp, parse_line
from crawler.extract.evidence import Evidence, choose

PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "pages"
NLD = "nld.com.vn_2026-03-07_196260307071308923.html"
NLD_URL = (
    "https://nld.com.vn/nhung-sai-sot-ho-kinh-doanh-thuong-gap-khi-thuc-hien-quy-dinh-moi-ve-thue-"
    "196260307071308923.htm"
)
DANTRI = "dantri.com.vn_2026-03-07_20260307080054340.html"
DANTRI_URL = (
    "https://dantri.com.vn/kinh-doanh/gia-vang-giam-van-cao-hon-the-gioi-gan-20-trieu-dongluong-"
    "20260307080054340.htm"
)
real_pages = pytest.mark.skipif(not PAGES.is_dir(), reason=f"real pages not found at {PAGES}")


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LOCAL_TZ)


def _real(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


@real_pages
def test_visible_local_time_beats_a_json_ld_offset_that_contradicts_it():
    """The CafeBiz defect on the same CMS (VCCorp, nld.com.vn): JSON-LD says 08:06+08:00 while the
    meta tags and the printed line say 08:06 local. 08:06+08:00 would be 07:06 in Viet Nam."""
    page = _real(NLD).replace(
        '"datePublished": "2026-03-07T08:06:00+07:00"', '"datePublished": "2026-03-07T08:06:00+08:00"'
    )
    assert '"2026-03-07T08:06:00+08:00"' in page
    result = extract_article(page.encode(), NLD_URL)
    assert result.ok, result.reason
    assert result.article.published_at == local(2026, 3, 7, 8, 6)
    assert result.article.published_precision == "minute"
    assert "json-ld" in result.published_conflict and "+08:00" in result.published_conflict


@real_pages
def test_agreeing_sources_record_no_conflict():
    result = extract_article(_real(NLD).encode(), NLD_URL)
    assert result.article.published_at == local(2026, 3, 7, 8, 6)
    assert result.article.published_precision == "minute"
    assert result.published_conflict == ""
    assert {e.source for e in result.published_evidence} == {"json-ld", "meta", "visible"}


@real_pages
def test_a_date_known_only_from_the_url_is_a_day_not_midnight():
    """Dân trí with its date line and datePublished trimmed: only the URL id 20260307080054340 dates
    it. That id looks like 08:00:54 but is an id, not the publish time (08:07): the day at best."""
    page = _real(DANTRI)
    start = page.index("<time ")
    page = page[:start] + page[page.index("</time>", start) + len("</time>") :]
    page = re.sub(r'"(?:datePublished|dateModified|published_date)":"[^"]*",?', "", page)
    assert "T08:07" not in page
    result = extract_article(page.encode(), DANTRI_URL)
    assert result.ok, result.reason
    assert result.article.published_precision == "day"
    assert result.article.published_at.date().isoformat() == "2026-03-07"
    assert (result.article.published_at.hour, result.article.published_at.minute) == (0, 0)


# A Tuổi Trẻ 2015 article page trimmed of its date line (the example): the date lives in
# the URL path only. Minimal page reproducing that markup.
TUOITRE_2015 = """<html><head><title>Tin - Tuổi Trẻ Online</title>
<meta property="og:title" content="Khánh thành cầu dân sinh ở Cà Mau"></head><body>
<h1 class="title-2">Khánh thành cầu dân sinh ở Cà Mau</h1>
<div class="fck">{text}</div></body></html>"""


def test_a_url_path_date_gives_the_day_with_day_precision():
    text = (
        "<p>Người dân xã Tân Hưng Đông vui mừng khi cây cầu mới được đưa vào sử dụng sau nhiều năm "
        "chờ đợi.</p>"
    ) * 4
    result = extract_article(
        TUOITRE_2015.format(text=text).encode(),
        "https://tuoitre.vn/tin/chinh-tri-xa-hoi/20150312/khanh-thanh-cau/719543.html",
    )
    assert result.ok, result.reason
    assert result.article.published_precision == "day"
    assert result.article.published_at == local(2015, 3, 12)


def _stamp(value: str):
    return parse_iso_stamp(value)


def test_meta_and_json_ld_agreeing_beat_a_lone_visible_line():
    chosen = choose(
        [
            Evidence("json-ld", _stamp("2023-10-10T14:30:00+07:00")),
            Evidence("meta", _stamp("2023-10-10T14:30:00+07:00")),
            Evidence("visible", parse_line("10/10/2023 09:00")),
        ]
    )
    assert chosen.moment == local(2023, 10, 10, 14, 30) and chosen.precision == "minute"
    assert "visible" in chosen.conflict


def test_visible_time_agreeing_with_a_utc_value_is_no_conflict():
    chosen = choose(
        [
            Evidence("json-ld", _stamp("2023-10-10T07:30:15Z")),
            Evidence("visible", parse_line("10/10/2023 14:30")),
        ]
    )
    assert chosen.moment == local(2023, 10, 10, 14, 30, 15)
    assert chosen.conflict == ""


def test_meta_tags_win_over_json_ld_on_an_offset_only_disagreement():
    """CafeBiz without a printed line: the meta tag has the local clock, JSON-LD the same clock
    labelled +08:00."""
    chosen = choose(
        [
            Evidence("json-ld", _stamp("2024-05-22T13:39:00+08:00")),
            Evidence("meta", _stamp("2024-05-22T13:39:00")),
        ]
    )
    assert chosen.moment == local(2024, 5, 22, 13, 39)
    assert "json-ld" in chosen.conflict


def test_cafebiz_twelve_hour_date_line():
    """CafeBiz prints "22-05-2024 - 01:39 PM" in span[data-role=publishdate]."""
    stamp = parse_line("22-05-2024 - 01:39 PM")
    assert stamp.moment == local(2024, 5, 22, 13, 39) and stamp.has_time


def test_a_timed_value_beats_a_url_day_and_no_evidence_gives_nothing():
    chosen = choose(
        [Evidence("url", parse_line("07/03/2026")), Evidence("visible", parse_line("07/03/2026 08:07"))]
    )
    assert chosen.moment == local(2026, 3, 7, 8, 7) and chosen.precision == "minute"
    assert choose([]) is None


def test_a_structured_day_keeps_a_printed_time_from_another_day_out():
    """meta says 2023-10-10 without a time; the only printed time belongs to a sidebar story."""
    chosen = choose(
        [Evidence("meta", _stamp("2023-10-10")), Evidence("visible", parse_line("12/12/2022 12:12"))]
    )
    assert chosen.moment == local(2023, 10, 10) and chosen.precision == "day"
    assert "visible 2022-12-12 12:12 disagrees" in chosen.conflict
    same_day = choose(
        [Evidence("meta", _stamp("2023-10-10")), Evidence("visible", parse_line("10/10/2023 14:30"))]
    )
    assert same_day.moment == local(2023, 10, 10, 14, 30) and same_day.precision == "minute"
