"""Outlets managed in the app (issue 20) through the test client, CSRF on: admins only, the
registry's validation with the field named, audit of who changed what, YAML export and import,
and the effective registry file the crawl reads."""

from __future__ import annotations

import io
from html import unescape

import pytest
import yaml

from crawler.registry import load_registry
from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client
from tests.web.test_admin import token_for
from web.admin.outlet_store import EFFECTIVE_FILE

NEW = {
    "id": "baothu",
    "name": "Báo và Phát thanh, Truyền hình Thử",
    "domain": "baothu.vn",
    "kind": "provincial-press-agency",
    "province": "Bắc Ninh",
    "feeds_source": "guessed",
    "feeds": "https://baothu.vn/rss/home.rss\n",
    "sitemaps": "",
    "sections": "https://baothu.vn/thoi-su/",
    "aliases": "baothucu.vn",
    "selectors": "body: div.detail-content",
    "crawl_delay": "2",
    "section_pages": "",
    "article_pattern": "",
    "notes": "",
}


@pytest.fixture
def admin(login_as):
    return login_as("admin")


def test_only_admins_reach_the_editor_and_forms_need_csrf(app, admin):
    editor = logged_in_client(app, "editor")
    for url in ("/admin/outlets/new", "/admin/outlets/baonhandan/edit", "/admin/outlets/export.yaml"):
        assert editor.get(url).status_code == 403, url
    token = token_for(editor)
    assert editor.post("/admin/outlets/new", data={**NEW, "csrf_token": token}).status_code == 403
    assert editor.post("/admin/outlets/baonhandan/probe", data={"csrf_token": token}).status_code == 403
    assert admin.post("/admin/outlets/new", data=NEW).status_code == 400  # no CSRF token


def test_add_with_a_validation_error_then_save_audit_and_export(app, admin, tmp_path):
    token = token_for(admin)
    bad = admin.post("/admin/outlets/new", data={**NEW, "crawl_delay": "nhanh", "csrf_token": token})
    assert bad.status_code == 400
    page = unescape(bad.get_data(as_text=True))
    assert "Trường “crawl_delay”:" in page and "must be a number of seconds from 0 to 120" in page
    assert 'value="Báo và Phát thanh, Truyền hình Thử"' in page  # what was typed is kept
    bad_url = admin.post(
        "/admin/outlets/new", data={**NEW, "feeds": "ftp://baothu.vn/rss", "csrf_token": token}
    )
    assert "Trường “feeds”:" in unescape(bad_url.get_data(as_text=True))

    saved = admin.post("/admin/outlets/new", data={**NEW, "csrf_token": token})
    assert saved.status_code == 303 and saved.headers["Location"].endswith("/admin/outlets/baothu/edit")
    listing = unescape(admin.get("/admin/outlets?q=baothu").get_data(as_text=True))
    assert 'data-outlet="baothu"' in listing and "sửa trong ứng dụng" in listing
    edit = unescape(admin.get("/admin/outlets/baothu/edit").get_data(as_text=True))
    history = edit.split('id="history-head"')[1]
    assert "@example.vn · baothu" in history and "thêm: " in history and "crawl_delay" in history

    # The crawl's registry file holds it, and the registry's loader accepts the file.
    outlets = {o.id: o for o in load_registry(tmp_path / EFFECTIVE_FILE)}
    assert outlets["baothu"].selectors == {"body": "div.detail-content"}
    assert outlets["baothu"].crawl_delay == 2.0 and outlets["baothu"].aliases == ("baothucu.vn",)

    # Edit a shipped outlet: politeness changes, the rest of its entry (evidence, succession) stays.
    shipped = next(o for o in load_registry() if o.evidence and o.kind == "provincial-press-agency")
    form = admin.get(f"/admin/outlets/{shipped.id}/edit").get_data(as_text=True)
    assert shipped.domain in form
    data = {
        **{k: "" for k in NEW},
        "id": shipped.id,
        "name": shipped.name,
        "domain": shipped.domain,
        "kind": shipped.kind,
        "province": shipped.province or "",
        "feeds_source": shipped.feeds_source,
        "feeds": "\n".join(shipped.feeds),
        "sitemaps": "\n".join(shipped.sitemaps),
        "sections": "\n".join(shipped.sections),
        "aliases": "\n".join(shipped.aliases),
        "crawl_delay": "7.5",
        "notes": "",
        "csrf_token": token,
    }
    assert admin.post(f"/admin/outlets/{shipped.id}/edit", data=data).status_code == 303
    exported = yaml.safe_load(admin.get("/admin/outlets/export.yaml").get_data(as_text=True))
    entry = next(e for e in exported["outlets"] if e["id"] == shipped.id)
    assert entry["crawl_delay"] == 7.5 and entry["evidence"] == shipped.evidence
    history = unescape(admin.get(f"/admin/outlets/{shipped.id}/edit").get_data(as_text=True))
    assert "sửa: <small>crawl_delay" in history.split('id="history-head"')[1]

    # Disabling is audited too.
    admin.post("/admin/outlets/baothu", data={"csrf_token": token, "enabled": "0"})
    history = unescape(admin.get("/admin/outlets/baothu/edit").get_data(as_text=True))
    assert "tắt: <small>enabled" in history.split('id="history-head"')[1]


def test_import_is_validated_whole_and_names_the_field(app, admin, tmp_path):
    token = token_for(admin)
    exported = admin.get("/admin/outlets/export.yaml").get_data(as_text=True)
    data = yaml.safe_load(exported)
    data["outlets"][0]["crawl_delay"] = 3
    data["outlets"].append(
        {
            "id": "baonhap",
            "name": "Báo Nhập",
            "domain": "baonhap.vn",
            "kind": "provincial-party-paper",
            "province": "Huế",
            "feeds": ["https://baonhap.vn/rss"],
            "sitemaps": [],
            "sections": [],
        }
    )

    def upload(text: str):
        return admin.post(
            "/admin/outlets/import",
            data={"csrf_token": token, "registry": (io.BytesIO(text.encode()), "outlets.yaml")},
            content_type="multipart/form-data",
            follow_redirects=True,
        )

    broken = dict(data, outlets=[*data["outlets"][:-1], {**data["outlets"][-1], "section_pages": 99}])
    page = unescape(upload(yaml.safe_dump(broken, allow_unicode=True)).get_data(as_text=True))
    assert "outlet baonhap, field 'section_pages'" in page
    twice = "outlets:\n  - id: a\n    id: b\n"
    assert "duplicate key 'id' at line 3" in unescape(upload(twice).get_data(as_text=True))
    assert "baonhap" not in admin.get("/admin/outlets?q=baonhap").get_data(as_text=True).split("<tbody>")[1]

    page = unescape(upload(yaml.safe_dump(data, allow_unicode=True)).get_data(as_text=True))
    assert "Đã nhập 2 cơ quan thay đổi." in page
    outlets = {o.id: o for o in load_registry(tmp_path / EFFECTIVE_FILE)}
    assert outlets["baonhap"].domain == "baonhap.vn"
    assert outlets[data["outlets"][0]["id"]].crawl_delay == 3.0


def test_an_outlet_added_in_the_app_is_what_presswatch_crawl_crawls(tmp_path):
    """The admin's outlet reaches the crawler: `presswatch crawl` reads the registry the app keeps
    (rewritten from today's shipped registry plus the admins' entries) and indexes its article."""
    import os
    import subprocess
    import sys

    from search.backends.embedded import EmbeddedBackend
    from tests.adversarial.hostile import REPO, HostileServer, article_page, rss

    app = corpus_app(tmp_path, PRESSWATCH_ALLOW_LOCAL_OUTLETS=True)[0]
    admin = logged_in_client(app, "admin")
    with HostileServer() as site:
        article = site.route("/tin/bai-1.html", article_page("Tin riêng của báo thêm trong ứng dụng"))
        feed = site.route("/tin/rss.xml", rss(article), Content_Type="application/rss+xml")
        form = {
            **NEW,
            "feeds": feed,
            "sections": "",
            "aliases": "",
            "selectors": "",
            "crawl_delay": "0",
            "local_test": "1",
            "csrf_token": token_for(admin),
        }
        assert admin.post("/admin/outlets/new", data=form).status_code == 303
        (tmp_path / EFFECTIVE_FILE).unlink()  # the crawl writes it again itself
        env = {**os.environ, "PRESSWATCH_DATA_DIR": str(tmp_path), "PRESSWATCH_ELASTICSEARCH_URL": ""}
        done = subprocess.run(
            [sys.executable, "-m", "presswatch", "crawl", "--outlets", "baothu"],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    index = EmbeddedBackend(tmp_path / "index.sqlite3")
    titles = {index.get(i).title: index.get(i).outlet_id for i in index.ids()}
    assert titles.get("Tin riêng của báo thêm trong ứng dụng") == "baothu"
    assert (tmp_path / EFFECTIVE_FILE).exists()
