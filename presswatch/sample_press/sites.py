"""The six sample outlets: what each site looks like, where its pages live, what it writes about.

``outlets.yaml`` (the registry the crawler reads) lists the same ids and discovery URLs; the test
suite checks that the two agree. Names, addresses and licence numbers are fictional.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .places import NATIONAL_WEIGHTS, REGION_OF


@dataclass(frozen=True)
class Section:
    slug: str
    name: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    domain: str
    kind: str
    province: str | None
    slogan: str
    address: str
    licence: str
    editor: str
    phone: str
    sections: tuple[Section, ...]
    feed_path: str
    section_pattern: str  # "/{section}" or "/{section}.htm"
    article_pattern: str  # uses {section}, {slug}, {id}
    tag_prefix: str
    image_pattern: str  # uses {y} {m} {d} {name}
    id_style: str  # "seq" or "timestamp" or "vgp"
    id_start: int = 0
    id_step: tuple[int, int] = (3, 17)
    topic_weights: dict[str, float] = field(default_factory=dict, hash=False, compare=False)
    sitemap_path: str = "/sitemap-news.xml"
    old_style_marks: bool = False  # prints "hoá", "uỷ" (tone mark on the second vowel)
    # The CMS family whose templates, date line and feed style the site uses (default: its id);
    # the fault sites (fault_sites.py) reuse a family and add a behaviour.
    family: str = ""
    page_size: int = 20  # articles per section page

    @property
    def markup(self) -> str:
        return self.family or self.id

    @property
    def regions(self) -> dict[str, float]:
        if self.province and self.province in REGION_OF:
            return dict(REGION_OF[self.province])
        return NATIONAL_WEIGHTS

    def section_for(self, topic: str) -> Section:
        return next((s for s in self.sections if topic in s.topics), self.sections[0])

    def section_path(self, slug: str) -> str:
        return self.section_pattern.format(section=slug)

    def article_path(self, section: str, slug: str, article_id: str) -> str:
        return self.article_pattern.format(section=section, slug=slug, id=article_id)

    def tag_path(self, slug: str) -> str:
        return f"{self.tag_prefix}{slug}"

    def image_path(self, when: datetime, name: str) -> str:
        return self.image_pattern.format(y=when.year, m=f"{when.month:02d}", d=f"{when.day:02d}", name=name)

    def weight(self, topic: str) -> float:
        return self.topic_weights.get(topic, 1.0)

    def make_ids(self, moments: list[datetime], rng: random.Random) -> list[str]:
        """Ids for articles published at ``moments`` (oldest first), increasing like a real CMS."""
        ids, current, used = [], self.id_start, set()
        for moment in moments:
            if self.id_style == "seq":
                current += rng.randint(*self.id_step)
                value = str(current)
            elif self.id_style == "timestamp":  # Tuổi Trẻ-like: yyyymmddHHMMSS + 3 digits
                value = f"{moment:%Y%m%d%H%M}{rng.randint(0, 59):02d}{rng.randint(100, 999)}"
            else:  # Báo Chính phủ-like: "102" + creation time yymmddHHMMSS + 3 digits
                created = moment - timedelta(minutes=rng.randint(20, 600))
                value = f"102{created:%y%m%d%H%M}{rng.randint(0, 59):02d}{rng.randint(100, 999)}"
            while value in used:
                value = str(int(value) + 1)
            used.add(value)
            ids.append(value)
        return ids


ALL = (
    "traffic_safety",
    "investment",
    "digital_transformation",
    "public_investment",
    "land",
    "food_safety",
    "environment",
    "culture",
    "admin_reform",
    "personnel",
    "security_order",
    "economic_growth",
    "other",
)

SITES: dict[str, Site] = {
    s.id: s
    for s in (
        Site(
            "baokinhbac",
            "Báo Kinh Bắc (mẫu)",
            "baokinhbac.sample",
            "provincial-party-paper",
            "Bắc Ninh",
            "Cơ quan của Đảng bộ, chính quyền và nhân dân tỉnh (bản mẫu)",
            "Số 8 đường Lý Thái Tổ, TP Bắc Ninh (địa chỉ mẫu)",
            "Giấy phép số 123/GP-BTTTT (mẫu) cấp ngày 02/01/2023",
            "Nguyễn Văn Mẫu",
            "0222 3800 000",
            (
                Section("thoi-su", "Thời sự", ("digital_transformation", "admin_reform", "other")),
                Section("chinh-tri", "Chính trị", ("personnel",)),
                Section("kinh-te", "Kinh tế", ("investment", "public_investment", "economic_growth", "land")),
                Section("xa-hoi", "Xã hội", ("traffic_safety", "food_safety", "environment")),
                Section("phap-luat", "Pháp luật", ("security_order",)),
                Section("van-hoa", "Văn hóa", ("culture",)),
            ),
            "/rss/tin-moi-nhat.rss",
            "/{section}",
            "/{section}/{slug}-a{id}.html",
            "/chu-de/",
            "/uploads/{y}/{m}/{d}/{name}.jpg",
            "seq",
            21400,
            (3, 17),
            {"personnel": 1.3, "culture": 1.3},
        ),
        Site(
            "tinnhanh",
            "Tin Nhanh (mẫu)",
            "tinnhanh.sample",
            "central-online",
            None,
            "Báo điện tử tin nhanh (bản mẫu)",
            "Tầng 10, tòa nhà Mẫu, quận Cầu Giấy, Hà Nội (địa chỉ mẫu)",
            "Giấy phép số 548/GP-BTTTT (mẫu) cấp ngày 24/08/2021",
            "Trần Thị Mẫu",
            "024 7300 0000",
            (
                Section(
                    "thoi-su",
                    "Thời sự",
                    (
                        "traffic_safety",
                        "environment",
                        "digital_transformation",
                        "admin_reform",
                        "personnel",
                        "other",
                    ),
                ),
                Section("kinh-doanh", "Kinh doanh", ("investment", "economic_growth", "public_investment")),
                Section("bat-dong-san", "Bất động sản", ("land",)),
                Section("phap-luat", "Pháp luật", ("security_order",)),
                Section("suc-khoe", "Sức khỏe", ("food_safety",)),
                Section("du-lich", "Du lịch", ("culture",)),
            ),
            "/rss/tin-moi-nhat.rss",
            "/{section}",
            "/{slug}-{id}.html",
            "/chu-de/",
            "/img/{y}/{m}/{d}/{name}.jpg",
            "seq",
            4781000,
            (40, 400),
            {
                "traffic_safety": 1.5,
                "security_order": 1.6,
                "food_safety": 1.3,
                "environment": 1.2,
                "land": 1.1,
                "investment": 0.8,
                "digital_transformation": 0.8,
                "public_investment": 0.8,
                "admin_reform": 0.6,
                "personnel": 0.6,
                "culture": 0.6,
            },
        ),
        Site(
            "thoisu",
            "Thời Sự (mẫu)",
            "thoisu.sample",
            "central-daily",
            None,
            "Nhật báo thời sự (bản mẫu)",
            "Số 60 đường Mẫu, quận 3, TP Hồ Chí Minh (địa chỉ mẫu)",
            "Giấy phép số 561/GP-BTTTT (mẫu) cấp ngày 28/10/2019",
            "Lê Văn Mẫu",
            "028 3997 0000",
            (
                Section(
                    "thoi-su",
                    "Thời sự",
                    (
                        "traffic_safety",
                        "environment",
                        "digital_transformation",
                        "admin_reform",
                        "personnel",
                        "other",
                    ),
                ),
                Section("kinh-doanh", "Kinh doanh", ("investment", "economic_growth", "public_investment")),
                Section("nha-dat", "Nhà đất", ("land",)),
                Section("phap-luat", "Pháp luật", ("security_order",)),
                Section("suc-khoe", "Sức khỏe", ("food_safety",)),
                Section("van-hoa", "Văn hóa", ("culture",)),
            ),
            "/rss/tin-moi-nhat.rss",
            "/{section}.htm",
            "/{slug}-{id}.htm",
            "/chu-de/",
            "/cdn/{y}/{m}/{d}/{name}.jpg",
            "timestamp",
            0,
            (0, 0),
            {
                "traffic_safety": 1.4,
                "security_order": 1.4,
                "food_safety": 1.2,
                "environment": 1.2,
                "land": 1.1,
                "investment": 0.8,
                "public_investment": 0.8,
                "admin_reform": 0.8,
                "personnel": 0.7,
            },
        ),
        Site(
            "dautu",
            "Đầu Tư Việt (mẫu)",
            "dautu.sample",
            "trade-magazine",
            None,
            "Tạp chí kinh tế – đầu tư (bản mẫu)",
            "Số 47 phố Mẫu, quận Ba Đình, Hà Nội (địa chỉ mẫu)",
            "Giấy phép số 1/GP-BC (mẫu) ngày 08/01/2024 của Cục Báo chí",
            "Phạm Hồng Mẫu",
            "024 3845 0000",
            (
                Section(
                    "dau-tu-d2", "Đầu tư", ("investment", "public_investment", "economic_growth", "land")
                ),
                Section("kinh-te-so-d5", "Kinh tế số", ("digital_transformation",)),
                Section(
                    "thoi-su-d1",
                    "Thời sự",
                    (
                        "personnel",
                        "admin_reform",
                        "security_order",
                        "traffic_safety",
                        "food_safety",
                        "environment",
                        "culture",
                        "other",
                    ),
                ),
            ),
            "/rss/trang-chu.rss",
            "/{section}",
            "/{slug}-d{id}.html",
            "/tag/",
            "/stores/news_dataimages/{y}/{m}/{d}/{name}.jpg",
            "seq",
            538000,
            (5, 60),
            {
                "investment": 2.4,
                "public_investment": 2.2,
                "economic_growth": 2.0,
                "land": 1.6,
                "digital_transformation": 1.0,
                "environment": 0.4,
                "traffic_safety": 0.2,
                "food_safety": 0.2,
                "culture": 0.15,
                "security_order": 0.2,
                "admin_reform": 0.3,
                "personnel": 0.3,
                "other": 0.1,
            },
        ),
        Site(
            "chinhphu",
            "Tin Chính phủ (mẫu)",
            "chinhphu.sample",
            "central-online",
            None,
            "Báo điện tử thông tin chính sách (bản mẫu)",
            "Số 16 phố Mẫu, quận Ba Đình, Hà Nội (địa chỉ mẫu)",
            "Giấy phép số 102/GP-BTTTT (mẫu) cấp ngày 15/04/2024",
            "Đỗ Minh Mẫu",
            "080 4 0000",
            (
                Section(
                    "thoi-su",
                    "Thời sự",
                    ("personnel", "admin_reform", "security_order", "traffic_safety", "culture", "other"),
                ),
                Section("kinh-te", "Kinh tế", ("investment", "economic_growth", "public_investment", "land")),
                Section(
                    "chinh-sach-va-cuoc-song",
                    "Chính sách và cuộc sống",
                    ("digital_transformation", "food_safety", "environment"),
                ),
            ),
            "/home.rss",
            "/{section}.htm",
            "/{slug}-{id}.htm",
            "/tag/",
            "/media/{y}/{m}/{d}/{name}.jpg",
            "vgp",
            0,
            (0, 0),
            {
                "admin_reform": 2.0,
                "personnel": 1.8,
                "digital_transformation": 1.8,
                "public_investment": 1.6,
                "economic_growth": 1.5,
                "investment": 1.2,
                "culture": 0.6,
                "land": 0.6,
                "traffic_safety": 0.5,
                "security_order": 0.5,
                "food_safety": 0.5,
                "environment": 0.6,
                "other": 0.3,
            },
        ),
        Site(
            "baodongbang",
            "Báo Đông Bằng (mẫu)",
            "baodongbang.sample",
            "provincial-party-paper",
            "Hải Dương",
            "Tiếng nói của Đảng bộ, chính quyền và nhân dân (bản mẫu)",
            "Số 12 đường Mẫu, TP Hải Dương (địa chỉ mẫu)",
            "Giấy phép số 245/GP-BTTTT (mẫu) cấp ngày 12/06/2022",
            "Vũ Thị Mẫu",
            "0220 3850 000",
            (
                Section(
                    "thoi-su", "Thời sự", ("digital_transformation", "admin_reform", "personnel", "other")
                ),
                Section("kinh-te", "Kinh tế", ("investment", "public_investment", "economic_growth", "land")),
                Section("xa-hoi", "Xã hội", ("traffic_safety", "food_safety", "environment")),
                Section("phap-luat", "Pháp luật", ("security_order",)),
                Section("van-hoa", "Văn hoá", ("culture",)),
            ),
            "/feed/",
            "/{section}",
            "/{section}/{slug}-post{id}.html",
            "/tag/",
            "/wp-content/uploads/{y}/{m}/{name}.jpg",
            "seq",
            245000,
            (3, 25),
            {},
            old_style_marks=True,
        ),
    )
}

NATIONAL_SITES = ("tinnhanh", "thoisu", "dautu", "chinhphu")
