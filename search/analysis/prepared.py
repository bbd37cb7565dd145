"""One pass over a document's text that every analyser shares (profiles, places, tone).

Tokenising is most of the cost of analysing an article, so it happens once here: each text field
becomes its cased tokens (for capitalisation checks on place names), lower-case exact tokens (tone
cues, gazetteer aliases) and folded tokens (the query language's default matching), with the
character offsets and sentence number of every token.

The query matcher's ``PreparedDocument`` is built from the same tokens. Its own constructor
re-runs ``normalize`` on text that ``Document`` already normalised, which alone costs ~1 ms for a
short article; ``query_document`` fills the same attributes directly and falls back to the
public ``prepare`` if that class ever changes shape (a test pins that both give equal tokens).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from search.document import TEXT_FIELDS, Document
from search.query import PreparedDocument, epoch_seconds, prepare
from search.text import MAX_TOKEN_LENGTH, fold

_WORD = re.compile(r"[^\W_]+")  # the same token pattern as search.text
# Sentence ends: terminal punctuation followed by a space/end, or a line break. "TP.HCM" and
# "12.3" are not ends (no space after the dot).
_SENTENCE_END = re.compile(r"[.!?…;:]+[\"”’')\]]*(?=\s|$)|\n")


@dataclass(slots=True)
class FieldTokens:
    """The tokens of one text field; all lists are aligned by position."""

    text: str
    cased: list[str]
    lower: list[str]
    folded: list[str]
    starts: list[int]
    ends: list[int]
    sentence: list[int]

    def gap(self, left: int, right: int) -> str:
        """Characters between token ``left`` and token ``right`` (exclusive)."""
        return self.text[self.ends[left]:self.starts[right]]


def tokenize_field(text: str) -> FieldTokens:
    matches = list(_WORD.finditer(text))
    cased = [m.group()[:MAX_TOKEN_LENGTH] for m in matches]
    starts = [m.start() for m in matches]
    ends = [m.end() for m in matches]
    lower = [t.lower() for t in cased]
    # Folding the whole text at once is ~10x faster than token by token; fall back when folding
    # changed the token boundaries (rare symbols), so the lists always stay aligned.
    folded = [t[:MAX_TOKEN_LENGTH] for t in _WORD.findall(fold(text))]
    if len(folded) != len(cased):
        folded = [fold(t) for t in cased]
    boundaries = [m.end() for m in _SENTENCE_END.finditer(text)]
    sentence = [bisect_right(boundaries, s) for s in starts] if boundaries else [0] * len(starts)
    return FieldTokens(text, cased, lower, folded, starts, ends, sentence)


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
