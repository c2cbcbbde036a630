import { interpolate, type Language, type Translations } from "@jitsumei/domain";

/**
 * Notices sent to the applicant as the application moves through review and issuance, in every
 * applicant language: a mail (subject and text) and a short SMS.
 *
 * Placeholders: {reference} (the application reference), {signInUrl} (the sign-in page on PUBLIC_URL
 * with the reference filled in: it leads to the status page from any device and carries no secret),
 * {deadline} (an already formatted date), {fields} (an already translated, newline-separated bullet
 * list), {message} (the reviewer's own words), {reason} (an already translated sentence), {msisdn}
 * (the new phone number), {amount} (a formatted yen amount), {paymentNumber}, {confirmationNumber} (a
 * konbini slip's), {carrier}, {trackingNumber} and
 * {trackingUrl} (the carrier's tracking page, or the sign-in page where the carrier has none). An SMS
 * carries only {reference} (and {msisdn} for `activated`): no links, no personal data, and at most 60
 * characters in ja/zh/ko (one UCS-2 segment with room for the reference) or 140 in en/vi.
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
      ja: "お申込み {reference} を受け付けました。ありがとうございます。\n確認が進むたびにメールでお知らせします。\nお申込み状況は、どの端末からでも確認できます。次のページでお申込み時のメールアドレスを入力すると、確認コードをお送りします（受付番号は入力済みです）。\nお申込み状況はこちら：{signInUrl}\n\nJitsumei",
      en: "Thank you. We have received your application {reference}.\nWe will e-mail you at every step.\nYou can open your application from any device: on the page below, enter the e-mail address you applied with and we send you a sign-in code (the reference is already filled in).\nYour application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "感谢您的申请。我们已收到您的申请 {reference}。\n每一步进展我们都会通过电子邮件通知您。\n您可以在任何设备上查看申请：在下方页面输入申请时填写的电子邮件地址，我们会向您发送登录验证码（申请编号已填好）。\n您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "感謝您的申請。我們已收到您的申請 {reference}。\n每一步進展我們都會以電子郵件通知您。\n您可以在任何裝置上查看申請：在下方頁面輸入申請時填寫的電子郵件地址，我們會寄送登入驗證碼給您（申請編號已填好）。\n您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청해 주셔서 감사합니다. 신청({reference})이 접수되었습니다.\n진행될 때마다 이메일로 알려 드립니다.\n신청 내역은 어느 기기에서든 볼 수 있습니다. 아래 페이지에서 신청할 때 입력한 이메일 주소를 입력하시면 로그인 인증 코드를 보내 드립니다(접수번호는 입력되어 있습니다).\n신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Cảm ơn bạn. Chúng tôi đã nhận được hồ sơ {reference}.\nChúng tôi sẽ gửi email cho bạn ở mỗi bước.\nBạn có thể mở hồ sơ trên bất kỳ thiết bị nào: trên trang dưới đây, hãy nhập địa chỉ email đã dùng khi đăng ký, chúng tôi sẽ gửi cho bạn mã đăng nhập (mã hồ sơ đã được điền sẵn).\nHồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}を受け付けました。進み具合はメールでお知らせします。",
      en: "[Jitsumei] We have received your application {reference}. We will e-mail you at every step.",
      "zh-Hans": "【Jitsumei】已收到您的申请{reference}，每一步进展都会通过邮件通知您。",
      "zh-Hant": "【Jitsumei】已收到您的申請{reference}，每一步進展都會以電子郵件通知您。",
      ko: "[Jitsumei] 신청({reference})이 접수되었습니다. 진행 상황은 이메일로 알려 드립니다.",
      vi: "[Jitsumei] Chúng tôi đã nhận được hồ sơ {reference} và sẽ gửi email cho bạn ở mỗi bước.",
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
      ja: "お申込み {reference} を担当者が確認したところ、次の項目の修正が必要です。\n{fields}\n\n担当者からのメッセージ：\n{message}\n\nお手数ですが、{deadline}までに修正して、もう一度送信してください。期限を過ぎると、お申込みは終了となります。\n修正はこちらから：{signInUrl}\n\nJitsumei",
      en: "Our staff have checked your application {reference}, and the following needs to be corrected:\n{fields}\n\nMessage from our staff:\n{message}\n\nPlease make the corrections and submit your application again by {deadline}. After that date, the application will be closed.\nMake the corrections here: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "工作人员审核了您的申请 {reference}，以下项目需要修改：\n{fields}\n\n工作人员留言：\n{message}\n\n请于 {deadline} 前完成修改并重新提交。逾期后本申请将被关闭。\n请在此修改：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "工作人員審核了您的申請 {reference}，以下項目需要修正：\n{fields}\n\n工作人員留言：\n{message}\n\n請於 {deadline} 前完成修正並重新送出。逾期後本申請將會關閉。\n請在此修正：{signInUrl}\n\nJitsumei 團隊",
      ko: "담당 직원이 신청({reference}) 내용을 확인한 결과, 다음 항목의 수정이 필요합니다.\n{fields}\n\n담당 직원의 메시지:\n{message}\n\n번거로우시겠지만 {deadline}까지 수정하여 다시 제출해 주세요. 기한이 지나면 신청이 종료됩니다.\n수정은 여기에서 하실 수 있습니다: {signInUrl}\n\nJitsumei 드림",
      vi: "Nhân viên đã kiểm tra hồ sơ {reference} của bạn và các mục sau cần được chỉnh sửa:\n{fields}\n\nLời nhắn từ nhân viên:\n{message}\n\nVui lòng chỉnh sửa và gửi lại hồ sơ chậm nhất vào {deadline}. Sau thời hạn này, hồ sơ sẽ bị đóng.\nChỉnh sửa tại đây: {signInUrl}\n\nĐội ngũ Jitsumei",
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
  // The checks themselves sent the application back (no reviewer asked): what they found, no message.
  correction_checks: {
    subject: {
      ja: "【Jitsumei】お申込み内容の修正のお願い（{reference}）",
      en: "[Jitsumei] Please correct your application ({reference})",
      "zh-Hans": "【Jitsumei】请修改您的申请内容（{reference}）",
      "zh-Hant": "【Jitsumei】請修正您的申請內容（{reference}）",
      ko: "[Jitsumei] 신청 내용 수정 요청 ({reference})",
      vi: "[Jitsumei] Vui lòng chỉnh sửa hồ sơ ({reference})",
    },
    text: {
      ja: "お申込み {reference} を確認したところ、次の点の修正が必要です。\n{fields}\n\nお手数ですが、{deadline}までに修正して、もう一度送信してください。期限を過ぎると、お申込みは終了となります。\n修正はこちらから：{signInUrl}\n\nJitsumei",
      en: "We have checked your application {reference}, and the following needs to be corrected:\n{fields}\n\nPlease make the corrections and submit your application again by {deadline}. After that date, the application will be closed.\nMake the corrections here: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们审核了您的申请 {reference}，以下问题需要修改：\n{fields}\n\n请于 {deadline} 前完成修改并重新提交。逾期后本申请将被关闭。\n请在此修改：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們審核了您的申請 {reference}，以下問題需要修正：\n{fields}\n\n請於 {deadline} 前完成修正並重新送出。逾期後本申請將會關閉。\n請在此修正：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference}) 내용을 확인한 결과, 다음 사항의 수정이 필요합니다.\n{fields}\n\n번거로우시겠지만 {deadline}까지 수정하여 다시 제출해 주세요. 기한이 지나면 신청이 종료됩니다.\n수정은 여기에서 하실 수 있습니다: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã kiểm tra hồ sơ {reference} của bạn và các điểm sau cần được chỉnh sửa:\n{fields}\n\nVui lòng chỉnh sửa và gửi lại hồ sơ chậm nhất vào {deadline}. Sau thời hạn này, hồ sơ sẽ bị đóng.\nChỉnh sửa tại đây: {signInUrl}\n\nĐội ngũ Jitsumei",
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
      ja: "お申込み {reference} の本人確認が完了しました。お待たせいたしました。\n次のお手続きは、お申込み状況のページでご案内しています：{signInUrl}\n\nJitsumei",
      en: "We have verified your identity for application {reference}. Thank you for waiting.\nThe next steps are shown on your status page: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 已完成身份验证，感谢您的耐心等待。\n接下来的手续请在申请进度页面查看：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 已完成身分驗證，感謝您耐心等候。\n接下來的手續請至申請進度頁面查看：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 본인 확인이 완료되었습니다. 기다려 주셔서 감사합니다.\n다음 절차는 진행 상황 페이지에서 안내해 드립니다: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã xác minh xong danh tính của bạn cho hồ sơ {reference}. Cảm ơn bạn đã chờ đợi.\nCác bước tiếp theo được hướng dẫn trên trang tình trạng hồ sơ: {signInUrl}\n\nĐội ngũ Jitsumei",
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
      ja: "お申込み {reference} を審査いたしましたが、誠に申し訳ございませんが、今回はお受けすることができませんでした。\n理由：{reason}\nご不明な点は、サポート窓口までお問い合わせください。\n詳しくはこちら：{signInUrl}\n\nJitsumei",
      en: "We have reviewed your application {reference}. We are sorry, but we cannot accept it.\nReason: {reason}\nIf you have any questions, please contact our support desk.\nDetails: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已审核您的申请 {reference}。很抱歉，此次无法受理。\n原因：{reason}\n如有疑问，请联系客服窗口。\n详情请查看：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們已審核您的申請 {reference}。很抱歉，此次無法受理。\n原因：{reason}\n如有疑問，請聯絡客服窗口。\n詳情請查看：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})을 심사한 결과, 죄송하지만 이번에는 신청을 접수해 드릴 수 없게 되었습니다.\n사유: {reason}\n궁금하신 점은 고객지원 창구로 문의해 주세요.\n자세한 내용: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã xét duyệt hồ sơ {reference}. Rất tiếc, lần này chúng tôi không thể chấp nhận hồ sơ của bạn.\nLý do: {reason}\nNếu có thắc mắc, vui lòng liên hệ bộ phận hỗ trợ.\nXem chi tiết tại: {signInUrl}\n\nĐội ngũ Jitsumei",
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
      ja: "お申込み {reference} は、期限の{deadline}までにお手続きが完了しなかったため、終了となりました。\n引き続きご希望の場合は、お手数ですが新しくお申込みください。\nお申込み状況：{signInUrl}\n\nJitsumei",
      en: "Your application {reference} was not completed by its deadline, {deadline}, so it has been closed.\nIf you still want a line, please start a new application.\nApplication status: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 未在截止日期（{deadline}）前完成，因此已关闭。\n如仍需办理，请重新提交申请。\n申请进度：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 未在期限（{deadline}）前完成，因此已關閉。\n如仍需辦理，請重新提出申請。\n申請進度：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})이 기한({deadline})까지 완료되지 않아 종료되었습니다.\n계속 원하시면 번거로우시겠지만 새로 신청해 주세요.\n신청 현황: {signInUrl}\n\nJitsumei 드림",
      vi: "Hồ sơ {reference} chưa được hoàn tất trước thời hạn {deadline} nên đã bị đóng.\nNếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới.\nTình trạng hồ sơ: {signInUrl}\n\nĐội ngũ Jitsumei",
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
  activation_failed: {
    subject: {
      ja: "【Jitsumei】回線を開通できませんでした（{reference}）",
      en: "[Jitsumei] Your line could not be switched on ({reference})",
      "zh-Hans": "【Jitsumei】您的线路未能开通（{reference}）",
      "zh-Hant": "【Jitsumei】您的門號未能開通（{reference}）",
      ko: "[Jitsumei] 회선을 개통하지 못했습니다 ({reference})",
      vi: "[Jitsumei] Không thể kích hoạt thuê bao của bạn ({reference})",
    },
    text: {
      ja: "お申込み {reference} の回線を開通できませんでした。開通の手続きはすべて取り消し、料金は発生していません。番号を他社から移す場合、今までの回線はそのまま使えます。\n新しいSIM（eSIMの場合は新しいeSIM）をご用意し、準備ができたら別のメールでお知らせします。以前のSIMカードは使えませんので破棄し、以前のeSIMをインストール済みの場合は端末の設定から削除してください。\n状況はこちら：{signInUrl}\n\nJitsumei",
      en: "The line of your application {reference} could not be switched on. Everything was undone and nothing was charged for it. If you are bringing your number, your old line keeps working.\nWe are preparing a new SIM (or a new eSIM) and will e-mail you when it is ready. The earlier SIM card will not work: please destroy it; if you installed the earlier eSIM, delete it in your phone's settings.\nYour status page: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 的线路未能开通。所有开通操作均已撤销，不会产生任何费用。如果您是携号转入，原来的线路仍可照常使用。\n我们正在为您准备新的 SIM 卡（或新的 eSIM），准备好后会另行发邮件通知您。之前的 SIM 卡将无法使用，请将其销毁；如果您已安装之前的 eSIM，请在手机设置中将其删除。\n申请进度：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 的門號未能開通。所有開通操作均已撤銷，不會產生任何費用。如果您是攜碼轉入，原本的門號仍可照常使用。\n我們正在為您準備新的 SIM 卡（或新的 eSIM），準備好後會另行以電子郵件通知您。先前的 SIM 卡將無法使用，請將其銷毀；如果您已安裝先前的 eSIM，請在手機設定中將其刪除。\n申請進度：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 회선을 개통하지 못했습니다. 개통 절차는 모두 취소되었으며 요금은 발생하지 않았습니다. 번호이동을 신청하셨다면 기존 회선은 그대로 사용할 수 있습니다.\n새 SIM(또는 새 eSIM)을 준비하고 있으며, 준비되면 별도 메일로 알려 드립니다. 이전 SIM 카드는 사용할 수 없으니 폐기해 주시고, 이전 eSIM을 설치하셨다면 휴대폰 설정에서 삭제해 주세요.\n진행 상황: {signInUrl}\n\nJitsumei 드림",
      vi: "Không thể kích hoạt thuê bao của hồ sơ {reference}. Mọi thao tác đã được hủy và bạn không bị tính phí. Nếu bạn chuyển số sang, thuê bao cũ vẫn dùng bình thường.\nChúng tôi đang chuẩn bị SIM mới (hoặc eSIM mới) và sẽ gửi email khi sẵn sàng. Thẻ SIM trước đó sẽ không dùng được: vui lòng hủy bỏ; nếu bạn đã cài eSIM trước đó, hãy xóa nó trong phần cài đặt điện thoại.\nTình trạng hồ sơ: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】{reference}の回線を開通できず、取り消しました。詳しくはメールをご確認ください。",
      en: "[Jitsumei] The line of {reference} could not be switched on and was undone. Please see our e-mail.",
      "zh-Hans": "【Jitsumei】{reference}的线路未能开通，已撤销。详情请查看邮件。",
      "zh-Hant": "【Jitsumei】{reference}的門號未能開通，已撤銷。詳情請查看電子郵件。",
      ko: "[Jitsumei] {reference} 회선을 개통하지 못해 취소했습니다. 메일을 확인해 주세요.",
      vi: "[Jitsumei] Thuê bao của {reference} chưa kích hoạt được và đã được hủy. Vui lòng xem email.",
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
      ja: "お申込み {reference} はキャンセルされました。\n改めてご希望の場合は、新しくお申込みください。お心当たりのない場合は、サポート窓口までお問い合わせください。\nお申込み状況：{signInUrl}\n\nJitsumei",
      en: "Your application {reference} has been cancelled.\nIf you would still like a line, please start a new application. If you did not expect this, please contact our support desk.\nApplication status: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 已取消。\n如仍需办理，请重新提交申请。如果您对此并不知情，请联系客服窗口。\n申请进度：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 已取消。\n如仍需辦理，請重新提出申請。如果您對此並不知情，請聯絡客服窗口。\n申請進度：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})이 취소되었습니다.\n다시 원하시면 새로 신청해 주세요. 예상하지 못한 취소라면 고객지원 창구로 문의해 주세요.\n신청 현황: {signInUrl}\n\nJitsumei 드림",
      vi: "Hồ sơ {reference} của bạn đã bị hủy.\nNếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới. Nếu bạn không biết về việc hủy này, vui lòng liên hệ bộ phận hỗ trợ.\nTình trạng hồ sơ: {signInUrl}\n\nĐội ngũ Jitsumei",
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
      ja: "【Jitsumei】SIMカードのご用意ができました（{reference}）",
      en: "[Jitsumei] Your SIM card is ready ({reference})",
      "zh-Hans": "【Jitsumei】您的SIM卡已准备好（{reference}）",
      "zh-Hant": "【Jitsumei】您的SIM卡已準備好（{reference}）",
      ko: "[Jitsumei] SIM 카드가 준비되었습니다 ({reference})",
      vi: "[Jitsumei] Thẻ SIM của bạn đã sẵn sàng ({reference})",
    },
    text: {
      ja: "お申込み {reference} のSIMカードをご用意しました。\nお申込みのご住所へ郵送します。発送したら、追跡番号をメールでお知らせします。お手元に届いたら、お申込み状況のページの手順で開通してください。\n状況と開通の手順はこちら：{signInUrl}\n\nJitsumei",
      en: "We have assigned a SIM card to your application {reference}.\nWe will post it to the address you gave and e-mail you the tracking number when it leaves. When it arrives, activate it by following the steps on your status page.\nStatus and instructions: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已为您的申请 {reference} 准备好SIM卡。\n我们会将其邮寄到您填写的地址，寄出时会通过邮件告知追踪号码。收到后，请按照申请进度页面上的步骤开通。\n申请进度和开通步骤：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們已為您的申請 {reference} 準備好SIM卡。\n我們會將其郵寄到您填寫的地址，寄出時會以電子郵件告知追蹤號碼。收到後，請依照申請進度頁面上的步驟開通。\n申請進度與開通步驟：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 SIM 카드가 준비되었습니다.\n입력하신 주소로 우편 발송하며, 발송하면 추적 번호를 이메일로 알려 드립니다. 카드를 받으시면 진행 상황 페이지의 안내에 따라 개통해 주세요.\n진행 상황 및 개통 방법: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã chuẩn bị thẻ SIM cho hồ sơ {reference} của bạn.\nChúng tôi sẽ gửi thẻ qua bưu điện đến địa chỉ bạn đã cung cấp và gửi email mã vận đơn khi thẻ được gửi đi. Khi nhận được thẻ, hãy kích hoạt theo hướng dẫn trên trang tình trạng hồ sơ.\nTình trạng hồ sơ và hướng dẫn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のSIMカードをご用意しました。発送したらお知らせします。",
      en: "[Jitsumei] The SIM card for application {reference} is ready. We will tell you when it is posted.",
      "zh-Hans": "【Jitsumei】申请{reference}的SIM卡已准备好，寄出时会通知您。",
      "zh-Hant": "【Jitsumei】申請{reference}的SIM卡已準備好，寄出時會通知您。",
      ko: "[Jitsumei] 신청({reference})의 SIM 카드가 준비되었습니다. 발송 시 알려 드립니다.",
      vi: "[Jitsumei] Thẻ SIM cho hồ sơ {reference} đã sẵn sàng. Chúng tôi sẽ báo khi gửi thẻ đi.",
    },
  },
  sim_ready_esim: {
    subject: {
      ja: "【Jitsumei】eSIMのご用意ができました（{reference}）",
      en: "[Jitsumei] Your eSIM is ready ({reference})",
      "zh-Hans": "【Jitsumei】您的eSIM已准备好（{reference}）",
      "zh-Hant": "【Jitsumei】您的eSIM已準備好（{reference}）",
      ko: "[Jitsumei] eSIM이 준비되었습니다 ({reference})",
      vi: "[Jitsumei] eSIM của bạn đã sẵn sàng ({reference})",
    },
    text: {
      ja: "お申込み {reference} のeSIMをご用意しました。\nお申込み状況のページに表示されるQRコードを、回線を使うスマートフォンで読み取ってeSIMをインストールし、同じページの手順で開通してください（Wi-Fiにつないで、インストールは一度だけ）。\n状況と設定手順はこちら：{signInUrl}\n\nJitsumei",
      en: "We have assigned an eSIM to your application {reference}.\nScan the QR code on your status page with the phone that will use the line to install the eSIM (on Wi-Fi; install it only once), then activate it by following the steps on the same page.\nStatus and instructions: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已为您的申请 {reference} 准备好eSIM。\n请用将使用该线路的手机扫描申请进度页面上的二维码安装eSIM（请连接Wi-Fi，只需安装一次），然后按照同一页面的步骤开通。\n申请进度和操作说明：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們已為您的申請 {reference} 準備好eSIM。\n請用將使用此門號的手機掃描申請進度頁面上的QR碼安裝eSIM（請連上Wi-Fi，只需安裝一次），然後依照同一頁面的步驟開通。\n申請進度與操作說明：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 eSIM이 준비되었습니다.\n회선을 사용할 휴대폰으로 진행 상황 페이지의 QR 코드를 스캔해 eSIM을 설치하고(Wi-Fi 연결, 설치는 한 번만), 같은 페이지의 안내에 따라 개통해 주세요.\n진행 상황 및 설정 방법: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã cấp eSIM cho hồ sơ {reference} của bạn.\nHãy dùng điện thoại sẽ sử dụng thuê bao quét mã QR trên trang tình trạng hồ sơ để cài eSIM (kết nối Wi-Fi; chỉ cài một lần), rồi kích hoạt theo hướng dẫn trên cùng trang đó.\nTình trạng hồ sơ và hướng dẫn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のeSIMをご用意しました。設定方法はメールをご確認ください。",
      en: "[Jitsumei] The eSIM for application {reference} is ready. Please see our e-mail for how to install it.",
      "zh-Hans": "【Jitsumei】申请{reference}的eSIM已准备好，安装方法请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}的eSIM已準備好，安裝方式請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 eSIM이 준비되었습니다. 설치 방법은 메일로 안내합니다.",
      vi: "[Jitsumei] eSIM cho hồ sơ {reference} đã sẵn sàng. Vui lòng xem email để biết cách cài đặt.",
    },
  },
  sim_ready_in_hand: {
    subject: {
      ja: "【Jitsumei】SIMカードを開通できます（{reference}）",
      en: "[Jitsumei] Your SIM card can be activated ({reference})",
      "zh-Hans": "【Jitsumei】您的SIM卡可以开通了（{reference}）",
      "zh-Hant": "【Jitsumei】您的SIM卡可以開通了（{reference}）",
      ko: "[Jitsumei] SIM 카드를 개통할 수 있습니다 ({reference})",
      vi: "[Jitsumei] Thẻ SIM của bạn có thể kích hoạt ({reference})",
    },
    text: {
      ja: "お申込み {reference} の確認が済み、お手元のSIMカードを開通できるようになりました。\nお申込み状況のページの手順で開通してください。\n状況と開通の手順はこちら：{signInUrl}\n\nJitsumei",
      en: "Your application {reference} is complete: the SIM card you have can now be activated.\nActivate it by following the steps on your status page.\nStatus and instructions: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 已完成，您手中的SIM卡现在可以开通了。\n请按照申请进度页面上的步骤开通。\n申请进度和开通步骤：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 已完成，您手上的SIM卡現在可以開通了。\n請依照申請進度頁面上的步驟開通。\n申請進度與開通步驟：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})이 완료되어 가지고 계신 SIM 카드를 이제 개통할 수 있습니다.\n진행 상황 페이지의 안내에 따라 개통해 주세요.\n진행 상황 및 개통 방법: {signInUrl}\n\nJitsumei 드림",
      vi: "Hồ sơ {reference} đã hoàn tất: thẻ SIM bạn đang có giờ đã có thể kích hoạt.\nHãy kích hoạt theo hướng dẫn trên trang tình trạng hồ sơ.\nTình trạng hồ sơ và hướng dẫn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のSIMカードを開通できます。手順はメールをご確認ください。",
      en: "[Jitsumei] The SIM card for application {reference} can now be activated. See our e-mail for the steps.",
      "zh-Hans": "【Jitsumei】申请{reference}的SIM卡可以开通了，步骤请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}的SIM卡可以開通了，步驟請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 SIM 카드를 개통할 수 있습니다. 메일을 확인해 주세요.",
      vi: "[Jitsumei] Thẻ SIM cho hồ sơ {reference} đã có thể kích hoạt. Xem email để biết các bước.",
    },
  },
  payment_due: {
    subject: {
      ja: "【Jitsumei】本人確認が完了しました。お支払いをお願いします（{reference}）",
      en: "[Jitsumei] Your identity has been verified: please pay for your plan ({reference})",
      "zh-Hans": "【Jitsumei】身份验证已完成，请支付套餐费用（{reference}）",
      "zh-Hant": "【Jitsumei】身分驗證已完成，請支付方案費用（{reference}）",
      ko: "[Jitsumei] 본인 확인 완료: 요금을 결제해 주세요 ({reference})",
      vi: "[Jitsumei] Đã xác minh danh tính: vui lòng thanh toán gói cước ({reference})",
    },
    text: {
      ja: "お申込み {reference} の本人確認が完了しました。\nSIMをお渡しする前に、プランの料金 {amount}（税込）のお支払いをお願いします。お支払い期限は {deadline} です。\nお申込み状況のページで、クレジットカードでお支払いいただくか、コンビニ払いの払込番号を発行してコンビニのレジでお支払いください。お支払いが確認でき次第、SIMをご用意します。\nお支払いはこちら：{signInUrl}\n\nJitsumei",
      en: "We have verified your identity for application {reference}.\nBefore we release your SIM, please pay the plan's price, {amount} (tax included), by {deadline}.\nOn your application page, pay by card, or get a payment number and pay in cash at a convenience store's till. We prepare your SIM as soon as the payment is confirmed.\nPay here: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 已完成身份验证。\n在向您提供SIM之前，请于 {deadline} 前支付套餐费用 {amount}（含税）。\n请在申请页面用信用卡支付，或获取付款编号后到便利店收银台用现金支付。确认付款后，我们会立即为您准备SIM。\n在此支付：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 已完成身分驗證。\n在提供SIM之前，請於 {deadline} 前支付方案費用 {amount}（含稅）。\n請在申請頁面以信用卡付款，或取得繳費編號後到便利商店櫃台以現金付款。確認付款後，我們會立即為您準備SIM。\n在此付款：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 본인 확인이 완료되었습니다.\nSIM을 드리기 전에 요금제 요금 {amount}(세금 포함)을(를) {deadline}까지 결제해 주세요.\n신청 페이지에서 카드로 결제하시거나, 결제 번호를 발급받아 편의점 계산대에서 현금으로 결제해 주세요. 결제가 확인되는 대로 SIM을 준비합니다.\n결제하기: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã xác minh danh tính của bạn cho hồ sơ {reference}.\nTrước khi cấp SIM, vui lòng thanh toán giá gói cước {amount} (đã gồm thuế) chậm nhất vào {deadline}.\nTrên trang hồ sơ, hãy thanh toán bằng thẻ, hoặc lấy mã thanh toán rồi trả tiền mặt tại quầy thu ngân cửa hàng tiện lợi. Chúng tôi sẽ chuẩn bị SIM ngay khi xác nhận được khoản thanh toán.\nThanh toán tại đây: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】本人確認が完了しました。お申込み{reference}の料金をお支払いください。",
      en: "[Jitsumei] Identity verified for application {reference}. Please pay for your plan: see our e-mail for how.",
      "zh-Hans": "【Jitsumei】申请{reference}已完成身份验证，请支付套餐费用，详见邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}已完成身分驗證，請支付方案費用，詳見電子郵件。",
      ko: "[Jitsumei] 신청({reference}) 본인 확인 완료. 요금을 결제해 주세요.",
      vi: "[Jitsumei] Hồ sơ {reference} đã xác minh. Vui lòng thanh toán gói cước, xem email để biết cách.",
    },
  },
  contract_ready: {
    subject: {
      ja: "【Jitsumei】ご契約書類をご確認ください（{reference}）",
      en: "[Jitsumei] Your contract is ready to sign ({reference})",
      "zh-Hans": "【Jitsumei】请查看并签署合同（{reference}）",
      "zh-Hant": "【Jitsumei】請查看並簽署合約（{reference}）",
      ko: "[Jitsumei] 계약서에 서명해 주세요 ({reference})",
      vi: "[Jitsumei] Hợp đồng của bạn đã sẵn sàng để ký ({reference})",
    },
    text: {
      ja: "お申込み {reference} の審査が終わり、ご契約の準備ができました。\n重要事項説明と契約書をお読みいただき、お申込み状況のページで同意・署名してください。署名が済むと、SIMの手配に進みます。\nお申込み状況はこちら：{signInUrl}\n\nJitsumei",
      en: "Your application {reference} has been approved and your contract is ready.\nPlease read the important-matters explanation and the contract, then agree and sign on your application page. Once it is signed, we prepare your SIM.\nYour application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 已审核通过，合同已准备好。\n请阅读重要事项说明和合同，然后在申请页面同意并签署。签署后我们将为您准备SIM。\n您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 已審核通過，合約已準備好。\n請閱讀重要事項說明與合約，然後在申請頁面同意並簽署。簽署後我們將為您準備SIM。\n您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 심사가 끝나 계약 준비가 완료되었습니다.\n중요사항 설명서와 계약서를 읽으신 후 신청 페이지에서 동의하고 서명해 주세요. 서명하시면 SIM 준비를 시작합니다.\n신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Hồ sơ {reference} đã được duyệt và hợp đồng của bạn đã sẵn sàng.\nVui lòng đọc bản giải thích các điều khoản quan trọng và hợp đồng, sau đó đồng ý và ký trên trang hồ sơ. Sau khi ký, chúng tôi sẽ chuẩn bị SIM cho bạn.\nHồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}の契約書類をご用意しました。メールをご確認のうえ署名してください。",
      en: "[Jitsumei] The contract for application {reference} is ready to sign. Please see our e-mail.",
      "zh-Hans": "【Jitsumei】申请{reference}的合同已准备好，请查看邮件后签署。",
      "zh-Hant": "【Jitsumei】申請{reference}的合約已準備好，請查看電子郵件後簽署。",
      ko: "[Jitsumei] 신청({reference})의 계약서가 준비되었습니다. 이메일을 확인하고 서명해 주세요.",
      vi: "[Jitsumei] Hợp đồng cho hồ sơ {reference} đã sẵn sàng để ký. Vui lòng xem email.",
    },
  },
  deposit_due: {
    subject: {
      ja: "【Jitsumei】預託金のお支払いのお願い（{reference}）",
      en: "[Jitsumei] Please pay your deposit ({reference})",
      "zh-Hans": "【Jitsumei】请支付押金（{reference}）",
      "zh-Hant": "【Jitsumei】請支付保證金（{reference}）",
      ko: "[Jitsumei] 보증금 납부 안내 ({reference})",
      vi: "[Jitsumei] Vui lòng thanh toán tiền đặt cọc ({reference})",
    },
    text: {
      ja: "お申込み {reference} のご契約ありがとうございます。\n契約書に記載の預託金 {amount} のお支払いをお願いします。お支払いはお申込み状況のページから手続きできます。お支払いが確認でき次第、SIMの手配に進みます。\nお申込み状況はこちら：{signInUrl}\n\nJitsumei",
      en: "Thank you for signing the contract for application {reference}.\nPlease pay the deposit stated in your contract, {amount}. You can pay on your application page; we prepare your SIM as soon as the payment is confirmed.\nYour application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "感谢您签署申请 {reference} 的合同。\n请支付合同中注明的押金 {amount}。您可以在申请页面办理支付，确认付款后我们将立即为您准备SIM。\n您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "感謝您簽署申請 {reference} 的合約。\n請支付合約中載明的保證金 {amount}。您可以在申請頁面辦理付款，確認付款後我們將立即為您準備SIM。\n您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 계약서에 서명해 주셔서 감사합니다.\n계약서에 기재된 보증금 {amount}을(를) 납부해 주세요. 납부는 신청 페이지에서 하실 수 있으며, 납부가 확인되는 대로 SIM 준비를 시작합니다.\n신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Cảm ơn bạn đã ký hợp đồng cho hồ sơ {reference}.\nVui lòng thanh toán tiền đặt cọc ghi trong hợp đồng: {amount}. Bạn có thể thanh toán trên trang hồ sơ; chúng tôi sẽ chuẩn bị SIM ngay khi xác nhận được khoản thanh toán.\nHồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}の預託金のお支払いをお願いします。詳しくはメールをご確認ください。",
      en: "[Jitsumei] Please pay the deposit for application {reference}. See our e-mail for the amount and how to pay.",
      "zh-Hans": "【Jitsumei】请支付申请{reference}的押金，金额和支付方式请查看邮件。",
      "zh-Hant": "【Jitsumei】請支付申請{reference}的保證金，金額與付款方式請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 보증금을 납부해 주세요. 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Vui lòng thanh toán tiền đặt cọc cho hồ sơ {reference}. Xem email để biết số tiền và cách thanh toán.",
    },
  },
  payment_received: {
    subject: {
      ja: "【Jitsumei】お支払いを確認しました（{reference}）",
      en: "[Jitsumei] We have received your payment ({reference})",
      "zh-Hans": "【Jitsumei】已确认您的付款（{reference}）",
      "zh-Hant": "【Jitsumei】已確認您的付款（{reference}）",
      ko: "[Jitsumei] 결제가 확인되었습니다 ({reference})",
      vi: "[Jitsumei] Đã nhận được thanh toán của bạn ({reference})",
    },
    text: {
      ja: "お申込み {reference} のお支払い（{amount}）を確認しました。ありがとうございます。\n領収書はお申込み状況のページでご確認いただけます。続いてSIMの手配に進みます。\nお申込み状況はこちら：{signInUrl}\n\nJitsumei",
      en: "We have received your payment of {amount} for application {reference}. Thank you.\nYour receipt is on your application page. We now prepare your SIM.\nYour application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已确认您为申请 {reference} 支付的 {amount}，谢谢。\n收据可在申请页面查看。接下来我们将为您准备SIM。\n您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們已確認您為申請 {reference} 支付的 {amount}，謝謝。\n收據可在申請頁面查看。接下來我們將為您準備SIM。\n您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 결제 {amount}이(가) 확인되었습니다. 감사합니다.\n영수증은 신청 페이지에서 보실 수 있습니다. 이어서 SIM 준비를 시작합니다.\n신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã nhận được khoản thanh toán {amount} cho hồ sơ {reference}. Cảm ơn bạn.\nBiên lai có trên trang hồ sơ của bạn. Tiếp theo, chúng tôi sẽ chuẩn bị SIM cho bạn.\nHồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のお支払いを確認しました。ありがとうございます。",
      en: "[Jitsumei] We have received your payment for application {reference}. Thank you.",
      "zh-Hans": "【Jitsumei】已确认申请{reference}的付款，谢谢。",
      "zh-Hant": "【Jitsumei】已確認申請{reference}的付款，謝謝。",
      ko: "[Jitsumei] 신청({reference})의 결제가 확인되었습니다. 감사합니다.",
      vi: "[Jitsumei] Chúng tôi đã nhận được thanh toán cho hồ sơ {reference}. Cảm ơn bạn.",
    },
  },
  shipped: {
    subject: {
      ja: "【Jitsumei】SIMカードを発送しました（{reference}）",
      en: "[Jitsumei] Your SIM card is on its way ({reference})",
      "zh-Hans": "【Jitsumei】SIM卡已寄出（{reference}）",
      "zh-Hant": "【Jitsumei】SIM卡已寄出（{reference}）",
      ko: "[Jitsumei] SIM 카드를 발송했습니다 ({reference})",
      vi: "[Jitsumei] Thẻ SIM của bạn đã được gửi đi ({reference})",
    },
    text: {
      ja: "お申込み {reference} のSIMカードを発送しました。\n配送：{carrier}（お問い合わせ番号 {trackingNumber}）\n配送状況：{trackingUrl}\n受け取りの際に本人確認書類の提示を求められることがあります。届いたら、お申込み状況のページの手順で開通してください。\nお申込み状況はこちら：{signInUrl}\n\nJitsumei",
      en: "We have posted the SIM card for your application {reference}.\nCarrier: {carrier} (tracking number {trackingNumber})\nTrack it: {trackingUrl}\nThe carrier may ask to see your ID when it is delivered. Once it arrives, activate it by following the steps on your application page.\nYour application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 的SIM卡已寄出。\n承运方：{carrier}（查询单号 {trackingNumber}）\n物流查询：{trackingUrl}\n签收时可能需要出示身份证件。收到后，请按照申请页面上的步骤开通。\n您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 的SIM卡已寄出。\n配送業者：{carrier}（查詢號碼 {trackingNumber}）\n配送查詢：{trackingUrl}\n收件時可能需要出示身分證件。收到後，請依照申請頁面上的步驟開通。\n您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 SIM 카드를 발송했습니다.\n배송: {carrier} (운송장 번호 {trackingNumber})\n배송 조회: {trackingUrl}\n받으실 때 신분증 제시를 요구받을 수 있습니다. 도착하면 신청 페이지의 안내에 따라 개통해 주세요.\n신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã gửi thẻ SIM cho hồ sơ {reference} của bạn.\nĐơn vị vận chuyển: {carrier} (mã vận đơn {trackingNumber})\nTheo dõi đơn hàng: {trackingUrl}\nKhi nhận hàng, bạn có thể được yêu cầu xuất trình giấy tờ tùy thân. Khi nhận được, hãy kích hoạt theo hướng dẫn trên trang hồ sơ.\nHồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のSIMカードを発送しました。詳しくはメールをご確認ください。",
      en: "[Jitsumei] The SIM card for application {reference} is on its way. See our e-mail for the tracking number.",
      "zh-Hans": "【Jitsumei】申请{reference}的SIM卡已寄出，查询单号请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}的SIM卡已寄出，查詢號碼請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 SIM 카드를 발송했습니다. 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Thẻ SIM cho hồ sơ {reference} đã được gửi đi. Xem email để biết mã vận đơn.",
    },
  },
  delivered: {
    subject: {
      ja: "【Jitsumei】SIMカードが届きました（{reference}）",
      en: "[Jitsumei] Your SIM card has been delivered ({reference})",
      "zh-Hans": "【Jitsumei】SIM卡已送达（{reference}）",
      "zh-Hant": "【Jitsumei】SIM卡已送達（{reference}）",
      ko: "[Jitsumei] SIM 카드가 도착했습니다 ({reference})",
      vi: "[Jitsumei] Thẻ SIM của bạn đã được giao ({reference})",
    },
    text: {
      ja: "お申込み {reference} のSIMカードのお届けが完了しました。\nSIMカードを端末に挿入し、お申込み状況のページで開通コードを受け取って開通してください。\nお申込み状況はこちら：{signInUrl}\n\nJitsumei",
      en: "The SIM card for your application {reference} has been delivered.\nInsert it in your phone, then activate the line on your application page with the activation code we send you from there.\nYour application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 的SIM卡已送达。\n请将SIM卡插入手机，然后在申请页面获取开通码并开通线路。\n您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 的SIM卡已送達。\n請將SIM卡插入手機，然後在申請頁面取得開通碼並開通門號。\n您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 SIM 카드 배송이 완료되었습니다.\nSIM 카드를 휴대전화에 넣은 후, 신청 페이지에서 개통 코드를 받아 회선을 개통해 주세요.\n신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Thẻ SIM cho hồ sơ {reference} của bạn đã được giao.\nHãy lắp thẻ vào điện thoại, sau đó kích hoạt thuê bao trên trang hồ sơ bằng mã kích hoạt chúng tôi gửi cho bạn từ đó.\nHồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のSIMカードが届きました。開通方法はメールをご確認ください。",
      en: "[Jitsumei] The SIM card for application {reference} has been delivered. See our e-mail for how to activate it.",
      "zh-Hans": "【Jitsumei】申请{reference}的SIM卡已送达，开通方法请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}的SIM卡已送達，開通方式請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 SIM 카드가 도착했습니다. 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Thẻ SIM cho hồ sơ {reference} đã được giao. Xem email để biết cách kích hoạt.",
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
  activated_data: {
    subject: {
      ja: "【Jitsumei】データ通信が開通しました（{reference}）",
      en: "[Jitsumei] Your data line is now active ({reference})",
      "zh-Hans": "【Jitsumei】您的数据线路已开通（{reference}）",
      "zh-Hant": "【Jitsumei】您的數據服務已開通（{reference}）",
      ko: "[Jitsumei] 데이터 회선이 개통되었습니다 ({reference})",
      vi: "[Jitsumei] Thuê bao dữ liệu của bạn đã được kích hoạt ({reference})",
    },
    text: {
      ja: "お申込み {reference} のデータ通信が開通しました。このプランは電話番号のないデータ専用プランです。\nデータ通信が始まらない場合は、お申込み状況のページの設定手順をご覧ください：{signInUrl}\n\nJitsumei",
      en: "The data line for your application {reference} is now active. It is a data-only plan, with no phone number.\nIf data does not start, see the settings on your application page: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "您的申请 {reference} 的数据线路已开通。此套餐为纯数据套餐，没有电话号码。\n如果无法上网，请查看申请页面上的设置步骤：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "您的申請 {reference} 的數據服務已開通。此方案為純數據方案，沒有電話號碼。\n如果無法上網，請查看申請頁面上的設定步驟：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})하신 데이터 회선이 개통되었습니다. 전화번호가 없는 데이터 전용 요금제입니다.\n데이터가 연결되지 않으면 신청 페이지의 설정 방법을 확인해 주세요: {signInUrl}\n\nJitsumei 드림",
      vi: "Thuê bao dữ liệu của hồ sơ {reference} đã được kích hoạt. Đây là gói chỉ có dữ liệu, không có số điện thoại.\nNếu không vào được mạng, hãy xem hướng dẫn cài đặt trên trang hồ sơ: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】データ通信が開通しました。（お申込み{reference}）",
      en: "[Jitsumei] Your data line is now active (application {reference}).",
      "zh-Hans": "【Jitsumei】您的数据线路已开通（申请{reference}）。",
      "zh-Hant": "【Jitsumei】您的數據服務已開通（申請{reference}）。",
      ko: "[Jitsumei] 데이터 회선이 개통되었습니다(신청 {reference}).",
      vi: "[Jitsumei] Thuê bao dữ liệu của bạn đã được kích hoạt (hồ sơ {reference}).",
    },
  },
  konbini_slip: {
    subject: {
      ja: "【Jitsumei】コンビニでのお支払い方法（{reference}）",
      en: "[Jitsumei] How to pay at a convenience store ({reference})",
      "zh-Hans": "【Jitsumei】便利店付款方式（{reference}）",
      "zh-Hant": "【Jitsumei】便利商店付款方式（{reference}）",
      ko: "[Jitsumei] 편의점 결제 방법 ({reference})",
      vi: "[Jitsumei] Cách thanh toán tại cửa hàng tiện lợi ({reference})",
    },
    text: {
      ja: "お申込み {reference} のコンビニ払いの払込票です。\n\n金額：{amount}\n払込番号：{paymentNumber}\n確認番号：{confirmationNumber}\nお支払い期限：{deadline}（日本時間）\n\nお支払い方法：コンビニのレジで「収納代行の支払い」とお伝えのうえ、払込番号（店舗によっては確認番号も）を伝えるか、お申込み状況のページのバーコードを見せて、現金でお支払いください。店頭端末のある店舗では、端末で払込番号を入力して発券した申込券をレジへお持ちください。\n期限までにお支払いがないと、この払込番号は使えなくなります。お支払いが確認でき次第、メールでお知らせします。\nバーコードとお申込み状況：{signInUrl}\n\nJitsumei",
      en: "Here is the convenience-store payment slip for application {reference}.\n\nAmount: {amount}\nPayment number: {paymentNumber}\nConfirmation number: {confirmationNumber}\nPay by: {deadline} (Japan time)\n\nHow to pay: at a convenience store's till, say you want to pay a bill (収納代行), give the payment number (some stores also ask for the confirmation number) or show the barcode on your application page, and pay in cash. In stores with a kiosk, enter the payment number there and take the printed slip to the till.\nAfter the deadline this payment number no longer works. We e-mail you as soon as the payment reaches us.\nBarcode and your application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "这是申请 {reference} 的便利店付款单。\n\n金额：{amount}\n付款编号：{paymentNumber}\n确认编号：{confirmationNumber}\n付款期限：{deadline}（日本时间）\n\n付款方式：在便利店收银台告诉店员要缴费（収納代行），出示付款编号（部分门店还需要确认编号）或申请页面上的条形码，用现金支付。设有自助终端的门店，请在终端输入付款编号，打印申请单后拿到收银台。\n超过期限后此付款编号将无法使用。确认收款后我们会立即发邮件通知您。\n条形码和您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "這是申請 {reference} 的便利商店繳費單。\n\n金額：{amount}\n繳費編號：{paymentNumber}\n確認編號：{confirmationNumber}\n繳費期限：{deadline}（日本時間）\n\n付款方式：在便利商店櫃台告訴店員要繳費（収納代行），出示繳費編號（部分門市還需要確認編號）或申請頁面上的條碼，以現金付款。設有自助機台的門市，請在機台輸入繳費編號，列印申請單後拿到櫃台。\n超過期限後此繳費編號將無法使用。確認收款後我們會立即以電子郵件通知您。\n條碼與您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})의 편의점 결제 용지입니다.\n\n금액: {amount}\n결제 번호: {paymentNumber}\n확인 번호: {confirmationNumber}\n결제 기한: {deadline}(일본 시간)\n\n결제 방법: 편의점 계산대에서 요금 수납(収納代行)을 하겠다고 말씀하시고, 결제 번호(매장에 따라 확인 번호도)를 알려 주시거나 신청 페이지의 바코드를 보여 주신 뒤 현금으로 결제해 주세요. 단말기가 있는 매장에서는 단말기에 결제 번호를 입력해 출력한 신청권을 계산대로 가져가 주세요.\n기한이 지나면 이 결제 번호는 쓸 수 없습니다. 결제가 확인되는 대로 이메일로 알려 드립니다.\n바코드와 신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Đây là phiếu thanh toán tại cửa hàng tiện lợi cho hồ sơ {reference}.\n\nSố tiền: {amount}\nMã thanh toán: {paymentNumber}\nMã xác nhận: {confirmationNumber}\nHạn thanh toán: {deadline} (giờ Nhật Bản)\n\nCách thanh toán: tại quầy thu ngân cửa hàng tiện lợi, hãy nói bạn muốn thanh toán hóa đơn (収納代行), đọc mã thanh toán (một số cửa hàng hỏi thêm mã xác nhận) hoặc đưa mã vạch trên trang hồ sơ, rồi trả bằng tiền mặt. Ở cửa hàng có máy tự phục vụ, hãy nhập mã thanh toán vào máy và mang phiếu in ra quầy.\nSau thời hạn, mã thanh toán này không còn dùng được. Chúng tôi sẽ gửi email ngay khi nhận được tiền.\nMã vạch và hồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のコンビニ払いの払込番号をメールでお送りしました。",
      en: "[Jitsumei] We have e-mailed you the convenience-store payment number for application {reference}.",
      "zh-Hans": "【Jitsumei】申请{reference}的便利店付款编号已通过邮件发送。",
      "zh-Hant": "【Jitsumei】申請{reference}的便利商店繳費編號已寄至您的電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 편의점 결제 번호를 이메일로 보내 드렸습니다.",
      vi: "[Jitsumei] Chúng tôi đã gửi email mã thanh toán tại cửa hàng tiện lợi cho hồ sơ {reference}.",
    },
  },
  refunded: {
    subject: {
      ja: "【Jitsumei】返金のお知らせ（{reference}）",
      en: "[Jitsumei] Your refund ({reference})",
      "zh-Hans": "【Jitsumei】退款通知（{reference}）",
      "zh-Hant": "【Jitsumei】退款通知（{reference}）",
      ko: "[Jitsumei] 환불 안내 ({reference})",
      vi: "[Jitsumei] Thông báo hoàn tiền ({reference})",
    },
    text: {
      ja: "お申込み {reference} でお支払いいただいた {amount} を返金しました。\nお支払いに使われたカードなどに反映されるまで、数日かかることがあります。\nお申込み状況はこちら：{signInUrl}\n\nJitsumei",
      en: "We have refunded the {amount} you paid for application {reference}.\nIt may take a few days to appear on the card or account you paid with.\nYour application: {signInUrl}\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已退还您为申请 {reference} 支付的 {amount}。\n退款可能需要几天才能退回您付款时使用的银行卡或账户。\n您的申请：{signInUrl}\n\nJitsumei 团队",
      "zh-Hant":
        "我們已退還您為申請 {reference} 支付的 {amount}。\n退款可能需要幾天才會退回您付款時使用的信用卡或帳戶。\n您的申請：{signInUrl}\n\nJitsumei 團隊",
      ko: "신청({reference})에서 결제하신 {amount}을(를) 환불해 드렸습니다.\n결제에 사용하신 카드나 계좌에 반영되기까지 며칠이 걸릴 수 있습니다.\n신청 내역: {signInUrl}\n\nJitsumei 드림",
      vi: "Chúng tôi đã hoàn lại {amount} bạn đã thanh toán cho hồ sơ {reference}.\nCó thể mất vài ngày để khoản tiền hiển thị trên thẻ hoặc tài khoản bạn đã dùng để thanh toán.\nHồ sơ của bạn: {signInUrl}\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】お申込み{reference}のお支払いを返金しました。詳しくはメールをご確認ください。",
      en: "[Jitsumei] We have refunded your payment for application {reference}. See our e-mail for details.",
      "zh-Hans": "【Jitsumei】申请{reference}的付款已退还，详情请查看邮件。",
      "zh-Hant": "【Jitsumei】申請{reference}的付款已退還，詳情請查看電子郵件。",
      ko: "[Jitsumei] 신청({reference})의 결제 금액을 환불해 드렸습니다. 이메일을 확인해 주세요.",
      vi: "[Jitsumei] Chúng tôi đã hoàn tiền cho hồ sơ {reference}. Xem email để biết chi tiết.",
    },
  },
  port_out_issued: {
    subject: {
      ja: "【Jitsumei】MNP予約番号を発行しました（{reference}）",
      en: "[Jitsumei] Your MNP reservation number ({reference})",
      "zh-Hans": "【Jitsumei】已发放 MNP 预约号码（{reference}）",
      "zh-Hant": "【Jitsumei】已核發 MNP 預約番號（{reference}）",
      ko: "[Jitsumei] MNP 예약번호가 발급되었습니다 ({reference})",
      vi: "[Jitsumei] Mã đặt trước MNP của bạn ({reference})",
    },
    text: {
      ja: "お申込み {reference} の電話番号 {msisdn} について、MNP予約番号を発行しました。\nMNP予約番号：{reservationNumber}\n有効期限：{expiresOn}\n移転先の携帯会社にお伝えください。移転先で番号が切り替わった時点で、当社でのご契約は終了します。それまでは今までどおりお使いいただけます。\n使わない場合は、アカウントのページで予約番号を取り消せます。\n\nJitsumei",
      en: "We have issued an MNP reservation number for your phone number {msisdn} (application {reference}).\nMNP reservation number: {reservationNumber}\nValid until: {expiresOn}\nGive it to your new operator. Your contract with us ends when the new operator switches the number over; until then the line works as before.\nIf you no longer need it, you can cancel it on your account page.\n\nThe Jitsumei team",
      "zh-Hans":
        "我们已为您的申请 {reference} 的电话号码 {msisdn} 发放 MNP 预约号码。\nMNP 预约号码：{reservationNumber}\n有效期至：{expiresOn}\n请告知新的运营商。新运营商完成号码切换时，您在我司的合同即终止；在此之前线路照常可用。\n如不再需要，可在“我的账户”页面取消该预约号码。\n\nJitsumei 团队",
      "zh-Hant":
        "我們已為您的申請 {reference} 的電話號碼 {msisdn} 核發 MNP 預約番號。\nMNP 預約番號：{reservationNumber}\n有效期限至：{expiresOn}\n請告知新的電信業者。新業者完成號碼切換時，您在本公司的合約即終止；在此之前門號照常可用。\n如不再需要，可在「我的帳戶」頁面取消該預約番號。\n\nJitsumei 團隊",
      ko: "신청({reference})하신 전화번호 {msisdn}의 MNP 예약번호를 발급했습니다.\nMNP 예약번호: {reservationNumber}\n유효기간: {expiresOn}까지\n새 통신사에 알려 주세요. 새 통신사에서 번호가 전환되는 시점에 당사와의 계약은 종료되며, 그때까지는 지금처럼 사용할 수 있습니다.\n필요 없으시면 계정 페이지에서 예약번호를 취소할 수 있습니다.\n\nJitsumei 드림",
      vi: "Chúng tôi đã cấp mã đặt trước MNP cho số điện thoại {msisdn} của hồ sơ {reference}.\nMã đặt trước MNP: {reservationNumber}\nHiệu lực đến: {expiresOn}\nHãy đưa mã này cho nhà mạng mới. Hợp đồng với chúng tôi kết thúc khi nhà mạng mới chuyển số; trước đó thuê bao vẫn dùng bình thường.\nNếu không cần nữa, bạn có thể hủy mã này trên trang tài khoản.\n\nĐội ngũ Jitsumei",
    },
    sms: {
      ja: "【Jitsumei】MNP予約番号を発行しました。詳しくはメールをご覧ください。（{reference}）",
      en: "[Jitsumei] Your MNP reservation number is issued; see your e-mail (application {reference}).",
      "zh-Hans": "【Jitsumei】已发放MNP预约号码，详情请查看电子邮件（申请{reference}）。",
      "zh-Hant": "【Jitsumei】已核發MNP預約番號，詳情請查看電子郵件（申請{reference}）。",
      ko: "[Jitsumei] MNP 예약번호가 발급되었습니다. 이메일을 확인해 주세요(신청 {reference}).",
      vi: "[Jitsumei] Mã đặt trước MNP đã được cấp; vui lòng xem email (hồ sơ {reference}).",
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

/** The data settings a line's activation mail gives, where the operator configured an APN (APN). */
const apnNote: Translations = {
  ja: "データ通信の設定：APNは「{apn}」です。",
  en: "Data settings: the APN is {apn}.",
  "zh-Hans": "数据设置：APN 为 {apn}。",
  "zh-Hant": "數據設定：APN 為 {apn}。",
  ko: "데이터 설정: APN은 {apn}입니다.",
  vi: "Cài đặt dữ liệu: APN là {apn}.",
};

/** A mail text with the APN note added before its sign-off (the status page points to it). */
export function withApnNote(text: string, language: Language, apn: string): string {
  const signOff = text.lastIndexOf("\n\n");
  const note = interpolate(apnNote[language], { apn });
  return signOff < 0 ? `${text}\n${note}` : `${text.slice(0, signOff)}\n${note}${text.slice(signOff)}`;
}

/**
 * What a correction mail adds when the fields to correct are ones the applicant signed with the My
 * Number card (name, date of birth, sex, address): the signature covers them as they were, so a
 * correction needs a new signature before the application can go back.
 */
const signAgainNote: Translations = {
  ja: "これらの項目はマイナンバーカードで電子署名されています。修正したあと、本人確認の手順でマイナンバーカードによる署名をもう一度行ってから送信してください。",
  en: "You signed these details with your My Number card. After correcting them, sign again with your My Number card at the identity verification step, then submit.",
  "zh-Hans":
    "这些项目已用个人编号卡（My Number卡）进行电子签名。修改后，请在身份验证步骤中用个人编号卡重新签名，然后再提交。",
  "zh-Hant":
    "這些項目已用個人編號卡（My Number卡）進行電子簽章。修正後，請在身分驗證步驟中用個人編號卡重新簽章，然後再送出。",
  ko: "이 항목들은 마이넘버 카드로 전자서명되었습니다. 수정한 후 본인 확인 단계에서 마이넘버 카드로 다시 서명한 다음 제출해 주세요.",
  vi: "Bạn đã ký điện tử các thông tin này bằng thẻ My Number. Sau khi chỉnh sửa, hãy ký lại bằng thẻ My Number ở bước xác minh danh tính, rồi gửi hồ sơ.",
};

/** A correction mail with the sign-again note added before its sign-off. */
export function withSignAgainNote(text: string, language: Language): string {
  const signOff = text.lastIndexOf("\n\n");
  const note = signAgainNote[language];
  return signOff < 0 ? `${text}\n\n${note}` : `${text.slice(0, signOff)}\n\n${note}${text.slice(signOff)}`;
}

/** Each language's locale for dates in mails (English as written in Britain: 12 December 2026). */
const dateLocales: Record<Language, string> = {
  ja: "ja-JP",
  en: "en-GB",
  "zh-Hans": "zh-CN",
  "zh-Hant": "zh-TW",
  ko: "ko-KR",
  vi: "vi-VN",
};

/** A day as the applicant's language writes it, on Japan's calendar: 2026年12月12日, 12 tháng 12, 2026. */
export function japanDate(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(dateLocales[language], { dateStyle: "long", timeZone: "Asia/Tokyo" }).format(date);
}
