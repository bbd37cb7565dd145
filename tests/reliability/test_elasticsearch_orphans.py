"""A test Elasticsearch node dies with the process that started it, even when that process is
SIGKILLed (a killed pytest, an OOM kill, a CI timeout): found on a new user's walk, where nodes from
killed test runs kept running with parent pid 1, holding their heap and CPU, and later runs slowed
down. ``presswatch elasticsearch start`` is the one node meant to outlive its command."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

from presswatch.elasticsearch_node import cache_dir

REPO = Path(__file__).resolve().parents[2]

# The parent: starts a node as the test fixtures do, says which pid it got, then waits to be killed.
PARENT = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from presswatch.elasticsearch_node import Node
    node = Node(name=sys.argv[1], heap="256m", base_dir=Path(sys.argv[2]))
    node.start(progress=lambda message: None)
    print(json.dumps({"pid": node.pid(), "url": node.url}), flush=True)
    time.sleep(3600)
    """
)


def _group(pgid: int) -> set[int]:
    """The live processes of process group ``pgid``: the node's launcher and its server JVM."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":  # a zombie is gone, only not yet reaped
            pids.add(int(entry.name))
    return pids


def test_a_node_dies_when_the_process_that_started_it_is_killed():
    name = f"orphan-{uuid.uuid4().hex[:6]}"
    base = cache_dir() / "nodes" / name
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, name, str(base)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    node: dict = {}
    try:
        line = parent.stdout.readline()  # the node is healthy (start's own timeout bounds this)
        assert line, parent.stderr.read()[-3000:]
        node = json.loads(line)
        group = _group(node["pid"])
        assert node["pid"] in group and len(group) >= 2, group  # the launcher and the server JVM
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        # A bounded wait for a correctness property, not a speed assert: a tied node is gone within
        # a second or two, an orphan never goes.
        deadline = time.monotonic() + 90
        while _group(node["pid"]) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not _group(node["pid"]), f"the node outlived its parent: {sorted(_group(node['pid']))}"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if node:  # never leave an orphan behind, whatever the assertion said
            with contextlib.suppress(ProcessLookupError):
                os.killpg(node["pid"], signal.SIGKILL)
        shutil.rmtree(base, ignore_errors=True)
