import type { Translations } from "@jitsumei/domain";

/**
 * What subscribers hear about changes after activation, in the six languages: a decided change of
 * their particulars, the invitation to the new holder of a line, and the end of the old holder's.
 * Placeholders: {msisdn}, {date}, {field}, {reference}, {signInUrl} (never a token: the new holder signs in).
 */
export const fieldNames: Record<"name" | "address" | "contact", Translations> = {
  name: { ja: "氏名", en: "name", "zh-Hans": "姓名", "zh-Hant": "姓名", ko: "성명", vi: "họ tên" },
  address: { ja: "住所", en: "address", "zh-Hans": "住址", "zh-Hant": "住址", ko: "주소", vi: "địa chỉ" },
  contact: {
    ja: "連絡先",
    en: "contact details",
    "zh-Hans": "联系方式",
    "zh-Hant": "聯絡方式",
    ko: "연락처",
    vi: "thông tin liên lạc",
  },
};

export const holderChangeTexts: Record<"approvedSubject" | "approved" | "rejectedSubject" | "rejected", Translations> =
  {
    approvedSubject: {
      ja: "{msisdn} のご契約者情報（{field}）を変更しました",
      en: "The {field} on your line {msisdn} has been changed",
      "zh-Hans": "线路 {msisdn} 的{field}已变更",
      "zh-Hant": "線路 {msisdn} 的{field}已變更",
      ko: "{msisdn} 회선의 {field}이(가) 변경되었습니다",
      vi: "Đã thay đổi {field} của thuê bao {msisdn}",
    },
    approved: {
      ja: "{msisdn} のご契約者情報（{field}）の変更を {date} に承認し、本人確認記録に反映しました。",
      en: "We approved the change of the {field} on your line {msisdn} on {date} and recorded it in your verification record.",
      "zh-Hans": "我们已于 {date} 批准线路 {msisdn} 的{field}变更，并记入您的身份确认记录。",
      "zh-Hant": "我們已於 {date} 核准線路 {msisdn} 的{field}變更，並記入您的身分確認紀錄。",
      ko: "{date}에 {msisdn} 회선의 {field} 변경을 승인하고 본인 확인 기록에 반영했습니다.",
      vi: "Ngày {date}, chúng tôi đã chấp thuận thay đổi {field} của thuê bao {msisdn} và ghi vào hồ sơ xác minh danh tính của bạn.",
    },
    rejectedSubject: {
      ja: "{msisdn} のご契約者情報（{field}）の変更をお受けできませんでした",
      en: "We could not accept the change of the {field} on your line {msisdn}",
      "zh-Hans": "无法受理线路 {msisdn} 的{field}变更",
      "zh-Hant": "無法受理線路 {msisdn} 的{field}變更",
      ko: "{msisdn} 회선의 {field} 변경을 접수할 수 없었습니다",
      vi: "Chúng tôi không thể chấp nhận thay đổi {field} của thuê bao {msisdn}",
    },
    rejected: {
      ja: "ご提出の書類では変更を確認できませんでした。有効な書類を添えて、もう一度お申し込みください。登録内容は変わっていません。",
      en: "The documents you sent did not show the change. Please apply again with a valid document. Nothing on file has changed.",
      "zh-Hans": "您提交的文件无法确认该变更。请附上有效文件重新申请。登记内容未作更改。",
      "zh-Hant": "您提交的文件無法確認該變更。請附上有效文件重新申請。登記內容未變更。",
      ko: "보내주신 서류로는 변경 내용을 확인할 수 없었습니다. 유효한 서류를 첨부하여 다시 신청해 주세요. 등록된 내용은 바뀌지 않았습니다.",
      vi: "Giấy tờ bạn gửi không xác nhận được thay đổi. Vui lòng đăng ký lại kèm giấy tờ hợp lệ. Thông tin đã đăng ký không thay đổi.",
    },
  };

export const transferTexts: Record<"inviteSubject" | "invite" | "transferredSubject" | "transferred", Translations> = {
  inviteSubject: {
    ja: "回線 {msisdn} の譲渡のお手続き",
    en: "Taking over the line {msisdn}",
    "zh-Hans": "线路 {msisdn} 的转让手续",
    "zh-Hant": "線路 {msisdn} 的轉讓手續",
    ko: "{msisdn} 회선 양도 절차",
    vi: "Thủ tục nhận chuyển nhượng thuê bao {msisdn}",
  },
  invite: {
    ja: "回線 {msisdn} をあなたに譲渡するお申し込みがありました（お申し込み番号 {reference}）。次のページでこのメールアドレスを入力すると確認コードが届きますので、お申し込みを開いて本人確認書類をご提出ください：{signInUrl}\n確認と当社の承諾の後、この番号はあなたのご契約になります。",
    en: "The holder of the line {msisdn} asked to transfer it to you (application {reference}). Open the page below and enter this e-mail address: we send you a sign-in code, then you give your particulars and prove your identity: {signInUrl}\nOnce we have verified you and consented, the number is yours.",
    "zh-Hans":
      "线路 {msisdn} 的持有人申请将其转让给您（申请编号 {reference}）。请打开以下页面并输入此电子邮件地址，我们会向您发送登录验证码，然后请填写信息并提交身份证明：{signInUrl}\n经核实并获得我们的同意后，该号码将归您所有。",
    "zh-Hant":
      "線路 {msisdn} 的持有人申請將其轉讓給您（申請編號 {reference}）。請開啟以下頁面並輸入此電子郵件地址，我們會寄送登入驗證碼給您，然後請填寫資料並提交身分證明：{signInUrl}\n經核實並取得我們的同意後，該號碼即歸您所有。",
    ko: "{msisdn} 회선의 명의자가 회선을 귀하에게 양도하도록 신청했습니다(신청 번호 {reference}). 아래 페이지에서 이 이메일 주소를 입력하시면 로그인 인증 코드를 보내 드립니다. 그 후 정보를 입력하고 본인 확인 서류를 제출해 주세요: {signInUrl}\n확인과 당사의 승낙 후 이 번호는 귀하의 계약이 됩니다.",
    vi: "Chủ thuê bao {msisdn} đã yêu cầu chuyển nhượng thuê bao cho bạn (hồ sơ {reference}). Hãy mở trang dưới đây và nhập địa chỉ email này, chúng tôi sẽ gửi cho bạn mã đăng nhập; sau đó hãy khai thông tin và xác minh danh tính: {signInUrl}\nSau khi chúng tôi xác minh và chấp thuận, số này sẽ thuộc về bạn.",
  },
  transferredSubject: {
    ja: "回線 {msisdn} の譲渡が完了しました",
    en: "Your line {msisdn} has been transferred",
    "zh-Hans": "线路 {msisdn} 已完成转让",
    "zh-Hant": "線路 {msisdn} 已完成轉讓",
    ko: "{msisdn} 회선의 양도가 완료되었습니다",
    vi: "Thuê bao {msisdn} đã được chuyển nhượng",
  },
  transferred: {
    ja: "回線 {msisdn} は {date} に新しいご契約者へ譲渡されました。あなたのご契約はこの日をもって終了しました。",
    en: "Your line {msisdn} was transferred to its new holder on {date}. Your contract for it ended that day.",
    "zh-Hans": "线路 {msisdn} 已于 {date} 转让给新的持有人，您的合同于当日终止。",
    "zh-Hant": "線路 {msisdn} 已於 {date} 轉讓給新的持有人，您的合約於當日終止。",
    ko: "{msisdn} 회선은 {date}에 새 명의자에게 양도되었습니다. 귀하의 계약은 그날로 종료되었습니다.",
    vi: "Thuê bao {msisdn} đã được chuyển cho chủ mới vào ngày {date}. Hợp đồng của bạn cho thuê bao này đã chấm dứt vào ngày đó.",
  },
};
