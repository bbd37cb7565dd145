"""Interface languages: Vietnamese (the source language of every message) and English.

Messages are written in Vietnamese in templates and code; ``web/translations/en`` holds the
English catalogue. The choice lives in the session and is changed by a CSRF-protected POST, so a
shared search link opens in the reader's own language.

Updating the catalogue after changing a message (from the repository root)::

    pybabel extract -F web/translations/babel.cfg -k N_ -k lazy_gettext -o web/translations/messages.pot web
    pybabel update --ignore-obsolete -i web/translations/messages.pot -d web/translations -N
    # translate the new entries in web/translations/en/LC_MESSAGES/messages.po, then
    pybabel compile -d web/translations

The compiled ``.mo`` is committed (an editable install and CI read it from the tree); a test
(tests/web/test_i18n_catalogue.py) extracts every module and template and fails when the
``.po`` and ``.mo`` disagree or a message has no English translation.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Flask, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import Babel, get_locale, gettext

from search.config import TIME_ZONE

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"

babel = Babel()
bp = Blueprint("i18n", __name__)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark a string for extraction without translating it (translated where it is shown)."""
    return message


def select_language() -> str:
    chosen = session.get("language")
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None else DEFAULT_LANGUAGE


def _safe_next(target: str | None) -> str:
    """Back to the page the switch was on; only same-site paths (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("dashboard.index")


@bp.route("/language", methods=["POST"])
def set_language() -> ResponseReturnValue:
    # Also open to anonymous visitors, so the login page can be read in English.
    language = request.form.get("language", "")
    if language in LANGUAGES:
        session["language"] = language
    return redirect(_safe_next(request.form.get("next")))


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", TIME_ZONE)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    babel.init_app(app, locale_selector=select_language)
    # ``translate``: plain gettext for code that formats the message itself (the templates' ``_``
    # always %-formats, which breaks on a message with placeholders passed as a value).
    app.jinja_env.globals.update(LANGUAGES=LANGUAGES, current_language=current_language, translate=gettext)
    app.register_blueprint(bp)
