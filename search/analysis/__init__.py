"""Article analysis: topics (editable query profiles), provincial units (63 old, 34 new), tone.

Public API::

    analyze(document, focus_province=None) -> Analysis   # read-only
    annotate(document) -> Document                       # sets topics, provinces, tone, explanations
    keywords(documents, limit=30) -> list[(phrase, count)]
    load_profiles(path=None) -> list[Profile]             # validate a topics.yaml
    default_profiles(path=None) -> tuple[Profile, ...]    # the one in force, read once per version

Everything that can be compiled is compiled once per process (profiles, gazetteer, lexicon), and
each document is tokenised once (``DocumentTokens``); the scanning modules run compiled when
built (``_native.py``). How each part works, and how fast it is (about 800 articles/s of ~600
words on one core as Python, 1,100 compiled): docs/ANALYSIS.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

# First: when the compiled scanning modules are built and current, they are imported below instead
# of the sources (_native.py says how and when).
from search.analysis._native import ACTIVE as COMPILED
from search.analysis.gazetteer import Gazetteer, GazetteerError, default_gazetteer, load_gazetteer
from search.analysis.keywords import keywords
from search.analysis.places import PlaceResult, detect, display_names
from search.analysis.prepared import DocumentTokens, FirstWords
from search.analysis.profiles import Profile, ProfileError, default_profiles, load_profiles
from search.analysis.tone import LexiconError, ToneResult, default_lexicon, load_lexicon, score_tone
from search.analysis.topic_match import TopicMatch, compile_profiles, default_compiled
from search.config import FOCUS_ENV, focus_province
from search.document import Document

__all__ = [
    "COMPILED",
    "Analysis",
    "GazetteerError",
    "LexiconError",
    "Profile",
    "ProfileError",
    "analyze",
    "annotate",
    "default_profiles",
    "keywords",
    "load_gazetteer",
    "load_lexicon",
    "load_profiles",
    "resolve_focus",
]

# A topic is tagged as a main subject only (docs/ANALYSIS.md, labelling guidelines): beside a
# topic with five times its hits it is a passing mention — a car crash that ends in a fire is
# traffic, not fire and crime; a discipline case whose body recalls "bị can" is staffing.
TOPIC_MIN_SHARE = 0.2


@dataclass
class FocusTone:
    province: str  # the post-2025 unit
    label: str | None  # None when the article does not mention it
    score: float = 0.0
    cues: list[dict[str, Any]] = field(default_factory=list)
    scope: str = "absent"  # "article" (the focus is the only subject), "sentences" or "absent"


@dataclass
class Analysis:
    topics: list[TopicMatch]
    places: PlaceResult
    tone: ToneResult
    focus: FocusTone

    @property
    def topic_names(self) -> list[str]:
        return [t.name for t in self.topics]

    @property
    def provinces(self) -> list[str]:
        """``Document.provinces``: old units mentioned as subject, then the new units."""
        return display_names(self.places)

    def explanations(self) -> dict[str, Any]:
        """What ``annotate`` stores in ``Document.explanations`` (JSON-able)."""
        tone = self.tone.explanation()
        tone["focus"] = {
            "province": self.focus.province,
            "label": self.focus.label,
            "score": round(self.focus.score, 3),
            "scope": self.focus.scope,
            "cues": self.focus.cues,
        }
        # topics[name] is the list of matched terms, as the article page shows them.
        return {
            "topics": {t.name: [_term(term) for term in t.terms] for t in self.topics},
            "topic_hits": {t.name: t.hits for t in self.topics},
            "provinces": self.places.explanation(),
            "tone": tone,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "topics": [asdict(t) for t in self.topics],
            "provinces": self.provinces,
            **self.explanations(),
        }


def resolve_focus(name: str | None = None, gazetteer: Gazetteer | None = None) -> str:
    """The post-2025 unit to watch: ``name``, else ``$PRESSWATCH_FOCUS_PROVINCE``, else Bắc Ninh.
    Old names and aliases are accepted ("Bắc Giang" → "Bắc Ninh")."""
    g = gazetteer or default_gazetteer()
    wanted = name or focus_province()
    resolved = _resolve(g, wanted)
    if resolved is None:
        raise ValueError(
            f"Unknown focus province {wanted!r} ({FOCUS_ENV}): use a name from "
            "search/analysis/provinces.csv, old or new"
        )
    return resolved


def _term(source: str) -> str:
    """A query term as staff read it: '"an toàn giao thông"' → 'an toàn giao thông'."""
    return source[1:-1] if len(source) > 1 and source[0] == source[-1] == '"' else source


@lru_cache(maxsize=64)
def _resolve(g: Gazetteer, name: str) -> str | None:
    return g.resolve(name)


def _focus_tone(
    prepared: DocumentTokens, places: PlaceResult, tone: ToneResult, province: str, g: Gazetteer
) -> FocusTone:
    members = set(g.new_units.get(province, []))
    mentions = [m for m in places.mentions if m.unit in members]
    if not mentions:
        return FocusTone(province, None)
    subjects = set(places.old)
    if subjects and subjects <= members:
        # The article is about the focus province alone: its tone is the tone toward it.
        return FocusTone(province, tone.label, tone.score, tone.cues, "article")
    sentences: dict[str, set[int]] = {}
    for m in mentions:
        sentences.setdefault(m.field, set()).add(m.sentence)
    local = score_tone(prepared, sentences=sentences)
    return FocusTone(province, local.label, local.score, local.cues, "sentences")


def _abroad(prepared: DocumentTokens, g: Gazetteer) -> bool:
    """Does the title name a foreign country (and no Vietnamese province, checked by the caller)?
    ("Thu hút 20 nhà đầu tư Nhật Bản" in a sapo is still news about a province.)"""
    title = prepared.fields["title"]
    lower, cased = title.lower, title.cased
    # Capitalised, as a country is written: "giải pháp" is no Pháp, "thẩm mỹ" no Mỹ, "anh" no Anh.
    return any(
        tuple(lower[i : i + len(c)]) == c and all(w[:1].isupper() for w in cased[i : i + len(c)])
        for i, word in enumerate(lower)
        for c in g.foreign_news.get(word, ())
    )


def _abroad_praise(
    tone: ToneResult, places: PlaceResult, prepared: DocumentTokens, g: Gazetteer
) -> ToneResult:
    """News from abroad is good news only when its title says so: the warm words of diplomacy and
    of a foreign leader's success in the sapo or body ("… ủng hộ nỗ lực đối thoại", "giành chiến
    thắng lớn trong cuộc bầu cử") are neutral for a provincial office (the guidelines read foreign
    diplomacy as neutral). Harm abroad is not touched: its labels follow the headline and body."""
    if tone.label != "positive" or places.scores:
        return tone
    title = sum((c["score"] for c in tone.cues if c["field"] == "title"), 0.0)
    if title >= default_lexicon().positive_threshold or not _abroad(prepared, g):
        return tone
    return ToneResult("neutral", title, tone.cues)


# (session 6, tone8) Lottery results are chance, not the province's news: neutral whatever their
# words ("Jackpot 2 nổ 3 lần liên tiếp", "trúng jackpot tiền tỷ", "độc đắc không người trúng"; three
# batches labelled them neutral, the lexicon read "nổ" as harm and "may mắn" as good news).
_LOTTERY = (("xổ", "số"), ("vietlott",), ("jackpot",), ("độc", "đắc"))


def _chance(tone: ToneResult, prepared: DocumentTokens) -> ToneResult:
    """A title that names a lottery draw makes the article neutral (its cues are kept)."""
    lower = prepared.fields["title"].lower
    if tone.label == "neutral" or not any(
        tuple(lower[i : i + len(w)]) == w for i in range(len(lower)) for w in _LOTTERY
    ):
        return tone
    return ToneResult("neutral", tone.score, tone.cues)


@lru_cache(maxsize=1)
def _first_words() -> FirstWords:
    """The tables looked up at every token, for the gazetteer and lexicon ``analyze`` uses."""
    g, lexicon = default_gazetteer(), default_lexicon()
    tables: list[Mapping[str, Any]] = [lexicon.by_first, g.patterns, g.blocked, g.merger_words]
    if g.subunit_index is not None:
        tables.append(g.subunit_index.types_by_first)
    return FirstWords(tables)


def analyze(
    document: Document, focus_province: str | None = None, *, profiles: Sequence[Profile] | None = None
) -> Analysis:
    """Topics, provinces and tone of one document, with the evidence for each (no side effects).

    ``focus_province`` (old or new name) overrides ``$PRESSWATCH_FOCUS_PROVINCE``."""
    prepared = DocumentTokens(document, _first_words())
    g = default_gazetteer()
    compiled = default_compiled() if profiles is None else compile_profiles(profiles)
    topics = compiled.match(prepared)
    if len(topics) > 1:
        top = max(t.hits for t in topics)
        topics = [t for t in topics if t.hits >= TOPIC_MIN_SHARE * top]
    places = detect(prepared, g)
    # (a city named in passing, no subject, still places the events in Vietnam)
    if topics and not places.scores and _abroad(prepared, g):
        topics = []  # foreign news: the topics are about Vietnamese provinces
    tone = _abroad_praise(score_tone(prepared, default_lexicon()), places, prepared, g)
    tone = _chance(tone, prepared)
    focus = _focus_tone(prepared, places, tone, resolve_focus(focus_province, g), g)
    return Analysis(topics, places, tone, focus)


def annotate(
    document: Document, *, focus_province: str | None = None, profiles: Sequence[Profile] | None = None
) -> Document:
    """Set ``topics``, ``provinces``, ``tone`` and ``explanations`` in place; return the document.

    Other keys already in ``explanations`` (from other stages) are kept."""
    result = analyze(document, focus_province, profiles=profiles)
    document.topics = result.topic_names
    document.provinces = result.provinces
    document.tone = result.tone.label
    document.explanations = {**(document.explanations or {}), **result.explanations()}
    return document
