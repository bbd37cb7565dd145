"""Rules of issue 17's sixth session, second tone round (tone8): general classes found by grouping
the tone errors of every read part (real dev, held-out batches 1-5), each seen in at least two of
them (docs/ANALYSIS.md "Session 6, tone (second round, tone8)"). Each test fails on the analyser
before its rule. Short sentences written as staff would read them, never one article's wording."""

from __future__ import annotations

from search.analysis import analyze
from tests.search.test_analysis_realtext_rules import doc


def tone(title: str, sapo: str = "", body: str = "") -> str:
    return analyze(doc(title, sapo, body)).tone.label


def test_lottery_results_are_neutral() -> None:
    # a draw is chance, not the province's news: "nổ" is the jackpot won, "may mắn" the winner's luck
    assert tone("Kết quả xổ số Vietlott hôm nay: giải Jackpot nổ liên tiếp") == "neutral"
    assert tone("Xổ số miền Bắc: một khách may mắn trúng độc đắc 20 tỷ đồng") == "neutral"
    # harm and good news beside other games keep their tone
    assert tone("Nổ bình gas tại quán ăn, 3 người bị thương") == "negative"
    assert tone("Triệt phá đường dây đánh bạc qua mạng, bắt 12 đối tượng") == "positive"


def test_a_thrown_away_baby_is_abandoned() -> None:
    # "bị vứt" tells what "bị bỏ rơi" tells (abandoned newborns: negative in dev, batches 2, 4, 5)
    assert tone("Bé trai sơ sinh bị vứt bên bờ mương") == "negative"
    assert tone("Bé gái sơ sinh bị bỏ rơi trước cổng chùa") == "negative"


def test_goods_of_no_origin_are_contraband_with_or_without_ro() -> None:
    # "không nguồn gốc" is "không rõ nguồn gốc" (batches 1 and 5): caught, it is solved; found, harm
    assert tone("Cảnh sát bắt tàu chở 20.000 lít dầu không nguồn gốc") == "positive"
    assert tone("Phát hiện 2 tấn thịt không nguồn gốc tại chợ đầu mối") == "negative"


def test_a_trade_earning_millions_a_day_is_good_news() -> None:
    # "thu tiền triệu" (dev and batch 5): what a trade earns, as "trúng mẻ" is a good catch
    assert tone("Nông dân thu tiền triệu mỗi ngày nhờ trồng dưa lưới") == "positive"
    # an income figure alone is no news (batch 4 labels "thu nhập tiền triệu" neutral)
    assert tone("Người dân săn cá với thu nhập tiền triệu mỗi ngày") == "neutral"


def test_money_owed_and_a_gun_carried_are_harm() -> None:
    # "nợ tiền" as "nợ thuế" (batches 1 and 5); "mang súng" (dev and batch 5)
    assert tone("Cán bộ phường nợ tiền ăn uống hàng trăm triệu đồng") == "negative"
    assert tone("Khách mang súng lên máy bay ở sân bay Tân Sơn Nhất") == "negative"
    # caught, it is solved
    assert tone("Tạm giữ 3 người mang súng đi đòi nợ") == "positive"


def test_a_jump_into_water_is_the_harm_and_a_rescue_still_turns_it() -> None:
    # "nhảy cầu", "nhảy xuống sông / biển" (negative in dev and batches 1, 3, 4, 5)
    assert tone("Nam hành khách nhảy xuống biển từ tàu du lịch") == "negative"
    assert tone("Thanh niên nhảy xuống sông cứu 2 cháu bé đuối nước") == "positive"


def test_an_impostor_monk_is_harm() -> None:
    # impostors are negative (batches 2 and 5: "Giả làm thân nhân …", "Giả nhà sư lừa …"); "sư giả" too
    assert tone("Phát hiện nhiều sư giả khất thực ở chợ") == "negative"
    assert tone("Bắt nhóm sư giả đi quyên góp") == "positive"


def test_a_fine_told_after_whom_it_hits_is_the_titles_news() -> None:
    # batches 4 and 5: the title's fine, not the body's account of the offence, decides
    body = "Hành vi này rất nguy hiểm, vi phạm luật giao thông đường bộ."
    assert tone("Tài xế bị phạt 800.000 đồng vì nghe điện thoại khi lái xe", "", body) == "positive"
    assert tone("CSGT phạt 12 triệu đồng tài xế xe tải", "", body) == "positive"
    # a catch told later in the title is still no lead ("đối mặt án tù vì bắt hai con sò")
    assert tone("Du khách đối mặt án tù vì bắt hai con sò tại công viên") != "positive"
