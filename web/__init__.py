"""The Presswatch web app: the app factory. ``presswatch.app.create_app`` is the one to run
(``presswatch run``, ``flask --app presswatch.app run``): it gives this app the outlets and the
crawl state, which web/ does not read itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext

from web.config import load_config
from web.i18n import N_


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(load_config())
    app.config.update(overrides or {})

    from web import auth, dates, db, filters, i18n, security, services
    from web.extensions import csrf, limiter

    security.init_app(app)
    db.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    auth.login_manager.init_app(app)
    services.init_app(app)
    filters.init_app(app)
    dates.init_app(app)
    i18n.init_app(app)

    from web.account import bp as account_bp
    from web.articles import bp as articles_bp
    from web.basket import bp as basket_bp
    from web.corrections import bp as corrections_bp
    from web.dashboard import bp as dashboard_bp
    from web.digest.views import bp as digest_bp
    from web.followup import bp as followup_bp
    from web.search_views import bp as search_bp
    from web.stories import bp as stories_bp
    from web.subscriptions import bp as subscriptions_bp
    from web.versions import bp as versions_bp

    app.register_blueprint(auth.bp)
    app.register_blueprint(account_bp)
    app.register_blueprint(search_bp)
    app.register_blueprint(articles_bp)
    app.register_blueprint(basket_bp)
    app.register_blueprint(corrections_bp)
    app.register_blueprint(dashboard_bp)
    app.register_blueprint(subscriptions_bp)
    app.register_blueprint(digest_bp)
    app.register_blueprint(followup_bp)
    app.register_blueprint(stories_bp)
    app.register_blueprint(versions_bp)

    from web.admin import bp as admin_bp
    from web.operations import bp as operations_bp
    from web.reports import bp as reports_bp

    app.register_blueprint(reports_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(operations_bp)

    for code, message in (
        (403, N_("Bạn không có quyền thực hiện thao tác này.")),
        (404, N_("Không tìm thấy trang hoặc bài viết.")),
        (429, N_("Quá nhiều lần thử. Vui lòng đợi một phút rồi thử lại.")),
    ):
        app.register_error_handler(code, _error_page(code, message))
    return app


def _error_page(code: int, message: str) -> Callable[[Exception], ResponseReturnValue]:
    def handler(error: Exception) -> ResponseReturnValue:
        return render_template("error.html", code=code, message=gettext(message)), code

    return handler
