"""Scrapy settings: politeness and the pipeline live here, not in the spider.

Every ``PRESSWATCH_*`` environment variable below can also be set with ``scrapy crawl -s``.
"""

import os

BOT_NAME = "presswatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = os.environ.get(
    "PRESSWATCH_USER_AGENT",
    "PresswatchBot/0.1 (+https://github.com/presswatch/presswatch; press monitoring)",
)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.5
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# Cookies are kept per outlet (a cookiejar each) for outlets that hand out a session cookie.
COOKIES_ENABLED = True
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
LOG_LEVEL = os.environ.get("PRESSWATCH_LOG_LEVEL", "INFO")
FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {
    "crawler.pipelines.IndexPipeline": 500,
}
EXTENSIONS = {
    "crawler.extensions.CrawlStateExtension": 500,
}
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.ConditionalGetMiddleware": 560,
}

# Which outlets to crawl: the shipped registry by default; `presswatch crawl --sample` points
# these at the sample press.
PRESSWATCH_REGISTRY = os.environ.get("PRESSWATCH_REGISTRY", "")
PRESSWATCH_SAMPLE_PRESS_URL = os.environ.get("PRESSWATCH_SAMPLE_PRESS_URL", "")
# The crawl state (seen articles, validators, outlet health); default: <data dir>/crawl_state.sqlite3.
PRESSWATCH_CRAWL_STATE = os.environ.get("PRESSWATCH_CRAWL_STATE", "")
# Section pages followed per section per run.
PRESSWATCH_MAX_SECTION_PAGES = int(os.environ.get("PRESSWATCH_MAX_SECTION_PAGES", "5"))
