"""Environment and culture: templates written for the sample press."""

from __future__ import annotations

from .base import Scenario, Topic

ENVIRONMENT = Topic("environment", "Môi trường", "xa-hoi", ("Môi trường", "bảo vệ môi trường"), (
    Scenario(
        "mt_xa_thai", "negative",
        ("Dân khổ vì kênh tiêu thành nơi chứa nước thải ở {huyen}",
         "{p}: Kênh tiêu đen kịt, bốc mùi vì nước thải chưa qua xử lý",
         "Bức xúc vì ô nhiễm môi trường kéo dài tại {xa}"),
        ("Nhiều năm nay, người dân {xa}, {huyen}, {tinh} phải sống chung với mùi hôi thối bốc lên từ con "
         "kênh "
         "tiếp nhận nước thải của các cơ sở sản xuất, nhưng tình trạng ô nhiễm vẫn chưa được xử lý dứt điểm.",
         "Những ngày qua, con kênh chảy qua {xa}, {huyen} chuyển màu đen, bốc mùi hôi nồng nặc, cá chết nổi "
         "trắng khiến người dân bức xúc."),
        ("Có mặt tại khu vực, phóng viên ghi nhận nước trong kênh chuyển màu đen đặc, bề mặt nổi váng, mùi "
         "hôi nồng nặc lan ra cả khu dân cư. || Theo ghi nhận của phóng viên, dọc bờ kênh, nhiều đường ống "
         "xả thải từ các xưởng sản xuất đổ thẳng xuống lòng kênh.",
         "“Mùa hè nóng nực nhưng nhà nào cũng phải đóng kín cửa vì mùi hôi, trẻ con trong xóm hay bị ho, "
         "viêm "
         "họng”, {dan1} nói. || {Dan1} cho biết: “Chúng tôi đã nhiều lần kiến nghị lên xã, lên huyện, nhưng "
         "đâu vẫn hoàn đấy”.",
         ("Theo người dân, nguồn nước thải chủ yếu từ các cơ sở sản xuất giấy, tái chế nhựa và chăn nuôi quy "
          "mô lớn trong khu vực, phần lớn chưa có hệ thống xử lý nước thải đạt chuẩn. || Nguyên nhân được "
          "xác "
          "định là do nước thải từ cụm công nghiệp và các hộ sản xuất chưa được thu gom, xử lý trước khi xả "
          "ra môi trường.",
          "?Vào mùa mưa, nước thải tràn cả vào ruộng lúa, ảnh hưởng đến sản xuất nông nghiệp."),
         "## Chính quyền địa phương nói gì || ## Trách nhiệm thuộc về ai",
         "Trao đổi với phóng viên, {ong1} {nguoi1}, Chủ tịch UBND {xa} thừa nhận tình trạng ô nhiễm là có "
         "thật và vượt quá khả năng xử lý của xã. || Đại diện Phòng Tài nguyên và Môi trường {huyen} cho "
         "biết "
         "đã lấy mẫu nước để phân tích, kết quả cho thấy nhiều chỉ tiêu vượt quy chuẩn cho phép nhiều lần.",
         "Người dân đề nghị cơ quan chức năng sớm vào cuộc kiểm tra, xử lý nghiêm các cơ sở xả thải trái "
         "phép, trả lại môi trường sống trong lành. || Dự án xây dựng hệ thống thu gom, xử lý nước thải tập "
         "trung của khu vực đã được phê duyệt nhưng đến nay vẫn chưa triển khai do thiếu vốn."),
        ("Nước kênh chuyển màu đen, bốc mùi hôi. Ảnh: {anh}",
         "Đường ống xả thải trực tiếp ra môi trường. Ảnh: {anh}"),
        ("ô nhiễm môi trường", "xả thải"),
    ),
    Scenario(
        "mt_cat_tac", "negative",
        ("“Cát tặc” hoạt động rầm rộ trên sông {river} đoạn qua {huyen}",
         "{p}: Khai thác cát trái phép gây sạt lở bờ sông {river}",
         "Bắt giữ tàu hút cát trái phép trên sông {river}"),
        ("Lợi dụng ban đêm, nhiều tàu hút cát công suất lớn ngang nhiên khai thác trái phép trên sông "
         "{river} "
         "đoạn qua {xa}, {huyen}, khiến bờ sông sạt lở nghiêm trọng.",
         "{Su_luc}, lực lượng Cảnh sát môi trường {congan} phát hiện, bắt giữ {so_tau} tàu đang hút cát trái "
         "phép trên sông {river} đoạn qua {huyen}."),
        ("Theo phản ánh của người dân, từ khoảng 22 giờ đến 4 giờ sáng hôm sau, các tàu hút cát tập kết, nổ "
         "máy hoạt động liên tục, tiếng ồn vang cả một vùng. || Người dân sống ven sông cho biết, tình trạng "
         "khai thác cát trái phép diễn ra nhiều tháng nay, tập trung vào ban đêm.",
         ("Hậu quả là nhiều đoạn bờ sông bị sạt lở, có nơi ăn sâu vào đất canh tác hàng chục mét, đe dọa an "
          "toàn đê điều. || Việc khai thác cát trái phép khiến lòng sông biến dạng, gây sạt lở bờ, ảnh hưởng "
          "đến hàng chục hộ dân sống ven sông.",
          "?{Dan1} lo lắng: “Mấy năm nay mất gần hết ruộng bãi, giờ sạt sát vào chân đê rồi”."),
         "Khi bị kiểm tra, các chủ phương tiện không xuất trình được giấy phép khai thác khoáng sản, giấy tờ "
         "đăng ký, đăng kiểm phương tiện. || Tại thời điểm kiểm tra, trên các tàu có hàng trăm m3 cát, người "
         "điều khiển không có giấy phép khai thác.",
         "?## Cần sự phối hợp liên ngành",
         "{Ong1} {nguoi1}, Phó Chủ tịch UBND {huyen} cho biết, do sông {river} là ranh giới giữa nhiều địa "
         "phương nên việc truy đuổi, xử lý gặp nhiều khó khăn. || Lãnh đạo UBND {huyen} cho biết đã thành "
         "lập tổ công tác liên ngành, tổ chức tuần tra cả ban ngày và ban đêm.",
         "Cơ quan chức năng đã lập biên bản vi phạm hành chính, tạm giữ phương tiện để tiếp tục xử lý theo "
         "quy định. || Người dân đề nghị các cơ quan chức năng tăng cường phối hợp, xử lý dứt điểm tình "
         "trạng "
         "“cát tặc”, bảo vệ đê điều và tài nguyên khoáng sản."),
        ("Tàu hút cát trái phép bị bắt giữ trên sông {river}. Ảnh: {anh}",
         "Bờ sông {river} bị sạt lở nghiêm trọng. Ảnh: {anh}"),
        ("khai thác cát trái phép", "sạt lở"),
        nums={"so_tau": (2, 6)}),
    Scenario(
        "mt_xanh_sach", "positive",
        ("{p} trồng mới hơn {so_cay} cây xanh, hướng tới môi trường “xanh – sạch – đẹp”",
         "Lan tỏa phong trào chống rác thải nhựa, phân loại rác tại nguồn ở {p}",
         "{Huyen} nhân rộng mô hình phân loại rác tại nguồn ở {so_xa} xã, thị trấn"),
        ("Phong trào chung tay bảo vệ môi trường, phân loại rác thải tại nguồn và hạn chế sử dụng túi ni "
         "lông "
         "đang được người dân {tinh} hưởng ứng tích cực, góp phần xây dựng cảnh quan “xanh – sạch – đẹp”.",
         "Từ đầu năm đến nay, {tinh} đã trồng mới hơn {so_cay} cây xanh các loại; nhiều mô hình bảo vệ môi "
         "trường ở cơ sở được nhân rộng."),
        ("Tại {huyen}, mô hình phân loại rác thải tại nguồn được triển khai ở {so_xa} xã, thị trấn với sự "
         "tham gia của hàng nghìn hộ gia đình. || Hội Liên hiệp Phụ nữ các cấp trong {cap} đã ra mắt nhiều "
         "mô "
         "hình “Chi hội phụ nữ không sử dụng túi ni lông”, “Biến rác thành tiền”.",
         "{Dan1}, ở {xa}, chia sẻ: “Ban đầu cũng thấy phiền, nhưng giờ thành thói quen, rác hữu cơ gia đình "
         "tôi ủ làm phân bón cho vườn rau”. || Nhờ phân loại rác, lượng rác phải chôn lấp giảm đáng kể, tiết "
         "kiệm chi phí vận chuyển, xử lý.",
         "Song song đó, phong trào “Tết trồng cây đời đời nhớ ơn Bác Hồ” được duy trì, nhiều tuyến đường, "
         "trường học, khu dân cư được phủ xanh. || Đoàn Thanh niên các cấp ra quân trồng cây xanh tại các "
         "tuyến đường, khu công nghiệp, góp phần cải thiện chất lượng không khí.",
         "?## Hướng tới phát triển bền vững",
         "Theo {ong1} {nguoi1}, Giám đốc Sở Nông nghiệp và Môi trường {tinh}, ý thức bảo vệ môi trường của "
         "người dân và doanh nghiệp ngày càng được nâng lên. || {Ong1} {nguoi1}, Giám đốc Sở Nông nghiệp và "
         "Môi trường {tinh} cho biết, {cap} đặt mục tiêu đến năm {nam_sau} có 100% xã thực hiện phân loại "
         "rác "
         "tại nguồn.",
         "Thời gian tới, {cap} tiếp tục đầu tư hạ tầng thu gom, xử lý rác thải, khuyến khích phát triển kinh "
         "tế tuần hoàn và năng lượng tái tạo. || Các địa phương sẽ tiếp tục nhân rộng mô hình hay, gắn tiêu "
         "chí môi trường với xây dựng nông thôn mới nâng cao."),
        ("Đoàn viên thanh niên trồng cây xanh tại {huyen}. Ảnh: {anh}",
         "Người dân {xa} phân loại rác thải tại nguồn. Ảnh: {anh}"),
        ("phân loại rác tại nguồn", "trồng cây xanh"),
        nums={"so_cay": (12000, 380000), "so_xa": (8, 22)}),
    Scenario(
        "mt_kiem_tra_kcn", "neutral",
        ("Kiểm tra đột xuất các doanh nghiệp trong {kcn}, chưa phát hiện xả thải trái phép",
         "{p}: Kiểm tra công tác bảo vệ môi trường tại các khu công nghiệp",
         "Quan trắc nước thải khu công nghiệp tại {p}: Các chỉ tiêu đạt quy chuẩn"),
        ("Đoàn kiểm tra của Sở Nông nghiệp và Môi trường {tinh} vừa kiểm tra đột xuất việc chấp hành pháp "
         "luật "
         "về bảo vệ môi trường tại {so_dn} doanh nghiệp trong {kcn}; kết quả chưa phát hiện trường hợp xả "
         "thải "
         "trái phép ra môi trường.",
         "Sau phản ánh của người dân về mùi lạ quanh {kcn}, cơ quan chức năng {tinh} đã kiểm tra, lấy mẫu "
         "quan trắc; kết quả các chỉ tiêu nước thải sau xử lý đều đạt quy chuẩn."),
        ("Đoàn kiểm tra hệ thống xử lý nước thải, khí thải, việc thu gom, lưu giữ chất thải nguy hại và thực "
         "hiện quan trắc môi trường định kỳ của các doanh nghiệp. || Nội dung kiểm tra tập trung vào hồ sơ "
         "môi trường, hệ thống xử lý nước thải tập trung và việc vận hành trạm quan trắc tự động.",
         "Kết quả phân tích mẫu cho thấy các chỉ tiêu nước thải sau xử lý đều nằm trong giới hạn cho phép. "
         "|| Qua kiểm tra, đoàn chưa phát hiện dấu hiệu xả thải trái phép; dữ liệu quan trắc tự động được "
         "truyền liên tục về Sở Nông nghiệp và Môi trường.",
         "Tuy nhiên, đoàn cũng chỉ ra một số tồn tại như việc phân loại chất thải rắn công nghiệp chưa đúng "
         "quy định, sổ theo dõi vận hành hệ thống xử lý chưa cập nhật đầy đủ. || Bên cạnh đó, một vài doanh "
         "nghiệp còn chậm nộp báo cáo công tác bảo vệ môi trường định kỳ.",
         "{Ong1} {nguoi1}, Trưởng đoàn kiểm tra, đề nghị các doanh nghiệp khắc phục ngay các tồn tại, không "
         "để xảy ra sự cố môi trường. || Trưởng đoàn kiểm tra {nguoi1} yêu cầu Ban Quản lý các khu công "
         "nghiệp tăng cường giám sát, kịp thời phát hiện, xử lý các hành vi vi phạm.",
         "Đối với phản ánh về mùi lạ, cơ quan chức năng xác định nguồn phát sinh từ khu vực tập kết rác sinh "
         "hoạt của một xã lân cận, không phải từ hoạt động của khu công nghiệp. || Cơ quan chức năng cho "
         "biết "
         "sẽ tiếp tục theo dõi, lấy mẫu định kỳ và công khai kết quả để người dân được biết.",
         "?Thời gian tới, Sở Nông nghiệp và Môi trường sẽ tiếp tục kiểm tra, giám sát các cơ sở có nguy cơ "
         "gây "
         "ô nhiễm cao, kiên quyết xử lý nghiêm các vi phạm."),
        ("Đoàn kiểm tra lấy mẫu nước thải tại {kcn}. Ảnh: {anh}",
         "Hệ thống xử lý nước thải tập trung của khu công nghiệp. Ảnh: {anh}"),
        ("quan trắc môi trường", "khu công nghiệp"),
        nums={"so_dn": (6, 24)}),
))

CULTURE = Topic("culture", "Văn hóa", "van-hoa", ("Văn hóa", "di sản"), (
    Scenario(
        "vh_le_hoi", "positive",
        ("Khai mạc Lễ hội truyền thống {le_hoi} năm {nam}",
         "{p}: Tưng bừng lễ hội {le_hoi}, thu hút hàng nghìn du khách",
         "Bảo tồn và phát huy giá trị lễ hội truyền thống {le_hoi}"),
        ("{Su_luc}, tại {xa}, {huyen}, {tinh}, UBND {huyen} tổ chức khai mạc Lễ hội truyền thống {le_hoi} "
         "năm "
         "{nam}, thu hút đông đảo người dân và du khách thập phương.",
         "Lễ hội truyền thống {le_hoi} năm {nam} diễn ra trang trọng, an toàn, tiết kiệm với nhiều hoạt động "
         "văn hóa, thể thao dân gian đặc sắc."),
        ("Lễ hội là dịp để nhân dân địa phương tưởng nhớ công đức của các vị thành hoàng làng, giáo dục "
         "truyền thống “uống nước nhớ nguồn” cho thế hệ trẻ. || Theo các bậc cao niên, lễ hội đã có từ hàng "
         "trăm năm trước, gắn liền với đời sống tâm linh của người dân trong vùng.",
         ("Phần lễ gồm các nghi thức rước kiệu, tế lễ được tổ chức trang nghiêm theo đúng nghi thức truyền "
          "thống. || Sau phần lễ rước kiệu trang nghiêm, phần hội diễn ra sôi nổi với các trò chơi dân gian "
          "như đấu vật, kéo co, cờ người, đánh đu.",
          "?Đặc biệt, các canh hát quan họ, hát chèo do câu lạc bộ văn nghệ của xã biểu diễn đã thu hút đông "
          "đảo người xem."),
         "Công tác bảo đảm an ninh trật tự, vệ sinh môi trường, an toàn thực phẩm được chuẩn bị chu đáo; "
         "không có tình trạng chen lấn, đặt tiền lẻ tràn lan hay “chặt chém” du khách. || Ban tổ chức đã bố "
         "trí lực lượng hướng dẫn, trông giữ xe đúng giá niêm yết, bảo đảm lễ hội diễn ra văn minh.",
         "Phát biểu tại lễ khai mạc, {ong1} {nguoi1}, Chủ tịch UBND {huyen} đề nghị chính quyền và nhân dân "
         "địa phương tiếp tục giữ gìn, phát huy giá trị di sản, gắn bảo tồn với phát triển du lịch. || "
         "{Ong1} "
         "{nguoi1}, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch {tinh} đánh giá cao cách làm của địa phương "
         "trong việc bảo tồn lễ hội truyền thống.",
         "?{Dan1}, du khách đến từ {p2}, chia sẻ: “Lần đầu dự lễ hội, tôi rất ấn tượng với không khí trang "
         "nghiêm mà vẫn vui tươi, đậm đà bản sắc”.",
         "Lễ hội diễn ra đến hết ngày {ngay_sau}. || Lễ hội kéo dài trong 3 ngày với nhiều hoạt động hấp "
         "dẫn."),
        ("Nghi thức rước kiệu tại Lễ hội truyền thống {le_hoi}. Ảnh: {anh}",
         "Trò chơi dân gian thu hút đông đảo người dân tham gia. Ảnh: {anh}"),
        ("lễ hội truyền thống", "du lịch văn hóa"),
        pools={"le_hoi": ("đình {xa_ten}", "đền {xa_ten}", "làng {xa_ten}")}),
    Scenario(
        "vh_di_tich", "negative",
        ("Di tích {di_tich} xuống cấp nghiêm trọng",
         "{p}: Nhiều di tích xuống cấp chờ trùng tu",
         "Xót xa di tích {di_tich} bị xâm hại, dột nát"),
        ("Được xếp hạng di tích lịch sử – văn hóa cấp quốc gia từ nhiều năm trước, song {di_tich} ở {xa}, "
         "{huyen}, {tinh} đang xuống cấp nghiêm trọng, mái dột, cột kèo mối mọt.",
         "Nhiều hạng mục của {di_tich} tại {huyen} bị hư hỏng, xuống cấp, một phần khuôn viên bị lấn chiếm, "
         "trong khi kinh phí trùng tu còn hạn hẹp."),
        ("Ghi nhận thực tế cho thấy, mái ngói nhiều chỗ vỡ, sụt lún; hệ thống cột, kèo bị mối mọt, mục "
         "ruỗng, "
         "một số mảng chạm khắc cổ đã bong tróc. || Những ngày mưa, nước dột xuống gian giữa, người trông "
         "coi di tích phải dùng bạt che tạm để bảo vệ đồ thờ.",
         "{Dan1}, người trông coi di tích cho biết: “Mỗi lần mưa to là cả làng lo, sợ nhất là mảng chạm khắc "
         "ở tòa đại bái bị hỏng thì không thể phục hồi được”. || Theo người dân địa phương, di tích đã nhiều "
         "lần được tu bổ nhỏ bằng nguồn xã hội hóa nhưng không thể khắc phục triệt để.",
         "?Đáng lo ngại, một phần diện tích đất trong khuôn viên di tích bị lấn chiếm làm lối đi, dựng lán "
         "trại.",
         "## Nguồn lực trùng tu còn hạn chế",
         ("Theo Sở Văn hóa, Thể thao và Du lịch {tinh}, toàn {cap} hiện có hàng trăm di tích đã được xếp "
          "hạng, nhiều di tích đang xuống cấp cần được tu bổ, tôn tạo. || Đại diện Phòng Văn hóa và Thông "
          "tin "
          "{huyen} cho biết, địa phương đã lập hồ sơ đề nghị hỗ trợ kinh phí tu bổ nhưng chưa được bố trí "
          "vốn.",
          "Việc tu bổ di tích phải tuân thủ nghiêm ngặt quy định của Luật Di sản văn hóa, cần thời gian và "
          "kinh phí lớn."),
         "Người dân mong muốn các cấp, các ngành sớm quan tâm, bố trí nguồn lực để tu bổ di tích, tránh để "
         "mất đi những giá trị văn hóa quý báu. || Các chuyên gia cho rằng, nếu không kịp thời tu bổ, nguy "
         "cơ di tích bị hư hỏng không thể phục hồi là rất lớn."),
        ("Mái {di_tich} nhiều chỗ bị dột, sụt lún. Ảnh: "
         "{anh}", "Cột, kèo tại di tích bị mối mọt. Ảnh: {anh}"),
        ("di tích xuống cấp",),
        pools={"di_tich": ("đình {xa_ten}", "chùa {xa_ten}", "đền {xa_ten}")}),
    Scenario(
        "vh_nep_song", "neutral",
        ("{p}: Sơ kết thực hiện nếp sống văn minh trong việc cưới, việc tang",
         "Xây dựng nếp sống văn minh: Nhiều chuyển biến tích cực ở {huyen}",
         "Đẩy mạnh phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tại {p}"),
        ("{Su_luc}, Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” {tinh} tổ chức hội "
         "nghị sơ kết việc thực hiện nếp sống văn minh trong việc cưới, việc tang và lễ hội.",
         "Sau {so_nam} năm triển khai quy định về thực hiện nếp sống văn minh, nhiều hủ tục trong việc cưới, "
         "việc tang tại {tinh} đã được xóa bỏ, tiết kiệm chi phí cho người dân."),
        ("Theo báo cáo, {ty_le}% thôn, tổ dân phố trên địa bàn đã đưa nội dung thực hiện nếp sống văn minh "
         "vào hương ước, quy ước. || Báo cáo cho thấy, việc cưới được tổ chức gọn nhẹ, tiết kiệm hơn; nhiều "
         "gia đình không tổ chức ăn uống kéo dài nhiều ngày.",
         "Trong việc tang, tỷ lệ hỏa táng tăng mạnh; việc rải vàng mã, sử dụng kèn trống trong đêm khuya đã "
         "giảm đáng kể. || Tỷ lệ hỏa táng trên địa bàn đạt {ty_le_hoa_tang}%, góp phần tiết kiệm quỹ đất và "
         "bảo vệ môi trường.",
         "Tuy nhiên, ở một số nơi vẫn còn tình trạng tổ chức cưới linh đình, mâm cỗ cầu kỳ; việc đốt vàng "
         "mã, "
         "phát loa công suất lớn trong đám tang vẫn còn. || Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra "
         "một số hạn chế như công tác kiểm tra, giám sát ở cơ sở chưa thường xuyên.",
         "Phát biểu kết luận, {ong1} {nguoi1}, Trưởng ban Tuyên giáo và Dân vận {tinhuy} đề nghị các "
         "cấp ủy, chính quyền phát huy vai trò nêu gương của cán bộ, đảng viên. || {Ong1} {nguoi1}, "
         "Phó Chủ tịch {ubnd} "
         "yêu cầu các địa phương đưa tiêu chí thực hiện nếp sống văn minh vào bình xét gia đình văn hóa, "
         "thôn "
         "văn hóa.",
         "Dịp này, {so_tap_the} tập thể, cá nhân có thành tích xuất sắc đã được khen thưởng. || Hội nghị đã "
         "biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu trong thực hiện nếp sống văn minh."),
        ("Quang cảnh hội nghị. Ảnh: "
         "{anh}", "Lãnh đạo {tinh} trao bằng khen cho các tập thể tiêu biểu. Ảnh: {anh}"),
        ("nếp sống văn minh", "gia đình văn hóa"),
        nums={"so_nam": (3, 8), "ty_le": (85, 98), "ty_le_hoa_tang": (40.0, 92.0, 1),
              "so_tap_the": (12, 45)}),
    Scenario(
        "vh_bien_tuong", "negative",
        ("Lễ hội ở {huyen} vẫn còn cảnh chen lấn, “chặt chém” du khách",
         "Nhức nhối tình trạng thương mại hóa lễ hội tại {p}",
         "Biến tướng tại lễ hội {le_hoi}: Đặt tiền lẻ tràn lan, trông xe “chặt chém”"),
        ("Dù cơ quan chức năng đã có nhiều khuyến cáo, tại lễ hội {le_hoi} ({huyen}, {tinh}) vẫn diễn ra "
         "tình "
         "trạng chen lấn, đặt tiền lẻ không đúng nơi quy định, trông giữ xe thu giá cao gấp nhiều lần.",
         "Ghi nhận tại lễ hội {le_hoi}, {huyen}, nhiều hiện tượng phản cảm như xin đểu, bán hàng chèo kéo, "
         "“chặt chém” du khách vẫn tái diễn."),
        ("Ngay từ sáng sớm, dòng người đổ về khu di tích đông nghịt, tình trạng chen lấn, xô đẩy diễn ra ở "
         "nhiều khu vực. || Tại khu vực chính điện, nhiều người chen nhau để xin lộc, cài tiền lẻ vào tay "
         "tượng, lên kiệu.",
         "Bãi trông giữ xe tự phát mọc lên dọc tuyến đường vào lễ hội, thu phí 20.000 – 30.000 đồng/lượt xe "
         "máy, cao gấp nhiều lần giá quy định. || “Tôi gửi xe máy ở bãi ngay cổng, bị thu 30.000 đồng, hỏi "
         "vé "
         "thì người trông xe bảo không có”, {dan1} phản ánh.",
         "Hàng quán bày bán tràn lan, lấn chiếm lối đi; hoạt động xem bói, xóc thẻ mang màu sắc mê tín dị "
         "đoan diễn ra công khai. || Không chỉ vậy, hoạt động mê tín dị đoan như xem bói, “giải hạn” vẫn "
         "diễn "
         "ra công khai trong khuôn viên di tích.",
         "?## Cần xử lý nghiêm các vi phạm",
         "Trao đổi với phóng viên, đại diện Ban tổ chức lễ hội thừa nhận còn một số hạn chế do lượng khách "
         "quá đông, vượt dự kiến. || {Ong1} {nguoi1}, Trưởng Phòng Văn hóa và Thông tin {huyen} cho biết sẽ "
         "chỉ đạo kiểm tra, chấn chỉnh ngay các sai phạm.",
         "Các nhà nghiên cứu văn hóa cho rằng, cần tăng cường quản lý, xử lý nghiêm các hành vi trục lợi để "
         "lễ "
         "hội thực sự là nơi sinh hoạt văn hóa, tâm linh lành mạnh."),
        ("Du khách chen lấn tại khu vực chính điện. Ảnh: "
         "{anh}", "Bãi trông xe tự phát thu phí cao. Ảnh: {anh}"),
        ("quản lý lễ hội",),
        pools={"le_hoi": ("đình {xa_ten}", "đền {xa_ten}", "chùa {xa_ten}")}),
))
