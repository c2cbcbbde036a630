import type { Translations } from "../i18n/languages.ts";

/**
 * Why a port-in was refused, and what to do next, in the applicant's language. The codes are the
 * API's (`AppError` codes of the number-portability actions); `{…}` are filled in with `interpolate`.
 */
export const portInRefusalCodes = [
  "mnp_reservation_expired",
  "mnp_reservation_too_few_days",
  "mnp_reservation_unknown",
  "mnp_holder_mismatch",
  "mnp_line_in_arrears",
  "mnp_already_ported",
  "mnp_switch_over_failed",
  "mnp_switch_over_not_yet",
] as const;
export type PortInRefusalCode = (typeof portInRefusalCodes)[number];

export const portInRefusalTexts: Record<PortInRefusalCode, Translations> = {
  mnp_reservation_expired: {
    ja: "このMNP予約番号は有効期限が切れています。現在の携帯会社で新しい予約番号を発行し、{applyAgainBy}までにもう一度お申し込みください。",
    en: "This MNP reservation number has expired. Ask your current operator for a new one and apply again by {applyAgainBy}.",
    "zh-Hans": "此 MNP 预约号码已过期。请向您目前的运营商申请新的预约号码，并于 {applyAgainBy} 之前重新申请。",
    "zh-Hant": "此 MNP 預約番號已過期。請向您目前的電信業者申請新的預約番號，並於 {applyAgainBy} 之前重新申請。",
    ko: "이 MNP 예약번호는 유효기간이 지났습니다. 현재 통신사에서 새 예약번호를 받아 {applyAgainBy}까지 다시 신청해 주세요.",
    vi: "Mã đặt trước MNP này đã hết hạn. Hãy xin nhà mạng hiện tại một mã mới và đăng ký lại trước ngày {applyAgainBy}.",
  },
  mnp_reservation_too_few_days: {
    ja: "このMNP予約番号の有効期限は{expiresOn}までで、お手続きを終えるまでの日数が足りません（残り{minDaysLeft}日以上必要です）。現在の携帯会社で新しい予約番号を発行し、{applyAgainBy}までにお申し込みください。",
    en: "This MNP reservation number is valid only until {expiresOn}: too few days are left to finish the application (at least {minDaysLeft} are needed). Ask your current operator for a new one and apply by {applyAgainBy}.",
    "zh-Hans":
      "此 MNP 预约号码的有效期仅到 {expiresOn}，剩余天数不足以完成申请（至少需要 {minDaysLeft} 天）。请向您目前的运营商申请新的预约号码，并于 {applyAgainBy} 之前申请。",
    "zh-Hant":
      "此 MNP 預約番號的有效期限僅到 {expiresOn}，剩餘天數不足以完成申請（至少需要 {minDaysLeft} 天）。請向您目前的電信業者申請新的預約番號，並於 {applyAgainBy} 之前申請。",
    ko: "이 MNP 예약번호는 {expiresOn}까지만 유효하여 신청을 마치기에 남은 기간이 부족합니다(최소 {minDaysLeft}일 필요). 현재 통신사에서 새 예약번호를 받아 {applyAgainBy}까지 신청해 주세요.",
    vi: "Mã đặt trước MNP này chỉ còn hiệu lực đến {expiresOn}: không đủ ngày để hoàn tất đăng ký (cần ít nhất {minDaysLeft} ngày). Hãy xin nhà mạng hiện tại một mã mới và đăng ký trước ngày {applyAgainBy}.",
  },
  mnp_reservation_unknown: {
    ja: "現在の携帯会社に、この電話番号とMNP予約番号の組み合わせが見つかりません。どちらも入力に誤りがないかご確認ください。",
    en: "Your current operator does not know this reservation number for this phone number. Check both and try again.",
    "zh-Hans": "您目前的运营商找不到此电话号码与 MNP 预约号码的组合。请检查两者是否输入正确。",
    "zh-Hant": "您目前的電信業者找不到此電話號碼與 MNP 預約番號的組合。請確認兩者是否輸入正確。",
    ko: "현재 통신사에서 이 전화번호와 MNP 예약번호 조합을 찾을 수 없습니다. 두 번호를 다시 확인해 주세요.",
    vi: "Nhà mạng hiện tại không tìm thấy mã đặt trước này cho số điện thoại này. Hãy kiểm tra lại cả hai.",
  },
  mnp_holder_mismatch: {
    ja: "現在の携帯会社に登録されている契約者の氏名または生年月日が、確認済みのご本人情報と一致しません。番号を持ち込めるのはご本人名義の回線だけです。現在の携帯会社で契約者情報を確認・変更（または名義変更）してから、もう一度お試しください。",
    en: "The name or date of birth of the contract holder at your current operator does not match your verified identity. Only a line in your own name can move here. Ask your current operator to check or correct the holder's details (or transfer the line to you), then try again.",
    "zh-Hans":
      "您目前运营商登记的合同持有人姓名或出生日期与已验证的身份信息不一致。只有以您本人名义签约的线路才能转入。请先在目前的运营商确认或更正持有人信息（或将线路过户到您名下），然后再试。",
    "zh-Hant":
      "您目前電信業者登記的合約人姓名或出生日期與已驗證的身分資料不一致。只有以您本人名義簽約的門號才能轉入。請先向目前的電信業者確認或更正合約人資料（或將門號過戶到您名下），再試一次。",
    ko: "현재 통신사에 등록된 계약자 이름 또는 생년월일이 확인된 본인 정보와 일치하지 않습니다. 본인 명의의 회선만 옮겨올 수 있습니다. 현재 통신사에서 계약자 정보를 확인·정정(또는 명의 변경)한 후 다시 시도해 주세요.",
    vi: "Họ tên hoặc ngày sinh của chủ hợp đồng tại nhà mạng hiện tại không khớp với danh tính đã xác minh của bạn. Chỉ thuê bao đứng tên bạn mới chuyển sang được. Hãy nhờ nhà mạng hiện tại kiểm tra, sửa thông tin chủ thuê bao (hoặc chuyển tên sang bạn), rồi thử lại.",
  },
  mnp_line_in_arrears: {
    ja: "現在の携帯会社で未払いの料金があるため、番号を移せません。お支払いを済ませてから、もう一度お試しください。",
    en: "Your current operator reports unpaid bills on this line, so the number cannot move yet. Pay them, then try again.",
    "zh-Hans": "您目前的运营商显示此线路有未缴费用，号码暂时无法转出。请先缴清费用后再试。",
    "zh-Hant": "您目前的電信業者顯示此門號有未繳費用，號碼暫時無法轉出。請先繳清費用後再試。",
    ko: "현재 통신사에 미납 요금이 있어 번호를 옮길 수 없습니다. 요금을 납부한 후 다시 시도해 주세요.",
    vi: "Nhà mạng hiện tại báo thuê bao này còn cước chưa thanh toán nên chưa thể chuyển số. Hãy thanh toán rồi thử lại.",
  },
  mnp_already_ported: {
    ja: "この番号はすでに他社へ移っているか、移転の手続き中です。現在の携帯会社にご確認ください。",
    en: "This number has already moved to another operator, or a move is under way. Check with your current operator.",
    "zh-Hans": "此号码已转至其他运营商，或正在办理转网手续。请向您目前的运营商确认。",
    "zh-Hant": "此號碼已轉至其他電信業者，或正在辦理攜碼手續。請向您目前的電信業者確認。",
    ko: "이 번호는 이미 다른 통신사로 옮겨졌거나 이동 절차가 진행 중입니다. 현재 통신사에 확인해 주세요.",
    vi: "Số này đã chuyển sang nhà mạng khác hoặc đang trong quá trình chuyển. Hãy hỏi lại nhà mạng hiện tại.",
  },
  mnp_switch_over_failed: {
    ja: "番号の切り替えができませんでした。今までのSIMはそのまま使えます。状況ページから切り替えの日時を選び直してください。MNP予約番号の有効期限（{expiresOn}）が過ぎた場合は、現在の携帯会社で新しい予約番号を発行してから入力し直してください。",
    en: "The switch-over did not happen: your old SIM keeps working as before. Choose the switch-over time again on your status page. If your reservation number has expired (it was valid until {expiresOn}), ask your current operator for a new one and enter it there.",
    "zh-Hans":
      "号码切换未能完成：您原来的 SIM 卡仍可照常使用。请在状态页面重新选择切换时间。如果 MNP 预约号码已过期（有效期至 {expiresOn}），请向目前的运营商申请新的预约号码后重新输入。",
    "zh-Hant":
      "號碼切換未能完成：您原本的 SIM 卡仍可照常使用。請在狀態頁面重新選擇切換時間。如果 MNP 預約番號已過期（有效期限至 {expiresOn}），請向目前的電信業者申請新的預約番號後重新輸入。",
    ko: "번호 전환이 완료되지 않았습니다. 기존 SIM은 그대로 사용할 수 있습니다. 상태 페이지에서 전환 일시를 다시 선택해 주세요. 예약번호의 유효기간({expiresOn}까지)이 지났다면 현재 통신사에서 새 예약번호를 받아 다시 입력해 주세요.",
    vi: "Việc chuyển số chưa thực hiện được: SIM cũ của bạn vẫn dùng bình thường. Hãy chọn lại thời điểm chuyển trên trang trạng thái. Nếu mã đặt trước đã hết hạn (hiệu lực đến {expiresOn}), hãy xin nhà mạng hiện tại mã mới và nhập lại.",
  },
  mnp_switch_over_not_yet: {
    ja: "先に番号を切り替える日時を選んでください（状況ページ）。その日時から新しいSIMを開通できます。今までの回線はそれまで使えます。",
    en: "First choose when your number switches over (on your status page); you can activate the new SIM from that time. Your old line works until then.",
    "zh-Hans": "请先在状态页面选择号码切换时间，从该时间起即可开通新 SIM 卡。在此之前原线路可照常使用。",
    "zh-Hant": "請先在狀態頁面選擇號碼切換時間，從該時間起即可開通新 SIM 卡。在此之前原門號可照常使用。",
    ko: "먼저 상태 페이지에서 번호 전환 일시를 선택해 주세요. 그 시간부터 새 SIM을 개통할 수 있으며, 그때까지 기존 회선은 그대로 사용할 수 있습니다.",
    vi: "Trước hết hãy chọn thời điểm chuyển số (trên trang trạng thái); bạn có thể kích hoạt SIM mới từ thời điểm đó. Thuê bao cũ vẫn dùng được đến lúc đó.",
  },
};

/** The mails of a port-in (the port-out mail is an applicant notice: `port_out_issued`). */
export const portMailTexts: Record<
  "scheduledSubject" | "scheduledBody" | "completedSubject" | "completedBody" | "failedSubject",
  Translations
> = {
  scheduledSubject: {
    ja: "{msisdn} の番号切り替え日時を受け付けました",
    en: "The switch-over of {msisdn} is scheduled",
    "zh-Hans": "已受理 {msisdn} 的号码切换时间",
    "zh-Hant": "已受理 {msisdn} 的號碼切換時間",
    ko: "{msisdn} 번호 전환 일시가 접수되었습니다",
    vi: "Đã đặt lịch chuyển số {msisdn}",
  },
  scheduledBody: {
    ja: "{msisdn} の番号を {at} から切り替えられます。新しいSIMを開通した時点で、今までの携帯会社の回線は使えなくなります。それまでは今までのSIMをそのままお使いいただけます。",
    en: "Your number {msisdn} can switch over from {at}. Your line with your previous operator stops when you activate the new SIM; until then your old SIM works as before.",
    "zh-Hans":
      "您的号码 {msisdn} 可从 {at} 起切换。开通新 SIM 卡时，原运营商的线路将停止使用；在此之前，原来的 SIM 卡可照常使用。",
    "zh-Hant":
      "您的號碼 {msisdn} 可從 {at} 起切換。開通新 SIM 卡時，原電信業者的門號將停止使用；在此之前，原本的 SIM 卡可照常使用。",
    ko: "{msisdn} 번호는 {at}부터 전환할 수 있습니다. 새 SIM을 개통하는 시점에 기존 통신사 회선은 사용할 수 없게 되며, 그때까지는 기존 SIM을 그대로 사용할 수 있습니다.",
    vi: "Số {msisdn} của bạn có thể chuyển từ {at}. Thuê bao ở nhà mạng cũ sẽ ngừng khi bạn kích hoạt SIM mới; trước đó SIM cũ vẫn dùng bình thường.",
  },
  completedSubject: {
    ja: "{msisdn} の番号切り替えが完了しました",
    en: "Your number {msisdn} has moved to your new SIM",
    "zh-Hans": "{msisdn} 的号码切换已完成",
    "zh-Hant": "{msisdn} 的號碼切換已完成",
    ko: "{msisdn} 번호 전환이 완료되었습니다",
    vi: "Số {msisdn} đã chuyển sang SIM mới",
  },
  completedBody: {
    ja: "{msisdn} は新しいSIMでお使いいただけます。今までの携帯会社でのこの番号のご契約は終了しました。",
    en: "{msisdn} now works on your new SIM. Your previous operator's contract for this number has ended.",
    "zh-Hans": "{msisdn} 现已可在新 SIM 卡上使用。原运营商对此号码的合同已终止。",
    "zh-Hant": "{msisdn} 現已可在新 SIM 卡上使用。原電信業者對此號碼的合約已終止。",
    ko: "{msisdn} 번호를 새 SIM에서 사용할 수 있습니다. 기존 통신사의 이 번호 계약은 종료되었습니다.",
    vi: "{msisdn} giờ đã dùng được trên SIM mới. Hợp đồng của số này tại nhà mạng cũ đã kết thúc.",
  },
  failedSubject: {
    ja: "{msisdn} の番号切り替えができませんでした",
    en: "The switch-over of {msisdn} did not happen",
    "zh-Hans": "{msisdn} 的号码切换未能完成",
    "zh-Hant": "{msisdn} 的號碼切換未能完成",
    ko: "{msisdn} 번호 전환이 완료되지 않았습니다",
    vi: "Chưa chuyển được số {msisdn}",
  },
};
