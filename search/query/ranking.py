"""What relevance adds to the query's own terms: the words typed side by side, as one phrase.

``thu hồi chủ trương`` (unquoted) matches the articles holding the four words anywhere; an article
holding them together, above all in its headline, is what the user meant first. Each run of
adjacent plain words of an AND becomes an extra phrase the backends score but never require:
the embedded index adds it to its bm25 MATCH (search.query.to_sqlite.fts_rank_match), Elasticsearch
as an optional ``should`` clause (search.backends.es_requests). Which articles match is decided
by the query alone; these phrases change only the order.
"""

from __future__ import annotations

from search.query.ast import And, Node, Not, Or, Phrase, Text

# Longer runs add nothing a user types on purpose and would only make long phrase queries.
MAX_RUN = 8


def _plain(node: Node | None) -> Text | None:
    """A word or phrase matched as it is (a prefix ``giao*`` has no single phrase form)."""
    return node if isinstance(node, Text) and not node.phrase.prefix else None


def adjacent_phrases(node: Node) -> list[Text]:
    """One ``Text`` phrase per run of at least two plain words written next to each other in an AND
    (same fields, same diacritics rule), outside any NOT; each run once."""
    found: list[Text] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Or):
            stack.extend(current.children)
        elif isinstance(current, And):
            run: list[Text] = []
            for child in (*current.children, None):
                word = _plain(child)
                if word is not None and run and (word.fields, word.exact) == (run[0].fields, run[0].exact):
                    run.append(word)
                    continue
                if len(run) >= 2:
                    found.append(_phrase(run[:MAX_RUN]))
                run = [word] if word is not None else []
                if child is not None and word is None and not isinstance(child, Not):
                    stack.append(child)
    return list(dict.fromkeys(found))


def _phrase(run: list[Text]) -> Text:
    tokens = tuple(token for word in run for token in word.phrase.tokens)
    return Text(
        fields=run[0].fields,
        exact=run[0].exact,
        source=" ".join(word.source for word in run),
        phrase=Phrase(tokens),
    )
