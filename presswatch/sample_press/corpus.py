"""The sample corpus: ~250 Vietnamese articles on six fictional outlets, deterministic per end date.

The text comes from the phrase templates (``phrases/``), filled per article by ``writer``; the
story plan (which topic, outlet, province, day) is drawn from one seeded ``random.Random``, so the
same ``end`` always gives the same corpus and another ``end`` moves every date with it.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from search.config import LOCAL_TZ as TZ

from .paraphrase import old_style_marks, vary
from .people import byline
from .phrases import OTHER, TOPIC_KEYS, TOPICS, Topic
from .places import BY_NAME, NATIONAL_WEIGHTS
from .seed import SEED_ID, SEED_OUTLET, SEED_PUBLISHED, SEED_TAGS, load_seed_text
from .sites import NATIONAL_SITES, SITES, Site
from .text import fold, slugify
from .writer import Draft, context, retitle, write

WINDOW_DAYS = 42  # six weeks ending on ``end``
FIRST_MINUTE, LAST_MINUTE = 5 * 60, 22 * 60 + 30
CONTENT_SEED = 20231010
PER_TOPIC = 18
OTHER_COUNT = 6
SYNDICATED_STORIES = 10
DRAFTS = 12  # drafts tried per article
GOOD_ENOUGH = 0.25  # word 5-gram Jaccard to the closest template sibling
TONES = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class SampleImage:
    url: str  # path relative to the outlet's base, like ``SampleArticle.path``
    caption: str  # "Lãnh đạo tỉnh kiểm tra dự án. Ảnh: Minh Anh"


@dataclass(frozen=True)
class SampleArticle:
    outlet_id: str
    article_id: str
    slug: str
    title: str
    sapo: str
    paragraphs: tuple[str, ...]
    author: str
    published_at: datetime
    section: str
    section_slug: str
    tags: tuple[str, ...]
    images: tuple[SampleImage, ...]
    topic: str
    provinces: tuple[str, ...]
    tone: str
    path: str
    headings: tuple[int, ...] = ()  # indexes of ``paragraphs`` that are subheadings
    story_id: str = ""  # same value = same agency story republished by several outlets


@dataclass
class _Piece:
    site: Site
    draft: Draft
    published: datetime
    author: str
    story_id: str = ""


def _at(day: date, minute: int) -> datetime:
    return datetime.combine(day, time(0), TZ) + timedelta(minutes=minute)


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _topic(key: str) -> Topic:
    return TOPICS.get(key, OTHER)


def _syndicated(rng: random.Random, first_day: date) -> list[_Piece]:
    """Agency (TTXVN) stories republished by 2–3 outlets with new headlines and small edits."""
    pieces = []
    for number, key in enumerate(rng.sample(TOPIC_KEYS, SYNDICATED_STORIES), start=1):
        topic = TOPICS[key]
        scenario = rng.choice(topic.scenarios)
        province = BY_NAME[_weighted(rng, NATIONAL_WEIGHTS)]
        candidates = {s: SITES[s].weight(key) for s in NATIONAL_SITES}
        for site in ("baokinhbac", "baodongbang"):
            if province.name in SITES[site].regions:
                candidates[site] = 2.0
        outlets: list[str] = []
        for _ in range(3 if number % 2 else 2):
            choice = _weighted(rng, {k: v for k, v in candidates.items() if k not in outlets})
            outlets.append(choice)
        start = _at(first_day + timedelta(days=rng.randint(0, WINDOW_DAYS - 2)), rng.randint(360, 1150))
        draft = write(rng, topic, scenario, context(rng, province, start, "TTXVN"), title_index=0)
        when = start
        for copy, outlet in enumerate(outlets):
            edited = draft.without_last_paragraph() if copy == 1 and len(draft.paragraphs) > 5 else draft
            if copy == 2:  # this outlet keeps one photo only
                edited = replace(edited, captions=edited.captions[:1])
            edited = replace(edited, title=retitle(draft, topic, scenario, copy, rng))
            author = "TTXVN" if copy == 1 else "Theo TTXVN"
            pieces.append(_Piece(SITES[outlet], edited, when, author, f"ttxvn-{number:02d}"))
            when = min(when + timedelta(minutes=rng.randint(25, 110)), _at(when.date(), LAST_MINUTE))
    return pieces


def _shingles(draft: Draft) -> frozenset[tuple[str, ...]]:
    words = fold(" ".join((draft.sapo, *draft.paragraphs))).split()
    return frozenset(tuple(words[i : i + 5]) for i in range(len(words) - 4))


def _similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _reword(draft: Draft, rng: random.Random) -> Draft:
    return replace(
        draft,
        sapo=vary(draft.sapo, rng),
        paragraphs=tuple(p if i in draft.headings else vary(p, rng) for i, p in enumerate(draft.paragraphs)),
    )


def _originals(rng: random.Random, first_day: date, quotas: Counter[str], taken: set[str]) -> list[_Piece]:
    """One article per topic slot; among a few drafts, keep the one least like its template siblings."""
    keys = [k for k in TOPIC_KEYS for _ in range(PER_TOPIC)] + ["other"] * OTHER_COUNT
    rng.shuffle(keys)
    rotation = {
        k: rng.sample(range(len(_topic(k).scenarios)), len(_topic(k).scenarios))
        for k in (*TOPIC_KEYS, "other")
    }
    turns: Counter[str] = Counter()
    seen_titles = set(taken)
    used: set[tuple[str, str, str]] = set()
    siblings: dict[str, list[frozenset[tuple[str, ...]]]] = defaultdict(list)
    pieces = []
    for index, key in enumerate(keys):
        topic = _topic(key)
        open_sites = {s: SITES[s].weight(key) * quotas[s] for s in SITES if quotas[s] > 0}
        site = SITES[_weighted(rng, open_sites)]
        quotas[site.id] -= 1
        offset = 0 if index < 4 else rng.randint(0, WINDOW_DAYS - 1)
        day = first_day + timedelta(days=WINDOW_DAYS - 1 - offset)
        when = _at(day, rng.randint(FIRST_MINUTE, LAST_MINUTE))
        author, photo = byline(rng, site.id)
        scenario = topic.scenarios[rotation[key][turns[key] % len(topic.scenarios)]]
        turns[key] += 1
        best: tuple[float, Draft, frozenset[tuple[str, ...]]] | None = None
        for attempt in range(DRAFTS):
            last = attempt == DRAFTS - 1
            province = BY_NAME[_weighted(rng, site.regions)]
            if not last and (scenario.key, province.name, site.id) in used:
                continue
            draft = _reword(write(rng, topic, scenario, context(rng, province, when, photo)), rng)
            for variant in range(len(scenario.titles)):
                if draft.title not in seen_titles:
                    break
                draft = replace(draft, title=retitle(draft, topic, scenario, variant, rng))
            if draft.title in seen_titles and not last:
                continue
            shingles = _shingles(draft)
            score = max((_similarity(shingles, other) for other in siblings[scenario.key]), default=0.0)
            if best is None or score < best[0]:
                best = (score, draft, shingles)
            if score < GOOD_ENOUGH:
                break
        assert best is not None
        _, draft, shingles = best
        siblings[scenario.key].append(shingles)
        used.add((draft.scenario, draft.province, site.id))
        seen_titles.add(draft.title)
        pieces.append(_Piece(site, draft, when, author))
    return pieces


def _old_style(draft: Draft) -> Draft:
    """Some papers still print 'hoá', 'uỷ': the whole article in that spelling."""
    return replace(
        draft,
        title=old_style_marks(draft.title),
        sapo=old_style_marks(draft.sapo),
        paragraphs=tuple(old_style_marks(p) for p in draft.paragraphs),
        captions=tuple(old_style_marks(c) for c in draft.captions),
        tags=tuple(old_style_marks(t) for t in draft.tags),
    )


def _article(piece: _Piece, article_id: str) -> SampleArticle:
    site, draft = piece.site, piece.draft
    if site.old_style_marks:
        draft = _old_style(draft)
    section = site.section_for(draft.topic)
    slug = slugify(draft.title)
    sapo = f"(Chinhphu.vn) - {draft.sapo}" if site.id == "chinhphu" else draft.sapo
    name = slug[:48].rstrip("-")
    images = tuple(
        SampleImage(site.image_path(piece.published, f"{name}-{article_id[-5:]}-{n}"), caption)
        for n, caption in enumerate(draft.captions, start=1)
    )
    return SampleArticle(
        outlet_id=site.id,
        article_id=article_id,
        slug=slug,
        title=draft.title,
        sapo=sapo,
        paragraphs=draft.paragraphs,
        author=piece.author,
        published_at=piece.published,
        section=section.name,
        section_slug=section.slug,
        tags=draft.tags,
        images=images,
        topic=draft.topic,
        provinces=(draft.province,),
        tone=draft.tone,
        path=site.article_path(section.slug, slug, article_id),
        headings=draft.headings,
        story_id=piece.story_id,
    )


def seed_article() -> SampleArticle:
    """The real Bắc Ninh article the project was specified from, as published on ``baokinhbac``."""
    text = load_seed_text()
    site = SITES[SEED_OUTLET]
    section = site.section_for("digital_transformation")
    slug = slugify(text.title)
    images = tuple(
        SampleImage(site.image_path(SEED_PUBLISHED, f"{slug[:48].rstrip('-')}-{n}"), caption)
        for n, caption in enumerate(text.captions, start=1)
    )
    return SampleArticle(
        outlet_id=SEED_OUTLET,
        article_id=SEED_ID,
        slug=slug,
        title=text.title,
        sapo=text.sapo,
        paragraphs=text.paragraphs,
        author=text.byline,
        published_at=SEED_PUBLISHED,
        section=section.name,
        section_slug=section.slug,
        tags=SEED_TAGS,
        images=images,
        topic="digital_transformation",
        provinces=("Bắc Ninh",),
        tone="positive",
        path=site.article_path(section.slug, slug, SEED_ID),
        headings=text.headings,
    )


def build_corpus(end: date | None = None, until: datetime | None = None) -> list[SampleArticle]:
    """All sample articles, newest first, dated over the six weeks ending on ``end`` (default: today
    in Asia/Ho_Chi_Minh), plus the seed article (2023-10-10). Deterministic for a given ``end`` and
    ``until``: the moment the press is first read (the demo's first crawl); ``end``'s schedule is then
    squeezed, in the same order, into the hours before it, so no article is published in the future.
    Without ``until`` the whole of ``end`` is filled (up to 22:30)."""
    if end is None:
        end = datetime.now(TZ).date()
    return list(_build(end, until))


def _before(pieces: list[_Piece], end: date, until: datetime) -> list[_Piece]:
    """``pieces`` with ``end``'s publishing hours mapped linearly onto the time before ``until``
    (a minute's margin): same count, same order, so the same ids for the same ``until``."""
    start = _at(end, 0)
    limit = max(0, int((until - start).total_seconds()) - 60)  # seconds into ``end``
    first, last = FIRST_MINUTE * 60, LAST_MINUTE * 60
    if limit >= last:
        return pieces
    low = min(first, limit // 2)  # morning papers stay in the morning unless ``until`` is before 10:00
    moved = []
    for piece in pieces:
        second = int((piece.published - start).total_seconds())
        if 0 <= second < 86400:
            second = low + (min(max(second, first), last) - first) * (limit - low) // (last - first)
            piece = replace(piece, published=start + timedelta(seconds=second))
        moved.append(piece)
    return moved


@lru_cache(maxsize=4)
def _build(end: date, until: datetime | None = None) -> tuple[SampleArticle, ...]:
    rng = random.Random(CONTENT_SEED)
    first_day = end - timedelta(days=WINDOW_DAYS - 1)
    syndicated = _syndicated(rng, first_day)
    total = len(TOPIC_KEYS) * PER_TOPIC + OTHER_COUNT + len(syndicated) + 1
    quotas: Counter[str] = Counter()
    for i, site_id in enumerate(sorted(SITES)):
        quotas[site_id] = total // len(SITES) + (1 if i < total % len(SITES) else 0)
    for piece in syndicated:
        quotas[piece.site.id] -= 1
    quotas[SEED_OUTLET] -= 1
    pieces = syndicated + _originals(rng, first_day, quotas, {p.draft.title for p in syndicated})
    if until is not None:
        pieces = _before(pieces, end, until)
    by_site: dict[str, list[_Piece]] = defaultdict(list)
    for piece in pieces:
        by_site[piece.site.id].append(piece)
    articles = [seed_article()]
    for site_id in sorted(by_site):
        items = sorted(by_site[site_id], key=lambda p: (p.published, p.draft.title))
        ids = SITES[site_id].make_ids([p.published for p in items], rng)
        articles.extend(_article(piece, article_id) for piece, article_id in zip(items, ids, strict=True))
    articles.sort(key=lambda a: (a.published_at, a.outlet_id, a.article_id), reverse=True)
    return tuple(articles)
