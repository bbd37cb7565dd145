"""`outlets check` against a hostile outlet (issue 16, item 6): a gzip bomb is decompressed only
as far as the probe reads (8 MB), not into memory whole."""

from __future__ import annotations

import tracemalloc
import zlib
from pathlib import Path

from crawler.outlet_check import check_outlets
from crawler.registry import load_registry
from tests.adversarial.hostile import HostileServer, outlet_yaml, rss


def gzip_bomb(megabytes: int) -> bytes:
    """A gzip body: a feed's start, then ``megabytes`` MB of spaces (≈ 1000:1)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunks = [packer.compress(rss("http://127.0.0.1/a.html").encode()[: -len("</channel></rss>")])]
    chunks += [packer.compress(b" " * 1024 * 1024) for _ in range(megabytes)]
    return b"".join(chunks) + packer.flush()


def test_a_gzip_bomb_is_read_only_up_to_the_probe_limit(hostile: HostileServer, tmp_path: Path):
    bomb = gzip_bomb(160)
    assert len(bomb) < 200_000
    feed = hostile.route("/bomb/rss.xml", bomb, Content_Type="application/rss+xml", Content_Encoding="gzip")
    registry = tmp_path / "registry.yaml"
    registry.write_text("outlets:\n" + outlet_yaml("bomb", feeds=(feed,)), encoding="utf-8")
    (outlet,) = load_registry(registry)

    tracemalloc.start()
    try:
        (result,) = check_outlets([outlet], timeout=30)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB for a {len(bomb) // 1024} KB response"
    assert result.status == 200 and "truncated at 8 MB" in result.error, result
