"""Articles of the fault sites: written like the main corpus (same phrase templates and writer), from
their own seed, so adding or changing a fault site never changes the main corpus the demo shows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .corpus import FIRST_MINUTE, LAST_MINUTE, WINDOW_DAYS, SampleArticle, _article, _at, _Piece
from .fault_sites import ARCHIVED, COUNTS, DISALLOWED_SECTION, FAULT_SITES, MERGER_DAY, REPORTERS
from .phrases import OTHER, TOPIC_KEYS, TOPICS
from .places import BY_NAME, NATIONAL_WEIGHTS
from .writer import context, write

FAULT_SEED = 20261120


def _province(rng: random.Random, site_province: str | None) -> str:
    if site_province and rng.random() < 0.6:
        return site_province
    names = sorted(NATIONAL_WEIGHTS)
    return rng.choices(names, weights=[NATIONAL_WEIGHTS[n] for n in names])[0]


@lru_cache(maxsize=4)
def _build(end: date) -> tuple[SampleArticle, ...]:
    rng = random.Random(FAULT_SEED)
    first_day = end - timedelta(days=WINDOW_DAYS - 1)
    articles: list[SampleArticle] = []
    topics = [*TOPIC_KEYS, "other"]
    titles: set[str] = set()
    for site_id in sorted(COUNTS):
        site = FAULT_SITES[site_id]
        pieces = []
        for number in range(COUNTS[site_id]):
            key = topics[(number * 5 + len(site_id)) % len(topics)]
            topic = TOPICS.get(key, OTHER)
            scenario = rng.choice(topic.scenarios)
            # Spread over the whole window so the sitemap-only site spans two months.
            day = first_day + timedelta(days=(number * (WINDOW_DAYS - 1)) // max(1, COUNTS[site_id] - 1))
            if site_id == "ptthdongson" and number < ARCHIVED:  # the predecessors' archive, before the merger
                day = date.fromisoformat(MERGER_DAY) - timedelta(days=120 - 17 * number)
            when = _at(day, rng.randint(FIRST_MINUTE, LAST_MINUTE))
            author = rng.choice(REPORTERS[site_id])
            province = BY_NAME[_province(rng, site.province)]
            draft = write(rng, topic, scenario, context(rng, province, when, author))
            while draft.title in titles:
                draft = write(rng, topic, scenario, context(rng, province, when, author))
            titles.add(draft.title)
            pieces.append(_Piece(site, draft, when, author))
        pieces.sort(key=lambda p: (p.published, p.draft.title))
        ids = site.make_ids([p.published for p in pieces], rng)
        for index, (piece, article_id) in enumerate(zip(pieces, ids, strict=True)):
            article = _article(piece, article_id)
            if site_id == "truyenhinhbacson":  # Joomla-like: /{cat}/{yyyymm}/{slug}/
                path = site.article_path(article.section_slug, article.slug, f"{piece.published:%Y%m}")
                article = _replace(article, path=path)
            elif site_id == "ptthdongson" and piece.published.date() < date.fromisoformat(MERGER_DAY):
                path = f"/luu-tru/{article.slug}-a{article_id}.html"
                article = _replace(article, path=path, section="Lưu trữ", section_slug="luu-tru")
            elif site_id == "baokin" and index % 3 == 1:  # the section robots.txt disallows
                path = site.article_path(DISALLOWED_SECTION, article.slug, article_id)
                article = _replace(article, path=path, section="Nội bộ", section_slug=DISALLOWED_SECTION)
            articles.append(article)
    articles.sort(key=lambda a: (a.published_at, a.outlet_id, a.article_id), reverse=True)
    return tuple(articles)


def _replace(article: SampleArticle, **changes: Any) -> SampleArticle:  # SampleArticle's fields
    from dataclasses import replace

    return replace(article, **changes)


def build_fault_corpus(end: date) -> list[SampleArticle]:
    """The fault sites' articles, newest first; deterministic for a given ``end``."""
    return list(_build(end))
