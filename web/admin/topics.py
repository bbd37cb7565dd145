"""Admin: topic profiles — list, edit with a preview of matching articles, save, retag.

Preview parses the whole profile file with the edited profile in it (the analysis package's own
validation, so errors name the profile and field), then shows how many stored articles match the
query and the first 20 of them, each marked with whether the profile would tag it. Saving writes
``<data dir>/topics.yaml`` and starts a retag whose progress page refreshes itself.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from search.backends import BackendUnavailable
from search.document import TEXT_FIELDS
from search.query import QueryError
from web import services
from web.admin import profiles_store as store
from web.admin.blueprint import bp
from web.admin.retag import read_job, start_retag
from web.auth import role_required
from web.db import current_flask_app


def _data_dir() -> Any:
    return current_app.config["PRESSWATCH_DATA_DIR"]


@bp.route("/topics")
@role_required("admin")
def topics() -> ResponseReturnValue:
    data, version = store.read_document(_data_dir())
    edited = store.editable_path(_data_dir()).exists()
    return render_template(
        "admin/topics.html",
        profiles=[p for p in data["profiles"] if isinstance(p, dict)],
        defaults=data.get("defaults") or {},
        edited=edited,
        version=version,
        active_tab="topics",
    )


def _form_values(entry: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    fields = entry.get("fields")
    return {
        "key": entry.get("key", ""),
        "name": entry.get("name", ""),
        "description": entry.get("description", ""),
        "query": entry.get("query", ""),
        "fields": fields or defaults.get("fields") or list(TEXT_FIELDS),
        "custom_fields": fields is not None,
        "min_hits": entry.get("min_hits", ""),
        "ignore": "\n".join(entry.get("ignore") or []),
    }


def _render(
    values: dict[str, Any],
    *,
    original_key: str | None,
    version: str,
    defaults: dict[str, Any],
    errors: list[str] | None = None,
    result: store.Preview | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    return render_template(
        "admin/topic_edit.html",
        values=values,
        original_key=original_key,
        version=version,
        defaults=defaults,
        errors=errors or [],
        preview=result,
        text_fields=TEXT_FIELDS,
        preview_size=store.PREVIEW_SIZE,
        outlet_names=services.outlet_names(),
        active_tab="topics",
    ), status


@bp.route("/topics/new", methods=["GET", "POST"])
@role_required("admin")
def new_topic() -> ResponseReturnValue:
    return _edit(None)


@bp.route("/topics/edit/<key>", methods=["GET", "POST"])
@role_required("admin")
def edit_topic(key: str) -> ResponseReturnValue:
    if not store.KEY.match(key):
        abort(404)
    return _edit(key)


def _edit(original_key: str | None) -> ResponseReturnValue:
    data, version = store.read_document(_data_dir())
    defaults = data.get("defaults") or {}
    existing = store.find_entry(data, original_key) if original_key else None
    if original_key and existing is None:
        abort(404)
    if request.method == "GET":
        return _render(
            _form_values(existing or {}, defaults),
            original_key=original_key,
            version=version,
            defaults=defaults,
        )
    entry = store.entry_from_form(request.form)
    values = {**_form_values(entry, defaults), "custom_fields": request.form.get("custom_fields") == "1"}
    posted_version = request.form.get("version", "")
    errors = _entry_errors(entry, data, original_key)
    if errors:
        return _render(
            values,
            original_key=original_key,
            version=posted_version,
            defaults=defaults,
            errors=errors,
            status=400,
        )
    candidate = store.with_entry(data, entry, original_key)
    try:
        profiles, _text = store.validate(candidate, _data_dir())
    except store.ProfileError as error:
        return _render(
            values,
            original_key=original_key,
            version=posted_version,
            defaults=defaults,
            errors=[_explain(error)],
            status=400,
        )
    if request.form.get("action") == "save":
        return _save(candidate, posted_version, entry, values, original_key, defaults)
    try:
        result = store.preview(services.backend(), profiles, entry["key"])
    except QueryError as error:
        return _render(
            values,
            original_key=original_key,
            version=posted_version,
            defaults=defaults,
            errors=[str(error)],
            status=400,
        )
    except BackendUnavailable as error:
        return _render(
            values,
            original_key=original_key,
            version=posted_version,
            defaults=defaults,
            errors=[services.index_unavailable(error)],
            status=503,
        )
    return _render(
        values, original_key=original_key, version=posted_version, defaults=defaults, result=result
    )


def _entry_errors(entry: dict[str, Any], data: dict[str, Any], original_key: str | None) -> list[str]:
    errors = []
    if not store.KEY.match(entry["key"]):
        errors.append(
            _("Mã chủ đề: chỉ chữ thường không dấu, chữ số và dấu gạch dưới (ví dụ: an_toan_giao_thong).")
        )
    elif entry["key"] != original_key and store.find_entry(data, entry["key"]) is not None:
        errors.append(_("Mã chủ đề %(key)s đã có.", key=entry["key"]))
    if not entry["name"]:
        errors.append(_("Cần tên chủ đề (tên hiển thị, dùng làm nhãn của bài viết)."))
    if not entry["query"]:
        errors.append(_("Cần truy vấn của chủ đề."))
    if "fields" in entry and not entry["fields"]:
        errors.append(_("Chọn ít nhất một trường: tiêu đề, sa pô hoặc nội dung."))
    return errors


def _explain(error: store.ProfileError) -> str:
    """The analysis package's message, without the temp file's path."""
    field = error.field or ""
    message = str(error).split(f"field '{field}': ", 1)[-1] if field else str(error)
    return _("Trường %(field)s: %(message)s", field=field, message=message) if field else message


def _save(
    candidate: dict[str, Any],
    posted_version: str,
    entry: dict[str, Any],
    values: dict[str, Any],
    original_key: str | None,
    defaults: dict[str, Any],
) -> ResponseReturnValue:
    try:
        path, _profiles = store.save(candidate, _data_dir(), posted_version)
    except store.StaleEdit:
        _data, version = store.read_document(_data_dir())
        return _render(
            values,
            original_key=original_key,
            version=version,
            defaults=defaults,
            status=409,
            errors=[_("Tệp chủ đề vừa được người khác sửa. Hãy xem trước lại rồi lưu.")],
        )
    job_id = start_retag(current_flask_app(), path, current_user.email)
    flash(_("Đã lưu chủ đề %(name)s. Đang gắn lại chủ đề cho các bài đã lưu.", name=entry["name"]), "success")
    return redirect(url_for("admin.job", job_id=job_id), 303)


@bp.route("/topics/delete/<key>", methods=["POST"])
@role_required("admin")
def delete_topic(key: str) -> ResponseReturnValue:
    data, _version = store.read_document(_data_dir())
    entry = store.find_entry(data, key) if store.KEY.match(key) else None
    if entry is None:
        abort(404)
    try:
        path, _profiles = store.save(
            store.without_entry(data, key), _data_dir(), request.form.get("version", "")
        )
    except store.StaleEdit:
        flash(_("Tệp chủ đề vừa được người khác sửa; hãy thử lại."), "error")
        return redirect(url_for("admin.topics"), 303)
    except store.ProfileError as error:
        flash(_explain(error), "error")
        return redirect(url_for("admin.topics"), 303)
    job_id = start_retag(current_flask_app(), path, current_user.email)
    flash(
        _("Đã xóa chủ đề %(name)s. Đang gắn lại chủ đề cho các bài đã lưu.", name=entry.get("name", key)),
        "success",
    )
    return redirect(url_for("admin.job", job_id=job_id), 303)


@bp.route("/jobs/<job_id>")
@role_required("admin")
def job(job_id: str) -> ResponseReturnValue:
    status = read_job(_data_dir(), job_id)
    if status is None:
        abort(404)
    return render_template("admin/job.html", job=status, active_tab="topics")
