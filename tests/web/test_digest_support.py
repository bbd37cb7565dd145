"""Shared parts of the digest tests (no tests here): a real SMTP server, an app, a corpus.

``SMTPSink`` is an aiosmtpd server in this process on a free 127.0.0.1 port; it can refuse
mail mid-session (421) or be stopped and started again on the same port.
"""

from __future__ import annotations

import email
import socket
import ssl
import threading
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from search.document import LOCAL_TZ, Document
from tests.helpers import make_user

BASE_URL = "http://presswatch.test"
SMTP_USER, SMTP_PASSWORD = "presswatch", "mat-khau-smtp"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Handler:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.accept_limit: int | None = None  # after this many mails: 421 and hang up
        self.sessions: list[dict] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self.lock:
            if self.accept_limit is not None and len(self.received) >= self.accept_limit:
                return "421 4.3.2 Service shutting down"
            self.received.append(
                (envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content)
            )
            tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
            self.sessions.append(
                {
                    "tls": tls,
                    "auth": session.authenticated,
                    "login": getattr(session.auth_data, "login", None),
                }
            )
        return "250 2.0.0 OK"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        getattr(auth_data, "login", b"") == SMTP_USER.encode()
        and getattr(auth_data, "password", b"") == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


class SMTPSink:
    def __init__(
        self, *, tls_context: ssl.SSLContext | None = None, implicit_tls: bool = False, auth: bool = False
    ) -> None:
        self.port = free_port()
        self.handler = Handler()
        self.tls_context, self.implicit_tls, self.auth = tls_context, implicit_tls, auth
        self.controller: Controller | None = None

    def start(self) -> SMTPSink:
        options: dict = {}
        if self.tls_context and self.implicit_tls:
            options["ssl_context"] = self.tls_context
        elif self.tls_context:
            options.update(tls_context=self.tls_context, require_starttls=True)
        if self.auth:
            # aiosmtpd sees TLS only after STARTTLS; with implicit TLS the transport is already secure
            options.update(
                authenticator=authenticator, auth_require_tls=bool(self.tls_context) and not self.implicit_tls
            )
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, server_hostname="localhost", **options
        )
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[EmailMessage]:
        return [email.message_from_bytes(data, policy=default_policy) for _, _, data in self.handler.received]

    def config(self) -> dict:
        return {"PRESSWATCH_SMTP_HOST": "127.0.0.1", "PRESSWATCH_SMTP_PORT": str(self.port)}


def self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """A certificate for 'localhost' / 127.0.0.1 and its key, made with `cryptography`."""
    import ipaddress
    from datetime import timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=7))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "smtp-cert.pem", directory / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def make_app(smtp: SMTPSink | None = None, **overrides):
    from presswatch.app import create_app

    config = {
        "SECRET_KEY": "digest-tests-secret",
        "PRESSWATCH_BASE_URL": BASE_URL,
        "PRESSWATCH_FOCUS_PROVINCE": "Bắc Ninh",
        "PRESSWATCH_MAIL_FROM": "Presswatch <diem-bao@tuyengiao.test>",
        "PRESSWATCH_SMTP_RETRY_DELAY": "0.01",
        "PRESSWATCH_SMTP_TIMEOUT": "5",
        "PRESSWATCH_SMTP_HOST": "127.0.0.1",
        "PRESSWATCH_SMTP_PORT": str(free_port()),
    }
    config.update(smtp.config() if smtp else {})
    config.update(overrides)
    return create_app(config)


def local(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=LOCAL_TZ)


def doc(
    n: int,
    title: str,
    when: datetime,
    *,
    outlet: str = "baobacninh",
    provinces=("Bắc Ninh",),
    topics=(),
    tone: str = "neutral",
    story: str = "",
    sapo: str = "",
    crawled: datetime | None = None,
    outlet_name: str = "",
) -> Document:
    return Document(
        url=f"https://{outlet}.vn/tin-{n}.html",
        outlet_id=outlet,
        outlet_kind="central-daily",
        outlet_name=outlet_name or outlet,
        title=title,
        sapo=sapo or f"Tóm tắt bài {n}: {title}.",
        body=f"Nội dung bài {n}. {title}.",
        published_at=when,
        provinces=list(provinces),
        topics=list(topics),
        tone=tone,
        story_id=story,
        crawled_at=crawled,
    )


TITLE_LATE = "Bắc Ninh: xe khách lật trên quốc lộ 18 lúc nửa đêm, ba người bị thương"
TITLE_EARLY = "Bắc Ninh khởi công khu công nghiệp Yên Phong mở rộng"
TITLE_FDI = "Bắc Ninh thu hút 1 tỷ USD vốn FDI trong tháng 11"


def corpus() -> list[Document]:
    """19/11/2026 is the digest day: 23:59 belongs to it, 00:01 on the 20th does not."""
    return [
        doc(
            1,
            TITLE_LATE,
            local(19, 23, 59),
            topics=["An toàn giao thông"],
            tone="negative",
            sapo="Vụ tai nạn giao thông xảy ra lúc 23 giờ 59 phút; lực lượng chức năng đã có mặt.",
        ),
        doc(2, TITLE_EARLY, local(20, 0, 1), topics=["Thu hút đầu tư"], tone="positive"),
        doc(
            3,
            TITLE_FDI,
            local(19, 8),
            outlet="vnexpress",
            topics=["Thu hút đầu tư"],
            tone="positive",
            story="s-fdi",
            outlet_name="VnExpress",
        ),
        doc(
            4,
            TITLE_FDI + " (cập nhật)",
            local(19, 9),
            outlet="tuoitre",
            topics=["Thu hút đầu tư"],
            tone="positive",
            story="s-fdi",
            outlet_name="Tuổi Trẻ",
        ),
        doc(
            5,
            "Vốn FDI đổ vào Bắc Ninh đạt 1 tỷ USD",
            local(19, 10),
            outlet="thanhnien",
            topics=["Thu hút đầu tư"],
            tone="positive",
            story="s-fdi",
            outlet_name="Thanh Niên",
        ),
        doc(6, "Bắc Ninh rà soát dự án chậm tiến độ", local(18, 9), topics=["Đầu tư công"]),
        doc(
            7,
            "Bắc Ninh: người dân phản ánh ô nhiễm nước thải",
            local(18, 15),
            topics=["Môi trường"],
            tone="negative",
        ),
        doc(
            8,
            "Hà Nội thông xe cầu mới",
            local(19, 11),
            provinces=["Hà Nội"],
            outlet="hanoimoi",
            topics=["Đầu tư công"],
        ),
    ]


def index(app, documents: list[Document]) -> None:
    from web import services

    with app.app_context():
        report = services.backend().index(documents)
        assert report.indexed == len(documents) and not report.errors


def add_subscription(
    app,
    *,
    email: str | None = None,
    kind: str = "province",
    target: str = "Bắc Ninh",
    frequency: str = "daily",
    send_at: str = "07:00",
    created: datetime | None = None,
    alert_rule: str = "match",
    min_outlets: int = 3,
    attach_docx: bool = False,
    role: str = "viewer",
    name: str = "Nguyễn Thị Hằng",
) -> tuple[int, str]:
    """A subscription (and its user when ``email`` is new); returns (subscription id, email)."""
    from web.db import connect, database_path
    from web.digest.model import save_settings

    with connect(database_path(app)) as db:
        row = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone() if email else None
    if row is None:
        email, _ = make_user(app, role, email=email)
    with connect(database_path(app)) as db:
        user_id = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()[0]
        db.execute("UPDATE users SET name = ? WHERE id = ?", (name, user_id))
        created_text = (created or local(1, 0)).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        cursor = db.execute(
            "INSERT INTO subscriptions(user_id, kind, target, frequency, send_at, created_at) "
            "VALUES (?,?,?,?,?,?)",
            (user_id, kind, target, frequency, send_at, created_text),
        )
        save_settings(
            db, cursor.lastrowid, alert_rule=alert_rule, min_outlets=min_outlets, attach_docx=attach_docx
        )
        db.commit()
        return cursor.lastrowid, email


def save_search(app, email: str, args: dict, name: str = "", password: str = "mat-khau-123") -> str:
    """Save a search as staff do: log in, open the search page with ``args``, press "Lưu".

    Returns the new saved search's id (read from the saved-searches page, newest first).
    """
    import re
    from html import unescape

    from tests.helpers import login

    client = app.test_client()
    assert login(client, email, password).status_code == 302
    page = client.get("/search", query_string=args).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    state = unescape(re.search(r'name="query_string" value="([^"]*)"', page).group(1))
    response = client.post("/search/saved", data={"csrf_token": token, "name": name, "query_string": state})
    assert response.status_code == 302
    listing = client.get("/search/saved").get_data(as_text=True)
    return re.search(r"/search/saved/(\d+)/delete", listing).group(1)


def outbox_rows(app) -> list[dict]:
    from web.db import connect, database_path

    with connect(database_path(app)) as db:
        return [dict(row) for row in db.execute("SELECT * FROM digest_outbox ORDER BY id")]


def parts(message: EmailMessage) -> tuple[str, str]:
    """(text, html) of a received message."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html
