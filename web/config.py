"""Web settings from the environment (``PRESSWATCH_*``), with safe defaults for the embedded demo."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from search.config import SECRET_KEY_FILE, settings
from search.private_files import write_private
from web.organisation import organisation_name
from web.security import cookie_config, trusted_proxies


def _secret_key(directory: Path) -> str:
    """PRESSWATCH_SECRET_KEY, else a random key kept in the data folder (never in the repo)."""
    configured = settings().get("PRESSWATCH_SECRET_KEY")
    if configured:
        return configured
    path = directory / SECRET_KEY_FILE
    if not path.exists():
        # 0600 from its first byte; of two processes starting at once, the first key wins.
        write_private(path, secrets.token_hex(32).encode(), replace=False)
    return path.read_text().strip()


def _list(value: str) -> list[str]:
    return [item.strip() for item in value.split(";") if item.strip()]


def load_config() -> dict[str, Any]:
    env = settings()
    directory = env.data_dir
    return {
        "SECRET_KEY": _secret_key(directory),
        "PRESSWATCH_DATA_DIR": directory,
        "PRESSWATCH_SEARCH": env.search,
        "PRESSWATCH_FOCUS_PROVINCE": env.focus_province,
        "PRESSWATCH_PAGE_SIZE": int(env.get("PRESSWATCH_PAGE_SIZE", "20")),
        "PRESSWATCH_ORGANISATION": organisation_name(),
        "PRESSWATCH_REPORT_HEADER": env.get("PRESSWATCH_REPORT_HEADER", "party"),
        # The điểm báo's number line, signer and recipients (Hướng dẫn 36-HD/VPTW form);
        # lists are ";"-separated.
        "PRESSWATCH_REPORT_NUMBER_SUFFIX": env.get("PRESSWATCH_REPORT_NUMBER_SUFFIX", "-ĐB/BTGDVTU"),
        "PRESSWATCH_REPORT_SIGNER": env.get("PRESSWATCH_REPORT_SIGNER", ""),
        "PRESSWATCH_REPORT_SIGNER_TITLE": _list(
            env.get("PRESSWATCH_REPORT_SIGNER_TITLE", "K/T TRƯỞNG BAN;PHÓ TRƯỞNG BAN")
        ),
        "PRESSWATCH_REPORT_RECIPIENTS": _list(
            env.get(
                "PRESSWATCH_REPORT_RECIPIENTS",
                "Thường trực Tỉnh ủy (để báo cáo);Lãnh đạo Ban;Lưu Văn phòng Ban",
            )
        ),
        "PRESSWATCH_REPORT_MAX_CLIPPINGS": int(env.get("PRESSWATCH_REPORT_MAX_CLIPPINGS", "300")),
        "PRESSWATCH_TRUSTED_PROXIES": trusted_proxies(),
        **cookie_config(env.get("PRESSWATCH_BASE_URL", "")),
        "JSON_AS_ASCII": False,
        "PRESSWATCH_MAX_SUBSCRIPTIONS": int(env.get("PRESSWATCH_MAX_SUBSCRIPTIONS", "50") or 50),
        # A negative story about the focus province carried by this many outlets opens a follow-up
        # item at the next digest run (0: never).
        "PRESSWATCH_FOLLOWUP_MIN_OUTLETS": int(env.get("PRESSWATCH_FOLLOWUP_MIN_OUTLETS", "3") or 3),
        # The dashboard's coverage gaps: a topic with no article for this many days.
        "PRESSWATCH_GAP_DAYS": max(1, int(env.get("PRESSWATCH_GAP_DAYS", "7") or 7)),
        "PRESSWATCH_UNSUBSCRIBE_DAYS": float(env.get("PRESSWATCH_UNSUBSCRIBE_DAYS", "90") or 90),
        # Explicit, because flask-limiter keeps its on/off switch on the one shared Limiter: an app
        # made without it would inherit the last app's (a test's RATELIMIT_ENABLED=False).
        "RATELIMIT_ENABLED": True,
        # Failed logins allowed per account and per client address (flask-limiter syntax).
        "PRESSWATCH_LOGIN_LIMIT_ACCOUNT": env.get("PRESSWATCH_LOGIN_LIMIT_ACCOUNT", "5 per minute"),
        "PRESSWATCH_LOGIN_LIMIT_IP": env.get("PRESSWATCH_LOGIN_LIMIT_IP", "30 per minute"),
    }
