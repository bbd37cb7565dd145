"""Index backends behind one interface; ``open_backend`` picks one from the configuration."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from search.backends.base import (
    BackendUnavailable,
    Hit,
    IndexReport,
    SearchBackend,
    SearchRequest,
    SearchResult,
)
from search.config import SearchConfig

__all__ = [
    "BackendUnavailable",
    "Hit",
    "IndexReport",
    "SearchBackend",
    "SearchRequest",
    "SearchResult",
    "open_backend",
    "settings_problem",
]


def url_problem(url: str) -> str:
    """What the Elasticsearch client would refuse in ``url`` (it wants scheme, host and port), or ""."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "is not a URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "lacks http:// or https://"
    return "" if port else "lacks the port"


def alias_problem(alias: str) -> str:
    """Why Elasticsearch would refuse ``alias`` as the prefix of its index names, or "" (its rules:
    lower case, none of ``\\ / * ? " < > | , # :`` or spaces, not starting with ``- _ +``)."""
    if not alias:
        return "it is empty"
    if alias != alias.lower():
        return "it has upper-case letters"
    if bad := sorted({c for c in alias if c in '\\/*?"<>|,#: '}):
        return "it contains " + " ".join(repr(c) for c in bad)
    if alias[0] in "-_+" or alias in (".", ".."):
        return f"it starts with {alias[0]!r}"
    return ""


def settings_problem(config: SearchConfig) -> str:
    """What in the Elasticsearch settings can never work, whatever the node's state, and what to
    write instead; "" when they can (the web app refuses to start on these; a node that is only
    down is a 503 page that recovers by itself)."""
    if not config.elasticsearch_url:
        return (
            "No Elasticsearch URL: set PRESSWATCH_ELASTICSEARCH_URL "
            "(e.g. from `presswatch elasticsearch start`)."
        )
    if problem := url_problem(config.elasticsearch_url):
        return (
            # Only what follows any "user:password@", for the message.
            f"PRESSWATCH_ELASTICSEARCH_URL={config.elasticsearch_url.rsplit('@', 1)[-1]!r} {problem}: "
            "write it whole, e.g. http://127.0.0.1:9200 or https://es1.example:443."
        )
    if problem := alias_problem(config.elasticsearch_index):
        return (
            f"PRESSWATCH_ELASTICSEARCH_INDEX={config.elasticsearch_index!r} cannot name Elasticsearch "
            f"indices: {problem}. Use lower-case letters, digits, '-' and '_' (e.g. presswatch-bacninh)."
        )
    return ""


def open_backend(
    config: SearchConfig | None = None, *, backend: str | None = None, refresh: bool = False
) -> SearchBackend:
    """The configured index: Elasticsearch when a URL is set, else the embedded SQLite file."""
    config = config or SearchConfig.from_env()
    choice = backend or config.backend
    if choice == "elasticsearch":
        if problem := settings_problem(config):
            raise BackendUnavailable(problem)
        from search.backends.elastic import ElasticsearchBackend

        options: dict[str, Any] = {}
        if config.elasticsearch_username:
            options["basic_auth"] = (config.elasticsearch_username, config.elasticsearch_password)
        if config.elasticsearch_api_key:
            options["api_key"] = config.elasticsearch_api_key
        if config.elasticsearch_ca_certs:
            options["ca_certs"] = config.elasticsearch_ca_certs
        return ElasticsearchBackend(
            config.elasticsearch_url,
            config.elasticsearch_index,
            refresh=refresh,
            shards=config.elasticsearch_shards,
            replicas=config.elasticsearch_replicas,
            **options,
        )
    if choice == "embedded":
        from search.backends.embedded import EmbeddedBackend

        return EmbeddedBackend(config.embedded_path)
    raise ValueError(f"Unknown backend {choice!r}: use 'embedded' or 'elasticsearch'")
