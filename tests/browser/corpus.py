"""A small, fixed press corpus for the web tests: the focus province, stories carried by several
outlets, every tone, an outlet that went silent, and hostile markup in every text field.

Dates are anchored on a given local day (the tests pass ``end=`` that day to the dashboard), so
figures do not depend on the clock.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from search.document import LOCAL_TZ, Document

XSS_TITLE = "<script>alert('xss-title')</script>Bắc Ninh: cảnh báo lừa đảo qua mạng"
XSS_OUTLET_NAME = "<img src=x onerror=\"alert('xss-outlet')\">Báo Thử Nghiệm"
XSS_BODY = (
    "Đoạn mở đầu về lừa đảo qua mạng tại Bắc Ninh.\n"
    "<script>alert('xss-body')</script>\n"
    "<img src=x onerror=\"alert('xss-img')\"> Người dân cần cảnh giác.\n"
    "<a href=\"javascript:alert('xss-link')\">bấm vào đây</a>"
)
SEED_TITLE = "Bắc Ninh: 90% kiến nghị của người dân trên môi trường số được giải quyết"
TRAFFIC_TITLE = "Bắc Ninh: tai nạn giao thông nghiêm trọng trên quốc lộ 18, hai người tử vong"
SILENT_OUTLET = "baoxaydung"
XSS_OUTLET = "baothunghiem"

OUTLETS = {  # id -> kind; the names come from the registry (or outlet_name for the test outlet)
    # Today's Bắc Ninh agency (baobacninhtv is the pre-merger paper, "Báo Bắc Ninh (cũ)").
    "bptth-bacninh": "provincial-press-agency",
    "vnexpress": "central-online",
    "tuoitre": "central-daily",
    "thanhnien": "central-daily",
    "nhandan": "central-daily",
    "vietnamplus": "agency",
    SILENT_OUTLET: "trade-magazine",
    XSS_OUTLET: "trade-magazine",
}

TRAFFIC_BODY = (
    "Khoảng 6 giờ sáng, trên quốc lộ 18 đoạn qua thị xã Quế Võ, tỉnh Bắc Ninh đã xảy ra vụ "
    "tai nạn giao thông nghiêm trọng giữa xe tải và xe máy.\n"
    "Hậu quả khiến hai người tử vong tại chỗ. Lực lượng cảnh sát giao thông đã có mặt.\n"
    "Nguyên nhân vụ việc đang được cơ quan chức năng điều tra làm rõ."
)
SEED_BODY = (
    "Phó Giám đốc Sở Thông tin và Truyền thông tỉnh Bắc Ninh cho biết 90% kiến nghị của người "
    "dân gửi qua môi trường số đã được giải quyết đúng hạn.\n"
    "Tỉnh đẩy mạnh chuyển đổi số, dịch vụ công trực tuyến toàn trình.\n"
    "Người dân đánh giá cao sự thuận tiện, minh bạch của chính quyền số."
)
LAND_BODY = (
    "Nhiều hộ dân tại huyện Yên Phong, tỉnh Bắc Ninh phản ánh việc thu hồi đất, bồi thường "
    "giải phóng mặt bằng chậm, gây bức xúc.\n"
    "UBND huyện cho biết đang rà soát hồ sơ, giải quyết dứt điểm kiến nghị của người dân."
)
ENV_BODY = (
    "Tình trạng ô nhiễm môi trường tại làng nghề tái chế giấy Phong Khê, Bắc Ninh vẫn diễn biến "
    "phức tạp, nước thải chưa qua xử lý xả thẳng ra kênh.\n"
    "Sở Tài nguyên và Môi trường yêu cầu các hộ sản xuất chấp hành nghiêm quy định."
)
CULTURE_BODY = (
    "Lễ hội Lim năm nay thu hút hàng chục nghìn du khách về với quê hương quan họ Bắc Ninh.\n"
    "Các liền anh, liền chị hát quan họ trên thuyền, giữ gìn di sản văn hóa phi vật thể."
)
HANOI_BODY = (
    "Hà Nội triển khai nhiều giải pháp giảm ùn tắc giao thông giờ cao điểm.\n"
    "Sở Giao thông vận tải đề xuất mở rộng các nút giao trọng điểm."
)


def _explain(
    topic_terms: dict[str, list[str]], cues: list[tuple[str, str]], places: dict[str, list[str]], tone: str
) -> dict:
    """Explanations in the analysis module's shape (topics terms, tone cues, province evidence)."""
    return {
        "topics": {
            name: {"key": name.lower(), "terms": terms, "hits": len(terms)}
            for name, terms in topic_terms.items()
        },
        "tone": {
            "label": tone,
            "score": -2.0 if tone == "negative" else 1.0 if tone == "positive" else 0.0,
            "cues": [
                {"cue": cue, "field": "body", "polarity": polarity, "score": 1.0} for cue, polarity in cues
            ],
            "focus": {"province": "Bắc Ninh", "label": tone, "score": 0.0, "scope": "article", "cues": []},
        },
        "provinces": {
            "old": list(places),
            "new": list(places),
            "scores": {p: 1.0 for p in places},
            "evidence": {
                p: [{"field": "body", "text": t, "kind": "alias", "weight": 1.0} for t in texts]
                for p, texts in places.items()
            },
        },
    }


def _at(anchor: date, days_ago: int, hour: int) -> datetime:
    return datetime.combine(anchor - timedelta(days=days_ago), time(hour, 0), LOCAL_TZ)


def documents(anchor: date) -> list[Document]:
    docs: list[Document] = []

    def add(
        outlet: str,
        slug: str,
        title: str,
        body: str,
        days_ago: int,
        hour: int,
        *,
        topics: list[str],
        tone: str,
        story: str = "",
        provinces: list[str] | None = None,
        explanations: dict | None = None,
        **extra,
    ) -> None:
        docs.append(
            Document(
                url=f"https://{outlet}.example.vn/{slug}.html",
                outlet_id=outlet,
                outlet_kind=OUTLETS[outlet],
                title=title,
                sapo=body.split("\n")[0],
                body=body,
                published_at=_at(anchor, days_ago, hour),
                topics=topics,
                provinces=provinces if provinces is not None else ["Bắc Ninh"],
                tone=tone,
                story_id=story,
                explanations=explanations or {},
                section="Thời sự",
                **extra,
            )
        )

    traffic = _explain(
        {"An toàn giao thông": ["tai nạn giao thông", "cảnh sát giao thông"]},
        [("tử vong", "negative"), ("nghiêm trọng", "negative")],
        {"Bắc Ninh": ["Bắc Ninh"]},
        "negative",
    )
    for i, outlet in enumerate(["vnexpress", "tuoitre", "thanhnien", "bptth-bacninh"]):
        add(
            outlet,
            f"tai-nan-ql18-{i}",
            TRAFFIC_TITLE if i == 0 else f"{TRAFFIC_TITLE} ({outlet})",
            TRAFFIC_BODY,
            0,
            7 + i,
            topics=["An toàn giao thông"],
            tone="negative",
            story="story-ql18",
            explanations=traffic,
            author="Nguyễn Văn An",
        )
    seed = _explain(
        {"Chuyển đổi số": ["chuyển đổi số", "dịch vụ công trực tuyến"]},
        [("đánh giá cao", "positive")],
        {"Bắc Ninh": ["tỉnh Bắc Ninh"]},
        "positive",
    )
    for i, outlet in enumerate(["bptth-bacninh", "nhandan", "vietnamplus"]):
        add(
            outlet,
            f"kien-nghi-so-{i}",
            SEED_TITLE if i == 0 else f"{SEED_TITLE} – {outlet}",
            SEED_BODY,
            1 + i,
            9,
            topics=["Chuyển đổi số"],
            tone="positive",
            story="story-kiennghi",
            explanations=seed,
            images=[
                {
                    "url": "https://baobacninhtv.example.vn/anh/hoi-nghi.jpg",
                    "caption": "Hội nghị chuyển đổi số tỉnh Bắc Ninh",
                }
            ]
            if i == 0
            else [],
        )
    land = _explain(
        {"Đất đai": ["thu hồi đất", "giải phóng mặt bằng"]},
        [("bức xúc", "negative")],
        {"Bắc Ninh": ["Bắc Ninh"]},
        "negative",
    )
    for i, outlet in enumerate(["tuoitre", "bptth-bacninh"]):
        add(
            outlet,
            f"thu-hoi-dat-{i}",
            f"Người dân Yên Phong bức xúc vì chậm bồi thường đất ({i + 1})",
            LAND_BODY,
            3 + i,
            14,
            topics=["Đất đai"],
            tone="negative",
            story="story-yenphong",
            explanations=land,
        )
    for i in range(6):
        add(
            ["vnexpress", "nhandan", "bptth-bacninh"][i % 3],
            f"moi-truong-{i}",
            f"Ô nhiễm làng nghề Phong Khê: bài {i + 1}",
            ENV_BODY,
            2 + 4 * i,
            10,
            topics=["Môi trường"],
            tone="negative" if i % 2 else "neutral",
        )
    for i in range(5):
        add(
            ["bptth-bacninh", "vietnamplus"][i % 2],
            f"le-hoi-{i}",
            f"Lễ hội Lim và quan họ Bắc Ninh, kỳ {i + 1}",
            CULTURE_BODY,
            5 * i,
            16,
            topics=["Văn hóa"],
            tone="positive",
        )
    for i in range(4):
        add(
            "thanhnien",
            f"ha-noi-{i}",
            f"Hà Nội giảm ùn tắc giao thông, giải pháp {i + 1}",
            HANOI_BODY,
            i,
            11,
            topics=["An toàn giao thông"],
            tone="neutral",
            provinces=["Hà Nội"],
        )
    for i in range(3):  # published in the baseline window, nothing recently: a silent outlet
        add(
            SILENT_OUTLET,
            f"xay-dung-{i}",
            f"Xây dựng nông thôn mới ở Bắc Ninh, phần {i + 1}",
            CULTURE_BODY,
            12 + 5 * i,
            8,
            topics=["Văn hóa"],
            tone="neutral",
        )
    hostile = _explain(
        {"<script>alert('xss-topic')</script>An ninh": ["<b onclick=alert(1)>lừa đảo</b>"]},
        [("<img src=x onerror=alert('xss-cue')>", "negative")],
        {"Bắc Ninh": ["<i>Bắc Ninh</i>"]},
        "negative",
    )
    add(
        XSS_OUTLET,
        "xss",
        XSS_TITLE,
        XSS_BODY,
        1,
        20,
        topics=["An ninh trật tự"],
        tone="negative",
        explanations=hostile,
        outlet_name=XSS_OUTLET_NAME,
        author='"><svg onload=alert("xss-author")>',
        images=[{"url": "javascript:alert('xss-src')", "caption": "<b onmouseover=alert(1)>chú thích</b>"}],
        tags=["<script>alert('xss-tag')</script>"],
    )
    return docs


def index_corpus(backend, anchor: date) -> list[Document]:
    docs = documents(anchor)
    report = backend.index(docs)
    assert not report.errors, report.errors
    if hasattr(backend, "refresh_now"):
        backend.refresh_now()
    return docs


def corpus_app(data_dir, **config):
    """A real app (CSRF on, as deployed) over an embedded index holding the corpus, anchored today.

    Returns (app, anchor); the web tests' ``end=`` parameter is the anchor.
    """
    from presswatch.app import create_app
    from search.backends import open_backend
    from search.config import SearchConfig
    from web.filters import local_today

    search_config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)})
    anchor = local_today()
    backend = open_backend(search_config)
    index_corpus(backend, anchor)
    backend.close()
    app = create_app(
        {"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": search_config, "TESTING": True, **config}
    )
    return app, anchor
