"""A few articles outside the twelve topics (weather, sport, schools), so topic tagging has negatives."""

from __future__ import annotations

from .base import Scenario, Topic

OTHER = Topic("other", "Khác", "xa-hoi", ("Đời sống",), (
    Scenario(
        "khac_thoi_tiet", "neutral",
        ("Không khí lạnh tăng cường, {p} chuyển rét",
         "{p}: Trời rét, nhiệt độ thấp nhất có nơi dưới {t_min} độ C",
         "Người dân {p} co ro trong đợt rét đầu mùa"),
        ("Theo Đài Khí tượng thủy văn {tinh}, từ đêm nay, khu vực chịu ảnh hưởng của không khí lạnh tăng "
         "cường, trời chuyển rét, nhiệt độ thấp nhất phổ biến {t_min}–{t_max} độ C.",
         "Do ảnh hưởng của đợt không khí lạnh mới, {tinh} chuyển rét từ {su_luc}; vùng đồi núi có nơi nhiệt "
         "độ "
         "xuống dưới {t_min} độ C."),
        ("Dự báo trong 2–3 ngày tới, trời nhiều mây, có mưa nhỏ rải rác, gió đông bắc cấp 2–3; trời rét, "
         "vùng "
         "đồi núi rét đậm. || Cơ quan khí tượng nhận định, đợt lạnh này có cường độ mạnh hơn các đợt trước, "
         "kèm theo mưa phùn vào sáng sớm và đêm. || Ghi nhận tại {huyen} sáng nay, nhiều người đi đường phải "
         "mặc áo khoác dày, đeo găng tay, khăn quàng cổ.",
         "Cơ quan khí tượng khuyến cáo người dân chủ động giữ ấm cơ thể, đặc biệt là người cao tuổi và trẻ "
         "nhỏ. "
         "|| Ngành y tế khuyến cáo người dân giữ ấm, hạn chế ra ngoài vào sáng sớm, chú ý phòng bệnh đường "
         "hô "
         "hấp cho trẻ nhỏ. || Tại các bệnh viện, số trẻ em đến khám do viêm họng, viêm phổi đã bắt đầu tăng.",
         "Ngành nông nghiệp đề nghị bà con không gieo cấy khi nhiệt độ dưới 15 độ C, che chắn chuồng trại, "
         "dự "
         "trữ thức ăn cho gia súc. || Các trường học được yêu cầu theo dõi sát diễn biến thời tiết, cho học "
         "sinh "
         "nghỉ học khi nhiệt độ xuống quá thấp theo quy định. || Tại {xa}, nhiều hộ chăn nuôi đã quây bạt, "
         "thắp "
         "đèn sưởi cho đàn lợn, đàn gà.",
         "Đợt không khí lạnh dự kiến kéo dài đến cuối tuần, sau đó nhiệt độ tăng dần. || Theo dự báo, từ "
         "ngày "
         "{ngay_sau}, trời hửng nắng vào buổi trưa, rét giảm dần. || Cơ quan khí tượng sẽ tiếp tục cập nhật "
         "diễn biến thời tiết để người dân chủ động ứng phó."),
        ("Người dân mặc áo ấm ra đường buổi sáng. Ảnh: {anh}",),
        ("thời tiết", "không khí lạnh"),
        nums={"t_min": (9, 13), "t_max": (14, 17)}),
    Scenario(
        "khac_giai_chay", "positive",
        ("Hơn {so_vdv} vận động viên tham gia giải chạy vì cộng đồng tại {p}",
         "Giải chạy “Vì cộng đồng” {p} năm {nam} thu hút đông đảo người tham gia",
         "Sôi nổi giải chạy gây quỹ xây nhà đại đoàn kết ở {huyen}"),
        ("{Su_luc}, tại quảng trường trung tâm {huyen}, hơn {so_vdv} vận động viên chuyên và không chuyên đã "
         "tham gia giải chạy “Vì cộng đồng” năm {nam}.",
         "Giải chạy “Vì cộng đồng” năm {nam} do {ubnd} phối hợp tổ chức đã thu hút hơn {so_vdv} vận động "
         "viên "
         "đến từ nhiều tỉnh, thành phố."),
        ("Giải có các cự ly 5 km, 10 km và 21 km, đường chạy đi qua nhiều tuyến phố, khu di tích và cánh "
         "đồng "
         "lúa của địa phương. || Đường chạy được thiết kế đi qua {xa}, {xa2} và các tuyến đường mới mở của "
         "{huyen}, với ba cự ly 5 km, 10 km và 21 km.",
         "Ban tổ chức đã trao giải cho các vận động viên xuất sắc ở từng cự ly, lứa tuổi. || Nhiều gia đình "
         "đưa "
         "cả con nhỏ tham gia cự ly ngắn, tạo không khí vui tươi, sôi nổi. || Đội ngũ tình nguyện viên là "
         "đoàn "
         "viên thanh niên được bố trí dọc đường chạy để tiếp nước, hỗ trợ y tế.",
         "Toàn bộ số tiền ủng hộ từ giải chạy được dùng để xây dựng nhà đại đoàn kết cho hộ nghèo trên địa "
         "bàn. "
         "|| Số tiền gây quỹ hơn {tien_quy} triệu đồng sẽ được trao cho các học sinh có hoàn cảnh khó khăn.",
         "Theo Ban tổ chức, giải chạy góp phần lan tỏa phong trào rèn luyện thân thể, đồng thời quảng bá "
         "hình "
         "ảnh, du lịch của {tinh}. || {Dan1}, một vận động viên phong trào, chia sẻ: “Đường chạy đẹp, khán "
         "giả "
         "cổ vũ nhiệt tình, năm sau tôi sẽ rủ thêm bạn bè cùng tham gia”."),
        ("Các vận động viên xuất phát ở cự ly 21 km. Ảnh: {anh}",),
        ("thể thao", "giải chạy"),
        nums={"so_vdv": (1200, 6500), "tien_quy": (150, 900)}),
    Scenario(
        "khac_hoc_sinh_gioi", "positive",
        ("Học sinh {p} giành {so_giai} giải tại kỳ thi chọn học sinh giỏi quốc gia",
         "{p} đạt thành tích cao tại kỳ thi học sinh giỏi quốc gia"),
        ("Kết quả kỳ thi chọn học sinh giỏi quốc gia vừa công bố cho thấy, đội tuyển của {tinh} giành "
         "{so_giai} giải, trong đó có {so_giai_nhat} giải nhất.",),
        ("Các giải thưởng trải đều ở nhiều môn thi như Toán, Vật lý, Hóa học, Tin học, Ngữ văn và Tiếng Anh. "
         "|| "
         "Phần lớn học sinh đạt giải là học sinh Trường THPT chuyên của {cap}.",
         "Theo Sở Giáo dục và Đào tạo {tinh}, đây là kết quả của quá trình bồi dưỡng công phu, có sự phối "
         "hợp "
         "chặt chẽ giữa nhà trường, giáo viên và gia đình.",
         "Em {dan2_ten}, học sinh lớp 12 đạt giải nhất, chia sẻ em dành nhiều thời gian tự học, làm đề và "
         "trao "
         "đổi với thầy cô sau mỗi buổi ôn luyện. || Nhiều học sinh đạt giải được xét tuyển thẳng vào các "
         "trường "
         "đại học.",
         "{Ubnd} sẽ tổ chức tuyên dương, khen thưởng các học sinh đạt giải và giáo viên trực tiếp bồi "
         "dưỡng."),
        ("Đội tuyển học sinh giỏi quốc gia của {tinh}. Ảnh: {anh}",),
        ("giáo dục", "học sinh giỏi"),
        nums={"so_giai": (22, 68), "so_giai_nhat": (2, 7)}),
))
