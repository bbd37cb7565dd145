"""Investment attraction and economic growth: templates written for the sample press."""

from __future__ import annotations

from .base import Scenario, Topic

INVESTMENT = Topic("investment", "Thu hút đầu tư", "kinh-te", ("Thu hút đầu tư", "xúc tiến đầu tư", "FDI"), (
    Scenario(
        "dt_trao_chu_truong", "positive",
        ("{p} trao quyết định chủ trương đầu tư cho {so_du_an} dự án với tổng vốn hơn {von_usd} triệu USD",
         "{p}: Trao giấy chứng nhận đăng ký đầu tư cho các dự án FDI",
         "Thêm {so_du_an} dự án FDI đầu tư vào {kcn}"),
        ("{Su_luc}, {ubnd} tổ chức hội nghị trao quyết định chủ trương đầu tư, giấy chứng nhận đăng ký đầu "
         "tư "
         "cho {so_du_an} dự án với tổng vốn đăng ký hơn {von_usd} triệu USD.",
         "{Tinh} tiếp tục là điểm đến hấp dẫn của các nhà đầu tư khi có thêm {so_du_an} dự án FDI được cấp "
         "phép, tập trung vào lĩnh vực điện tử, linh kiện và công nghệ cao."),
        ("Trong số các dự án được trao quyết định lần này có dự án của {cty_fdi} ({quoc_gia}) với tổng vốn "
         "đầu "
         "tư {von_du_an} triệu USD, chuyên sản xuất linh kiện điện tử. || Đáng chú ý, dự án sản xuất thiết "
         "bị "
         "điện tử của {cty_fdi} ({quoc_gia}) tại {kcn} có vốn đầu tư {von_du_an} triệu USD, dự kiến tạo việc "
         "làm cho khoảng {so_lao_dong} lao động.",
         "Tính từ đầu năm đến nay, {tinh} đã thu hút {von_fdi} tỷ USD vốn đầu tư trực tiếp nước ngoài, [[nằm "
         "trong nhóm dẫn đầu|thuộc tốp đầu]] cả nước. || Lũy kế từ đầu năm, tổng vốn FDI đăng ký cấp mới và "
         "điều chỉnh của {tinh} đạt {von_fdi} tỷ USD, tăng {tang_pct}% so với cùng kỳ.",
         ("Phát biểu tại hội nghị, {ong1} {nguoi1}, Chủ tịch {ubnd} chúc mừng các nhà đầu tư và khẳng định "
          "{cap} luôn đồng hành, tạo mọi điều kiện thuận lợi để các dự án sớm triển khai. || {Ong1} "
          "{nguoi1}, "
          "Chủ tịch {ubnd} cam kết chính quyền sẽ “đồng hành cùng doanh nghiệp”, kịp thời tháo gỡ khó khăn, "
          "vướng mắc trong quá trình triển khai dự án.",
          "?{Ong1} {ten1} đề nghị các nhà đầu tư tuân thủ pháp luật Việt Nam, chú trọng bảo vệ môi trường và "
          "chăm lo đời sống người lao động."),
         "?## Cải thiện môi trường đầu tư",
         "Đại diện {cty_fdi} đánh giá cao sự hỗ trợ nhiệt tình của chính quyền, thủ tục đầu tư được giải "
         "quyết "
         "nhanh chóng, minh bạch. || Thay mặt các nhà đầu tư, đại diện {cty_fdi} cho biết doanh nghiệp lựa "
         "chọn {p} nhờ hạ tầng đồng bộ, nguồn nhân lực dồi dào và sự hỗ trợ tích cực của chính quyền.",
         "Thời gian tới, {cap} tiếp tục cải thiện môi trường đầu tư kinh doanh, nâng cao Chỉ số năng lực "
         "cạnh "
         "tranh cấp tỉnh (PCI), ưu tiên thu hút các dự án công nghệ cao, thân thiện môi trường. || {Tinh} "
         "xác "
         "định thu hút đầu tư có chọn lọc, ưu tiên dự án công nghệ cao, có giá trị gia tăng lớn và sử dụng "
         "ít "
         "lao động."),
        ("Lãnh đạo {ubnd} trao quyết định chủ trương đầu tư cho các nhà đầu tư. Ảnh: {anh}",
         "Toàn cảnh hội nghị. Ảnh: {anh}"),
        ("FDI", "khu công nghiệp"),
        nums={"so_du_an": (3, 12), "von_usd": (80, 960), "von_du_an": (20, 280), "so_lao_dong": (800, 6000),
              "von_fdi": (0.6, 3.8, 2), "tang_pct": (8.0, 45.0, 1)}),
    Scenario(
        "dt_doi_thoai", "neutral",
        ("{p}: Đối thoại, tháo gỡ khó khăn cho doanh nghiệp",
         "Lãnh đạo {tinh} đối thoại với hơn {so_dn} doanh nghiệp, nhà đầu tư",
         "Doanh nghiệp {p} kiến nghị gỡ vướng về đất đai, thủ tục đầu tư"),
        ("{Su_luc}, {ubnd} tổ chức Hội nghị gặp mặt, đối thoại với doanh nghiệp, nhà đầu tư năm {nam}, nhằm "
         "lắng nghe, tháo gỡ kịp thời những khó khăn, vướng mắc trong sản xuất, kinh doanh.",
         "Với tinh thần “cầu thị – thẳng thắn – cởi mở”, hội nghị đối thoại giữa lãnh đạo {tinh} với cộng "
         "đồng doanh nghiệp đã ghi nhận {so_kien_nghi} ý kiến, kiến nghị thuộc nhiều lĩnh vực."),
        ("Tại hội nghị, các doanh nghiệp tập trung nêu các vướng mắc liên quan đến thủ tục đất đai, giải "
         "phóng "
         "mặt bằng, phòng cháy chữa cháy và tiếp cận vốn tín dụng. || Các ý kiến của doanh nghiệp chủ yếu "
         "liên quan đến thủ tục giao đất, cho thuê đất, thẩm duyệt thiết kế phòng cháy chữa cháy, hoàn thuế "
         "giá trị gia tăng.",
         "Đại diện {cty} phản ánh, dự án mở rộng nhà xưởng của doanh nghiệp đã hoàn thiện hồ sơ từ lâu nhưng "
         "đến nay vẫn chưa được cấp phép xây dựng do vướng quy hoạch. || {Ong2} {nguoi2}, Giám đốc {cty} "
         "kiến "
         "nghị rút ngắn thời gian giải quyết thủ tục hoàn thuế, tạo điều kiện cho doanh nghiệp quay vòng "
         "vốn.",
         "Lãnh đạo các sở, ngành đã trả lời trực tiếp, cụ thể từng kiến nghị; nhiều vướng mắc được giải "
         "quyết "
         "ngay tại hội nghị. || Đại diện các sở Tài chính, Nông nghiệp và Môi trường, Xây dựng đã "
         "giải "
         "đáp, làm rõ các nội dung doanh nghiệp quan tâm.",
         "?## Không để doanh nghiệp “đi một mình”",
         "Kết luận hội nghị, {ong1} {nguoi1}, Chủ tịch {ubnd} yêu cầu các sở, ngành tiếp thu đầy đủ ý kiến, "
         "xử lý dứt điểm các kiến nghị trong thời hạn không quá 15 ngày. || {Ong1} {nguoi1}, Chủ tịch {ubnd} "
         "khẳng định, doanh nghiệp thành công là niềm tự hào của {cap}; kiên quyết xử lý cán bộ có biểu hiện "
         "nhũng nhiễu, gây phiền hà cho doanh nghiệp.",
         "Theo Sở Tài chính, từ đầu năm đến nay, {cap} có thêm {so_dn_moi} doanh nghiệp thành lập "
         "mới "
         "với tổng vốn đăng ký hơn {von_ty} tỷ đồng. || Hiện toàn {cap} có hơn {so_dn_tong} doanh nghiệp "
         "đang "
         "hoạt động, đóng góp quan trọng vào tăng trưởng kinh tế của địa phương."),
        ("{Ong1} {nguoi1}, Chủ tịch {ubnd} phát biểu tại hội nghị. Ảnh: {anh}",
         "Doanh nghiệp nêu kiến nghị tại hội nghị đối thoại. Ảnh: {anh}"),
        ("đối thoại doanh nghiệp", "môi trường kinh doanh"),
        nums={"so_dn": (150, 600), "so_kien_nghi": (25, 90), "so_dn_moi": (800, 3200),
              "von_ty": (9000, 42000),
              "so_dn_tong": (6000, 21000)}),
    Scenario(
        "dt_du_an_treo", "negative",
        ("Dự án “treo” nhiều năm giữa trung tâm {huyen}",
         "{p} thu hồi chủ trương đầu tư {so_du_an} dự án chậm triển khai",
         "Hàng chục hecta đất bỏ hoang vì dự án chậm tiến độ ở {p}"),
        ("Được giao đất từ nhiều năm trước, nhưng dự án {du_an_tn} tại {xa}, {huyen} đến nay vẫn chỉ là bãi "
         "đất trống cỏ mọc um tùm, gây lãng phí tài nguyên đất đai.",
         "Sau rà soát, {ubnd} đã quyết định chấm dứt hoạt động, thu hồi chủ trương đầu tư đối với {so_du_an} "
         "dự "
         "án chậm triển khai, trong đó có dự án {du_an_tn} tại {huyen}."),
        ("Ghi nhận tại khu đất dự án, hàng rào tôn đã hoen gỉ, bên trong cỏ dại mọc cao quá đầu người, một "
         "số "
         "hạng mục xây dựng dở dang bỏ hoang. || Theo quan sát của phóng viên, khu đất rộng khoảng "
         "{dien_tich} "
         "ha của dự án gần như bị bỏ hoang, chỉ có vài công trình phụ trợ xây dở.",
         "“Đất của dân bị thu hồi, đền bù từ lâu, nhưng dự án không làm, để cỏ mọc như thế này thật lãng "
         "phí”, "
         "{dan1} bức xúc. || Nhiều người dân từng có đất bị thu hồi cho dự án cho biết, họ mất đất sản xuất "
         "nhưng không thấy dự án triển khai.",
         "Theo Sở Tài chính {tinh}, chủ đầu tư là {cty} đã nhiều lần được gia hạn tiến độ nhưng vẫn "
         "không triển khai, viện dẫn lý do khó khăn về tài chính. || Qua kiểm tra, cơ quan chức năng xác "
         "định "
         "chủ đầu tư chậm tiến độ so với cam kết hơn {so_nam} năm, không thực hiện đầy đủ nghĩa vụ tài "
         "chính.",
         "## Kiên quyết thu hồi dự án chậm triển khai",
         "Thực hiện chỉ đạo của {tinhuy}, {ubnd} đã rà soát toàn bộ các dự án ngoài ngân sách, xác định "
         "{so_du_an} dự án chậm tiến độ, có dấu hiệu vi phạm. || Từ đầu năm, {cap} đã chấm dứt hoạt động, "
         "thu "
         "hồi chủ trương đầu tư {so_du_an} dự án, thu hồi hàng chục hecta đất để giao cho nhà đầu tư có năng "
         "lực.",
         "{Ong1} {nguoi1}, Giám đốc Sở Tài chính {tinh} cho biết, {cap} kiên quyết không để tình "
         "trạng "
         "dự án “treo”, “đắp chiếu” kéo dài, gây lãng phí đất đai và bức xúc trong nhân dân. || Lãnh đạo "
         "{ubnd} yêu cầu các sở, ngành công khai danh sách các dự án chậm tiến độ, xử lý dứt điểm trong năm "
         "{nam}."),
        ("Khu đất dự án bỏ hoang, cỏ mọc um tùm. Ảnh: "
         "{anh}", "Hạng mục xây dựng dở dang tại dự án. Ảnh: {anh}"),
        ("dự án chậm tiến độ", "thu hồi dự án"),
        nums={"dien_tich": (5, 60), "so_nam": (3, 9), "so_du_an": (5, 26)},
        pools={"du_an_tn": ("Khu đô thị sinh thái {ten_du_an}", "Trung tâm thương mại {ten_du_an}",
                            "Khu nhà ở {ten_du_an}", "Khu dịch vụ tổng hợp {ten_du_an}")}),
    Scenario(
        "dt_xuc_tien", "positive",
        ("{p} xúc tiến đầu tư tại {quoc_gia_xt}, ký kết nhiều biên bản ghi nhớ",
         "Hội nghị xúc tiến đầu tư {p} năm {nam}: Trao {so_mou} biên bản ghi nhớ hợp tác",
         "{p} mời gọi nhà đầu tư {quoc_gia_xt} vào lĩnh vực công nghệ cao"),
        ("Đoàn công tác của {tinh} do {ong1} {nguoi1}, Chủ tịch {ubnd} dẫn đầu đã tổ chức Hội nghị xúc tiến "
         "đầu tư tại {quoc_gia_xt}, thu hút hơn {so_dn} doanh nghiệp tham dự.",
         "Tại Hội nghị xúc tiến đầu tư {p} năm {nam} tổ chức ở {quoc_gia_xt}, {so_mou} biên bản ghi nhớ hợp "
         "tác "
         "đầu tư đã được trao với tổng vốn dự kiến hơn {von_usd} triệu USD."),
        ("Tại hội nghị, đại diện Trung tâm Xúc tiến đầu tư {tinh} giới thiệu tiềm năng, lợi thế, các chính "
         "sách ưu đãi và danh mục dự án kêu gọi đầu tư của {cap}. || Các doanh nghiệp {quoc_gia_xt} được "
         "giới "
         "thiệu về hạ tầng giao thông, quỹ đất khu công nghiệp sẵn sàng và nguồn nhân lực của {tinh}.",
         "{Ong1} {nguoi1} khẳng định, {tinh} cam kết tạo môi trường đầu tư minh bạch, thuận lợi, “trải thảm "
         "đỏ” đón các nhà đầu tư chiến lược. || Phát biểu tại hội nghị, {ong1} {nguoi1} nhấn mạnh {cap} ưu "
         "tiên thu hút các dự án công nghệ cao, bán dẫn, năng lượng sạch và công nghiệp hỗ trợ.",
         "Nhiều doanh nghiệp {quoc_gia_xt} bày tỏ quan tâm đến lĩnh vực sản xuất linh kiện điện tử, "
         "logistics "
         "và phát triển hạ tầng khu công nghiệp. || Đại diện các hiệp hội doanh nghiệp sở tại đánh giá {p} "
         "là "
         "điểm đến hấp dẫn nhờ vị trí chiến lược và sự năng động của chính quyền.",
         "Dịp này, {so_mou} biên bản ghi nhớ hợp tác đầu tư đã được trao giữa {ubnd} và các nhà đầu tư, "
         "trong "
         "đó có {cty_fdi} với dự án dự kiến khoảng {von_du_an} triệu USD. || Kết thúc hội nghị, {so_mou} "
         "biên "
         "bản ghi nhớ (MOU) đã được ký kết, tổng vốn đăng ký dự kiến hơn {von_usd} triệu USD.",
         "?Đây là hoạt động nằm trong Chương trình xúc tiến đầu tư năm {nam} của {tinh}, nhằm đa dạng hóa "
         "đối tác, thu hút dòng vốn chất lượng cao.",
         "Theo kế hoạch, {cap} sẽ thành lập tổ công tác hỗ trợ nhà đầu tư, theo sát từng dự án sau ký kết để "
         "sớm hiện thực hóa các cam kết. || Trung tâm Xúc tiến đầu tư {tinh} sẽ tiếp tục phối hợp với các cơ "
         "quan đại diện ngoại giao, tổ chức xúc tiến đầu tư tại các thị trường trọng điểm."),
        ("Lãnh đạo {tinh} trao biên bản ghi nhớ cho các nhà đầu tư. Ảnh: {anh}",
         "Quang cảnh hội nghị xúc tiến đầu tư. Ảnh: {anh}"),
        ("xúc tiến đầu tư", "MOU"),
        nums={"so_dn": (60, 220), "so_mou": (5, 18), "von_usd": (300, 2400), "von_du_an": (40, 300)}),
))

GROWTH = Topic("economic_growth", "Tăng trưởng kinh tế", "kinh-te", ("Tăng trưởng kinh tế", "GRDP"), (
    Scenario(
        "tt_grdp_cao", "positive",
        ("GRDP {ky} của {p} tăng {grdp}%, thuộc nhóm dẫn đầu cả nước",
         "{p}: Tăng trưởng kinh tế đạt {grdp}%, vượt kịch bản đề ra",
         "Kinh tế {p} bứt phá, tăng trưởng {grdp}%"),
        ("Theo Cục Thống kê {tinh}, tổng sản phẩm trên địa bàn (GRDP) {ky} ước tăng {grdp}% so với cùng kỳ "
         "năm "
         "trước, cao hơn mức bình quân chung của cả nước.",
         "Kinh tế {tinh} {ky} tiếp tục duy trì đà tăng trưởng cao, GRDP ước đạt {grdp}%, trong đó khu vực "
         "công "
         "nghiệp – xây dựng giữ vai trò động lực chính."),
        ("Trong mức tăng chung, khu vực công nghiệp – xây dựng tăng {cn_pct}%, đóng góp {dong_gop} điểm phần "
         "trăm; khu vực dịch vụ tăng {dv_pct}%; khu vực nông, lâm nghiệp và thủy sản tăng {nn_pct}%. || Xét "
         "theo khu vực kinh tế, công nghiệp – xây dựng tăng {cn_pct}%, dịch vụ tăng {dv_pct}%, nông, lâm "
         "nghiệp và thủy sản tăng {nn_pct}%.",
         "Chỉ số sản xuất công nghiệp (IIP) ước tăng {iip}%, chủ yếu nhờ ngành sản xuất sản phẩm điện tử, "
         "máy "
         "vi tính và linh kiện tăng mạnh. || Kim ngạch xuất khẩu ước đạt {xk} tỷ USD, tăng {xk_pct}% so với "
         "cùng kỳ; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng {bl_pct}%.",
         "Thu ngân sách nhà nước trên địa bàn ước đạt {thu_ns} nghìn tỷ đồng, bằng {ns_pct}% dự toán năm. || "
         "Tổng thu ngân sách nhà nước ước đạt {thu_ns} nghìn tỷ đồng, đạt {ns_pct}% dự toán, nhiều khoản thu "
         "đạt khá.",
         "?## Duy trì động lực tăng trưởng",
         "{Ong1} {nguoi1}, Chủ tịch {ubnd} đánh giá, kết quả tăng trưởng là điểm sáng trong bối cảnh kinh tế "
         "thế giới còn nhiều biến động, nhưng không được chủ quan. || Tại phiên họp, {ong1} {nguoi1}, Chủ "
         "tịch "
         "{ubnd} yêu cầu các ngành không chủ quan, tiếp tục tập trung tháo gỡ khó khăn, khơi thông các động "
         "lực tăng trưởng.",
         "Những tháng cuối năm, {cap} tập trung đẩy nhanh giải ngân vốn đầu tư công, hỗ trợ doanh nghiệp mở "
         "rộng sản xuất, kích cầu tiêu dùng, phấn đấu hoàn thành vượt kế hoạch năm {nam}. || {Tinh} đặt mục "
         "tiêu tăng trưởng cả năm {nam} đạt trên {muc_tieu}%, tiếp tục nằm trong tốp đầu cả nước."),
        ("Sản xuất linh kiện điện tử tại một doanh nghiệp trong {kcn}. Ảnh: {anh}",
         "Công nghiệp tiếp tục là động lực tăng trưởng chính của {tinh}. Ảnh: {anh}"),
        ("GRDP", "sản xuất công nghiệp"),
        nums={"grdp": (7.5, 15.5, 2), "cn_pct": (8.0, 19.0, 2), "dong_gop": (4.0, 9.5, 2),
              "dv_pct": (5.5, 9.0, 2),
              "nn_pct": (2.0, 4.2, 2), "iip": (8.0, 22.0, 1), "xk": (8.0, 48.0, 1), "xk_pct": (6.0, 25.0, 1),
              "bl_pct": (9.0, 16.0, 1), "thu_ns": (15.0, 48.0, 1), "ns_pct": (82, 118),
              "muc_tieu": (8.0, 12.0, 1)}),
    Scenario(
        "tt_tang_truong_thap", "negative",
        ("{p}: Tăng trưởng kinh tế thấp hơn cùng kỳ, nhiều chỉ tiêu khó đạt",
         "Sản xuất công nghiệp sụt giảm, GRDP {p} chỉ tăng {grdp_thap}%",
         "Kinh tế {p} gặp khó, thu ngân sách hụt so với dự toán"),
        ("Theo báo cáo của {ubnd}, tăng trưởng GRDP {ky} chỉ đạt {grdp_thap}%, thấp hơn nhiều so với kịch "
         "bản "
         "đề ra và cùng kỳ năm trước; sản xuất công nghiệp, xuất khẩu đều sụt giảm.",
         "Kinh tế {tinh} {ky} đối mặt nhiều khó khăn khi chỉ số sản xuất công nghiệp giảm {iip_giam}%, nhiều "
         "doanh nghiệp thiếu đơn hàng phải cắt giảm lao động."),
        ("Nguyên nhân chủ yếu do các doanh nghiệp lớn trong lĩnh vực điện tử sụt giảm đơn hàng, kéo theo chỉ "
         "số "
         "sản xuất công nghiệp giảm {iip_giam}% so với cùng kỳ. || Sản xuất công nghiệp – trụ cột của nền "
         "kinh "
         "tế – gặp khó khi nhiều doanh nghiệp FDI thu hẹp sản xuất do thị trường xuất khẩu suy giảm.",
         "Kim ngạch xuất khẩu giảm {xk_giam}%, thu ngân sách nhà nước mới đạt {ns_pct_thap}% dự toán năm, "
         "thấp "
         "hơn cùng kỳ. || Cùng với đó, thu ngân sách nhà nước trên địa bàn ước đạt {ns_pct_thap}% dự toán, "
         "một "
         "số khoản thu lớn như thu từ đất, thu từ khu vực FDI đều giảm.",
         "Tình trạng thiếu việc làm xuất hiện tại một số khu công nghiệp; nhiều lao động phải nghỉ luân "
         "phiên "
         "hoặc chuyển sang làm công việc thời vụ. || {Dan1}, công nhân một doanh nghiệp tại {kcn} cho biết, "
         "từ "
         "đầu quý, công ty cắt giảm giờ làm thêm, thu nhập của công nhân giảm khoảng 30%.",
         "## Tìm dư địa cho tăng trưởng",
         "Phát biểu tại phiên họp, {ong1} {nguoi1}, Chủ tịch {ubnd} thẳng thắn nhìn nhận, kết quả tăng "
         "trưởng "
         "chưa đạt kỳ vọng, một số ngành, lĩnh vực còn yếu kém, chậm được khắc phục. || {Ong1} {nguoi1}, Chủ "
         "tịch {ubnd} yêu cầu các sở, ngành phân tích rõ nguyên nhân chủ quan, khách quan, không đổ lỗi cho "
         "khó khăn chung.",
         "{Cap} xác định các giải pháp trọng tâm như đẩy mạnh giải ngân vốn đầu tư công, hỗ trợ doanh nghiệp "
         "tìm kiếm thị trường mới, phát triển các ngành dịch vụ để bù đắp sụt giảm. || Các chuyên gia cho "
         "rằng, {p} cần giảm phụ thuộc vào một số doanh nghiệp FDI lớn, phát triển mạnh khu vực kinh tế tư "
         "nhân để tăng sức chống chịu của nền kinh tế."),
        ("Nhiều doanh nghiệp thiếu đơn hàng, sản xuất cầm chừng. Ảnh: {anh}",
         "Phiên họp UBND {cap} đánh giá tình hình kinh tế – xã hội. Ảnh: {anh}"),
        ("tăng trưởng kinh tế", "thu ngân sách"),
        nums={"grdp_thap": (1.2, 4.8, 2), "iip_giam": (3.0, 14.0, 1), "xk_giam": (4.0, 18.0, 1),
              "ns_pct_thap": (58, 74)}),
    Scenario(
        "tt_thu_ngan_sach", "positive",
        ("{p}: Thu ngân sách vượt dự toán năm, về đích sớm",
         "Thu ngân sách {p} về đích sớm, đạt hơn {thu_ns} nghìn tỷ đồng",
         "Xuất khẩu tăng mạnh, {p} thu ngân sách vượt dự toán"),
        ("Tính đến ngày {ngay_truoc}, tổng thu ngân sách nhà nước trên địa bàn {tinh} ước đạt {thu_ns} nghìn "
         "tỷ đồng, vượt {vuot_pct}% dự toán năm, về đích sớm hơn kế hoạch.",
         "Nhờ sản xuất công nghiệp và xuất khẩu phục hồi mạnh, {tinh} đã hoàn thành vượt dự toán thu ngân "
         "sách "
         "năm {nam} trước thời hạn."),
        ("Trong đó, thu nội địa đạt {thu_nd} nghìn tỷ đồng; thu từ hoạt động xuất nhập khẩu đạt {thu_xnk} "
         "nghìn "
         "tỷ đồng. || Cơ cấu thu tiếp tục chuyển dịch tích cực, thu nội địa chiếm tỷ trọng lớn, đạt {thu_nd} "
         "nghìn tỷ đồng.",
         "Kim ngạch xuất khẩu của {tinh} ước đạt {xk} tỷ USD, tăng {xk_pct}% so với cùng kỳ, chủ yếu từ nhóm "
         "hàng điện thoại, linh kiện điện tử, dệt may và nông sản. || Hoạt động xuất khẩu khởi sắc, nhiều "
         "doanh "
         "nghiệp đã có đơn hàng đến hết quý I năm sau.",
         "Theo {ong1} {nguoi1}, Giám đốc Sở Tài chính {tinh}, kết quả trên có được nhờ công tác quản lý thu "
         "được tăng cường, chống thất thu, xử lý nợ đọng thuế hiệu quả. || Cục Thuế {tinh} đã đẩy mạnh ứng "
         "dụng hóa đơn điện tử, thanh toán không dùng tiền mặt, góp phần chống thất thu ngân sách.",
         "?Nguồn thu tăng giúp {cap} có thêm nguồn lực đầu tư hạ tầng, an sinh xã hội, thực hiện chính sách "
         "tiền lương mới.",
         "Những tháng cuối năm, ngành tài chính tiếp tục rà soát các nguồn thu, quyết liệt thu hồi nợ thuế, "
         "phấn đấu tổng thu cả năm vượt {vuot_ca_nam}% dự toán. || {Ubnd} yêu cầu các cơ quan thu bám sát "
         "tình "
         "hình sản xuất, kinh doanh, không để phát sinh nợ đọng mới.",
         "?Dự kiến cả năm {nam}, tổng thu ngân sách trên địa bàn đạt mức cao nhất từ trước đến nay."),
        ("Hoạt động xuất nhập khẩu tại một cảng cạn. Ảnh: {anh}",
         "Cán bộ thuế hướng dẫn doanh nghiệp kê khai thuế điện tử. Ảnh: {anh}"),
        ("thu ngân sách", "xuất khẩu"),
        nums={"thu_ns": (15.0, 48.0, 1), "vuot_pct": (2.0, 14.0, 1), "thu_nd": (12.0, 30.0, 1),
              "thu_xnk": (3.0, 12.0, 1), "xk": (8.0, 48.0, 1), "xk_pct": (6.0, 25.0, 1),
              "vuot_ca_nam": (10, 20)}),
    Scenario(
        "tt_phien_hop", "neutral",
        ("{Ubnd} họp phiên thường kỳ tháng {thang_truoc}",
         "{p}: Tập trung tháo gỡ điểm nghẽn, thúc đẩy tăng trưởng những tháng cuối năm",
         "Kinh tế – xã hội {p} tháng {thang_truoc}: Nhiều chỉ tiêu tăng khá"),
        ("{Su_luc}, {ubnd} tổ chức phiên họp thường kỳ tháng {thang_truoc} để đánh giá tình hình kinh tế – "
         "xã "
         "hội, quốc phòng – an ninh và triển khai nhiệm vụ trọng tâm thời gian tới.",
         "Tình hình kinh tế – xã hội {tinh} tháng {thang_truoc} tiếp tục ổn định; sản xuất công nghiệp, "
         "thương "
         "mại, dịch vụ duy trì mức tăng, an sinh xã hội được bảo đảm."),
        ("Theo báo cáo, chỉ số sản xuất công nghiệp tháng {thang_truoc} tăng {iip}% so với cùng kỳ; tổng mức "
         "bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng {bl_pct}%. || Báo cáo tại phiên họp cho thấy, "
         "sản xuất công nghiệp tăng {iip}%, xuất khẩu tăng {xk_pct}%, tình hình giá cả thị trường ổn định.",
         "Công tác an sinh xã hội, chăm lo đời sống người dân được quan tâm; quốc phòng – an ninh được giữ "
         "vững, trật tự an toàn xã hội được bảo đảm. || Lĩnh vực văn hóa, xã hội có nhiều chuyển biến, các "
         "chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời.",
         "Tuy nhiên, tiến độ giải ngân vốn đầu tư công còn chậm, một số dự án trọng điểm vướng mắc giải "
         "phóng "
         "mặt bằng; thu ngân sách từ đất đạt thấp. || Bên cạnh kết quả đạt được, phiên họp cũng chỉ ra một "
         "số "
         "hạn chế như giải ngân vốn đầu tư công chưa đạt yêu cầu, thị trường bất động sản còn trầm lắng.",
         "Kết luận phiên họp, {ong1} {nguoi1}, Chủ tịch {ubnd} yêu cầu các sở, ngành, địa phương bám sát "
         "kịch "
         "bản tăng trưởng, tập trung tháo gỡ các điểm nghẽn, phấn đấu hoàn thành cao nhất các chỉ tiêu năm "
         "{nam}. || {Ong1} {nguoi1}, Chủ tịch {ubnd} đề nghị các đơn vị nâng cao trách nhiệm người đứng đầu, "
         "tăng cường kỷ luật, kỷ cương hành chính.",
         "Tại phiên họp, các đại biểu cũng cho ý kiến vào một số dự thảo nghị quyết trình kỳ họp HĐND {cap} "
         "cuối năm. || Phiên họp cũng thảo luận, cho ý kiến về dự toán ngân sách và kế hoạch đầu tư công năm "
         "{nam_sau}."),
        ("Toàn cảnh phiên họp. Ảnh: "
         "{anh}", "{Ong1} {nguoi1}, Chủ tịch {ubnd} kết luận phiên họp. Ảnh: {anh}"),
        ("kinh tế – xã hội",),
        nums={"iip": (6.0, 18.0, 1), "bl_pct": (9.0, 16.0, 1), "xk_pct": (5.0, 22.0, 1)}),
))
