"""Template filters: Vietnamese date formats and labels."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Flask

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TONE_LABELS = {"negative": "Tiêu cực", "neutral": "Trung tính", "positive": "Tích cực"}
KIND_LABELS = {
    "central-daily": "Báo trung ương", "central-online": "Báo điện tử trung ương",
    "provincial-party-paper": "Báo Đảng địa phương", "provincial-tv": "Đài PT-TH địa phương",
    "trade-magazine": "Báo, tạp chí ngành", "agency": "Thông tấn",
}
FACET_LABELS = {"outlet": "Cơ quan báo chí", "kind": "Loại hình", "province": "Tỉnh, thành",
                "topic": "Chủ đề", "tone": "Sắc thái"}


def local_datetime(value: datetime | None, with_time: bool = True) -> str:
    if value is None:
        return ""
    value = value.astimezone(LOCAL_TZ)
    return value.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def init_app(app: Flask) -> None:
    app.jinja_env.filters["vn_datetime"] = local_datetime
    app.jinja_env.filters["vn_date"] = lambda v: local_datetime(v, with_time=False)
    app.jinja_env.globals.update(TONE_LABELS=TONE_LABELS, KIND_LABELS=KIND_LABELS,
                                 FACET_LABELS=FACET_LABELS)
