"""A local Elasticsearch node for development and tests.

The server comes from Maven Central (Elasticsearch's integration-test distribution), is fetched
once into a cache folder with Maven and runs as an unprivileged child process on 127.0.0.1.
Production clusters are never managed from here: point ``PRESSWATCH_ELASTICSEARCH_URL`` at them.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from search.config import settings

ES_VERSION = settings().get("PRESSWATCH_ES_VERSION", "9.2.8")
ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"
# Elasticsearch refuses to run as root; as root we run it as this system user.
SERVICE_USER = "presswatch-es"


class NodeError(RuntimeError):
    """The node could not be fetched, started or reached; the message says what to do next."""


def cache_dir() -> Path:
    configured = settings().get("PRESSWATCH_CACHE_DIR")
    if configured:
        return Path(configured)
    if os.geteuid() == 0:
        # /root is not traversable by the service user, so root keeps the node elsewhere.
        return Path("/var/cache/presswatch")
    return Path.home() / ".cache" / "presswatch"


def find_java_home(min_major: int = 21) -> Path:
    """A JDK new enough for this Elasticsearch version (9.x needs Java 21+)."""
    candidates = [os.environ.get("ES_JAVA_HOME"), settings().get("PRESSWATCH_JAVA_HOME") or None]
    jvm_root = Path("/usr/lib/jvm")
    if jvm_root.is_dir():
        candidates += [str(p) for p in sorted(jvm_root.iterdir(), reverse=True)]
    candidates.append(os.environ.get("JAVA_HOME"))
    for candidate in candidates:
        if not candidate:
            continue
        release = Path(candidate) / "release"
        if not release.is_file():
            continue
        for line in release.read_text(errors="replace").splitlines():
            if line.startswith("JAVA_VERSION="):
                major = line.split("=", 1)[1].strip('"').split(".")[0]
                if major.isdigit() and int(major) >= min_major:
                    return Path(candidate)
    raise NodeError(
        f"Elasticsearch {ES_VERSION} needs Java {min_major} or newer and none was found under "
        "/usr/lib/jvm. Install one (e.g. apt-get install openjdk-21-jdk-headless) or set ES_JAVA_HOME."
    )


def _extract(archive: Path, target: Path) -> None:
    """Unzip keeping the executable bits (zipfile alone drops them)."""
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            path = zf.extract(info, target)
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(path, mode | 0o444 | (0o111 if info.is_dir() else 0))


def install(version: str = ES_VERSION, progress: Callable[[str], object] = print) -> Path:
    """Fetch the distribution with Maven (once) and unpack it; returns ES_HOME."""
    home = cache_dir() / f"elasticsearch-{version}"
    if (home / "bin" / "elasticsearch").exists():
        return home
    cache_dir().mkdir(parents=True, exist_ok=True)
    os.chmod(cache_dir(), 0o755)
    archive = cache_dir() / f"elasticsearch-{version}.zip"
    if not archive.exists():
        if not shutil.which("mvn"):
            raise NodeError("Maven (mvn) is needed to fetch Elasticsearch: apt-get install maven")
        progress(f"Fetching Elasticsearch {version} from Maven Central (about 100 MB, once)…")
        artifact = ARTIFACT.format(version=version)
        result = subprocess.run(
            [
                "mvn",
                "-q",
                "-B",
                "dependency:copy",
                f"-Dartifact={artifact}",
                f"-DoutputDirectory={cache_dir()}",
            ],
            capture_output=True,
            text=True,
            cwd=cache_dir(),
        )
        if result.returncode != 0 or not archive.exists():
            raise NodeError(
                f"Maven could not fetch {artifact}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}\n"
                "Check that Maven Central is reachable, or set PRESSWATCH_ES_VERSION to a version "
                "that resolves (mvn dependency:get -Dartifact=…)."
            )
    progress(f"Unpacking {archive.name}…")
    staging = cache_dir() / f".unpack-{version}"
    shutil.rmtree(staging, ignore_errors=True)
    _extract(archive, staging)
    (staging / f"elasticsearch-{version}").rename(home)
    shutil.rmtree(staging, ignore_errors=True)
    return home


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]  # (host, port) for an AF_INET socket
        return port


def _service_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(SERVICE_USER)


@dataclass
class Node:
    """One Elasticsearch node; several with one cluster_name and seed_hosts form a cluster."""

    name: str = "presswatch-dev"
    http_port: int = 0
    transport_port: int = 0
    cluster_name: str = "presswatch"
    heap: str = "1g"
    seed_hosts: list[str] = field(default_factory=list)
    initial_masters: list[str] = field(default_factory=list)
    roles: list[str] | None = None  # e.g. ["data"] for a data-only node; None = every role
    base_dir: Path | None = None
    # False (tests, benchmarks): the node dies with the process that started it, even when that
    # process is SIGKILLed (see _tie_to_parent). True only for `presswatch elasticsearch start`,
    # whose node is meant to outlive the command (stopped by `presswatch elasticsearch stop`).
    outlive_parent: bool = False

    def __post_init__(self) -> None:
        self.base_dir = Path(self.base_dir or cache_dir() / "nodes" / self.name)
        self.http_port = self.http_port or free_port()
        self.transport_port = self.transport_port or free_port()

    @property
    def _base(self) -> Path:
        """``base_dir`` once ``__post_init__`` has filled it in (always, after construction)."""
        assert self.base_dir is not None
        return self.base_dir

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def state_file(self) -> Path:
        return self._base / "node.json"

    def _settings(self) -> list[str]:
        settings = {
            "cluster.name": self.cluster_name,
            "node.name": self.name,
            "network.host": "127.0.0.1",
            "http.port": self.http_port,
            "transport.port": self.transport_port,
            "path.data": self._base / "data",
            "path.logs": self._base / "logs",
            "path.repo": self._base / "snapshots",
            "xpack.security.enabled": "false",
            "action.destructive_requires_name": "false",
            # A development box's disk is often fuller than the watermarks assume.
            "cluster.routing.allocation.disk.threshold_enabled": "false",
        }
        if self.roles is not None:
            settings["node.roles"] = ",".join(self.roles)
        if self.seed_hosts:
            settings["discovery.seed_hosts"] = ",".join(self.seed_hosts)
            settings["cluster.initial_master_nodes"] = ",".join(self.initial_masters or [self.name])
        else:
            settings["discovery.type"] = "single-node"
        return [f"-E{key}={value}" for key, value in settings.items()]

    def start(self, timeout: float = 180.0, progress: Callable[[str], object] = print) -> Node:
        home = install(progress=progress)
        java_home = find_java_home()
        for sub in ("data", "logs", "snapshots", "config"):
            (self._base / sub).mkdir(parents=True, exist_ok=True)
        shutil.copytree(home / "config", self._base / "config", dirs_exist_ok=True)
        user = _service_user()
        if user:
            for path in [self._base, *self._base.rglob("*")]:
                os.chown(path, user.pw_uid, user.pw_gid)
            for parent in self._base.parents:
                if parent == Path("/"):
                    break
                os.chmod(parent, os.stat(parent).st_mode | 0o711)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "ES_JAVA_HOME": str(java_home),
            "ES_PATH_CONF": str(self._base / "config"),
            "ES_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap}",
            "HOME": str(self._base),
        }
        log = open(self._base / "logs" / "console.log", "ab")  # noqa: SIM115 - owned by the child
        progress(f"Starting Elasticsearch {ES_VERSION} node {self.name} on {self.url}…")
        process = subprocess.Popen(
            [str(home / "bin" / "elasticsearch"), *self._settings()],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            user=user.pw_uid if user else None,
            group=user.pw_gid if user else None,
            start_new_session=True,
            preexec_fn=None if self.outlive_parent else _tie_to_parent(),
        )
        self.state_file.write_text(json.dumps({"pid": process.pid, "url": self.url, "name": self.name}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise NodeError(f"Elasticsearch exited with code {process.returncode}:\n{self.log_tail()}")
            if self.healthy():
                return self
            time.sleep(0.5)
        self.stop()
        raise NodeError(f"Elasticsearch did not become healthy in {timeout:.0f}s:\n{self.log_tail()}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_cluster/health", timeout=2) as response:
                return json.load(response).get("status") in ("green", "yellow")
        except (OSError, urllib.error.URLError, ValueError):
            return False

    def log_tail(self, lines: int = 40) -> str:
        path = self._base / "logs" / "console.log"
        if not path.exists():
            return "(no log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def pid(self) -> int | None:
        try:
            return int(json.loads(self.state_file.read_text())["pid"])
        except (OSError, ValueError, KeyError):
            return None

    def stop(self, timeout: float = 30.0) -> None:
        pid = self.pid()
        if pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            _reap(pid)
            time.sleep(0.2)
        if _alive(pid):
            os.killpg(pid, signal.SIGKILL)
            _reap(pid)
        self.state_file.unlink(missing_ok=True)

    def kill(self) -> None:
        """Hard stop, as a crash would: no shutdown hooks run."""
        pid = self.pid()
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            _reap(pid)
            self.state_file.unlink(missing_ok=True)

    def cpu_seconds(self) -> float | None:
        """CPU time (user + system) the node's processes have used so far, from /proc (Linux);
        benchmarks report it because wall-clock rates swing with whatever else the box runs."""
        group = self.pid()
        if group is None or not Path("/proc").is_dir():
            return None
        ticks = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # the process ended meanwhile
                continue
            if int(fields[2]) == group:  # the process group: the launcher and the server JVM
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")

    @classmethod
    def from_state(cls, name: str = "presswatch-dev") -> Node | None:
        """The node a previous ``start`` left running (for ``status`` and ``stop``)."""
        state = cache_dir() / "nodes" / name / "node.json"
        try:
            data = json.loads(state.read_text())
        except (OSError, ValueError):
            return None
        port = int(data["url"].rsplit(":", 1)[1])
        return cls(name=name, http_port=port, transport_port=1)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _tie_to_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the node's launcher die when this process dies, however it dies.

    Why the kernel's parent-death signal (prctl PR_SET_PDEATHSIG, SIGKILL) rather than a watchdog
    process or an atexit/signal handler: a SIGKILLed pytest runs no Python code at all, so only the
    kernel can act then, and a watchdog can itself be killed (a Ctrl-C reaches the whole foreground
    process group) and is one more process to reap. The signal goes to the launcher JVM (the
    script execs it, so it keeps the pid Popen got); the server JVM it starts exits when the
    launcher's end of its stdin pipe closes (Elasticsearch's own CLI monitor), so the whole node
    goes. tests/reliability/test_elasticsearch_orphans.py checks both pids.
    It runs in the child after Popen switched to the service user (the kernel clears the signal on
    a change of user, so it must be set afterwards). The signal follows the *thread* that started
    the node: start tied nodes from a thread that lives as long as they should (the test fixtures
    and benchmarks start them on the main thread). Not Linux: None, the node is not tied.
    """
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def tie() -> None:  # in the forked child, before exec: no imports, no allocation-heavy work
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os.kill(os.getpid(), signal.SIGKILL)

    return tie


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
