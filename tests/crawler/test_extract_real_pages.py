"""The seven real article pages in ../shared/pages: the facts their source projects assert must hold.

The pages are read where CI provides them (beside the checkout); they are never copied into the
repository. Values are compared in the product's canonical form (``search.text.normalize``:
"Thanh Hoá" and "Thanh Hóa" are one spelling).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from crawler.extract import extract_article
from crawler.extract.dates import LOCAL_TZ, parse_iso
from search.text import normalize

PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8")) if PAGES.is_dir() else {}
pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason=f"real pages not found at {PAGES}")
FURNITURE = (
    "Tham khảo thêm",
    "Tin liên quan",
    "TIN LIÊN QUAN",
    "Tin cùng chuyên mục",
    "Bạn thấy bài viết",
    "Xem thêm:",
    "Đọc thêm:",
    "Chia sẻ",
    "Bình luận",
)


def _expected_moment(value: str) -> datetime:
    if "/" in value:  # "07/03/2026 08:47": day first, local time
        return datetime.strptime(value, "%d/%m/%Y %H:%M").replace(tzinfo=LOCAL_TZ)
    moment = parse_iso(value)
    assert moment is not None, value
    return moment


@pytest.fixture(scope="module")
def extracted() -> dict:
    results = {}
    for name, facts in EXPECTED.items():
        result = extract_article((PAGES / name).read_bytes(), facts["url"])
        assert result.ok, f"{name}: {result.reason}"
        results[name] = result.article
    return results


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_facts_hold(name, extracted):
    facts, article = EXPECTED[name], extracted[name]
    if "title" in facts:
        assert article.title == normalize(facts["title"].strip())
    if "published_at" in facts:
        want = _expected_moment(facts["published_at"])
        assert article.published_at.replace(second=0) == want.replace(second=0)
        assert article.published_at.utcoffset() == want.astimezone(LOCAL_TZ).utcoffset()
    if "published_date" in facts:
        assert article.published_at.date().isoformat() == facts["published_date"]
    if "category" in facts:
        assert article.section == normalize(facts["category"])
    text = article.sapo + "\n\n" + article.body  # the upstream adapters' body includes the lead
    for sentence in facts.get("body_contains", []):
        assert normalize(sentence) in text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_furniture_in_the_body(name, extracted):
    body = extracted[name].body
    for phrase in FURNITURE:
        assert phrase not in body, phrase


def test_known_fields(extracted):
    """Facts read off the pages themselves (bylines, sapo)."""
    by_site = {name.split("_")[0]: article for name, article in extracted.items()}
    assert by_site["baodautu.vn"].author == "Nguyên Minh"
    assert by_site["nld.com.vn"].author == "Minh Chiến"  # not "NLD.COM.VN" from the meta tag
    assert by_site["tuoitre.vn"].author == "NHẬT XUÂN - NGHI VŨ"  # the header shows one name + "và 1 khác"
    assert by_site["vnexpress.net"].author == "Anh Minh"
    assert by_site["baochinhphu.vn"].sapo.startswith("(Chinhphu.vn) - Tháng 3/2026")
    assert "Ông Tống Anh Linh - Giám đốc tài chính" in by_site["baodautu.vn"].sapo
    for article in extracted.values():
        assert article.published_at.tzinfo is not None
        assert article.sapo and not article.body.startswith(article.sapo[:60])
