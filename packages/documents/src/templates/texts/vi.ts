import type { LanguageTexts } from "../template.ts";

const particulars = {
  documentNumber: "Số văn bản",
  date: "Ngày",
  applicantName: "Người ký hợp đồng",
  applicationReference: "Mã đơn đăng ký",
  plan: "Gói cước",
  tariff: "Cước phí",
  deposit: "Tiền đặt cọc",
  minimumTerm: "Thời hạn sử dụng tối thiểu",
  operator: "Nhà mạng viễn thông",
};

const tariff = { monthly: "{price} mỗi tháng (đã gồm thuế)", prepaid: "{price} cho {days} ngày (đã gồm thuế)" };

export const vi: LanguageTexts = {
  languageName: "Tiếng Việt",
  formats: {
    yen: "{amount} yên",
    date: "ngày {day} tháng {month} năm {year}",
    thousandsSeparator: ".",
    months: "{count} tháng",
    none: "không có",
    labelSeparator: ": ",
    page: "{page} / {pages}",
  },
  services: { voice: "gọi thoại", sms: "SMS", data: "dữ liệu di động" },
  listSeparator: ", ",
  terms: {
    deposit:
      "Khi ký hợp đồng, bạn đặt cọc {amount}. Khi hợp đồng kết thúc, số tiền này được hoàn lại sau khi trừ các khoản cước chưa thanh toán.",
    noDeposit: "Không cần đặt cọc.",
    minimumTerm: "{months} kể từ ngày ký hợp đồng.",
    noMinimumTerm: "Không có thời hạn sử dụng tối thiểu.",
    cancellationFee: "Nếu hủy trong thời hạn tối thiểu, bạn phải trả phí hủy hợp đồng {fee} (đã gồm thuế).",
    noCancellationFee: "Không mất phí hủy hợp đồng.",
  },
  importantMatters: {
    title: "Bản giải thích các điều khoản quan trọng",
    intro:
      "Theo Điều 26 Luật Kinh doanh Viễn thông, chúng tôi giải thích các điều kiện dưới đây trước khi bạn ký hợp đồng. Vui lòng đọc kỹ trước khi đăng ký.",
    particulars,
    tariff,
    sections: {
      operator: {
        heading: "Nhà mạng viễn thông",
        body: "{operatorName}\n{operatorAddress}\nSố đăng ký: {registrationNumber}",
      },
      service: {
        heading: "Nội dung dịch vụ",
        body: "{planName} ({services}), sử dụng trong vùng phủ sóng của chúng tôi. Tốc độ là mức tối đa và có thể giảm khi mạng đông hoặc sóng yếu (nỗ lực tối đa).",
      },
      charges: {
        heading: "Cước phí",
        body: "{tariff}. Các khoản cước theo mức sử dụng như cước gọi được tính riêng theo biểu cước.",
      },
      deposit: { heading: "Tiền đặt cọc", body: "{deposit}" },
      term: { heading: "Thời hạn sử dụng tối thiểu", body: "{minimumTerm}" },
      initialCancellation: {
        heading: "Chế độ hủy hợp đồng ban đầu",
        body: "Trong vòng {initialCancellationDays} ngày kể từ ngày nhận văn bản này, bạn có thể hủy hợp đồng bằng văn bản hoặc phương thức điện tử mà không cần sự đồng ý của chúng tôi và không mất phí hủy. Cước sử dụng đến lúc hủy vẫn phải thanh toán.",
      },
      cancellation: {
        heading: "Hủy hợp đồng",
        body: "Bạn có thể hủy bất cứ lúc nào qua bộ phận hỗ trợ. {cancellationFee}",
      },
      identity: {
        heading: "Xác minh danh tính",
        body: "Theo Luật phòng chống sử dụng trái phép điện thoại di động, chúng tôi xác minh danh tính khi ký hợp đồng và lưu hồ sơ 3 năm sau khi hợp đồng kết thúc. Pháp luật cấm chuyển nhượng SIM cho người khác khi chưa có sự đồng ý của chúng tôi.",
      },
      personalData: {
        heading: "Xử lý thông tin cá nhân",
        body: "Chúng tôi xử lý thông tin cá nhân của bạn theo chính sách bảo mật ({operatorUrl}).",
      },
      contact: {
        heading: "Bộ phận hỗ trợ",
        body: "{operatorName}, điện thoại {operatorPhone} ({supportHours}), {operatorUrl}",
      },
    },
    acknowledgement: "Tôi đã được giải thích các điều khoản quan trọng nêu trên và đã hiểu nội dung.",
  },
  contract: {
    title: "Hợp đồng dịch vụ di động",
    intro:
      "{operatorName} (“chúng tôi”) và người ký hợp đồng dưới đây ký kết hợp đồng dịch vụ di động theo các điều kiện sau.",
    particulars,
    tariff,
    sections: {
      parties: {
        heading: "Điều 1 (Các bên)",
        body: "Nhà mạng: {operatorName} ({operatorAddress})\nNgười ký hợp đồng: người có tên ở mục “Người ký hợp đồng” phía trên",
      },
      subject: {
        heading: "Điều 2 (Nội dung hợp đồng)",
        body: "Chúng tôi cung cấp cho người ký hợp đồng {planName} ({services}).",
      },
      charges: { heading: "Điều 3 (Cước phí)", body: "{tariff}. Cước theo mức sử dụng như cước gọi theo biểu cước." },
      deposit: { heading: "Điều 4 (Tiền đặt cọc)", body: "{deposit}" },
      term: { heading: "Điều 5 (Thời hạn tối thiểu)", body: "{minimumTerm}" },
      cancellation: {
        heading: "Điều 6 (Hủy hợp đồng)",
        body: "Người ký hợp đồng có thể hủy hợp đồng này bất cứ lúc nào. {cancellationFee} Việc hủy hợp đồng ban đầu theo Bản giải thích các điều khoản quan trọng.",
      },
      obligations: {
        heading: "Điều 7 (Nghĩa vụ của người ký hợp đồng)",
        body: "Người ký hợp đồng không được chuyển nhượng hoặc cho mượn thẻ SIM hay eSIM cho người khác khi chưa có sự đồng ý của chúng tôi, và phải báo ngay cho chúng tôi khi thay đổi họ tên hoặc địa chỉ.",
      },
      identity: {
        heading: "Điều 8 (Xác minh danh tính)",
        body: "Chúng tôi xác minh danh tính người ký hợp đồng theo Luật phòng chống sử dụng trái phép điện thoại di động và lưu hồ sơ 3 năm sau khi hợp đồng kết thúc.",
      },
      law: {
        heading: "Điều 9 (Luật áp dụng và tòa án)",
        body: "Hợp đồng này tuân theo pháp luật Nhật Bản. Tòa án Quận Tokyo có thẩm quyền riêng ở cấp sơ thẩm.",
      },
    },
    seal: "Hợp đồng này được niêm phong bằng chữ ký điện tử và dấu thời gian của chúng tôi.",
  },
  receipt: {
    title: "Biên lai",
    intro: "Chúng tôi đã nhận số tiền dưới đây.",
    labels: {
      receiptNumber: "Số biên lai",
      date: "Ngày nhận",
      receivedFrom: "Người thanh toán",
      applicationReference: "Mã đơn đăng ký",
      paymentId: "Mã thanh toán",
      description: "Nội dung",
      amount: "Số tiền",
      issuer: "Đơn vị phát hành",
      consumptionTax: "Trong đó thuế tiêu dùng (10%)",
      invoiceRegistrationNumber: "Số đăng ký hóa đơn hợp lệ",
    },
    purposes: {
      deposit: "Tiền đặt cọc",
      plan_purchase: "Mua gói trả trước “{planName}”",
      monthly_charge: "Cước hằng tháng của “{planName}”",
    },
    notTaxable: "Không chịu thuế (tiền đặt cọc)",
    invoiceNumberAbsent: "Chưa đăng ký (biên lai này không phải hóa đơn hợp lệ)",
    taxNote: "Cước phí đã gồm thuế tiêu dùng. Tiền đặt cọc không chịu thuế tiêu dùng.",
  },
};
