"""What furniture says: the words and line shapes of page furniture, judged line by line.

The headings that open related lists ("Tin cùng chuyên mục", "Tham khảo thêm"), the ones after which
the article is over (``TERMINAL``), buttons, photo credits, ratings, bare addresses, widget wording;
``filter_lines`` applies them to a body's lines (pages and plain-text articles alike). The tree
cleaning that uses them is ``furniture``.
"""

from __future__ import annotations

import re

from search.text import fold

# Headings that open a furniture block wherever they stand (compared folded, exact or as a prefix).
_HEADINGS = (
    "Tin cùng chuyên mục",
    "Bài viết cùng chủ đề",
    "Cùng chủ đề",
    "Cùng chuyên mục",
    "Tin liên quan",
    "Bài liên quan",
    "Bài viết liên quan",
    "Tin bài liên quan",
    "Xem thêm",
    "Đọc thêm",
    "Tham khảo thêm",
    "Tin khác",
    "Các tin khác",
    "Tin mới",
    "Tin mới nhất",
    "Tin mới cập nhật",
    "Tin đọc nhiều",
    "Đọc nhiều",
    "Đọc nhiều nhất",
    "Xem nhiều",
    "Có thể bạn quan tâm",
    "Bạn thấy bài viết này thế nào",
    "Bạn cảm thấy bài viết",
    "Đánh giá bài viết",
    "Ý kiến bạn đọc",
    "Gửi bình luận",
    "Bình luận",
    "Tin nổi bật",
    "Video nổi bật",
    "Đăng ký nhận tin",
    "Đăng ký nhận bản tin",
    "Tin đã đưa",
    "Các tin đã đưa",
    "Tin cũ hơn",
    "Tin tiếp theo",
    "Bài đọc nhiều",
    "Chia sẻ bài viết",
    "Từ khóa",
    "Từ khoá",
    "Tags",
    "Tag",
    "Chủ đề",
    "Chia sẻ",
    "In bài viết",
    "Gửi bài viết",
    "Lưu bài viết",
    "Mời quý độc giả",
    "Mời bạn đọc",
    "Theo dõi",
    "Bài cùng chuyên mục",
    "Tin cùng loại",
    "Tin bài khác",
)
FURNITURE_HEADINGS = tuple(fold(h) for h in _HEADINGS)
# A line starting with these is furniture however long it is ("Bài viết cùng chủ đề: Tỉnh Bắc Ninh").
_PREFIX_ONLY = tuple(
    fold(h)
    for h in (
        "Tin cùng chuyên mục",
        "Bài viết cùng chủ đề",
        "Tin liên quan",
        "Bài liên quan",
        "Bài viết liên quan",
        "Xem thêm:",
        "Đọc thêm:",
        "Tham khảo thêm",
        "Có thể bạn quan tâm",
        "Bạn thấy bài viết này thế nào",
        "Đánh giá bài viết",
        "Từ khóa:",
        "Từ khoá:",
        "Tags:",
        "Tag:",
        "Chủ đề:",
        "Mời quý độc giả",
        "Chia sẻ bài viết",
        "Đăng ký nhận bản tin",
        "Đăng ký nhận tin",
        ">>",
        "Xem tiếp:",
        "Xem video:",
    )
)
# Once these appear, the article is over: all that follows is lists, widgets and comments.
TERMINAL = tuple(
    fold(h)
    for h in (
        "Tin cùng chuyên mục",
        "Bài viết cùng chủ đề",
        "Bạn thấy bài viết này thế nào",
        "Bạn cảm thấy bài viết",
        "Tin khác",
        "Các tin khác",
        "Tin đã đưa",
        "Các tin đã đưa",
        "Bình luận",
        "Ý kiến bạn đọc",
        "Gửi bình luận",
        "Bài cùng chuyên mục",
        "Tin cùng loại",
        "Tin bài khác",
        "Đánh giá bài viết",
    )
)

STARS = re.compile(r"^[\s★☆✩✪⭐*]+$")
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:(?:ảnh|nguồn ảnh|đồ họa|đồ hoạ|video|clip|infographic|ảnh chụp màn hình)"
    r"\s*:\s*.{1,80}|ảnh minh h[ọo]a\s*(?::.{0,60})?)\s*[)\]]?\.?$",
    re.I,
)
# Buttons printed as words: follow the author or topic, like, save, share ("Quan tâm" is Tuổi Trẻ's
# follow button). Compared folded and whole, so a sentence starting "Quan tâm đến…" stays.
_BUTTONS = frozenset(
    fold(b)
    for b in (
        "Quan tâm",
        "Bỏ quan tâm",
        "Đã quan tâm",
        "Theo dõi",
        "Bỏ theo dõi",
        "Đang theo dõi",
        "Thích",
        "Đã thích",
        "Like",
        "Follow",
        "Lưu",
        "Lưu bài",
        "Đã lưu",
        "Lưu bài viết",
        "Chia sẻ",
        "Sao chép liên kết",
        "Copy link",
    )
)
# A line that is only an address, maybe labelled ("Nguồn: https://…"): a copy-link widget or the
# CMS's source field, never prose. Linear: one pass, no nested repetition.
_BARE_URL = re.compile(r"^[(\[]?(?:(?:nguồn|link|url|source)\s*:\s*)?(?:https?://|www\.)\S+?[)\]]?\.?$", re.I)
WIDGET_TEXT = re.compile(
    r"cookie|chúng tôi sử dụng|đăng ký nhận (?:bản )?tin|nhập email|"
    r"bạn thấy bài viết|theo dõi .{0,40} trên google news|tải ứng dụng",
    re.I,
)


def _folded(text: str) -> str:
    return fold(" ".join(text.split())).strip(" :?.…-–>»|")


def is_furniture_heading(text: str) -> bool:
    """A heading or line that opens a furniture block ("Tin liên quan", "TIN CÙNG CHUYÊN MỤC")."""
    folded = _folded(text)
    return bool(folded) and len(folded) <= 60 and any(folded == h for h in FURNITURE_HEADINGS)


def is_button(text: str) -> bool:
    """A follow/like/save/share button's word ("Quan tâm", "Thích")."""
    return len(text) <= 30 and _folded(text) in _BUTTONS


def is_furniture_line(text: str) -> bool:
    """A body line that is furniture on its own: headings, "Xem thêm: …", stars, photo credits,
    buttons, a bare address."""
    raw = " ".join(text.split())
    folded = fold(raw[:60])
    if is_furniture_heading(raw) or STARS.match(raw) or _CREDIT.match(raw) or is_button(raw):
        return True
    if len(raw) < 400 and _BARE_URL.match(raw):
        return True
    if len(raw) < 200 and sum(raw.count(star) for star in "★☆✩✪⭐") >= 3:
        return True  # a rating widget: "Kém Bình thường ★ ★ Hứa hẹn ★★★ Tốt ★★★★"
    return any(folded.startswith(p) for p in _PREFIX_ONLY)


def is_terminal(text: str) -> bool:
    if len(text) > 120:
        return False
    folded = _folded(text)
    return any(folded == h or (folded.startswith(h) and len(folded) < len(h) + 60) for h in TERMINAL)


def filter_lines(lines: list[str]) -> list[str]:
    """Body lines without furniture lines, and without everything after a terminal block."""
    kept: list[str] = []
    for line in lines:
        if kept and is_terminal(line):
            break
        if not is_furniture_line(line):
            kept.append(line)
    return kept
