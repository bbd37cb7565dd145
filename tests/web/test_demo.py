"""`presswatch demo`, the README's first command after its install: it crawls the sample press,
prints a login that works, serves a populated UI and stops on Ctrl-C."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from tests.web.test_digest_support import free_port

REPO = Path(__file__).resolve().parents[2]


def _read_until(process: subprocess.Popen, pattern: str, timeout: float = 180) -> tuple[re.Match, str]:
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        seen.append(line)
        if match := re.search(pattern, line):
            return match, "".join(seen)
    raise AssertionError(f"no line matching {pattern!r}:\n{''.join(seen)[-4000:]}")


def test_demo_prints_a_working_login_serves_the_sample_press_and_stops_on_ctrl_c(tmp_path):
    port = free_port()
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_SECRET_KEY": "demo-test"}
    env.pop("PRESSWATCH_ELASTICSEARCH_URL", None)
    demo = subprocess.Popen(
        [sys.executable, "-c", "from web.cli import main; main()", "demo", "--port", str(port)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        # Ctrl-C must work even when this test runs as a background job (SIGINT inherited ignored).
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        login, output = _read_until(demo, r"Log in as (\S+) with password (\S+)")
        assert re.search(r"(\d+) articles extracted \(\1 new", output), output
        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        deadline = time.monotonic() + 30
        while True:
            try:
                page = opener.open(f"{base}/auth/login", timeout=5).read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "the demo never served its login page"
                time.sleep(0.2)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"csrf_token": token, "email": login.group(1),
                                       "password": login.group(2)}).encode()
        landed = opener.open(f"{base}/auth/login", form, timeout=30)
        assert landed.status == 200 and not landed.url.endswith("/auth/login")
        query = urllib.parse.quote("Bắc Ninh")
        results = opener.open(f"{base}/search?q={query}", timeout=60).read().decode()
        assert results.count("<mark>") >= 5  # the sample press is indexed and searchable

        demo.send_signal(signal.SIGINT)
        demo.wait(timeout=30)  # Scrapy's crawl-time signal handlers no longer swallow Ctrl-C
        assert "development server" not in (output + demo.stdout.read()).lower()  # waitress serves
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait()
