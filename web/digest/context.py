"""What composing a digest or an alert needs from the app, read once per run (``DigestContext``).

Its own module so that ``alerts`` and ``runner`` both use it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from flask import Flask

from search.backends.base import SearchBackend
from search.versions import VersionStore
from web import base_url as public_base_url
from web import services
from web.db import database_path
from web.digest import outbox
from web.digest.compose import Links
from web.digest.message import sender_domain, unsubscribe_token
from web.digest.model import Subscription
from web.digest.send import MailSettings
from web.organisation import default_organisation
from web.versions import store as versions_store


@dataclass
class DigestContext:
    """What composing needs from the app, read once per run."""

    backend: SearchBackend
    base_url: str
    outlet_names: dict[str, str]
    secret_key: str
    organisation: str
    mail: MailSettings
    catchup: timedelta
    links: Links
    database: Path | None = None  # the app database: follow-up items due for each recipient
    versions: VersionStore | None = None  # edits and takedowns, for the "changed" alert rule
    focus: str = ""  # the focus province, for the "own_share" rule
    provinces: dict[str, str] = field(default_factory=dict)  # outlet id -> its province

    @classmethod
    def from_app(cls, app: Flask) -> DigestContext:
        config = app.config
        focus = config.get("PRESSWATCH_FOCUS_PROVINCE", "")
        # PRESSWATCH_BASE_URL (app config or environment), else what the folder's server recorded.
        base_url = public_base_url.resolve(config).url
        return cls(
            backend=services.backend(),
            base_url=base_url,
            links=Links(base_url, app.url_map),
            outlet_names=services.outlet_names(),
            secret_key=config["SECRET_KEY"],
            organisation=str(config.get("PRESSWATCH_ORGANISATION") or default_organisation(focus)),
            mail=MailSettings.from_config(config),
            catchup=timedelta(hours=float(config.get("PRESSWATCH_DIGEST_CATCHUP_HOURS") or 36)),
            database=database_path(app),
            versions=versions_store(),
            focus=focus,
            provinces=services.outlet_provinces(),
        )

    def unsubscribe_url(self, subscription: Subscription) -> str:
        return self.links.unsubscribe(unsubscribe_token(self.secret_key, subscription.token))

    def message_id(self, subscription: Subscription, period_key: str) -> str:
        return outbox.message_id(
            subscription.id, subscription.created_at, period_key, sender_domain(self.mail.mail_from)
        )
