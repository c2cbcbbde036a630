import { interpolate, type Language, type Translations } from "@jitsumei/domain";

/** Mail texts in every applicant language. */
const templates = {
  activation_code: {
    subject: {
      ja: "【Jitsumei】回線の開通コード {code}",
      en: "[Jitsumei] Your activation code: {code}",
      "zh-Hans": "【Jitsumei】您的开通码：{code}",
      "zh-Hant": "【Jitsumei】您的開通碼：{code}",
      ko: "[Jitsumei] 개통 코드: {code}",
      vi: "[Jitsumei] Mã kích hoạt của bạn: {code}",
    },
    text: {
      ja: "お申込み {reference} の開通コードは {code} です。\n{minutes}分以内に入力してください。\nお心当たりのない場合は、このメールを破棄してください。",
      en: "The activation code for application {reference} is {code}.\nEnter it within {minutes} minutes.\nIf you did not ask for it, you can ignore this e-mail.",
      "zh-Hans":
        "申请 {reference} 的开通码是 {code}。\n请在 {minutes} 分钟内输入。\n如果这不是您本人的操作，请忽略此邮件。",
      "zh-Hant":
        "申請 {reference} 的開通碼是 {code}。\n請在 {minutes} 分鐘內輸入。\n如果這不是您本人的操作，請忽略此郵件。",
      ko: "신청 {reference}의 개통 코드는 {code}입니다.\n{minutes}분 이내에 입력해 주세요.\n요청하지 않으셨다면 이 메일을 무시하셔도 됩니다.",
      vi: "Mã kích hoạt cho hồ sơ {reference} là {code}.\nVui lòng nhập trong vòng {minutes} phút.\nNếu bạn không yêu cầu, hãy bỏ qua email này.",
    },
  },
  esim_confirmation_code: {
    subject: {
      ja: "【Jitsumei】eSIMの確認コード {code}",
      en: "[Jitsumei] Your eSIM confirmation code: {code}",
      "zh-Hans": "【Jitsumei】您的eSIM确认码：{code}",
      "zh-Hant": "【Jitsumei】您的eSIM確認碼：{code}",
      ko: "[Jitsumei] eSIM 확인 코드: {code}",
      vi: "[Jitsumei] Mã xác nhận eSIM của bạn: {code}",
    },
    text: {
      ja: "お申込み {reference} のeSIMをスマートフォンに追加するときに、QRコードを読み取った後でこの確認コードを入力してください：{code}\nこのコードは他の人に教えないでください。",
      en: "When you add the eSIM for application {reference} to your phone, enter this confirmation code after scanning the QR code: {code}\nDo not share this code with anyone.",
      "zh-Hans":
        "将申请 {reference} 的eSIM添加到手机时，请在扫描二维码后输入此确认码：{code}\n请勿将此确认码告诉他人。",
      "zh-Hant": "將申請 {reference} 的eSIM新增到手機時，請在掃描QR碼後輸入此確認碼：{code}\n請勿將此確認碼告訴他人。",
      ko: "신청 {reference}의 eSIM을 휴대전화에 추가할 때 QR 코드를 스캔한 후 이 확인 코드를 입력해 주세요: {code}\n이 코드는 다른 사람에게 알려 주지 마세요.",
      vi: "Khi thêm eSIM của hồ sơ {reference} vào điện thoại, hãy nhập mã xác nhận này sau khi quét mã QR: {code}\nKhông chia sẻ mã này với bất kỳ ai.",
    },
  },
  applicant_sign_in_code: {
    subject: {
      ja: "【Jitsumei】お申込み状況を開くための確認コード {code}",
      en: "[Jitsumei] Your sign-in code: {code}",
      "zh-Hans": "【Jitsumei】您的登录验证码：{code}",
      "zh-Hant": "【Jitsumei】您的登入驗證碼：{code}",
      ko: "[Jitsumei] 로그인 인증 코드: {code}",
      vi: "[Jitsumei] Mã đăng nhập của bạn: {code}",
    },
    text: {
      ja: "お申込み {reference} を開くための確認コードは {code} です。\n{minutes}分以内に、ログイン画面に入力してください。\nお心当たりのない場合は、このメールを破棄してください。このコードは他の人に教えないでください。\n\nJitsumei",
      en: "Your sign-in code for application {reference} is {code}.\nEnter it on the sign-in page within {minutes} minutes.\nIf you did not ask for it, ignore this e-mail. Do not share this code with anyone.\n\nThe Jitsumei team",
      "zh-Hans":
        "用于打开申请 {reference} 的登录验证码是 {code}。\n请在 {minutes} 分钟内在登录页面输入。\n如果这不是您本人的操作，请忽略此邮件。请勿将此验证码告诉他人。\n\nJitsumei 团队",
      "zh-Hant":
        "用於開啟申請 {reference} 的登入驗證碼是 {code}。\n請在 {minutes} 分鐘內於登入頁面輸入。\n如果這不是您本人的操作，請忽略此郵件。請勿將此驗證碼告訴他人。\n\nJitsumei 團隊",
      ko: "신청 {reference}을(를) 열기 위한 로그인 인증 코드는 {code}입니다.\n{minutes}분 이내에 로그인 화면에 입력해 주세요.\n요청하지 않으셨다면 이 메일을 무시해 주세요. 이 코드는 다른 사람에게 알려 주지 마세요.\n\nJitsumei 드림",
      vi: "Mã đăng nhập để mở hồ sơ {reference} là {code}.\nVui lòng nhập mã trên trang đăng nhập trong vòng {minutes} phút.\nNếu bạn không yêu cầu, hãy bỏ qua email này. Không chia sẻ mã này với bất kỳ ai.\n\nĐội ngũ Jitsumei",
    },
  },
} as const satisfies Record<string, { subject: Translations; text: Translations }>;

export type MailTemplate = keyof typeof templates;

export function renderMail(
  template: MailTemplate,
  language: Language,
  params: Record<string, string | number>,
): { subject: string; text: string } {
  const t = templates[template];
  return { subject: interpolate(t.subject[language], params), text: interpolate(t.text[language], params) };
}

/** The sign-in code by SMS: the code and the reference only (no link, no personal data). */
const signInSms: Translations = {
  ja: "【Jitsumei】お申込み{reference}の確認コードは{code}です（{minutes}分有効）。",
  en: "[Jitsumei] Your sign-in code for application {reference} is {code}. It is valid for {minutes} minutes.",
  "zh-Hans": "【Jitsumei】申请{reference}的登录验证码为{code}，{minutes}分钟内有效。",
  "zh-Hant": "【Jitsumei】申請{reference}的登入驗證碼為{code}，{minutes}分鐘內有效。",
  ko: "[Jitsumei] 신청 {reference}의 로그인 인증 코드는 {code}입니다({minutes}분간 유효).",
  vi: "[Jitsumei] Mã đăng nhập cho hồ sơ {reference} là {code}, có hiệu lực trong {minutes} phút.",
};

export function renderSignInSms(language: Language, params: Record<string, string | number>): string {
  return interpolate(signInSms[language], params);
}
