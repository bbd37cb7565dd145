"""The settings: every ``PRESSWATCH_*`` environment variable is read here and nowhere else
(tests/test_layout.py checks), into one ``Settings`` object every layer reaches the same way,
``settings()``. It sits in the bottom layer because every layer needs it. The embedded default
needs no variable at all."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

# The one place the Vietnam time zone is named: dates are read, filtered and shown in it
# (no daylight saving; UTC+7). Every layer imports it from here (tests/test_layout.py checks).
TIME_ZONE = "Asia/Ho_Chi_Minh"
LOCAL_TZ = ZoneInfo(TIME_ZONE)


PREFIX = "PRESSWATCH_"

# Every file of the data folder, named once: each owner opens its own, backups copy them all.
INDEX_FILE = "index.sqlite3"  # the embedded index (search.backends.embedded)
APP_FILE = "app.sqlite3"  # accounts, subscriptions, follow-up, managed outlets (web.db)
CRAWL_STATE_FILE = "crawl_state.sqlite3"  # seen articles, pending links, outlet health (crawler.state)
STORIES_FILE = "stories.sqlite3"  # the story grouping's LSH table (search.stories)
SPOOL_FILE = "spool.sqlite3"  # batches the index could not take, dead letters (search.spool)
CORRECTIONS_FILE = "corrections.sqlite3"  # staff corrections (search.corrections)
VERSIONS_FILE = "versions.sqlite3"  # first-seen copies, edits, takedowns (search.versions)
SCHEDULER_FILE = "scheduler.sqlite3"  # the jobs of `presswatch up` (presswatch.scheduler)
TOPICS_FILE = "topics.yaml"  # the admins' topic profiles (over the packaged ones)
OUTLETS_FILE = "outlets.yaml"  # the registry as the admins edited it, for the crawl
SECRET_KEY_FILE = "secret_key"  # the app's session key when PRESSWATCH_SECRET_KEY is not set
SERVER_FILE = "server.json"  # the address the web server last served this folder at (web.base_url)
# What a backup holds: the databases (copied with SQLite's backup API) and the plain files.
BACKED_UP_DATABASES = (
    APP_FILE,
    CRAWL_STATE_FILE,
    STORIES_FILE,
    SPOOL_FILE,
    INDEX_FILE,
    CORRECTIONS_FILE,
    VERSIONS_FILE,
)
BACKED_UP_FILES = (SECRET_KEY_FILE, TOPICS_FILE)
# The province watched when PRESSWATCH_FOCUS_PROVINCE is not set; the organisation defaults to its
# Ban Tuyên giáo và Dân vận (web/organisation.py names it).
DEFAULT_FOCUS = "Bắc Ninh"
FOCUS_ENV = "PRESSWATCH_FOCUS_PROVINCE"


@dataclass(frozen=True)
class Settings:
    """The ``PRESSWATCH_*`` variables as read once from the environment, with the settings every
    layer shares as properties; a layer's own knobs are read with ``get``/``integer``/``number``/
    ``flag`` (same defaults as documented in README and OPERATIONS)."""

    values: Mapping[str, str] = field(default_factory=dict)
    time_zone: str = TIME_ZONE

    def get(self, name: str, default: str = "") -> str:
        """The variable as set (even empty), else ``default`` — ``os.environ.get``'s meaning."""
        if not name.startswith(PREFIX):
            raise KeyError(f"{name}: settings hold only {PREFIX}* variables")
        return self.values.get(name, default)

    def integer(self, name: str, default: int) -> int:
        value = self._parsed(name, int, "a whole number")
        return default if value is None else int(value)

    def number(self, name: str, default: float) -> float:
        value = self._parsed(name, float, "a number")
        return default if value is None else float(value)

    def _parsed(self, name: str, kind: type[int] | type[float], what: str) -> int | float | None:
        """The variable as a number, None when unset or empty; an error that names it if not."""
        value = self.get(name).strip()
        try:
            return kind(value) if value else None
        except ValueError:
            raise ValueError(f"{name} must be {what}, not {value!r}") from None

    def flag(self, name: str, default: bool) -> bool:
        value = self.get(name).strip().lower()
        if not value:
            return default
        if value in ("1", "true", "yes", "on"):
            return True
        if value in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"{name} must be 1 or 0, not {value!r}")

    @property
    def data_dir(self) -> Path:
        """Where the embedded index, crawl state and app database live (``PRESSWATCH_DATA_DIR``)."""
        return Path(self.get("PRESSWATCH_DATA_DIR") or Path.cwd() / "var")

    @property
    def focus_province(self) -> str:
        return focus_province(self.values)

    @property
    def organisation(self) -> str:
        """``PRESSWATCH_ORGANISATION`` as set ("" = the focus province's board)."""
        return self.get("PRESSWATCH_ORGANISATION").strip()

    @property
    def search(self) -> SearchConfig:
        return SearchConfig.from_settings(self)


def settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings of this environment (default: the process's). Built once per set of values:
    a test or a command that changes a variable gets a new object, everyone else the same one."""
    env = os.environ if environ is None else environ
    # Keys first, then the few values wanted: os.environ decodes every value it yields.
    return _settings(frozenset((k, env[k]) for k in env if k.startswith(PREFIX)))


def focus_province(values: Mapping[str, str] = os.environ) -> str:
    """The province watched: ``PRESSWATCH_FOCUS_PROVINCE`` when set and not empty, else
    ``DEFAULT_FOCUS``. ``Settings.focus_province`` gives it from its values; the analysis asks for
    it per article with the default, the process's environment, read as this one variable (listing
    the environment, as ``settings()`` does, was about 1 % of analysing a long article)."""
    return values.get(FOCUS_ENV) or DEFAULT_FOCUS


@lru_cache(maxsize=8)
def _settings(values: frozenset[tuple[str, str]]) -> Settings:
    return Settings(dict(values))


def data_dir() -> Path:
    """Where the embedded index, crawl state and app database live (``PRESSWATCH_DATA_DIR``)."""
    return settings().data_dir


@dataclass(frozen=True)
class SearchConfig:
    elasticsearch_url: str = ""
    elasticsearch_index: str = "presswatch"
    elasticsearch_username: str = ""
    elasticsearch_password: str = ""
    elasticsearch_api_key: str = ""
    elasticsearch_ca_certs: str = ""
    elasticsearch_shards: int = 1
    elasticsearch_replicas: int = 0  # production clusters of 3+ nodes: 1
    embedded_path: Path = Path("var/index.sqlite3")

    @property
    def backend(self) -> str:
        return "elasticsearch" if self.elasticsearch_url else "embedded"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> SearchConfig:
        return cls.from_settings(settings(environ))

    @classmethod
    def from_settings(cls, config: Settings) -> SearchConfig:
        get = config.get
        return cls(
            elasticsearch_url=get("PRESSWATCH_ELASTICSEARCH_URL", "").strip(),
            elasticsearch_index=get("PRESSWATCH_ELASTICSEARCH_INDEX", "presswatch").strip(),
            elasticsearch_username=get("PRESSWATCH_ELASTICSEARCH_USERNAME", ""),
            elasticsearch_password=get("PRESSWATCH_ELASTICSEARCH_PASSWORD", ""),
            elasticsearch_api_key=get("PRESSWATCH_ELASTICSEARCH_API_KEY", ""),
            elasticsearch_ca_certs=get("PRESSWATCH_ELASTICSEARCH_CA_CERTS", ""),
            elasticsearch_shards=int(get("PRESSWATCH_ELASTICSEARCH_SHARDS") or 1),
            elasticsearch_replicas=int(get("PRESSWATCH_ELASTICSEARCH_REPLICAS") or 0),
            embedded_path=Path(get("PRESSWATCH_EMBEDDED_PATH") or config.data_dir / INDEX_FILE),
        )
