"""What the Elasticsearch backend asks and how it reads the answers: request bodies built from a
``SearchRequest`` and its parsed query, answers read into ``SearchResult``, ``StorySummary`` and
pivot tables, the bulk-load template. Pure functions of their arguments: talking to the node
(retries, errors, the alias) is ``elastic.py``'s job, the index layout ``es_indices.py``'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from search import query as ql
from search.backends.base import FACET_FIELDS, Hit, SearchRequest, SearchResult, StorySummary
from search.backends.es_indices import BULK_LOAD_SETTINGS
from search.document import KEYWORD_FIELDS, Document, fold_keyword
from search.query.ast import positive_text_leaves
from search.snippets import snippet

FACET_SIZE = 30
# Each monthly index answers a terms aggregation with its own top values only (by default
# FACET_SIZE * 1.5 + 10 = 55), so a value outside one month's top lost that month's articles from
# its count. Facet fields have a few hundred values at most (outlets, 97 province names, topics),
# so asking every index for all of them keeps the counts exact at little cost.
FACET_SHARD_SIZE = 5000
# Facets aggregate the display values (the document's attribute a query field names); filters
# compare the folded ones under ``kwf``.
FACET_SOURCE = {name: KEYWORD_FIELDS[name] for name in FACET_FIELDS}
BY_DATE = [{"published_at": "desc"}, {"doc_id": "asc"}]
# What put_index_template accepts of a template read back (the answer adds e.g. created_date_millis).
_TEMPLATE_KEYS = (
    "index_patterns",
    "template",
    "priority",
    "composed_of",
    "version",
    "_meta",
    "data_stream",
    "allow_auto_create",
    "ignore_missing_component_templates",
)


def filters(request: SearchRequest) -> list[dict[str, Any]]:
    clauses: list[dict[str, Any]] = []
    for name, values in request.filters().items():
        if values:
            clauses.append({"terms": {f"kwf.{name}": [fold_keyword(v) for v in values]}})
    start, end = request.time_bounds()
    if start or end:
        bounds = {}
        if start:
            bounds["gte"] = start.isoformat()
        if end:
            bounds["lt"] = end.isoformat()
        clauses.append({"range": {"published_at": bounds}})
    return clauses


def query(request: SearchRequest, node: ql.Node) -> dict[str, Any]:
    clause: dict[str, Any] = {
        "must": [ql.to_elasticsearch(node, now=request.now)],
        "filter": filters(request),
    }
    ranking = ql.ranking_clauses(node) if request.sort == "relevance" and request.limit > 0 else []
    if ranking:  # beside "must", "should" only scores: the same articles match
        clause["should"] = ranking
    return {"bool": clause}


def search_body(request: SearchRequest, node: ql.Node) -> dict[str, Any]:
    """The search request: the page of hits, facets, story collapse and histogram asked for."""
    body: dict[str, Any] = {
        "query": query(request, node),
        "from": request.offset,
        "size": request.limit,
        "track_total_hits": True,
        "_source": ["doc"],
        "aggs": {},
    }
    body["sort"] = BY_DATE if request.sort == "date" else [{"_score": "desc"}, *BY_DATE]
    if request.facets:
        body["aggs"] = {
            name: {
                "terms": {
                    "field": FACET_SOURCE[name],
                    "size": FACET_SIZE,
                    "shard_size": FACET_SHARD_SIZE,
                    "order": [{"_count": "desc"}, {"_key": "asc"}],
                }
            }
            for name in FACET_FIELDS
        }
    if request.collapse:
        body["collapse"] = {"field": "story_id"}
        body["aggs"]["_stories"] = {"cardinality": {"field": "story_id", "precision_threshold": 40000}}
    if request.histogram:
        body["aggs"]["_histogram"] = {
            "date_histogram": {
                "field": "published_at",
                "calendar_interval": request.histogram,
                "time_zone": "+07:00",
                "min_doc_count": 1,
            }
        }
    if request.sort == "relevance" and positive_text_leaves(node):
        # Monthly indices hold very different numbers of articles; term statistics per index
        # would rank an article by the size of its month. DFS scores with global statistics
        # (a query without text scores every match alike: no statistics to gather).
        body["search_type"] = "dfs_query_then_fetch"
    return body


def search_result(
    request: SearchRequest, node: ql.Node, response: Any, sizes: dict[str, tuple[int, int]]
) -> SearchResult:
    """The answer to ``search_body``, with each story's (articles, outlets) from ``sizes``."""
    aggregations = response.get("aggregations", {})
    terms = ql.highlight_terms(node)
    hits = []
    for raw in response["hits"]["hits"]:
        document = Document.from_source(raw["_source"]["doc"])
        articles, outlets = sizes.get(document.story_id, (1, 1))
        hits.append(
            Hit(
                document,
                float(raw.get("_score") or 0.0),
                snippet([document.sapo, document.body], terms),
                story_size=articles,
                story_outlets=outlets,
            )
        )
    facets = {
        name: [(b["key"], b["doc_count"]) for b in agg["buckets"]]
        for name, agg in aggregations.items()
        if not name.startswith("_")
    }
    histogram = [
        (datetime.fromisoformat(b["key_as_string"]).date(), b["doc_count"])
        for b in aggregations.get("_histogram", {}).get("buckets", [])
    ]
    total = aggregations["_stories"]["value"] if request.collapse else response["hits"]["total"]["value"]
    return SearchResult(total=total, hits=hits, facets=facets, histogram=histogram)


def story_sizes_aggs(story_ids: list[str]) -> dict[str, Any]:
    return {
        "stories": {
            "terms": {"field": "story_id", "size": len(story_ids)},
            "aggs": {"outlets": {"cardinality": {"field": "outlet_id"}}},
        }
    }


def story_sizes(response: Any) -> dict[str, tuple[int, int]]:
    return {
        b["key"]: (b["doc_count"], b["outlets"]["value"])
        for b in response["aggregations"]["stories"]["buckets"]
    }


def stories_aggs(size: int, first: bool = True) -> dict[str, Any]:
    """The top stories: carried by the most outlets, then the most copies; each with its first copy
    (``first=False``: the story ids only, for candidates)."""
    aggs: dict[str, Any] = {
        "stories": {
            "terms": {
                "field": "story_id",
                "size": size,
                "min_doc_count": 2,
                "order": [{"outlets": "desc"}, {"_count": "desc"}, {"_key": "asc"}],
            },
            "aggs": {
                "outlets": {"cardinality": {"field": "outlet_id"}},
                "first": {
                    "top_hits": {
                        "size": 1,
                        "_source": ["doc"],
                        "sort": [{"published_at": "asc"}, {"doc_id": "asc"}],
                    }
                },
            },
        }
    }
    if not first:
        del aggs["stories"]["aggs"]["first"]
    return aggs


def story_summaries(response: Any) -> list[StorySummary]:
    return [
        StorySummary(
            b["key"],
            b["doc_count"],
            b["outlets"]["value"],
            Document.from_source(b["first"]["hits"]["hits"][0]["_source"]["doc"]),
        )
        for b in response["aggregations"]["stories"]["buckets"]
    ]


PIVOT_PAGE = 1000  # (row, column) pairs per request; pages follow until every pair is read


def pivot_aggs(row: str, column: str, after: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every (row, column) pair, a page at a time: a composite aggregation has no top-N cut, so
    a breakdown over more than 200 outlets gives each one, as the embedded index does."""
    composite: dict[str, Any] = {
        "size": PIVOT_PAGE,
        "sources": [
            {"row": {"terms": {"field": FACET_SOURCE[row]}}},
            {"column": {"terms": {"field": FACET_SOURCE[column]}}},
        ],
    }
    if after:
        composite["after"] = after
    return {"pairs": {"composite": composite}}


def pivot_page(response: Any, table: dict[str, dict[str, int]]) -> dict[str, Any] | None:
    """Adds one page of pairs to ``table``; the key to ask for the next page, None after the last."""
    pairs = response["aggregations"]["pairs"]
    for bucket in pairs["buckets"]:
        table.setdefault(bucket["key"]["row"], {})[bucket["key"]["column"]] = bucket["doc_count"]
    return pairs.get("after_key") if len(pairs["buckets"]) == PIVOT_PAGE else None


def template_body(found: dict[str, Any]) -> dict[str, Any]:
    """An index template as read back, in the form put_index_template takes."""
    return {key: value for key, value in found["index_template"].items() if key in _TEMPLATE_KEYS}


def bulk_load_template(original: dict[str, Any]) -> dict[str, Any]:
    """The template with the bulk-load settings over its own (translog merged, not replaced)."""
    settings = original["template"].get("settings", {}).get("index", {})
    return {
        **original,
        "template": {
            **original["template"],
            "settings": {
                "index": {
                    **settings,
                    **BULK_LOAD_SETTINGS,
                    "translog": {**settings.get("translog", {}), **BULK_LOAD_SETTINGS["translog"]},
                }
            },
        },
    }
