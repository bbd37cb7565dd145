"""One pass over a document's text that every analyser shares (profiles, places, tone).

Tokenising is most of the cost of analysing an article, so it happens once here: each text field
becomes its cased tokens (for capitalisation checks on place names), lower-case exact tokens (tone
cues, gazetteer aliases, profiles matching with diacritics) and, when asked for, folded tokens
(accent-insensitive query terms), with the separator after each token (place rules look at
punctuation) and its sentence number.

The query matcher's ``MatchableDocument`` is built from the same tokens. Its own constructor
re-runs ``normalize`` on text that ``Document`` already normalised, which alone costs ~1 ms for a
short article; ``query_document`` fills the same attributes directly and falls back to the
public ``matchable`` if that class ever changes shape (a test pins that both give equal tokens).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain
from typing import Any, Protocol, TypeVar

from search.document import TEXT_FIELDS, Document
from search.query import MatchableDocument, epoch_seconds, matchable
from search.text import MAX_TOKEN_LENGTH, fold

# Tokens are search.text's (letters and digits, "_" excluded). Sentence ends: terminal
# punctuation followed by a space or the end, or a line break; "TP.HCM" and "12.3" are not ends.


class FirstWords:
    """The tables that analysers look up at every token of a field (the words that start a tone
    cue, a place name, a blocked look-alike, a sub-unit type, a merger word): a pass over the
    tokens per table cost more than one pass for all of them and a short one per table."""

    __slots__ = ("tables", "words")

    def __init__(self, tables: Iterable[Mapping[str, Any]]) -> None:
        # Held here, so the id of each stays its own while this object lives.
        self.tables = {id(table): table for table in tables}
        self.words = frozenset(chain.from_iterable(self.tables.values()))


@dataclass(slots=True)
class FieldTokens:
    """The tokens of one text field; all lists are aligned by position."""

    text: str
    cased: list[str]
    lower: list[str]
    seps: list[str]  # the characters after each token, up to the next one
    sentence: list[int]
    words: frozenset[str] = frozenset()  # the distinct lower-case tokens: rare tables are skipped
    first: FirstWords | None = None
    _marks: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _folded: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def folded(self) -> list[str]:
        """The folded tokens (accent-insensitive matching), made on first use: profiles that
        match with diacritics (topics.yaml's default) never read them, and folding every token
        was about 5 % of analysing a long article."""
        if self._folded is None:
            self._folded = _fold_all(self.lower)
        return self._folded

    def where(self, table: Mapping[str, Any]) -> list[int]:
        """Ascending positions of the lower-case tokens that are keys of ``table``.

        A table of ``first`` (tone cues, place names …) only looks at the positions where any of
        those tables has a word, found in one pass per field (about a third of the tokens); any
        other table gets a pass of its own."""
        lower = self.lower
        if self.first is None or id(table) not in self.first.tables:
            return [i for i, word in enumerate(lower) if word in table]
        marks = self._marks
        if marks is None:
            words = self.first.words
            marks = self._marks = [i for i, word in enumerate(lower) if word in words]
        return [i for i in marks if lower[i] in table]

    def gap(self, left: int, right: int) -> str:
        """Characters between token ``left`` and token ``right`` (exclusive)."""
        return "".join(self.seps[left:right])

    def span_text(self, start: int, end: int) -> str:
        """The original text of tokens ``start`` to ``end`` (exclusive), separators included."""
        parts = [part for k in range(start, end - 1) for part in (self.cased[k], self.seps[k])]
        return "".join(parts) + self.cased[end - 1]


class _Words(Protocol):
    @property
    def tokens(self) -> tuple[str, ...]: ...


W = TypeVar("W", bound=_Words)


def by_second(candidates: Sequence[W]) -> tuple[dict[str, tuple[W, ...]], tuple[W, ...]]:
    """Entries that start with the same word (a lexicon's or gazetteer's, longest first) split into
    those of two words or more by their second word, and the one-word ones, each in the given
    order. At a position only the entries whose second word follows can match: trying those, then
    the one-word ones, finds the same first match as trying them all, with far fewer comparisons."""
    longer: dict[str, list[W]] = {}
    for entry in candidates:
        if len(entry.tokens) > 1:
            longer.setdefault(entry.tokens[1], []).append(entry)
    singles = tuple(entry for entry in candidates if len(entry.tokens) == 1)
    return {word: tuple(entries) for word, entries in longer.items()}, singles


# Tokens and the separators between them: one C-level split gives both (a token is a maximal run
# of letters and digits, so separators between two tokens are never empty).
_SEPARATORS = re.compile(r"([\W_]+)")
_SENTENCE_SEP = re.compile(r"[.!?…;:]+[\"”’')\]]*\s|\n")
# Folded form of each lower-case token seen so far (news vocabulary is a few thousand syllables);
# cleared when it grows past the bound, so odd input cannot make it grow without limit.
_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 1 << 17
# Whether a separator ends a sentence, per separator seen (", ", ". ", "\n" … a few dozen forms),
# bounded the same way: a dict lookup instead of a regex search at each punctuation mark.
_ENDS: dict[str, bool] = {}
_ENDS_KNOWN = {" ": False, "": False}  # what the cache starts with (and with after a clear)
_ENDS.update(_ENDS_KNOWN)


def _learn_end(sep: str) -> bool:
    if len(_ENDS) > _FOLDED_MAX:
        _ENDS.clear()
        _ENDS.update(_ENDS_KNOWN)
    ends = _ENDS[sep] = _SENTENCE_SEP.search(sep) is not None
    return ends


def _split(text: str) -> tuple[list[str], list[str]]:
    """Each token and the characters after it, up to the next token.

    Most of a text is words between single spaces: ``str.split(" ")`` cuts those, and only the
    pieces that are not all letters and digits ("Ninh,", "(cũ)", "TP.HCM", "") go through the
    separator regex. Compiled (_native.py) this is about twice as fast as one ``re.split`` of the
    whole text; the result is the same (``_regex_split``, which a test compares it with)."""
    tokens: list[str] = []
    seps: list[str] = []
    sep = ""  # the separator characters after the last token so far (before the first: dropped)
    for n, piece in enumerate(text.split(" ")):
        if n:
            sep += " "
        if piece.isalnum():
            if tokens:
                seps.append(sep)
            tokens.append(piece)
            sep = ""
        elif piece:
            for k, part in enumerate(_SEPARATORS.split(piece)):
                if k % 2:
                    sep += part
                elif part:
                    if tokens:
                        seps.append(sep)
                    tokens.append(part)
                    sep = ""
    if tokens:
        seps.append(sep)
    return tokens, seps


def _regex_split(text: str) -> tuple[list[str], list[str]]:
    """``_split`` as one ``re.split`` of the whole text (what it was; the reference for it)."""
    parts = _SEPARATORS.split(text)
    tokens, seps = parts[0::2], parts[1::2]
    if tokens and not tokens[0]:  # the text starts with a separator
        tokens, seps = tokens[1:], seps[1:]
    if not tokens:
        return [], []
    if tokens[-1]:
        seps.append("")
    else:  # the text ends with a separator: it belongs to the last token
        tokens.pop()
    return tokens, seps


def _fold_all(lower: list[str]) -> list[str]:
    try:
        # Every token seen before, the common case: no scan of the result for misses (a test for
        # None compares each string with None, which cost as much as the lookups).
        return list(map(_FOLDED.__getitem__, lower))
    except KeyError:
        pass
    folded = list(map(_FOLDED.get, lower))
    if None in folded:
        if len(_FOLDED) > _FOLDED_MAX:
            _FOLDED.clear()
        folded = [
            f if f is not None else _FOLDED.setdefault(t, fold(t)) for f, t in zip(folded, lower, strict=True)
        ]
    return folded  # type: ignore[return-value]


def tokenize_field(text: str, first: FirstWords | None = None) -> FieldTokens:
    cased, seps = _split(text)
    if cased and max(map(len, cased)) > MAX_TOKEN_LENGTH:
        cased = [t[:MAX_TOKEN_LENGTH] for t in cased]
    # One C-level map (no per-token bytecode; cheaper than lower-casing the joined tokens and
    # splitting them again, which also made a second list of strings).
    lower = list(map(str.lower, cased))
    # Token k's sentence is the number of sentence ends among the separators before it: one map
    # over the separators ("" and " " are known to end none) and a running sum, both in C.
    try:
        ends = list(map(_ENDS.__getitem__, seps))
    except KeyError:
        ends = [_ENDS[sep] if sep in _ENDS else _learn_end(sep) for sep in seps]
    sentence = list(accumulate(ends[:-1], initial=0)) if ends else []
    return FieldTokens(text, cased, lower, seps, sentence, frozenset(lower), first)


class DocumentTokens:
    """Every text field of a document, tokenised once, plus the query matcher's view of it."""

    __slots__ = ("document", "fields", "memo", "_query")

    def __init__(self, document: Document, first: FirstWords | None = None) -> None:
        self.document = document
        self.fields = {name: tokenize_field(getattr(document, name) or "", first) for name in TEXT_FIELDS}
        # What one analyser found that another reuses (the tone scan, read again for the tone
        # toward the focus province), keyed by the analyser's own key.
        self.memo: dict[Any, Any] = {}
        self._query: MatchableDocument | None = None

    def query_document(self, folded: bool = True) -> MatchableDocument:
        """The matcher's view: ``title_x`` … (lower-case) and, unless ``folded`` is false (the
        caller's queries read no folded column), ``title_f`` … in the matcher's column order."""
        query = self._query
        if query is None or (folded and not all(f"{name}_f" in query.tokens for name in self.fields)):
            query = self._query = _fast_matchable(self, folded) or matchable(self.document)
        return query


class _Columns(dict[str, list[str]]):
    """Columns by name; a folded column left out (``query_document(folded=False)``) is still
    given to whoever asks for it by name, made then (the matcher's own reads)."""

    __slots__ = ("fields",)

    def __init__(self, fields: Mapping[str, FieldTokens]) -> None:
        super().__init__()
        self.fields = fields

    def __missing__(self, column: str) -> list[str]:
        name, _, kind = column.rpartition("_")
        if kind != "f" or name not in self.fields:
            raise KeyError(column)
        return self.fields[name].folded


def _fast_matchable(prepared: DocumentTokens, folded: bool = True) -> MatchableDocument | None:
    """The matcher's MatchableDocument without re-normalising (see the module docstring)."""
    try:
        out = MatchableDocument.__new__(MatchableDocument)
        tokens = _Columns(prepared.fields)
        for name, field in prepared.fields.items():
            if folded:
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
