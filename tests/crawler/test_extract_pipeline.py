"""The pipeline's wiring: the container path, the trafilatura fallback, fields from metadata."""

from __future__ import annotations

from crawler.extract import extract_article, pipeline

SENTENCES = [
    "Sáng 13/4, huyện phát động ra quân dọn vệ sinh kênh mương nội đồng trên địa bàn 25 xã.",
    "Hơn 3.000 đoàn viên, hội viên và người dân đã tham gia nạo vét bùn đất, phát quang cỏ dại.",
    "Lãnh đạo huyện yêu cầu các xã duy trì vệ sinh định kỳ mỗi tháng một lần.",
    "Các trường hợp đổ rác xuống kênh mương sẽ bị xử lý nghiêm theo quy định của pháp luật.",
    "Hoạt động nhằm bảo đảm tiêu thoát nước trước mùa mưa bão năm nay.",
]
TITLE = "Huyện ra quân dọn vệ sinh kênh mương trước mùa mưa"


def test_trafilatura_takes_over_when_no_container_is_found(monkeypatch):
    """Text in spans inside divs: no container holds paragraphs, so the tuned trafilatura reads it."""
    calls = []
    original = pipeline._trafilatura_lines

    def spy(tree, url):  # noqa: ANN001, ANN202 - test double with the wrapped function's signature
        calls.append(url)
        return original(tree, url)

    monkeypatch.setattr(pipeline, "_trafilatura_lines", spy)
    blocks = "".join(f"<div class='r'><span>{s}</span></div>" for s in SENTENCES)
    page = (
        f"<html><body><h1>{TITLE}</h1><div class='date'>14/04/2024 07:45</div><section>{blocks}</section>"
        "</body></html>"
    )
    result = extract_article(page.encode(), "https://huyen.example.vn/a")
    assert calls and result.ok
    assert result.article.body == "\n\n".join(SENTENCES)


def test_known_container_does_not_call_trafilatura(monkeypatch):
    monkeypatch.setattr(pipeline, "_trafilatura_lines", lambda tree, url: ["should not be used"])
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = (
        f"<html><body><h1>{TITLE}</h1><div class='date'>14/04/2024 07:45</div>"
        f"<div class='detail-content'>{paragraphs}</div></body></html>"
    )
    article = extract_article(page.encode(), "https://huyen.example.vn/b").article
    assert article.body == "\n\n".join(SENTENCES)


def test_fields_from_metadata_when_the_page_prints_little():
    head = f"""<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [
      {{"@type": "NewsArticle", "headline": "{TITLE}", "datePublished": "2024-04-14T00:45:00Z",
        "author": {{"@type": "Person", "name": "Quỳnh Anh"}}, "articleSection": ["Xã hội", "Môi trường"],
        "keywords": "kênh mương, vệ sinh môi trường", "description": "Huyện ra quân làm sạch kênh mương."}},
      {{"@type": "BreadcrumbList", "itemListElement": [
        {{"@type": "ListItem", "position": 1, "name": "Trang chủ"}},
        {{"@type": "ListItem", "position": 2, "name": "Môi trường"}}]}}]}}</script>
      <link rel="canonical" href="/moi-truong/ra-quan-don-ve-sinh.html">"""
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = f"<html><head>{head}</head><body><h1>{TITLE}</h1><article>{paragraphs}</article></body></html>"
    article = extract_article(page.encode(), "https://huyen.example.vn/x?utm_source=fb").article
    assert article.url == "https://huyen.example.vn/moi-truong/ra-quan-don-ve-sinh.html"
    assert article.published_at.isoformat() == "2024-04-14T07:45:00+07:00"
    assert article.author == "Quỳnh Anh"
    assert article.section == "Môi trường"
    assert article.tags == ["kênh mương", "vệ sinh môi trường"]
    assert article.sapo == "Huyện ra quân làm sạch kênh mương."  # printed nowhere: the outlet's summary


def test_text_is_normalised_for_search():
    """One tone-mark placement: "hoà"/"hòa" and "thuỷ"/"thủy" come out the same (search.text.normalize)."""
    paragraphs = "<p>Hoà Bình và thuỷ lợi được nhắc đến trong bài viết này nhiều lần, " * 4 + "</p>"
    page = (
        "<html><body><h1>Thuỷ lợi Hoà Bình sẵn sàng cho mùa mưa</h1><div class='date'>14/04/2024 07:45</"
        "div>"
        f"<div class='detail-content'>{paragraphs}</div></body></html>"
    )
    article = extract_article(page.encode(), "https://huyen.example.vn/c").article
    assert article.title == "Thủy lợi Hòa Bình sẵn sàng cho mùa mưa"
    assert "Hòa Bình và thủy lợi" in article.body


def test_paragraphs_written_as_divs_are_found_without_trafilatura(monkeypatch):
    monkeypatch.setattr(pipeline, "_trafilatura_lines", lambda tree, url: [])
    blocks = "".join(f"<div>{s}</div>" for s in SENTENCES)
    others = "".join(
        f"<div><a href='/a{i}'>Tin khác số {i} về hoạt động của các sở ngành</a></div>" for i in range(10)
    )
    page = (
        f"<html><body><h1>{TITLE}</h1><span class='date'>14/04/2024 07:45</span><div class='x1'>{blocks}<"
        "/div>"
        f"<div class='x2'>{others}</div></body></html>"
    )
    article = extract_article(page.encode(), "https://huyen.example.vn/d").article
    assert article.body == "\n\n".join(SENTENCES)
