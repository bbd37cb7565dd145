"""Search settings from the environment (``PRESSWATCH_*``); the embedded default needs none."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

# The one place the Vietnam time zone is named: dates are read, filtered and shown in it
# (no daylight saving; UTC+7). Every layer imports it from here (tests/test_layout.py checks).
TIME_ZONE = "Asia/Ho_Chi_Minh"
LOCAL_TZ = ZoneInfo(TIME_ZONE)


def data_dir() -> Path:
    """Where the embedded index, crawl state and app database live (``PRESSWATCH_DATA_DIR``)."""
    return Path(os.environ.get("PRESSWATCH_DATA_DIR") or Path.cwd() / "var")


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
    def from_env(cls, environ: dict[str, str] | None = None) -> SearchConfig:
        env = os.environ if environ is None else environ
        base = Path(env.get("PRESSWATCH_DATA_DIR") or data_dir())
        return cls(
            elasticsearch_url=env.get("PRESSWATCH_ELASTICSEARCH_URL", "").strip(),
            elasticsearch_index=env.get("PRESSWATCH_ELASTICSEARCH_INDEX", "presswatch").strip(),
            elasticsearch_username=env.get("PRESSWATCH_ELASTICSEARCH_USERNAME", ""),
            elasticsearch_password=env.get("PRESSWATCH_ELASTICSEARCH_PASSWORD", ""),
            elasticsearch_api_key=env.get("PRESSWATCH_ELASTICSEARCH_API_KEY", ""),
            elasticsearch_ca_certs=env.get("PRESSWATCH_ELASTICSEARCH_CA_CERTS", ""),
            elasticsearch_shards=int(env.get("PRESSWATCH_ELASTICSEARCH_SHARDS") or 1),
            elasticsearch_replicas=int(env.get("PRESSWATCH_ELASTICSEARCH_REPLICAS") or 0),
            embedded_path=Path(env.get("PRESSWATCH_EMBEDDED_PATH") or base / "index.sqlite3"),
        )
