"""Digital transformation and administrative reform: templates written for the sample press."""

from __future__ import annotations

from .base import Scenario, Topic

DIGITAL = Topic("digital_transformation", "Chuyển đổi số", "thoi-su",
                ("Chuyển đổi số", "dịch vụ công trực tuyến"), (
    Scenario(
        "cds_dvctt", "positive",
        ("{p}: Tỷ lệ hồ sơ trực tuyến toàn trình đạt {tt_pct}%",
         "Dịch vụ công trực tuyến giúp người dân {p} tiết kiệm thời gian, chi phí",
         "{Huyen} dẫn đầu {cap} về tỷ lệ hồ sơ trực tuyến"),
        ("Theo Sở Khoa học và Công nghệ {tinh}, {ky}, tỷ lệ hồ sơ thủ tục hành chính được giải quyết "
         "trực "
         "tuyến toàn trình đạt {tt_pct}%, tăng mạnh so với cùng kỳ.",
         "Việc đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình đã giúp người dân, doanh nghiệp {tinh} "
         "giảm đáng kể thời gian đi lại, chi phí thực hiện thủ tục hành chính."),
        ("Hiện {cap} đang cung cấp {so_dv} dịch vụ công trực tuyến, trong đó có {so_tt} dịch vụ toàn trình, "
         "được tích hợp trên Cổng Dịch vụ công quốc gia. || Đến nay, 100% thủ tục hành chính đủ điều kiện đã "
         "được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình.",
         "Tại Trung tâm Phục vụ hành chính công {tinh}, người dân được cán bộ, đoàn viên thanh niên hướng "
         "dẫn "
         "tận tình cách nộp hồ sơ trực tuyến, thanh toán phí, lệ phí không dùng tiền mặt. || Tại bộ phận một "
         "cửa {huyen}, khu vực hướng dẫn nộp hồ sơ trực tuyến luôn có cán bộ hỗ trợ người dân.",
         "?{Dan1}, ở {xa}, chia sẻ: “Trước đây làm thủ tục phải đi lại nhiều lần, giờ chỉ cần ngồi ở nhà, "
         "dùng "
         "điện thoại là nộp được hồ sơ, kết quả trả về tận nơi”.",
         "?## Số hóa hồ sơ, tái sử dụng dữ liệu",
         "Cùng với đó, việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính được đẩy mạnh, tỷ lệ số hóa "
         "đạt {sh_pct}%, giúp tái sử dụng dữ liệu, người dân không phải nộp lại giấy tờ. || Các cơ quan, đơn "
         "vị "
         "đã số hóa {sh_pct}% kết quả giải quyết thủ tục hành chính, kết nối, chia sẻ dữ liệu với Cơ sở dữ "
         "liệu quốc gia về dân cư.",
         "Theo {ong1} {nguoi1}, Giám đốc Sở Khoa học và Công nghệ {tinh}, thời gian tới, {cap} tiếp tục "
         "rà "
         "soát, tái cấu trúc quy trình, nâng cao chất lượng dịch vụ công trực tuyến, lấy người dân, doanh "
         "nghiệp làm trung tâm. || {Tinh} đặt mục tiêu đến cuối năm {nam}, tỷ lệ hồ sơ trực tuyến toàn trình "
         "đạt trên 80%, nằm trong nhóm dẫn đầu cả nước về chuyển đổi số."),
        ("Người dân được hướng dẫn nộp hồ sơ trực tuyến tại Trung tâm Phục vụ hành chính công. Ảnh: {anh}",
         "Cán bộ bộ phận một cửa {huyen} giải quyết thủ tục hành chính. Ảnh: {anh}"),
        ("dịch vụ công trực tuyến", "thủ tục hành chính"),
        nums={"tt_pct": (42.0, 78.0, 1), "so_dv": (1200, 1900), "so_tt": (600, 1100),
              "sh_pct": (60.0, 92.0, 1)}),
    Scenario(
        "cds_to_cong_nghe", "neutral",
        ("Tổ công nghệ số cộng đồng “đi từng ngõ, gõ từng nhà” ở {huyen}",
         "{p}: Tập huấn kỹ năng số cho {so_nguoi_th} thành viên Tổ công nghệ số cộng đồng",
         "Phổ cập kỹ năng số cho người dân {p}"),
        ("Những ngày qua, các thành viên Tổ công nghệ số cộng đồng tại {huyen}, {tinh} đến từng nhà hướng "
         "dẫn "
         "người dân cài đặt, kích hoạt tài khoản định danh điện tử, sử dụng dịch vụ công trực tuyến.",
         "{Su_luc}, Sở Khoa học và Công nghệ {tinh} tổ chức lớp tập huấn kỹ năng số cho {so_nguoi_th} "
         "thành "
         "viên Tổ công nghệ số cộng đồng các xã, phường, thị trấn."),
        ("Toàn {cap} hiện có hơn {so_to} Tổ công nghệ số cộng đồng với trên {so_tv} thành viên, là lực lượng "
         "nòng cốt đưa chuyển đổi số đến với người dân. || Thành viên Tổ công nghệ số cộng đồng là đoàn viên "
         "thanh niên, công an xã, cán bộ thôn và những người am hiểu công nghệ.",
         "Tại {xa}, các thành viên tổ hướng dẫn người cao tuổi cài đặt ứng dụng VNeID, thanh toán tiền điện, "
         "nước qua ngân hàng số, nhận diện các thủ đoạn lừa đảo trực tuyến. || Nội dung tập huấn gồm kỹ năng "
         "sử dụng dịch vụ công trực tuyến, ứng dụng VNeID, an toàn thông tin cá nhân trên không gian mạng.",
         "{Dan1}, ở {xa}, cho biết: “Tôi lớn tuổi, không rành điện thoại, nhờ các cháu hướng dẫn giờ đã tự "
         "nộp "
         "được hồ sơ, tra cứu được lương hưu”. || Nhiều người dân cho biết, nhờ được hướng dẫn tận nơi, họ "
         "đã "
         "tự thực hiện được các thủ tục đơn giản trên điện thoại.",
         "Theo {ong1} {nguoi1}, Phó Giám đốc Sở Khoa học và Công nghệ {tinh}, Tổ công nghệ số cộng đồng "
         "là "
         "“cánh tay nối dài” đưa các nền tảng số đến với người dân. || Lãnh đạo Sở Khoa học và Công nghệ "
         "{tinh} đề nghị các địa phương bố trí kinh phí, trang thiết bị để các tổ hoạt động hiệu quả, tránh "
         "hình thức.",
         "Thời gian tới, các tổ sẽ tiếp tục phối hợp với Đoàn Thanh niên phổ cập kỹ năng số cho mọi người "
         "dân. "
         "|| Hoạt động góp phần hình thành công dân số, xây dựng chính quyền số và xã hội số tại địa "
         "phương."),
        ("Thành viên Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt VNeID. Ảnh: {anh}",
         "Lớp tập huấn kỹ năng số. Ảnh: {anh}"),
        ("kỹ năng số", "VNeID"),
        nums={"so_nguoi_th": (200, 900), "so_to": (300, 1200), "so_tv": (1500, 7000)}),
    Scenario(
        "cds_hinh_thuc", "negative",
        ("Dịch vụ công trực tuyến ở nhiều xã của {p} vẫn “đắp chiếu”",
         "Hệ thống một cửa điện tử ở {huyen} liên tục lỗi, người dân chờ đợi mỏi mòn",
         "Hồ sơ trực tuyến “ảo”: Chuyển đổi số còn hình thức ở {huyen}"),
        ("Dù được đầu tư hạ tầng, nhiều dịch vụ công trực tuyến tại {huyen}, {tinh} phát sinh rất ít hồ sơ; "
         "có "
         "nơi cán bộ phải nộp hộ để “làm đẹp” số liệu.",
         "Hệ thống một cửa điện tử thường xuyên lỗi, chậm, khiến người dân đến làm thủ tục tại bộ phận một "
         "cửa "
         "{huyen} phải chờ đợi nhiều giờ."),
        ("Có mặt tại bộ phận một cửa {xa}, phóng viên ghi nhận nhiều người dân vẫn mang hồ sơ giấy đến nộp "
         "trực tiếp; máy tính dành cho người dân tự tra cứu bị tắt. || Tại bộ phận một cửa {huyen}, hàng "
         "chục "
         "người ngồi chờ vì hệ thống phần mềm bị treo từ đầu giờ sáng.",
         "“Tôi chờ từ 8 giờ sáng đến gần trưa, cán bộ bảo hệ thống lỗi, không nhận được hồ sơ, hẹn hôm khác "
         "quay lại”, {dan1} cho biết. || {Dan1} chia sẻ đã thử nộp hồ sơ trực tuyến nhưng nhiều lần bị báo "
         "lỗi "
         "khi đăng nhập, cuối cùng vẫn phải lên xã nộp trực tiếp.",
         "Theo một cán bộ xã (đề nghị giấu tên), để đạt chỉ tiêu tỷ lệ hồ sơ trực tuyến, có thời điểm cán bộ "
         "phải nhận hồ sơ giấy rồi tự nhập lên hệ thống. || Nhiều hồ sơ trực tuyến thực chất do cán bộ một "
         "cửa "
         "nộp hộ, dẫn đến số liệu chuyển đổi số đẹp trên báo cáo nhưng chưa phản ánh đúng thực tế.",
         "## Cần thực chất, tránh chạy theo chỉ tiêu",
         "Đại diện Sở Khoa học và Công nghệ {tinh} thừa nhận, tỷ lệ hồ sơ phát sinh trực tuyến ở cấp xã "
         "còn thấp, hạ tầng và nhân lực công nghệ thông tin ở cơ sở còn hạn chế. || Lãnh đạo UBND {huyen} "
         "cho "
         "biết đã đề nghị đơn vị cung cấp phần mềm khắc phục lỗi, nâng cấp đường truyền.",
         "Các chuyên gia cho rằng, chuyển đổi số phải lấy sự hài lòng của người dân làm thước đo, tránh tình "
         "trạng chạy theo chỉ tiêu, hình thức. || Người dân mong muốn hệ thống được vận hành ổn định, thủ "
         "tục "
         "đơn giản, dễ sử dụng để dịch vụ công trực tuyến thực sự phát huy hiệu quả."),
        ("Người dân chờ làm thủ tục tại bộ phận một cửa. Ảnh: {anh}",
         "Khu vực tra cứu dịch vụ công trực tuyến ít người sử dụng. Ảnh: {anh}"),
        ("dịch vụ công trực tuyến", "một cửa"),
    ),
    Scenario(
        "cds_dti", "positive",
        ("{p} tăng {tang_hang} bậc về Chỉ số chuyển đổi số cấp tỉnh",
         "Chuyển đổi số tạo động lực phát triển mới cho {p}",
         "{p}: Kinh tế số đóng góp khoảng {kts_pct}% GRDP"),
        ("Theo kết quả Chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI) vừa công bố, {tinh} xếp thứ "
         "{hang_dti}/63 "
         "tỉnh, thành phố, tăng {tang_hang} bậc so với năm trước.",
         "Chuyển đổi số tại {tinh} đang đi vào chiều sâu, thực chất khi cả ba trụ cột chính quyền số, kinh "
         "tế "
         "số và xã hội số đều có bước tiến rõ nét."),
        ("Trong đó, trụ cột chính quyền số có nhiều chuyển biến tích cực; 100% cơ quan nhà nước sử dụng văn "
         "bản điện tử, chữ ký số trong xử lý công việc. || Các chỉ số thành phần về hạ tầng số, nhân lực số "
         "và "
         "hoạt động chính quyền số đều tăng so với năm trước.",
         "Kinh tế số ước đóng góp khoảng {kts_pct}% GRDP; thanh toán không dùng tiền mặt ngày càng phổ biến "
         "tại "
         "chợ, bệnh viện, trường học. || Nhiều doanh nghiệp, hợp tác xã đã đưa sản phẩm OCOP lên sàn thương "
         "mại điện tử, mở rộng thị trường tiêu thụ.",
         "Hạ tầng số được đầu tư đồng bộ, 100% thôn, tổ dân phố có sóng di động 4G và cáp quang băng rộng. "
         "|| "
         "Trung tâm điều hành đô thị thông minh (IOC) của {cap} đã đi vào hoạt động, kết nối dữ liệu từ "
         "nhiều "
         "sở, ngành.",
         "{Ong1} {nguoi1}, Phó Chủ tịch {ubnd} cho rằng, chuyển đổi số là nhiệm vụ chính trị quan trọng, cần "
         "sự vào cuộc của cả hệ thống chính trị và người dân. || Theo {ong1} {nguoi1}, Phó Chủ tịch {ubnd}, "
         "kết "
         "quả đạt được là tiền đề để {cap} phấn đấu vào nhóm dẫn đầu cả nước về chuyển đổi số.",
         "?Tuy vậy, nguồn nhân lực công nghệ thông tin ở cấp xã còn thiếu, tỷ lệ hồ sơ trực tuyến phát sinh "
         "ở "
         "một số lĩnh vực còn thấp.",
         "Thời gian tới, {cap} tập trung xây dựng, khai thác hiệu quả các cơ sở dữ liệu dùng chung, bảo đảm "
         "an "
         "toàn thông tin mạng. || {Tinh} sẽ tiếp tục đẩy mạnh ứng dụng trí tuệ nhân tạo, dữ liệu lớn trong "
         "chỉ "
         "đạo, điều hành."),
        ("Trung tâm điều hành đô thị thông minh của {tinh}. Ảnh: {anh}",
         "Người dân thanh toán không dùng tiền mặt tại chợ. Ảnh: {anh}"),
        ("chỉ số DTI", "kinh tế số"),
        nums={"tang_hang": (3, 17), "hang_dti": (4, 25), "kts_pct": (12.0, 28.0, 1)}),
))

ADMIN_REFORM = Topic("admin_reform", "Cải cách hành chính", "chinh-tri",
                     ("Cải cách hành chính", "đạo đức công vụ"), (
    Scenario(
        "cchc_par_index", "positive",
        ("{p} tăng {tang_hang} bậc Chỉ số cải cách hành chính",
         "Chỉ số hài lòng của người dân với sự phục vụ của cơ quan hành chính tại {p} đạt {sipas}%",
         "Cải cách hành chính ở {p}: Lấy sự hài lòng của người dân làm thước đo"),
        ("Kết quả Chỉ số cải cách hành chính (PAR Index) năm {nam_truoc} vừa công bố cho thấy {tinh} xếp thứ "
         "{hang_par}/63, tăng {tang_hang} bậc so với năm trước; Chỉ số hài lòng (SIPAS) đạt {sipas}%.",
         "Với quyết tâm xây dựng nền hành chính phục vụ, {tinh} đã có nhiều cách làm hay trong cải cách thủ "
         "tục "
         "hành chính, nâng cao sự hài lòng của người dân, doanh nghiệp."),
        ("Nhiều thủ tục hành chính được cắt giảm thời gian giải quyết từ 30% đến 50% so với quy định; tỷ lệ "
         "hồ "
         "sơ giải quyết đúng và trước hạn đạt trên {dung_han}%. || Tỷ lệ hồ sơ thủ tục hành chính được giải "
         "quyết đúng hạn đạt {dung_han}%, các trường hợp trễ hạn đều có thư xin lỗi người dân.",
         "Tại Trung tâm Phục vụ hành chính công, cán bộ mặc đồng phục, đeo thẻ công chức, niềm nở hướng dẫn "
         "người dân; không còn tình trạng gây phiền hà, nhũng nhiễu. || Ý thức, trách nhiệm và văn hóa công "
         "vụ "
         "của đội ngũ cán bộ, công chức có chuyển biến rõ nét, tác phong “phục vụ” thay cho “cai quản”.",
         "{Dan1}, đến làm thủ tục đất đai tại {huyen}, chia sẻ: “Hồ sơ của tôi được giải quyết trước hẹn 2 "
         "ngày, cán bộ hướng dẫn rất tận tình”. || Khảo sát cho thấy, đa số người dân hài lòng với thái độ "
         "phục "
         "vụ và thời gian giải quyết thủ tục.",
         "Theo {ong1} {nguoi1}, Giám đốc Sở Nội vụ {tinh}, {cap} xác định cải cách hành chính là khâu đột "
         "phá, "
         "gắn với trách nhiệm người đứng đầu. || {Ong1} {nguoi1}, Giám đốc Sở Nội vụ {tinh} cho biết, kết "
         "quả "
         "cải cách hành chính là tiêu chí quan trọng để đánh giá, xếp loại cán bộ, công chức hằng năm.",
         "?## Tiếp tục tháo gỡ những điểm nghẽn",
         "Thời gian tới, {cap} tiếp tục rà soát, đơn giản hóa thủ tục hành chính, đẩy mạnh kiểm tra công vụ, "
         "xử lý nghiêm cán bộ có hành vi nhũng nhiễu. || {Tinh} phấn đấu tiếp tục cải thiện thứ hạng PAR "
         "Index, SIPAS, PAPI trong những năm tới."),
        ("Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công {tinh}. Ảnh: {anh}",
         "Cán bộ hướng dẫn người dân nộp hồ sơ. Ảnh: {anh}"),
        ("PAR Index", "SIPAS"),
        nums={"tang_hang": (2, 15), "sipas": (82.0, 93.5, 2), "hang_par": (3, 22),
              "dung_han": (95.0, 99.6, 1)}),
    Scenario(
        "cchc_nhung_nhieu", "negative",
        ("Kỷ luật cán bộ địa chính xã gây phiền hà, nhũng nhiễu người dân",
         "{p}: Cán bộ một cửa bị tố gây khó dễ khi giải quyết hồ sơ đất đai",
         "Hồ sơ trễ hạn hàng loạt, người dân {huyen} bức xúc"),
        ("UBND {huyen}, {tinh} vừa quyết định thi hành kỷ luật bằng hình thức cảnh cáo đối với một công chức "
         "địa chính xã do có hành vi gây phiền hà, nhũng nhiễu người dân khi giải quyết hồ sơ đất đai.",
         "Nhiều người dân {xa}, {huyen} phản ánh hồ sơ đất đai nộp từ nhiều tháng trước vẫn chưa được giải "
         "quyết, trong khi cán bộ có biểu hiện gây khó dễ, gợi ý “chi phí bôi trơn”."),
        ("Theo đơn phản ánh của người dân, khi làm thủ tục tách thửa, chuyển quyền sử dụng đất, họ bị cán bộ "
         "địa chính yêu cầu bổ sung giấy tờ nhiều lần, kéo dài thời gian giải quyết. || Theo phản ánh, một "
         "số "
         "hồ sơ đăng ký đất đai của người dân bị trễ hạn nhiều tháng nhưng không có văn bản xin lỗi, hẹn "
         "lại.",
         "{Dan1} cho biết: “Tôi đi lại hơn chục lần, lần nào cũng bị bảo thiếu giấy tờ, sau có người mách "
         "phải "
         "‘bồi dưỡng’ thì mới xong”. || “Hồ sơ nộp từ đầu năm mà đến giờ vẫn chưa có kết quả, hỏi thì cán bộ "
         "bảo chờ”, {dan1} bức xúc.",
         "Qua xác minh, Thanh tra {huyen} kết luận công chức này đã vi phạm quy định về đạo đức công vụ, gây "
         "phiền hà cho người dân. || Kết quả kiểm tra cho thấy, bộ phận một cửa của xã có {so_ho_so} hồ sơ "
         "trễ "
         "hạn, nguyên nhân chủ yếu do cán bộ thiếu trách nhiệm.",
         "## Xử lý nghiêm, không có vùng cấm",
         "{Ong1} {nguoi1}, Chủ tịch UBND {huyen} cho biết, địa phương kiên quyết xử lý nghiêm các trường hợp "
         "cán bộ nhũng nhiễu, tiêu cực, đồng thời kiểm điểm trách nhiệm người đứng đầu để xảy ra vi phạm. || "
         "Lãnh đạo UBND {huyen} yêu cầu UBND {xa} kiểm điểm trách nhiệm, gửi thư xin lỗi người dân và giải "
         "quyết dứt điểm các hồ sơ tồn đọng.",
         "Vụ việc là bài học cảnh tỉnh về đạo đức công vụ, văn hóa công vụ của đội ngũ cán bộ cơ sở. || "
         "Người "
         "dân mong muốn các cấp chính quyền tăng cường kiểm tra công vụ, công khai đường dây nóng để kịp "
         "thời "
         "phát hiện, xử lý sai phạm."),
        ("Bộ phận một cửa {xa}. Ảnh: {anh}", "Người dân làm thủ tục đất đai. Ảnh: {anh}"),
        ("nhũng nhiễu", "kỷ luật cán bộ"),
        nums={"so_ho_so": (25, 180)}),
    Scenario(
        "cchc_kiem_tra_cong_vu", "neutral",
        ("Kiểm tra công vụ đột xuất tại {huyen}: Chưa phát hiện vi phạm kỷ luật lao động",
         "{p}: Kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính",
         "Tổ kiểm tra công vụ {p} kiểm tra đột xuất nhiều cơ quan, đơn vị"),
        ("Tổ kiểm tra công vụ của {ubnd} vừa kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính "
         "tại "
         "một số cơ quan, đơn vị thuộc {huyen}; qua kiểm tra, chưa phát hiện trường hợp vi phạm kỷ luật lao "
         "động.",
         "Nhằm chấn chỉnh tác phong, lề lối làm việc, Tổ kiểm tra công vụ {tinh} đã kiểm tra đột xuất "
         "{so_don_vi} cơ quan, đơn vị trong tuần qua, trong đó có nhiều đơn vị thuộc {huyen}."),
        ("Tổ kiểm tra tập trung vào việc chấp hành thời giờ làm việc, đeo thẻ công chức, văn hóa ứng xử và "
         "tiến "
         "độ giải quyết thủ tục hành chính. || Nội dung kiểm tra gồm việc thực hiện quy chế văn hóa công sở, "
         "giải quyết thủ tục hành chính và thực hiện nhiệm vụ được giao.",
         "Qua kiểm tra, cán bộ, công chức có mặt đầy đủ, đúng giờ, thực hiện nghiêm việc đeo thẻ; không phát "
         "hiện trường hợp sử dụng rượu, bia trong giờ làm việc. || Kết quả, các đơn vị cơ bản chấp hành tốt "
         "kỷ "
         "luật, kỷ cương hành chính, chưa phát hiện vi phạm về giờ giấc làm việc.",
         "Tuy nhiên, tổ kiểm tra cũng nhắc nhở một số đơn vị chưa niêm yết đầy đủ thủ tục hành chính, sổ "
         "theo "
         "dõi hồ sơ chưa cập nhật kịp thời. || Một số tồn tại nhỏ về niêm yết công khai thủ tục hành chính "
         "đã "
         "được tổ kiểm tra chỉ ra, yêu cầu khắc phục ngay.",
         "{Ong1} {nguoi1}, Tổ trưởng Tổ kiểm tra công vụ cho biết, việc kiểm tra được thực hiện thường "
         "xuyên, "
         "không báo trước, nhằm kịp thời chấn chỉnh tình trạng né tránh, đùn đẩy trách nhiệm. || Theo {ong1} "
         "{nguoi1}, Phó Giám đốc Sở Nội vụ {tinh}, kết quả kiểm tra sẽ được công khai, là căn cứ đánh giá, "
         "xếp "
         "loại cán bộ cuối năm.",
         "?Từ đầu năm đến nay, qua kiểm tra công vụ, {cap} đã phát hiện, xử lý {so_vp_cv} trường hợp vi "
         "phạm, "
         "chủ yếu là đi muộn, về sớm, làm việc riêng trong giờ hành chính."),
        ("Tổ kiểm tra công vụ làm việc tại bộ phận một cửa {huyen}. Ảnh: {anh}",
         "Cán bộ tiếp nhận hồ sơ của người dân. Ảnh: {anh}"),
        ("kiểm tra công vụ", "kỷ luật, kỷ cương hành chính"),
        nums={"so_don_vi": (6, 20), "so_vp_cv": (8, 45)}),
    Scenario(
        "cchc_tiep_dan", "neutral",
        ("Chủ tịch {ubnd} tiếp công dân định kỳ tháng {thang}",
         "{p}: Đối thoại trực tiếp, giải quyết dứt điểm kiến nghị của người dân",
         "Người đứng đầu {huyen} đối thoại với nhân dân"),
        ("{Su_luc}, {ong1} {nguoi1}, Chủ tịch {ubnd} chủ trì buổi tiếp công dân định kỳ, trực tiếp lắng nghe "
         "và "
         "giải quyết kiến nghị của người dân {huyen} liên quan đến đất đai, chính sách xã hội.",
         "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền {huyen} với nhân dân đã ghi nhận "
         "{so_kien_nghi} ý kiến, kiến nghị, nhiều nội dung được giải đáp ngay tại hội nghị."),
        ("Tại buổi tiếp, các công dân phản ánh, kiến nghị về việc cấp giấy chứng nhận quyền sử dụng đất, bồi "
         "thường giải phóng mặt bằng và chế độ chính sách cho người có công. || Người dân tập trung kiến "
         "nghị "
         "về đất đai, môi trường, hạ tầng giao thông nông thôn và thủ tục hành chính.",
         "Đối với từng vụ việc, lãnh đạo các sở, ngành, địa phương đã báo cáo cụ thể quá trình giải quyết và "
         "đề "
         "xuất hướng xử lý. || Lãnh đạo các phòng, ban chuyên môn trực tiếp trả lời, giải thích cụ thể chính "
         "sách, pháp luật liên quan đến từng kiến nghị.",
         "Sau khi nghe ý kiến, {ong1} {ten1} yêu cầu các đơn vị rà soát kỹ hồ sơ, bảo đảm quyền lợi hợp pháp "
         "của người dân; vụ việc nào đủ điều kiện phải giải quyết ngay. || Lãnh đạo {cap} đề nghị các cơ "
         "quan "
         "chức năng công khai, minh bạch trong giải quyết, thông báo kết quả bằng văn bản cho công dân.",
         "?{Dan1} phấn khởi: “Được gặp trực tiếp lãnh đạo, trình bày nguyện vọng, tôi thấy yên tâm vì việc "
         "của "
         "mình đã có hướng giải quyết”.",
         "Tiếp công dân, đối thoại với nhân dân là trách nhiệm của người đứng đầu, góp phần giải quyết từ "
         "sớm, "
         "từ xa các vụ việc phức tạp, củng cố niềm tin của nhân dân. || Việc duy trì tiếp công dân định kỳ "
         "giúp "
         "giảm tình trạng khiếu nại vượt cấp, kéo dài.",
         "Từ đầu năm đến nay, các cơ quan hành chính trên địa bàn {tinh} đã tiếp {so_luot} lượt công dân, "
         "giải "
         "quyết dứt điểm nhiều vụ việc tồn đọng."),
        ("Quang cảnh buổi tiếp công dân. Ảnh: {anh}", "Công dân trình bày kiến nghị. Ảnh: {anh}"),
        ("tiếp công dân", "đối thoại với nhân dân"),
        nums={"so_kien_nghi": (15, 60), "so_luot": (800, 4200)}),
))
