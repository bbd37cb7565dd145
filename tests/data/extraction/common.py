"""Shared pieces for the site-family templates: article records, page context, labels, formats."""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
HERE = Path(__file__).resolve().parent
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@dataclass
class Article:
    id: str
    section: str
    published: datetime
    title: str
    sapo: str
    byline: str  # as printed at the end of the body ("Theo TTXVN", "Bài và ảnh: Lê Hoa")
    author: str  # the label: the credited name(s) without lead-in words
    tags: list[str]
    captions: list[str]
    body: list[str]  # paragraphs; "## " opens an intertitle

    def blocks(self) -> list[tuple[str, str]]:
        """("h", intertitle) and ("p", paragraph) in order."""
        return [("h", b[3:]) if b.startswith("## ") else ("p", b) for b in self.body]


def load_articles(path: Path = HERE / "articles.txt") -> list[Article]:
    articles: list[Article] = []
    for chunk in path.read_text(encoding="utf-8").split("\n=== ")[1:]:
        head, _, body = chunk.partition("\n---\n")
        lines = head.splitlines()
        fields: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, _, value = line.partition(": ")
            fields.setdefault(key, []).append(value.strip())
        articles.append(
            Article(
                id=lines[0].strip(),
                section=fields["section"][0],
                published=datetime.strptime(fields["published"][0], "%Y-%m-%d %H:%M").replace(tzinfo=LOCAL),
                title=fields["title"][0],
                sapo=fields["sapo"][0],
                byline=fields["byline"][0],
                author=fields["author"][0],
                tags=[t.strip() for t in fields["tags"][0].split(",")],
                captions=fields.get("image", []),
                body=[p.strip() for p in body.strip().split("\n\n") if p.strip()],
            )
        )
    return articles


@dataclass
class Page:
    """One page being rendered: its article, family, time, URL and the other stories it links to."""

    article: Article
    family: str
    number: int
    domain: str
    rng: random.Random
    related: list[Article] = field(default_factory=list)
    extra_minutes: int = 0

    @property
    def published(self) -> datetime:
        # Each outlet runs the story at its own time: shift it, and give it seconds.
        return self.article.published + timedelta(minutes=self.extra_minutes, seconds=self.number * 7 % 60)

    @property
    def slug(self) -> str:
        return slugify(self.article.title)

    @property
    def url(self) -> str:
        return f"https://{self.domain}/{slugify(self.article.section)}/{self.slug}-{self.number:05d}.html"

    def link(self, other: Article) -> str:
        return (
            f"https://{self.domain}/{slugify(other.section)}/{slugify(other.title)}-{hash_id(other.id)}.html"
        )

    def image(self, index: int) -> str:
        return f"https://img.{self.domain}/{self.published:%Y/%m/%d}/{self.slug[:40]}-{index + 1}.jpg"

    def label(
        self,
        *,
        title: str | None = None,
        sapo: str | None = None,
        author: str | None = None,
        body: list[str] | None = None,
    ) -> dict[str, object]:
        article = self.article
        return {
            "url": self.url,
            "family": self.family,
            "title": article.title if title is None else title,
            "sapo": article.sapo if sapo is None else sapo,
            "author": article.author if author is None else author,
            "published_at": self.published.isoformat(),
            "section": article.section,
            "body": "\n\n".join(text for _, text in article.blocks()) if body is None else "\n\n".join(body),
        }


def hash_id(text: str) -> int:
    return sum((i + 1) * ord(c) for i, c in enumerate(text)) * 7919 % 1_000_000


def slugify(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:80]


def e(text: str) -> str:
    """HTML-escape text for element content and attribute values."""
    return html.escape(text, quote=True)


def weekday(moment: datetime, lower: bool = False) -> str:
    name = WEEKDAYS[moment.weekday()]
    return name[0] + name[1:].lower() if lower else name


def iso(moment: datetime, offset: str = "+07:00", seconds: bool = True) -> str:
    """ISO 8601 the way CMSs write it: local time with an offset, or UTC with "Z"."""
    if offset == "Z":
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    text = moment.strftime("%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M")
    return text + offset


def jsonld(data: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def news_article_ld(
    page: Page, date_published: str, authors: list[str], publisher: str, image: bool = True
) -> str:
    article = page.article
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.sapo,
        "datePublished": date_published,
        "dateModified": date_published,
        "mainEntityOfPage": {"@type": "WebPage", "@id": page.url},
        "author": [{"@type": "Person", "name": name} for name in authors]
        if authors
        else {"@type": "Organization", "name": publisher},
        "publisher": {"@type": "Organization", "name": publisher},
        "articleSection": article.section,
        "keywords": ", ".join(article.tags),
    }
    if image:
        data["image"] = [page.image(0)]
    return jsonld(data)


def og_tags(page: Page, site: str, description: str | None = None, og_type: str = "article") -> str:
    article = page.article
    return (
        f'<meta property="og:type" content="{og_type}">\n<meta property="og:title" content="'
        f'{e(article.title)}">\n'
        f'<meta property="og:description" content="{e(description or article.sapo)}">\n'
        f'<meta property="og:url" content="{e(page.url)}">\n<meta property="og:site_name" content="'
        f'{e(site)}">\n'
        f'<meta property="og:image" content="{e(page.image(0))}">\n<link rel="canonical" href="'
        f'{e(page.url)}">'
    )


def header_names(article: Article) -> list[str]:
    """The names a header author widget shows for an article ("TTXVN" for "Theo TTXVN")."""
    return [n.strip() for n in article.author.split(" - ")]


def menu(items: list[str], cls: str = "menu") -> str:
    links = "".join(f'<li><a href="/{slugify(i)}">{e(i)}</a></li>' for i in items)
    return f'<ul class="{cls}">{links}</ul>'


SECTIONS = [
    "Thời sự",
    "Chính trị",
    "Kinh tế",
    "Xã hội",
    "Văn hóa",
    "Thể thao",
    "Pháp luật",
    "Giáo dục",
    "Y tế",
    "Du lịch",
    "Nông nghiệp",
    "Quốc tế",
]
