"""Fixtures shared by the digest tests: a real SMTP server and an app with the test corpus."""

from __future__ import annotations

import pytest

from tests.web.test_digest_support import SMTPSink, corpus, index, make_app


@pytest.fixture
def smtp():
    sink = SMTPSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def digest_app(smtp):
    """The digest tests' app: an SMTP server configured, the digest corpus indexed (the modules
    that use it name it their ``app``; every other test has tests/conftest.py's)."""
    app = make_app(smtp)
    index(app, corpus())
    return app
