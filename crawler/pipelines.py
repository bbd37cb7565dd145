"""Item pipelines: hand each extracted article to ``search`` (one ingest call), then record it."""

from __future__ import annotations

import hashlib
import logging

from scrapy import Spider
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem
from search.document import Document
from search.ingest import Ingester, open_ingester

log = logging.getLogger(__name__)


def content_hash(document: Document) -> str:
    return hashlib.sha1(f"{document.title}\n{document.sapo}\n{document.body}".encode()).hexdigest()


class IndexPipeline:
    def __init__(self) -> None:
        self.ingester: Ingester | None = None
        self.spider: Spider | None = None

    def open_spider(self, spider: Spider) -> None:
        self.spider = spider
        self.ingester = open_ingester(refresh=True)
        self.ingester.on_indexed = self._record
        spider.logger.info("Indexing into the %s index", self.ingester.backend.name)

    def _record(self, documents: list[Document]) -> None:
        """After the index has them: only now is an article 'seen' in the crawl state."""
        state = getattr(self.spider, "state_store", None)
        stats = self.spider.crawler.stats
        for document in documents:
            outcome = "new"
            if state is not None:
                outcome = state.record_article(document.url, document.outlet_id, document.published_at,
                                               content_hash(document))
            stats.inc_value(f"presswatch/{outcome}/{document.outlet_id}")

    def process_item(self, item: ArticleItem, spider: Spider) -> ArticleItem:
        if not isinstance(item, ArticleItem):
            raise DropItem(f"not an article: {type(item).__name__}")
        self.ingester.add(item.to_article())
        return item

    def close_spider(self, spider: Spider) -> None:
        if self.ingester is None:
            return
        report = self.ingester.flush()
        spider.crawler.stats.set_value("presswatch_total/indexed", report.indexed)
        spider.crawler.stats.set_value("presswatch_total/index_errors", len(report.errors))
        for document_id, reason in report.errors[:20]:
            log.error("Index error for %s: %s", document_id, reason)
        self.ingester.close()
