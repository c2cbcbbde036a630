import type { Translations } from "@jitsumei/domain";

/**
 * What a subscriber reads when the police asked about their line (契約者確認の求め): the letter asking
 * them to verify again by a deadline, the mail that tells them the letter is in their documents, and
 * the mail when an unanswered request suspends the line. The police request itself is not described:
 * the Act has the operator ask the holder to verify again, nothing more.
 */
export const letterTexts: Record<
  "title" | "salutation" | "p1" | "p2" | "p3" | "line" | "deadline" | "letterNumber" | "how",
  Translations
> = {
  title: {
    ja: "ご契約者様の本人確認のお願い",
    en: "Request to verify your identity again",
    "zh-Hans": "关于再次进行本人确认的请求",
    "zh-Hant": "關於再次進行本人確認的請求",
    ko: "본인 확인 재실시 요청",
    vi: "Yêu cầu xác minh lại danh tính",
  },
  salutation: {
    ja: "{name} 様",
    en: "Dear {name},",
    "zh-Hans": "{name} 先生/女士：",
    "zh-Hant": "{name} 先生/女士：",
    ko: "{name} 님께",
    vi: "Kính gửi {name},",
  },
  p1: {
    ja: "携帯音声通信事業者による契約者等の本人確認等及び携帯音声通信役務の不正な利用の防止に関する法律に基づき、下記の回線について、ご契約者様の本人確認を改めて行う必要があります。",
    en: "Under the Mobile Phone Improper Use Prevention Act, we must verify again the identity of the holder of the line below.",
    "zh-Hans": "根据《防止不正当使用手机法》，我们需要对下述线路的签约人再次进行本人确认。",
    "zh-Hant": "根據《防止不正當使用手機法》，我們需要對下述線路的簽約人再次進行本人確認。",
    ko: "휴대전화 부정이용 방지법에 따라 아래 회선의 계약자 본인 확인을 다시 실시해야 합니다.",
    vi: "Theo Luật phòng chống sử dụng điện thoại di động bất hợp pháp, chúng tôi cần xác minh lại danh tính của chủ thuê bao dưới đây.",
  },
  p2: {
    ja: "期限までに、本人確認書類による確認をお願いいたします。マイページ（契約者用API）から本人確認書類の情報を送信するか、本人確認書類の原本をお持ちのうえ店頭にお越しください。",
    en: "Please verify with an identity document by the deadline: send it from your account (the subscriber API), or bring the original document to a shop.",
    "zh-Hans": "请在期限前使用身份证明文件完成确认：可在会员页面（签约人 API）提交证件信息，或携带证件原件到店办理。",
    "zh-Hant": "請在期限前使用身分證明文件完成確認：可在會員頁面（簽約人 API）提交證件資訊，或攜帶證件正本到店辦理。",
    ko: "기한까지 신분증으로 확인해 주십시오. 마이페이지(계약자 API)에서 신분증 정보를 보내시거나, 신분증 원본을 지참하여 매장을 방문해 주십시오.",
    vi: "Vui lòng xác minh bằng giấy tờ tùy thân trước hạn: gửi thông tin từ tài khoản của bạn (API thuê bao), hoặc mang bản gốc giấy tờ đến cửa hàng.",
  },
  p3: {
    ja: "期限までに本人確認ができない場合、法律に基づき、この回線のご利用を停止させていただきます。",
    en: "If your identity cannot be verified by the deadline, the law allows us to suspend this line, and we will.",
    "zh-Hans": "如在期限前未能完成本人确认，我们将依法暂停该线路的使用。",
    "zh-Hant": "如在期限前未能完成本人確認，我們將依法暫停該線路的使用。",
    ko: "기한까지 본인 확인이 되지 않으면 법에 따라 이 회선의 이용을 정지합니다.",
    vi: "Nếu không xác minh được danh tính trước hạn, theo luật chúng tôi sẽ tạm ngừng thuê bao này.",
  },
  line: {
    ja: "対象の回線",
    en: "Line",
    "zh-Hans": "对象线路",
    "zh-Hant": "對象線路",
    ko: "대상 회선",
    vi: "Thuê bao",
  },
  deadline: {
    ja: "確認の期限",
    en: "Deadline",
    "zh-Hans": "确认期限",
    "zh-Hant": "確認期限",
    ko: "확인 기한",
    vi: "Hạn xác minh",
  },
  letterNumber: {
    ja: "文書番号",
    en: "Letter number",
    "zh-Hans": "文件编号",
    "zh-Hant": "文件編號",
    ko: "문서 번호",
    vi: "Số văn bản",
  },
  how: {
    ja: "確認の方法",
    en: "How to verify",
    "zh-Hans": "确认方法",
    "zh-Hant": "確認方法",
    ko: "확인 방법",
    vi: "Cách xác minh",
  },
};

export const mailTexts: Record<"requestSubject" | "requestBody" | "suspendedSubject" | "suspendedBody", Translations> =
  {
    requestSubject: {
      ja: "【重要】{msisdn} の回線の本人確認のお願い（期限 {deadline}）",
      en: "Important: please verify your identity for line {msisdn} by {deadline}",
      "zh-Hans": "【重要】请在 {deadline} 前为线路 {msisdn} 完成本人确认",
      "zh-Hant": "【重要】請在 {deadline} 前為線路 {msisdn} 完成本人確認",
      ko: "[중요] {deadline}까지 {msisdn} 회선의 본인 확인을 해 주십시오",
      vi: "Quan trọng: vui lòng xác minh danh tính cho thuê bao {msisdn} trước {deadline}",
    },
    requestBody: {
      ja: "{msisdn} の回線について、法律に基づき、ご契約者様の本人確認を改めてお願いしております。書面（文書番号 {letter}）を書類一覧に掲載しました。{deadline} までに本人確認書類で確認をお願いいたします。期限までに確認できない場合、この回線のご利用を停止します。",
      en: "The law requires us to verify again the identity of the holder of line {msisdn}. The letter ({letter}) is in your documents. Please verify with an identity document by {deadline}. If you do not, the line will be suspended.",
      "zh-Hans":
        "根据法律，我们需要对线路 {msisdn} 的签约人再次进行本人确认。书面通知（编号 {letter}）已放入您的文件列表。请在 {deadline} 前使用身份证明文件完成确认，否则该线路将被暂停。",
      "zh-Hant":
        "根據法律，我們需要對線路 {msisdn} 的簽約人再次進行本人確認。書面通知（編號 {letter}）已放入您的文件列表。請在 {deadline} 前使用身分證明文件完成確認，否則該線路將被暫停。",
      ko: "법에 따라 {msisdn} 회선 계약자의 본인 확인을 다시 요청드립니다. 서면({letter})을 문서함에 올려 두었습니다. {deadline}까지 신분증으로 확인해 주십시오. 확인되지 않으면 회선 이용이 정지됩니다.",
      vi: "Theo luật, chúng tôi cần xác minh lại danh tính chủ thuê bao {msisdn}. Văn bản ({letter}) đã có trong mục tài liệu của bạn. Vui lòng xác minh bằng giấy tờ tùy thân trước {deadline}. Nếu không, thuê bao sẽ bị tạm ngừng.",
    },
    suspendedSubject: {
      ja: "{msisdn} の回線のご利用を停止しました",
      en: "Your line {msisdn} has been suspended",
      "zh-Hans": "线路 {msisdn} 已被暂停使用",
      "zh-Hant": "線路 {msisdn} 已被暫停使用",
      ko: "{msisdn} 회선의 이용이 정지되었습니다",
      vi: "Thuê bao {msisdn} của bạn đã bị tạm ngừng",
    },
    suspendedBody: {
      ja: "{deadline} までに本人確認ができなかったため、法律に基づき {msisdn} の回線のご利用を停止しました。再開をご希望の場合は、本人確認書類の原本をお持ちのうえ店頭にお越しください。",
      en: "Your identity was not verified by {deadline}, so under the law line {msisdn} has been suspended. To have it restored, bring an original identity document to a shop.",
      "zh-Hans":
        "由于未在 {deadline} 前完成本人确认，我们已依法暂停线路 {msisdn}。如需恢复，请携带身份证明文件原件到店办理。",
      "zh-Hant":
        "由於未在 {deadline} 前完成本人確認，我們已依法暫停線路 {msisdn}。如需恢復，請攜帶身分證明文件正本到店辦理。",
      ko: "{deadline}까지 본인 확인이 되지 않아 법에 따라 {msisdn} 회선의 이용을 정지했습니다. 재개를 원하시면 신분증 원본을 지참하여 매장을 방문해 주십시오.",
      vi: "Danh tính của bạn chưa được xác minh trước {deadline}, nên theo luật thuê bao {msisdn} đã bị tạm ngừng. Để khôi phục, vui lòng mang bản gốc giấy tờ tùy thân đến cửa hàng.",
    },
  };

export const howToVerify: Translations = {
  ja: "POST /v1/subscriber/lines/{msisdn}/reverification、または店頭",
  en: "POST /v1/subscriber/lines/{msisdn}/reverification, or at a shop",
  "zh-Hans": "POST /v1/subscriber/lines/{msisdn}/reverification，或到店办理",
  "zh-Hant": "POST /v1/subscriber/lines/{msisdn}/reverification，或到店辦理",
  ko: "POST /v1/subscriber/lines/{msisdn}/reverification 또는 매장",
  vi: "POST /v1/subscriber/lines/{msisdn}/reverification, hoặc tại cửa hàng",
};
