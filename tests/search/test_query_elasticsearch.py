"""Elasticsearch compiler, without Elasticsearch: DSL shape, no query_string, JSON-serialisable,
and parity with the matcher through a small reference evaluator of the emitted DSL subset that
follows Lucene's definitions (span_near slop = positions between the spans covered by neither)."""

from __future__ import annotations

import itertools
import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings

from search.document import Document, fold_keyword
from search.query import matches, parse, to_elasticsearch

try:
    from tests.search import query_corpus as corpus
except ImportError:  # tests/ not importable as a package: rootdir-relative import
    import query_corpus as corpus

DOCS = corpus.documents()
NOW = corpus.NOW
TEXT_FIELDS = {"title_f", "sapo_f", "body_f", "title_x", "sapo_x", "body_x"}
ALLOWED = {
    "bool",
    "match_all",
    "match_phrase",
    "prefix",
    "term",
    "range",
    "span_near",
    "span_term",
    "span_multi",
}
_MATCH_TEXT = {doc.id: doc.match_text() for doc in DOCS}


def clause_kinds(dsl) -> set[str]:
    kinds: set[str] = set()
    stack = [dsl]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            kinds.update(k for k in item if k in ALLOWED or k.endswith("query_string"))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return kinds


# -- reference evaluator --------------------------------------------------------------------
def _tokens(doc: Document, field: str) -> list[str]:
    text = (_MATCH_TEXT.get(doc.id) or doc.match_text())[field]
    return text.split(" ") if text else []


def _spans(query: dict, doc: Document) -> set[tuple[int, int]]:
    ((kind, body),) = query.items()
    if kind == "span_term":
        ((field, token),) = body.items()
        return {(i, i + 1) for i, t in enumerate(_tokens(doc, field)) if t == token}
    if kind == "span_multi":
        ((field, spec),) = body["match"]["prefix"].items()
        return {(i, i + 1) for i, t in enumerate(_tokens(doc, field)) if t.startswith(spec["value"])}
    assert kind == "span_near", kind
    clauses = [sorted(_spans(c, doc)) for c in body["clauses"]]
    out = set()
    for combo in itertools.product(*clauses):
        if body["in_order"]:
            gaps = [nxt[0] - prev[1] for prev, nxt in itertools.pairwise(combo)]
            if all(gap >= 0 for gap in gaps) and sum(gaps) <= body["slop"]:
                out.add((combo[0][0], combo[-1][1]))
        else:
            start, end = min(s for s, _ in combo), max(e for _, e in combo)
            if end - start - sum(e - s for s, e in combo) <= body["slop"]:
                out.add((start, end))
    return out


def es_matches(query: dict, doc: Document) -> bool:
    ((kind, body),) = query.items()
    if kind == "match_all":
        return True
    if kind == "bool":
        ok = all(es_matches(c, doc) for c in body.get("must", []) + body.get("filter", []))
        ok = ok and not any(es_matches(c, doc) for c in body.get("must_not", []))
        if "should" in body:
            ok = ok and sum(es_matches(c, doc) for c in body["should"]) >= body["minimum_should_match"]
        return ok
    if kind == "match_phrase":
        ((field, spec),) = body.items()
        assert spec["slop"] == 0 and field in TEXT_FIELDS
        words, toks = spec["query"].split(" "), _tokens(doc, field)
        return any(toks[i : i + len(words)] == words for i in range(len(toks)))
    if kind in ("term", "prefix"):
        ((field, spec),) = body.items()
        if field.startswith("kwf."):
            values = [fold_keyword(v) for v in doc.keyword_values()[field[4:]]]
        else:
            assert kind == "prefix" and field in TEXT_FIELDS
            values = _tokens(doc, field)
        if kind == "term":
            return spec["value"] in values
        return any(v.startswith(spec["value"]) for v in values)
    if kind == "range":
        spec = body["published_at"]
        when = doc.published_at.replace(microsecond=doc.published_at.microsecond // 1000 * 1000)  # ES: ms
        if "gte" in spec and when < datetime.fromisoformat(spec["gte"]):
            return False
        return not ("lt" in spec and when >= datetime.fromisoformat(spec["lt"]))
    return bool(_spans(query, doc))


# -- tests ----------------------------------------------------------------------------------
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus.queries())
def test_dsl_is_json_uses_no_query_string_and_agrees_with_matcher(query):
    node = parse(query)
    dsl = to_elasticsearch(node, now=NOW)
    assert json.loads(json.dumps(dsl)) == dsl
    kinds = clause_kinds(dsl)
    assert kinds <= ALLOWED, kinds
    for doc in DOCS:
        assert es_matches(dsl, doc) == matches(node, doc, now=NOW), (query, doc.title)


@pytest.mark.parametrize(
    "query", ['a "b c" OR de*', "x NEAR/3 y", '"tai nạn" AND "query_string"', "simple_query_string"]
)
def test_never_query_string(query):
    assert "query_string" not in json.dumps(to_elasticsearch(parse(query)))


def test_shapes():
    assert to_elasticsearch(parse("")) == {"match_all": {}}
    assert to_elasticsearch(parse("title:kiến")) == {
        "match_phrase": {"title_f": {"query": "kien", "slop": 0, "boost": 4.0}}
    }
    assert to_elasticsearch(parse("=kiế*")) == {
        "bool": {
            "should": [
                {"prefix": {f"{f}_x": {"value": "kiế", "boost": b}}}
                for f, b in (("title", 4.0), ("sapo", 2.0), ("body", 1.0))
            ],
            "minimum_should_match": 1,
        }
    }
    assert to_elasticsearch(parse("body:(a ONEAR/2 gi*)")) == {
        "span_near": {
            "clauses": [
                {"span_term": {"body_f": "a"}},
                {"span_multi": {"match": {"prefix": {"body_f": {"value": "gi"}}}}},
            ],
            "slop": 2,
            "in_order": True,
            "boost": 1.0,
        }
    }
    assert to_elasticsearch(parse('sapo:"a b c"~4'))["span_near"]["slop"] == 4
    assert to_elasticsearch(parse('sapo:("a b" NEAR/1 c)'))["span_near"]["clauses"][0] == {
        "span_near": {
            "clauses": [{"span_term": {"sapo_f": "a"}}, {"span_term": {"sapo_f": "b"}}],
            "slop": 0,
            "in_order": True,
        }
    }
    assert to_elasticsearch(parse("outlet:VnExpress")) == {"term": {"kwf.outlet": {"value": "vnexpress"}}}
    assert to_elasticsearch(parse("topic:giao*")) == {"prefix": {"kwf.topic": {"value": "giao"}}}
    assert to_elasticsearch(parse("published:[2025-01-01 TO 2025-03-31]")) == {
        "range": {
            "published_at": {
                "format": "strict_date_optional_time",
                "gte": "2025-01-01T00:00:00+07:00",
                "lt": "2025-04-01T00:00:00+07:00",
            }
        }
    }
    assert to_elasticsearch(parse("published:>=now-7d"), now=NOW) == {
        "range": {"published_at": {"format": "strict_date_optional_time", "gte": "2025-04-08T12:00:00+07:00"}}
    }
    assert to_elasticsearch(parse('-"tai nạn"'))["bool"]["must"] == [{"match_all": {}}]
    dsl = to_elasticsearch(parse("title:a -title:b outlet:x"))
    assert dsl == {
        "bool": {
            "must": [{"match_phrase": {"title_f": {"query": "a", "slop": 0, "boost": 4.0}}}],
            "filter": [{"term": {"kwf.outlet": {"value": "x"}}}],
            "must_not": [{"match_phrase": {"title_f": {"query": "b", "slop": 0, "boost": 4.0}}}],
        }
    }
