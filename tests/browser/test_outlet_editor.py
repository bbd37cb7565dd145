"""The admin's outlet editor in Chromium at phone width (issue 20): add an outlet, see the
registry's validation error next to its field, save, test it against a local outlet on 127.0.0.1
(discovery finds its feed, three articles are extracted), and disable it; the audit shows each
step. Its own app (local test outlets allowed) and data folder."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from tests.adversarial.hostile import HostileServer, article_page, rss
from tests.helpers import make_user

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def local_outlet() -> Iterator[HostileServer]:
    with HostileServer() as server:
        articles = [
            server.route(f"/tin/bai-{n}.html", article_page(f"Tin thử số {n} của báo", day=10 + n))
            for n in range(1, 5)
        ]
        server.route(
            "/",
            '<html><head><link rel="alternate" type="application/rss+xml" href="/tin/rss.xml">'
            '</head><body><a href="/tin/">Tin</a></body></html>',
        )
        server.route("/tin/rss.xml", rss(*articles), Content_Type="application/rss+xml")
        server.route("/tin/", "".join(f'<a href="{a}">x</a>' for a in articles))
        yield server


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory) -> Iterator[tuple[str, object]]:
    from presswatch.app import create_app

    data_dir = tmp_path_factory.mktemp("outlet-editor")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        patch.setenv("PRESSWATCH_ELASTICSEARCH_URL", "")
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_ALLOW_LOCAL_OUTLETS": True})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="outlet-editor", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app
    server.shutdown()
    thread.join(timeout=10)


def test_add_validate_probe_and_disable_an_outlet_on_a_phone(
    _chromium, editor_server, local_outlet, screenshot
):
    base, app = editor_server
    email, password = make_user(app, "admin")
    context = _chromium.new_context(viewport=PHONE, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{base}/auth/login")
        page.fill("input[name=email]", email)
        page.fill("input[name=password]", password)
        page.click("main form button[type=submit]")
        page.wait_for_load_state("load")
        page.goto(f"{base}/admin/outlets")
        page.click("#add-outlet")
        page.fill("input[name=id]", "baothu")
        page.fill("input[name=name]", "Báo và Phát thanh, Truyền hình Thử")
        page.fill("input[name=domain]", "baothu.sample")
        page.select_option("select[name=kind]", "provincial-press-agency")
        page.fill("input[name=province]", "Bắc Ninh")
        page.fill("textarea[name=sections]", f"{local_outlet.base_url}/tin/")
        page.fill("input[name=crawl_delay]", "nhanh")
        page.check("input[name=local_test]")
        page.click("#outlet-form button[type=submit]")
        error = page.locator("#error-crawl_delay")
        assert error.is_visible()
        assert "crawl_delay" in error.inner_text() and "seconds from 0 to 120" in error.inner_text()
        assert page.locator("input[name=crawl_delay]").get_attribute("aria-invalid") == "true"
        assert page.input_value("input[name=name]") == "Báo và Phát thanh, Truyền hình Thử"
        screenshot(page, "outlet-editor-error-390")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        page.fill("input[name=crawl_delay]", "1")
        page.click("#outlet-form button[type=submit]")
        page.wait_for_url("**/admin/outlets/baothu/edit")
        page.click("#run-probe")
        page.wait_for_selector("#probe-found")
        found = page.locator("#probe-found li[data-verdict=ok]")
        assert found.count() >= 1 and "/tin/rss.xml" in found.first.inner_text()
        assert "chưa có trong danh mục" in found.first.inner_text()  # discovered, not registered
        assert page.locator("#probe-articles li[data-ok=yes]").count() == 3
        assert "Tin thử số" in page.locator("#probe-articles").inner_text()
        screenshot(page, "outlet-editor-probe-390")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        page.goto(f"{base}/admin/outlets?q=baothu")
        row = page.locator('tr[data-outlet="baothu"]')
        assert "sửa trong ứng dụng" in row.inner_text()
        row.locator("button[name=enabled][value='0']").click()
        page.wait_for_load_state("load")
        assert "Đang tắt" in page.locator('tr[data-outlet="baothu"]').inner_text()
        history = page.locator(".outlet-history").first.inner_text()
        assert "baothu" in history and "tắt" in history and "thêm" in history and email in history
    finally:
        context.close()
