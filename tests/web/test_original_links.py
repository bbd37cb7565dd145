"""The "Bài gốc" links outside the demo: every article keeps its own URL. Only `presswatch demo` sets
PRESSWATCH_SAMPLE_PRESS_LIVE (tests/web/test_demo.py follows those links in Chromium), and even then
only its sample press's origin is rewritten: a look-alike host or a real outlet is not."""

from __future__ import annotations

import re

from web.filters import SAMPLE_PRESS_LIVE

TRAFFIC = "https://vnexpress.example.vn/tai-nan-ql18-0.html"  # tests/browser/corpus.py


def _originals(page: str) -> set[str]:
    return set(re.findall(r'class="(?:button )?original" href="([^"]+)"', page))


def test_real_outlets_links_are_untouched_with_or_without_the_demo(app, login_as):
    editor = login_as("editor")
    plain = editor.get("/search?q=Bắc Ninh").get_data(as_text=True)
    assert TRAFFIC in _originals(plain)
    app.config[SAMPLE_PRESS_LIVE] = ("https://vnexpress.example", "http://127.0.0.1:1")  # host prefix
    assert _originals(editor.get("/search?q=Bắc Ninh").get_data(as_text=True)) == _originals(plain)
    app.config[SAMPLE_PRESS_LIVE] = ("https://vnexpress.example.vn", "http://127.0.0.1:1")
    rewritten = _originals(editor.get("/search?q=Bắc Ninh").get_data(as_text=True))
    assert "http://127.0.0.1:1/tai-nan-ql18-0.html" in rewritten and TRAFFIC not in rewritten
    assert rewritten - {u for u in rewritten if u.startswith("http://127.0.0.1:1/")} == {
        u for u in _originals(plain) if not u.startswith("https://vnexpress.example.vn/")
    }
