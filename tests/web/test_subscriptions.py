"""The subscriptions page: login required, own subscriptions only, CSRF on every change."""

from __future__ import annotations

import re

import pytest

from tests.helpers import logged_in_client
from web.db import connect, database_path
from web.digest.model import list_subscriptions


@pytest.fixture
def app():
    from presswatch.app import create_app

    return create_app({"SECRET_KEY": "subscriptions-tests", "PRESSWATCH_FOCUS_PROVINCE": "Bắc Ninh"})


def csrf(client, path: str = "/subscriptions/") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)


def subscriptions(app, email: str | None = None):
    with connect(database_path(app)) as db:
        user_id = None
        if email:
            user_id = db.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()[0]
        return list_subscriptions(db, user_id=user_id)


def form(**values) -> dict:
    base = {
        "kind": "province",
        "province": "Bắc Ninh",
        "topic": "",
        "saved_search": "",
        "frequency": "daily",
        "send_at": "07:00",
        "alert_rule": "match",
        "min_outlets": "3",
    }
    return {**base, **values}


def test_login_required(app):
    response = app.test_client().get("/subscriptions/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_create_list_edit_pause_delete(app):
    client = logged_in_client(app)
    page = client.get("/subscriptions/").get_data(as_text=True)
    assert "Bạn chưa đăng ký nhận tin nào" in page and 'value="Bắc Ninh"' in page  # focus province default
    assert '<option value="An toàn giao thông">' in page  # topic suggestions from the profiles
    token = csrf(client)
    response = client.post("/subscriptions/", data=form(csrf_token=token, send_at="06:45"))
    assert response.status_code == 302
    response = client.post(
        "/subscriptions/",
        data=form(
            csrf_token=token,
            kind="topic",
            topic="An toàn  giao thông",
            frequency="immediate",
            alert_rule="story",
            min_outlets="4",
            attach_docx="y",
        ),
    )
    assert response.status_code == 302
    first, second = subscriptions(app)
    assert (first.kind, first.target, first.frequency, first.send_at) == (
        "province",
        "Bắc Ninh",
        "daily",
        "06:45",
    )
    assert (second.kind, second.target, second.alert_rule, second.min_outlets, second.attach_docx) == (
        "topic",
        "An toàn giao thông",
        "story",
        4,
        True,
    )
    page = client.get("/subscriptions/").get_data(as_text=True)
    assert "Hằng ngày lúc 06:45" in page
    assert "Cảnh báo ngay: sự việc được từ 4 cơ quan báo chí trở lên đưa tin" in page

    edit = client.get(f"/subscriptions/{first.id}/edit").get_data(as_text=True)
    assert 'value="06:45"' in edit and "Lưu thay đổi" in edit
    client.post(f"/subscriptions/{first.id}/edit", data=form(csrf_token=token, frequency="weekly"))
    assert subscriptions(app)[0].frequency == "weekly"

    client.post(f"/subscriptions/{first.id}/toggle", data={"csrf_token": token})
    assert not subscriptions(app)[0].active
    client.post(f"/subscriptions/{first.id}/toggle", data={"csrf_token": token})
    assert subscriptions(app)[0].active
    client.post(f"/subscriptions/{first.id}/delete", data={"csrf_token": token})
    assert [s.id for s in subscriptions(app)] == [second.id]


def test_csrf_is_required(app):
    client = logged_in_client(app)
    assert client.post("/subscriptions/", data=form()).status_code == 400
    assert subscriptions(app) == []


def test_validation(app):
    client = logged_in_client(app)
    token = csrf(client)
    for bad, message in (
        (form(send_at="7h"), "Giờ gửi có dạng HH:MM"),
        (form(kind="topic", topic="  "), "Vui lòng chọn hoặc nhập"),
        (form(min_outlets="1"), "Number must be"),
        (form(kind="saved_search", saved_search="1"), "Tìm kiếm đã lưu không hợp lệ"),
    ):
        response = client.post("/subscriptions/", data={**bad, "csrf_token": token})
        assert response.status_code == 400, bad
        assert message in response.get_data(as_text=True), message
    assert subscriptions(app) == []


def test_only_own_subscriptions_and_saved_searches(app):
    owner = logged_in_client(app)
    token = csrf(owner)
    owner.post("/subscriptions/", data=form(csrf_token=token))
    (mine,) = subscriptions(app)
    owner.post(
        "/search/saved",
        data={
            "csrf_token": token,
            "name": "Tìm kiếm riêng",
            "query_string": "q=l%E1%BB%ABa+%C4%91%E1%BA%A3o",
        },
    )  # the page's Lưu
    listing = owner.get("/search/saved").get_data(as_text=True)
    search_id = re.search(r"/search/saved/(\d+)/delete", listing).group(1)

    intruder = logged_in_client(app)
    other_token = csrf(intruder)
    assert "Bạn chưa đăng ký nhận tin nào" in intruder.get("/subscriptions/").get_data(as_text=True)
    assert "Tìm kiếm riêng" not in intruder.get("/subscriptions/").get_data(as_text=True)
    assert intruder.get(f"/subscriptions/{mine.id}/edit").status_code == 404
    for action in ("toggle", "delete"):
        assert (
            intruder.post(f"/subscriptions/{mine.id}/{action}", data={"csrf_token": other_token}).status_code
            == 404
        )
    assert (
        intruder.post(
            f"/subscriptions/{mine.id}/edit", data=form(csrf_token=other_token, province="Hà Nội")
        ).status_code
        == 404
    )
    response = intruder.post(
        "/subscriptions/", data=form(csrf_token=other_token, kind="saved_search", saved_search=str(search_id))
    )
    assert response.status_code == 400  # someone else's saved search
    (still_mine,) = subscriptions(app)
    assert (still_mine.active, still_mine.target) == (True, "Bắc Ninh")

    response = owner.post(
        "/subscriptions/",
        data=form(csrf_token=token, kind="saved_search", saved_search=str(search_id), frequency="immediate"),
    )
    assert response.status_code == 302
    assert subscriptions(app)[-1].scope_label == "Tìm kiếm “Tìm kiếm riêng”"
