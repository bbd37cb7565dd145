"""Delivery over real SMTP: settings, one reused connection, retries with backoff, the outbox loop.

Within a run each mail gets ``retries`` attempts with exponential delays; a mail still failing is
left ``failed`` with a ``next_attempt_at`` that doubles per attempt (capped), and later runs retry
it. When the server itself is unreachable the run stops early: the remaining mails stay in the
outbox for the next run rather than each waiting out its own retries.
"""

from __future__ import annotations

import logging
import smtplib
import sqlite3
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from typing import Any

from search.config import settings
from web.digest import outbox

log = logging.getLogger(__name__)
SECURITY = ("none", "starttls", "ssl")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}


def setting(config: Mapping[str, Any], name: str, default: str = "") -> str:
    value = config.get(name)
    if value is None or value == "":
        value = settings().get(name, default)
    return str(value)


@dataclass(frozen=True)
class MailSettings:
    host: str = "localhost"
    port: int = 25
    security: str = "none"
    username: str = ""
    password: str = ""
    mail_from: str = "Presswatch <presswatch@localhost>"
    ca_file: str = ""  # trust this CA (a self-signed server) instead of the system store
    timeout: float = 30.0
    retries: int = 3  # attempts per mail within one run
    retry_delay: float = 1.0  # seconds before the 2nd attempt in a run; doubles
    retry_after: float = 60.0  # seconds before the next run may retry; doubles per attempt
    max_retry_after: float = 3600.0
    max_attempts: int = 10  # then the mail is abandoned (visible to admins, can be retried)
    lease: float = 600.0  # seconds a 'sending' row belongs to its sender
    allow_plain_login: bool = False  # send the password over an unencrypted connection

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> MailSettings:
        """``PRESSWATCH_SMTP_*`` and ``PRESSWATCH_MAIL_FROM`` from the app config, else the environment."""
        security = setting(config, "PRESSWATCH_SMTP_SECURITY", "none").lower()
        if security not in SECURITY:
            raise ValueError(f"PRESSWATCH_SMTP_SECURITY must be one of {', '.join(SECURITY)}")
        port = setting(config, "PRESSWATCH_SMTP_PORT")
        return cls(
            host=setting(config, "PRESSWATCH_SMTP_HOST", "localhost"),
            port=int(port) if port else DEFAULT_PORTS[security],
            security=security,
            username=setting(config, "PRESSWATCH_SMTP_USERNAME"),
            password=setting(config, "PRESSWATCH_SMTP_PASSWORD"),
            mail_from=setting(config, "PRESSWATCH_MAIL_FROM", cls.mail_from),
            ca_file=setting(config, "PRESSWATCH_SMTP_CA_FILE"),
            timeout=float(setting(config, "PRESSWATCH_SMTP_TIMEOUT", "30")),
            retries=int(setting(config, "PRESSWATCH_SMTP_RETRIES", "3")),
            retry_delay=float(setting(config, "PRESSWATCH_SMTP_RETRY_DELAY", "1")),
            retry_after=float(setting(config, "PRESSWATCH_SMTP_RETRY_AFTER", "60")),
            max_attempts=int(setting(config, "PRESSWATCH_SMTP_MAX_ATTEMPTS", "10")),
            allow_plain_login=setting(config, "PRESSWATCH_SMTP_ALLOW_PLAIN_LOGIN", "0").lower()
            in ("1", "true", "yes"),
        )

    @property
    def envelope_from(self) -> str:
        return parseaddr(self.mail_from)[1]

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.ca_file or None)


class DeliveryError(Exception):
    def __init__(self, message: str, *, permanent: bool = False, server_down: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent  # this mail will never be accepted (5xx for it)
        self.server_down = server_down  # no point trying the rest of the batch now


class SMTPMailer:
    """One SMTP session reused for a batch; reconnects when the server drops it."""

    def __init__(self, settings: MailSettings, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.sleep = sleep
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.username and s.security == "none" and not s.allow_plain_login:
            # Checked before connecting: the password would cross the network readable by anyone.
            raise DeliveryError(
                "refusing to send the SMTP password without TLS: set "
                "PRESSWATCH_SMTP_SECURITY=starttls or ssl (or, for a server on this "
                "machine only, PRESSWATCH_SMTP_ALLOW_PLAIN_LOGIN=1)",
                server_down=True,
            )
        if s.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=s.tls_context())
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        try:
            smtp.ehlo()
            if s.security == "starttls":
                smtp.starttls(context=s.tls_context())
                smtp.ehlo()
            if s.username:
                smtp.login(s.username, s.password)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def __enter__(self) -> SMTPMailer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send_once(self, recipient: str, data: bytes) -> None:
        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.sendmail(self.settings.envelope_from, [recipient], data)
        except (smtplib.SMTPServerDisconnected, OSError):
            self._smtp.close()
            self._smtp = None
            raise
        except smtplib.SMTPResponseException as error:
            if error.smtp_code == 421:  # the server is closing the session
                self._smtp.close()
                self._smtp = None
            raise

    def send(self, recipient: str, data: bytes) -> None:
        """Up to ``retries`` attempts with doubling delays; DeliveryError says what failed."""
        last: DeliveryError | None = None
        for attempt in range(max(1, self.settings.retries)):
            if attempt:
                self.sleep(self.settings.retry_delay * 2 ** (attempt - 1))
            try:
                self.send_once(recipient, data)
                return
            except smtplib.SMTPRecipientsRefused as error:
                codes = [code for code, _ in error.recipients.values()]
                last = DeliveryError(
                    f"recipient refused: {error.recipients}", permanent=all(code >= 500 for code in codes)
                )
            except smtplib.SMTPAuthenticationError as error:
                last = DeliveryError(
                    f"SMTP login failed: {error.smtp_code} {error.smtp_error!r}", server_down=True
                )
                break  # a wrong password does not improve with retries
            except (smtplib.SMTPConnectError, smtplib.SMTPHeloError) as error:
                last = DeliveryError(f"SMTP server refused the session: {error}", server_down=True)
            except smtplib.SMTPResponseException as error:
                text = (
                    error.smtp_error.decode(errors="replace")
                    if isinstance(error.smtp_error, bytes)
                    else str(error.smtp_error)
                )
                last = DeliveryError(
                    f"SMTP {error.smtp_code}: {text}",
                    permanent=error.smtp_code >= 500 and not isinstance(error, smtplib.SMTPSenderRefused),
                    server_down=error.smtp_code == 421,
                )
            except (smtplib.SMTPException, OSError) as error:
                last = DeliveryError(f"{type(error).__name__}: {error}", server_down=True)
            if last.permanent:
                break
        assert last is not None
        raise last


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    abandoned: int = 0
    cancelled: int = 0
    left: int = 0  # due but not attempted because the server was down
    errors: list[str] = field(default_factory=list)


def _still_wanted(db: sqlite3.Connection, subscription_id: int) -> bool:
    row = db.execute(
        "SELECT s.active AND u.active FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE s.id = ?",
        (subscription_id,),
    ).fetchone()
    return bool(row and row[0])


def deliver(
    db: sqlite3.Connection,
    settings: MailSettings,
    now: datetime | None = None,
    *,
    mailer: SMTPMailer | None = None,
) -> DeliveryReport:
    """Send every due outbox row once. ``now`` anchors the run; the clock advances from it."""
    started, anchor = time.monotonic(), now or datetime.now(UTC)

    def clock() -> datetime:
        return anchor + timedelta(seconds=time.monotonic() - started)

    report = DeliveryReport()
    ids = outbox.due_ids(db, anchor)
    own = mailer is None
    mailer = mailer or SMTPMailer(settings)
    try:
        for position, row_id in enumerate(ids):
            row = outbox.claim(db, row_id, clock(), timedelta(seconds=settings.lease))
            if row is None:
                continue  # another sender took it
            if not _still_wanted(db, row["subscription_id"]):
                outbox.mark_cancelled(db, row_id, "subscription stopped before delivery")
                report.cancelled += 1
                continue
            try:
                mailer.send(row["recipient"], row["message"])
            except DeliveryError as error:
                attempts = row["attempts"]
                if error.permanent or attempts >= settings.max_attempts:
                    outbox.mark_failed(db, row_id, str(error), None)
                    report.abandoned += 1
                else:
                    wait = min(settings.retry_after * 2 ** (attempts - 1), settings.max_retry_after)
                    outbox.mark_failed(db, row_id, str(error), clock() + timedelta(seconds=wait))
                    report.failed += 1
                report.errors.append(f"#{row_id} {row['recipient']}: {error}")
                log.warning("digest mail #%s to %s failed: %s", row_id, row["recipient"], error)
                if error.server_down:
                    report.left = len(ids) - position - 1
                    break
                continue
            outbox.mark_sent(db, row_id, clock())
            report.sent += 1
    finally:
        if own:
            mailer.close()
    return report
