"""Personnel work and security/order: templates written for the sample press."""

from __future__ import annotations

from .base import Scenario, Topic

DEPARTMENTS = ("Tài chính", "Xây dựng", "Y tế", "Giáo dục và Đào tạo", "Nội vụ", "Công Thương",
               "Khoa học và Công nghệ", "Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch")

PERSONNEL = Topic("personnel", "Công tác cán bộ", "chinh-tri", ("Công tác cán bộ", "nhân sự"), (
    Scenario(
        "cb_bo_nhiem", "neutral",
        ("{p}: Trao quyết định bổ nhiệm Giám đốc Sở {so_nganh}",
         "Bổ nhiệm {ong2} {nguoi2} giữ chức Giám đốc Sở {so_nganh} {p}",
         "Điều động, bổ nhiệm tân Giám đốc Sở {so_nganh} {p}"),
        ("{Su_luc}, {ubnd} tổ chức hội nghị công bố và trao quyết định điều động, bổ nhiệm {ong2} {nguoi2}, "
         "{chuc_cu}, giữ chức Giám đốc Sở {so_nganh} {tinh}.",
         "Theo quyết định của Chủ tịch {ubnd}, {ong2} {nguoi2} được điều động, bổ nhiệm giữ chức Giám đốc Sở "
         "{so_nganh}, thời hạn giữ chức vụ là 5 năm."),
        ("Thừa ủy quyền, lãnh đạo Sở Nội vụ {tinh} đã công bố quyết định của Chủ tịch {ubnd} về việc điều "
         "động, bổ nhiệm cán bộ. || Tại hội nghị, đại diện lãnh đạo Sở Nội vụ đã công bố quyết định bổ "
         "nhiệm, "
         "thời hạn giữ chức vụ 5 năm kể từ ngày được bổ nhiệm.",
         "{Ong2} {nguoi2} sinh năm {nam_sinh}, quê quán {huyen2}, trình độ thạc sĩ, cao cấp lý luận chính "
         "trị; "
         "từng kinh qua nhiều vị trí công tác tại các sở, ngành và địa phương. || Trước khi được bổ nhiệm, "
         "{ong2} {nguoi2} giữ chức {chuc_cu}, có nhiều năm gắn bó với công tác quản lý nhà nước tại địa "
         "phương.",
         "Phát biểu giao nhiệm vụ, {ong1} {nguoi1}, Chủ tịch {ubnd} chúc mừng {ong2} {ten2} và đề nghị tân "
         "Giám "
         "đốc Sở phát huy tinh thần đoàn kết, năng động, sáng tạo, cùng tập thể lãnh đạo Sở hoàn thành tốt "
         "nhiệm vụ. || {Ong1} {nguoi1}, Phó Bí thư {tinhuy}, Chủ tịch {ubnd} nhấn mạnh, công tác cán bộ là "
         "“then chốt của then chốt”, việc bổ nhiệm được thực hiện đúng quy trình, dân chủ, khách quan.",
         "Nhận nhiệm vụ mới, {ong2} {nguoi2} cảm ơn sự tin tưởng của lãnh đạo {cap}, hứa sẽ cùng tập thể Sở "
         "đoàn kết, nỗ lực hoàn thành tốt các nhiệm vụ được giao. || Phát biểu nhận nhiệm vụ, {ong2} {ten2} "
         "cam "
         "kết không ngừng học tập, rèn luyện, giữ gìn phẩm chất đạo đức, lối sống, xứng đáng với sự tin "
         "tưởng "
         "của tổ chức.",
         "?Cùng ngày, {ubnd} cũng trao quyết định bổ nhiệm lại một số phó giám đốc sở, ngành hết thời hạn "
         "giữ "
         "chức vụ."),
        ("{Ong1} {nguoi1}, Chủ tịch {ubnd} trao quyết định và tặng hoa chúc mừng {ong2} {nguoi2}. Ảnh: {anh}",
         "Quang cảnh hội nghị công bố quyết định. Ảnh: {anh}"),
        ("bổ nhiệm cán bộ",),
        pools={"so_nganh": DEPARTMENTS,
               "chuc_cu": ("Phó Giám đốc Sở {so_nganh}", "Chủ tịch UBND {huyen}", "Bí thư {huyen_uy}")}),
    Scenario(
        "cb_sap_xep", "neutral",
        ("{p} sắp xếp đơn vị hành chính cấp xã, giảm {so_xa_giam} xã, phường",
         "Sắp xếp đơn vị hành chính: Bảo đảm quyền lợi của cán bộ dôi dư ở {p}",
         "{Huyen} hoàn thành sắp xếp tổ chức bộ máy, vận hành thông suốt"),
        ("Thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội, {tinh} đã hoàn thành việc sắp xếp đơn vị hành "
         "chính cấp xã, sau sắp xếp giảm {so_xa_giam} đơn vị hành chính cấp xã.",
         "Sau sắp xếp, bộ máy chính quyền các xã, phường mới tại {huyen}, {tinh} đã đi vào hoạt động ổn "
         "định, "
         "việc giải quyết thủ tục hành chính cho người dân không bị gián đoạn."),
        ("Việc sắp xếp được thực hiện theo lộ trình, bảo đảm dân chủ, công khai; tỷ lệ cử tri đồng thuận với "
         "đề án đạt trên {dong_thuan}%. || Trước khi sắp xếp, các địa phương đã tổ chức lấy ý kiến cử tri, "
         "kết "
         "quả có {dong_thuan}% cử tri đồng ý với chủ trương.",
         "Số cán bộ, công chức dôi dư sau sắp xếp được các địa phương xây dựng lộ trình giải quyết, bố trí "
         "phù "
         "hợp với năng lực, trình độ. || Vấn đề được cán bộ, người dân quan tâm là chế độ, chính sách đối "
         "với "
         "cán bộ dôi dư, trụ sở làm việc và việc chuyển đổi giấy tờ.",
         "{Dan1}, ở {xa}, cho biết: “Lúc đầu cũng lo đi làm giấy tờ xa, nhưng xã mới bố trí điểm tiếp nhận "
         "hồ "
         "sơ ở trụ sở cũ nên rất thuận tiện”. || Tại trụ sở xã mới, các bộ phận chuyên môn được bố trí khoa "
         "học, bộ phận một cửa hoạt động từ ngày đầu tiên.",
         "{Ong1} {nguoi1}, Giám đốc Sở Nội vụ {tinh} cho biết, {cap} đã ban hành chính sách hỗ trợ riêng đối "
         "với "
         "cán bộ nghỉ việc do sắp xếp, ngoài chế độ chung của Trung ương. || Theo {ong1} {nguoi1}, Giám đốc "
         "Sở "
         "Nội vụ {tinh}, tinh thần là sắp xếp bộ máy “tinh – gọn – mạnh – hiệu năng – hiệu lực – hiệu quả”, "
         "không để xáo trộn lớn đời sống người dân.",
         "?## Không để gián đoạn phục vụ người dân",
         "Thời gian tới, {cap} sẽ tiếp tục rà soát, giải quyết tài sản công dôi dư, chuyển đổi công năng trụ "
         "sở "
         "cũ thành nhà văn hóa, trường học. || Các địa phương được yêu cầu tập trung ổn định tổ chức, củng "
         "cố "
         "đội ngũ, bảo đảm bộ máy mới vận hành thông suốt."),
        ("Trụ sở xã mới sau sắp xếp. Ảnh: {anh}",
         "Cán bộ tiếp nhận hồ sơ cho người dân tại bộ phận một cửa. Ảnh: {anh}"),
        ("sắp xếp đơn vị hành chính", "tinh gọn bộ máy"),
        nums={"so_xa_giam": (8, 46), "dong_thuan": (92.0, 99.2, 1)}),
    Scenario(
        "cb_ky_luat", "negative",
        ("Kỷ luật cảnh cáo nguyên Chủ tịch UBND {huyen}",
         "{p}: Thi hành kỷ luật nguyên Chủ tịch UBND {huyen} do sai phạm đất đai",
         "Ủy ban Kiểm tra {tinhuy} kỷ luật nhiều cán bộ vi phạm"),
        ("Ủy ban Kiểm tra {tinhuy} vừa tổ chức kỳ họp, xem xét, quyết định thi hành kỷ luật bằng hình thức "
         "cảnh "
         "cáo đối với {ong2} {nguoi2}, nguyên Chủ tịch UBND {huyen}, do có vi phạm, khuyết điểm trong quản "
         "lý "
         "đất đai.",
         "Do thiếu trách nhiệm trong lãnh đạo, chỉ đạo để xảy ra nhiều sai phạm trong quản lý, sử dụng đất "
         "đai, "
         "{ong2} {nguoi2}, nguyên Chủ tịch UBND {huyen} ({tinh}) đã bị thi hành kỷ luật bằng hình thức cảnh "
         "cáo."),
        ("Qua kiểm tra khi có dấu hiệu vi phạm, Ủy ban Kiểm tra {tinhuy} kết luận, {ong2} {nguoi2} đã vi "
         "phạm "
         "quy chế làm việc, thiếu trách nhiệm trong lãnh đạo, chỉ đạo công tác quản lý đất đai, giao đất "
         "trái "
         "thẩm quyền. || Theo kết luận, trong thời gian giữ chức vụ, {ong2} {ten2} đã buông lỏng quản lý, để "
         "xảy ra tình trạng giao đất, cho thuê đất không đúng quy định tại nhiều xã.",
         "Những vi phạm trên đã gây hậu quả nghiêm trọng, làm thất thoát ngân sách nhà nước, gây bức xúc "
         "trong "
         "dư luận, ảnh hưởng xấu đến uy tín của tổ chức đảng và chính quyền địa phương. || Các vi phạm, "
         "khuyết "
         "điểm nêu trên đã gây dư luận xấu, làm giảm niềm tin của nhân dân đối với chính quyền cơ sở.",
         "Căn cứ nội dung, tính chất, mức độ, hậu quả và nguyên nhân vi phạm, Ủy ban Kiểm tra {tinhuy} quyết "
         "định thi hành kỷ luật {ong2} {nguoi2} bằng hình thức cảnh cáo. || Xét nội dung, tính chất, mức độ "
         "vi "
         "phạm, Ủy ban Kiểm tra quyết định thi hành kỷ luật bằng hình thức cảnh cáo, đồng thời đề nghị cấp "
         "có "
         "thẩm quyền xem xét kỷ luật về chính quyền.",
         "Cũng tại kỳ họp, Ủy ban Kiểm tra {tinhuy} đã xem xét, thi hành kỷ luật khiển trách {so_can_bo} "
         "đảng "
         "viên khác có liên quan. || Tại kỳ họp, Ủy ban Kiểm tra cũng yêu cầu Ban Thường vụ {huyen_uy} tổ "
         "chức "
         "kiểm điểm nghiêm túc, rút kinh nghiệm sâu sắc.",
         "?Trước đó, Thanh tra {tinh} đã có kết luận chỉ ra nhiều sai phạm trong việc giao đất, cho thuê đất "
         "tại {huyen} giai đoạn {nam_cu} – {nam_truoc}."),
        ("Quang cảnh kỳ họp Ủy ban Kiểm tra {tinhuy}. Ảnh: {anh}",),
        ("kỷ luật đảng viên", "Ủy ban Kiểm tra"),
        nums={"so_can_bo": (2, 6)}),
    Scenario(
        "cb_bau_bo_sung", "positive",
        ("{Ong2} {nguoi2} được bầu giữ chức Phó Chủ tịch {ubnd}",
         "HĐND {tinh} bầu bổ sung Phó Chủ tịch UBND {cap}",
         "{p} kiện toàn nhân sự lãnh đạo UBND {cap}"),
        ("Tại kỳ họp chuyên đề, HĐND {tinh} đã bầu {ong2} {nguoi2}, {chuc_cu}, giữ chức Phó Chủ tịch {ubnd} "
         "với tỷ lệ phiếu bầu đạt {ty_le_phieu}%.",
         "Với {ty_le_phieu}% đại biểu có mặt tán thành, {ong2} {nguoi2} đã được HĐND {tinh} bầu giữ chức Phó "
         "Chủ tịch {ubnd}."),
        ("{Su_luc}, HĐND {tinh} tổ chức kỳ họp chuyên đề để xem xét, quyết định một số nội dung quan trọng "
         "thuộc thẩm quyền, trong đó có công tác nhân sự. || Kỳ họp chuyên đề được tổ chức nhằm kiện toàn "
         "nhân "
         "sự và thông qua một số nghị quyết quan trọng.",
         "{Ong2} {nguoi2} sinh năm {nam_sinh}, trình độ tiến sĩ, cao cấp lý luận chính trị; trước khi được "
         "bầu, "
         "{ong2} {ten2} giữ chức {chuc_cu}. || Tân Phó Chủ tịch {ubnd} có nhiều năm công tác trong lĩnh vực "
         "kinh tế, quản lý đầu tư và được đánh giá là cán bộ năng động, trách nhiệm.",
         "Kết quả bầu sẽ được trình Thủ tướng Chính phủ phê chuẩn theo quy định. || Ngay sau kỳ họp, hồ sơ "
         "đã "
         "được hoàn thiện để trình Thủ tướng Chính phủ phê chuẩn kết quả bầu.",
         "Phát biểu nhận nhiệm vụ, {ong2} {nguoi2} cảm ơn sự tín nhiệm của các đại biểu và hứa sẽ cùng tập "
         "thể "
         "UBND {cap} đoàn kết, nỗ lực thực hiện thắng lợi các mục tiêu phát triển kinh tế – xã hội. || "
         "{Ong2} "
         "{ten2} khẳng định sẽ tiếp tục học tập, rèn luyện, phát huy tinh thần trách nhiệm, đoàn kết, thống "
         "nhất, xứng đáng với niềm tin của cử tri và nhân dân.",
         "?Tại kỳ họp, các đại biểu cũng thông qua {so_nq} nghị quyết quan trọng về đầu tư công, ngân sách "
         "và "
         "chính sách hỗ trợ người dân."),
        ("Lãnh đạo {tinh} tặng hoa chúc mừng {ong2} {nguoi2}. Ảnh: {anh}",
         "Đại biểu bỏ phiếu bầu Phó Chủ tịch {ubnd}. Ảnh: {anh}"),
        ("kỳ họp HĐND", "kiện toàn nhân sự"),
        nums={"ty_le_phieu": (86.5, 98.9, 2), "so_nq": (6, 15)},
        pools={"chuc_cu": ("Giám đốc Sở Tài chính", "Bí thư {huyen_uy}", "Chủ tịch UBND {huyen}")}),
))

SECURITY = Topic("security_order", "An ninh trật tự", "phap-luat",
                 ("An ninh trật tự", "phòng chống tội phạm"), (
    Scenario(
        "an_ma_tuy", "positive",
        ("Triệt phá đường dây mua bán ma túy liên tỉnh, thu giữ {so_banh} bánh heroin",
         "{p}: Công an triệt phá đường dây ma túy, bắt {so_doi_tuong} đối tượng",
         "Phá chuyên án ma túy lớn tại {huyen}"),
        ("{Congan} vừa phá thành công chuyên án, triệt phá đường dây mua bán trái phép chất ma túy liên "
         "tỉnh, "
         "bắt giữ {so_doi_tuong} đối tượng, thu giữ {so_banh} bánh heroin cùng nhiều ma túy tổng hợp.",
         "Sau thời gian dài trinh sát, Phòng Cảnh sát điều tra tội phạm về ma túy {congan} đã bắt quả tang "
         "{so_doi_tuong} đối tượng đang giao dịch ma túy tại {xa}, {huyen}."),
        ("Trước đó, qua công tác nắm tình hình, cơ quan công an phát hiện một nhóm đối tượng có biểu hiện "
         "mua "
         "bán trái phép chất ma túy từ các tỉnh biên giới về địa bàn {tinh} tiêu thụ. || Qua công tác nghiệp "
         "vụ, lực lượng chức năng xác định đường dây do {dan2_hoten} ({dan2_tuoi} tuổi, trú tại {huyen2}) "
         "cầm "
         "đầu.",
         "Khoảng {su_gio} {su_luc}, tại khu vực {xa}, tổ công tác bắt quả tang {dan2_hoten} đang giao ma túy "
         "cho đối tượng khác, thu giữ {so_banh} bánh heroin giấu trong cốp xe ô tô. || Khi bị bắt, các đối "
         "tượng chống trả quyết liệt nhưng đã bị lực lượng chức năng khống chế an toàn.",
         "Mở rộng điều tra, cơ quan công an khám xét khẩn cấp nơi ở của các đối tượng, thu giữ thêm nhiều ma "
         "túy tổng hợp, cân điện tử, điện thoại di động và tiền mặt. || Khám xét nơi ở của các đối tượng, cơ "
         "quan công an thu giữ thêm hàng nghìn viên ma túy tổng hợp và nhiều tang vật liên quan.",
         "?Tại cơ quan điều tra, các đối tượng khai nhận đã nhiều lần mua ma túy về chia nhỏ để bán kiếm "
         "lời.",
         "{Congan} đã ra quyết định khởi tố vụ án, khởi tố bị can, bắt tạm giam các đối tượng để điều tra "
         "theo "
         "quy định. || Hiện vụ án đang được {congan} tiếp tục điều tra, mở rộng.",
         "?Ghi nhận thành tích, lãnh đạo {ubnd} đã gửi thư khen, thưởng nóng ban chuyên án."),
        ("Các đối tượng trong đường dây mua bán ma túy cùng tang vật. Ảnh: CACC",),
        ("ma túy", "triệt phá đường dây"),
        nums={"so_banh": (4, 40), "so_doi_tuong": (3, 9)}),
    Scenario(
        "an_cuop", "negative",
        ("Bắt đối tượng dùng dao cướp tiệm vàng ở {huyen}",
         "{p}: Nam thanh niên cầm dao cướp tiệm vàng giữa ban ngày",
         "Chưa đầy 12 giờ, bắt nghi phạm cướp tiệm vàng tại {xa}"),
        ("Chỉ sau chưa đầy 12 giờ gây án, Công an {huyen}, {tinh} đã bắt giữ đối tượng {dan2_hoten} "
         "({dan2_tuoi} tuổi) về hành vi dùng dao khống chế chủ tiệm vàng, cướp tài sản.",
         "{Su_luc}, một đối tượng đội mũ bảo hiểm, đeo khẩu trang đã dùng dao khống chế chủ tiệm vàng tại "
         "{xa}, "
         "{huyen}, cướp đi nhiều nhẫn, dây chuyền vàng."),
        ("Theo thông tin ban đầu, khoảng {su_gio} {su_luc}, đối tượng đi xe máy đến tiệm vàng trên địa bàn "
         "{xa}, giả vờ hỏi mua nhẫn. || Theo camera an ninh, đối tượng dừng xe trước cửa tiệm, bước vào hỏi "
         "mua "
         "dây chuyền rồi bất ngờ rút dao khống chế chủ tiệm.",
         "Khi chủ tiệm vừa lấy hàng ra, đối tượng rút dao đe dọa, giật khay vàng rồi lên xe máy tẩu thoát. "
         "|| "
         "Chủ tiệm vàng bị thương ở tay khi cố giằng co với đối tượng; toàn bộ số vàng bị cướp ước tính trị "
         "giá "
         "hơn {gia_tri} triệu đồng.",
         "Vụ việc khiến người dân trong khu vực hoang mang, lo lắng. || {Dan1}, người bán hàng gần đó kể "
         "lại: "
         "“Mọi việc diễn ra rất nhanh, chỉ khoảng 2 phút, khi mọi người chạy ra thì đối tượng đã phóng xe đi "
         "mất”.",
         "Nhận tin báo, Công an {huyen} phối hợp với các phòng nghiệp vụ {congan} khẩn trương truy xét, xác "
         "định nghi phạm và bắt giữ khi đối tượng đang lẩn trốn tại một nhà nghỉ ở {huyen2}. || Bằng các "
         "biện "
         "pháp nghiệp vụ, lực lượng công an đã nhanh chóng xác định danh tính và bắt giữ đối tượng, thu hồi "
         "phần lớn số tài sản.",
         "Tại cơ quan công an, {dan2_hoten} khai nhận do nợ nần vì cờ bạc trực tuyến nên nảy sinh ý định "
         "cướp "
         "tài sản. || Bước đầu, đối tượng khai nhận đã chuẩn bị hung khí, thay biển số xe để đối phó với lực "
         "lượng chức năng.",
         "Vụ án đang được cơ quan công an tiếp tục điều tra, xử lý theo quy định của pháp luật."),
        ("Đối tượng {dan2_hoten} tại cơ quan công an. Ảnh: CACC",
         "Hình ảnh đối tượng được camera an ninh ghi lại. Ảnh: CACC"),
        ("cướp tài sản", "truy bắt nghi phạm"),
        nums={"gia_tri": (150, 900)}),
    Scenario(
        "an_lua_dao", "negative",
        ("Một người dân ở {p} bị lừa hơn {tien_lua} tỷ đồng qua mạng",
         "Giả danh công an gọi điện, lừa chiếm đoạt {tien_lua} tỷ đồng của người dân {huyen}",
         "Cảnh giác thủ đoạn lừa đảo “cập nhật định danh điện tử” tại {p}"),
        ("Tin lời kẻ giả danh cán bộ công an gọi điện yêu cầu “cập nhật thông tin định danh điện tử”, một "
         "người "
         "dân ở {xa}, {huyen}, {tinh} đã bị chiếm đoạt hơn {tien_lua} tỷ đồng.",
         "{Congan} vừa tiếp nhận trình báo của {dan1} ({dan1_tuoi} tuổi, trú tại {huyen}) về việc bị đối "
         "tượng "
         "lạ lừa đảo chiếm đoạt {tien_lua} tỷ đồng qua mạng."),
        ("Theo trình báo, nạn nhân nhận được cuộc gọi của một người tự xưng là cán bộ công an phường, thông "
         "báo "
         "tài khoản định danh điện tử bị lỗi, cần cập nhật lại. || Đối tượng hướng dẫn nạn nhân tải một ứng "
         "dụng giả mạo dịch vụ công, cài đặt và cung cấp mã OTP.",
         "Sau khi làm theo hướng dẫn, nạn nhân phát hiện tài khoản ngân hàng bị trừ liên tiếp nhiều lần, "
         "tổng "
         "số tiền hơn {tien_lua} tỷ đồng. || Chỉ trong vài phút, toàn bộ số tiền tiết kiệm trong tài khoản "
         "của "
         "nạn nhân đã bị chuyển đi.",
         "## Thủ đoạn tinh vi, nhắm vào người cao tuổi || ## Công an khuyến cáo",
         "Theo {congan}, từ đầu năm đến nay, trên địa bàn xảy ra {so_vu_lua} vụ lừa đảo chiếm đoạt tài sản "
         "qua "
         "không gian mạng, thiệt hại hàng chục tỷ đồng. || Thống kê của cơ quan công an cho thấy, các vụ lừa "
         "đảo trực tuyến có xu hướng gia tăng, nạn nhân chủ yếu là người cao tuổi, nội trợ, học sinh, sinh "
         "viên.",
         "Cơ quan công an khuyến cáo người dân không cài đặt ứng dụng lạ, không truy cập đường link không rõ "
         "nguồn gốc, tuyệt đối không cung cấp mã OTP cho bất kỳ ai. || Công an không làm việc qua điện "
         "thoại; "
         "mọi thủ tục liên quan đến định danh điện tử đều thực hiện trực tiếp tại cơ quan công an hoặc trên "
         "ứng dụng VNeID chính thức.",
         "?Khi phát hiện dấu hiệu lừa đảo, người dân cần trình báo ngay cho cơ quan công an gần nhất để được "
         "hướng dẫn, xử lý kịp thời."),
        ("Cảnh giác với các cuộc gọi mạo danh cơ quan công an. Ảnh minh họa: {anh}",),
        ("lừa đảo qua mạng", "tội phạm công nghệ cao"),
        nums={"tien_lua": (1.1, 6.8, 1), "so_vu_lua": (40, 260)}),
    Scenario(
        "an_luc_luong_co_so", "neutral",
        ("{p} ra mắt lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
         "Lực lượng bảo vệ an ninh, trật tự ở cơ sở: “Cánh tay nối dài” của công an xã",
         "{Huyen} sơ kết phong trào Toàn dân bảo vệ an ninh Tổ quốc"),
        ("{Su_luc}, {congan} tổ chức lễ ra mắt lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở với hơn "
         "{so_thanh_vien} thành viên tại các xã, phường, thị trấn.",
         "Phong trào Toàn dân bảo vệ an ninh Tổ quốc tại {huyen}, {tinh} được triển khai sâu rộng, góp phần "
         "giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn."),
        ("Lực lượng được kiện toàn trên cơ sở bảo vệ dân phố, công an xã bán chuyên trách và đội dân phòng, "
         "tổ "
         "chức theo tổ ở các thôn, tổ dân phố. || Các tổ bảo vệ an ninh, trật tự ở cơ sở có nhiệm vụ hỗ trợ "
         "công an xã nắm tình hình, tuần tra, vận động quần chúng và tham gia phòng cháy, chữa cháy.",
         "Thời gian qua, từ nguồn tin của quần chúng, lực lượng công an đã phát hiện, đấu tranh nhiều vụ "
         "việc "
         "về ma túy, cờ bạc, trộm cắp tài sản. || Nhiều mô hình tự quản như “Camera an ninh”, “Tổ liên gia "
         "tự "
         "quản”, “Khu dân cư an toàn” được nhân rộng.",
         "Đại tá {nguoi1}, Phó Giám đốc {congan} đề nghị các thành viên phát huy vai trò “tai mắt” ở cơ sở, "
         "kịp "
         "thời nắm tình hình, phát hiện sớm các vụ việc phức tạp. || Phát biểu tại buổi lễ, lãnh đạo "
         "{congan} "
         "yêu cầu cấp ủy, chính quyền cơ sở quan tâm, bảo đảm chế độ, trang thiết bị cho lực lượng.",
         "?Dịp này, {so_tap_the} tập thể, cá nhân có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an "
         "ninh Tổ quốc được khen thưởng.",
         "Việc ra mắt lực lượng góp phần xây dựng “thế trận lòng dân” vững chắc, giữ bình yên cho từng thôn "
         "xóm, khu phố. || Với sự tham gia của lực lượng này, tình hình an ninh trật tự tại nhiều địa bàn "
         "được "
         "giữ vững, tội phạm giảm rõ rệt.",
         "Theo kế hoạch, {cap} sẽ tổ chức tập huấn nghiệp vụ cho toàn bộ thành viên lực lượng trong tháng "
         "{thang_sau}."),
        ("Lễ ra mắt lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở. Ảnh: {anh}",
         "Lãnh đạo {congan} trao quyết định cho các tổ bảo vệ an ninh, trật tự. Ảnh: {anh}"),
        ("an ninh cơ sở", "Toàn dân bảo vệ an ninh Tổ quốc"),
        nums={"so_thanh_vien": (1800, 9000), "so_tap_the": (15, 60)}),
))
