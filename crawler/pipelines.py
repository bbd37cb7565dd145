"""Item pipelines: hand each extracted article to ``search`` (one ingest call)."""

from __future__ import annotations

import logging

from scrapy import Spider
from scrapy.exceptions import DropItem

from crawler.items import ArticleItem
from search.ingest import Ingester, open_ingester

log = logging.getLogger(__name__)


class IndexPipeline:
    def __init__(self) -> None:
        self.ingester: Ingester | None = None

    def open_spider(self, spider: Spider) -> None:
        self.ingester = open_ingester(refresh=True)
        spider.logger.info("Indexing into the %s index", self.ingester.backend.name)

    def process_item(self, item: ArticleItem, spider: Spider) -> ArticleItem:
        if not isinstance(item, ArticleItem):
            raise DropItem(f"not an article: {type(item).__name__}")
        self.ingester.add(item.to_article())
        return item

    def close_spider(self, spider: Spider) -> None:
        if self.ingester is None:
            return
        report = self.ingester.flush()
        spider.crawler.stats.set_value("presswatch/indexed", report.indexed)
        spider.crawler.stats.set_value("presswatch/index_errors", len(report.errors))
        for document_id, reason in report.errors[:20]:
            log.error("Index error for %s: %s", document_id, reason)
        self.ingester.close()
