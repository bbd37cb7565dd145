"""Vietnamese phrase data for the sample press, one module per pair of topics."""

from __future__ import annotations

from .base import Scenario, Topic
from .business import GROWTH, INVESTMENT
from .environment import CULTURE, ENVIRONMENT
from .government import ADMIN_REFORM, DIGITAL
from .other import OTHER
from .politics import PERSONNEL, SECURITY
from .public import LAND, PUBLIC_INVESTMENT
from .society import FOOD, TRAFFIC

TOPICS: dict[str, Topic] = {t.key: t for t in (
    TRAFFIC, INVESTMENT, DIGITAL, PUBLIC_INVESTMENT, LAND, FOOD, ENVIRONMENT, CULTURE, ADMIN_REFORM,
    PERSONNEL, SECURITY, GROWTH)}
TOPIC_KEYS: tuple[str, ...] = tuple(TOPICS)

__all__ = ["OTHER", "TOPICS", "TOPIC_KEYS", "Scenario", "Topic"]
