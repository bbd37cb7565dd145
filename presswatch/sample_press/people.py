"""Invented people and organisations for the sample articles: officials, residents, bylines.

All names are generated from common Vietnamese name parts; companies are fictional.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SURNAMES = (
    "Nguyễn",
    "Nguyễn",
    "Nguyễn",
    "Trần",
    "Trần",
    "Lê",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Ngô",
    "Dương",
    "Đào",
    "Trịnh",
    "Phan",
    "Hà",
    "Lương",
    "Đinh",
    "Tạ",
    "Nghiêm",
    "Vương",
)
MALE_MIDDLE = (
    "Văn",
    "Văn",
    "Đức",
    "Minh",
    "Quang",
    "Hữu",
    "Xuân",
    "Thanh",
    "Tiến",
    "Công",
    "Đình",
    "Mạnh",
    "Anh",
    "Ngọc",
)
MALE_GIVEN = (
    "Hùng",
    "Dũng",
    "Tuấn",
    "Thắng",
    "Hải",
    "Long",
    "Cường",
    "Bình",
    "Trung",
    "Sơn",
    "Quân",
    "Tùng",
    "Kiên",
    "Hòa",
    "Phong",
    "Lâm",
    "Thành",
    "Nam",
    "Vinh",
    "Khoa",
    "Hiếu",
    "Tú",
    "Việt",
    "Huy",
)
FEMALE_MIDDLE = ("Thị", "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Thúy", "Kim", "Phương")
FEMALE_GIVEN = (
    "Hà",
    "Lan",
    "Hương",
    "Mai",
    "Hạnh",
    "Thủy",
    "Nga",
    "Huyền",
    "Phương",
    "Loan",
    "Dung",
    "Yến",
    "Trang",
    "Linh",
    "Hằng",
    "Vân",
    "Thảo",
    "Oanh",
)


@dataclass(frozen=True)
class Person:
    full: str
    given: str
    female: bool
    age: int

    @property
    def title(self) -> str:  # how the press addresses an official: "ông" / "bà"
        return "bà" if self.female else "ông"

    @property
    def address(self) -> str:  # how the press addresses a resident of this age
        if self.age < 40:
            return "chị" if self.female else "anh"
        return "bà" if self.female else "ông"


def person(rng: random.Random, female: bool | None = None, age: tuple[int, int] = (24, 70)) -> Person:
    if female is None:
        female = rng.random() < 0.35
    middle = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
    given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
    return Person(f"{rng.choice(SURNAMES)} {middle} {given}", given, female, rng.randint(*age))


def official(rng: random.Random) -> Person:
    return person(rng, female=rng.random() < 0.18, age=(42, 59))


# Pen names per outlet; bylines are one name, two names joined by " - ", or a group byline.
REPORTERS: dict[str, tuple[str, ...]] = {
    "baokinhbac": (
        "Minh Anh",
        "Hoàng Long",
        "Ngọc Mai",
        "Đức Trung",
        "Bảo Ngọc",
        "Văn Chiến",
        "Lan Hương",
        "Quang Huy",
    ),
    "tinnhanh": (
        "Phương Linh",
        "Hải Yến",
        "Tuấn Anh",
        "Thùy Dung",
        "Mạnh Cường",
        "Việt Hà",
        "Khánh Linh",
        "Đình Tuấn",
    ),
    "thoisu": (
        "Hồng Nhung",
        "Trung Kiên",
        "Minh Đức",
        "Thanh Hà",
        "Anh Tuấn",
        "Xuân Trường",
        "Hà Phương",
        "Nguyên Khôi",
    ),
    "dautu": ("Kim Oanh", "Bích Ngọc", "Công Thành", "Huy Hoàng", "Ngọc Ánh", "Quỳnh Như", "Trọng Tín"),
    "chinhphu": ("Phương Nhi", "Hải Minh", "Thu Trang", "Gia Huy", "Đức Tuân", "Vân Anh", "Thế Phong"),
    "baodongbang": ("Văn Chiến", "Ngọc Mai", "Thanh Tùng", "Hồng Vân", "Đức Minh", "Thu Hà", "Mạnh Hùng"),
}
GROUP_BYLINES = ("Nhóm PV", "PV", "Nhóm phóng viên")
AGENCY_REPORTERS = ("Xuân Khu", "Thanh Thương", "Văn Dũng", "Thu Hoài", "Đinh Văn Nhiều", "Hoàng Hùng")


def byline(rng: random.Random, outlet_id: str) -> tuple[str, str]:
    """(byline as printed, photo credit name)."""
    names = REPORTERS[outlet_id]
    roll = rng.random()
    if outlet_id in ("baokinhbac", "baodongbang") and roll < 0.3:
        first, second = rng.sample(names, 2)
        return f"{first} - {second}", first
    if outlet_id in ("baokinhbac", "baodongbang", "thoisu") and roll > 0.93:
        return rng.choice(GROUP_BYLINES), "PV"
    name = rng.choice(names)
    return name, name


# Fictional foreign investors and their countries.
FOREIGN_INVESTORS = (
    ("Tập đoàn Hanbit Vina Tech", "Hàn Quốc"),
    ("Công ty Yoshinaga Precision", "Nhật Bản"),
    ("Tập đoàn Jinhua Smart Components", "Trung Quốc"),
    ("Công ty Norvik Electronics", "Singapore"),
    ("Tập đoàn Seoyeon Display", "Hàn Quốc"),
    ("Công ty Kaneda Seiko", "Nhật Bản"),
    ("Công ty Everwin Components", "Đài Loan (Trung Quốc)"),
    ("Tập đoàn Daehan Battery", "Hàn Quốc"),
)
PROMOTION_COUNTRIES = ("Hàn Quốc", "Nhật Bản", "Singapore", "Đài Loan (Trung Quốc)", "Hoa Kỳ")

_COMPANY_KIND = ("Công ty TNHH", "Công ty cổ phần", "Công ty TNHH MTV")
_COMPANY_NAME = (
    "Điện tử Sao Việt",
    "Cơ khí Hồng Phát",
    "May mặc Thành Công",
    "Thực phẩm An Phú",
    "Bao bì Kim Long",
    "Xây dựng Đại Thành",
    "Linh kiện Minh Quang",
    "Nhựa Tân Tiến",
    "Vật liệu Phúc Hưng",
    "Dịch vụ suất ăn Hòa Bình Xanh",
    "Logistics Kinh Bắc Xanh",
    "Gỗ nội thất Phú Gia",
)


def company(rng: random.Random) -> str:
    return f"{rng.choice(_COMPANY_KIND)} {rng.choice(_COMPANY_NAME)}"


PROJECT_NAMES = (
    "Green Park",
    "Sông Xanh",
    "Phú Gia",
    "Hồng Phát",
    "Royal Garden",
    "Thành Đạt",
    "Kim Long",
    "Lake View",
)
