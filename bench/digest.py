"""Digest benchmark: digests composed per second, and mails per second to a local SMTP server.

    python bench/digest.py                          # 20k articles, 300 daily subscriptions
    python bench/digest.py --subscriptions 2000 --docx

Runs in a temporary data folder: a synthetic corpus in the embedded index, one user and one daily
subscription per recipient (province or topic scopes), an aiosmtpd server in this process that
counts what it receives. Three figures: composing into the outbox (search + templates + MIME),
delivering the outbox (SMTP on one connection, with the per-mail outbox bookkeeping), and raw SMTP
(the same messages without bookkeeping) so the bookkeeping's share is visible.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class CountingHandler:
    def __init__(self) -> None:
        self.count = 0
        self.bytes = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.count += 1
        self.bytes += len(envelope.original_content or envelope.content)
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--subscriptions", type=int, default=300)
    parser.add_argument("--docx", action="store_true", help="attach the DOCX điểm báo to every digest")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="presswatch-bench-digest-")
    os.environ["PRESSWATCH_DATA_DIR"] = data
    os.environ.pop("PRESSWATCH_ELASTICSEARCH_URL", None)

    from aiosmtpd.controller import Controller

    from bench.synthetic import PROVINCES, TOPICS, TZ, documents
    from presswatch.app import create_app
    from search.backends.embedded import EmbeddedBackend
    from search.config import SearchConfig
    from web.auth import create_user
    from web.db import connect, database_path
    from web.digest.model import list_subscriptions, save_settings
    from web.digest.runner import DigestContext, queue_digests
    from web.digest.send import SMTPMailer, deliver

    end = datetime(2026, 11, 20, 22, tzinfo=TZ)
    config = SearchConfig.from_env()
    started = time.perf_counter()
    backend = EmbeddedBackend(config.embedded_path)
    batch = []
    for document in documents(args.docs, end=end):
        batch.append(document)
        if len(batch) == 2000:
            backend.index(batch)
            batch = []
    backend.index(batch)
    backend.close()
    print(f"indexed {args.docs} synthetic articles in {time.perf_counter() - started:.1f}s")

    handler = CountingHandler()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    app = create_app(
        {
            "PRESSWATCH_SMTP_HOST": "127.0.0.1",
            "PRESSWATCH_SMTP_PORT": str(port),
            "PRESSWATCH_MAIL_FROM": "Presswatch <diem-bao@bench.test>",
        }
    )
    topics = list(TOPICS)
    with connect(database_path(app)) as db:
        for n in range(args.subscriptions):
            user = create_user(db, f"can-bo-{n}@bench.test", "mat-khau-123", "viewer", f"Cán bộ {n}")
            kind, target = ("province", PROVINCES[n % len(PROVINCES)]) if n % 2 else ("topic", topics[n % 12])
            cursor = db.execute(
                "INSERT INTO subscriptions(user_id, kind, target, frequency, created_at) "
                "VALUES (?,?,?, 'daily', '2026-01-01 00:00:00')",
                (user, kind, target),
            )
            save_settings(db, cursor.lastrowid, alert_rule="match", min_outlets=3, attach_docx=args.docx)
        db.commit()

    now = datetime(2026, 11, 21, 7, 5, tzinfo=TZ)
    with app.app_context():
        ctx = DigestContext.from_app(app)
        ctx.catchup = timedelta(hours=1)  # one period each
        db = connect(database_path(app))
        subscriptions = list_subscriptions(db, deliverable=True)
        started = time.perf_counter()
        queued = queue_digests(db, ctx, subscriptions, now)
        compose = time.perf_counter() - started
        size = db.execute("SELECT avg(length(message)) FROM digest_outbox").fetchone()[0] or 0
        messages = [row[0] for row in db.execute("SELECT message FROM digest_outbox")]
        started = time.perf_counter()
        report = deliver(db, ctx.mail, now)
        send = time.perf_counter() - started
        started = time.perf_counter()
        with SMTPMailer(ctx.mail) as mailer:
            for message in messages:
                mailer.send("raw@bench.test", message)
        raw = time.perf_counter() - started
        db.close()
    controller.stop()

    print(
        f"composed {queued} digests in {compose:.2f}s: {queued / compose:.1f} digests/s "
        f"(average message {size / 1024:.1f} KiB{', with DOCX' if args.docx else ''})"
    )
    print(
        f"delivered {report.sent} mails in {send:.2f}s: {report.sent / send:.1f} mails/s "
        f"(outbox claim + SMTP + mark sent, one connection)"
    )
    print(f"raw SMTP: {len(messages)} mails in {raw:.2f}s: {len(messages) / raw:.1f} mails/s")
    print(f"server received {handler.count} messages, {handler.bytes / 1e6:.1f} MB; data in {data}")


if __name__ == "__main__":
    main()
