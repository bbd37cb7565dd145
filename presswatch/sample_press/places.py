"""Places used to fill the sample articles: pre-2025 provinces with districts, communes, roads.

Province names follow /work/shared/reference/provinces.csv (the 63 units before 1 July 2025); the
districts, communes, roads, rivers and industrial zones are real names written from general
knowledge, used only as slot values in text written for this project. Articles are written in the
pre-2025 administrative frame (huyện, the old provinces), which is what the tagger maps from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Province:
    name: str  # canonical pre-2025 name, as in provinces.csv
    label: str  # as printed in headlines: "Bắc Ninh", "Thừa Thiên Huế", "TP.HCM"
    city: bool  # centrally-run city (thành phố) rather than tỉnh
    plate: str  # vehicle plate prefix
    roads: tuple[str, ...]
    rivers: tuple[str, ...]
    zones: tuple[str, ...]  # industrial zones
    districts: tuple[str, ...]  # "huyện Tiên Du: xã Phật Tích, xã Cảnh Hưng"
    body_name: str = ""  # name after "TP"/"tỉnh" in running text when it differs from label

    @property
    def text_name(self) -> str:
        return self.body_name or self.label

    @property
    def full(self) -> str:
        return f"TP {self.text_name}" if self.city else f"tỉnh {self.text_name}"

    @property
    def unit(self) -> str:
        return "thành phố" if self.city else "tỉnh"

    @property
    def party(self) -> str:
        if not self.city:
            return f"Tỉnh ủy {self.text_name}"
        return f"Thành ủy {self.full if self.body_name else self.text_name}"

    def district_list(self) -> list[tuple[str, tuple[str, ...]]]:
        out = []
        for line in self.districts:
            district, _, communes = line.partition(":")
            out.append((district.strip(), tuple(c.strip() for c in communes.split(",") if c.strip())))
        return out


def _p(name: str, plate: str, roads: str, rivers: str, zones: str, *districts: str, label: str = "",
       city: bool = False, body_name: str = "") -> Province:
    split = lambda s: tuple(x.strip() for x in s.split(";") if x.strip())  # noqa: E731
    return Province(name=name, label=label or name, city=city, plate=plate, roads=split(roads),
                    rivers=split(rivers), zones=split(zones), districts=districts, body_name=body_name)


PROVINCES: tuple[Province, ...] = (
    _p("Bắc Ninh", "99", "Quốc lộ 1A; Quốc lộ 18; Quốc lộ 38; đường tỉnh 295B; đường tỉnh 282",
       "Cầu; Đuống", "Khu công nghiệp Quế Võ; Khu công nghiệp Yên Phong; Khu công nghiệp Tiên Sơn",
       "thành phố Bắc Ninh: phường Võ Cường, phường Kinh Bắc, phường Đại Phúc, phường Vạn An",
       "thành phố Từ Sơn: phường Đình Bảng, phường Đồng Nguyên, phường Châu Khê, phường Tam Sơn",
       "thị xã Quế Võ: phường Phố Mới, phường Bằng An, xã Đức Long, xã Châu Phong",
       "thị xã Thuận Thành: phường Hồ, phường Gia Đông, xã Song Liễu, xã Ngũ Thái",
       "huyện Tiên Du: xã Phật Tích, xã Cảnh Hưng, xã Lạc Vệ, xã Việt Đoàn, thị trấn Lim",
       "huyện Yên Phong: xã Đông Thọ, xã Tam Giang, xã Dũng Liệt, xã Văn Môn, thị trấn Chờ",
       "huyện Gia Bình: xã Đại Lai, xã Song Giang, xã Nhân Thắng, xã Quỳnh Phú",
       "huyện Lương Tài: xã Lâm Thao, xã Trung Kênh, xã Quảng Phú, thị trấn Thứa"),
    _p("Bắc Giang", "98", "Quốc lộ 1A; Quốc lộ 31; Quốc lộ 37; Quốc lộ 17", "Thương; Lục Nam; Cầu",
       "Khu công nghiệp Quang Châu; Khu công nghiệp Đình Trám; Khu công nghiệp Vân Trung",
       "thành phố Bắc Giang: phường Trần Phú, phường Dĩnh Kế, phường Xương Giang, xã Song Mai",
       "thị xã Việt Yên: phường Bích Động, phường Nếnh, xã Việt Tiến, xã Thượng Lan",
       "huyện Lục Ngạn: xã Phượng Sơn, xã Quý Sơn, xã Hồng Giang, xã Nam Dương, thị trấn Chũ",
       "huyện Lục Nam: xã Cương Sơn, xã Yên Sơn, xã Bảo Sơn, thị trấn Đồi Ngô",
       "huyện Hiệp Hòa: xã Đoan Bái, xã Mai Đình, xã Hoàng Lương, thị trấn Thắng",
       "huyện Yên Thế: xã Đồng Tâm, xã Tam Tiến, xã Xuân Lương, thị trấn Phồn Xương",
       "huyện Tân Yên: xã Cao Xá, xã Ngọc Thiện, xã Việt Lập, thị trấn Cao Thượng",
       "huyện Lạng Giang: xã Tân Dĩnh, xã Quang Thịnh, xã Tân Thanh, thị trấn Vôi"),
    _p("Hải Dương", "34", "Quốc lộ 5; Quốc lộ 37; Quốc lộ 38; Quốc lộ 18", "Thái Bình; Kinh Thầy; Sặt",
       "Khu công nghiệp Đại An; Khu công nghiệp Phúc Điền; Khu công nghiệp Nam Sách",
       "thành phố Hải Dương: phường Trần Hưng Đạo, phường Ngọc Châu, phường Tứ Minh, phường Việt Hòa",
       "thành phố Chí Linh: phường Sao Đỏ, phường Cộng Hòa, phường Hoàng Tân, phường Bến Tắm",
       "thị xã Kinh Môn: phường An Lưu, phường Phú Thứ, phường Minh Tân, xã Lê Ninh",
       "huyện Cẩm Giàng: xã Cẩm Điền, xã Lương Điền, xã Cẩm Vũ, thị trấn Lai Cách",
       "huyện Gia Lộc: xã Đoàn Thượng, xã Yết Kiêu, xã Gia Tân, thị trấn Gia Lộc",
       "huyện Tứ Kỳ: xã Quang Phục, xã Đại Sơn, xã Tiên Động, thị trấn Tứ Kỳ",
       "huyện Thanh Hà: xã Thanh Xá, xã Cẩm Việt, xã Thanh Quang, thị trấn Thanh Hà",
       "huyện Nam Sách: xã An Lâm, xã Hợp Tiến, xã Nam Hưng, thị trấn Nam Sách",
       "huyện Ninh Giang: xã Tân Hương, xã Ứng Hòe, xã Hồng Dụ, thị trấn Ninh Giang"),
    _p("Hưng Yên", "89", "Quốc lộ 5; Quốc lộ 39; Quốc lộ 38", "Luộc; Hồng",
       "Khu công nghiệp Phố Nối A; Khu công nghiệp Thăng Long II; Khu công nghiệp Minh Đức",
       "thành phố Hưng Yên: phường Hiến Nam, phường Lê Lợi, phường An Tảo, xã Bảo Khê",
       "thị xã Mỹ Hào: phường Bần Yên Nhân, phường Phan Đình Phùng, phường Dị Sử, phường Nhân Hòa",
       "huyện Văn Lâm: xã Lạc Đạo, xã Chỉ Đạo, xã Tân Quang, thị trấn Như Quỳnh",
       "huyện Văn Giang: xã Xuân Quan, xã Phụng Công, xã Cửu Cao, thị trấn Văn Giang",
       "huyện Yên Mỹ: xã Trung Hưng, xã Giai Phạm, xã Nghĩa Hiệp, xã Liêu Xá",
       "huyện Khoái Châu: xã Bình Minh, xã Dạ Trạch, xã Đông Tảo, xã Tân Dân",
       "huyện Tiên Lữ: xã Thủ Sỹ, xã Hưng Đạo, xã Nhật Tân, thị trấn Vương"),
    _p("Nam Định", "18", "Quốc lộ 10; Quốc lộ 21; Quốc lộ 37B", "Đáy; Ninh Cơ; Đào",
       "Khu công nghiệp Hòa Xá; Khu công nghiệp Bảo Minh",
       "thành phố Nam Định: phường Trần Hưng Đạo, phường Lộc Hạ, phường Mỹ Xá",
       "huyện Ý Yên: xã Yên Khang, xã Yên Ninh, xã Yên Tiến, thị trấn Lâm",
       "huyện Hải Hậu: xã Hải Đông, xã Hải Lý, xã Hải Chính, thị trấn Yên Định",
       "huyện Giao Thủy: xã Giao Thiện, xã Giao An, xã Giao Xuân, thị trấn Quất Lâm",
       "huyện Xuân Trường: xã Xuân Hồng, xã Xuân Ngọc, xã Xuân Vinh",
       "huyện Nghĩa Hưng: xã Nghĩa Lâm, xã Nghĩa Thành, thị trấn Rạng Đông"),
    _p("Hà Nội", "29", "Quốc lộ 32; Quốc lộ 6; đường Vành đai 3; Quốc lộ 1A", "Hồng; Đuống; Nhuệ; Đáy",
       "Khu công nghiệp Thăng Long; Khu công nghiệp Nội Bài; Khu công nghiệp Quang Minh",
       "quận Cầu Giấy: phường Dịch Vọng, phường Mai Dịch, phường Nghĩa Đô",
       "quận Hoàng Mai: phường Định Công, phường Hoàng Liệt, phường Thịnh Liệt",
       "quận Hà Đông: phường Văn Quán, phường Yên Nghĩa, phường Kiến Hưng",
       "huyện Đông Anh: xã Uy Nỗ, xã Vân Nội, xã Kim Chung",
       "huyện Gia Lâm: xã Bát Tràng, xã Kiêu Kỵ, xã Đa Tốn",
       "huyện Sóc Sơn: xã Phù Linh, xã Minh Phú, xã Tiên Dược", city=True),
    _p("Hải Phòng", "15", "Quốc lộ 5; Quốc lộ 10; Quốc lộ 37", "Cấm; Lạch Tray; Văn Úc",
       "Khu công nghiệp Đình Vũ; Khu công nghiệp Tràng Duệ; Khu công nghiệp Nomura",
       "quận Lê Chân: phường An Biên, phường Dư Hàng Kênh, phường Vĩnh Niệm",
       "quận Hải An: phường Đằng Hải, phường Nam Hải, phường Đằng Lâm",
       "huyện An Dương: xã An Hòa, xã Hồng Phong, xã Lê Lợi",
       "huyện Tiên Lãng: xã Tiên Thắng, xã Quang Phục, xã Kiến Thiết",
       "huyện Vĩnh Bảo: xã Cổ Am, xã Tam Cường, xã Vĩnh Phong", city=True),
    _p("Quảng Ninh", "14", "Quốc lộ 18; Quốc lộ 4B; Quốc lộ 279", "Ka Long; Bạch Đằng",
       "Khu công nghiệp Đông Mai; Khu công nghiệp Sông Khoai; Khu công nghiệp Việt Hưng",
       "thành phố Hạ Long: phường Bãi Cháy, phường Hồng Gai, phường Hà Khánh",
       "thành phố Cẩm Phả: phường Cửa Ông, phường Cẩm Thịnh, phường Mông Dương",
       "thành phố Uông Bí: phường Phương Đông, phường Vàng Danh, phường Quang Trung",
       "thành phố Móng Cái: phường Trà Cổ, phường Hải Hòa, phường Ka Long",
       "thị xã Đông Triều: phường Mạo Khê, phường Kim Sơn, xã An Sinh",
       "huyện Vân Đồn: xã Hạ Long, xã Đoàn Kết, xã Đông Xá"),
    _p("Thái Nguyên", "20", "Quốc lộ 3; Quốc lộ 37; Quốc lộ 1B", "Cầu; Công",
       "Khu công nghiệp Yên Bình; Khu công nghiệp Điềm Thụy; Khu công nghiệp Sông Công",
       "thành phố Thái Nguyên: phường Hoàng Văn Thụ, phường Tân Thịnh, phường Gia Sàng",
       "thành phố Phổ Yên: phường Ba Hàng, phường Đồng Tiến, xã Minh Đức",
       "thành phố Sông Công: phường Bách Quang, phường Mỏ Chè, xã Bá Xuyên",
       "huyện Đại Từ: xã Hùng Sơn, xã La Bằng, xã Hoàng Nông",
       "huyện Định Hóa: xã Phú Đình, xã Điềm Mặc, xã Bảo Cường",
       "huyện Đồng Hỷ: xã Hóa Thượng, xã Minh Lập, xã Khe Mo"),
    _p("Lạng Sơn", "12", "Quốc lộ 1A; Quốc lộ 4B; Quốc lộ 31", "Kỳ Cùng", "Khu công nghiệp Đồng Bành",
       "thành phố Lạng Sơn: phường Chi Lăng, phường Đông Kinh, phường Vĩnh Trại",
       "huyện Cao Lộc: xã Tân Thành, xã Hợp Thành, thị trấn Đồng Đăng",
       "huyện Hữu Lũng: xã Minh Sơn, xã Đồng Tân, xã Hồ Sơn",
       "huyện Chi Lăng: xã Quang Lang, xã Chi Lăng, xã Vân An",
       "huyện Lộc Bình: xã Khuất Xá, xã Đồng Bục, xã Tú Đoạn"),
    _p("Vĩnh Phúc", "88", "Quốc lộ 2; Quốc lộ 2C; đường tỉnh 310", "Phó Đáy; Lô",
       "Khu công nghiệp Bá Thiện; Khu công nghiệp Khai Quang; Khu công nghiệp Bình Xuyên",
       "thành phố Vĩnh Yên: phường Liên Bảo, phường Tích Sơn, phường Đồng Tâm",
       "thành phố Phúc Yên: phường Xuân Hòa, phường Trưng Nhị, xã Ngọc Thanh",
       "huyện Bình Xuyên: xã Thiện Kế, xã Sơn Lôi, thị trấn Hương Canh",
       "huyện Tam Đảo: xã Đại Đình, xã Hợp Châu, xã Minh Quang",
       "huyện Yên Lạc: xã Trung Nguyên, xã Đồng Cương, xã Liên Châu"),
    _p("Phú Thọ", "19", "Quốc lộ 2; Quốc lộ 32C; Quốc lộ 70B", "Lô; Thao; Đà", "Khu công nghiệp Thụy Vân",
       "thành phố Việt Trì: phường Gia Cẩm, phường Tiên Cát, phường Vân Phú",
       "huyện Lâm Thao: xã Tứ Xã, xã Sơn Vi, xã Xuân Lũng",
       "huyện Thanh Sơn: xã Thục Luyện, xã Tất Thắng, xã Địch Quả",
       "huyện Đoan Hùng: xã Chân Mộng, xã Sóc Đăng, xã Tây Cốc",
       "huyện Hạ Hòa: xã Vĩnh Chân, xã Gia Điền, xã Ấm Hạ"),
    _p("Thái Bình", "17", "Quốc lộ 10; Quốc lộ 39; Quốc lộ 37", "Trà Lý; Hóa; Luộc",
       "Khu công nghiệp Tiền Hải; Khu công nghiệp Liên Hà Thái; Khu công nghiệp Gia Lễ",
       "thành phố Thái Bình: phường Kỳ Bá, phường Tiền Phong, phường Trần Lãm",
       "huyện Tiền Hải: xã Nam Thịnh, xã Đông Trà, xã Tây Giang",
       "huyện Thái Thụy: xã Thụy Trường, xã Thái Thượng, xã Thụy Hải",
       "huyện Quỳnh Phụ: xã An Bài, xã Quỳnh Hoa, xã An Ninh",
       "huyện Vũ Thư: xã Song An, xã Việt Hùng, xã Minh Quang"),
    _p("Ninh Bình", "35", "Quốc lộ 1A; Quốc lộ 10; Quốc lộ 12B", "Đáy; Hoàng Long",
       "Khu công nghiệp Gián Khẩu; Khu công nghiệp Khánh Phú; Khu công nghiệp Tam Điệp",
       "thành phố Ninh Bình: phường Đông Thành, phường Ninh Khánh, phường Nam Bình",
       "thành phố Tam Điệp: phường Bắc Sơn, phường Trung Sơn, xã Đông Sơn",
       "huyện Hoa Lư: xã Trường Yên, xã Ninh Hải, xã Ninh Xuân",
       "huyện Gia Viễn: xã Gia Sinh, xã Gia Vân, xã Gia Hòa",
       "huyện Kim Sơn: xã Kim Trung, xã Chất Bình, xã Kim Đông",
       "huyện Nho Quan: xã Cúc Phương, xã Quỳnh Lưu, xã Gia Lâm"),
    _p("Hà Nam", "90", "Quốc lộ 1A; Quốc lộ 21A; Quốc lộ 38", "Đáy; Châu Giang",
       "Khu công nghiệp Đồng Văn II; Khu công nghiệp Hòa Mạc; Khu công nghiệp Châu Sơn",
       "thành phố Phủ Lý: phường Lê Hồng Phong, phường Quang Trung, phường Thanh Châu",
       "thị xã Duy Tiên: phường Đồng Văn, phường Hòa Mạc, xã Mộc Bắc",
       "huyện Kim Bảng: xã Thanh Sơn, xã Tượng Lĩnh, xã Nguyễn Úy",
       "huyện Thanh Liêm: xã Thanh Tân, xã Liêm Sơn, xã Thanh Nghị",
       "huyện Lý Nhân: xã Nhân Hậu, xã Chân Lý, xã Đạo Lý"),
    _p("Thanh Hóa", "36", "Quốc lộ 1A; Quốc lộ 45; Quốc lộ 47", "Mã; Chu; Yên",
       "Khu công nghiệp Lễ Môn; Khu công nghiệp Hoàng Long; Khu công nghiệp Bỉm Sơn",
       "thành phố Thanh Hóa: phường Điện Biên, phường Đông Hương, phường Quảng Thắng",
       "thành phố Sầm Sơn: phường Trường Sơn, phường Quảng Tiến, phường Bắc Sơn",
       "thị xã Nghi Sơn: phường Hải Hòa, phường Tĩnh Hải, xã Hải Nhân",
       "huyện Hoằng Hóa: xã Hoằng Đạt, xã Hoằng Quỳ, xã Hoằng Thanh",
       "huyện Thọ Xuân: xã Xuân Lai, xã Thọ Lâm, xã Xuân Hồng",
       "huyện Hậu Lộc: xã Hòa Lộc, xã Đa Lộc, xã Minh Lộc"),
    _p("Nghệ An", "37", "Quốc lộ 1A; Quốc lộ 7; Quốc lộ 46", "Lam; Hiếu",
       "Khu công nghiệp VSIP Nghệ An; Khu công nghiệp Nam Cấm; Khu công nghiệp Hoàng Mai",
       "thành phố Vinh: phường Hưng Dũng, phường Bến Thủy, phường Quang Trung",
       "thị xã Cửa Lò: phường Nghi Thủy, phường Thu Thủy, phường Nghi Hương",
       "huyện Diễn Châu: xã Diễn Thịnh, xã Diễn Kỷ, xã Diễn Hồng",
       "huyện Quỳnh Lưu: xã Quỳnh Bá, xã Quỳnh Thanh, xã Quỳnh Lương",
       "huyện Nghi Lộc: xã Nghi Long, xã Nghi Xá, xã Nghi Thạch",
       "huyện Nam Đàn: xã Kim Liên, xã Xuân Hòa, xã Nam Giang"),
    _p("Hà Tĩnh", "38", "Quốc lộ 1A; Quốc lộ 8; Quốc lộ 12C", "La; Ngàn Phố",
       "Khu công nghiệp Gia Lách; Khu công nghiệp Hạ Vàng",
       "thành phố Hà Tĩnh: phường Thạch Linh, phường Nam Hà, phường Trần Phú",
       "thị xã Kỳ Anh: phường Kỳ Trinh, phường Kỳ Long, xã Kỳ Hoa",
       "huyện Cẩm Xuyên: xã Cẩm Bình, xã Cẩm Thịnh, xã Cẩm Quan",
       "huyện Can Lộc: xã Vượng Lộc, xã Thiên Lộc, xã Trung Lộc",
       "huyện Thạch Hà: xã Thạch Đài, xã Thạch Kênh, xã Thạch Sơn"),
    _p("Quảng Bình", "73", "Quốc lộ 1A; Quốc lộ 12A; Quốc lộ 9B", "Gianh; Nhật Lệ",
       "Khu công nghiệp Tây Bắc Đồng Hới; Khu công nghiệp Bắc Đồng Hới",
       "thành phố Đồng Hới: phường Hải Thành, phường Đồng Phú, phường Bắc Lý",
       "thị xã Ba Đồn: phường Quảng Thọ, phường Quảng Phúc, xã Quảng Sơn",
       "huyện Bố Trạch: xã Sơn Trạch, xã Hải Trạch, xã Đại Trạch",
       "huyện Lệ Thủy: xã Mỹ Thủy, xã Hoa Thủy, xã Sen Thủy",
       "huyện Quảng Ninh: xã Võ Ninh, xã Gia Ninh, xã Hàm Ninh"),
    _p("Huế", "75", "Quốc lộ 1A; Quốc lộ 49; Quốc lộ 49B", "Hương; Bồ",
       "Khu công nghiệp Phong Điền; Khu công nghiệp Phú Bài",
       "thành phố Huế: phường Phú Hội, phường Vĩnh Ninh, phường Thuận Hòa",
       "thị xã Hương Thủy: phường Phú Bài, phường Thủy Dương, xã Thủy Thanh",
       "thị xã Hương Trà: phường Tứ Hạ, phường Hương Văn, xã Hương Thọ",
       "huyện Phú Vang: xã Phú Thuận, xã Vinh Thanh, xã Phú Diên",
       "huyện Phú Lộc: xã Lộc Bổn, xã Vinh Hiền, xã Lộc Trì", label="Thừa Thiên Huế"),
    _p("Đà Nẵng", "43", "Quốc lộ 1A; Quốc lộ 14B; đường Nguyễn Tất Thành", "Hàn; Cu Đê",
       "Khu công nghiệp Hòa Khánh; Khu công nghiệp Liên Chiểu; Khu công nghiệp Hòa Cầm",
       "quận Hải Châu: phường Thạch Thang, phường Hòa Cường Bắc, phường Bình Hiên",
       "quận Sơn Trà: phường An Hải Bắc, phường Thọ Quang, phường Mân Thái",
       "quận Liên Chiểu: phường Hòa Khánh Bắc, phường Hòa Minh, phường Hòa Hiệp Nam",
       "huyện Hòa Vang: xã Hòa Tiến, xã Hòa Phong, xã Hòa Bắc", city=True),
    _p("Quảng Nam", "92", "Quốc lộ 1A; Quốc lộ 14E; Quốc lộ 40B", "Thu Bồn; Vu Gia",
       "Khu công nghiệp Điện Nam – Điện Ngọc; Khu công nghiệp Tam Thăng; Khu công nghiệp Bắc Chu Lai",
       "thành phố Tam Kỳ: phường An Mỹ, phường Tân Thạnh, xã Tam Phú",
       "thành phố Hội An: phường Minh An, phường Cẩm Phô, xã Cẩm Thanh",
       "thị xã Điện Bàn: phường Vĩnh Điện, phường Điện Ngọc, xã Điện Hòa",
       "huyện Thăng Bình: xã Bình Triều, xã Bình Dương, xã Bình Nguyên",
       "huyện Núi Thành: xã Tam Nghĩa, xã Tam Hiệp, xã Tam Anh Nam"),
    _p("Khánh Hòa", "79", "Quốc lộ 1A; Quốc lộ 26; Quốc lộ 27C", "Cái",
       "Khu công nghiệp Suối Dầu; Khu công nghiệp Ninh Thủy",
       "thành phố Nha Trang: phường Lộc Thọ, phường Vĩnh Hòa, phường Phước Long",
       "thành phố Cam Ranh: phường Cam Nghĩa, phường Ba Ngòi, xã Cam Thịnh Đông",
       "thị xã Ninh Hòa: phường Ninh Hiệp, phường Ninh Đa, xã Ninh Ích",
       "huyện Diên Khánh: xã Diên An, xã Diên Phú, xã Diên Lạc",
       "huyện Vạn Ninh: xã Vạn Thắng, xã Vạn Hưng, xã Vạn Phước"),
    _p("Lâm Đồng", "49", "Quốc lộ 20; Quốc lộ 27; Quốc lộ 28", "Đồng Nai; Đa Nhim",
       "Khu công nghiệp Lộc Sơn; Khu công nghiệp Phú Hội",
       "thành phố Đà Lạt: phường 3, phường 8, xã Tà Nung",
       "thành phố Bảo Lộc: phường Lộc Phát, phường B'Lao, xã Đại Lào",
       "huyện Đức Trọng: xã Hiệp Thạnh, xã Liên Hiệp, thị trấn Liên Nghĩa",
       "huyện Di Linh: xã Gia Hiệp, xã Tân Châu, xã Đinh Lạc",
       "huyện Lâm Hà: xã Tân Hà, xã Đan Phượng, xã Hoài Đức"),
    _p("Đắk Lắk", "47", "Quốc lộ 14; Quốc lộ 26; Quốc lộ 27", "Sêrêpốk; Krông Ana",
       "Khu công nghiệp Hòa Phú",
       "thành phố Buôn Ma Thuột: phường Tân Lợi, phường Thành Công, phường Ea Tam",
       "thị xã Buôn Hồ: phường An Lạc, phường Đạt Hiếu, xã Ea Blang",
       "huyện Cư M'gar: xã Ea Kpam, xã Quảng Tiến, xã Ea Tul",
       "huyện Krông Pắc: xã Ea Kly, xã Hòa An, xã Ea Phê",
       "huyện Ea H'leo: xã Ea Khal, xã Dliê Yang, xã Ea Sol"),
    _p("Đồng Nai", "60", "Quốc lộ 1A; Quốc lộ 20; Quốc lộ 51", "Đồng Nai; La Ngà",
       "Khu công nghiệp Amata; Khu công nghiệp Biên Hòa 2; Khu công nghiệp Nhơn Trạch 3",
       "thành phố Biên Hòa: phường Tân Phong, phường Long Bình, phường Hố Nai",
       "thành phố Long Khánh: phường Xuân An, phường Suối Tre, xã Bảo Quang",
       "huyện Nhơn Trạch: xã Phước Thiền, xã Long Tân, xã Phú Hội",
       "huyện Trảng Bom: xã Bắc Sơn, xã Sông Trầu, xã Hố Nai 3",
       "huyện Long Thành: xã Bình Sơn, xã Long An, xã Phước Bình"),
    _p("Bình Dương", "61", "Quốc lộ 13; đường tỉnh 743; đường Mỹ Phước – Tân Vạn", "Sài Gòn; Đồng Nai",
       "Khu công nghiệp VSIP II; Khu công nghiệp Mỹ Phước 3; Khu công nghiệp Sóng Thần 2",
       "thành phố Thủ Dầu Một: phường Phú Cường, phường Chánh Nghĩa, phường Hiệp Thành",
       "thành phố Dĩ An: phường Đông Hòa, phường Tân Bình, phường An Bình",
       "thành phố Thuận An: phường Lái Thiêu, phường An Phú, phường Bình Chuẩn",
       "thành phố Tân Uyên: phường Uyên Hưng, phường Khánh Bình, phường Tân Phước Khánh",
       "thành phố Bến Cát: phường Mỹ Phước, phường Chánh Phú Hòa, phường Tân Định"),
    _p("TP Hồ Chí Minh", "51", "Quốc lộ 1A; Quốc lộ 22; Quốc lộ 13; Xa lộ Hà Nội", "Sài Gòn; Nhà Bè",
       "Khu chế xuất Tân Thuận; Khu công nghiệp Hiệp Phước; Khu công nghiệp Tân Tạo",
       "quận 1: phường Bến Nghé, phường Đa Kao, phường Cầu Ông Lãnh",
       "quận Bình Thạnh: phường 25, phường 26, phường 13",
       "thành phố Thủ Đức: phường Hiệp Bình Chánh, phường Linh Trung, phường Thảo Điền",
       "huyện Bình Chánh: xã Vĩnh Lộc A, xã Tân Kiên, xã Bình Hưng",
       "huyện Củ Chi: xã Tân Thạnh Đông, xã Phú Hòa Đông, xã Trung An",
       label="TP.HCM", city=True, body_name="Hồ Chí Minh"),
    _p("Long An", "62", "Quốc lộ 1A; Quốc lộ 62; Quốc lộ 50", "Vàm Cỏ Đông; Vàm Cỏ Tây",
       "Khu công nghiệp Đức Hòa 1; Khu công nghiệp Long Hậu; Khu công nghiệp Thuận Đạo",
       "thành phố Tân An: phường 2, phường Khánh Hậu, xã Lợi Bình Nhơn",
       "thị xã Kiến Tường: phường 1, xã Bình Hiệp, xã Thạnh Trị",
       "huyện Đức Hòa: xã Đức Hòa Hạ, xã Hựu Thạnh, xã Mỹ Hạnh Nam",
       "huyện Bến Lức: xã Thạnh Đức, xã Lương Bình, xã Mỹ Yên",
       "huyện Cần Giuộc: xã Long Hậu, xã Phước Lại, xã Tân Kim"),
    _p("Cần Thơ", "65", "Quốc lộ 1A; Quốc lộ 91; Quốc lộ 61C", "Hậu; Cần Thơ",
       "Khu công nghiệp Trà Nóc; Khu công nghiệp Hưng Phú",
       "quận Ninh Kiều: phường An Hòa, phường Xuân Khánh, phường Tân An",
       "quận Cái Răng: phường Lê Bình, phường Hưng Phú, phường Ba Láng",
       "quận Bình Thủy: phường Long Hòa, phường Trà An, phường Bùi Hữu Nghĩa",
       "huyện Phong Điền: xã Nhơn Ái, xã Mỹ Khánh, xã Tân Thới",
       "huyện Cờ Đỏ: xã Thới Hưng, xã Trung An, xã Đông Hiệp", city=True),
    _p("An Giang", "67", "Quốc lộ 91; Quốc lộ 80; Quốc lộ N1", "Hậu; Tiền",
       "Khu công nghiệp Bình Hòa; Khu công nghiệp Bình Long",
       "thành phố Long Xuyên: phường Mỹ Bình, phường Mỹ Xuyên, phường Bình Khánh",
       "thành phố Châu Đốc: phường Núi Sam, phường Vĩnh Mỹ, xã Vĩnh Châu",
       "thị xã Tân Châu: phường Long Thạnh, phường Long Sơn, xã Vĩnh Xương",
       "huyện Chợ Mới: xã Kiến An, xã Long Điền A, xã Mỹ Hội Đông",
       "huyện Tri Tôn: xã Lạc Quới, xã Núi Tô, xã Lương Phi"),
    _p("Cà Mau", "69", "Quốc lộ 1A; Quốc lộ 63; Quốc lộ 1 đoạn Cà Mau – Năm Căn", "Gành Hào; Ông Đốc",
       "Khu công nghiệp Khánh An; Khu công nghiệp Hòa Trung",
       "thành phố Cà Mau: phường Tân Xuyên, phường Tân Thành, xã Lý Văn Lâm",
       "huyện Năm Căn: xã Hàm Rồng, xã Tam Giang Đông, xã Đất Mới",
       "huyện Ngọc Hiển: xã Đất Mũi, xã Viên An, xã Tân Ân",
       "huyện U Minh: xã Khánh An, xã Nguyễn Phích, xã Khánh Lâm",
       "huyện Trần Văn Thời: xã Khánh Bình Tây, xã Phong Lạc, xã Lợi An"),
    _p("Sơn La", "26", "Quốc lộ 6; Quốc lộ 37; Quốc lộ 4G", "Đà; Mã", "Khu công nghiệp Mai Sơn",
       "thành phố Sơn La: phường Chiềng Lề, phường Quyết Thắng, xã Chiềng Ngần",
       "huyện Mộc Châu: xã Chiềng Sơn, xã Tân Lập, xã Đông Sang",
       "huyện Mai Sơn: xã Cò Nòi, xã Chiềng Mung, xã Hát Lót",
       "huyện Thuận Châu: xã Chiềng Ly, xã Phổng Lái, xã Tông Lạnh",
       "huyện Yên Châu: xã Chiềng Hặc, xã Viêng Lán, xã Sặp Vạt"),
    _p("Lào Cai", "24", "Quốc lộ 4D; Quốc lộ 70; Quốc lộ 4E", "Hồng; Chảy",
       "Khu công nghiệp Tằng Loỏng; Khu công nghiệp Đông Phố Mới",
       "thành phố Lào Cai: phường Cốc Lếu, phường Kim Tân, phường Duyên Hải",
       "thị xã Sa Pa: phường Sa Pa, phường Ô Quý Hồ, xã Tả Van",
       "huyện Bảo Thắng: xã Xuân Quang, xã Gia Phú, xã Phú Nhuận",
       "huyện Bát Xát: xã Quang Kim, xã Bản Qua, xã Mường Hum",
       "huyện Bắc Hà: xã Bản Phố, xã Tà Chải, xã Na Hối"),
    _p("Kiên Giang", "68", "Quốc lộ 80; Quốc lộ 61; Quốc lộ 63", "Cái Lớn; Cái Bé",
       "Khu công nghiệp Thạnh Lộc; Khu công nghiệp Thuận Yên",
       "thành phố Rạch Giá: phường Vĩnh Thanh Vân, phường An Hòa, phường Vĩnh Quang",
       "thành phố Phú Quốc: phường Dương Đông, phường An Thới, xã Cửa Dương",
       "thành phố Hà Tiên: phường Đông Hồ, phường Pháo Đài, xã Mỹ Đức",
       "huyện Kiên Lương: xã Bình An, xã Dương Hòa, xã Hòa Điền",
       "huyện Giồng Riềng: xã Thạnh Hưng, xã Ngọc Chúc, xã Hòa Thuận"),
)

BY_NAME: dict[str, Province] = {p.name: p for p in PROVINCES}

# Neighbours each provincial paper writes about besides its own province.
REGION_OF: dict[str, tuple[tuple[str, float], ...]] = {
    "Bắc Ninh": (("Bắc Ninh", 0.68), ("Bắc Giang", 0.24), ("Hải Dương", 0.03), ("Hưng Yên", 0.03),
                 ("Thái Nguyên", 0.02)),
    "Hải Dương": (("Hải Dương", 0.36), ("Hưng Yên", 0.14), ("Hải Phòng", 0.12), ("Nam Định", 0.1),
                  ("Thái Bình", 0.1), ("Bắc Ninh", 0.08), ("Bắc Giang", 0.06)),
}

# Weights for national outlets: the demo's focus region is over-represented.
NATIONAL_WEIGHTS: dict[str, float] = {p.name: 2.2 for p in PROVINCES}
NATIONAL_WEIGHTS.update({"Bắc Ninh": 11.0, "Bắc Giang": 10.0, "Hà Nội": 4.0, "TP Hồ Chí Minh": 3.5,
                         "Hải Dương": 3.0, "Hưng Yên": 2.8})
