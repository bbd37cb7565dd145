"""HTML pages of the sample outlets, rendered with one Jinja2 template family per outlet."""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from .corpus import SampleArticle
from .places import BY_NAME
from .seed import SEED_ID, SEED_OUTLET, load_seed_text
from .sites import Site
from .text import WEEKDAYS, capitalize, iso, slugify

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20
HOME_SIZE = 30
# What the sample press answers: (status, content type, body, last modified); for redirects the
# body is the new location.
Answer = tuple[int, str, bytes, datetime | None]
STARS = (("Kém", 1), ("Bình thường", 2), ("Hứa hẹn", 3), ("Tốt", 4), ("Rất tốt", 5))


def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def display_date(family: str, moment: datetime) -> str:
    """The publication date line as each CMS prints it."""
    day, clock = f"{moment:%d/%m/%Y}", f"{moment:%H:%M}"
    weekday = WEEKDAYS[moment.weekday()]
    return {
        "baokinhbac": f"{weekday}, {day} - {clock}",
        "tinnhanh": f"{weekday}, {moment.day}/{moment.month}/{moment.year}, {clock} (GMT+7)",
        "thoisu": f"{day} {clock} GMT+7",
        "dautu": f"{day} {clock}",
        "chinhphu": f"{day} {clock}",
        "baodongbang": f"{clock} | {day}",
        "songcau": f"{day} {clock}",
        "nhipsong": f"{clock} {day}",
        "bacson": f"{day} {clock}",
        "tinsang": f"{day} {clock}",
        "doimoi2": f"{weekday}, {day} {clock}",
    }[family]


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    sapo: str = ""
    image: str = ""
    date: str = ""


def _credit_free(caption: str) -> str:
    head, sep, _ = caption.rpartition(" Ảnh")
    return head.strip() if sep else caption


class Outlet:
    """One sample site: its articles, indexes and absolute URLs under the server's base URL."""

    def __init__(self, site: Site, articles: list[SampleArticle], base_url: str, today: date) -> None:
        self.site = site
        self.base = f"{base_url.rstrip('/')}/{site.id}"
        self.today = today
        self.articles = sorted(articles, key=lambda a: (a.published_at, a.article_id), reverse=True)
        self.by_path = {a.path: a for a in self.articles}
        self.by_section: dict[str, list[SampleArticle]] = defaultdict(list)
        self.by_tag: dict[str, list[SampleArticle]] = defaultdict(list)
        self.tag_names: dict[str, str] = {}
        # Fault sites dress listing links up (tracking parameters, AMP copies): (url, position) → url.
        self.variant_url: Callable[[str, int], str] | None = None
        for article in self.articles:
            self.by_section[article.section_slug].append(article)
            for name in (*article.tags, *article.provinces):
                slug = slugify(name)
                if article not in self.by_tag[slug]:
                    self.by_tag[slug].append(article)
                self.tag_names.setdefault(slug, name)

    # --- URLs ---------------------------------------------------------------------------------
    def url(self, article: SampleArticle) -> str:
        return self.base + article.path

    def asset(self, path: str) -> str:
        return self.base + path

    def section_url(self, slug: str, page: int = 1) -> str:
        return self.base + self.site.section_path(slug) + (f"?page={page}" if page > 1 else "")

    def tag_url(self, name: str, page: int = 1) -> str:
        return self.base + self.site.tag_path(slugify(name)) + (f"?page={page}" if page > 1 else "")

    def link(self, article: SampleArticle) -> Link:
        image = self.asset(article.images[0].url) if article.images else ""
        return Link(
            article.title,
            self.url(article),
            article.sapo,
            image,
            display_date(self.site.markup, article.published_at),
        )

    # --- shared page context --------------------------------------------------------------------
    def site_context(self) -> dict[str, object]:
        site = self.site
        return {
            "id": site.id,
            "name": site.name,
            "domain": site.domain,
            "slogan": site.slogan,
            "address": site.address,
            "licence": site.licence,
            "editor": site.editor,
            "phone": site.phone,
            "home": self.base + "/",
            "feed": self.base + site.feed_path,
            "sitemap": self.base + site.sitemap_path,
            "sections": [
                {"name": s.name, "slug": s.slug, "url": self.section_url(s.slug)} for s in site.sections
            ],
            "today": f"{WEEKDAYS[self.today.weekday()]}, {self.today:%d/%m/%Y}",
            "year": self.today.year,
            "latest": [self.link(a) for a in self.articles[:6]],
        }


class Renderer:
    def __init__(self, outlets: dict[str, Outlet]) -> None:
        self.outlets = outlets
        self.env = environment()

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    # --- article ----------------------------------------------------------------------------------
    def article(self, outlet: Outlet, article: SampleArticle, family: str = "", **extra: object) -> str:
        """The article page in its outlet's markup (or ``family``'s); ``extra`` goes to the template."""
        family = family or outlet.site.markup
        url = outlet.url(article)
        same_topic = [a for a in outlet.articles if a.topic == article.topic and a is not article]
        same_section = [a for a in outlet.by_section[article.section_slug] if a is not article]
        related = [outlet.link(a) for a in (same_topic or same_section)[:3]]
        province = article.provinces[0] if article.provinces else "Việt Nam"
        topic_name = capitalize(BY_NAME[province].full) if province in BY_NAME else province
        context = {
            "site": outlet.site_context(),
            "a": article,
            "url": url,
            "section_url": outlet.section_url(article.section_slug),
            "date_display": display_date(family, article.published_at),
            "iso": iso(article.published_at),
            "blocks": self._blocks(outlet, article, same_topic or same_section),
            "tags": [Link(t, outlet.tag_url(t)) for t in article.tags],
            "topic": Link(topic_name, outlet.tag_url(province)),
            "topic_articles": [outlet.link(a) for a in outlet.by_tag[slugify(province)] if a is not article][
                :4
            ],
            "related": related,
            "same_section": [outlet.link(a) for a in same_section[:10]],
            "og_image": outlet.asset(article.images[0].url) if article.images else outlet.base + "/logo.png",
            "stars": STARS,
            "views": 200 + zlib.crc32(url.encode()) % 4800,
            "share_facebook": "https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe=""),
            "share_zalo": "https://sp.zalo.me/share_inline?d=" + quote(url, safe=""),
            "description": article.sapo,
            "keywords": ", ".join(article.tags),
            **extra,
        }
        if family in ("thoisu", "tinnhanh", "chinhphu"):
            context["json_ld"] = self._json_ld(outlet, article, url)
        return self.render(f"{family}/article.html", **context)

    def _blocks(
        self, outlet: Outlet, article: SampleArticle, neighbours: list[SampleArticle]
    ) -> list[dict[str, object]]:
        count = len(article.paragraphs)
        is_seed = article.outlet_id == SEED_OUTLET and article.article_id == SEED_ID
        if is_seed:
            seed = load_seed_text()
            image_after = list(seed.image_after)
            related_at = 0
            related = [Link(title, outlet.tag_url("Chuyển đổi số")) for title in seed.related]
        else:
            image_after = []
            for i in range(len(article.images)):
                position = max(0, (i + 1) * count // (len(article.images) + 1) - 1)
                if position in article.headings and position + 1 < count:
                    position += 1
                image_after.append(position)
            related_at = 1 + zlib.crc32(article.path.encode()) % 2
            related = [outlet.link(a) for a in neighbours[: 1 + zlib.crc32(article.title.encode()) % 2]]
        alt_is_title = outlet.site.markup == "baokinhbac"
        blocks: list[dict[str, object]] = []
        for index, text in enumerate(article.paragraphs):
            if index == related_at and related:
                blocks.append({"kind": "related", "links": related})
            blocks.append({"kind": "h" if index in article.headings else "p", "text": text})
            for number, after in enumerate(image_after):
                if after == index:
                    image = article.images[number]
                    blocks.append(
                        {
                            "kind": "img",
                            "src": outlet.asset(image.url),
                            "caption": image.caption,
                            "alt": article.title if alt_is_title else _credit_free(image.caption),
                        }
                    )
        return blocks

    def _json_ld(self, outlet: Outlet, article: SampleArticle, url: str) -> Markup:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": article.title,
            "description": article.sapo,
            "image": [outlet.asset(i.url) for i in article.images],
            "datePublished": iso(article.published_at),
            "dateModified": iso(article.published_at),
            "author": {"@type": "Person", "name": article.author},
            "publisher": {
                "@type": "Organization",
                "name": outlet.site.name,
                "logo": {"@type": "ImageObject", "url": outlet.base + "/logo.png"},
            },
            "articleSection": article.section,
            "keywords": ", ".join(article.tags),
            "inLanguage": "vi",
        }
        text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
        return Markup(text)  # noqa: S704 - JSON text, "</" escaped above

    # --- listings ---------------------------------------------------------------------------------
    def listing(self, outlet: Outlet, kind: str, key: str, page: int) -> str | None:
        """Home page, a section page or a tag page; None if the page does not exist."""
        if kind == "home":
            items, title, url_of = outlet.articles[:HOME_SIZE], outlet.site.name, None
            if page != 1:
                return None
        elif kind == "section":
            section = next((s for s in outlet.site.sections if s.slug == key), None)
            if section is None:
                return None
            items, title = outlet.by_section.get(key, []), section.name
            url_of = lambda n: outlet.section_url(key, n)  # noqa: E731
        else:
            items, title = outlet.by_tag.get(key, []), outlet.tag_names.get(key, key)
            url_of = lambda n: outlet.tag_url(title, n)  # noqa: E731
            if not items:
                return None
        size = outlet.site.page_size
        pages = max(1, (len(items) + size - 1) // size)
        if page < 1 or page > pages:
            return None
        if kind != "home":
            items = items[(page - 1) * size : page * size]
        links = [outlet.link(a) for a in items]
        if outlet.variant_url is not None:
            links = [replace(link, url=outlet.variant_url(link.url, i)) for i, link in enumerate(links)]
        context = {
            "site": outlet.site_context(),
            "kind": kind,
            "heading": title,
            "page": page,
            "pages": pages,
            "items": links,
            "url": url_of(page) if url_of else outlet.base + "/",
            "next_url": url_of(page + 1) if url_of and page < pages else "",
            "prev_url": url_of(page - 1) if url_of and page > 1 else "",
            "base_template": f"{outlet.site.markup}/base.html",
        }
        return self.render("_listing.html", **context)

    def not_found(self, outlet: Outlet | None, path: str) -> str:
        if outlet is None:
            return self.render("_root_404.html", path=path)
        return self.render(
            "_404.html",
            site=outlet.site_context(),
            path=path,
            base_template=f"{outlet.site.markup}/base.html",
        )

    def index(self, base_url: str) -> str:
        rows = [
            {
                "site": o.site_context(),
                "count": len(o.articles),
                "kind": o.site.kind,
                "province": o.site.province or "toàn quốc",
            }
            for o in self.outlets.values()
        ]
        return self.render("_index.html", rows=rows, base_url=base_url)
