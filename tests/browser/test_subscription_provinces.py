"""In Chromium, the province suggestions of the "Nhận tin" form name today's provinces as today's.

Found using the demo as a new user (notes/walk4.md): the list offered the 63 pre-2025 names
("Bắc Giang", "Hà Giang", "Kiên Giang" …) alphabetically among the 34 of today, with nothing to
tell them apart, while the search page marks the former ones "(cũ)". Subscribing to "Bắc Giang"
follows only articles naming the old unit; "Bắc Ninh" follows the whole province of today.
"""

from __future__ import annotations

from search.analysis.gazetteer import default_gazetteer
from tests.helpers import make_user


def test_former_provinces_are_marked_and_listed_after_todays(live_server, browser_page, login_page):
    page = browser_page
    email, password = make_user(live_server.app, "viewer")
    login_page(page, email, password)
    page.goto(f"{live_server.url}/subscriptions/")
    options = page.eval_on_selector_all(
        "datalist#sb-provinces option", "options => options.map(o => [o.value, o.label])"
    )
    today = set(default_gazetteer().new_units)
    assert len(today) == 34
    values = [value for value, _ in options]
    assert set(values) >= today | {"Bắc Giang", "Hà Giang"}  # old names can still be picked
    assert set(values[: len(today)]) == today  # today's provinces first
    for value, label in options:
        if value in today:
            assert "(cũ)" not in label, (value, label)
        else:
            assert "(cũ)" in label, (value, label)
