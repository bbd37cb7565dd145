"""A crawl killed with SIGKILL takes its extraction workers with it (issue 16, item 5)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.adversarial.hostile import REPO, HostileServer, outlet_yaml, rss


def session_processes(sid: int) -> dict[int, str]:
    """pid → command line of every live process in session ``sid`` (zombies excluded)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        state, session = fields[0], int(fields[3])
        if session == sid and state != "Z":
            found[int(entry.name)] = cmdline
    return found


def wait_for(condition, seconds: float):
    """Poll ``condition`` until it returns something truthy or ``seconds`` pass; its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def test_sigkilled_crawl_leaves_no_extraction_worker(hostile: HostileServer, tmp_path: Path):
    # The feed answers only when the test ends: the crawl is alive, its workers started and idle.
    feed = hostile.route("/orphans/rss.xml", rss(hostile.base_url + "/orphans/a.html"), hold=True)
    registry = tmp_path / "registry.yaml"
    registry.write_text("outlets:\n" + outlet_yaml("orphans", feeds=(feed,)), encoding="utf-8")
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    crawl = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler.run",
            "--registry",
            str(registry),
            "-s",
            "PRESSWATCH_EXTRACT_WORKERS=2",
            "-s",
            "DOWNLOAD_TIMEOUT=120",
        ],
        env=env,
        cwd=REPO,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers = wait_for(
            lambda: (
                len([pid for pid, cmd in session_processes(crawl.pid).items() if "spawn_main" in cmd]) == 2
                and crawl.poll() is None
            ),
            60,
        )
        assert workers, session_processes(crawl.pid)
        assert wait_for(lambda: any(path == "/orphans/rss.xml" for path in hostile.paths()), 60)
        os.kill(crawl.pid, signal.SIGKILL)
        crawl.wait(10)
        left = wait_for(lambda: not session_processes(crawl.pid), 15) or session_processes(crawl.pid)
        assert left is True, f"still running after the crawl was killed: {left}"
    finally:
        for pid in session_processes(crawl.pid):  # only what this test started
            os.kill(pid, signal.SIGKILL)
        if crawl.poll() is None:
            crawl.kill()
        hostile.release.set()
