"""The admin pages through the test client (CSRF on): admins only, users, outlets, topic profiles."""

from __future__ import annotations

import hashlib
import re
import time
from html import unescape

import pytest
import yaml

from search.analysis.profiles import PROFILES_PATH
from search.backends import SearchRequest
from tests.helpers import logged_in_client, login, make_user
from web.admin.outlets import effective_enabled, registry_outlets
from web.admin.retag import read_job
from web.db import connect, database_path


@pytest.fixture
def admin(login_as):
    return login_as("admin")


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def token_for(client) -> str:
    return csrf_token(client.get("/search").get_data(as_text=True))


def flashes(client) -> str:
    return unescape(client.get("/admin/users").get_data(as_text=True))


def user_row(app, email: str):
    with connect(database_path(app)) as db:
        return db.execute("SELECT * FROM users WHERE email = ?", (email,)).fetchone()


def admin_routes(app) -> list[tuple[str, str]]:
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("admin."):
            values = {
                name: 1 if "int" in type(conv).__name__.lower() else "an_toan_giao_thong"
                for name, conv in rule._converters.items()
            }
            url = rule.build(values, append_unknown=False)[1]
            out += [(method, url) for method in sorted(rule.methods & {"GET", "POST"})]
    return out


# -- admins only -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["viewer", "editor"])
def test_every_admin_route_refuses_non_admins(app, role):
    client = logged_in_client(app, role)
    token = token_for(client)
    for method, url in admin_routes(app):
        response = client.open(
            url, method=method, data={"csrf_token": token, "role": "admin", "active": "1", "enabled": "1"}
        )
        assert response.status_code == 403, (role, method, url, response.status_code)
    assert user_row(app, make_user(app, "viewer")[0])["role"] == "viewer"


def test_admin_pages_render(admin):
    for url in (
        "/admin/users",
        "/admin/outlets",
        "/admin/topics",
        "/admin/topics/new",
        "/admin/topics/edit/an_toan_giao_thong",
    ):
        assert admin.get(url).status_code == 200, url
    assert admin.get("/admin/").headers["Location"].endswith("/admin/users")


def test_admin_link_is_shown_to_admins_only(app, admin):
    assert 'href="/admin/users"' in admin.get("/search").get_data(as_text=True)
    editor_page = logged_in_client(app, "editor").get("/search").get_data(as_text=True)
    assert 'href="/admin/users"' not in editor_page and 'href="/reports/"' in editor_page
    viewer_page = logged_in_client(app, "viewer").get("/search").get_data(as_text=True)
    assert 'href="/reports/"' not in viewer_page and 'href="/operations/"' not in viewer_page


# -- users -----------------------------------------------------------------------------------------


def test_create_user_with_a_temporary_password(app, admin):
    response = admin.post(
        "/admin/users",
        data={
            "csrf_token": token_for(admin),
            "name": "Nguyễn Văn A",
            "email": "nguyen.van.a@btg.vn",
            "role": "editor",
        },
    )
    assert response.status_code == 201  # shown in this response, not flashed through the session
    page = response.get_data(as_text=True)
    password = re.search(r"chỉ hiện một lần\): ([A-Za-z0-9]{12})", page).group(1)
    assert "Nguyễn Văn A" in page and user_row(app, "nguyen.van.a@btg.vn")["role"] == "editor"
    assert login(app.test_client(), "nguyen.van.a@btg.vn", password).status_code == 302


def test_create_user_refuses_duplicates_and_bad_input(app, admin):
    email, _password = make_user(app, "viewer")
    token = token_for(admin)
    duplicate = admin.post("/admin/users", data={"csrf_token": token, "email": email, "role": "viewer"})
    assert duplicate.status_code == 400 and "Đã có tài khoản" in duplicate.get_data(as_text=True)
    short = admin.post(
        "/admin/users", data={"csrf_token": token, "email": "b@btg.vn", "role": "viewer", "password": "ngan"}
    )
    assert short.status_code == 400 and user_row(app, "b@btg.vn") is None
    bad_role = admin.post("/admin/users", data={"csrf_token": token, "email": "c@btg.vn", "role": "root"})
    assert bad_role.status_code == 400 and user_row(app, "c@btg.vn") is None


def test_change_role_takes_effect_on_the_next_request(app, admin):
    email, password = make_user(app, "viewer")
    user = app.test_client()
    login(user, email, password)
    assert user.get("/reports/").status_code == 403
    user_id = user_row(app, email)["id"]
    response = admin.post(
        f"/admin/users/{user_id}/role", data={"csrf_token": token_for(admin), "role": "editor"}
    )
    assert response.status_code == 303
    assert user.get("/reports/").status_code == 200
    assert (
        admin.post(
            f"/admin/users/{user_id}/role", data={"csrf_token": token_for(admin), "role": "superuser"}
        ).status_code
        == 400
    )
    assert (
        admin.post(
            "/admin/users/99999/role", data={"csrf_token": token_for(admin), "role": "viewer"}
        ).status_code
        == 404
    )


def test_disable_and_enable_a_user(app, admin):
    email, password = make_user(app, "editor")
    user_id = user_row(app, email)["id"]
    admin.post(f"/admin/users/{user_id}/active", data={"csrf_token": token_for(admin), "active": "0"})
    assert user_row(app, email)["active"] == 0
    assert login(app.test_client(), email, password).status_code == 401
    admin.post(f"/admin/users/{user_id}/active", data={"csrf_token": token_for(admin), "active": "1"})
    assert login(app.test_client(), email, password).status_code == 302


def test_reset_password_replaces_the_old_one(app, admin):
    email, old = make_user(app, "viewer")
    user_id = user_row(app, email)["id"]
    page = admin.post(f"/admin/users/{user_id}/password", data={"csrf_token": token_for(admin)})
    new = re.search(r"chỉ hiện một lần\): ([A-Za-z0-9]{12})", page.get_data(as_text=True)).group(1)
    assert new != old and len(new) == 12
    assert login(app.test_client(), email, old).status_code == 401
    assert login(app.test_client(), email, new).status_code == 302


def test_an_admin_cannot_lock_themselves_out(app):
    email, password = make_user(app, "admin")
    client = app.test_client()
    login(client, email, password)
    me = user_row(app, email)["id"]
    client.post(f"/admin/users/{me}/active", data={"csrf_token": token_for(client), "active": "0"})
    client.post(f"/admin/users/{me}/role", data={"csrf_token": token_for(client), "role": "viewer"})
    row = user_row(app, email)
    assert row["active"] == 1 and row["role"] == "admin"
    assert "Không thể tự hạ quyền" in flashes(client)


# -- outlets ---------------------------------------------------------------------------------------


def test_turn_an_outlet_off_and_back_to_the_registry_default(app, admin):
    with app.app_context():  # the outlets are the app's (given by the composition root)
        outlets = [o for o, _source in registry_outlets()]
    enabled = next(o for o in outlets if o.enabled)
    page = admin.get("/admin/outlets?q=" + enabled.id).get_data(as_text=True)
    assert f'data-outlet="{enabled.id}"' in page
    admin.post(f"/admin/outlets/{enabled.id}", data={"csrf_token": token_for(admin), "enabled": "0"})
    with connect(database_path(app)) as db:
        assert effective_enabled(db, outlets)[enabled.id] is False
        assert (
            db.execute("SELECT enabled FROM outlet_settings WHERE outlet_id = ?", (enabled.id,)).fetchone()[0]
            == 0
        )
    off_page = admin.get("/admin/outlets?show=off").get_data(as_text=True)
    assert f'data-outlet="{enabled.id}"' in off_page
    admin.post(f"/admin/outlets/{enabled.id}", data={"csrf_token": token_for(admin), "enabled": "default"})
    with connect(database_path(app)) as db:
        assert effective_enabled(db, outlets)[enabled.id] is True
        assert db.execute("SELECT count(*) FROM outlet_settings").fetchone()[0] == 0


def test_outlet_changes_validate_their_input(admin):
    token = token_for(admin)
    assert (
        admin.post("/admin/outlets/khong-co-bao-nay", data={"csrf_token": token, "enabled": "0"}).status_code
        == 404
    )
    assert (
        admin.post("/admin/outlets/vnexpress", data={"csrf_token": token, "enabled": "maybe"}).status_code
        == 400
    )


# -- topic profiles --------------------------------------------------------------------------------


def profile_form(admin, key: str | None = None) -> dict[str, str]:
    page = admin.get(f"/admin/topics/edit/{key}" if key else "/admin/topics/new").get_data(as_text=True)
    field = {name: unescape(value) for name, value in re.findall(r'name="(\w+)" value="([^"]*)"', page)}
    query = re.search(r'name="query" required>(.*?)</textarea>', page, re.S).group(1)
    return {
        "csrf_token": field["csrf_token"],
        "version": field["version"],
        "key": field.get("key", ""),
        "name": field.get("name", ""),
        "query": unescape(query),
        "min_hits": field.get("min_hits", ""),
    }


def wait_for_job(app, location: str) -> dict:
    job_id = location.rstrip("/").rsplit("/", 1)[-1]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = read_job(app.config["PRESSWATCH_DATA_DIR"], job_id)
        if job and job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"retag job {job_id} did not finish: {job}")


def test_topics_list_shows_the_packaged_profiles(admin):
    page = admin.get("/admin/topics").get_data(as_text=True)
    packaged = yaml.safe_load(PROFILES_PATH.read_text(encoding="utf-8"))["profiles"]
    assert page.count("data-key=") == len(packaged) and "An toàn giao thông" in page
    assert "bộ chủ đề mặc định" in page


def test_preview_shows_the_count_and_the_newest_matches(admin):
    form = profile_form(admin, "an_toan_giao_thong")
    form.update(action="preview", query='"tai nạn giao thông" OR "ùn tắc"', min_hits="1")
    response = admin.post("/admin/topics/edit/an_toan_giao_thong", data=form)
    page = unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    total = int(re.search(r'class="preview-total">(\d+)<', page).group(1))
    assert total == 8  # 4 copies of the QL18 accident + 4 Hà Nội congestion articles
    assert page.count("✔") >= 4 and "Bắc Ninh: tai nạn giao thông nghiêm trọng" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"tai nạn giao thông" AND (', "Lỗi cú pháp"),
        ('topic:"Văn hóa" tai nạn', "only text terms"),
    ],
)
def test_preview_shows_query_errors(admin, query, message):
    form = profile_form(admin, "an_toan_giao_thong")
    form.update(action="preview", query=query)
    response = admin.post("/admin/topics/edit/an_toan_giao_thong", data=form)
    assert response.status_code == 400 and message in unescape(response.get_data(as_text=True))


def test_save_writes_the_data_copy_and_retags(app, admin):
    packaged_before = hashlib.sha256(PROFILES_PATH.read_bytes()).hexdigest()
    form = profile_form(admin)
    form.update(
        action="save",
        key="le_hoi_quan_ho",
        name="Lễ hội, quan họ",
        query='"lễ hội" OR "quan họ"',
        min_hits="1",
    )
    response = admin.post("/admin/topics/new", data=form)
    assert response.status_code == 303 and "/admin/jobs/" in response.headers["Location"]
    job = wait_for_job(app, response.headers["Location"])
    assert job["state"] == "done", job
    assert job["total"] == job["done"] > 0 and job["changed"] > 0
    status_page = admin.get(response.headers["Location"]).get_data(as_text=True)
    assert 'data-state="done"' in status_page
    saved = yaml.safe_load((app.config["PRESSWATCH_DATA_DIR"] / "topics.yaml").read_text(encoding="utf-8"))
    assert saved["profiles"][-1]["key"] == "le_hoi_quan_ho"
    assert hashlib.sha256(PROFILES_PATH.read_bytes()).hexdigest() == packaged_before
    from web import services

    with app.app_context():
        tagged = services.backend().search(SearchRequest(topics=["Lễ hội, quan họ"]))
    assert tagged.total >= 5 and all("quan họ" in h.document.body for h in tagged.hits)
    assert "Đang dùng bản đã chỉnh sửa" in admin.get("/admin/topics").get_data(as_text=True)


def test_a_stale_form_is_refused(admin):
    first = profile_form(admin, "van_hoa")
    second = profile_form(admin, "van_hoa")
    first.update(action="save", name="Văn hóa, di sản")
    assert admin.post("/admin/topics/edit/van_hoa", data=first).status_code == 303
    second.update(action="save", name="Văn hóa - thể thao")
    response = admin.post("/admin/topics/edit/van_hoa", data=second)
    assert response.status_code == 409 and "người khác sửa" in response.get_data(as_text=True)


def test_new_topic_validation(admin):
    form = profile_form(admin)
    form.update(action="preview", key="an_toan_giao_thong", name="Trùng", query="tai nạn")
    assert admin.post("/admin/topics/new", data=form).status_code == 400
    form.update(key="Có Dấu", name="X")
    assert "Mã chủ đề" in admin.post("/admin/topics/new", data=form).get_data(as_text=True)


def test_delete_a_topic(app, admin):
    page = admin.get("/admin/topics").get_data(as_text=True)
    version = re.search(r'name="version" value="([^"]+)"', page).group(1)
    response = admin.post(
        "/admin/topics/delete/van_hoa", data={"csrf_token": csrf_token(page), "version": version}
    )
    assert response.status_code == 303
    wait_for_job(app, response.headers["Location"])
    saved = yaml.safe_load((app.config["PRESSWATCH_DATA_DIR"] / "topics.yaml").read_text(encoding="utf-8"))
    assert "van_hoa" not in {p["key"] for p in saved["profiles"]}


def test_unknown_topics_and_jobs_are_404(admin):
    assert admin.get("/admin/topics/edit/khong_co").status_code == 404
    assert admin.get("/admin/topics/edit/..%2Fetc").status_code == 404
    assert admin.get("/admin/jobs/../../secret_key").status_code == 404
    assert admin.get("/admin/jobs/0123456789abcdef").status_code == 404


def test_disabling_ends_the_users_live_session(app, admin):
    email, password = make_user(app, "editor")
    user = app.test_client()
    login(user, email, password)
    assert user.get("/reports/").status_code == 200
    user_id = user_row(app, email)["id"]
    admin.post(f"/admin/users/{user_id}/active", data={"csrf_token": token_for(admin), "active": "0"})
    assert user.get("/reports/").status_code in (302, 401, 403)


def test_a_topic_the_admin_adds_can_be_subscribed_to(app, admin):
    """The subscription form lists the topics in force (the admin's edit), not the packaged file's."""
    form = profile_form(admin)
    form.update(
        action="save",
        key="le_hoi_quan_ho",
        name="Lễ hội, quan họ",
        query='"lễ hội" OR "quan họ"',
        min_hits="1",
    )
    response = admin.post("/admin/topics/new", data=form)
    assert response.status_code == 303
    wait_for_job(app, response.headers["Location"])
    viewer = logged_in_client(app, "viewer")
    page = unescape(viewer.get("/subscriptions/").get_data(as_text=True))
    assert 'value="Lễ hội, quan họ"' in page and 'value="An toàn giao thông"' in page
