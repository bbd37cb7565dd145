"""The sample press as a local web server: every outlet under ``/<outlet_id>/``, outlets listed at ``/``.

``SamplePress`` runs it in a background thread for tests and the demo; ``serve_forever`` runs it in
the foreground (``python -m presswatch.sample_press``).
"""

from __future__ import annotations

import base64
import dataclasses
import threading
import time
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from wsgiref.types import StartResponse, WSGIEnvironment

from werkzeug.serving import WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

from .corpus import TZ, SampleArticle, build_corpus
from .fault_corpus import build_fault_corpus
from .fault_sites import FAULT_SITES
from .faults import Faults
from .feeds import news_sitemap, robots, rss
from .pages import Answer, Outlet, Renderer
from .sites import SITES

REGISTRY = Path(__file__).parent / "outlets.yaml"
# The sample press's stable address for the demo and `presswatch crawl --sample`: its pages link to
# this origin whatever port the server got, and the crawler sends requests for it to the server
# (crawler.middlewares.SamplePressRoutingMiddleware). Article URLs, and the document ids derived
# from them, then stay the same from one run to the next. `.localhost` names are loopback (RFC 6761).
STABLE_ORIGIN = "http://sample-press.localhost"
# The fault sites' registry: kept apart so the demo's crawl stays clean and quick.
FAULT_REGISTRY = Path(__file__).parent / "faults.yaml"
ALL_SITES = {**SITES, **FAULT_SITES}
HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml"
TEXT = "text/plain; charset=utf-8"
# A 16×9 grey JPEG and an 8×8 red PNG stand in for every photo and logo.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCN"
    "l4x9lnN+gXz/2wBDARUXFx4aHjshITt8U0ZTfHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHz/wAAR"
    "CAAJABADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEG"
    "E1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWG"
    "h4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEB"
    "AQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYk"
    "NOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0"
    "tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDdooooA//Z"
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR42mNcyoAdMDEMKQkAh0sAtSPRRN8AAAAASUVORK5CYII="
)


class _QuietHandler(WSGIRequestHandler):
    """No access log line per request (errors are still logged)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class SamplePressApp:
    """The WSGI application; pages are rendered on first request and cached."""

    def __init__(
        self,
        articles: list[SampleArticle],
        base_url: str,
        today: date,
        conditional: bool = True,
        **fault_options: Any,
    ) -> None:  # Faults' settings
        self.base_url = base_url.rstrip("/")
        self.conditional = conditional
        grouped: dict[str, list[SampleArticle]] = {site_id: [] for site_id in ALL_SITES}
        for article in articles:
            grouped[article.outlet_id].append(article)
        self.outlets = {
            site_id: Outlet(ALL_SITES[site_id], items, self.base_url, today)
            for site_id, items in grouped.items()
        }
        self.renderer = Renderer(self.outlets)
        self.images = {
            site_id: {image.url for a in items for image in a.images} for site_id, items in grouped.items()
        }
        self.section_paths = {
            site.id: {site.section_path(s.slug): s.slug for s in site.sections} for site in ALL_SITES.values()
        }
        self.request_log: list[str] = []
        self.request_times: list[float] = []  # time.monotonic() of each request_log entry
        self._lock = threading.Lock()
        self._cache: dict[str, Answer] = {}
        self.faults = Faults(self, **fault_options)
        # Articles changed after publication (SamplePress.edit, take_down): path -> what to answer.
        self.revisions: dict[str, tuple[str, object]] = {}
        # Where the server listens, when its pages name another origin (SamplePress(origin=…)).
        self.address = self.base_url

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        full = request.path + (f"?{request.query_string.decode('latin-1')}" if request.query_string else "")
        with self._lock:
            self.request_log.append(full)
            self.request_times.append(time.monotonic())
        if request.method not in ("GET", "HEAD"):
            return Response("Method Not Allowed", 405, {"Allow": "GET, HEAD"}, content_type=TEXT)(
                environ, start_response
            )
        outlet_id, _, rest = request.path.lstrip("/").partition("/")
        if outlet_id in FAULT_SITES:
            fault = self.faults.before(request, outlet_id, "/" + rest)
            if fault is not None:
                return fault(environ, start_response)
        key = f"{request.path}?page={request.args.get('page', '')}&{self.faults.cache_key(outlet_id)}"
        if request.path in self.revisions:
            status, content_type, body, modified = self.revised(request.path)
        else:
            if key not in self._cache:
                self._cache[key] = self.dispatch(request.path, request.args.get("page", "1"))
            status, content_type, body, modified = self._cache[key]
        if self._from_browser(request):
            body = body.replace(self.base_url.encode(), self.address.encode())
        if status in (301, 302):
            response = Response(b"", status, {"Location": body.decode()})
        else:
            response = Response(body, status, content_type=content_type)
            if status == 200 and self.conditional:  # validators and 304s, as real CMSs send them
                response.headers["Cache-Control"] = "max-age=60"
                if modified is not None:
                    response.last_modified = modified
                response.add_etag()
                response.make_conditional(request)
        return response(environ, start_response)

    def _from_browser(self, request: Request) -> bool:
        """A request made to the listening address itself, not through the stable origin: a browser
        following the demo's "Bài gốc" link. Its pages then link that address, so the reader can
        follow them; the crawler, which asks for the stable origin, sees the stable URLs."""
        if self.address == self.base_url:
            return False
        return request.host != self.base_url.split("://", 1)[1]

    def warm(self) -> int:
        """Render every article page, feed, sitemap and first section page now, so that serving
        costs a crawler under test (and the benchmark) no template rendering; returns the count."""
        paths = [("/", "")]
        for outlet in self.outlets.values():
            site = outlet.site
            paths += [(f"/{site.id}{site.feed_path}", ""), (f"/{site.id}{site.sitemap_path}", "")]
            paths += [(f"/{site.id}{site.section_path(s.slug)}", "") for s in site.sections]
            paths += [(f"/{site.id}{a.path}", "") for a in outlet.articles]
        for path, page in paths:
            outlet_id = path.lstrip("/").partition("/")[0]
            key = f"{path}?page={page}&{self.faults.cache_key(outlet_id)}"
            if key not in self._cache:
                self._cache[key] = self.dispatch(path, page or "1")
        return len(paths)

    def revised(self, path: str) -> Answer:
        """An edited or removed article's answer (never cached: it changes between crawls)."""
        how, value = self.revisions[path]
        outlet = self.outlets[path.lstrip("/").partition("/")[0]]
        if how == "edit":
            assert isinstance(value, SampleArticle)  # "edit" carries the edited article
            return 200, HTML, self.renderer.article(outlet, value).encode(), value.published_at
        if how == "home":
            return 302, "", f"{outlet.base}/".encode(), None
        if how == "notice":
            notice = "Bài viết không còn tồn tại hoặc đã được gỡ bỏ. Mời bạn đọc xem các tin khác."
            page = self.renderer.not_found(outlet, path).replace("</main>", f"<p>{notice}</p></main>")
            return 200, HTML, page.encode(), None
        assert isinstance(value, str)  # "gone" carries the HTTP status as text: "404" or "410"
        return int(value), HTML, self.renderer.not_found(outlet, path).encode(), None

    # --- routing ------------------------------------------------------------------------------------
    def dispatch(self, path: str, page_arg: str) -> Answer:
        if path == "/":
            return 200, HTML, self.renderer.index(self.base_url).encode(), None
        if path == "/robots.txt":
            clean = [o for o in self.outlets.values() if o.site.id in SITES]  # fault sites' maps vary
            return 200, TEXT, robots(None, self.base_url, clean, self.faults.disallowed).encode(), None
        outlet_id, _, rest = path.lstrip("/").partition("/")
        outlet = self.outlets.get(outlet_id)
        if outlet is None:
            return 404, HTML, self.renderer.not_found(None, path).encode(), None
        if not path.startswith(f"/{outlet_id}/"):
            return 301, "", f"{self.base_url}/{outlet_id}/".encode(), None
        return self.outlet_page(outlet, "/" + rest, page_arg)

    def outlet_page(self, outlet: Outlet, path: str, page_arg: str) -> Answer:
        site = outlet.site
        if site.id in FAULT_SITES and (answer := self.faults.page(outlet, path)) is not None:
            return answer
        newest = outlet.articles[0].published_at if outlet.articles else None
        page = int(page_arg) if page_arg.isdigit() else 0
        body: str | None = None
        if path == "/":
            body = self.renderer.listing(outlet, "home", "", page)
        elif path == "/robots.txt":
            return 200, TEXT, robots(outlet, self.base_url, []).encode(), None
        elif path == site.feed_path:
            return 200, RSS, rss(self.renderer.env, outlet).encode(), newest
        elif path == site.feed_path.rstrip("/") and path != site.feed_path:
            return 301, "", (outlet.base + site.feed_path).encode(), None
        elif path == site.sitemap_path:
            return 200, XML, news_sitemap(self.renderer.env, outlet).encode(), newest
        elif path in outlet.by_path:
            article = outlet.by_path[path]
            return 200, HTML, self.renderer.article(outlet, article).encode(), article.published_at
        elif path in self.images[site.id]:
            return 200, "image/jpeg", JPEG, None
        elif path == "/logo.png":
            return 200, "image/png", PNG, None
        elif path in self.section_paths[site.id]:
            body = self.renderer.listing(outlet, "section", self.section_paths[site.id][path], page)
        elif path.startswith(site.tag_prefix):
            body = self.renderer.listing(outlet, "tag", path[len(site.tag_prefix) :], page)
        if body is None:
            return 404, HTML, self.renderer.not_found(outlet, path).encode(), None
        return 200, HTML, body.encode(), newest


class SamplePress:
    """The sample press on ``host:port`` (port 0 picks a free one), served from a background thread.

    Pages carry ETag and Last-Modified and answer conditional GETs with 304 (``conditional=False``
    turns that off); ``quiet=False`` logs every request. ``address`` is where it listens;
    ``base_url``, the origin of every URL in its pages, is the same unless ``origin`` is given (e.g.
    ``STABLE_ORIGIN``): then only a client that routes that origin to ``address`` can follow links.

    >>> with SamplePress(end=date(2026, 11, 20)) as press:
    ...     press.url_for(press.articles[0])  # doctest: +SKIP
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        end: date | None = None,
        quiet: bool = True,
        conditional: bool = True,
        origin: str | None = None,
        until: datetime | None = None,
        **fault_options: Any,
    ) -> None:  # Faults' settings
        self.end = end or datetime.now(TZ).date()
        # ``until``: no article after this moment (``build_corpus``); the demo passes its first crawl's.
        self.articles: list[SampleArticle] = build_corpus(self.end, until)
        # The fault sites' articles (registry faults.yaml); ``articles`` stays the clean six outlets'.
        self.fault_articles: list[SampleArticle] = build_fault_corpus(self.end)
        self._server = make_server(
            host, port, self._wsgi, threaded=True, request_handler=_QuietHandler if quiet else None
        )
        shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
        self.address = f"http://{shown}:{self._server.server_port}"
        self.base_url = (origin or self.address).rstrip("/")
        self._app = SamplePressApp(
            self.articles + self.fault_articles, self.base_url, self.end, conditional, **fault_options
        )
        self._app.address = self.address
        self.request_log: list[str] = self._app.request_log
        self.request_times: list[float] = self._app.request_times
        self.faults: Faults = self._app.faults
        self._thread: threading.Thread | None = None

    def _wsgi(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        return self._app(environ, start_response)

    def url_for(self, article: SampleArticle) -> str:
        """The article's absolute canonical URL."""
        return f"{self.base_url}/{article.outlet_id}{article.path}"

    def registry_path(self) -> Path:
        """The outlet registry for this server (``{sample_press}`` stands for ``base_url``)."""
        return REGISTRY

    def warm(self) -> int:
        """Pre-render the pages (see ``SamplePressApp.warm``); the request log is not touched."""
        return self._app.warm()

    def fault_registry_path(self) -> Path:
        """The fault sites' registry (``faults.yaml``), with the same placeholder."""
        return FAULT_REGISTRY

    def redesign(self, outlet_id: str, mode: str) -> None:
        """Serve ``outlet_id``'s articles in another template from now on: "v1", "v2" or "spa"."""
        self.faults.redesign(outlet_id, mode)

    def edit(self, article: SampleArticle, **changes: Any) -> SampleArticle:  # SampleArticle's fields
        """Serve ``article`` changed (``title``, ``sapo``, ``paragraphs``…) from now on."""
        edited = dataclasses.replace(article, **changes)
        self._app.revisions[f"/{article.outlet_id}{article.path}"] = ("edit", edited)
        return edited

    def take_down(self, article: SampleArticle, how: str) -> None:
        """Remove ``article`` from now on: "404", "410", "home" (a 302 to the outlet's home page) or
        "notice" (200, a page saying the article is gone)."""
        if how not in ("404", "410", "home", "notice"):
            raise ValueError(f"unknown takedown {how!r}")
        kind = how if how in ("home", "notice") else "gone"
        self._app.revisions[f"/{article.outlet_id}{article.path}"] = (kind, how)

    def outlet_url(self, outlet_id: str) -> str:
        return f"{self.base_url}/{outlet_id}/"

    def start(self) -> SamplePress:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever, name="sample-press", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> SamplePress:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()


def serve_forever(host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the sample press in the foreground until Ctrl-C; prints the base URL and outlets."""
    press = SamplePress(host, port, quiet=False)
    print(f"Sample press: {len(press.articles)} articles at {press.base_url}/", flush=True)
    for site in SITES.values():
        count = sum(1 for a in press.articles if a.outlet_id == site.id)
        print(f"  {site.id:<12} {count:>3} articles  {press.base_url}/{site.id}{site.feed_path}", flush=True)
    print(f"Registry: {REGISTRY} (with {{sample_press}} = {press.base_url})", flush=True)
    try:
        press._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        press._server.server_close()
