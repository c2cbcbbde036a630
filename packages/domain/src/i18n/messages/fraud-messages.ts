import type { CheckMessages } from "./check-messages-type.ts";
import { staffWillCheck } from "./common-phrases.ts";

/** Messages of the fraud controls (see check-messages.ts for the conventions). */

export const fraudCheckMessages: CheckMessages = {
  "fraud.blocklist": {
    pass: {
      ja: "お申込みに問題はありませんでした。",
      en: "Nothing stands in the way of your application.",
      "zh-Hans": "您的申请没有问题。",
      "zh-Hant": "您的申請沒有問題。",
      ko: "신청에 문제가 없었습니다.",
      vi: "Hồ sơ của bạn không có vấn đề gì.",
    },
    fail: {
      ja: "申し訳ありませんが、このお申込みはお受けできません。詳しくはサポート窓口にお問い合わせください。",
      en: "We are sorry, but we cannot accept this application. Please contact our support desk for details.",
      "zh-Hans": "很抱歉，我们无法受理此申请。详情请联系客服窗口。",
      "zh-Hant": "很抱歉，我們無法受理此申請。詳情請聯絡客服窗口。",
      ko: "죄송하지만 이 신청은 접수할 수 없습니다. 자세한 내용은 고객지원 창구로 문의해 주세요.",
      vi: "Rất tiếc, chúng tôi không thể chấp nhận hồ sơ này. Vui lòng liên hệ bộ phận hỗ trợ để biết thêm chi tiết.",
    },
  },
  "fraud.velocity": {
    pass: {
      ja: "お申込みの件数に問題はありませんでした。",
      en: "The number of applications raised no questions.",
      "zh-Hans": "申请数量没有问题。",
      "zh-Hant": "申請數量沒有問題。",
      ko: "신청 건수에 문제가 없었습니다.",
      vi: "Số lượng hồ sơ không có vấn đề gì.",
    },
    review: {
      ja: `短い期間に同じ連絡先などから多くのお申込みがありました。${staffWillCheck.ja}`,
      en: `Many applications came from the same contact details in a short time. ${staffWillCheck.en}`,
      "zh-Hans": `短时间内有多份申请来自相同的联系方式。${staffWillCheck["zh-Hans"]}`,
      "zh-Hant": `短時間內有多份申請來自相同的聯絡方式。${staffWillCheck["zh-Hant"]}`,
      ko: `짧은 기간에 같은 연락처 등으로 많은 신청이 있었습니다. ${staffWillCheck.ko}`,
      vi: `Có nhiều hồ sơ từ cùng một thông tin liên hệ trong thời gian ngắn. ${staffWillCheck.vi}`,
    },
  },
  "fraud.disposable_email": {
    pass: {
      ja: "メールアドレスに問題はありませんでした。",
      en: "Your e-mail address raised no questions.",
      "zh-Hans": "您的电子邮件地址没有问题。",
      "zh-Hant": "您的電子郵件地址沒有問題。",
      ko: "이메일 주소에 문제가 없었습니다.",
      vi: "Địa chỉ email của bạn không có vấn đề gì.",
    },
    review: {
      ja: `一時的なメールアドレスが使われています。契約に関するご連絡をお届けできるよう、普段お使いのメールアドレスをおすすめします。${staffWillCheck.ja}`,
      en: `This looks like a temporary e-mail address. We recommend an address you keep, so that notices about your contract reach you. ${staffWillCheck.en}`,
      "zh-Hans": `这似乎是临时电子邮件地址。为确保能收到合同相关通知，建议使用您常用的邮箱。${staffWillCheck["zh-Hans"]}`,
      "zh-Hant": `這似乎是臨時電子郵件地址。為確保能收到合約相關通知，建議使用您常用的信箱。${staffWillCheck["zh-Hant"]}`,
      ko: `임시 이메일 주소로 보입니다. 계약 관련 안내를 받으실 수 있도록 평소 사용하시는 주소를 권장합니다. ${staffWillCheck.ko}`,
      vi: `Đây có vẻ là địa chỉ email tạm thời. Chúng tôi khuyên dùng địa chỉ bạn thường dùng để nhận được thông báo về hợp đồng. ${staffWillCheck.vi}`,
    },
  },
  "fraud.line_limit": {
    pass: {
      ja: "お一人あたりの契約回線数の上限内です。",
      en: "You are within the number of lines one person may hold.",
      "zh-Hans": "您在每人可持有的线路数量上限之内。",
      "zh-Hant": "您在每人可持有的門號數量上限之內。",
      ko: "1인당 보유할 수 있는 회선 수 이내입니다.",
      vi: "Bạn vẫn trong giới hạn số thuê bao mỗi người được giữ.",
    },
    fail: {
      ja: "音声通話の回線は、お一人あたり{limit}回線までです（事業者間の申し合わせ）。既にお持ちの回線を解約してから、もう一度お申込みください。",
      en: "One person may hold at most {limit} voice lines (an agreement among Japanese carriers). Please cancel a line you hold before applying again.",
      "zh-Hans": "每人最多可持有{limit}条语音线路（日本运营商之间的约定）。请先解约您已持有的线路后再重新申请。",
      "zh-Hant": "每人最多可持有{limit}個語音門號（日本電信業者之間的約定）。請先解約您已持有的門號後再重新申請。",
      ko: "음성 회선은 1인당 최대 {limit}회선까지입니다(일본 통신사 간 협약). 보유 중인 회선을 해지한 뒤 다시 신청해 주세요.",
      vi: "Mỗi người chỉ được giữ tối đa {limit} thuê bao thoại (thỏa thuận giữa các nhà mạng Nhật Bản). Vui lòng hủy một thuê bao đang có trước khi đăng ký lại.",
    },
  },
  "fraud.document_reused": {
    pass: {
      ja: "本人確認書類の番号に問題はありませんでした。",
      en: "Your document number raised no questions.",
      "zh-Hans": "您的证件号码没有问题。",
      "zh-Hant": "您的證件號碼沒有問題。",
      ko: "신분증 번호에 문제가 없었습니다.",
      vi: "Số giấy tờ của bạn không có vấn đề gì.",
    },
    review: {
      ja: "同じ番号の本人確認書類が別のお名前で使われています。担当者が確認しますので、このままお待ちください。",
      en: "A document with the same number was used under another name. Our staff will check it; you do not need to do anything now.",
      "zh-Hans": "相同号码的证件曾以其他姓名使用。工作人员将进行确认，您目前无需进行任何操作。",
      "zh-Hant": "相同號碼的證件曾以其他姓名使用。工作人員將進行確認，您目前無需進行任何操作。",
      ko: "같은 번호의 신분증이 다른 이름으로 사용된 적이 있습니다. 담당 직원이 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Một giấy tờ có cùng số đã được dùng dưới tên khác. Nhân viên của chúng tôi sẽ kiểm tra; hiện bạn không cần làm gì thêm.",
    },
  },
};
