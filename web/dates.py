"""Date parameters of the web routes: parsed one way, refused with a clear 400 when not a date.

A view declares the date parameters it reads with ``@date_params("from", "to")`` (under
``@bp.route``) and reads each with ``date_arg(name)``. The declaration is what a test walks to
drive every route's dates (``view.date_params``); reading an undeclared one is a programming
error, so a new date parameter cannot escape that test.

Dates outside ``MIN_DATE``..``MAX_DATE`` are refused rather than passed on: ``datetime.date``
accepts years 1 to 9999, and a day or a week added to 31/12/9999 overflows (that was a 500).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import wraps
from typing import Any, TypeVar, cast

import click
from flask import Flask, current_app, has_request_context, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.exceptions import BadRequest

from web.filters import MAX_DATE, MIN_DATE, parse_date

# A view function, whose signature a decorator keeps.
_View = TypeVar("_View", bound=Callable[..., Any])


class DateParamError(BadRequest):
    """A date parameter that is not a date Presswatch can use."""

    def __init__(self, name: str, value: str) -> None:
        self.param, self.value = name, value
        super().__init__(f"invalid date parameter {name}={value[:40]!r}")

    @property
    def message(self) -> str:
        """In the reader's language (translated when shown, not when raised)."""
        return _(
            "Ngày “%(value)s” không hợp lệ: hãy viết dạng dd/mm/yyyy, ví dụ 25/11/2026, "
            "trong khoảng năm %(first)d–%(last)d.",
            value=self.value[:40],
            first=MIN_DATE.year,
            last=MAX_DATE.year,
        )


def date_params(*names: str, checked: bool = True) -> Callable[[_View], _View]:
    """Declare the date parameters a view reads (see the module docstring).

    ``checked``: refuse a malformed one before the view runs, even when this request does not
    use it (a CSV export ignores the review's ``date``); a view that shows the error in its own
    page (the search form) passes False and handles ``DateParamError`` itself.
    """

    def declare(view: _View) -> _View:
        declared: Callable[..., Any] = view
        if checked:

            @wraps(view)
            def view_with_dates(*args: Any, **kwargs: Any) -> Any:
                source = request.form if request.method == "POST" else request.args
                for name in names:
                    date_arg(name, source)
                return view(*args, **kwargs)

            declared = view_with_dates
        declared.date_params = tuple(names)  # type: ignore[attr-defined]  # read by date_arg
        return cast(_View, declared)  # wraps() keeps the view's name and signature

    return declare


def date_arg(name: str, args: Mapping[str, str] | None = None) -> date | None:
    """``args[name]`` (default: the query string) as a date; None when absent or empty.

    Reading the request's own arguments or form needs the view's declaration; other mappings
    (a saved search's stored arguments) do not.

    Raises ``DateParamError`` for text that is not a date in range.
    """
    source = request.args if args is None else args
    if has_request_context() and request.endpoint and (source is request.args or source is request.form):
        declared = getattr(current_app.view_functions.get(request.endpoint), "date_params", ())
        if name not in declared:
            raise RuntimeError(
                f"{request.endpoint} reads the date parameter {name!r} without declaring it with @date_params"
            )
    text = (source.get(name) or "").strip()
    if not text:
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise DateParamError(name, text)
    return parsed


class DayParam(click.ParamType):  # type: ignore[type-arg]  # click 8.2's generic is optional
    """A local day on the command line (``--date``): YYYY-MM-DD or dd/mm/yyyy, in the same range."""

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        parsed = parse_date(str(value))
        if parsed is None:
            self.fail(
                f"{value!r} is not a date YYYY-MM-DD (or dd/mm/yyyy) between the years "
                f"{MIN_DATE.year} and {MAX_DATE.year}",
                param,
                ctx,
            )
        return parsed


def _refuse(error: DateParamError) -> ResponseReturnValue:
    return render_template("error.html", code=400, message=error.message), 400


def init_app(app: Flask) -> None:
    app.register_error_handler(DateParamError, _refuse)
