"""Documents analysed in an extraction worker index exactly as documents the ingester analyses itself."""

import copy
import pickle
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crawler.extraction_pool import extract_item
from crawler.items import ArticleItem
from search import stories
from search.backends.base import IndexReport
from search.document import Document
from search.ingest import Ingester, analyse_and_sign
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
            Document(
                url=f"https://bao{i % 3}.vn/bai-{i}.html",
                outlet_id=f"bao{i % 3}",
                title=f"Bắc Ninh: hội nghị số {i // 2}",
                sapo="Tin  tức tổng hợp.",
                body=BODY if i % 4 else BODY.replace("Tai nạn", "Lễ hội"),
                author="An",
                section="Thời sự",
                tags=["Bắc Ninh"],
                published_at=datetime(2026, 3, 12, 9, tzinfo=TZ) + timedelta(hours=i),
            )
        )
    return out


def ingest(tmp_path, name, items):
    backend = ListBackend()
    from search.analysis import annotate

    ingester = Ingester(
        backend, grouper=StoryGrouper(tmp_path / f"{name}.sqlite3"), annotate=annotate, batch_size=5
    )
    for document, signature in items:
        ingester.add(document, signature)
    ingester.close()
    return [d.to_source() for d in backend.documents]


def analysed_elsewhere(document):
    """Analysed and signed, then through pickle, as from a worker process."""
    signature = analyse_and_sign(document)
    return pickle.loads(pickle.dumps((document, signature)))


def test_documents_analysed_in_a_worker_index_the_same_as_plain_ones(tmp_path):
    plain = ingest(tmp_path, "plain", [(document, None) for document in articles()])
    prepared = ingest(tmp_path, "prepared", [analysed_elsewhere(document) for document in articles()])
    assert prepared == plain
    assert len({d["story_id"] for d in plain}) < len(plain)  # some copies were grouped
    assert all(d["provinces"] and d["explanations"] for d in plain)  # analysed


def test_a_signature_from_a_worker_groups_like_one_computed_here(tmp_path):
    """Signatures cross the process boundary as bytes: they must group exactly as in-process ones."""
    docs = articles()
    for document in docs:
        analyse_and_sign(document)
    here = StoryGrouper(tmp_path / "here.sqlite3")
    there = StoryGrouper(tmp_path / "there.sqlite3")
    for document in docs:
        blob = pickle.loads(pickle.dumps(stories.signature(document)))
        assert here.assign(copy.copy(document)) == there.assign(copy.copy(document), blob)


def test_extract_item_analyses_the_items_document():
    page = (
        "<html><head><title>Bắc Ninh khai mạc lễ hội Lim</title></head><body><article>"
        "<h1>Bắc Ninh khai mạc lễ hội Lim</h1><p class='date'>12/03/2026 09:00</p>"
        + "".join(f"<p>{BODY} Đoạn {i}.</p>" for i in range(4))
        + "</article></body></html>"
    ).encode()
    outlet = {"outlet_id": "bn", "outlet_name": "Báo BN", "outlet_kind": "province", "outlet_province": ""}
    result, item = extract_item(page, "https://bn.vn/a.html?utm_source=x", "text/html; charset=utf-8", outlet)
    assert result.ok, result.reason
    assert isinstance(item, ArticleItem) and isinstance(item.document, Document)
    assert item.document.url == "https://bn.vn/a.html" and item.fetched_url.endswith("?utm_source=x")
    assert item.document.provinces  # analysed in the worker
    assert item.signature == stories.signature(item.document)
    too_old = extract_item(page, "https://bn.vn/a.html", None, outlet, since=datetime(2027, 1, 1).date())
    assert too_old[0].ok and too_old[1] is None
