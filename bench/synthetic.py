"""A synthetic Vietnamese-like press corpus for benchmarks: real distributions, made-up text.

Outlets follow a long tail (a few central outlets publish most), topics and provinces are drawn
with weights, and sentences mix topic phrases with everyday press vocabulary, so the queries in
the benchmarks hit realistic result sizes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from search.config import LOCAL_TZ as TZ
from search.document import Document

OUTLETS = [
    (f"outlet{i:02d}", kind)
    for i, kind in enumerate(
        ["central-online"] * 8
        + ["central-daily"] * 10
        + ["provincial-party-paper"] * 30
        + ["trade-magazine"] * 10
        + ["agency"] * 2
    )
]
PROVINCES = [
    "Bắc Ninh",
    "Bắc Giang",
    "Hà Nội",
    "TP.HCM",
    "Đà Nẵng",
    "Hải Phòng",
    "Quảng Ninh",
    "Nghệ An",
    "Thanh Hóa",
    "Thái Nguyên",
    "Nam Định",
    "Hải Dương",
    "Vĩnh Phúc",
    "Lâm Đồng",
    "Cần Thơ",
    "Khánh Hòa",
    "Bình Dương",
    "Đồng Nai",
    "Long An",
    "Gia Lai",
]
TOPICS = {
    "An toàn giao thông": [
        "an toàn giao thông",
        "tai nạn giao thông",
        "cảnh sát giao thông",
        "nồng độ cồn",
        "ùn tắc giao thông",
        "xe quá tải",
    ],
    "Thu hút đầu tư": [
        "thu hút đầu tư",
        "xúc tiến đầu tư",
        "khu công nghiệp",
        "vốn FDI",
        "đối thoại doanh nghiệp",
        "môi trường kinh doanh",
    ],
    "Chuyển đổi số": [
        "chuyển đổi số",
        "dịch vụ công trực tuyến",
        "chính quyền số",
        "kinh tế số",
        "hồ sơ điện tử",
        "ký số",
    ],
    "Đầu tư công": ["đầu tư công", "giải ngân vốn", "dự án trọng điểm", "tiến độ thi công"],
    "Đất đai": [
        "đất đai",
        "giải phóng mặt bằng",
        "thu hồi đất",
        "giấy chứng nhận quyền sử dụng đất",
        "đấu giá quyền sử dụng đất",
    ],
    "An toàn thực phẩm": ["an toàn thực phẩm", "ngộ độc thực phẩm", "bếp ăn tập thể", "thực phẩm bẩn"],
    "Môi trường": ["ô nhiễm môi trường", "xử lý rác thải", "nước thải", "bảo vệ môi trường"],
    "Văn hóa": ["di sản văn hóa", "lễ hội", "quan họ", "du lịch văn hóa", "di tích"],
    "Cải cách hành chính": ["cải cách hành chính", "đạo đức công vụ", "thủ tục hành chính", "một cửa"],
    "Công tác cán bộ": ["công tác cán bộ", "sắp xếp bộ máy", "bổ nhiệm", "tinh gọn bộ máy"],
    "An ninh trật tự": ["an ninh trật tự", "triệt phá", "đường dây", "lừa đảo", "ma túy"],
    "Tăng trưởng kinh tế": [
        "tăng trưởng kinh tế",
        "GRDP",
        "thu ngân sách",
        "xuất khẩu",
        "sản xuất công nghiệp",
    ],
}
FILLER = [
    "theo",
    "báo",
    "cáo",
    "của",
    "UBND",
    "tỉnh",
    "trong",
    "năm",
    "qua",
    "các",
    "sở",
    "ngành",
    "địa",
    "phương",
    "đã",
    "triển",
    "khai",
    "nhiều",
    "giải",
    "pháp",
    "đồng",
    "bộ",
    "nhằm",
    "nâng",
    "cao",
    "hiệu",
    "quả",
    "công",
    "tác",
    "quản",
    "lý",
    "nhà",
    "nước",
    "đồng",
    "thời",
    "tập",
    "trung",
    "tháo",
    "gỡ",
    "khó",
    "khăn",
    "vướng",
    "mắc",
    "cho",
    "người",
    "dân",
    "và",
    "doanh",
    "nghiệp",
    "lãnh",
    "đạo",
    "tỉnh",
    "yêu",
    "cầu",
    "các",
    "đơn",
    "vị",
    "tiếp",
    "tục",
    "quán",
    "triệt",
    "thực",
    "hiện",
    "nghiêm",
    "chỉ",
    "đạo",
    "của",
    "Trung",
    "ương",
    "tăng",
    "cường",
    "kiểm",
    "tra",
    "giám",
    "sát",
    "xử",
    "lý",
    "nghiêm",
    "vi",
    "phạm",
    "kết",
    "quả",
    "đạt",
    "được",
    "khá",
    "tích",
    "cực",
    "nhiều",
    "chỉ",
    "tiêu",
    "vượt",
    "kế",
    "hoạch",
    "đề",
    "ra",
    "tuy",
    "nhiên",
    "vẫn",
    "còn",
    "một",
    "số",
    "tồn",
    "tại",
    "hạn",
    "chế",
    "cần",
    "khắc",
    "phục",
    "trong",
    "thời",
    "gian",
    "tới",
]
TONES = ["neutral"] * 6 + ["positive"] * 2 + ["negative"] * 2


def _sentence(rng: random.Random, phrase: str, province: str) -> str:
    start = rng.randrange(0, len(FILLER) - 20)
    words = FILLER[start : start + rng.randint(10, 20)]
    words.insert(rng.randrange(len(words)), phrase)
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), f"tỉnh {province}")
    return " ".join(words).capitalize() + "."


def documents(count: int, seed: int = 42, end: datetime | None = None) -> Iterator[Document]:
    rng = random.Random(seed)
    end = end or datetime(2026, 11, 20, 22, tzinfo=TZ)
    outlet_weights = [8 if kind.startswith("central") else 1 for _, kind in OUTLETS]
    province_weights = [30 if p in ("Bắc Ninh", "Hà Nội", "TP.HCM") else 5 for p in PROVINCES]
    topic_names = list(TOPICS)
    for n in range(count):
        outlet, kind = rng.choices(OUTLETS, outlet_weights)[0]
        province = rng.choices(PROVINCES, province_weights)[0]
        topic = rng.choice(topic_names)
        phrases = TOPICS[topic]
        title = f"{province}: {rng.choice(phrases).capitalize()} {rng.choice(FILLER[:40])} {n % 97}"
        body = "\n\n".join(_sentence(rng, rng.choice(phrases), province) for _ in range(rng.randint(6, 14)))
        yield Document(
            url=f"https://{outlet}.vn/bai-{n}.html",
            outlet_id=outlet,
            outlet_kind=kind,
            title=title,
            sapo=_sentence(rng, rng.choice(phrases), province),
            body=body,
            provinces=[province],
            topics=[topic],
            tone=rng.choice(TONES),
            published_at=end - timedelta(minutes=rng.randrange(0, 60 * 24 * 180)),
        )


QUERIES = [
    '"an toàn giao thông"',
    "kien nghi",
    "Bắc Ninh",
    '"giải phóng mặt bằng" AND thu hồi',
    "ô nhiễm OR nước thải",
    'chuyển đổi số -"kinh tế số"',
    "giao*",
    'title:"Bắc Ninh"',
    "đầu tư NEAR/5 công",
    "lễ hội ONEAR/3 quan họ",
    'topic:"Đầu tư công"',
    'province:"Hà Nội" tai nạn',
    "tone:negative",
    "published:>=now-30d đất đai",
    '"tăng trưởng kinh tế" GRDP',
    "(ma túy OR lừa đảo) AND triệt phá",
    "=Bắc",
    'outlet:outlet01 "chính quyền số"',
    "kind:provincial-party-paper an toàn thực phẩm",
    "",
]
