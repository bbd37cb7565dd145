"""The mail itself: MIME parts and headers, and the signed one-click unsubscribe token."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import SMTP, compat32
from email.utils import format_datetime, formataddr, parseaddr

from itsdangerous import BadSignature, URLSafeSerializer

from search.document import LOCAL_TZ

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
_SALT = "presswatch.digest.unsubscribe"


def unsubscribe_token(secret_key: str, subscription_id: int, user_id: int) -> str:
    return URLSafeSerializer(secret_key, salt=_SALT).dumps([subscription_id, user_id])


def read_unsubscribe_token(secret_key: str, token: str) -> tuple[int, int] | None:
    """(subscription id, user id), or None for a tampered or malformed token."""
    try:
        value = URLSafeSerializer(secret_key, salt=_SALT).loads(token)
    except BadSignature:
        return None
    if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        return value[0], value[1]
    return None


def sender_domain(mail_from: str) -> str:
    address = parseaddr(mail_from)[1]
    return address.rpartition("@")[2] or "presswatch.local"


def build_message(*, mail_from: str, recipient: str, recipient_name: str, subject: str, text: str,
                  html: str, message_id: str, unsubscribe_url: str, date: datetime,
                  headers: dict[str, str] | None = None,
                  attachment: tuple[str, bytes] | None = None) -> EmailMessage:
    """multipart/alternative (text, then HTML), in multipart/mixed when a DOCX is attached.

    Built with the compat32 classes, whose ``Header`` folds long Vietnamese subjects correctly
    (Python 3.11's new folder drops the space where it breaks between two encoded words), then
    parsed back so callers get an ``EmailMessage`` whose ``as_bytes()`` keeps those lines as built.
    """
    alternative = MIMEMultipart("alternative")
    alternative.attach(MIMEText(text, "plain", "utf-8"))
    alternative.attach(MIMEText(html, "html", "utf-8"))
    if attachment:
        message: MIMEMultipart = MIMEMultipart("mixed")
        message.attach(alternative)
        filename, data = attachment
        part = MIMEApplication(data, _subtype=DOCX_TYPE[1])
        part.add_header("Content-Disposition", "attachment", filename=filename)
        message.attach(part)
    else:
        message = alternative
    message["From"] = _address(mail_from)
    message["To"] = formataddr((recipient_name, recipient), charset="utf-8")
    message["Subject"] = Header(subject, "utf-8", header_name="Subject")
    message["Date"] = format_datetime(date.astimezone(LOCAL_TZ))
    message["Message-ID"] = message_id
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    for name, value in (headers or {}).items():
        message[name] = value
    raw = message.as_bytes(policy=compat32.clone(linesep="\r\n"))
    return message_from_bytes(raw, policy=SMTP)  # type: ignore[return-value]


def _address(value: str) -> str:
    name, address = parseaddr(value)
    return formataddr((name, address), charset="utf-8")
