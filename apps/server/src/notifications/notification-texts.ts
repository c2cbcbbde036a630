import { interpolate, type Language, type Translations } from "@jitsumei/domain";

/**
 * Notices sent to the applicant as the application moves through review and issuance, in every
 * applicant language: a mail (subject and text) and a short SMS.
 *
 * Placeholders: {reference} (the application reference), {statusUrl} (the applicant's status page),
 * {deadline} (an already formatted date), {fields} (an already translated, newline-separated bullet
 * list), {message} (the reviewer's own words), {reason} (an already translated sentence) and {msisdn}
 * (the new phone number). An SMS carries only {reference} (and {msisdn} for `activated`): no links,
 * no personal data, and at most 60 characters in ja/zh/ko (one UCS-2 segment with room for the
 * reference) or 140 in en/vi.
 */
export const notificationTemplates = {
  application_received: {
    subject: {
      ja: "【Jitsumei】お申込みを受け付けました（{reference}）",
      en: "[Jitsumei] We have received your application ({reference})",
      "zh-Hans": "【Jitsumei】已收到您的申请（{reference}）",
      "zh-Hant": "【Jitsumei】已收到您的申請（{reference}）",
      ko: "[Jitsumei] 신청이 접수되었습니다 ({reference})",
      vi: "[Jitsumei] Chúng tôi đã nhận được hồ sơ của bạn ({reference})",
    },
    text: {
      ja: "お申込み {reference} を受け付けました。ありがとうございます。\n担当者が内容を確認しています。結果はメールでお知らせしますので、このままお待ちください。\nお申込み状況はこちらでご確認いただけます：{statusUrl}\n\nJitsumei",
      en: "Thank you. We have received your application {reference}.\nOur staff are now reviewing it and will e-mail you the result. You do not need to do anything for now.\nYou can check the status at any time: {statusUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "感谢您的申请。我们已收到您的申请 {reference}。\n工作人员正在审核，结果将通过电子邮件通知您，目前您无需进行任何操作。\n您可以随时在此查看申请进度：{statusUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "感謝您的申請。我們已收到您的申請 {reference}。\n工作人員正在審核，結果將以電子郵件通知您，目前您無需進行任何操作。\n您可以隨時在此查看申請進度：{statusUrl}\n\nJitsumei 團隊",
      ko: "신청해 주셔서 감사합니다. 신청({reference})이 접수되었습니다.\n담당 직원이 심사 중이며, 결과는 이메일로 알려 드립니다. 지금은 따로 하실 일이 없습니다.\n진행 상황은 언제든지 여기에서 확인하실 수 있습니다: {statusUrl}\n\nJitsumei 드림",
      vi: "Cảm ơn bạn. Chúng tôi đã nhận được hồ sơ {reference}.\nNhân viên đang xét duyệt và sẽ gửi kết quả cho bạn qua email. Hiện bạn không cần làm gì thêm.\nBạn có thể xem tình trạng hồ sơ bất cứ lúc nào tại: {statusUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}を受け付けました。審査結果はメールでお知らせします。",
      en: "[Jitsumei] We have received your application {reference}. Our staff are reviewing it and will e-mail you the result.",
      "zh-Hans": "【Jitsumei】已收到您的申请{reference}，审核结果将通过邮件通知您。",
      "zh-Hant": "【Jitsumei】已收到您的申請{reference}，審核結果將以電子郵件通知您。",
      ko: "[Jitsumei] 신청({reference})이 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.",
      vi: "[Jitsumei] Chúng tôi đã nhận được hồ sơ {reference}. Kết quả xét duyệt sẽ được gửi qua email.",
    },
  },
  correction_requested: {
    subject: {
      ja: "【Jitsumei】お申込み内容の修正のお願い（{reference}）",
      en: "[Jitsumei] Please correct your application ({reference})",
      "zh-Hans": "【Jitsumei】请修改您的申请内容（{reference}）",
      "zh-Hant": "【Jitsumei】請修正您的申請內容（{reference}）",
      ko: "[Jitsumei] 신청 내용 수정 요청 ({reference})",
      vi: "[Jitsumei] Vui lòng chỉnh sửa hồ sơ ({reference})",
    },
    text: {
      ja: "お申込み {reference} を担当者が確認したところ、次の項目の修正が必要です。\n{fields}\n\n担当者からのメッセージ：\n{message}\n\nお手数ですが、{deadline}までに修正して、もう一度送信してください。期限を過ぎると、お申込みは終了となります。\n修正はこちらから：{statusUrl}\n\nJitsumei",
      en: "Our staff have checked your application {reference}, and the following needs to be corrected:\n{fields}\n\nMessage from our staff:\n{message}\n\nPlease make the corrections and submit your application again by {deadline}. After that date, the application will be closed.\nMake the corrections here: {statusUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "工作人员审核了您的申请 {reference}，以下项目需要修改：\n{fields}\n\n工作人员留言：\n{message}\n\n请于 {deadline} 前完成修改并重新提交。逾期后本申请将被关闭。\n请在此修改：{statusUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "工作人員審核了您的申請 {reference}，以下項目需要修正：\n{fields}\n\n工作人員留言：\n{message}\n\n請於 {deadline} 前完成修正並重新送出。逾期後本申請將會關閉。\n請在此修正：{statusUrl}\n\nJitsumei 團隊",
      ko: "담당 직원이 신청({reference}) 내용을 확인한 결과, 다음 항목의 수정이 필요합니다.\n{fields}\n\n담당 직원의 메시지:\n{message}\n\n번거로우시겠지만 {deadline}까지 수정하여 다시 제출해 주세요. 기한이 지나면 신청이 종료됩니다.\n수정은 여기에서 하실 수 있습니다: {statusUrl}\n\nJitsumei 드림",
      vi: "Nhân viên đã kiểm tra hồ sơ {reference} của bạn và các mục sau cần được chỉnh sửa:\n{fields}\n\nLời nhắn từ nhân viên:\n{message}\n\nVui lòng chỉnh sửa và gửi lại hồ sơ chậm nhất vào {deadline}. Sau thời hạn này, hồ sơ sẽ bị đóng.\nChỉnh sửa tại đây: {statusUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}の修正をお願いします。詳しくはメールをご確認ください。",
      en: "[Jitsumei] Your application {reference} needs a correction. Please see our e-mail for the details and the deadline.",
      "zh-Hans": "【Jitsumei】您的申请{reference}需要修改，详情请查看邮件。",
      "zh-Hant": "【Jitsumei】您的申請{reference}需要修正，詳情請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference}) 내용의 수정이 필요합니다. 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Hồ sơ {reference} cần được chỉnh sửa. Vui lòng xem email để biết chi tiết và thời hạn.",
    },
  },
  approved: {
    subject: {
      ja: "【Jitsumei】本人確認が完了しました（{reference}）",
      en: "[Jitsumei] Your identity has been verified ({reference})",
      "zh-Hans": "【Jitsumei】身份验证已完成（{reference}）",
      "zh-Hant": "【Jitsumei】身分驗證已完成（{reference}）",
      ko: "[Jitsumei] 본인 확인이 완료되었습니다 ({reference})",
      vi: "[Jitsumei] Đã xác minh danh tính của bạn ({reference})",
    },
    text: {
      ja: "お申込み {reference} の本人確認が完了しました。お待たせいたしました。\n次のお手続きは、お申込み状況のページでご案内しています：{statusUrl}\n\nJitsumei",
      en: "We have verified your identity for application {reference}. Thank you for waiting.\nThe next steps are shown on your status page: {statusUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 已完成身份验证，感谢您的耐心等待。\n接下来的手续请在申请进度页面查看：{statusUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 已完成身分驗證，感謝您耐心等候。\n接下來的手續請至申請進度頁面查看：{statusUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 본인 확인이 완료되었습니다. 기다려 주셔서 감사합니다.\n다음 절차는 진행 상황 페이지에서 안내해 드립니다: {statusUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã xác minh xong danh tính của bạn cho hồ sơ {reference}. Cảm ơn bạn đã chờ đợi.\nCác bước tiếp theo được hướng dẫn trên trang tình trạng hồ sơ: {statusUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}の本人確認が完了しました。次のお手続きはメールをご確認ください。",
      en: "[Jitsumei] Your identity has been verified for application {reference}. Please see our e-mail for the next steps.",
      "zh-Hans": "【Jitsumei】申请{reference}已完成身份验证，后续手续请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}已完成身分驗證，後續手續請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 본인 확인이 완료되었습니다. 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Hồ sơ {reference} đã được xác minh danh tính. Vui lòng xem email để biết các bước tiếp theo.",
    },
  },
  rejected: {
    subject: {
      ja: "【Jitsumei】お申込みの審査結果について（{reference}）",
      en: "[Jitsumei] The result of your application ({reference})",
      "zh-Hans": "【Jitsumei】关于您的申请审核结果（{reference}）",
      "zh-Hant": "【Jitsumei】關於您的申請審核結果（{reference}）",
      ko: "[Jitsumei] 신청 심사 결과 안내 ({reference})",
      vi: "[Jitsumei] Kết quả xét duyệt hồ sơ ({reference})",
    },
    text: {
      ja: "お申込み {reference} を審査いたしましたが、誠に申し訳ございませんが、今回はお受けすることができませんでした。\n理由：{reason}\nご不明な点は、サポート窓口までお問い合わせください。\n詳しくはこちら：{statusUrl}\n\nJitsumei",
      en: "We have reviewed your application {reference}. We are sorry, but we cannot accept it.\nReason: {reason}\nIf you have any questions, please contact our support desk.\nDetails: {statusUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已审核您的申请 {reference}。很抱歉，此次无法受理。\n原因：{reason}\n如有疑问，请联系客服窗口。\n详情请查看：{statusUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們已審核您的申請 {reference}。很抱歉，此次無法受理。\n原因：{reason}\n如有疑問，請聯絡客服窗口。\n詳情請查看：{statusUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})을 심사한 결과, 죄송하지만 이번에는 신청을 접수해 드릴 수 없게 되었습니다.\n사유: {reason}\n궁금하신 점은 고객지원 창구로 문의해 주세요.\n자세한 내용: {statusUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã xét duyệt hồ sơ {reference}. Rất tiếc, lần này chúng tôi không thể chấp nhận hồ sơ của bạn.\nLý do: {reason}\nNếu có thắc mắc, vui lòng liên hệ bộ phận hỗ trợ.\nXem chi tiết tại: {statusUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}の審査結果をメールでお送りしました。ご確認ください。",
      en: "[Jitsumei] We have e-mailed you the result of your application {reference}. Please check your e-mail.",
      "zh-Hans": "【Jitsumei】申请{reference}的审核结果已通过邮件发送，请查收。",
      "zh-Hant": "【Jitsumei】申請{reference}的審核結果已寄至您的電子郵件，請查收。",
      ko: "[Jitsumei] 신청({reference})의 심사 결과를 이메일로 보내 드렸습니다. 확인해 주세요.",
      vi: "[Jitsumei] Chúng tôi đã gửi kết quả xét duyệt hồ sơ {reference} qua email. Vui lòng kiểm tra email.",
    },
  },
  expired: {
    subject: {
      ja: "【Jitsumei】お申込みの期限が過ぎました（{reference}）",
      en: "[Jitsumei] Your application has expired ({reference})",
      "zh-Hans": "【Jitsumei】您的申请已过期（{reference}）",
      "zh-Hant": "【Jitsumei】您的申請已逾期（{reference}）",
      ko: "[Jitsumei] 신청 기한이 만료되었습니다 ({reference})",
      vi: "[Jitsumei] Hồ sơ của bạn đã hết hạn ({reference})",
    },
    text: {
      ja: "お申込み {reference} は、期限の{deadline}までにお手続きが完了しなかったため、終了となりました。\n引き続きご希望の場合は、お手数ですが新しくお申込みください。\nお申込み状況：{statusUrl}\n\nJitsumei",
      en: "Your application {reference} was not completed by its deadline, {deadline}, so it has been closed.\nIf you still want a line, please start a new application.\nApplication status: {statusUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 未在截止日期（{deadline}）前完成，因此已关闭。\n如仍需办理，请重新提交申请。\n申请进度：{statusUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 未在期限（{deadline}）前完成，因此已關閉。\n如仍需辦理，請重新提出申請。\n申請進度：{statusUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})이 기한({deadline})까지 완료되지 않아 종료되었습니다.\n계속 원하시면 번거로우시겠지만 새로 신청해 주세요.\n신청 현황: {statusUrl}\n\nJitsumei 드림",
      vi: "Hồ sơ {reference} chưa được hoàn tất trước thời hạn {deadline} nên đã bị đóng.\nNếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới.\nTình trạng hồ sơ: {statusUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}は期限が過ぎたため終了しました。詳しくはメールをご確認ください。",
      en: "[Jitsumei] Your application {reference} was not completed in time and has been closed. Please see our e-mail for details.",
      "zh-Hans": "【Jitsumei】申请{reference}已逾期关闭，详情请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}已逾期關閉，詳情請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})이 기한 만료로 종료되었습니다. 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Hồ sơ {reference} đã hết hạn và bị đóng. Vui lòng xem email để biết chi tiết.",
    },
  },
  cancelled: {
    subject: {
      ja: "【Jitsumei】お申込みはキャンセルされました（{reference}）",
      en: "[Jitsumei] Your application has been cancelled ({reference})",
      "zh-Hans": "【Jitsumei】您的申请已取消（{reference}）",
      "zh-Hant": "【Jitsumei】您的申請已取消（{reference}）",
      ko: "[Jitsumei] 신청이 취소되었습니다 ({reference})",
      vi: "[Jitsumei] Hồ sơ của bạn đã bị hủy ({reference})",
    },
    text: {
      ja: "お申込み {reference} はキャンセルされました。\n改めてご希望の場合は、新しくお申込みください。お心当たりのない場合は、サポート窓口までお問い合わせください。\nお申込み状況：{statusUrl}\n\nJitsumei",
      en: "Your application {reference} has been cancelled.\nIf you would still like a line, please start a new application. If you did not expect this, please contact our support desk.\nApplication status: {statusUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 已取消。\n如仍需办理，请重新提交申请。如果您对此并不知情，请联系客服窗口。\n申请进度：{statusUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 已取消。\n如仍需辦理，請重新提出申請。如果您對此並不知情，請聯絡客服窗口。\n申請進度：{statusUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})이 취소되었습니다.\n다시 원하시면 새로 신청해 주세요. 예상하지 못한 취소라면 고객지원 창구로 문의해 주세요.\n신청 현황: {statusUrl}\n\nJitsumei 드림",
      vi: "Hồ sơ {reference} của bạn đã bị hủy.\nNếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới. Nếu bạn không biết về việc hủy này, vui lòng liên hệ bộ phận hỗ trợ.\nTình trạng hồ sơ: {statusUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}はキャンセルされました。詳しくはメールをご確認ください。",
      en: "[Jitsumei] Your application {reference} has been cancelled. If you did not expect this, please contact our support desk.",
      "zh-Hans": "【Jitsumei】您的申请{reference}已取消，详情请查看邮件。",
      "zh-Hant": "【Jitsumei】您的申請{reference}已取消，詳情請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})이 취소되었습니다. 자세한 내용은 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Hồ sơ {reference} của bạn đã bị hủy. Nếu bạn không biết về việc này, vui lòng liên hệ bộ phận hỗ trợ.",
    },
  },
  sim_ready: {
    subject: {
      ja: "【Jitsumei】SIMのご用意ができました（{reference}）",
      en: "[Jitsumei] Your SIM is ready ({reference})",
      "zh-Hans": "【Jitsumei】您的SIM卡已准备好（{reference}）",
      "zh-Hant": "【Jitsumei】您的SIM卡已準備好（{reference}）",
      ko: "[Jitsumei] SIM이 준비되었습니다 ({reference})",
      vi: "[Jitsumei] SIM của bạn đã sẵn sàng ({reference})",
    },
    text: {
      ja: "お申込み {reference} のSIMカードまたはeSIMをご用意しました。\neSIMの場合は、お申込み状況のページの手順に沿ってスマートフォンに設定し、開通してください。SIMカードの場合は、お手元に届いたら同じページの手順で開通してください。\n状況と設定手順はこちら：{statusUrl}\n\nJitsumei",
      en: "We have assigned a SIM card or eSIM to your application {reference}.\nFor an eSIM, follow the steps on your status page to install it on your phone and activate it. For a SIM card, follow the steps on the same page once it arrives.\nStatus and instructions: {statusUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已为您的申请 {reference} 分配了SIM卡或eSIM。\n如果是eSIM，请按照申请进度页面上的步骤在手机上安装并开通；如果是SIM卡，请在收到后按照同一页面的步骤开通。\n申请进度和操作说明：{statusUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們已為您的申請 {reference} 分配SIM卡或eSIM。\n如果是eSIM，請依照申請進度頁面上的步驟在手機上安裝並開通；如果是SIM卡，請在收到後依照同一頁面的步驟開通。\n申請進度與操作說明：{statusUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})에 SIM 카드 또는 eSIM이 배정되었습니다.\neSIM은 진행 상황 페이지의 안내에 따라 휴대전화에 설치하고 개통해 주세요. SIM 카드는 도착하면 같은 페이지의 안내에 따라 개통해 주세요.\n진행 상황 및 설정 방법: {statusUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã cấp thẻ SIM hoặc eSIM cho hồ sơ {reference} của bạn.\nVới eSIM, hãy làm theo hướng dẫn trên trang tình trạng hồ sơ để cài đặt vào điện thoại và kích hoạt. Với thẻ SIM, khi nhận được, hãy kích hoạt theo hướng dẫn trên cùng trang đó.\nTình trạng hồ sơ và hướng dẫn: {statusUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のSIMをご用意しました。開通方法はメールをご確認ください。",
      en: "[Jitsumei] Your SIM for application {reference} is ready. Please see our e-mail for how to activate it.",
      "zh-Hans": "【Jitsumei】申请{reference}的SIM卡已准备好，开通方法请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}的SIM卡已準備好，開通方式請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 SIM이 준비되었습니다. 개통 방법은 메일로 안내합니다.",
      vi: "[Jitsumei] SIM cho hồ sơ {reference} đã sẵn sàng. Vui lòng xem email để biết cách kích hoạt.",
    },
  },
  activated: {
    subject: {
      ja: "【Jitsumei】回線が開通しました（{reference}）",
      en: "[Jitsumei] Your line is now active ({reference})",
      "zh-Hans": "【Jitsumei】您的线路已开通（{reference}）",
      "zh-Hant": "【Jitsumei】您的門號已開通（{reference}）",
      ko: "[Jitsumei] 회선이 개통되었습니다 ({reference})",
      vi: "[Jitsumei] Thuê bao của bạn đã được kích hoạt ({reference})",
    },
    text: {
      ja: "お申込み {reference} の回線が開通しました。\n電話番号：{msisdn}\nJitsumeiをご利用いただき、ありがとうございます。\n\nJitsumei",
      en: "The line for your application {reference} is now active.\nYour phone number: {msisdn}\nThank you for choosing Jitsumei.\n\nThe Jitsumei team",
      "zh-Hans": "您的申请 {reference} 的线路已开通。\n电话号码：{msisdn}\n感谢您选择 Jitsumei。\n\nJitsumei 团队",
      "zh-Hant": "您的申請 {reference} 的門號已開通。\n電話號碼：{msisdn}\n感謝您選擇 Jitsumei。\n\nJitsumei 團隊",
      ko: "신청({reference})하신 회선이 개통되었습니다.\n전화번호: {msisdn}\nJitsumei를 이용해 주셔서 감사합니다.\n\nJitsumei 드림",
      vi: "Thuê bao của hồ sơ {reference} đã được kích hoạt.\nSố điện thoại của bạn: {msisdn}\nCảm ơn bạn đã chọn Jitsumei.\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】回線が開通しました。電話番号は{msisdn}です。（お申込み{reference}）",
      en: "[Jitsumei] Your line is now active. Your phone number is {msisdn} (application {reference}).",
      "zh-Hans": "【Jitsumei】您的线路已开通，电话号码为{msisdn}（申请{reference}）。",
      "zh-Hant": "【Jitsumei】您的門號已開通，電話號碼為{msisdn}（申請{reference}）。",
      ko: "[Jitsumei] 회선이 개통되었습니다. 전화번호는 {msisdn}입니다(신청 {reference}).",
      vi: "[Jitsumei] Thuê bao của bạn đã được kích hoạt. Số điện thoại: {msisdn} (hồ sơ {reference}).",
    },
  },
} as const satisfies Record<string, { subject: Translations; text: Translations; sms: Translations }>;

export type NotificationTemplate = keyof typeof notificationTemplates;

export type RenderedNotification = { subject: string; text: string; sms: string };

/** Fills a notice's placeholders in `language`. An unknown placeholder stays visible rather than vanishing. */
export function renderNotification(
  template: NotificationTemplate,
  language: Language,
  params: Record<string, string | number>,
): RenderedNotification {
  const t = notificationTemplates[template];
  return {
    subject: interpolate(t.subject[language], params),
    text: interpolate(t.text[language], params),
    sms: interpolate(t.sms[language], params),
  };
}
