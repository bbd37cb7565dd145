"""Public investment and land: templates written for the sample press."""

from __future__ import annotations

from .base import Scenario, Topic

WORKS = ("đường vành đai {vanh_dai} đoạn qua {huyen_ten}", "cải tạo, nâng cấp {road} đoạn qua {huyen_ten}",
         "xây dựng cầu {xa_ten} bắc qua sông {river}", "đường trục trung tâm {huyen_ten}",
         "kè chống sạt lở bờ sông {river}", "Bệnh viện Đa khoa {huyen_ten}")
ROAD_WORKS = ("đường trục trung tâm {huyen_ten}", "cải tạo, nâng cấp {road} đoạn qua {huyen_ten}",
              "đường nối {huyen_ten} – {huyen2_ten}", "cầu {xa_ten} bắc qua sông {river}")

PUBLIC_INVESTMENT = Topic("public_investment", "Đầu tư công", "kinh-te",
                          ("Đầu tư công", "giải ngân vốn đầu tư công"), (
    Scenario(
        "dtc_giai_ngan_cham", "negative",
        ("Giải ngân vốn đầu tư công của {p} mới đạt {gn_pct}%, thấp hơn bình quân cả nước",
         "{p}: Nhiều chủ đầu tư chậm giải ngân vốn đầu tư công",
         "Chậm giải ngân vốn đầu tư công: {p} “điểm mặt” {so_chu_dau_tu} chủ đầu tư"),
        ("Tính đến hết tháng {thang_truoc}, tỷ lệ giải ngân vốn đầu tư công của {tinh} mới đạt {gn_pct}% kế "
         "hoạch, thấp hơn bình quân chung cả nước; nhiều chủ đầu tư giải ngân dưới 20%.",
         "Dù được chỉ đạo quyết liệt, tiến độ giải ngân vốn đầu tư công tại {tinh} vẫn chậm, {so_chu_dau_tu} "
         "chủ đầu tư có tỷ lệ giải ngân dưới mức trung bình."),
        ("Theo Sở Tài chính {tinh}, tổng kế hoạch vốn đầu tư công năm {nam} của {cap} là "
         "{ke_hoach_von} tỷ đồng; đến nay mới giải ngân được {da_gn} tỷ đồng. || Kế hoạch vốn đầu tư công "
         "năm "
         "{nam} của {tinh} là hơn {ke_hoach_von} tỷ đồng, nhưng số vốn giải ngân mới đạt {da_gn} tỷ đồng.",
         "Nguyên nhân chủ yếu do vướng mắc trong công tác giải phóng mặt bằng, giá vật liệu xây dựng biến "
         "động, năng lực một số nhà thầu còn hạn chế. || Nhiều dự án trọng điểm chậm tiến độ do chưa bàn "
         "giao "
         "được mặt bằng sạch, một số hộ dân chưa đồng thuận với phương án bồi thường.",
         "Đáng chú ý, dự án {cong_trinh} dù được bố trí vốn lớn nhưng tiến độ thi công rất chậm, nhiều hạng "
         "mục phải dừng thi công. || Tại dự án {cong_trinh}, công trường vắng bóng công nhân, máy móc nằm im "
         "lìm do vướng mặt bằng.",
         "## Xử lý nghiêm tập thể, cá nhân gây chậm trễ",
         "{Ong1} {nguoi1}, Phó Chủ tịch {ubnd} yêu cầu các chủ đầu tư lập kế hoạch giải ngân chi tiết theo "
         "từng tuần, từng tháng; điều chuyển vốn từ dự án chậm sang dự án có khả năng giải ngân tốt. || Lãnh "
         "đạo {ubnd} đề nghị xem xét trách nhiệm người đứng đầu các đơn vị có tỷ lệ giải ngân thấp, coi đây "
         "là "
         "tiêu chí đánh giá mức độ hoàn thành nhiệm vụ.",
         "Các dự án có tỷ lệ giải ngân thấp sẽ bị cắt vốn, điều chuyển cho các dự án khác có nhu cầu. || "
         "{Cap} "
         "phấn đấu đến ngày 31/1/{nam_sau} giải ngân đạt trên 95% kế hoạch vốn được giao."),
        ("Dự án {cong_trinh} thi công cầm chừng. Ảnh: {anh}", "Nhiều đoạn tuyến chưa được bàn giao mặt bằng. "
         "Ảnh: {anh}"),
        ("chậm giải ngân", "giải phóng mặt bằng"),
        nums={"gn_pct": (28.0, 48.0, 1), "so_chu_dau_tu": (8, 26), "ke_hoach_von": (3500, 18000),
              "da_gn": (1200, 3400), "vanh_dai": (3, 5)},
        pools={"cong_trinh": WORKS}),
    Scenario(
        "dtc_ve_dich", "positive",
        ("Thông xe dự án {cong_trinh} vượt tiến độ {so_thang_som} tháng",
         "{p}: Khánh thành {cong_trinh}, tổng mức đầu tư {tong_muc} tỷ đồng",
         "“3 ca 4 kíp” đưa dự án {cong_trinh} về đích sớm"),
        ("{Su_luc}, {ubnd} tổ chức lễ thông xe dự án {cong_trinh}, công trình có tổng mức đầu tư {tong_muc} "
         "tỷ đồng, hoàn thành vượt tiến độ {so_thang_som} tháng.",
         "Sau hơn {so_thang_tc} tháng thi công “vượt nắng, thắng mưa”, dự án {cong_trinh} tại {tinh} đã hoàn "
         "thành, đưa vào sử dụng sớm hơn kế hoạch."),
        ("Dự án có chiều dài {chieu_dai} km, quy mô mặt cắt ngang {be_rong} m, được đầu tư từ nguồn vốn ngân "
         "sách {cap}. || Công trình được khởi công từ tháng {thang_kc}/{nam_truoc}, sử dụng vốn ngân sách "
         "{cap}, do Ban Quản lý dự án đầu tư xây dựng các công trình giao thông {cap} làm chủ đầu tư.",
         "Để đạt tiến độ, chủ đầu tư và các nhà thầu đã tăng cường máy móc, nhân lực, tổ chức thi công “3 ca "
         "4 "
         "kíp”, kể cả ngày nghỉ, ngày lễ. || Công tác giải phóng mặt bằng được các địa phương triển khai "
         "quyết "
         "liệt, người dân đồng thuận bàn giao mặt bằng sớm cho nhà thầu.",
         "?{Dan1}, người dân {xa}, phấn khởi: “Đường mới rộng rãi, đi lại thuận tiện hơn nhiều, hàng hóa "
         "nông "
         "sản của bà con cũng dễ tiêu thụ hơn”.",
         "Phát biểu tại buổi lễ, {ong1} {nguoi1}, Chủ tịch {ubnd} biểu dương tinh thần trách nhiệm của chủ "
         "đầu "
         "tư, nhà thầu và sự đồng thuận của người dân. || {Ong1} {nguoi1}, Phó Chủ tịch {ubnd} đánh giá công "
         "trình có ý nghĩa quan trọng, tạo động lực phát triển kinh tế – xã hội của khu vực.",
         "Công trình hoàn thành góp phần hoàn thiện hạ tầng giao thông, kết nối các khu công nghiệp, đô thị "
         "và giảm tải cho {road}. || Dự án đưa vào sử dụng sẽ rút ngắn thời gian di chuyển, mở ra không gian "
         "phát triển mới cho {huyen}.",
         "?{Tinh} hiện là một trong những địa phương có tỷ lệ giải ngân vốn đầu tư công cao của cả nước."),
        ("Lãnh đạo {tinh} cắt băng thông xe công trình. Ảnh: "
         "{anh}", "Tuyến đường mới hoàn thành. Ảnh: {anh}"),
        ("thông xe", "công trình trọng điểm"),
        nums={"tong_muc": (180, 2400), "so_thang_som": (1, 4), "so_thang_tc": (14, 30),
              "chieu_dai": (1.2, 18.5, 1), "be_rong": (12, 42), "thang_kc": (1, 12)},
        pools={"cong_trinh": ROAD_WORKS}),
    Scenario(
        "dtc_kiem_tra", "neutral",
        ("Lãnh đạo {tinh} kiểm tra tiến độ các dự án trọng điểm",
         "{p}: Đẩy nhanh giải phóng mặt bằng các dự án giao thông trọng điểm",
         "Phó Chủ tịch {ubnd} kiểm tra tiến độ dự án {cong_trinh}"),
        ("{Su_luc}, đoàn công tác của {ubnd} do {ong1} {nguoi1}, Phó Chủ tịch {ubnd} làm trưởng đoàn đã kiểm "
         "tra thực tế tiến độ thi công một số dự án trọng điểm trên địa bàn {huyen}.",
         "Nhằm tháo gỡ vướng mắc, đẩy nhanh tiến độ giải ngân vốn đầu tư công, lãnh đạo {tinh} vừa kiểm tra "
         "thực địa dự án {cong_trinh} và một số công trình trọng điểm."),
        ("Tại dự án {cong_trinh}, đại diện chủ đầu tư báo cáo, đến nay khối lượng thi công đạt khoảng "
         "{kl_pct}% giá trị hợp đồng, giải ngân được {da_gn} tỷ đồng. || Báo cáo với đoàn công tác, chủ đầu "
         "tư "
         "dự án {cong_trinh} cho biết đã hoàn thành {kl_pct}% khối lượng, còn một số đoạn tuyến chưa bàn "
         "giao "
         "được mặt bằng.",
         "Hiện dự án còn vướng mắc mặt bằng tại {xa} với {so_ho} hộ dân chưa nhận tiền bồi thường do chưa "
         "thống nhất về đơn giá. || Khó khăn lớn nhất hiện nay là việc di dời hạ tầng kỹ thuật điện, viễn "
         "thông và một số mộ phần nằm trong phạm vi dự án.",
         "Lãnh đạo UBND {huyen} cam kết sẽ tập trung tuyên truyền, vận động người dân, phấn đấu bàn giao "
         "toàn "
         "bộ mặt bằng trong tháng {thang_sau}. || Đại diện nhà thầu thi công cho biết sẽ bổ sung thêm mũi "
         "thi "
         "công, tận dụng thời tiết thuận lợi để đẩy nhanh tiến độ.",
         "Kết luận buổi kiểm tra, {ong1} {nguoi1} yêu cầu chủ đầu tư và nhà thầu tập trung tối đa nguồn lực, "
         "bảo đảm chất lượng, an toàn lao động; các địa phương đẩy nhanh giải phóng mặt bằng. || {Ong1} "
         "{ten1} nhấn mạnh, các đơn vị phải xác định rõ trách nhiệm, “rõ người, rõ việc, rõ thời gian”, "
         "không "
         "để dự án chậm tiến độ kéo dài.",
         "?Theo kế hoạch, dự án sẽ hoàn thành, đưa vào sử dụng trong quý {quy_ht} năm {nam_sau}.",
         "Kết quả giải ngân vốn đầu tư công là một trong những tiêu chí đánh giá, xếp loại người đứng đầu "
         "các "
         "cơ quan, đơn vị. || Dịp này, đoàn công tác cũng kiểm tra tiến độ một số công trình trường học, "
         "trạm "
         "y tế trên địa bàn."),
        ("{Ong1} {nguoi1}, Phó Chủ tịch {ubnd} kiểm tra tiến độ thi công. Ảnh: {anh}",
         "Nhà thầu thi công trên công trường dự án. Ảnh: {anh}"),
        ("dự án trọng điểm", "giải phóng mặt bằng"),
        nums={"kl_pct": (45, 85), "da_gn": (120, 950), "so_ho": (6, 40), "vanh_dai": (3, 5)},
        pools={"cong_trinh": WORKS, "quy_ht": ("I", "II", "III")}),
    Scenario(
        "dtc_dap_chieu", "negative",
        ("Công trình hàng chục tỷ đồng bỏ hoang, xuống cấp ở {huyen}",
         "{p}: Công trình xây xong “đắp chiếu” gây lãng phí",
         "Lãng phí công trình đầu tư công xây xong bỏ không tại {p}"),
        ("Được đầu tư hàng chục tỷ đồng từ ngân sách, nhưng {cong_trinh_bo} tại {xa}, {huyen} xây xong đã "
         "nhiều năm vẫn bỏ không, xuống cấp nghiêm trọng.",
         "Tại {tinh}, không ít công trình đầu tư công hoàn thành nhưng không phát huy hiệu quả, bỏ hoang, "
         "gây "
         "lãng phí lớn; {cong_trinh_bo} ở {huyen} là một ví dụ."),
        ("Công trình được khởi công năm {nam_cu} với tổng mức đầu tư hơn {tong_muc_nho} tỷ đồng, hoàn thành "
         "và "
         "bàn giao sau gần 2 năm thi công. || Theo tìm hiểu, công trình có tổng vốn đầu tư khoảng "
         "{tong_muc_nho} tỷ đồng, được kỳ vọng phục vụ nhu cầu của hàng nghìn người dân trong khu vực.",
         "Tuy nhiên, từ khi hoàn thành đến nay, công trình gần như không được sử dụng; cửa kính vỡ, tường "
         "bong "
         "tróc, cỏ dại mọc um tùm. || Ghi nhận của phóng viên, nhiều hạng mục đã hư hỏng, cửa cuốn hoen gỉ, "
         "sân bãi trở thành nơi tập kết vật liệu, phơi nông sản của người dân.",
         "“Xây xong để đấy, mỗi lần đi qua thấy tiếc của”, {dan1} nói. || Người dân địa phương cho rằng, "
         "việc "
         "chọn vị trí xây dựng không phù hợp khiến công trình không thu hút được người sử dụng.",
         "## Trách nhiệm thuộc về ai",
         "Trả lời phóng viên, {ong1} {nguoi1}, Phó Chủ tịch UBND {huyen} thừa nhận việc khảo sát nhu cầu "
         "trước khi đầu tư chưa sát thực tế. || Đại diện chủ đầu tư cho biết, địa phương đang xây dựng "
         "phương "
         "án chuyển đổi công năng để sớm đưa công trình vào khai thác.",
         "Các chuyên gia cho rằng, cần làm rõ trách nhiệm của các đơn vị liên quan từ khâu lập dự án đến "
         "quản "
         "lý, khai thác, tránh lãng phí ngân sách nhà nước. || Việc để công trình đầu tư công bỏ hoang, "
         "xuống "
         "cấp là biểu hiện của sự lãng phí, cần sớm được chấn chỉnh."),
        ("Công trình bỏ hoang, xuống cấp sau nhiều năm. Ảnh: {anh}",
         "Cỏ dại mọc um tùm trong khuôn viên công trình. Ảnh: {anh}"),
        ("lãng phí", "công trình bỏ hoang"),
        nums={"tong_muc_nho": (12, 68)},
        pools={"cong_trinh_bo": ("chợ trung tâm {xa_ten}", "nhà văn hóa đa năng {huyen_ten}",
                                 "khu tái định cư {xa_ten}", "bến xe khách {huyen_ten}")}),
))

LAND = Topic("land", "Đất đai", "kinh-te", ("Đất đai", "quản lý đất đai"), (
    Scenario(
        "dd_lan_chiem", "negative",
        ("Lấn chiếm đất công, xây dựng trái phép trên đất nông nghiệp tại {xa}",
         "{p}: Nhà xưởng “mọc” trái phép trên đất nông nghiệp",
         "Vi phạm đất đai kéo dài tại {huyen}, chính quyền chậm xử lý"),
        ("Hàng loạt nhà xưởng, công trình kiên cố được xây dựng trái phép trên đất nông nghiệp tại {xa}, "
         "{huyen}, {tinh} nhưng chính quyền địa phương chậm xử lý.",
         "Tình trạng lấn chiếm đất công, chuyển mục đích sử dụng đất trái phép tại {huyen} diễn biến phức "
         "tạp, "
         "gây bức xúc trong nhân dân."),
        ("Theo phản ánh của người dân, tại khu đồng {xa_ten}, nhiều hộ đã tự ý đổ đất san lấp, xây dựng nhà "
         "xưởng, kho bãi trên đất trồng lúa. || Ghi nhận tại khu vực, nhiều công trình nhà xưởng khung thép, "
         "tường gạch đã được xây dựng kiên cố trên diện tích hàng nghìn m2 đất nông nghiệp.",
         "Một số công trình được cho thuê làm xưởng sản xuất, kho chứa hàng, thậm chí làm nhà hàng, quán ăn. "
         "|| Đáng nói, nhiều công trình xây dựng công khai trong thời gian dài, nhưng chính quyền xã chỉ lập "
         "biên bản rồi để đó.",
         "Theo kết quả rà soát của UBND {huyen}, trên địa bàn có {so_vu_vp} trường hợp vi phạm đất đai với "
         "tổng diện tích hơn {dien_tich_m2} m2, chủ yếu là lấn chiếm đất công, xây dựng trái phép trên đất "
         "nông nghiệp. || Báo cáo của Phòng Tài nguyên và Môi trường {huyen} cho thấy, nhiều vi phạm đã tồn "
         "tại từ nhiều năm trước nhưng chưa được xử lý dứt điểm.",
         "## Trách nhiệm của chính quyền cơ sở",
         "{Ong1} {nguoi1}, Chủ tịch UBND {xa} thừa nhận việc quản lý đất đai có thời điểm còn buông lỏng, để "
         "vi phạm kéo dài. || Làm việc với phóng viên, lãnh đạo UBND {huyen} cho biết đã chỉ đạo kiểm tra, "
         "yêu "
         "cầu các hộ vi phạm tự tháo dỡ công trình, khôi phục hiện trạng đất.",
         "Theo quy định của Luật Đất đai, việc để xảy ra vi phạm đất đai kéo dài mà không xử lý thì người "
         "đứng "
         "đầu chính quyền cơ sở phải chịu trách nhiệm. || UBND {huyen} đã yêu cầu kiểm điểm trách nhiệm các "
         "cá "
         "nhân liên quan, kiên quyết cưỡng chế các trường hợp không chấp hành."),
        ("Nhà xưởng xây dựng trái phép trên đất nông nghiệp tại {xa}. Ảnh: {anh}",
         "Khu vực đất công bị lấn chiếm. Ảnh: {anh}"),
        ("lấn chiếm đất công", "xây dựng trái phép"),
        nums={"so_vu_vp": (35, 260), "dien_tich_m2": (4000, 52000)}),
    Scenario(
        "dd_dau_gia", "positive",
        ("{p}: Đấu giá thành công {so_lo} lô đất, thu hơn {thu_dg} tỷ đồng",
         "Đấu giá quyền sử dụng đất ở {huyen} thu về hơn {thu_dg} tỷ đồng",
         "Phiên đấu giá đất tại {huyen} diễn ra công khai, minh bạch"),
        ("{Su_luc}, UBND {huyen}, {tinh} tổ chức phiên đấu giá quyền sử dụng đất ở đối với {so_lo} lô đất "
         "tại "
         "{xa}, tổng số tiền trúng đấu giá hơn {thu_dg} tỷ đồng.",
         "Phiên đấu giá quyền sử dụng đất tại {xa}, {huyen} thu hút hàng trăm người tham gia, diễn ra công "
         "khai, minh bạch, đúng quy định."),
        ("Các lô đất có diện tích từ {dt_min} đến {dt_max} m2, giá khởi điểm từ {gia_kd} triệu đồng/m2. || "
         "Theo "
         "thông báo, phiên đấu giá gồm {so_lo} lô đất ở thuộc khu dân cư mới {xa_ten}, có hạ tầng kỹ thuật "
         "đồng bộ.",
         "Kết quả, toàn bộ {so_lo} lô đất đều được đấu giá thành công, giá trúng cao nhất đạt {gia_cao} "
         "triệu "
         "đồng/m2. || Sau nhiều vòng trả giá, mức giá trúng bình quân đạt {gia_tb} triệu đồng/m2, cao hơn "
         "giá "
         "khởi điểm khoảng 25%.",
         "Công tác tổ chức được chuẩn bị chu đáo, có sự giám sát của các cơ quan chức năng và đại diện người "
         "dân, không xảy ra tình trạng thông đồng, dìm giá. || Để phòng ngừa tình trạng “thổi giá”, bỏ cọc, "
         "địa phương yêu cầu người trúng đấu giá nộp tiền đúng hạn theo quy định.",
         "{Ong1} {nguoi1}, Chủ tịch UBND {huyen} cho biết, nguồn thu từ đấu giá đất sẽ được ưu tiên đầu tư "
         "hạ "
         "tầng giao thông, trường học và các công trình phúc lợi. || Theo lãnh đạo UBND {huyen}, từ đầu năm "
         "đến nay huyện đã tổ chức {so_phien} phiên đấu giá, góp phần tăng thu ngân sách.",
         "?Thời gian tới, địa phương tiếp tục hoàn thiện hạ tầng các khu đất đấu giá, bảo đảm công khai "
         "thông "
         "tin để người dân tham gia."),
        ("Quang cảnh phiên đấu giá quyền sử dụng đất. Ảnh: "
         "{anh}", "Khu dân cư mới có hạ tầng đồng bộ. Ảnh: {anh}"),
        ("đấu giá quyền sử dụng đất",),
        nums={"so_lo": (12, 85), "thu_dg": (60, 980), "dt_min": (75, 90), "dt_max": (110, 160),
              "gia_kd": (8, 18), "gia_tb": (20, 30), "gia_cao": (32, 75), "so_phien": (3, 9)}),
    Scenario(
        "dd_khieu_kien", "negative",
        ("Dân kêu cứu vì bị thu hồi đất nhưng chưa được bồi thường thỏa đáng",
         "{p}: Hàng chục hộ dân khiếu nại kéo dài về giá đền bù dự án",
         "Khiếu kiện đất đai kéo dài ở {xa}: Người dân mong sớm được giải quyết"),
        ("Hàng chục hộ dân tại {xa}, {huyen}, {tinh} có đất bị thu hồi để thực hiện dự án {cong_trinh} gửi "
         "đơn "
         "phản ánh về mức giá bồi thường thấp, chưa được bố trí tái định cư.",
         "Nhiều năm nay, {so_ho} hộ dân tại {xa}, {huyen} liên tục gửi đơn khiếu nại liên quan đến việc thu "
         "hồi đất, bồi thường, hỗ trợ nhưng vụ việc vẫn chưa được giải quyết dứt điểm."),
        ("Theo đơn thư gửi tới tòa soạn, năm {nam_cu}, các hộ dân bị thu hồi đất nông nghiệp để thực hiện dự "
         "án, với mức bồi thường thấp hơn nhiều so với giá thị trường. || Theo phản ánh, đất của các hộ dân "
         "bị "
         "thu hồi từ nhiều năm trước, nhưng đến nay phương án bồi thường, hỗ trợ vẫn chưa được phê duyệt đầy "
         "đủ.",
         "“Gia đình tôi mất gần 1 mẫu ruộng, tiền đền bù không đủ mua một mảnh đất nhỏ để làm nhà”, {dan1} "
         "bức "
         "xúc. || {Dan1} cho biết: “Chúng tôi không chống đối dự án, chỉ mong được bồi thường đúng quy định, "
         "công khai, minh bạch”.",
         "Các hộ dân cho biết đã nhiều lần gửi đơn đến UBND xã, huyện và các cơ quan chức năng của {cap} "
         "nhưng "
         "chưa nhận được câu trả lời thỏa đáng. || Đáng chú ý, một số hộ có đất liền kề, cùng vị trí nhưng "
         "lại "
         "được áp đơn giá bồi thường khác nhau, gây thắc mắc trong nhân dân.",
         "## Cơ quan chức năng nói gì",
         "Trao đổi với phóng viên, đại diện Trung tâm Phát triển quỹ đất {huyen} cho biết, việc bồi thường "
         "được "
         "thực hiện theo bảng giá đất và các quy định hiện hành. || Lãnh đạo UBND {huyen} cho biết đã giao "
         "các "
         "phòng chuyên môn rà soát lại toàn bộ hồ sơ, nếu có sai sót sẽ điều chỉnh, bảo đảm quyền lợi hợp "
         "pháp của người dân.",
         "Báo sẽ tiếp tục thông tin về vụ việc. || Người dân mong muốn các cấp chính quyền sớm tổ chức đối "
         "thoại, giải quyết dứt điểm, tránh để khiếu kiện kéo dài."),
        ("Khu đất bị thu hồi để thực hiện dự án. Ảnh: "
         "{anh}", "Người dân trình bày sự việc với phóng viên. Ảnh: {anh}"),
        ("khiếu nại đất đai", "bồi thường, tái định cư"),
        nums={"so_ho": (12, 68), "vanh_dai": (3, 5)},
        pools={"cong_trinh": WORKS}),
    Scenario(
        "dd_thanh_tra", "neutral",
        ("Thanh tra việc giao đất tại {huyen}: Không phát hiện sai phạm",
         "Kết luận thanh tra đất đai tại {xa}: Chưa phát hiện vi phạm về giao đất",
         "{p} công bố kết luận thanh tra về quản lý, sử dụng đất tại {huyen}"),
        ("Thanh tra {tinh} vừa công bố kết luận thanh tra việc quản lý, sử dụng đất đai tại {huyen}; kết quả "
         "không phát hiện sai phạm trong việc giao đất, cho thuê đất giai đoạn {nam_cu} – {nam_truoc}.",
         "Sau khi có đơn phản ánh của người dân, cơ quan thanh tra đã vào cuộc kiểm tra việc giao đất dịch "
         "vụ "
         "tại {xa}, {huyen}; kết quả không phát hiện sai phạm như nội dung đơn phản ánh."),
        ("Đoàn thanh tra đã kiểm tra hồ sơ của {so_ho_so} trường hợp được giao đất, cho thuê đất, chuyển mục "
         "đích sử dụng đất trên địa bàn. || Nội dung thanh tra tập trung vào việc lập, thực hiện quy hoạch, "
         "kế "
         "hoạch sử dụng đất; giao đất, cho thuê đất và cấp giấy chứng nhận quyền sử dụng đất.",
         "Kết luận nêu rõ, việc giao đất, cho thuê đất cơ bản được thực hiện đúng trình tự, thủ tục, đúng "
         "đối "
         "tượng; không phát hiện dấu hiệu vụ lợi. || Qua thanh tra, không phát hiện sai phạm trong việc giao "
         "đất dịch vụ; các hộ được giao đất đúng đối tượng, đúng diện tích theo quy định.",
         "Tuy nhiên, đoàn thanh tra cũng chỉ ra một số tồn tại như việc lưu trữ hồ sơ chưa khoa học, cập "
         "nhật "
         "biến động đất đai chưa kịp thời. || Bên cạnh đó, kết luận cũng chỉ ra việc công khai quy hoạch, kế "
         "hoạch sử dụng đất tại một số xã chưa đầy đủ.",
         "Thanh tra {cap} kiến nghị Chủ tịch UBND {huyen} chỉ đạo khắc phục các tồn tại, tổ chức kiểm điểm "
         "rút "
         "kinh nghiệm đối với tập thể, cá nhân có liên quan. || Cơ quan thanh tra đề nghị UBND {huyen} công "
         "khai kết luận để người dân được biết, giải thích rõ các nội dung mà người dân còn thắc mắc.",
         "?Trước đó, một số người dân gửi đơn phản ánh có dấu hiệu sai phạm trong việc giao đất, gây xôn xao "
         "dư luận địa phương."),
        ("Quang cảnh buổi công bố kết luận thanh tra. Ảnh: {anh}", "Khu đất dịch vụ tại {xa}. Ảnh: {anh}"),
        ("thanh tra đất đai", "giao đất"),
        nums={"so_ho_so": (120, 860)}),
))
