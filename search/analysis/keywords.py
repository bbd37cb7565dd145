"""Top phrases of a result set, for charts and word clouds.

Words are segmented with underthesea's CRF word segmenter (its model ships inside the package,
so nothing is downloaded), which joins the syllables of one word ("an toàn", "Bắc Giang",
"Nguyễn Văn A"). Only multi-syllable words and all-caps acronyms (GRDP, FDI) are kept, minus the
stopword list, so "của", "và", "được", "theo" can never top the chart.

The segmenter knows dictionary words ("chuyển đổi" + "số"), so adjacent words that together
form a phrase of the topic profiles ("chuyển đổi số", "khu công nghiệp", "an toàn giao thông")
are joined again: the chart speaks the taxonomy's vocabulary.

A phrase's count is the number of documents that contain it (one long article repeating a name
twenty times should not outweigh twenty articles naming it once); ties go to the phrase with
more occurrences. Segmentation is the slow part (~1 ms per 40 words), so it is cached per text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from search.document import Document
from search.text import normalize

STOPWORDS_PATH = Path(__file__).resolve().parent / "stopwords.txt"
_LETTERS = re.compile(r"^[^\W\d_]+(?:[ \-][^\W\d_]+)*$")


@lru_cache(maxsize=4)
def load_stopwords(path: str | None = None) -> frozenset[str]:
    text = Path(path or STOPWORDS_PATH).read_text(encoding="utf-8")
    return frozenset(
        normalize(line.strip()).lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@lru_cache(maxsize=1)
def _segmenter() -> Callable[[str], list[str]]:  # underthesea has no type hints: its word list
    # Imported lazily: it costs ~0.5 s and only keyword charts need it.
    from underthesea import word_tokenize

    segment: Callable[[str], list[str]] = word_tokenize
    return segment


@lru_cache(maxsize=20_000)
def segment(text: str) -> tuple[str, ...]:
    """Words of a text, syllables of one word joined by a space ("chuyển đổi số" → 2 words)."""
    if not text.strip():
        return ()
    out: list[str] = []
    for paragraph in text.splitlines():
        if paragraph.strip():
            out.extend(_segmenter()(paragraph))
    return tuple(out)


@lru_cache(maxsize=1)
def _profile_phrases() -> frozenset[str]:
    """Multi-word phrases written in the default topic profiles, lower case."""
    from search.analysis.profiles import default_profiles
    from search.query import Text

    out = set()
    for profile in default_profiles():
        for leaf in profile.leaves:
            if isinstance(leaf, Text) and len(leaf.phrase) > 1:
                phrase = normalize(leaf.source.lstrip("=").strip('"*')).lower()
                out.add(" ".join(phrase.replace(",", " ").split()))
    return frozenset(out)


def _join_phrases(words: Sequence[str], known: frozenset[str], longest: int = 4) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 1, -1):
            candidate = " ".join(words[i : i + size])
            if candidate.lower() in known:
                out.append(candidate)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _keep(word: str, stopwords: frozenset[str]) -> bool:
    if not _LETTERS.match(word) or word.lower() in stopwords:
        return False
    if " " in word:
        return True
    return len(word) >= 2 and word.isupper()  # acronyms: GRDP, FDI, PCI


def phrases(text: str, stopwords: frozenset[str] | None = None) -> list[str]:
    """The chart-worthy words of one text, in order."""
    stopwords = load_stopwords() if stopwords is None else stopwords
    words = _join_phrases(segment(normalize(text)), _profile_phrases())
    return [w for w in words if _keep(w, stopwords)]


def keywords(
    documents: Iterable[Document], limit: int = 30, *, fields: Sequence[str] = ("title", "sapo", "body")
) -> list[tuple[str, int]]:
    """Top ``limit`` phrases across the documents as (phrase, number of documents containing it)."""
    stopwords = load_stopwords()
    in_documents: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for document in documents:
        seen: set[str] = set()
        for name in fields:
            for word in phrases(getattr(document, name) or "", stopwords):
                key = word.lower()
                occurrences[key] += 1
                spellings.setdefault(key, Counter())[word] += 1
                seen.add(key)
        in_documents.update(seen)
    ranked = sorted(in_documents, key=lambda k: (-in_documents[k], -occurrences[k], k))
    return [(spellings[k].most_common(1)[0][0], in_documents[k]) for k in ranked[:limit]]
