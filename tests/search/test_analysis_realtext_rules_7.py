"""Rules of issue 17's sixth session (tone7): general classes found by grouping the tone errors of
every read part (real dev and held-out batches 1-4), each seen in at least two of them
(docs/ANALYSIS.md "Session 6, tone"). Each test fails on the analyser before its rule. Short
sentences written or paraphrased as staff would read them, never one article's wording."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def tone(title: str, sapo: str = "", body: str = "") -> str:
    return analyze(doc(title, sapo, body)).tone.label


def test_the_top_rank_of_what_people_earn_or_produce_is_good_news() -> None:
    # pay and output are measures: their rank is their direction, as "tăng" is
    assert tone("Thưởng Tết cao nhất ở Bình Dương 500 triệu đồng") == "positive"
    assert tone("Lương bình quân ở Hà Nội cao nhất nước") == "positive"
    assert tone("Tỉnh đứng đầu cả nước về sản lượng cà phê") == "positive"
    # the top rank of a harm is bad news; the measure named alone is neither
    assert tone("Thành phố đứng đầu về số vụ tai nạn giao thông") == "negative"
    assert tone("Doanh nghiệp công bố mức thưởng Tết") == "neutral"


def test_plain_harm_words_are_harm() -> None:
    assert tone("Động đất 3,1 độ richter ở miền núi") == "negative"
    assert tone("Trung Quốc xây trạm radar phi pháp trên đảo") == "negative"
    assert tone("Cây xăng bị tố gian lận khi bơm xăng cho khách") == "negative"
    assert tone("Trụ sở đại sứ quán bị bắn trong đêm") == "negative"
    assert tone("Người mẹ bị kẻ gian ăn cắp sổ tiết kiệm") == "negative"
    assert tone("Tài xế bị đánh đập vì vượt ẩu") == "negative"
    # a catch of the offender still solves it
    assert tone("Bắt đối tượng ăn cắp xe máy") == "positive"


def test_wrongdoing_told_after_a_plan_word_has_happened() -> None:
    # an order to inspect or to discipline names wrongdoing found ("có dấu hiệu …", "về những sai
    # phạm …"): that is the news, as "bị đề nghị kỷ luật vì sai phạm" (session 5)
    assert (
        tone(
            "Thủ tướng chỉ đạo thanh tra các dự án của tập đoàn",
            "Thủ tướng chỉ đạo thanh tra hàng loạt dự án của tập đoàn có dấu hiệu thiếu minh bạch.",
        )
        == "negative"
    )
    assert (
        tone(
            "Thành phố yêu cầu xử lý nhiều cán bộ",
            "Chủ tịch thành phố yêu cầu xử lý nhiều cán bộ theo kết luận của thanh tra về những sai "
            "phạm trong quản lý đất đai.",
        )
        == "negative"
    )
    # a plan over a harm still is no event
    plan = tone("Tỉnh yêu cầu kéo giảm tai nạn giao thông", "Tỉnh đề nghị các ngành kéo giảm tai nạn.")
    assert plan == "neutral"


def test_news_from_abroad_is_good_news_only_when_its_title_says_so() -> None:
    # the warm words of diplomacy in a sapo are no achievement for a provincial office
    title = "Việt Nam bình luận về chuyến thăm Mỹ của lãnh đạo Triều Tiên"
    assert tone(title, "Bộ Ngoại giao ủng hộ nỗ lực đối thoại vì hoà bình.") == "neutral"
    assert tone("Tổng thống Pháp tái đắc cử", "Ông giành chiến thắng lớn trong cuộc bầu cử.") == "neutral"
    # a title that says it, and praise of a Vietnamese province, keep their tone
    assert tone("Thái Lan giải cứu thành công đội bóng nhí mắc kẹt") == "positive"
    assert tone("Quảng Ninh xây bệnh viện lão khoa", "Tỉnh Quảng Ninh khởi công bệnh viện.") == "positive"


def test_people_at_work_on_a_harm_are_a_response_not_a_result() -> None:
    # forces mobilised on a fire are its response under way: neutral (session-4 rule), the fire alone is harm
    assert tone("Hàng trăm người cứu rừng cháy ở Nghệ An") == "neutral"
    assert tone("Rừng cháy ở Nghệ An") == "negative"
    # the rescue they finish is told as one
    title, sapo = "Hai người cứu nạn nhân mắc kẹt dưới sông", "Hai ngư dân đã cứu được người đàn ông mắc kẹt."
    assert tone(title, sapo) == "positive"


def test_an_investigation_opened_tells_the_harm() -> None:
    # the case is not solved: an escape beside it does not turn it (investigation headlines are
    # negative in every read part)
    assert tone("Điều tra vụ xe khách bốc cháy, 5 người thoát chết") == "negative"
    assert tone("Xe khách bốc cháy, 5 người thoát chết") == "positive"


def test_wildlife_set_free_is_a_rescue() -> None:
    assert tone("Hàng chục cá thể rùa biển được thả về tự nhiên") == "positive"
    assert tone("Hai cá thể gấu được thả về rừng") == "positive"
