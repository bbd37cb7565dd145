"""Article extraction for Vietnamese news pages; see ``pipeline`` for the steps and docs/EXTRACTION.md.

``extract_article`` never raises on bad input: a page that is not an article comes back as an
``Extraction`` with ``article=None`` and a reason, so one broken page never stops a crawl. What it
may be told (an outlet's selectors and hosts, the page budget) is one ``ExtractionOptions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.extract.options import ExtractionOptions
    from crawler.extract.pipeline import extract_article
    from crawler.extract.result import ExtractedArticle, Extraction, not_article
    from crawler.extract.selectors import validate as validate_selectors

__all__ = [
    "ExtractedArticle",
    "Extraction",
    "ExtractionOptions",
    "extract_article",
    "not_article",
    "validate_selectors",
]
# Imported on first use: the crawl's main process needs only ``dates`` (feeds, sitemaps) when
# extraction runs in worker processes, and the pipeline's libraries (extruct, justext, …) take a
# few hundred milliseconds to import.


def __getattr__(name: str) -> Any:
    if name in ("ExtractedArticle", "Extraction", "not_article", "extract_article"):
        from crawler.extract import pipeline, result

        value = getattr(pipeline if name == "extract_article" else result, name)
    elif name == "ExtractionOptions":
        from crawler.extract.options import ExtractionOptions as value
    elif name == "validate_selectors":
        from crawler.extract.selectors import validate as value
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value
