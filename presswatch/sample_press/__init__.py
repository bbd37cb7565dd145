"""The sample press: fictional outlet-like news sites served on 127.0.0.1 for the demo and the tests.

Six outlets (``sites.SITES``, registry ``outlets.yaml``), each with its own CMS-like markup, RSS feed,
Google News sitemap, section pages and article pages, over ~250 Vietnamese articles written for the
project (``corpus.build_corpus``) plus the seed article the project was specified from.
"""

from __future__ import annotations

from .corpus import SampleArticle, SampleImage, build_corpus
from .server import SamplePress, serve_forever

__all__ = ["SampleArticle", "SampleImage", "SamplePress", "build_corpus", "serve_forever"]
