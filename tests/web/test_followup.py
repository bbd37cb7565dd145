"""Follow-up on the server: the state machine, the append-only trail, roles, CSRF, the units
directory seeded from the administrative-units package, the work queue."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta

import pytest

from search.document import document_id
from tests.browser.corpus import corpus_app
from tests.helpers import logged_in_client
from web.db import connect, database_path
from web.followup.states import TransitionError, allowed, decide

TODAY = date(2026, 12, 2)
TRAFFIC = document_id("https://vnexpress.example.vn/tai-nan-ql18-0.html")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app, _anchor = corpus_app(tmp_path_factory.mktemp("followup"))
    return app


def token(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def post(client, path: str, **data):
    page = client.get(path).get_data(as_text=True)
    return client.post(f"/followup/article/{TRAFFIC}/act", data={"csrf_token": token(page), **data})


def item_state(app) -> str | None:
    with connect(database_path(app)) as db:
        row = db.execute(
            "SELECT state FROM followups WHERE kind = 'article' AND target = ?", (TRAFFIC,)
        ).fetchone()
    return row[0] if row else None


def test_state_machine_allows_only_the_documented_path():
    assert allowed("new")[:3] == ["seen", "flag", "close"]
    with pytest.raises(TransitionError):
        decide("new", "answer", {"response_text": "x"}, today=TODAY, units={1}, users={1})
    with pytest.raises(TransitionError):  # forwarding needs a known unit and a deadline not past
        decide(
            "action", "forward", {"unit": "9", "due_date": "2026-12-09"}, today=TODAY, units={1}, users=set()
        )
    with pytest.raises(TransitionError):
        decide(
            "action", "forward", {"unit": "1", "due_date": "2026-12-01"}, today=TODAY, units={1}, users=set()
        )
    with pytest.raises(TransitionError):  # a response link is a web address, nothing else
        decide(
            "forwarded",
            "answer",
            {"response_text": "Đã xử lý", "response_url": "javascript:alert(1)"},
            today=TODAY,
            units=set(),
            users=set(),
        )
    change = decide(
        "action",
        "forward",
        {"unit": "1", "due_date": "2026-12-09", "assignee": "7"},
        today=TODAY,
        units={1},
        users={7},
    )
    assert (change.to_state, change.fields) == (
        "forwarded",
        {"assignee_id": 7, "unit_id": 1, "due_date": "2026-12-09"},
    )
    assert decide("closed", "reopen", {}, today=TODAY, units=set(), users=set()).to_state == "action"


def test_units_seeded_with_the_provinces_communes_and_departments(app):
    with connect(database_path(app)) as db:
        kinds = dict(db.execute("SELECT kind, count(*) FROM units GROUP BY kind").fetchall())
        names = {row[0] for row in db.execute("SELECT name FROM units")}
    assert kinds["commune"] == 99  # the new Bắc Ninh's 99 commune-level units (July 2025)
    assert {"Phường Bắc Giang", "Sở Khoa học và Công nghệ", "Ban Tuyên giáo và Dân vận Tỉnh ủy"} <= names
    assert "Sở Thông tin và Truyền thông" not in names  # merged in March 2025


def test_viewer_cannot_act_and_forms_need_csrf(app):
    viewer = logged_in_client(app, "viewer")
    page = viewer.get(f"/articles/{TRAFFIC}").get_data(as_text=True)
    assert 'value="flag"' not in page  # no buttons for a viewer...
    response = viewer.post(
        f"/followup/article/{TRAFFIC}/act", data={"csrf_token": token(page), "action": "flag", "state": "new"}
    )
    assert response.status_code == 403  # ...and the server refuses the POST too
    editor = logged_in_client(app, "editor")
    assert (
        editor.post(f"/followup/article/{TRAFFIC}/act", data={"action": "flag", "state": "new"}).status_code
        == 400
    )  # no CSRF token
    assert item_state(app) is None


def test_editor_path_and_the_trail_cannot_be_edited(app):
    editor = logged_in_client(app, "editor")
    article = f"/articles/{TRAFFIC}"
    assert post(editor, article, action="answer", state="new", response_text="x").status_code == 303
    assert item_state(app) == "new"  # refused: answering needs a forwarded item
    post(editor, article, action="flag", state="new")
    assert item_state(app) == "action"
    post(editor, article, action="seen", state="new")  # a stale form: someone acted meanwhile
    assert item_state(app) == "action"
    with connect(database_path(app)) as db:
        unit = db.execute("SELECT id FROM units WHERE name = 'Sở Y tế'").fetchone()[0]
    due = (date.today() + timedelta(days=5)).isoformat()
    post(editor, article, action="forward", state="action", unit=str(unit), due_date=due)
    post(
        editor,
        article,
        action="answer",
        state="forwarded",
        response_text="Sở đã kiểm tra",
        response_number="123/SYT-VP",
    )
    post(editor, article, action="close", state="answered")
    assert item_state(app) == "closed"
    page = editor.get(article).get_data(as_text=True)
    trail = re.search(r'<ol class="fu-trail">(.*?)</ol>', page, re.S).group(1)
    assert re.findall(r'data-action="(\w+)"', trail) == ["open", "flag", "forward", "answer", "close"]
    assert "Sở Y tế" in trail and "123/SYT-VP" in trail
    with connect(database_path(app)) as db:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE followup_events SET actor = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM followup_events")


def test_queue_lists_new_items_once_per_visit(app):
    viewer = logged_in_client(app, "viewer")
    page = viewer.get("/followup/").get_data(as_text=True)
    assert "Việc cần xử lý" in page
    editor = logged_in_client(app, "editor")
    story = "story-yenphong"
    page = editor.get(f"/stories/{story}").get_data(as_text=True)
    editor.post(
        f"/followup/story/{story}/act", data={"csrf_token": token(page), "action": "flag", "state": "new"}
    )
    new = re.search(
        r'id="queue-new">(.*?)</section>', viewer.get("/followup/").get_data(as_text=True), re.S
    ).group(1)
    assert "Người dân Yên Phong" in new
