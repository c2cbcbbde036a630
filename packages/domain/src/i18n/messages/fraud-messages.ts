import type { CheckMessages } from "../check-messages.ts";

/** Messages of the fraud controls (see check-messages.ts for the conventions). */
export const fraudCheckMessages: CheckMessages = {
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
