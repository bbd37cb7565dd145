"""Per-outlet selector overrides: only where the generic path fails, each with a test page."""

from __future__ import annotations

from pathlib import Path

from crawler.extract import ExtractionOptions, extract_article, validate_selectors
from crawler.extract.dates import LOCAL_TZ

PAGE = Path(__file__).resolve().parents[1] / "data" / "extraction" / "selectors" / "cong-thong-tin-huyen.html"
URL = "https://hiephoa.example.vn/tin-tuc/ra-quan-don-ve-sinh-kenh-muong.aspx"
BODY_START = "Sáng 13/4, UBND huyện Hiệp Hòa phát động ra quân dọn vệ sinh"


def test_the_generic_path_fails_on_this_portal():
    """Why the override exists. If this starts passing, the override can be dropped."""
    article = extract_article(PAGE.read_bytes(), URL).article
    assert not article.body.startswith(BODY_START)


def test_the_body_override_fixes_it():
    result = extract_article(
        PAGE.read_bytes(), URL, options=ExtractionOptions.build({"body": "#ctl00_PlaceHolderMain_ND"})
    )
    article = result.article
    assert article.body.startswith(BODY_START)
    assert "Tin tiêu điểm" not in article.body and "cầu Hợp Thịnh" not in article.body
    assert article.author == "Quỳnh Anh"
    assert article.title == "Huyện Hiệp Hòa ra quân dọn vệ sinh kênh mương trước mùa mưa"
    assert article.published_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M") == "14/04/2024 07:45"
    assert result.warnings == []


def test_overrides_take_lists_and_remove_selectors():
    selectors = {"body": ["#missing", "#ctl00_PlaceHolderMain_ND"], "remove": "p[style]"}
    article = extract_article(PAGE.read_bytes(), URL, options=ExtractionOptions.build(selectors)).article
    assert article.body.startswith(BODY_START)
    assert article.author == ""  # the byline paragraph was removed by the override


def test_validate_reports_problems_for_the_registry():
    assert validate_selectors({"body": "#x", "title": ["h1.t", "h2"]}) == []
    problems = validate_selectors({"bodyy": "#x", "date": "span[["})
    assert any("unknown selectors key 'bodyy'" in p for p in problems)
    assert any("selectors.date: invalid CSS" in p for p in problems)
