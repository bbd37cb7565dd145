"""The mail itself: MIME parts and headers, and the signed one-click unsubscribe token."""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr

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
    """multipart/alternative (text, then HTML), in multipart/mixed when a DOCX is attached."""
    message = EmailMessage(policy=SMTP)
    message["From"] = mail_from
    local, _, domain = recipient.partition("@")
    message["To"] = Address(display_name=recipient_name or "", username=local, domain=domain)
    message["Subject"] = subject
    message["Date"] = format_datetime(date.astimezone(LOCAL_TZ))
    message["Message-ID"] = message_id
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    for name, value in (headers or {}).items():
        message[name] = value
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    if attachment:
        filename, data = attachment
        message.add_attachment(data, maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1], filename=filename)
    return message
