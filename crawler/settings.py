"""Scrapy settings: politeness and the pipeline live here, not in the spider.

Every ``PRESSWATCH_*`` environment variable below can also be set with ``scrapy crawl -s``.
Per-outlet politeness (``crawl_delay``) and the opt-in browser (``render_js``) come from the
registry, applied by ``NewsSpider.from_crawler``; docs/CRAWLING.md explains the whole fetch path.
"""

from crawler.distributed import redis_settings, run_id
from search.config import settings

_settings = settings()  # the environment, read once (search/config.py)

BOT_NAME = "presswatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = _settings.get(
    "PRESSWATCH_USER_AGENT",
    "PresswatchBot/0.1 (+https://github.com/presswatch/presswatch; press monitoring)",
)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
# Per download slot, and the spider gives each outlet its own slot (meta download_slot).
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.5
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
# Waits before a retry (crawler.middlewares.BackoffRetryMiddleware): Retry-After when the site
# sends one, up to RETRY_AFTER_MAX; else RETRY_BACKOFF_BASE × 2^(attempt-1), at most RETRY_BACKOFF_MAX.
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 30.0
RETRY_AFTER_MAX = 120.0
DOWNLOAD_TIMEOUT = 30
# Bigger pages are cancelled (the spider logs "Too large" with the size); news pages are < 1 MB.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# Cookies are kept per outlet (a cookiejar each) for outlets that hand out a session cookie.
# Scrapy starts this many tasks for every callback's output (2.13+); items go to one synchronous
# pipeline, so more only costs event-loop work (~100 tasks per page at the default of 100).
CONCURRENT_ITEMS = 8
COOKIES_ENABLED = True
TELNETCONSOLE_ENABLED = False
# Scrapy 2.19's remote control runs Python code sent to an HTTP port on localhost (token in a job
# file under the user's profile): no place in an unattended crawler, and it costs each crawl an
# aiohttp import and a server.
REMOTE_CONTROL_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
LOG_LEVEL = _settings.get("PRESSWATCH_LOG_LEVEL", "INFO")
FEED_EXPORT_ENCODING = "utf-8"

ITEM_PIPELINES = {
    "crawler.pipelines.IndexPipeline": 500,
}
EXTENSIONS = {
    "crawler.extensions.CrawlStateExtension": 500,
    "crawler.distributed.DistributedIdle": 510,  # NotConfigured unless PRESSWATCH_REDIS_URL
}
DOWNLOADER_MIDDLEWARES = {
    # Only http(s) on the outlet's own hosts, at public addresses (crawler/fetch_policy.py); first,
    # so that nothing (not even robots.txt) is fetched from a refused host.
    "crawler.fetch_policy.FetchPolicyMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.SharedRobotsTxtMiddleware": 100,
    "crawler.middlewares.ConditionalGetMiddleware": 560,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    "crawler.middlewares.RedirectLoopMiddleware": 610,
    "crawler.middlewares.SamplePressRoutingMiddleware": 740,
}

# Which outlets to crawl: the shipped registry by default; `presswatch crawl --sample` points
# these at the sample press.
PRESSWATCH_REGISTRY = _settings.get("PRESSWATCH_REGISTRY", "")
PRESSWATCH_SAMPLE_PRESS_URL = _settings.get("PRESSWATCH_SAMPLE_PRESS_URL", "")
# Where that sample press listens when its URL is a stable name (the demo): requests are routed there.
PRESSWATCH_SAMPLE_PRESS_ADDRESS = _settings.get("PRESSWATCH_SAMPLE_PRESS_ADDRESS", "")
# The crawl state (seen articles, validators, outlet health); default: <data dir>/crawl_state.sqlite3.
PRESSWATCH_CRAWL_STATE = _settings.get("PRESSWATCH_CRAWL_STATE", "")
# Worker processes that extract articles (crawler.extraction_pool); empty: one per core beyond the
# first (at least one), 0: extract in the crawl's own process.
PRESSWATCH_EXTRACT_WORKERS = _settings.get("PRESSWATCH_EXTRACT_WORKERS", "")
# CPU seconds one page may take to extract and prepare; over it the page is an extraction failure
# ("over the per-page CPU budget") and the crawl goes on (crawler/extract/budget.py).
PRESSWATCH_PAGE_CPU_SECONDS = float(_settings.get("PRESSWATCH_PAGE_CPU_SECONDS", "5"))
# Sitemap indexes are followed this many levels deep, and at most this many sitemaps per outlet and
# run (each once: an index that lists itself used to loop forever).
PRESSWATCH_MAX_SITEMAP_DEPTH = int(_settings.get("PRESSWATCH_MAX_SITEMAP_DEPTH", "3"))
PRESSWATCH_MAX_SITEMAPS = int(_settings.get("PRESSWATCH_MAX_SITEMAPS", "500"))
# An outlet none of whose listings answered in this many runs in a row is flagged "no answer".
PRESSWATCH_DEAD_AFTER_RUNS = int(_settings.get("PRESSWATCH_DEAD_AFTER_RUNS", "3"))
# Section pages followed per section per run.
PRESSWATCH_MAX_SECTION_PAGES = int(_settings.get("PRESSWATCH_MAX_SECTION_PAGES", "5"))
# Rechecks for edits and takedowns (search/versions.py): known articles published in the last
# RECHECK_DAYS days (0: never recheck) are fetched again once RECHECK_HOURS have passed since their
# last check, at most RECHECK_PER_OUTLET per outlet and run (least recently checked first).
PRESSWATCH_RECHECK_DAYS = int(_settings.get("PRESSWATCH_RECHECK_DAYS", "3"))
PRESSWATCH_RECHECK_HOURS = float(_settings.get("PRESSWATCH_RECHECK_HOURS", "12"))
PRESSWATCH_RECHECK_PER_OUTLET = int(_settings.get("PRESSWATCH_RECHECK_PER_OUTLET", "50"))

# render_js outlets: their article pages are fetched by Debian's Chromium through scrapy-playwright
# (the handler is installed only when a chosen outlet sets render_js). PRESSWATCH_RENDER_JS=0
# fetches them as plain HTML instead.
PRESSWATCH_RENDER_JS = _settings.get("PRESSWATCH_RENDER_JS", "1") not in ("0", "false", "no")
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": _settings.get("PRESSWATCH_CHROMIUM", "/usr/bin/chromium"),
    "headless": True,
    "args": [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-gpu",
    ],
}
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 4
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 30_000
# Images, fonts and media are not needed to read an article: the browser does not fetch them.
PLAYWRIGHT_ABORT_REQUEST = "crawler.middlewares.abort_heavy_resources"

# Several crawler processes sharing one queue (docs/CRAWLING.md); unset = the embedded default.
PRESSWATCH_REDIS_URL = _settings.get("PRESSWATCH_REDIS_URL", "")
PRESSWATCH_REDIS_IDLE_SECONDS = float(_settings.get("PRESSWATCH_REDIS_IDLE_SECONDS", "5"))
if PRESSWATCH_REDIS_URL:
    globals().update(redis_settings(PRESSWATCH_REDIS_URL, run_id()))
