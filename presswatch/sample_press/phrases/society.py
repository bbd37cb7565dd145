"""Traffic safety and food safety: templates written for the sample press."""

from __future__ import annotations

from .base import Scenario, Topic

TRAFFIC = Topic("traffic_safety", "An toàn giao thông", "xa-hoi",
                ("An toàn giao thông", "tai nạn giao thông", "CSGT"), (
    Scenario(
        "tngt_va_cham", "negative",
        ("Xe tải va chạm xe máy trên {road}, {so_chet} người tử vong",
         "{p}: Tai nạn giao thông nghiêm trọng trên {road}, {so_chet} người tử vong",
         "Va chạm giữa xe tải và xe máy tại {huyen}, {so_chet} người chết tại chỗ"),
        ("Khoảng {su_gio} {su_luc}, trên {road} đoạn qua {xa}, {huyen}, {tinh} đã xảy ra vụ va chạm giữa xe "
         "tải và xe máy khiến {so_chet} người tử vong tại chỗ.",
         "{Su_luc}, Công an {huyen} cho biết đang phối hợp với các đơn vị chức năng điều tra, làm rõ nguyên "
         "nhân vụ tai nạn giao thông làm {so_chet} người tử vong trên {road}."),
        (("Theo thông tin ban đầu, xe tải biển kiểm soát {bks} do tài xế {dan2_hoten} ({dan2_tuoi} tuổi, trú "
          "tại {xa2}) điều khiển lưu thông theo hướng từ {huyen_ten} đi {huyen2_ten}. || Thông tin ban đầu "
          "cho biết, thời điểm trên, xe tải mang biển kiểm soát {bks} do {dan2_hoten} ({dan2_tuoi} tuổi) cầm "
          "lái chạy trên {road} theo hướng từ {huyen_ten} đi {huyen2_ten}.",
          "Khi đến đoạn qua {xa}, xe tải bất ngờ va chạm với xe máy chạy cùng chiều do {dan1_hoten} "
          "({dan1_tuoi} tuổi) điều khiển, phía sau chở theo một người thân. || Khi tới khu vực gần chợ "
          "{xa_ten}, phương tiện này va chạm với xe máy do {dan1_hoten} ({dan1_tuoi} tuổi, trú tại {huyen}) "
          "điều khiển đi theo hướng ngược lại."),
         ("Cú va chạm mạnh khiến người điều khiển xe máy và người ngồi sau bị hất văng xuống đường. || Cú "
          "va chạm khiến chiếc xe máy bị cuốn vào gầm xe tải, kéo lê hàng chục mét.",
          "Vụ tai nạn làm {so_chet} người tử vong tại chỗ, [[phương tiện|chiếc xe máy]] hư hỏng nặng."),
         "Nhận được tin báo, lực lượng Cảnh sát giao thông {congan} cùng Công an {huyen} đã có mặt tại hiện "
         "trường, phân luồng giao thông, tổ chức khám nghiệm hiện trường. || Ngay sau khi xảy ra vụ việc, "
         "Công an {huyen} đã phối hợp với Phòng Cảnh sát giao thông {congan} khám nghiệm hiện trường, điều "
         "tiết giao thông, tránh ùn tắc kéo dài.",
         ("Theo người dân địa phương, đoạn {road} qua {xa} có mật độ phương tiện lớn, [[nhiều xe tải trọng "
          "lớn lưu thông|thường xuyên có xe container, xe tải chạy tốc độ cao]], đặc biệt vào giờ cao điểm. "
          "|| Nhiều người dân sống dọc tuyến đường cho biết, đây không phải lần đầu tiên xảy ra tai nạn tại "
          "khu vực này.",
          "?Từ đầu năm đến nay, trên đoạn tuyến này đã xảy ra {so_vu_cu} vụ tai nạn, khiến người dân "
          "[[bất an|lo lắng]] mỗi khi tham gia giao thông."),
         "?## Tiếp tục siết chặt kiểm soát xe tải trên tuyến || ## Điểm nóng tai nạn cần được khắc phục",
         ("Theo Ban An toàn giao thông {tinh}, {ky}, toàn {cap} xảy ra {so_vu} vụ tai nạn giao thông, làm "
          "chết {so_chet_ky} người, bị thương {so_thuong} người. || Thống kê của Ban An toàn giao thông "
          "{cap} cho thấy, {ky}, trên địa bàn xảy ra {so_vu} vụ tai nạn giao thông, làm {so_chet_ky} người "
          "chết và {so_thuong} người bị thương.",
          "?Nguyên nhân chủ yếu do người điều khiển phương tiện đi không đúng phần đường, làn đường, chạy "
          "quá tốc độ và vi phạm nồng độ cồn."),
         "Hiện vụ tai nạn đang được cơ quan chức năng tiếp tục điều tra, làm rõ. || Vụ việc đang được Cơ "
         "quan Cảnh sát điều tra Công an {huyen} thụ lý, giải quyết theo quy định. || Công an {huyen} đang "
         "tạm giữ phương tiện, tiếp tục điều tra làm rõ nguyên nhân vụ tai nạn."),
        ("Hiện trường vụ tai nạn giao thông trên {road}. Ảnh: {anh}",
         "Lực lượng chức năng khám nghiệm hiện trường, điều tiết giao thông. Ảnh: {anh}"),
        ("tai nạn giao thông", "{road}"),
        nums={"so_chet": (1, 2), "so_vu": (40, 190), "so_chet_ky": (20, 110), "so_thuong": (25, 150),
              "so_vu_cu": (3, 9)}),
    Scenario(
        "tngt_keo_giam", "positive",
        ("{p}: Tai nạn giao thông giảm cả 3 tiêu chí trong {ky}",
         "{p} kéo giảm tai nạn giao thông trên cả 3 tiêu chí",
         "Tai nạn giao thông tại {p} giảm sâu, nhiều tuyến đường thông thoáng hơn"),
        ("{Ky}, tình hình trật tự an toàn giao thông trên địa bàn {tinh} tiếp tục được kiềm chế, tai nạn "
         "giao thông giảm cả 3 tiêu chí về số vụ, số người chết và số người bị thương so với cùng kỳ năm "
         "{nam_truoc}.",
         "Nhờ triển khai đồng bộ nhiều giải pháp, tai nạn giao thông tại {tinh} {ky} giảm {giam_vu} vụ, "
         "giảm {giam_chet} người chết so với cùng kỳ; ý thức chấp hành pháp luật của người tham gia giao "
         "thông có chuyển biến rõ nét."),
        (("Theo báo cáo của Ban An toàn giao thông {tinh}, {ky}, toàn {cap} xảy ra {so_vu} vụ tai nạn giao "
          "thông, làm chết {so_chet_ky} người, bị thương {so_thuong} người. || Thống kê cho thấy, {ky}, trên "
          "địa bàn {tinh} xảy ra {so_vu} vụ tai nạn giao thông, làm {so_chet_ky} người tử vong, {so_thuong} "
          "người bị thương.",
          "So với cùng kỳ năm trước, giảm {giam_vu} vụ, giảm {giam_chet} người chết và giảm {giam_thuong} "
          "người bị thương."),
         ("Lực lượng Cảnh sát giao thông đã tăng cường tuần tra, kiểm soát, xử lý vi phạm, tập trung vào các "
          "lỗi vi phạm nồng độ cồn, chạy quá tốc độ, chở hàng quá tải trọng. || Công tác tuần tra, kiểm soát "
          "được duy trì thường xuyên, nhất là vào ban đêm, dịp cuối tuần và các ngày lễ.",
          "Qua đó đã phát hiện, lập biên bản {so_vp} trường hợp vi phạm, [[tạm giữ|tước]] giấy phép lái xe "
          "{so_gplx} trường hợp, nộp kho bạc nhà nước hơn {tien_phat} tỷ đồng."),
         "?## Nhiều cách làm hiệu quả từ cơ sở || ## Phát huy vai trò của camera giám sát",
         ("Tại {huyen}, mô hình “Cổng trường an toàn giao thông” và “Tuyến đường tự quản” được nhân rộng, "
          "thu hút đông đảo đoàn viên, hội viên tham gia. || Nhiều địa phương như {huyen}, {huyen2} đã chủ "
          "động rà soát, khắc phục các điểm tiềm ẩn tai nạn giao thông, bổ sung biển báo, đèn tín hiệu, gờ "
          "giảm tốc.",
          "?Hệ thống camera giám sát giao thông được lắp đặt tại các nút giao trọng điểm cũng góp phần nâng "
          "cao ý thức của người tham gia giao thông."),
         "{Ong1} {nguoi1}, Phó Chủ tịch {ubnd}, Trưởng Ban An toàn giao thông {cap} đánh giá, kết quả trên "
         "có "
         "được là nhờ sự vào cuộc quyết liệt của các cấp, các ngành và sự đồng thuận của người dân. || Phát "
         "biểu tại hội nghị sơ kết, {ong1} {nguoi1}, Phó Chủ tịch {ubnd} nhấn mạnh: “Kết quả kéo giảm tai "
         "nạn "
         "là đáng ghi nhận, nhưng không được chủ quan, lơ là”.",
         "Thời gian tới, Ban An toàn giao thông {cap} yêu cầu các lực lượng tiếp tục tăng cường tuần tra, "
         "kiểm soát, xử lý nghiêm các hành vi vi phạm, nhất là vi phạm nồng độ cồn. || Trong những tháng "
         "tới, {cap} sẽ tập trung đẩy mạnh tuyên truyền, tăng cường kiểm soát phương tiện kinh doanh vận "
         "tải, "
         "phấn đấu tiếp tục kéo giảm tai nạn giao thông trên cả 3 tiêu chí."),
        ("Lực lượng CSGT {congan} tuần tra, kiểm soát trên {road}. Ảnh: {anh}",
         "Các tuyến đường trên địa bàn {tinh} ngày càng thông thoáng. Ảnh: {anh}"),
        ("kéo giảm tai nạn giao thông",),
        nums={"so_vu": (40, 190), "so_chet_ky": (20, 110), "so_thuong": (25, 150), "giam_vu": (5, 40),
              "giam_chet": (2, 18), "giam_thuong": (4, 35), "so_vp": (6000, 48000), "so_gplx": (300, 2600),
              "tien_phat": (8, 65)}),
    Scenario(
        "tngt_nong_do_con", "neutral",
        ("{p}: Xử lý hơn {so_vp} trường hợp vi phạm nồng độ cồn trong đợt cao điểm",
         "Ra quân tổng kiểm soát nồng độ cồn trên các tuyến đường {p}",
         "CSGT {p} xuyên đêm kiểm tra nồng độ cồn"),
        ("Trong đợt cao điểm vừa qua, lực lượng Cảnh sát giao thông {congan} đã kiểm tra, phát hiện và xử "
         "lý {so_vp} trường hợp vi phạm nồng độ cồn, tạm giữ hàng trăm phương tiện.",
         "{Su_luc}, Phòng Cảnh sát giao thông {congan} phối hợp Công an các địa phương ra quân tổng kiểm "
         "soát phương tiện, tập trung xử lý vi phạm nồng độ cồn trên các tuyến đường trọng điểm."),
        (("Các tổ công tác được bố trí tại nhiều điểm trên {road}, khu vực trung tâm {huyen} và các tuyến "
          "đường có mật độ phương tiện lớn. || Lực lượng chức năng bố trí chốt kiểm tra tại {road}, đường "
          "vào các khu công nghiệp và khu vực tập trung nhiều nhà hàng, quán nhậu.",
          "Thời gian kiểm tra tập trung vào buổi trưa, chiều tối và đêm, thời điểm người dân thường sử dụng "
          "rượu, bia."),
         ("Qua kiểm tra, nhiều người điều khiển phương tiện có nồng độ cồn vượt mức cho phép, trong đó có "
          "trường hợp vượt mức kịch khung. || Kết quả, lực lượng chức năng phát hiện {so_vp} trường hợp vi "
          "phạm nồng độ cồn, chủ yếu là người điều khiển xe máy.",
          "?Một số trường hợp có biểu hiện chống đối, không chấp hành yêu cầu kiểm tra của lực lượng chức "
          "năng."),
         "Thượng tá {nguoi2}, Trưởng phòng Cảnh sát giao thông {congan} cho biết, đơn vị quán triệt tinh "
         "thần "
         "xử lý vi phạm “không có vùng cấm, không có ngoại lệ”. || Theo Thượng tá {nguoi2}, Trưởng phòng "
         "Cảnh sát giao thông {congan}, đợt cao điểm nhằm nâng cao ý thức “Đã uống rượu, bia – Không lái xe” "
         "của người tham gia giao thông.",
         "?## Tuyên truyền song song với xử lý",
         ("Song song với xử lý vi phạm, lực lượng chức năng phối hợp với chính quyền địa phương tuyên truyền "
          "trên hệ thống loa truyền thanh cơ sở, mạng xã hội. || Bên cạnh việc xử lý, các tổ công tác cũng "
          "tuyên truyền, nhắc nhở người dân chấp hành quy định về nồng độ cồn, đội mũ bảo hiểm đúng quy "
          "cách.",
          "?Nhiều doanh nghiệp vận tải trên địa bàn đã ký cam kết không để lái xe sử dụng rượu, bia khi làm "
          "nhiệm vụ."),
         "{Dan1}, trú tại {xa}, cho biết: “Từ khi lực lượng chức năng kiểm tra thường xuyên, anh em trong "
         "xóm đi ăn cỗ đều gọi xe hoặc nhờ người thân đưa đón”. || Theo ghi nhận, sau nhiều đợt kiểm tra, "
         "tình trạng lái xe sau khi uống rượu, bia trên địa bàn đã giảm rõ rệt.",
         "Đợt cao điểm sẽ kéo dài đến hết tháng {thang_sau}, lực lượng chức năng sẽ tiếp tục xử lý nghiêm "
         "các "
         "trường hợp vi phạm. || Thời gian tới, {congan} tiếp tục duy trì các tổ công tác, kiểm tra cả ban "
         "ngày và ban đêm."),
        ("CSGT {congan} kiểm tra nồng độ cồn người điều khiển phương tiện. Ảnh: {anh}",
         "Tổ công tác làm nhiệm vụ trên {road}. Ảnh: {anh}"),
        ("nồng độ cồn", "Cảnh sát giao thông"),
        nums={"so_vp": (250, 1800)}),
    Scenario(
        "tngt_un_tac", "negative",
        ("Bạn đọc phản ánh: Nút giao trên {road} qua {xa} thường xuyên ùn tắc",
         "Dân kêu trời vì ùn tắc, mất an toàn tại nút giao trên {road}",
         "“Điểm đen” tai nạn trên {road} chậm được khắc phục"),
        ("Nhiều người dân {xa}, {huyen} phản ánh nút giao trên {road} thường xuyên ùn tắc vào giờ cao điểm, "
         "tiềm ẩn nguy cơ mất an toàn giao thông nhưng chậm được xử lý.",
         "Đoạn {road} qua {xa}, {huyen} nhiều năm nay bị người dân gọi là “điểm đen” tai nạn giao thông; dù "
         "đã nhiều lần kiến nghị, đến nay vẫn chưa được khắc phục triệt để."),
        (("Theo phản ánh của bạn đọc, vào khung giờ từ 6 giờ 30 đến 8 giờ và từ 17 giờ đến 18 giờ 30 hằng "
          "ngày, dòng xe máy, ô tô nối đuôi nhau kéo dài hàng trăm mét. || Ghi nhận của phóng viên vào giờ "
          "cao "
          "điểm, hàng trăm phương tiện chen chúc, [[nhích từng chút một|kẹt cứng]] tại khu vực nút giao.",
          "Đây là tuyến đường chính dẫn vào các khu công nghiệp nên lưu lượng công nhân đi làm rất lớn."),
         "“Sáng nào tôi cũng mất gần 30 phút mới qua được đoạn này, nhiều hôm bị muộn giờ làm”, {dan1} bức "
         "xúc. || {Dan1}, người dân sống gần nút giao cho biết: “Mặt đường hẹp, không có đèn tín hiệu, xe "
         "tải, xe container ra vào liên tục nên rất nguy hiểm, nhất là với học sinh”.",
         "?Theo người dân, từ đầu năm đến nay đã xảy ra {so_vu_cu} vụ va chạm tại khu vực này, may mắn chưa "
         "có thiệt hại lớn về người. || Không ít vụ va chạm giao thông đã xảy ra, khiến người dân mỗi lần đi "
         "qua đều thấp thỏm lo âu.",
         "## Chính quyền nói gì || ## Cần giải pháp căn cơ",
         ("Trao đổi với phóng viên, {ong1} {nguoi1}, Phó Chủ tịch UBND {huyen} thừa nhận tình trạng ùn tắc "
          "tại nút giao là có thật và đã kéo dài nhiều năm. || Làm việc với phóng viên, đại diện UBND "
          "{huyen} "
          "cho biết địa phương đã nhiều lần báo cáo, kiến nghị lên cấp trên nhưng do vướng mặt bằng nên chưa "
          "thể mở rộng nút giao.",
          "?Địa phương đã đề xuất Sở Xây dựng bổ sung đèn tín hiệu và phân làn tạm thời trong khi "
          "chờ dự án cải tạo."),
         "Người dân mong muốn cơ quan chức năng sớm có giải pháp căn cơ, tránh để xảy ra những vụ tai nạn "
         "đáng tiếc. || Báo sẽ tiếp tục theo dõi, phản ánh kết quả giải quyết của cơ quan chức năng tới bạn "
         "đọc."),
        ("Phương tiện ùn tắc kéo dài tại nút giao trên {road} vào giờ cao điểm. Ảnh: {anh}",
         "Nút giao thiếu đèn tín hiệu, tiềm ẩn nguy cơ mất an toàn. Ảnh: {anh}"),
        ("ùn tắc giao thông", "bạn đọc phản ánh"),
        nums={"so_vu_cu": (3, 9)}),
))

FOOD = Topic("food_safety", "An toàn thực phẩm", "xa-hoi",
             ("An toàn thực phẩm", "ngộ độc thực phẩm", "ATTP"), (
    Scenario(
        "attp_ngo_doc", "negative",
        ("{so_nguoi} công nhân nhập viện nghi ngộ độc thực phẩm sau bữa ăn ca",
         "{p}: Hàng chục công nhân nhập viện cấp cứu sau bữa trưa",
         "Nghi ngộ độc thực phẩm tập thể tại công ty ở {huyen}, {so_nguoi} người phải cấp cứu"),
        ("{Su_luc}, {so_nguoi} công nhân {cty} tại {kcn} ({tinh}) có biểu hiện đau bụng, buồn nôn, nôn sau "
         "bữa ăn ca, phải đưa đi cấp cứu.",
         "Sau bữa ăn trưa tại bếp ăn tập thể của {cty}, hàng chục công nhân xuất hiện triệu chứng nghi ngộ "
         "độc thực phẩm; cơ quan chức năng {tinh} đã lấy mẫu thức ăn để xét nghiệm."),
        (("Theo báo cáo ban đầu, bữa ăn trưa cùng ngày của công nhân gồm cơm, thịt gà rang, canh rau và đậu "
          "phụ sốt cà chua do một đơn vị bên ngoài cung cấp. || Bữa ăn ca của công ty do {cty_suat_an} cung "
          "cấp, gồm các món cơm, cá kho, rau xào và canh.",
          "Khoảng 1-2 giờ sau khi ăn, nhiều công nhân bắt đầu có biểu hiện đau bụng, buồn nôn, chóng mặt."),
         ("Các bệnh nhân được đưa đến Trung tâm Y tế {huyen} và Bệnh viện Đa khoa tỉnh để cấp cứu, theo dõi. "
          "|| Ngay sau đó, công ty đã đưa người lao động đến các cơ sở y tế trên địa bàn cấp cứu.",
          "?Đến tối cùng ngày, phần lớn người bệnh đã ổn định sức khỏe, {so_nang} trường hợp phải tiếp tục "
          "theo dõi."),
         "Bác sĩ {nguoi2}, Giám đốc Trung tâm Y tế {huyen} cho biết, các bệnh nhân nhập viện trong tình "
         "trạng "
         "mệt mỏi, đau bụng, nôn nhiều lần và đã được bù nước, điện giải kịp thời. || Theo đại diện Trung "
         "tâm Y tế {huyen}, không có trường hợp nào nguy kịch.",
         "?## Lấy mẫu thức ăn để xét nghiệm",
         "Chi cục An toàn vệ sinh thực phẩm {tinh} đã phối hợp với cơ quan chức năng địa phương niêm phong, "
         "lấy mẫu thức ăn lưu, mẫu nước để xét nghiệm, xác định nguyên nhân. || Đoàn kiểm tra liên ngành về "
         "an toàn thực phẩm đã có mặt tại hiện trường, thu thập mẫu thực phẩm lưu và yêu cầu tạm dừng hoạt "
         "động bếp ăn để phục vụ điều tra.",
         ("Đây là vụ ngộ độc thực phẩm thứ {thu_tu} xảy ra tại bếp ăn tập thể trên địa bàn {tinh} từ đầu "
          "năm đến nay. || Thời gian qua, trên địa bàn đã xảy ra một số vụ ngộ độc thực phẩm tại các bếp ăn "
          "tập thể, gây ảnh hưởng đến sức khỏe người lao động.",
          "?Cơ quan chức năng khuyến cáo các doanh nghiệp lựa chọn nhà cung cấp suất ăn bảo đảm điều kiện an "
          "toàn thực phẩm, thực hiện nghiêm chế độ lưu mẫu thức ăn.")),
        ("Công nhân được điều trị tại Trung tâm Y tế {huyen}. Ảnh: {anh}",
         "Đoàn kiểm tra lấy mẫu thức ăn tại bếp ăn của công ty. Ảnh: {anh}"),
        ("ngộ độc thực phẩm", "bếp ăn tập thể"),
        nums={"so_nguoi": (18, 75), "so_nang": (1, 4), "thu_tu": (2, 4)},
        pools={"cty_suat_an": ("Công ty TNHH Dịch vụ suất ăn Phúc Lộc",
                               "Công ty cổ phần Suất ăn công nghiệp Minh Tâm",
                               "Công ty TNHH Thực phẩm Hưng Thịnh")}),
    Scenario(
        "attp_kiem_tra", "neutral",
        ("{p}: Tiêu hủy hơn {so_kg} kg thực phẩm không rõ nguồn gốc",
         "Kiểm tra liên ngành an toàn thực phẩm, xử phạt {so_co_so} cơ sở vi phạm",
         "Siết chặt kiểm soát an toàn thực phẩm dịp cuối năm tại {p}"),
        ("Đoàn kiểm tra liên ngành về an toàn thực phẩm {tinh} vừa kiểm tra {so_kiem_tra} cơ sở sản xuất, "
         "kinh doanh thực phẩm, phát hiện {so_co_so} cơ sở vi phạm, tiêu hủy hơn {so_kg} kg thực phẩm không "
         "rõ nguồn gốc.",
         "Nhằm bảo đảm an toàn thực phẩm cho người tiêu dùng, các đoàn kiểm tra liên ngành của {tinh} tăng "
         "cường kiểm tra các chợ đầu mối, cơ sở giết mổ và bếp ăn tập thể."),
        ("Đoàn tập trung kiểm tra điều kiện vệ sinh cơ sở, nguồn gốc nguyên liệu, giấy chứng nhận đủ điều "
         "kiện an toàn thực phẩm và giấy khám sức khỏe của người trực tiếp chế biến. || Các đoàn kiểm tra "
         "tập trung vào nhóm thực phẩm tiêu thụ nhiều như thịt, giò chả, bánh kẹo, rượu, nước giải khát.",
         ("Qua kiểm tra, đoàn phát hiện một số cơ sở không xuất trình được hóa đơn, chứng từ chứng minh "
          "nguồn "
          "gốc hàng hóa, người chế biến chưa khám sức khỏe định kỳ. || Tại một cơ sở kinh doanh ở {xa}, "
          "{huyen}, lực lượng chức năng phát hiện {so_kg} kg nội tạng động vật đã bốc mùi, không có giấy tờ "
          "chứng minh nguồn gốc.",
          "?Toàn bộ số hàng vi phạm đã bị buộc tiêu hủy theo quy định."),
         "{Ong1} {nguoi1}, Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm {tinh} cho biết, đoàn đã xử phạt "
         "vi phạm hành chính {so_co_so} cơ sở với tổng số tiền hơn {tien_trieu} triệu đồng. || Theo {ong1} "
         "{nguoi1}, Chi cục trưởng Chi cục An toàn vệ sinh thực phẩm {tinh}, số tiền xử phạt đợt này là "
         "{tien_trieu} triệu đồng; các cơ sở vi phạm đã được yêu cầu khắc phục ngay.",
         "?Bên cạnh xử phạt, đoàn kiểm tra hướng dẫn các cơ sở thực hiện đúng quy định về bảo quản, chế "
         "biến, ghi nhãn thực phẩm và lưu mẫu thức ăn.",
         "Thời gian tới, các đoàn liên ngành sẽ tiếp tục kiểm tra đột xuất, không báo trước; công khai tên "
         "các cơ sở vi phạm trên phương tiện thông tin đại chúng. || Ngành y tế khuyến cáo người dân lựa "
         "chọn thực phẩm có nguồn gốc, xuất xứ rõ ràng, không sử dụng thực phẩm ôi thiu, kém chất lượng."),
        ("Đoàn kiểm tra liên ngành kiểm tra một cơ sở kinh doanh thực phẩm tại {huyen}. Ảnh: {anh}",
         "Lực lượng chức năng tiêu hủy thực phẩm không rõ nguồn gốc. Ảnh: {anh}"),
        ("kiểm tra liên ngành", "thực phẩm bẩn"),
        nums={"so_kiem_tra": (120, 640), "so_co_so": (12, 58), "so_kg": (300, 2400),
              "tien_trieu": (45, 320)}),
    Scenario(
        "attp_khong_ngo_doc", "positive",
        ("{p} không để xảy ra ngộ độc thực phẩm đông người trong {ky}",
         "Tháng hành động vì an toàn thực phẩm: {p} không để xảy ra ngộ độc tập thể",
         "Bảo đảm an toàn thực phẩm tại các bếp ăn tập thể ở {p}"),
        ("Nhờ làm tốt công tác thanh tra, kiểm tra và tuyên truyền, {ky}, trên địa bàn {tinh} không để xảy "
         "ra vụ ngộ độc thực phẩm đông người nào.",
         "Công tác bảo đảm an toàn thực phẩm tại {tinh} đạt nhiều kết quả tích cực, không có vụ ngộ độc thực "
         "phẩm tập thể; ý thức của các cơ sở sản xuất, kinh doanh được nâng lên."),
        ("Theo Ban Chỉ đạo liên ngành về an toàn thực phẩm {tinh}, {ky}, các đoàn kiểm tra đã kiểm tra "
         "{so_kiem_tra} lượt cơ sở, tỷ lệ cơ sở đạt yêu cầu đạt trên {ty_le}%. || Báo cáo của Sở Y tế {tinh} "
         "cho thấy, tỷ lệ cơ sở sản xuất, kinh doanh thực phẩm đạt yêu cầu về an toàn thực phẩm tăng so với "
         "cùng kỳ, đạt {ty_le}%.",
         "Đáng chú ý, {cap} không để xảy ra vụ ngộ độc thực phẩm nào tại bếp ăn tập thể của các khu công "
         "nghiệp và trường học. || Các bếp ăn tập thể tại khu công nghiệp, trường học được kiểm soát chặt "
         "chẽ, thực hiện nghiêm chế độ kiểm thực ba bước và lưu mẫu thức ăn.",
         "?## Lan tỏa mô hình chợ an toàn thực phẩm",
         ("Nhiều mô hình hay được triển khai như chợ an toàn thực phẩm tại {huyen}, chuỗi cung ứng thịt lợn "
          "an toàn, bếp ăn tập thể “xanh – sạch”. || Tại {huyen}, mô hình chợ an toàn thực phẩm đã giúp tiểu "
          "thương thay đổi thói quen kinh doanh, người tiêu dùng yên tâm hơn khi mua sắm.",
          "?{Dan1}, tiểu thương tại chợ {xa_ten}, chia sẻ: “Từ khi chợ được cải tạo, hàng hóa có nguồn gốc "
          "rõ ràng, khách đến mua đông hơn”."),
         "{Ong1} {nguoi1}, Giám đốc Sở Y tế {tinh} nhấn mạnh, dù không xảy ra ngộ độc tập thể, các địa "
         "phương "
         "không được chủ quan, đặc biệt trong dịp cao điểm cuối năm. || Phát biểu tại hội nghị, {ong1} "
         "{nguoi1}, Phó Chủ tịch {ubnd}, Trưởng Ban Chỉ đạo liên ngành về an toàn thực phẩm {cap}, đề nghị "
         "các ngành tiếp tục siết chặt công tác hậu kiểm.",
         "Thời gian tới, {cap} sẽ đẩy mạnh ứng dụng truy xuất nguồn gốc, nhân rộng các chuỗi cung ứng thực "
         "phẩm an toàn. || Trong thời gian tới, ngành y tế tiếp tục phối hợp với ngành nông nghiệp, công "
         "thương tăng cường hậu kiểm, xử lý nghiêm các vi phạm."),
        ("Cán bộ y tế kiểm tra bếp ăn tập thể tại một doanh nghiệp. Ảnh: {anh}",
         "Chợ an toàn thực phẩm tại {huyen}. Ảnh: {anh}"),
        ("chuỗi thực phẩm an toàn",),
        nums={"so_kiem_tra": (900, 4800), "ty_le": (88.0, 96.5, 1)}),
    Scenario(
        "attp_chat_cam", "negative",
        ("Phát hiện cơ sở sản xuất giò chả sử dụng hàn the tại {huyen}",
         "{p}: Thu giữ hơn {so_kg} kg giò chả chứa hàn the chuẩn bị tuồn ra thị trường",
         "Bắt quả tang cơ sở dùng chất cấm trong chế biến giò chả ở {p}"),
        ("Lực lượng chức năng {tinh} vừa phát hiện một cơ sở sản xuất thực phẩm tại {xa}, {huyen} sử dụng "
         "hàn the trong chế biến, thu giữ hơn {so_kg} kg sản phẩm.",
         "{Su_luc}, Đội Quản lý thị trường số {so_doi} phối hợp với Công an {huyen} kiểm tra đột xuất một cơ "
         "sở chế biến giò chả, phát hiện nhiều sai phạm nghiêm trọng."),
        ("Tại thời điểm kiểm tra, cơ sở do {dan1_hoten} làm chủ đang chế biến giò lụa, chả quế để cung cấp "
         "cho các chợ và quán ăn trên địa bàn. || Khi lực lượng chức năng ập vào, nhiều công nhân đang sơ "
         "chế thịt ngay trên nền nhà, điều kiện vệ sinh không bảo đảm.",
         ("Kết quả test nhanh cho thấy nhiều mẫu sản phẩm dương tính với hàn the, chất bị cấm sử dụng trong "
          "chế biến thực phẩm. || Qua test nhanh, đoàn kiểm tra phát hiện mẫu giò, chả có chứa hàn the; cơ "
          "sở "
          "không xuất trình được hóa đơn nguồn gốc nguyên liệu.",
          "?Tại hiện trường, lực lượng chức năng còn thu giữ nhiều túi hóa chất không nhãn mác."),
         "Làm việc với cơ quan chức năng, chủ cơ sở thừa nhận sử dụng hàn the để sản phẩm giòn, dai và bảo "
         "quản được lâu hơn. || Chủ cơ sở khai nhận đã hoạt động được khoảng {so_nam} năm, mỗi ngày xuất bán "
         "ra thị trường hàng trăm kg sản phẩm.",
         "?## Nguy cơ lớn với sức khỏe người tiêu dùng",
         "Theo các chuyên gia y tế, hàn the khi vào cơ thể sẽ tích tụ dần, gây hại cho gan, thận và hệ tiêu "
         "hóa, về lâu dài có thể gây ngộ độc mạn tính. || Bác sĩ {nguoi2}, Trung tâm Kiểm soát bệnh tật "
         "{tinh} cảnh báo, việc sử dụng hàn the trong thực phẩm có thể gây tổn thương gan, thận, đặc biệt "
         "nguy hiểm với trẻ nhỏ.",
         "Toàn bộ số hàng vi phạm đã bị tạm giữ để tiêu hủy; vụ việc đang được cơ quan chức năng tiếp tục "
         "xác minh, xử lý theo quy định. || Cơ quan chức năng đã lập biên bản, tạm giữ toàn bộ tang vật và "
         "đang hoàn thiện hồ sơ để xử lý nghiêm theo quy định của pháp luật."),
        ("Lực lượng chức năng kiểm tra cơ sở sản xuất giò chả. Ảnh: {anh}",
         "Số sản phẩm vi phạm bị thu giữ. Ảnh: {anh}"),
        ("hàn the", "quản lý thị trường"),
        nums={"so_kg": (200, 1500), "so_doi": (1, 9), "so_nam": (2, 6)}),
))
