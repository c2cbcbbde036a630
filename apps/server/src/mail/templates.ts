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
