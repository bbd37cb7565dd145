"""Reports and admin in a real browser: export XLSX and DOCX from the UI and open the files; edit a
topic profile as admin (preview, save, retag) and see a viewer refused.

Exports read the shared ``live_server``. Saving a profile retags every article, which would change
the shared corpus under other tests, so the profile test runs its own server over its own copy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook
from werkzeug.serving import make_server

from search.backends import open_backend
from search.config import SearchConfig
from tests.browser.corpus import SEED_TITLE, TRAFFIC_TITLE, index_corpus
from tests.helpers import make_user
from web.filters import local_today


def log_in(page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("load")
    assert "/auth/login" not in page.url


@pytest.fixture(scope="module")
def own_server(tmp_path_factory) -> Iterator[tuple[str, object]]:
    """A private app and index for tests that change every article's tags."""
    from presswatch.app import create_app

    data_dir = tmp_path_factory.mktemp("profile-edit")
    config = SearchConfig.from_env({"PRESSWATCH_DATA_DIR": str(data_dir)})
    backend = open_backend(config)
    index_corpus(backend, local_today())
    backend.close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir, "PRESSWATCH_SEARCH": config})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="profile-edit-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app
    server.shutdown()
    thread.join(timeout=10)


def download(page, selector: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(selector)
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_export_xlsx_and_docx_from_the_reports_page(
    live_server, browser_page, login_page, screenshot, tmp_path
):
    page = browser_page
    email, password = make_user(live_server.app, "editor")
    login_page(page, email, password)
    page.click("nav.mainnav >> text=Xuất, điểm báo")
    page.fill("form.searchpanel input[name=q]", "Bắc Ninh")
    page.click("form.searchpanel button[type=submit]")
    page.wait_for_selector("#export-all")
    screenshot(page, "reports-export-page")

    xlsx = download(page, "#export-all button[data-format=xlsx]", tmp_path)
    assert xlsx.suffix == ".xlsx" and xlsx.name.startswith("bai-viet-")
    rows = list(load_workbook(xlsx).active.iter_rows(values_only=True))
    titles = {row[1] for row in rows[1:]}
    assert TRAFFIC_TITLE in titles and SEED_TITLE in titles
    badge = int(page.inner_text(".badge.total").replace(".", "").replace(",", ""))
    assert len(rows) - 1 == badge

    page.fill("#export-all input[name=title]", "ĐIỂM BÁO CHUYÊN ĐỀ BẮC NINH")
    docx = download(page, "#export-all button[data-format=docx]", tmp_path)
    assert docx.name.startswith("diem-bao-") and docx.suffix == ".docx"
    document = open_docx(docx)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ĐIỂM BÁO CHUYÊN ĐỀ BẮC NINH" in text and TRAFFIC_TITLE in text and SEED_TITLE in text

    page.check("#pick-form li:nth-child(1) input[type=checkbox]")
    page.check("#pick-form li:nth-child(2) input[type=checkbox]")
    picked = [page.inner_text(f"#pick-form li:nth-child({n}) .title") for n in (1, 2)]
    page.select_option("#pick-form select[name=format]", "docx")
    selection = download(page, "#pick-form button.primary", tmp_path)
    chosen = "\n".join(p.text for p in open_docx(selection).paragraphs)
    assert all(title in chosen for title in picked) and "Tổng số 2 tin, bài" in chosen
    assert not page.console_errors


def test_admin_edits_a_topic_profile_and_a_viewer_is_refused(own_server, browser_page, screenshot):
    base_url, app = own_server
    page = browser_page
    email, password = make_user(app, "admin")
    log_in(page, base_url, email, password)
    page.click("nav.mainnav >> text=Quản trị")
    page.click(".subnav >> text=Chủ đề")
    page.click("#topics tr[data-key=van_hoa] a.button")
    page.fill("#topic-form textarea[name=query]", '"lễ hội" OR "quan họ" OR "di sản"')
    page.fill("#topic-form input[name=min_hits]", "1")
    page.click("#topic-form button[value=preview]")
    page.wait_for_selector(".preview-total")
    assert int(page.inner_text(".preview-total")) >= 5
    assert page.locator(".preview-hits li").count() >= 5
    screenshot(page, "admin-topic-preview")

    page.fill("#topic-form textarea[name=query]", '"lễ hội" AND (')
    page.click("#topic-form button[value=preview]")
    assert "Lỗi cú pháp" in page.inner_text("#profile-errors")
    screenshot(page, "admin-topic-error")
    page.console_errors.clear()  # the browser logs the deliberate 400 of that page

    page.fill("#topic-form textarea[name=query]", '"lễ hội" OR "quan họ" OR "di sản"')
    page.click("#topic-form button[value=save]")
    page.wait_for_selector("#job[data-state=done]", timeout=60_000)
    assert "Hoàn tất" in page.inner_text("#job")
    screenshot(page, "admin-topic-retag-done")
    saved = (Path(app.config["PRESSWATCH_DATA_DIR"]) / "topics.yaml").read_text(encoding="utf-8")
    assert '"lễ hội" OR "quan họ" OR "di sản"' in saved
    assert not page.console_errors
    page.goto(f"{base_url}/admin/users")
    screenshot(page, "admin-users")
    page.click("nav.mainnav >> text=Vận hành")
    page.wait_for_selector("#outlet-health")
    screenshot(page, "operations")

    page.context.clear_cookies()
    viewer_email, viewer_password = make_user(app, "viewer")
    log_in(page, base_url, viewer_email, viewer_password)
    assert page.locator("nav.mainnav >> text=Quản trị").count() == 0
    response = page.goto(f"{base_url}/admin/topics/edit/van_hoa")
    assert response.status == 403
    screenshot(page, "admin-viewer-refused")
