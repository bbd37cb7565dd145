"""Highlighted snippets, computed in Python so every backend shows the same text.

The work per document is bounded whatever the page: only the first ``MAX_SCAN_CHARS`` of each
text are scanned and at most ``MAX_SPANS`` matches are kept, and every step is linear in those
(a 1 MB article repeating the query words once cost minutes, quadratic in its matches).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import lru_cache

from search.text import _WORD, WORD_CHAR, fold


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    # Pages of hits repeat the same few thousand words: fold each once.
    return fold(word)


# About 4,000 words, longer than nearly every news article: a snippet is taken from the start of a
# text that long (folding and scanning it costs a few milliseconds; a 1 MB page cost minutes).
MAX_SCAN_CHARS = 20_000
# More matches than a window can show: counting further only decides between texts that are all
# full of the terms.
MAX_SPANS = 100
# Texts are folded this many characters at a time (stopping once MAX_SPANS are found); a match
# starting within FOLD_MARGIN of a chunk's end is looked for once the next chunk is folded.
FOLD_CHUNK = 4096
FOLD_MARGIN = 1024


def _token_pattern(token: str) -> str:
    """One folded query token as a whole word; ``giao*`` is any word starting with ``giao``."""
    if token.endswith("*"):
        return re.escape(token[:-1]) + (WORD_CHAR + "*" if token[:-1] else WORD_CHAR + "+")
    return re.escape(token) + f"(?!{WORD_CHAR})"


@lru_cache(maxsize=256)
def _patterns(terms: tuple[tuple[str, ...], ...]) -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    """Where a term can start (its first token as a word) and each term from such a start: the
    words of a term are separated by runs of non-word characters, as the tokenizer splits them."""
    first = "|".join(sorted({_token_pattern(term[0]) for term in terms}))
    starts = re.compile(f"(?<!{WORD_CHAR})(?:{first})")
    separator = r"[\W_]+"
    return starts, [re.compile(separator.join(map(_token_pattern, term))) for term in terms]


def _cut(text: str, start: int, at: int) -> int:
    """The end of the chunk that starts at ``start``: a space at or before ``at`` (never inside a
    word), else the first space after it, else the end of the text."""
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", start + 1, at + 1)
    if space > start:
        return space
    space = text.find(" ", at)
    return len(text) if space < 0 else space


def _matched_spans(
    text: str, terms: Sequence[tuple[str, ...]], limit: int = MAX_SPANS
) -> list[tuple[int, int]]:
    """(start, end) of the first ``limit`` matches of the terms, in ``text``'s character positions.

    The text is folded a chunk at a time, so a text full of matches costs what its first
    ``limit`` matches cost, not what its length does."""
    starts, term_patterns = _patterns(tuple(terms))
    spans: list[tuple[int, int]] = []
    folded, resume = "", 0
    while True:
        end = _cut(text, len(folded), len(folded) + FOLD_CHUNK)
        piece = fold(text[len(folded) : end])
        if len(piece) != end - len(folded):  # rare (decomposed marks, odd case mappings)
            return _matched_spans_by_word(text, terms, limit)
        # The folded text lines up with the original character for character, so a regex pass in
        # C finds where terms start (a body is thousands of words and a page shows twenty bodies).
        folded += piece
        whole = end == len(text)
        # A match starting this close to the end of what is folded may go on past it: such starts
        # wait for the next chunk.
        safe = len(folded) if whole else max(resume, len(folded) - FOLD_MARGIN)
        for start in starts.finditer(folded, resume):
            if start.start() >= safe:
                break
            for pattern in term_patterns:
                if found := pattern.match(folded, start.start()):
                    spans.append((start.start(), found.end()))
            if len(spans) >= limit:
                return spans[:limit]
        if whole:
            return spans
        resume = safe


def _matched_spans_by_word(
    text: str, terms: Sequence[tuple[str, ...]], limit: int = MAX_SPANS
) -> list[tuple[int, int]]:
    words = [(m.start(), m.end(), _folded(m.group(0))) for m in _WORD.finditer(text)]
    first_words = {term[0] for term in terms}
    any_prefix = any(token.endswith("*") for term in terms for token in term[:1])
    spans: list[tuple[int, int]] = []
    for i in range(len(words)):
        if not any_prefix and words[i][2] not in first_words:
            continue  # no term starts here
        for term in terms:
            if i + len(term) > len(words):
                continue
            ok = True
            for offset, token in enumerate(term):
                word = words[i + offset][2]
                ok = word.startswith(token[:-1]) if token.endswith("*") else word == token
                if not ok:
                    break
            if ok:
                spans.append((words[i][0], words[i + len(term) - 1][1]))
        if len(spans) >= limit:
            return spans[:limit]
    return spans


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Adjacent matches separated by spaces only become one mark: "<mark>kiến nghị</mark>"."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mark(text: str, spans: list[tuple[int, int]]) -> str:
    out, cursor = [], 0
    for start, end in _merge(text, spans):
        if start < cursor:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out)


def highlight(text: str, terms: Sequence[tuple[str, ...]]) -> str:
    """The whole text, escaped, with matches marked (for titles)."""
    return _mark(text, _matched_spans(text, terms)) if terms else html.escape(text)


def _head(text: str) -> tuple[str, bool]:
    """The first ``MAX_SCAN_CHARS`` of ``text`` cut at a space (never inside a word, where a cut
    word could match a prefix term), whitespace squeezed; and whether anything was cut."""
    cut = len(text) > MAX_SCAN_CHARS
    if cut:
        text = text[:MAX_SCAN_CHARS]
        space = max(text.rfind(" "), text.rfind("\n"))
        text = text[:space] if space > 0 else text
    # Squeezing whitespace keeps every word and separator, so matches count the same.
    return " ".join(text.split()), cut


def _densest_start(spans: list[tuple[int, int]], width: int) -> int:
    """Start of the first match that opens the window of ``width`` characters holding the most
    match starts: one pass with two pointers over the sorted starts."""
    starts = sorted(start for start, _ in spans)
    best, best_count, end = starts[0], 0, 0
    for i, start in enumerate(starts):
        if i and start == starts[i - 1]:
            continue  # the same window as the match before
        while end < len(starts) and starts[end] < start + width:
            end += 1
        if end - i > best_count:
            best, best_count = start, end - i
    return best


def snippet(texts: Sequence[str], terms: Sequence[tuple[str, ...]], width: int = 240) -> str:
    """The window of about ``width`` characters with the most matches, escaped and marked."""
    text, cut = "", False
    spans: list[tuple[int, int]] = []
    for candidate, candidate_cut in (_head(text) for text in texts if text):
        found = _matched_spans(candidate, terms) if terms else []
        if not text or len(found) > len(spans):
            text, spans, cut = candidate, found, candidate_cut
    if len(text) <= width:
        return _mark(text, spans) + (" …" if cut else "")
    start = 0
    if spans:
        # Start a little before the first match of the densest window.
        start = max(0, _densest_start(spans, width) - width // 4)
        # Back to a word's start, and on to a word's end below, within a bound (a word can be long).
        stop = max(0, start - width // 4)
        while start > stop and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    stop = min(len(text), end + width // 4)
    while end < stop and not text[end].isspace():
        end += 1
    window = text[start:end]
    inner = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) or cut else ""
    return prefix + _mark(window, inner) + suffix
