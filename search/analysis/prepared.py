"""One pass over a document's text that every analyser shares (profiles, places, tone).

Tokenising is most of the cost of analysing an article, so it happens once here: each text field
becomes its cased tokens (for capitalisation checks on place names), lower-case exact tokens (tone
cues, gazetteer aliases) and folded tokens (the query language's default matching), with the
separator after each token (place rules look at punctuation) and its sentence number.

The query matcher's ``PreparedDocument`` is built from the same tokens. Its own constructor
re-runs ``normalize`` on text that ``Document`` already normalised, which alone costs ~1 ms for a
short article; ``query_document`` fills the same attributes directly and falls back to the
public ``prepare`` if that class ever changes shape (a test pins that both give equal tokens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from search.document import TEXT_FIELDS, Document
from search.query import PreparedDocument, epoch_seconds, prepare
from search.text import MAX_TOKEN_LENGTH, fold

# Tokens are search.text's (letters and digits, "_" excluded). Sentence ends: terminal
# punctuation followed by a space or the end, or a line break; "TP.HCM" and "12.3" are not ends.
# search.text.fold walks every character in Python; news vocabulary is a few thousand syllables,
# so folding each distinct token once and caching it is ~10x faster on a long article.
_fold_token = lru_cache(maxsize=1 << 16)(fold)


@dataclass(slots=True)
class FieldTokens:
    """The tokens of one text field; all lists are aligned by position."""

    text: str
    cased: list[str]
    lower: list[str]
    folded: list[str]
    seps: list[str]  # the characters after each token, up to the next one
    sentence: list[int]

    def gap(self, left: int, right: int) -> str:
        """Characters between token ``left`` and token ``right`` (exclusive)."""
        return "".join(self.seps[left:right])

    def span_text(self, start: int, end: int) -> str:
        """The original text of tokens ``start`` to ``end`` (exclusive), separators included."""
        parts = [part for k in range(start, end - 1) for part in (self.cased[k], self.seps[k])]
        return "".join(parts) + self.cased[end - 1]


# One pass gives each token and the separator after it (separators are never empty between
# two tokens, since a token is a maximal run of letters and digits).
_TOKEN_AND_SEP = re.compile(r"([^\W_]+)([\W_]*)")
_SENTENCE_SEP = re.compile(r"[.!?…;:]+[\"”’')\]]*\s|\n")


def tokenize_field(text: str) -> FieldTokens:
    pairs = _TOKEN_AND_SEP.findall(text)
    cased = [token for token, _ in pairs]
    seps = [sep for _, sep in pairs]
    if cased and max(map(len, cased)) > MAX_TOKEN_LENGTH:
        cased = [t[:MAX_TOKEN_LENGTH] for t in cased]
    lower = [t.lower() for t in cased]
    folded = [_fold_token(t) for t in cased]
    sentence: list[int] = []
    number = 0
    for sep in seps:
        sentence.append(number)
        # Most separators are one space: test that first, the regex only for the rest.
        if sep != " " and _SENTENCE_SEP.search(sep):
            number += 1
    return FieldTokens(text, cased, lower, folded, seps, sentence)


class PreparedText:
    """Every text field of a document, tokenised once, plus the query matcher's view of it."""

    __slots__ = ("document", "fields", "_query")

    def __init__(self, document: Document) -> None:
        self.document = document
        self.fields = {name: tokenize_field(getattr(document, name) or "") for name in TEXT_FIELDS}
        self._query: PreparedDocument | None = None

    def query_document(self) -> PreparedDocument:
        if self._query is None:
            self._query = _fast_prepared(self) or prepare(self.document)
        return self._query


def _fast_prepared(prepared: PreparedText) -> PreparedDocument | None:
    """The matcher's PreparedDocument without re-normalising (see the module docstring)."""
    try:
        out = PreparedDocument.__new__(PreparedDocument)
        tokens: dict[str, list[str]] = {}
        for name, field in prepared.fields.items():
            tokens[f"{name}_f"] = field.folded
            tokens[f"{name}_x"] = field.lower
        out.document = prepared.document
        out.tokens = tokens
        out._indexes = {}
        # Profiles may not use metadata fields (checked on load), but keep the object complete.
        out.keywords = {}
        out.published_ts = epoch_seconds(prepared.document.published_at)
        return out
    except (AttributeError, TypeError):
        return None
