"""The shortcuts that keep ``annotate`` fast give exactly what the plain way gives.

Each shortcut is compared with a reference written here the straightforward way (the code as it
was before the shortcut), on the written evaluation sets, plain and with bodies repeated to ~600
words: the tone scan that only tries the entries whose second word follows, the place scan that
does the same for gazetteer names, the positions of first words found once per field, the tone
scan reused for the focus province's sentences, and the phrase scan's second-word filter.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import search.analysis
from devtools.evaluate import lengthen, load_set, to_document
from search.analysis import phrase_scan, tone, topic_match
from search.analysis import prepared as prepared_module
from search.analysis.gazetteer import default_gazetteer
from search.analysis.places import detect
from search.analysis.prepared import _SENTENCE_SEP, DocumentTokens, FieldTokens, FirstWords, tokenize_field
from search.analysis.profiles import load_profiles
from search.analysis.tone import default_lexicon, score_tone
from search.analysis.topic_match import compile_profiles, default_compiled, match_profile
from search.text import fold

DATA = Path(__file__).resolve().parents[1] / "data" / "analysis"


@pytest.fixture(scope="module")
def prepared() -> list[DocumentTokens]:
    items = load_set(DATA / "dev.yaml") + load_set(DATA / "heldout.yaml")
    return [DocumentTokens(to_document(item)) for item in items + [lengthen(item) for item in items[::5]]]


def _reference_tone_scan(lexicon: tone.Lexicon, tokens: FieldTokens) -> list[tuple[Any, int, int, int]]:
    """Every entry that starts with the word, longest first, compared in full at every word."""
    hits, end, lower = [], 0, tokens.lower
    for i, word in enumerate(lower):
        if i < end or word not in lexicon.entries:
            continue
        for entry in lexicon.entries[word]:
            size = len(entry.tokens)
            if size == 1 or tuple(lower[i : i + size]) == entry.tokens:
                hits.append((entry, i, i + size, tokens.sentence[i]))
                end = i + size
                break
    return hits


def test_the_tone_scan_finds_what_trying_every_entry_finds(prepared: list[DocumentTokens]) -> None:
    lexicon = default_lexicon()
    found = 0
    for text in prepared:
        for tokens in text.fields.values():
            fast = [(h.entry, h.start, h.end, h.sentence) for h in tone._scan(lexicon, tokens)]
            assert fast == _reference_tone_scan(lexicon, tokens), tokens.text[:80]
            found += sum(len(h[0].tokens) > 1 for h in fast)
    assert found > 100, "the sets exercise entries of several words"


def _source_module(name: str) -> ModuleType:
    """search/analysis/<name>.py loaded from its source as a module of its own."""
    path = Path(search.analysis.__file__ or "").parent / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_plain_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (dataclasses look their module up while it runs)
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_the_place_scan_finds_what_trying_every_name_finds(
    prepared: list[DocumentTokens], monkeypatch: pytest.MonkeyPatch
) -> None:
    g = default_gazetteer()
    fast = [detect(text, g) for text in prepared]
    # The reference: every name that starts with the word, in the gazetteer's order (longest first),
    # in a copy of places.py run as Python: a compiled places module (_native.py) calls its own
    # _by_second directly, whatever the module attribute says.
    plain = _source_module("places")
    monkeypatch.setattr(plain, "_by_second", lambda g: {w: ({}, tuple(p)) for w, p in g.patterns.items()})
    reference = [plain.detect(DocumentTokens(text.document), g) for text in prepared]
    assert [r.explanation() for r in fast] == [r.explanation() for r in reference]
    assert sum(len(r.mentions) for r in fast) > 200


def test_first_word_positions_are_those_of_a_plain_pass(prepared: list[DocumentTokens]) -> None:
    g = default_gazetteer()
    assert g.subunit_index is not None
    tables = [
        default_lexicon().by_first,
        g.patterns,
        g.blocked,
        g.merger_words,
        g.subunit_index.types_by_first,
    ]
    first = FirstWords(tables)
    for text in prepared:
        shared = DocumentTokens(text.document, first)  # one pass for all the tables
        for name, tokens in text.fields.items():
            for table in [*tables, {"và": 1, "tỉnh": 1}]:  # the last is not among them
                expected = [i for i, word in enumerate(tokens.lower) if word in table]
                assert tokens.where(table) == expected
                assert shared.fields[name].where(table) == expected


class _Forgetful(dict):
    def __setitem__(self, key: object, value: object) -> None:
        pass


def test_the_focus_tone_reuses_the_scan_and_scores_the_same(prepared: list[DocumentTokens]) -> None:
    checked = 0
    for text in prepared:
        body = text.fields["body"]
        sentences = {"title": {0}, "body": set(range(0, max(body.sentence, default=0) + 1, 2))}
        score_tone(text)  # the article's tone: fills the memo
        reused = score_tone(text, sentences=sentences)
        plain = DocumentTokens(text.document)
        plain.memo = _Forgetful()  # every field scanned anew
        fresh = score_tone(plain, sentences=sentences)
        assert (reused.label, reused.score, reused.cues) == (fresh.label, fresh.score, fresh.cues)
        checked += bool(fresh.cues)
    assert checked > 50


def test_the_phrase_scan_filter_keeps_every_occurrence(prepared: list[DocumentTokens]) -> None:
    table = default_compiled().phrases
    # Without the filter every first word is a candidate (None: "check every occurrence").
    unfiltered = type(table)(table.columns, {c: dict.fromkeys(t) for c, t in table.columns.items()})
    for text in prepared:
        columns = text.query_document().tokens
        assert table.scan(columns) == unfiltered.scan(columns)


def test_folding_and_sentence_numbers_come_out_as_computed_one_by_one(prepared: list[DocumentTokens]) -> None:
    """The per-token fold cache and the per-separator sentence-end cache, cold and warm."""
    for text in prepared[:40] + prepared[-10:]:
        for tokens in text.fields.values():
            for _ in range(2):
                again = tokenize_field(tokens.text)
                assert again.folded == [fold(t) for t in tokens.lower]
                number, expected = 0, []
                for sep in again.seps:
                    expected.append(number)
                    number += bool(_SENTENCE_SEP.search(sep))
                assert again.sentence == expected
                # numbers, not the running sum's booleans (they are stored and shown as JSON)
                assert all(type(n) is int for n in again.sentence)
                assert again.lower == [t.lower() for t in again.cased]
                prepared_module._FOLDED.clear()
                prepared_module._ENDS.clear()


def test_tokens_are_folded_only_for_profiles_that_read_folded_columns(
    prepared: list[DocumentTokens], tmp_path: Path
) -> None:
    """The default profiles match with diacritics: no token is folded, and the topics are those
    found with every column folded as before; a profile with a folded term folds and matches as
    the query matcher does."""
    compiled = default_compiled()
    assert not compiled.reads_folded
    folding = dataclasses.replace(compiled, reads_folded=True)
    for text in prepared:
        lean = DocumentTokens(text.document)
        assert compiled.match(lean) == folding.match(DocumentTokens(text.document))
        assert all(field._folded is None for field in lean.fields.values())
        # A folded column left out is still there for a reader that names it.
        body = lean.query_document(folded=False).tokens["body_f"]
        assert body == [fold(t) for t in lean.fields["body"].lower]
    path = tmp_path / "topics.yaml"
    path.write_text(
        "profiles:\n"
        "  - {key: p, name: P, description: d, min_hits: 1, exact: false,\n"
        '     query: \'"tai nan" OR "vi pham" OR (="xử lý" AND NOT "khong")\'}\n',
        encoding="utf-8",
    )
    mixed = compile_profiles(load_profiles(path))
    assert mixed.reads_folded
    tagged = 0
    for text in prepared:
        fresh = DocumentTokens(text.document)
        found = [(m.name, m.hits, m.terms) for m in mixed.match(fresh)]
        assert found == [(m.name, m.hits, m.terms) for m in [match_profile(mixed.profiles[0], fresh)] if m]
        tagged += bool(found)
    assert tagged > 10


def test_ignore_phrases_found_by_the_scan_cover_what_list_index_finds(prepared: list[DocumentTokens]) -> None:
    """The profiles' ignore phrases are found in the phrase scan's pass (negative leaf numbers):
    the positions they cover are those of searching each phrase on its own."""
    compiled = default_compiled()
    covered = 0
    for text in prepared:
        doc = text.query_document(folded=compiled.reads_folded)
        scanned = compiled.phrases.scan(doc.tokens)
        present = phrase_scan.ColumnWords(doc)
        for number, profile in enumerate(compiled.profiles):
            for column in dict.fromkeys(c for leaf in profile.leaves for c in leaf.columns):
                key, exact = column.removesuffix("_f"), column.endswith("_x")
                fast = phrase_scan.ignored_positions(scanned.get(number, {}), key)
                assert fast == topic_match._ignored(profile, column, doc, exact, present), (profile.key, key)
                covered += len(fast)
    assert covered > 100


# Letters with and without diacritics, digits, every kind of separator the texts hold, and runs of
# spaces: where str.split(" ") and the separator regex could disagree.
_PIECES = ["a", "Bắc", "ninh", "Ấ", "2025", "1", " ", " ", "  ", ",", ".", "(", ")", "-", "–", "\n", "\t"]
_PIECES += ["\xa0", "_", '"', "“", "”", "…", "!", "?", "/", "%", "TP.HCM", "(cũ)", " , ", ""]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_tokens_and_separators_are_those_of_one_regex_split(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert prepared_module._split(text) == prepared_module._regex_split(text)


def test_the_evaluation_texts_split_as_with_one_regex_split(prepared: list[DocumentTokens]) -> None:
    for text in prepared:
        for tokens in text.fields.values():
            assert prepared_module._split(tokens.text) == prepared_module._regex_split(tokens.text)
