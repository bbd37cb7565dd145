"""Page furniture never reaches the body; captions are kept apart from it.

The main page mirrors the project's seed article (../shared/seed): an inline related box with no
heading, captioned photos whose alt repeats the headline, the byline, the rating widget, the topic
line and "Tin cùng chuyên mục", all inside the same content container.
"""

from __future__ import annotations

from crawler.extract import extract_article
from crawler.extract.furniture_text import is_furniture_heading, is_furniture_line

TITLE = "Bắc Ninh: 90% kiến nghị của người dân trên môi trường số được giải quyết"
PARAGRAPHS = [
    "Thông tin được Sở Thông tin và Truyền thông tỉnh đưa ra tại hội nghị giao ban công tác quản lý nhà "
    "nước về báo chí quý III.",
    "Tỷ lệ xử lý hồ sơ công việc và ký số văn bản điện tử của các cơ quan, đơn vị trên địa bàn tỉnh tiếp "
    "tục tăng, cấp xã đạt 97,5%.",
    "Ứng dụng phản ánh kiến nghị được mở rộng thành kênh tương tác tổng hợp giữa người dân và chính quyền.",
    "Theo dõi sát tình hình, tỉnh yêu cầu các sở, ngành tiếp tục đẩy mạnh chuyển đổi số trong năm tới.",
]
RELATED = [
    "Bắc Ninh phát động Ngày Chuyển đổi số quốc gia năm 2023",
    "Bắc Ninh: Đẩy mạnh kết nối ngân hàng - doanh nghiệp",
    "Nam Định: Cấp giấy chứng nhận đăng ký đầu tư dự án trăm triệu USD",
    "Thái Nguyên mở rộng cửa đón các nhà đầu tư nước ngoài",
]
CAPTION = "Ông Nghiêm Văn Hách chia sẻ thông tin đến các cơ quan báo chí. Ảnh: Thu Hường"


def seed_like_page() -> bytes:
    p = [f"<p>{text}</p>" for text in PARAGRAPHS]
    inline = "".join(f'<a href="/r{i}.html">{t}</a> ' for i, t in enumerate(RELATED[:2]))
    same = "".join(
        f'<div class="item"><a href="/s{i}.html"><img src="/s{i}.jpg" alt="{t}"></a>'
        f'<a href="/s{i}.html">{t}</a></div>'
        for i, t in enumerate(RELATED[2:])
    )
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>
    <meta property="og:title" content="{TITLE}"></head><body>
    <div id="cookie-notice"><p>Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn.</p></div>
    <h1>{TITLE}</h1><div class="date">Thứ Ba, 10/10/2023 - 14:30</div>
    <div class="sapo">Tỷ lệ tiếp nhận và trả lời phản ánh, kiến nghị trên thiết bị di động của toàn tỉnh
    đạt 90%.</div>
    <div class="share-bar"><a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In bài viết</a></div>
    <div class="detail-content">
      <div class="box-2">{inline}</div>
      {p[0]}
      <table class="image center"><tr><td><img src="/a.jpg" alt="{TITLE}"></td></tr>
      <tr><td>{CAPTION}</td></tr></table>
      {p[1]}
      <p>Xem thêm: <a href="/x.html">{RELATED[3]}</a></p>
      {p[2]}
      <h3>Tin liên quan</h3><ul><li><a href="/y.html">{RELATED[2]}</a></li></ul>
      <p><img src="/b.jpg"></p><p><em>Toàn cảnh hội nghị giao ban. Ảnh: Thanh Tâm</em></p>
      {p[3]}
      <p>(Ảnh minh họa)</p>
      <div class="newsletter"><h4>Đăng ký nhận bản tin</h4><p>Nhập email để nhận tin mỗi sáng.</p></div>
      <p style="text-align: right;"><strong>Thu Hường - Thanh Tâm</strong></p>
      <p>Bạn thấy bài viết này thế nào?</p><p>Kém Bình thường ★ ★ Hứa hẹn ★★★ Tốt ★★★★ Rất tốt ★★★★★</p>
      <p>Bài viết cùng chủ đề: <a href="/topic">Tỉnh Bắc Ninh</a></p>
      <h3>Tin cùng chuyên mục</h3>{same}
    </div>
    <div class="comments"><h3>Bình luận</h3><p>Gửi bình luận của bạn</p></div>
    </body></html>""".encode()


def test_seed_like_page_keeps_the_article_and_cuts_everything_else():
    result = extract_article(seed_like_page(), "https://baobacninh.example.vn/a.html")
    assert result.ok, result.reason
    article = result.article
    assert article.body == "\n\n".join(PARAGRAPHS)
    assert article.author == "Thu Hường - Thanh Tâm"
    assert article.title == TITLE
    captions = [image["caption"] for image in article.images]
    assert CAPTION in captions and "Toàn cảnh hội nghị giao ban. Ảnh: Thanh Tâm" in captions


def test_intertitle_that_starts_like_furniture_is_kept():
    """ "Theo dõi sát tình hình…" is prose; only the bare widget word "Theo dõi" is furniture."""
    assert PARAGRAPHS[3] in extract_article(seed_like_page(), "https://x.vn/a").article.body
    assert is_furniture_heading("Theo dõi")
    assert not is_furniture_line("Theo dõi sát tình hình mưa lũ ở vùng cao")


def test_furniture_headings_in_any_case():
    for heading in (
        "TIN CÙNG CHUYÊN MỤC",
        "Tin liên quan:",
        "Bài viết cùng chủ đề",
        "Tham khảo thêm",
        "Bạn thấy bài viết này thế nào?",
        "Có thể bạn quan tâm",
        "Đọc thêm",
    ):
        assert is_furniture_heading(heading), heading


def test_furniture_lines():
    for line in (
        "Xem thêm: Giá vàng hôm nay tăng mạnh",
        "Bài viết cùng chủ đề: Tỉnh Bắc Ninh",
        "★★★★★",
        "Ảnh: Thu Hường",
        "(Ảnh minh họa)",
        "Từ khóa: chuyển đổi số, Bắc Ninh",
    ):
        assert is_furniture_line(line), line
    for line in (
        "Ảnh hưởng của bão số 3 đến sản xuất nông nghiệp là rất lớn.",
        "Xem xét kỹ hồ sơ trước khi trình Ủy ban nhân dân tỉnh.",
    ):
        assert not is_furniture_line(line), line


def test_vccorp_related_news_box_inside_the_body():
    box = (
        '<div class="VCSortableInPreviewMode" type="RelatedNewsBox"><ul><li><span>Tham khảo thêm</span>'
        f'<a href="/z.htm">{RELATED[0]}</a></li></ul></div>'
    )
    paragraphs = "".join(f"<p>{t}</p>" for t in PARAGRAPHS)
    page = (
        f"<html><body><h1>{TITLE}</h1><div class='detail-time'>10/10/2023 14:30</div>"
        f"<div class='detail-content' data-role='content'>{paragraphs}{box}</div></body></html>"
    ).encode()
    article = extract_article(page, "https://x.vn/b").article
    assert "Tham khảo thêm" not in article.body and RELATED[0] not in article.body
