"""The fault sites: outlets that misbehave the way real Vietnamese sites do, one behaviour each.

They are served by the same ``SamplePress`` as the six clean outlets, but listed in their own
registry (``faults.yaml``), so the demo and the end-to-end tests (``outlets.yaml``) stay clean and
quick. ``faults.py`` implements the behaviours; ``FAULTS`` below names them. Names, addresses and
licence numbers are fictional.
"""

from __future__ import annotations

from typing import Any

from .sites import ALL, Section, Site

# One behaviour per site (docs/CRAWLING.md describes each).
FAULTS = {
    "baosongcau": "legacy-encoding",  # Windows-1258 / TCVN3 bytes, right, wrong or no charset
    "nhipsong": "sitemap-only",  # a sitemap index by month, nothing else
    "truyenhinhbacson": "paginated",  # section pages only, several pages each, /{cat}/{yyyymm}/{slug}/
    "tinchop": "flaky",  # every 3rd request fails once: 429 with Retry-After, 500, 503
    "baomiennui": "slow",  # slow answers, one page past the timeout, one oversized page
    "baophonui": "redirects",  # localhost → 127.0.0.1 → 302 → 301 chains and a redirect loop
    "baokin": "robots",  # a section robots.txt disallows, listed everywhere
    "tinmang": "tracking",  # utm_*, fbclid, #fragment, ?amp=1 and /amp copies of each URL
    "baodoimoi": "redesign",  # a new template when SamplePress.redesign() is called
    "tinsang": "javascript",  # the body is fetched and inserted by a script
    "baotamngung": "dead",  # answers 503 to everything
    # A 2025 merger: a paper and a station (ended 2025-06-30) → one agency on a new site, whose
    # feed still links their archived articles at their old URLs, which redirect to its archive.
    "baodongson": "merged-paper",  # old domain (localhost) → 301 → the agency's /luu-tru/
    "truyenhinhdongson": "merged-station",  # old path on the same host → 301 → the agency's /luu-tru/
    "ptthdongson": "merged-agency",  # the successor: new articles and the archive of both
}

# Articles per site (the dead site has none).
COUNTS = {
    "baosongcau": 10,
    "nhipsong": 10,
    "truyenhinhbacson": 16,
    "tinchop": 12,
    "baomiennui": 8,
    "baophonui": 8,
    "baokin": 10,
    "tinmang": 8,
    "baodoimoi": 10,
    "tinsang": 6,
    "ptthdongson": 12,
}
# ptthdongson's first articles are its predecessors' archive (dated before the merger), alternately
# the paper's and the station's; the predecessors serve no article of their own.
ARCHIVED = 6
MERGER_DAY = "2025-07-01"

REPORTERS = {
    "baosongcau": ("Hoàng Quyên", "Minh Đức", "Thu Thủy"),
    "nhipsong": ("Lâm Vũ", "Ngọc Diệp", "Hữu Thắng"),
    "truyenhinhbacson": ("Phương Thảo", "Quang Vinh", "Bảo Ngọc"),
    "tinchop": ("Khánh Linh", "Đình Nam", "Hải Yến"),
    "baomiennui": ("Vàng Seo Dìn", "Lò Thị Hoa", "Đức Anh"),
    "baophonui": ("Ksor Hồng", "Nguyễn Trang", "Văn Lực"),
    "baokin": ("Mai Hương", "Trần Khoa", "Tố Uyên"),
    "tinmang": ("Gia Bảo", "Thùy Dung", "Tiến Đạt"),
    "baodoimoi": ("Hồng Nhung", "Xuân Bách", "Kim Chi"),
    "tinsang": ("Anh Thư", "Minh Khôi", "Diệu Linh"),
    "baotamngung": ("Văn Bình",),
    "baodongson": ("Đỗ Hạnh",),
    "truyenhinhdongson": ("Minh Hiếu",),
    "ptthdongson": ("Đỗ Hạnh", "Minh Hiếu", "Lê Vân"),
}

# baokin's internal section: listed in its feed, sitemap and menu, disallowed by robots.txt.
DISALLOWED_SECTION = "noi-bo"

_ECONOMY = ("investment", "public_investment", "economic_growth", "land", "digital_transformation")
_SOCIETY = ("traffic_safety", "food_safety", "environment", "security_order", "culture")
_POLITICS = ("personnel", "admin_reform", "other")


def _three(first: str, second: str, third: str) -> tuple[Section, ...]:
    return (
        Section(first, first.replace("-", " ").capitalize(), _POLITICS),
        Section(second, second.replace("-", " ").capitalize(), _ECONOMY),
        Section(third, third.replace("-", " ").capitalize(), _SOCIETY),
    )


def _site(
    site_id: str,
    name: str,
    kind: str,
    province: str | None,
    family: str,
    sections: tuple[Section, ...],
    feed: str,
    section_pattern: str,
    article_pattern: str,
    id_start: int,
    id_style: str = "seq",
    **extra: Any,
) -> Site:  # extra: Site's own fields
    number = sorted(FAULTS).index(site_id) + 300
    return Site(
        site_id,
        name,
        f"{site_id}.sample",
        kind,
        province,
        f"{name} – trang tin (bản mẫu)",
        f"Số {number % 90 + 1} đường Mẫu, {province or 'Hà Nội'} (địa chỉ mẫu)",
        f"Giấy phép số {number}/GP-BTTTT (mẫu) cấp ngày 01/03/2024",
        f"Biên tập viên {name[:8]}",
        f"0{200 + number} 3800 000",
        sections,
        feed,
        section_pattern,
        article_pattern,
        "/tag/",
        "/images/{y}/{m}/{name}.jpg",
        id_style,
        id_start,
        (3, 29),
        {},
        family=family,
        **extra,
    )


FAULT_SITES: dict[str, Site] = {
    s.id: s
    for s in (
        _site(
            "baosongcau",
            "Báo Sông Cầu (mẫu)",
            "provincial-party-paper",
            "Thái Nguyên",
            "songcau",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss/home.xml",
            "/{section}.asp",
            "/{section}/{slug}-{id}.html",
            70100,
        ),
        _site(
            "nhipsong",
            "Nhịp Sống Số (mẫu)",
            "central-online",
            None,
            "nhipsong",
            _three("thoi-su", "kinh-doanh", "doi-song"),
            "/rss.xml",
            "/{section}.html",
            "/{slug}-post{id}.html",
            1450000,
            sitemap_path="/sitemap.xml",
        ),
        _site(
            "truyenhinhbacson",
            "Truyền hình Bắc Sơn (mẫu)",
            "provincial-tv",
            "Lạng Sơn",
            "bacson",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss.xml",
            "/{section}/",
            "/{section}/{id}/{slug}/",
            40000,  # {id} = yyyymm, see fault_corpus
            page_size=2,
        ),
        _site(
            "tinchop",
            "Tin Chớp (mẫu)",
            "central-online",
            None,
            "tinnhanh",
            _three("thoi-su", "kinh-doanh", "doi-song"),
            "/rss/tin-moi.rss",
            "/{section}",
            "/{slug}-{id}.html",
            880000,
        ),
        _site(
            "baomiennui",
            "Báo Miền Núi (mẫu)",
            "provincial-party-paper",
            "Lào Cai",
            "thoisu",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss/tin-moi.rss",
            "/{section}.htm",
            "/{slug}-{id}.htm",
            66000,
        ),
        _site(
            "baophonui",
            "Báo Phố Núi (mẫu)",
            "provincial-party-paper",
            "Đắk Lắk",
            "baokinhbac",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss/tin-moi.rss",
            "/{section}",
            "/{section}/{slug}-a{id}.html",
            31000,
        ),
        _site(
            "baokin",
            "Báo Kín (mẫu)",
            "trade-magazine",
            None,
            "dautu",
            (*_three("thoi-su-d1", "dau-tu-d2", "xa-hoi-d3"), Section(DISALLOWED_SECTION, "Nội bộ", ())),
            "/rss/trang-chu.rss",
            "/{section}",
            "/{section}/{slug}-d{id}.html",
            90500,
        ),
        _site(
            "tinmang",
            "Tin Mạng (mẫu)",
            "central-online",
            None,
            "chinhphu",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/home.rss",
            "/{section}.htm",
            "/{slug}-{id}.htm",
            0,
            id_style="vgp",
        ),
        _site(
            "baodoimoi",
            "Báo Đổi Mới (mẫu)",
            "provincial-party-paper",
            "Nam Định",
            "baodongbang",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/feed/",
            "/{section}",
            "/{section}/{slug}-post{id}.html",
            118000,
        ),
        _site(
            "tinsang",
            "Tin Sáng (mẫu)",
            "central-online",
            None,
            "tinsang",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss.xml",
            "/{section}",
            "/{section}/{slug}-{id}.html",
            5200000,
        ),
        _site(
            "baotamngung",
            "Báo Tạm Ngừng (mẫu)",
            "provincial-party-paper",
            "Sơn La",
            "baokinhbac",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss/home.rss",
            "/{section}",
            "/{section}/{slug}-a{id}.html",
            1000,
        ),
        _site(
            "baodongson",
            "Báo Đông Sơn (mẫu)",
            "provincial-party-paper",
            "Phú Thọ",
            "baokinhbac",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss/home.rss",
            "/{section}",
            "/tin/{id}",
            2000,
        ),
        _site(
            "truyenhinhdongson",
            "Truyền hình Đông Sơn (mẫu)",
            "provincial-tv",
            "Phú Thọ",
            "baokinhbac",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss.xml",
            "/{section}",
            "/video/{id}",
            3000,
        ),
        _site(
            "ptthdongson",
            "Báo và Phát thanh, Truyền hình Đông Sơn (mẫu)",
            "provincial-press-agency",
            "Phú Thọ",
            "baokinhbac",
            _three("thoi-su", "kinh-te", "xa-hoi"),
            "/rss/home.rss",
            "/{section}",
            "/{section}/{slug}-a{id}.html",
            4000,
        ),
    )
}

assert set(FAULT_SITES) == set(FAULTS) and set(COUNTS) <= set(FAULTS)
assert all(t in ALL for s in FAULT_SITES.values() for sec in s.sections for t in sec.topics)
