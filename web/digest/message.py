"""The mail itself: MIME parts and headers, and the signed one-click unsubscribe token."""

from __future__ import annotations

from datetime import datetime
from email import message_from_bytes
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import SMTP, compat32
from email.utils import format_datetime, parseaddr

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

from search.document import LOCAL_TZ

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
_SALT = "presswatch.digest.unsubscribe"


class UnsubscribeLinkExpired(Exception):
    """A genuine unsubscribe link older than its time to live."""


def _serializer(secret_key: str, issued: datetime | None = None) -> URLSafeTimedSerializer:
    if issued is None:
        return URLSafeTimedSerializer(secret_key, salt=_SALT)

    at = int(issued.timestamp())

    class IssuedSigner(TimestampSigner):
        def get_timestamp(self) -> int:
            return at

    return URLSafeTimedSerializer(secret_key, salt=_SALT, signer=IssuedSigner)


def unsubscribe_token(secret_key: str, subscription_token: str, issued: datetime | None = None) -> str:
    """A signed, dated link token for one subscription, named by its random ``token`` column (not
    its row id, which SQLite gives again after a deletion). ``issued`` is for tests (default now)."""
    return _serializer(secret_key, issued).dumps(subscription_token)


def read_unsubscribe_token(secret_key: str, token: str, max_age_days: float) -> str | None:
    """The subscription's random token, None for a tampered or malformed link; raises
    UnsubscribeLinkExpired for a genuine link issued more than ``max_age_days`` ago."""
    try:
        value = _serializer(secret_key).loads(token, max_age=round(max_age_days * 86400))
    except SignatureExpired as error:
        raise UnsubscribeLinkExpired(str(error)) from error
    except BadSignature:
        return None
    return value if isinstance(value, str) and value else None


def sender_domain(mail_from: str) -> str:
    address = parseaddr(mail_from)[1]
    return address.rpartition("@")[2] or "presswatch.local"


def build_message(
    *,
    mail_from: str,
    recipient: str,
    recipient_name: str,
    subject: str,
    text: str,
    html: str,
    message_id: str,
    unsubscribe_url: str,
    date: datetime,
    headers: dict[str, str] | None = None,
    attachment: tuple[str, bytes] | None = None,
) -> EmailMessage:
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
    # A Header object: encoded as UTF-8 words whatever the policy (typeshed wants a str here).
    message["Subject"] = Header(subject, "utf-8", header_name="Subject")  # type: ignore[assignment]
    message["Date"] = format_datetime(date.astimezone(LOCAL_TZ))
    message["Message-ID"] = message_id
    message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message["Auto-Submitted"] = "auto-generated"
    for name, value in (headers or {}).items():
        message[name] = value
    raw = message.as_bytes(policy=compat32.clone(linesep="\r\n"))
    result: EmailMessage = message_from_bytes(raw, policy=SMTP)
    # The addresses through email.headerregistry (under the SMTP policy, which refuses CR/LF in any
    # header value): a display name can never end the header or start another one.
    name, address = parseaddr(mail_from)
    result["From"] = mail_address(name, address)
    result["To"] = mail_address(recipient_name, recipient)
    return result


def mail_address(display_name: str, addr_spec: str) -> Address:
    """An address whose display name has every control character (CR, LF, TAB …) made a space."""
    return Address(display_name=clean_display_name(display_name), addr_spec=addr_spec)


def clean_display_name(name: str) -> str:
    return " ".join("".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in name).split())


# What a preview shows of a mail's headers (the web page and `presswatch digest preview`).
PREVIEW_HEADERS = ("From", "To", "Subject", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post")


def mail_parts(message: EmailMessage) -> tuple[str, str]:
    """(html, text) of a built message, as its recipient gets them."""
    html, text = message.get_body(preferencelist=("html",)), message.get_body(preferencelist=("plain",))
    if html is None or text is None:  # build_message always writes both
        raise ValueError("the message lacks its HTML or plain-text part")
    return html.get_content(), text.get_content()
