"""Item pipelines: hand each extracted article to ``search`` (one ingest call), then record it."""

from __future__ import annotations

import hashlib
import logging

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.extensions import crawl_state
from crawler.items import ArticleItem, TakedownItem
from search.document import Document, document_id
from search.ingest import Ingester, open_ingester
from search.versions import VersionStore

log = logging.getLogger(__name__)


def content_hash(document: Document) -> str:
    return hashlib.sha1(f"{document.title}\n{document.sapo}\n{document.body}".encode()).hexdigest()


class IndexPipeline:
    # Methods without a ``spider`` argument (Scrapy deprecates it): the crawler gives the spider.
    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler
        self.ingester: Ingester | None = None
        self.versions: VersionStore | None = None
        self.spider: Spider | None = None
        # The URL each article was fetched at, when it differs from its canonical URL.
        self.fetched_urls: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IndexPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        # Built by from_crawler and opened by Scrapy once its spider exists.
        assert self.crawler is not None and self.crawler.spider is not None
        self.spider = spider = self.crawler.spider
        self.ingester = open_ingester(refresh=True)
        self.ingester.on_indexed = self._record
        self.versions = VersionStore.open()
        spider.logger.info("Indexing into the %s index", self.ingester.backend.name)

    def _record(self, documents: list[Document]) -> None:
        """After the index has them: only now is an article 'seen' in the crawl state."""
        assert self.spider is not None  # indexing starts after open_spider
        state = crawl_state(self.spider.crawler)
        stats = self.spider.crawler.stats
        for document in documents:
            outcome = "new"
            if state is not None:
                digest = content_hash(document)
                outcome = state.record_article(
                    document.url, document.outlet_id, document.published_at, digest
                )
                fetched = self.fetched_urls.pop(document.id, None)
                if fetched and fetched != document.url:  # known under the URL listings give, too
                    state.record_article(fetched, document.outlet_id, document.published_at, digest)
            stats.inc_value(f"presswatch/{outcome}/{document.outlet_id}")

    def process_item(self, item: ArticleItem | TakedownItem) -> ArticleItem | TakedownItem:
        if isinstance(item, TakedownItem):
            self._takedown(item)
            return item
        if not isinstance(item, ArticleItem):
            raise DropItem(f"not an article: {type(item).__name__}")
        if not self._versions(item):
            return item
        document = item.document
        if item.fetched_url and item.fetched_url != document.url:
            # Before add(): a full batch is indexed (and recorded) inside that call.
            self.fetched_urls[document.id] = item.fetched_url
        # Normally analysed and signed by the extraction worker (item.signature); else done here.
        assert self.ingester is not None  # opened in open_spider
        self.ingester.add(document, item.signature)
        return item

    def _versions(self, item: ArticleItem) -> bool:
        """Keep the first-seen copy, or compare with the last version; whether to index the item
        (a recheck that found nothing new, or a replaced body, leaves the index as it was)."""
        assert self.versions is not None and self.spider is not None  # both set in open_spider
        document = item.document
        event = self.versions.observe(
            document_id=document.id,
            url=document.url,
            outlet_id=document.outlet_id,
            published_at=document.published_at,
            title=document.title,
            sapo=document.sapo,
            body=document.body,
            html=item.html,
        )
        item.html = None  # compressed and stored (or not kept): not carried any further
        if event is not None:
            self.spider.crawler.stats.inc_value(f"presswatch/{event.kind}s_seen/{document.outlet_id}")
            log.warning(
                "Article %s: %s %s",
                "edited" if event.kind == "edit" else "taken down",
                document.url,
                ", ".join(event.fields) or event.reason,
            )
        if event is not None and event.kind == "takedown":
            return False
        return not item.recheck or event is not None

    def _takedown(self, item: TakedownItem) -> None:
        assert self.versions is not None and self.spider is not None  # both set in open_spider
        event = self.versions.record_takedown(
            document_id=document_id(item.url),
            url=item.url,
            outlet_id=item.outlet_id,
            reason=item.reason,
            status=item.status,
            final_url=item.final_url,
            note=item.note,
        )
        if event is not None:
            self.spider.crawler.stats.inc_value(f"presswatch/takedowns_seen/{item.outlet_id}")
            log.warning("Article taken down (%s): %s", item.reason, item.url)

    def close_spider(self) -> None:
        if self.versions is not None:
            self.versions.close()
        if self.ingester is None:
            return
        spider = self.spider
        assert spider is not None  # set with the ingester
        report = self.ingester.flush()
        spider.crawler.stats.set_value("presswatch_total/indexed", report.indexed)
        spider.crawler.stats.set_value("presswatch_total/index_errors", len(report.errors))
        for failed_id, reason in report.errors[:20]:
            log.error("Index error for %s: %s", failed_id, reason)
        self.ingester.close()
