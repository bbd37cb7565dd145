"""Articles prepared in an extraction worker index exactly as articles the ingester prepares itself."""

import copy
import pickle
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crawler.extraction_pool import extract_item
from crawler.items import ArticleItem
from search import stories
from search.backends.base import IndexReport
from search.ingest import Ingester, PreparedArticle, prepare
from search.stories import StoryGrouper

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
BODY = (
    "Sáng 12/3, UBND tỉnh Bắc Ninh tổ chức hội nghị về giải ngân vốn đầu tư công. Tai nạn giao thông "
    "trên quốc lộ 18 khiến hai người bị thương; lực lượng chức năng đã kịp thời có mặt. Thành phố Hà "
    "Nội và tỉnh Bắc Giang cũ phối hợp xử lý vi phạm an toàn thực phẩm."
)


class ListBackend:
    name = "list"

    def __init__(self) -> None:
        self.documents = []

    def index(self, documents):
        documents = list(documents)
        self.documents += documents
        return IndexReport(indexed=len(documents))

    def close(self) -> None:
        pass


def articles(n=12):
    out = []
    for i in range(n):
        out.append(
            {
                "url": f"https://bao{i % 3}.vn/bai-{i}.html",
                "outlet_id": f"bao{i % 3}",
                "title": f"Bắc Ninh: hội nghị số {i // 2}",
                "sapo": "Tin  tức tổng hợp.",
                "body": BODY if i % 4 else BODY.replace("Tai nạn", "Lễ hội"),
                "author": "An",
                "section": "Thời sự",
                "tags": ["Bắc Ninh"],
                "images": [],
                "published_at": datetime(2026, 3, 12, 9, tzinfo=TZ) + timedelta(hours=i),
            }
        )
    return out


def ingest(tmp_path, name, items):
    backend = ListBackend()
    from search.analysis import annotate

    ingester = Ingester(
        backend, grouper=StoryGrouper(tmp_path / f"{name}.sqlite3"), annotate=annotate, batch_size=5
    )
    for item in items:
        ingester.add(item)
    ingester.close()
    return [d.to_source() for d in backend.documents]


def test_prepared_articles_index_the_same_as_plain_ones(tmp_path):
    plain = ingest(tmp_path, "plain", articles())
    # Through pickle, as from a worker process.
    prepared = ingest(tmp_path, "prepared", [pickle.loads(pickle.dumps(prepare(a))) for a in articles()])
    assert prepared == plain
    assert len({d["story_id"] for d in plain}) < len(plain)  # some copies were grouped
    assert all(d["provinces"] and d["explanations"] for d in plain)  # analysed


def test_a_signature_from_a_worker_groups_like_one_computed_here(tmp_path):
    """Signatures cross the process boundary as bytes: they must group exactly as in-process ones."""
    docs = [prepare(a).document for a in articles()]
    here = StoryGrouper(tmp_path / "here.sqlite3")
    there = StoryGrouper(tmp_path / "there.sqlite3")
    for document in docs:
        blob = pickle.loads(pickle.dumps(stories.signature(document)))
        assert here.assign(copy.copy(document)) == there.assign(copy.copy(document), blob)


def test_extract_item_prepares_the_item():
    page = (
        "<html><head><title>Bắc Ninh khai mạc lễ hội Lim</title></head><body><article>"
        "<h1>Bắc Ninh khai mạc lễ hội Lim</h1><p class='date'>12/03/2026 09:00</p>"
        + "".join(f"<p>{BODY} Đoạn {i}.</p>" for i in range(4))
        + "</article></body></html>"
    ).encode()
    outlet = {"outlet_id": "bn", "outlet_name": "Báo BN", "outlet_kind": "province", "outlet_province": ""}
    result, item = extract_item(
        page, "https://bn.vn/a.html?utm_source=x", "text/html; charset=utf-8", None, outlet
    )
    assert result.ok, result.reason
    assert isinstance(item, ArticleItem) and isinstance(item.prepared, PreparedArticle)
    assert item.url == "https://bn.vn/a.html" and item.prepared.document.url == item.url
    assert item.prepared.document.provinces  # analysed in the worker
    assert item.prepared.signature == stories.signature(item.prepared.document)
    too_old = extract_item(
        page, "https://bn.vn/a.html", None, None, outlet, since=datetime(2027, 1, 1).date()
    )
    assert too_old[0].ok and too_old[1] is None
