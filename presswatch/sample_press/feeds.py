"""Discovery documents of the sample outlets: RSS 2.0 feeds, Google News sitemaps, robots.txt.

Every feed lists all of its outlet's articles, newest first, so a crawl of the feeds reaches them
all. pubDate follows each CMS: RFC 822 with +0700 (tinnhanh, thoisu, dautu, baodongbang), RFC 822 in
GMT (baokinhbac), and Báo Chính phủ's "M/D/YYYY h:mm:ss AM" in local time without zone (chinhphu).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from jinja2 import Environment
from markupsafe import Markup

from .corpus import SampleArticle
from .pages import Outlet
from .text import iso, rfc822, us_datetime


def pub_date(family: str, article: SampleArticle) -> str:
    moment = article.published_at
    if family == "chinhphu":
        return us_datetime(moment)
    return rfc822(moment, utc=family == "baokinhbac")


def _description(outlet: Outlet, article: SampleArticle) -> Markup | str:
    """VnExpress-style feeds put a thumbnail link before the sapo, as CDATA."""
    if outlet.site.markup in ("tinnhanh", "thoisu") and article.images:
        image = outlet.asset(article.images[0].url)
        html = (
            f'<a href="{escape(outlet.url(article))}"><img src="{escape(image)}" '
            f'alt="{escape(article.title)}"></a></br>{escape(article.sapo)}'
        )
        return Markup("<![CDATA[" + html.replace("]]>", "]]&gt;") + "]]>")  # noqa: S704 - escaped above
    return article.sapo


def rss(
    env: Environment,
    outlet: Outlet,
    link: Callable[[SampleArticle], str] | None = None,
    extra: list[dict[str, object]] | None = None,
) -> str:
    """The outlet's RSS feed; ``link`` replaces article URLs (fault sites), ``extra`` adds raw items."""
    link = link or outlet.url
    items = [
        {
            "title": a.title,
            "link": link(a),
            "guid": outlet.url(a)
            if outlet.site.markup != "baodongbang"
            else f"{outlet.base}/?p={a.article_id}",
            "permalink": outlet.site.markup != "baodongbang",
            "description": _description(outlet, a),
            "pub_date": pub_date(outlet.site.markup, a),
            "category": a.section,
            "author": a.author,
            "image": outlet.asset(a.images[0].url) if a.images else "",
        }
        for a in outlet.articles
    ] + (extra or [])
    return env.get_template("_rss.xml").render(
        site=outlet.site_context(),
        family=outlet.site.markup,
        items=items,
        build_date=items[0]["pub_date"] if items else "",
    )


def news_sitemap(
    env: Environment,
    outlet: Outlet,
    link: Callable[[SampleArticle], str] | None = None,
    articles: list[SampleArticle] | None = None,
) -> str:
    link = link or outlet.url
    items = [
        {
            "loc": link(a),
            "date": iso(a.published_at),
            "title": a.title,
            "keywords": ", ".join(a.tags),
            "image": outlet.asset(a.images[0].url) if a.images else "",
        }
        for a in (outlet.articles if articles is None else articles)
    ]
    return env.get_template("_sitemap.xml").render(site=outlet.site_context(), items=items)


def sitemap_index(outlet: Outlet, children: list[tuple[str, str]]) -> str:
    """A sitemap index: (child sitemap URL, lastmod) pairs."""
    entries = "".join(
        f"<sitemap><loc>{escape(loc)}</loc><lastmod>{lastmod}</lastmod></sitemap>\n"
        for loc, lastmod in children
    )
    head = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + head + entries + "</sitemapindex>\n"


def robots(
    outlet: Outlet | None, base_url: str, outlets: list[Outlet], disallow: tuple[str, ...] = ()
) -> str:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallow), "Allow: /", ""]
    for each in [outlet] if outlet else outlets:
        lines.append(f"Sitemap: {each.base}{each.site.sitemap_path}")
    return "\n".join(lines) + "\n"
