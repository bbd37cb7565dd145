"""Article extraction for Vietnamese news pages; see ``pipeline`` for the steps and docs/EXTRACTION.md.

``extract_article`` never raises on bad input: a page that is not an article comes back as an
``Extraction`` with ``article=None`` and a reason, so one broken page never stops a crawl.
"""

from crawler.extract.pipeline import Extraction, extract_article, not_article
from crawler.extract.selectors import validate as validate_selectors

__all__ = ["Extraction", "extract_article", "not_article", "validate_selectors"]
