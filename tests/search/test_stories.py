from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from search.document import Document
from search.stories import StoryGrouper

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AGENCY = (
    "Sáng 12/3, tại Hà Nội, Thủ tướng Chính phủ chủ trì hội nghị trực tuyến toàn quốc về đẩy mạnh "
    "giải ngân vốn đầu tư công năm 2026. Theo báo cáo của Bộ Tài chính, đến hết tháng 2, cả nước "
    "giải ngân được 8,5% kế hoạch vốn, cao hơn cùng kỳ năm trước. Thủ tướng yêu cầu các bộ, ngành, "
    "địa phương tháo gỡ vướng mắc về giải phóng mặt bằng, nguồn vật liệu xây dựng và thủ tục đầu tư, "
    "xử lý nghiêm cán bộ gây khó khăn, chậm trễ trong giải ngân vốn đầu tư công."
)


def article(outlet: str, title: str, body: str, hours: int = 0) -> Document:
    return Document(
        url=f"https://{outlet}.vn/{abs(hash(title))}.html",
        outlet_id=outlet,
        title=title,
        body=body,
        published_at=datetime(2026, 3, 12, 9, tzinfo=TZ) + timedelta(hours=hours),
    )


def test_syndicated_copies_share_the_first_articles_story(tmp_path):
    grouper = StoryGrouper(tmp_path / "stories.sqlite3")
    first = article("ttxvn", "Thủ tướng: Đẩy mạnh giải ngân vốn đầu tư công", AGENCY)
    copy = article(
        "baoa",
        "Thủ tướng chủ trì hội nghị về giải ngân đầu tư công",
        AGENCY.replace("Sáng 12/3", "Sáng nay") + " (Theo TTXVN)",
        hours=2,
    )
    other = article(
        "baob",
        "Bắc Ninh khai mạc lễ hội Lim",
        "Lễ hội Lim năm nay thu hút đông đảo du khách "
        "thập phương với các hoạt động hát quan họ trên thuyền, thi dệt vải và đấu vật.",
    )
    assert grouper.assign(first) == first.id
    assert grouper.assign(copy) == first.id
    assert grouper.assign(other) == other.id
    grouper.close()
    reopened = StoryGrouper(tmp_path / "stories.sqlite3")
    late_copy = article("baoc", "Đẩy mạnh giải ngân vốn đầu tư công", AGENCY, hours=5)
    assert reopened.assign(late_copy) == first.id
    assert reopened.assign(copy) == first.id  # re-ingesting keeps its story


def test_copies_far_apart_in_time_are_separate_stories(tmp_path):
    grouper = StoryGrouper(tmp_path / "stories.sqlite3")
    first = article("ttxvn", "Giải ngân vốn đầu tư công", AGENCY)
    much_later = article("baoa", "Giải ngân vốn đầu tư công", AGENCY, hours=24 * 60)
    grouper.assign(first)
    assert grouper.assign(much_later) == much_later.id
