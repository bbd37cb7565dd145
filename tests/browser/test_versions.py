"""Versions and takedowns through real crawls: an outlet on 127.0.0.1 (the sample press) edits an
article, then removes it, between crawls; other articles go in the other ways a takedown is seen
(410, a redirect to the home page, a "no longer available" page). The crawl keeps the first-seen
copy, records the edit and each takedown in ``search.versions``, and re-indexes only the edit; in
Chromium, the article page shows the edit as a diff and the takedown, and the first-seen copy
downloads."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from search.backends.embedded import EmbeddedBackend
from search.config import LOCAL_TZ
from search.document import document_id
from search.versions import VersionStore
from tests.helpers import login, make_user

REPO = Path(__file__).resolve().parents[2]
OUTLET = "baokinhbac"


def crawl(sample_url: str, data_dir: Path) -> str:
    env = {
        **os.environ,
        "PRESSWATCH_DATA_DIR": str(data_dir),
        "PRESSWATCH_ELASTICSEARCH_URL": "",
        # every known article of the last year is due again at once (the default waits 12 hours)
        "PRESSWATCH_RECHECK_DAYS": "365",
        "PRESSWATCH_RECHECK_HOURS": "0",
    }
    command = [sys.executable, "-m", "presswatch", "crawl", "--sample-url", sample_url, "--outlets", OUTLET]
    result = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A sample press of its own (the session's is shared and must stay as published), crawled
    three times into one data folder: before, after an edit, after the removals."""
    from presswatch.sample_press import SamplePress
    from tests.conftest import SAMPLE_END

    data_dir = tmp_path_factory.mktemp("versions-data")
    with SamplePress(end=SAMPLE_END) as press:
        yield press, data_dir, edited_and_removed(press, data_dir)


def subscribe_to_changes(data_dir: Path, follow: list[str]) -> tuple[object, tuple[str, str]]:
    """An editor subscribes, through the form, to edits and takedowns about the province, and
    flags the articles ``follow`` (document ids) as needing action on their pages' forms."""
    from web import create_app

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRESSWATCH_DATA_DIR", str(data_dir))
        app = create_app({"PRESSWATCH_DATA_DIR": data_dir})
    client = app.test_client()
    email, password = make_user(app, "editor")
    assert login(client, email, password).status_code == 302
    page = client.get("/subscriptions/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/subscriptions/",
        data={
            "csrf_token": token,
            "kind": "province",
            "province": "Bắc Ninh",
            "frequency": "immediate",
            "alert_rule": "changed",
            "min_outlets": "3",
            "send_at": "07:00",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    for target in follow:
        page = client.get(f"/articles/{target}").get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = client.post(
            f"/followup/article/{target}/act", data={"csrf_token": token, "state": "new", "action": "flag"}
        )
        assert response.status_code == 303
    return app, (email, password)


def edited_and_removed(press, data_dir: Path) -> dict[str, object]:
    """Crawl; subscribe to changes; edit one article; crawl; remove it and three others in each
    other way; crawl."""
    articles = [a for a in press.articles if a.outlet_id == OUTLET]
    crawl(press.base_url, data_dir)
    edited, gone_410, gone_home, gone_notice = articles[:4]
    followed = [document_id(press.url_for(a)) for a in (edited, articles[5])]
    app, account = subscribe_to_changes(data_dir, followed)
    new_title = edited.title + " (cập nhật)"
    new_paragraphs = (*edited.paragraphs[:-1], "Đoạn này được tòa soạn viết lại sau khi bài đã đăng.")
    press.edit(edited, title=new_title, paragraphs=new_paragraphs)
    crawl(press.base_url, data_dir)
    press.take_down(edited, "404")
    press.take_down(gone_410, "410")
    press.take_down(gone_home, "home")
    press.take_down(gone_notice, "notice")
    crawl(press.base_url, data_dir)
    return {
        "articles": articles,
        "edited": edited,
        "new_title": new_title,
        "410": gone_410,
        "home": gone_home,
        "notice": gone_notice,
        "app": app,
        "account": account,
    }


def test_edits_and_takedowns_are_recorded_between_crawls(changed):
    press, tmp_path, seen = changed
    store = VersionStore.open_in(tmp_path)
    try:
        edited = seen["edited"]
        history = store.history(document_id(press.url_for(edited)))
        assert history.first_seen is not None and history.first_seen.title == edited.title
        assert history.first_seen.has_snapshot  # the page's HTML as first seen, compressed
        assert edited.title.encode() in store.snapshot(document_id(press.url_for(edited)))
        kinds = [event.kind for event in history.events]
        assert kinds == ["edit", "takedown"], kinds
        edit, takedown = history.events
        assert set(edit.fields) == {"title", "body"}
        assert edit.detail["new"]["title"] == seen["new_title"]
        assert "viết lại sau khi bài đã đăng" in edit.detail["new"]["body"]
        assert takedown.reason == "http_404" and history.gone_at is not None
        reasons = {
            name: store.history(document_id(press.url_for(seen[name]))).takedown.reason
            for name in ("410", "home", "notice")
        }
        assert reasons == {"410": "http_410", "home": "redirect_home", "notice": "body_replaced"}
        # nothing else changed: the other articles have no event
        others = [a for a in seen["articles"] if a not in (edited, seen["410"], seen["home"], seen["notice"])]
        assert others and all(not store.history(document_id(press.url_for(a))).events for a in others)
    finally:
        store.close()
    # The index has the edited text (re-indexed), and still has the removed articles (evidence).
    index = EmbeddedBackend(tmp_path / "index.sqlite3")
    assert index.get(document_id(press.url_for(edited))).title == seen["new_title"]
    assert index.get(document_id(press.url_for(seen["410"]))) is not None


def test_article_page_shows_the_diff_and_the_takedown(changed, _chromium, screenshot):
    from web.serve import ServerSettings, serving_in_thread

    press, data_dir, seen = changed
    app = seen["app"]
    email, password = make_user(app, "viewer")
    context = _chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        with serving_in_thread(app, settings=ServerSettings(threads=4)) as url:
            page.goto(f"{url}/auth/login")
            page.fill("input[name=email]", email)
            page.fill("input[name=password]", password)
            with page.expect_navigation():
                page.click("main form button[type=submit]")
            # Found the way staff find it: searching its new title.
            page.goto(f"{url}/search?q=" + quote(f'title:"{seen["new_title"]}"'))
            with page.expect_navigation():
                page.click("a[href^='/articles/']")
            assert page.locator("h1").inner_text() == seen["new_title"]
            banner = page.locator(".flash.takedown").inner_text()
            assert "404" in banner
            versions = page.locator("section.versions")
            assert "Bản đầu tiên thu thập lúc" in versions.inner_text()
            title_diff = versions.locator(".diff-title")
            assert title_diff.locator("ins").inner_text() == "(cập nhật)"
            body_diff = versions.locator(".diff-body")
            assert "viết lại sau khi bài đã đăng" in body_diff.locator("ins").all_inner_texts()[-1]
            assert body_diff.locator("del").count() >= 1  # the paragraph it replaced
            screenshot(page, "article-versions")
            with page.expect_download() as download:
                page.click("a.snapshot")
            assert seen["edited"].title in Path(download.value.path()).read_text(encoding="utf-8")

            # The work queue marks the followed-up article the newsroom took down, not the other.
            page.goto(f"{url}/followup/")
            marks = page.locator("#queue-action li", has_text=seen["edited"].title).locator(".fu-changed")
            assert marks.get_attribute("data-change") == "taken_down"
            other = page.locator("#queue-action li", has_text=seen["articles"][5].title)
            assert other.count() == 1 and other.locator(".fu-changed").count() == 0

            # A takedown by redirect to the home page, said as such.
            page.goto(f"{url}/articles/{document_id(press.url_for(seen['home']))}")
            assert "trang chủ" in page.locator(".flash.takedown").inner_text()
    finally:
        context.close()


def test_changes_alert_and_briefing_count_them(changed, tmp_path):
    press, data_dir, seen = changed
    app, (email, password) = seen["app"], seen["account"]
    client = app.test_client()
    assert login(client, email, password).status_code == 302
    page = client.get("/subscriptions/").get_data(as_text=True)
    preview = re.search(r'href="(/digest/preview/\d+)"', page).group(1)
    heading = re.search(r"<h1>(.*?)</h1>", client.get(preview).get_data(as_text=True), re.S).group(1)
    assert "1 bài bị sửa, 4 bài bị gỡ" in heading, heading

    # The briefing of this month counts them, from the command line as staff run it.
    month = datetime.now(LOCAL_TZ).strftime("%Y-%m")
    out = tmp_path / "briefing.xlsx"
    env = {**os.environ, "PRESSWATCH_DATA_DIR": str(data_dir), "PRESSWATCH_ELASTICSEARCH_URL": ""}
    command = [
        sys.executable,
        "-m",
        "presswatch",
        "report",
        "briefing",
        "--period",
        month,
        "--xlsx",
        str(out),
    ]
    result = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    sheet = load_workbook(out)["Bài sửa, gỡ"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["Bài bị tòa soạn sửa sau khi đăng"] == 1
    assert rows["Bài bị gỡ"] == 4
