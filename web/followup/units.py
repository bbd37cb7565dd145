"""The units directory: the focus province's departments, boards and communes that follow-up
items are forwarded to. Seeded once, when empty; admins add, rename and retire units after that.

Communes come from the ``vietnamadminunits`` dataset (the communes after the 1 July 2025
reorganisation; the district level no longer exists); the provincial bodies are the ones every
province has under their 2025 names (the Department of Information and Communications merged into
Science and Technology, the Propaganda and Mass Mobilisation boards into one). A province whose
set differs edits the directory.
"""

from __future__ import annotations

import importlib.util
import logging
import sqlite3
from pathlib import Path

from web.i18n import N_

log = logging.getLogger(__name__)
UNIT_KINDS = {
    "department": N_("Sở, ngành"),
    "board": N_("Ban, cơ quan"),
    "commune": N_("Xã, phường"),
    "other": N_("Khác"),
}
PROVINCIAL_BODIES = (
    ("board", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("board", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("board", "Ban Quản lý các khu công nghiệp tỉnh"),
    ("board", "Công an tỉnh"),
    ("board", "Thanh tra tỉnh"),
    ("department", "Sở Nội vụ"),
    ("department", "Sở Tài chính"),
    ("department", "Sở Tư pháp"),
    ("department", "Sở Công Thương"),
    ("department", "Sở Nông nghiệp và Môi trường"),
    ("department", "Sở Xây dựng"),
    ("department", "Sở Khoa học và Công nghệ"),
    ("department", "Sở Giáo dục và Đào tạo"),
    ("department", "Sở Y tế"),
    ("department", "Sở Văn hóa, Thể thao và Du lịch"),
    ("department", "Sở Dân tộc và Tôn giáo"),
)


def communes(province: str) -> list[str]:
    """The province's communes, wards and special zones after 1 July 2025 ("Phường Bắc Giang")."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:
        log.warning("vietnamadminunits is not installed: the units directory has no communes")
        return []
    data = Path(spec.origin).parent / "data" / "dataset.db"
    try:
        source = sqlite3.connect(f"file:{data}?mode=ro", uri=True)
        rows = source.execute(
            "SELECT ward FROM admin_units WHERE provinceShort = ? ORDER BY wardType, wardShort", (province,)
        ).fetchall()
        source.close()
    except sqlite3.Error as error:
        log.warning("cannot read %s: %s", data, error)
        return []
    return [row[0] for row in rows if row[0]]


def seed(db: sqlite3.Connection, province: str) -> int:
    """Fill an empty directory; returns how many units were added (0 when it had any)."""
    if db.execute("SELECT 1 FROM units LIMIT 1").fetchone():
        return 0
    rows = [(kind, name) for kind, name in PROVINCIAL_BODIES]
    rows += [("commune", name) for name in communes(province)]
    db.executemany("INSERT OR IGNORE INTO units(kind, name) VALUES (?, ?)", rows)
    db.commit()
    return len(rows)


def active_units(db: sqlite3.Connection) -> list[sqlite3.Row]:
    return db.execute("SELECT * FROM units WHERE active = 1 ORDER BY kind = 'commune', kind, name").fetchall()


def all_units(db: sqlite3.Connection) -> list[sqlite3.Row]:
    return db.execute("SELECT * FROM units ORDER BY active DESC, kind = 'commune', kind, name").fetchall()
