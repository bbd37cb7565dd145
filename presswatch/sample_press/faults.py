"""The fault sites' behaviours (which site does what: ``fault_sites.FAULTS``).

``Faults.before`` answers requests whose answer depends on the moment (counters, sleeps, the
redesign switch, redirects, a dead site); ``Faults.page`` renders the pages that differ from the
clean sites' (legacy bytes, other discovery documents, the JavaScript shell and its JSON API).
Everything is deterministic: the flaky site fails every third request it gets, once per URL.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
import unicodedata
from collections import defaultdict
from typing import Protocol

from werkzeug.wrappers import Request, Response

from .corpus import SampleArticle
from .fault_sites import DISALLOWED_SECTION, FAULT_SITES, FAULTS
from .feeds import news_sitemap, rss, sitemap_index
from .pages import Answer, Outlet, Renderer, display_date
from .text import iso


class SamplePressApp(Protocol):
    """What the faults read from the sample press's app (``server.SamplePressApp``), named here so
    that this module does not import the server that imports it."""

    base_url: str
    outlets: dict[str, Outlet]
    renderer: Renderer


HTML = "text/html; charset=utf-8"
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# How each legacy page declares itself: (bytes, Content-Type header, <meta> charset, font face).
LEGACY_VARIANTS = (
    ("cp1258", "text/html; charset=windows-1258", "windows-1258", ""),  # right, twice
    ("cp1258", "text/html", "windows-1258", ""),  # right, in the page only
    ("cp1258", "text/html", "", ""),  # nothing declared
    ("cp1258", "text/html; charset=iso-8859-1", "iso-8859-1", ""),  # wrong
    ("tcvn3", "text/html; charset=windows-1252", "windows-1252", ".VnTime"),  # ABC font text
    ("cp1258", "text/html; charset=utf-8", "", ""),  # wrong: the server default
)
TRACKING_VARIANTS = (
    "?fbclid=IwAR2sampleTracking0{n}",
    "#binh-luan",
    "/amp",
    "?utm_source=zalo&utm_medium=social&zarsrc=30",
    "?amp=1",
)
REDESIGN_MODES = ("v1", "v2", "spa")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed where the code page has the letter,
    else base letter plus a combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        marks = "".join(c for c in parts if c in TONE_MARKS)
        out += (base + marks).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


def to_tcvn3(text: str) -> bytes | None:
    """TCVN 5712 (.VnTime) bytes through the system's iconv (independent of the extractor's tables);
    None where iconv lacks the code page."""
    iconv = shutil.which("iconv")
    if iconv is None:
        return None
    result = subprocess.run(
        [iconv, "-f", "UTF-8", "-t", "TCVN5712-1//TRANSLIT"],
        input=text.encode(),
        capture_output=True,
        check=False,
    )
    return result.stdout if result.returncode == 0 else None


class Faults:
    def __init__(
        self,
        app: SamplePressApp,
        slow_page_seconds: float = 4.0,
        slow_delay: float = 0.2,
        oversize_bytes: int = 2_500_000,
    ) -> None:
        self.app = app
        self.slow_page_seconds = slow_page_seconds
        self.slow_delay = slow_delay
        self.oversize_bytes = oversize_bytes
        self.mode: dict[str, str] = {"baodoimoi": "v1"}
        self._lock = threading.Lock()
        self._counts: dict[str, int] = defaultdict(int)
        self._failed: set[str] = set()
        ordered = {
            site: sorted((a for a in app.outlets[site].articles), key=lambda a: a.article_id)
            for site in FAULT_SITES
            if site in app.outlets
        }
        self.index = {(a.outlet_id, a.path): i for items in ordered.values() for i, a in enumerate(items)}
        slow = ordered.get("baomiennui", [])
        self.slow_path = slow[0].path if slow else ""
        self.oversize_path = slow[1].path if len(slow) > 1 else ""
        self.localhost = app.base_url.replace("127.0.0.1", "localhost", 1)
        if "tinmang" in app.outlets:
            app.outlets["tinmang"].variant_url = self.tracking_variant

    # --- what the tests and the docs refer to -------------------------------------------------------
    @property
    def disallowed(self) -> tuple[str, ...]:
        return (f"/baokin/{DISALLOWED_SECTION}",)  # the section page and everything under it

    def redirect_entry(self, article: SampleArticle) -> str:
        """Where the redirect site's feed points: its old host name, three hops from the article."""
        return f"{self.localhost}/baophonui/tin/{article.article_id}"

    def archive(self) -> list[SampleArticle]:
        """ptthdongson's archive: its predecessors' articles, oldest first."""
        outlet = self.app.outlets.get("ptthdongson")
        items = [a for a in outlet.articles if a.section_slug == "luu-tru"] if outlet else []
        return sorted(items, key=lambda a: a.published_at)

    def predecessor_of(self, article: SampleArticle) -> str:
        """Which predecessor first published an archived article: the paper and the station in turn."""
        return ("baodongson", "truyenhinhdongson")[self.archive().index(article) % 2]

    def archive_entry(self, article: SampleArticle) -> str:
        """How the agency's feed links an article: an archived one at its predecessor's old URL
        (the paper's on its old host, localhost; the station's under its old path)."""
        if article.section_slug != "luu-tru":
            return self.app.outlets["ptthdongson"].url(article)
        if self.predecessor_of(article) == "baodongson":
            return f"{self.localhost}/baodongson/tin/{article.article_id}"
        return f"{self.app.base_url}/truyenhinhdongson/video/{article.article_id}"

    def _moved_archive(self, request: Request, outlet_id: str, rest: str) -> Response | None:
        """An old URL of a merged predecessor: 301 to the agency's copy (only at its old host)."""
        parts = rest.strip("/").split("/")
        wanted = {"baodongson": "tin", "truyenhinhdongson": "video"}[outlet_id]
        if len(parts) != 2 or parts[0] != wanted:
            return None
        if outlet_id == "baodongson" and not request.host.startswith("localhost"):
            return None  # the paper's old URLs live on its old domain only
        article = next(
            (a for a in self.archive() if a.article_id == parts[1] and self.predecessor_of(a) == outlet_id),
            None,
        )
        if article is None:
            return None
        return Response("", 301, {"Location": self.app.outlets["ptthdongson"].url(article)})

    def loop_entry(self) -> str:
        return f"{self.app.base_url}/baophonui/vong-lap/1"

    def tracking_variant(self, url: str, position: int) -> str:
        variant = TRACKING_VARIANTS[position % len(TRACKING_VARIANTS)]
        return url + variant.format(n=position)

    def redesign(self, site_id: str, mode: str) -> None:
        if mode not in REDESIGN_MODES:
            raise ValueError(f"mode must be one of {REDESIGN_MODES}")
        self.mode[site_id] = mode

    def cache_key(self, outlet_id: str) -> str:
        return self.mode.get(outlet_id, "")

    # --- answers that depend on the moment ----------------------------------------------------------
    def before(self, request: Request, outlet_id: str, rest: str) -> Response | None:
        kind = FAULTS.get(outlet_id)
        if kind == "dead":
            return Response("Service Unavailable", 503, content_type="text/plain; charset=utf-8")
        if kind == "flaky":
            with self._lock:
                self._counts[outlet_id] += 1
                count = self._counts[outlet_id]
                full = request.full_path
                fail = count % 3 == 0 and full not in self._failed
                if fail:
                    self._failed.add(full)
                    failures = len(self._failed)
            if fail:
                status = (429, 500, 503)[(failures - 1) % 3]  # the first failure is a 429
                headers = {"Retry-After": "1"} if status in (429, 503) else {}
                return Response("Thử lại sau", status, headers, content_type="text/plain; charset=utf-8")
        if kind == "slow":
            if rest == self.slow_path:
                time.sleep(self.slow_page_seconds)
            elif (outlet_id, rest) in self.index:
                time.sleep(self.slow_delay)
        if kind == "redirects":
            return self._redirect(request, rest)
        if kind in ("merged-paper", "merged-station"):
            return self._moved_archive(request, outlet_id, rest)
        return None

    def _redirect(self, request: Request, rest: str) -> Response | None:
        base = f"{self.app.base_url}/baophonui"
        parts = rest.strip("/").split("/")
        if len(parts) == 2 and parts[0] == "vong-lap":
            other = "2" if parts[1] == "1" else "1"
            return Response("", 302, {"Location": f"{base}/vong-lap/{other}"})
        if len(parts) == 2 and parts[0] in ("tin", "bai-viet"):
            articles = self.app.outlets["baophonui"].articles
            article = next((a for a in articles if a.article_id == parts[1]), None)
            if article is None:
                return None
            if parts[0] == "tin" and request.host.startswith("localhost"):  # the old domain
                return Response("", 301, {"Location": f"{base}/tin/{article.article_id}"})
            if parts[0] == "tin":
                return Response("", 302, {"Location": f"{base}/bai-viet/{article.article_id}"})
            return Response("", 301, {"Location": f"{base}{article.path}"})
        return None

    # --- pages that differ from the clean sites' ----------------------------------------------------
    def page(self, outlet: Outlet, path: str) -> Answer | None:
        site_id = outlet.site.id
        kind = FAULTS.get(site_id)
        env = self.app.renderer.env
        newest = outlet.articles[0].published_at if outlet.articles else None
        xml = "application/xml"
        if kind in ("sitemap-only", "paginated") and path == outlet.site.feed_path:
            return self._not_found(outlet, path)
        if kind == "sitemap-only" and path == outlet.site.sitemap_path:
            months = sorted({a.published_at.strftime("%Y-%m") for a in outlet.articles}, reverse=True)
            children = [
                (
                    f"{outlet.base}/sitemaps/{m}.xml",
                    iso(max(a.published_at for a in outlet.articles if f"{a.published_at:%Y-%m}" == m)),
                )
                for m in months
            ]
            return 200, xml, sitemap_index(outlet, children).encode(), newest
        if kind == "sitemap-only" and path.startswith("/sitemaps/") and path.endswith(".xml"):
            month = path[len("/sitemaps/") : -4]
            chosen = [a for a in outlet.articles if f"{a.published_at:%Y-%m}" == month]
            if not chosen:
                return self._not_found(outlet, path)
            return 200, xml, news_sitemap(env, outlet, articles=chosen).encode(), chosen[0].published_at
        if kind == "paginated" and path == outlet.site.sitemap_path:
            return self._not_found(outlet, path)
        if kind == "redirects" and path == outlet.site.feed_path:
            loop = [
                {
                    "title": "Bài viết đã chuyển",
                    "link": self.loop_entry(),
                    "guid": self.loop_entry(),
                    "permalink": True,
                    "description": "",
                    "pub_date": "",
                    "category": "",
                    "author": "",
                    "image": "",
                }
            ]
            body = rss(env, outlet, link=self.redirect_entry, extra=loop)
            return 200, "application/rss+xml; charset=utf-8", body.encode(), newest
        if kind == "merged-agency" and path == outlet.site.feed_path:
            body = rss(env, outlet, link=self.archive_entry)
            return 200, "application/rss+xml; charset=utf-8", body.encode(), newest
        if kind == "tracking" and path == outlet.site.feed_path:

            def tracked(article: SampleArticle) -> str:
                return outlet.url(article) + "?utm_source=rss&utm_medium=referral&utm_campaign=tinmang"

            return 200, "application/rss+xml; charset=utf-8", rss(env, outlet, link=tracked).encode(), newest
        if kind == "tracking" and path.endswith("/amp") and path[:-4] in outlet.by_path:
            return self.article(outlet, outlet.by_path[path[:-4]])
        if path.startswith("/api/bai-viet/") and path.endswith(".json"):
            article_id = path[len("/api/bai-viet/") : -5]
            article = next((a for a in outlet.articles if a.article_id == article_id), None)
            if article is None or kind not in ("javascript", "redesign"):
                return self._not_found(outlet, path)
            data = {
                "sapo": article.sapo,
                "author": article.author,
                "date": display_date("tinsang", article.published_at),
                "blocks": [
                    {"kind": "h" if i in article.headings else "p", "text": text}
                    for i, text in enumerate(article.paragraphs)
                ],
            }
            return 200, "application/json", json.dumps(data, ensure_ascii=False).encode(), None
        if path in outlet.by_path:
            return self.article(outlet, outlet.by_path[path])
        return None

    def article(self, outlet: Outlet, article: SampleArticle) -> Answer:
        site_id = outlet.site.id
        kind = FAULTS.get(site_id)
        render = self.app.renderer.article
        api = f"{outlet.base}/api/bai-viet/{article.article_id}.json"
        if kind == "legacy-encoding":
            return self._legacy(outlet, article)
        if kind == "javascript" or (kind == "redesign" and self.mode[site_id] == "spa"):
            return 200, HTML, render(outlet, article, family="tinsang", api_url=api).encode(), None
        if kind == "redesign" and self.mode[site_id] == "v2":
            return 200, HTML, render(outlet, article, family="doimoi2").encode(), None
        body = render(outlet, article).encode()
        if kind == "slow" and article.path == self.oversize_path:
            # An e-magazine page carrying its photos inline: bigger than a test's DOWNLOAD_MAXSIZE.
            padding = b"<!-- emagazine inline media " + b"A" * self.oversize_bytes + b" -->\n"
            body = body.replace(b"</body>", padding + b"</body>", 1)
        return 200, HTML, body, article.published_at

    def _legacy(self, outlet: Outlet, article: SampleArticle) -> Answer:
        variant = LEGACY_VARIANTS[self.index[(outlet.site.id, article.path)] % len(LEGACY_VARIANTS)]
        encoding, header, declared, font = variant
        text = self.app.renderer.article(outlet, article, declared=declared, font=font)
        body = to_tcvn3(text) if encoding == "tcvn3" else None
        if body is None:  # no iconv: Windows-1258 with the same declarations
            text = self.app.renderer.article(outlet, article, declared=declared)
            body = to_cp1258(text)
        return 200, header, body, article.published_at

    def legacy_variant(self, article: SampleArticle) -> tuple[str, str, str, str]:
        return LEGACY_VARIANTS[self.index[(article.outlet_id, article.path)] % len(LEGACY_VARIANTS)]

    def _not_found(self, outlet: Outlet, path: str) -> Answer:
        return 404, HTML, self.app.renderer.not_found(outlet, path).encode(), None
