import type { ApplicationState } from "../../application/lifecycle.ts";
import type { Translations } from "../languages.ts";

/**
 * Applicant-facing texts of the staff review: why an application was refused, what a reviewer asks
 * to correct, and what each application state means to the applicant. Every text is plain and polite;
 * none accuses the applicant of anything.
 */

// ---------------------------------------------------------------------------------------------------
// Refusal reasons
// ---------------------------------------------------------------------------------------------------

export const rejectReasonCodes = [
  "document_invalid",
  "identity_mismatch",
  "document_unreadable",
  "fraud_suspected",
  "not_eligible",
  "duplicate_application",
  "line_limit_reached",
  "correction_not_made",
  "other",
] as const;
export type RejectReasonCode = (typeof rejectReasonCodes)[number];

/** One or two sentences the applicant reads in the refusal notice. */
export const rejectReasonMessages: Record<RejectReasonCode, Translations> = {
  document_invalid: {
    ja: "ご提出いただいた本人確認書類は、このお申込みにはご利用いただけません（有効期限が切れている、またはお受けしていない種類の書類であるなど）。",
    en: "The ID document you submitted cannot be used for this application, for example because it has expired or is not a type we accept.",
    "zh-Hans": "您提交的身份证件无法用于本申请，例如证件已过期，或不属于我们受理的证件种类。",
    "zh-Hant": "您提交的身分證件無法用於本申請，例如證件已過期，或不屬於我們受理的證件種類。",
    ko: "제출하신 신분증은 이 신청에 사용할 수 없습니다(유효기간이 지났거나 접수 대상이 아닌 종류인 경우 등).",
    vi: "Giấy tờ tùy thân bạn đã gửi không thể dùng cho hồ sơ này, ví dụ do đã hết hạn hoặc không thuộc loại chúng tôi chấp nhận.",
  },
  identity_mismatch: {
    ja: "お申込みの内容が本人確認書類の記載と一致していることを確認できませんでした。引き続きご希望の場合は、書類の記載どおりに入力して、新しくお申込みください。",
    en: "We could not confirm that the details in your application match your ID document. If you still wish to apply, please start a new application and enter your details exactly as they appear on the document.",
    "zh-Hans": "我们无法确认申请内容与您身份证件上的记载一致。如仍希望办理，请按照证件上的内容填写，重新提交申请。",
    "zh-Hant": "我們無法確認申請內容與您身分證件上的記載一致。如仍希望辦理，請依照證件上的內容填寫，重新提出申請。",
    ko: "신청 내용이 신분증에 기재된 내용과 일치하는지 확인할 수 없었습니다. 계속 신청을 원하시면 신분증에 적힌 그대로 입력하여 새로 신청해 주세요.",
    vi: "Chúng tôi không thể xác nhận thông tin trong hồ sơ khớp với giấy tờ tùy thân của bạn. Nếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới và nhập thông tin đúng như trên giấy tờ.",
  },
  document_unreadable: {
    ja: "本人確認書類の内容をはっきりと読み取れなかったため、ご本人であることを確認できませんでした。引き続きご希望の場合は、明るい場所で書類を鮮明に撮影し、新しくお申込みください。",
    en: "We could not read your ID document clearly enough to confirm your identity. If you still wish to apply, please start a new application with clear photos taken in good light.",
    "zh-Hans":
      "我们无法清楚读取您身份证件上的内容，因此无法确认您的身份。如仍希望办理，请在光线充足的地方拍摄清晰的照片，重新提交申请。",
    "zh-Hant":
      "我們無法清楚讀取您身分證件上的內容，因此無法確認您的身分。如仍希望辦理，請在光線充足的地方拍攝清晰的照片，重新提出申請。",
    ko: "신분증 내용을 선명하게 읽을 수 없어 본인 확인을 할 수 없었습니다. 계속 신청을 원하시면 밝은 곳에서 신분증을 선명하게 촬영하여 새로 신청해 주세요.",
    vi: "Chúng tôi không đọc rõ được giấy tờ tùy thân nên không thể xác minh danh tính của bạn. Nếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới với ảnh chụp rõ nét, đủ ánh sáng.",
  },
  fraud_suspected: {
    ja: "申し訳ありませんが、このお申込みはお受けできません。詳しくはサポート窓口にお問い合わせください。",
    en: "We are sorry, but we cannot accept this application. Please contact our support desk for details.",
    "zh-Hans": "很抱歉，我们无法受理此申请。详情请联系客服窗口。",
    "zh-Hant": "很抱歉，我們無法受理此申請。詳情請聯絡客服窗口。",
    ko: "죄송하지만 이 신청은 접수할 수 없습니다. 자세한 내용은 고객지원 창구로 문의해 주세요.",
    vi: "Rất tiếc, chúng tôi không thể chấp nhận hồ sơ này. Vui lòng liên hệ bộ phận hỗ trợ để biết thêm chi tiết.",
  },
  not_eligible: {
    ja: "お申込みの内容が、このサービスのご利用条件（年齢や在留期間など）を満たしていません。詳しくはウェブサイトのご利用条件をご覧いただくか、サポート窓口にお問い合わせください。",
    en: "Your application does not meet the conditions for this service, such as age or period of stay. Please see the conditions on our website or contact our support desk.",
    "zh-Hans": "您的申请不符合本服务的使用条件（例如年龄或在留期限等）。详情请查看网站上的使用条件，或联系客服窗口。",
    "zh-Hant": "您的申請不符合本服務的使用條件（例如年齡或在留期間等）。詳情請查看網站上的使用條件，或聯絡客服窗口。",
    ko: "신청 내용이 이 서비스의 이용 조건(연령, 재류 기간 등)을 충족하지 않습니다. 자세한 내용은 웹사이트의 이용 조건을 확인하시거나 고객지원 창구로 문의해 주세요.",
    vi: "Hồ sơ của bạn chưa đáp ứng điều kiện sử dụng dịch vụ này (ví dụ về độ tuổi hoặc thời hạn lưu trú). Vui lòng xem điều kiện trên trang web hoặc liên hệ bộ phận hỗ trợ.",
  },
  duplicate_application: {
    ja: "すでに別のお申込みをいただいているため、このお申込みはお手続きできません。もう一方のお申込みでお手続きをお進めください。",
    en: "We already have another application from you, so this one will not be processed. Please continue with your other application.",
    "zh-Hans": "您已提交过另一份申请，因此本申请将不予办理。请通过另一份申请继续办理。",
    "zh-Hant": "您已提出另一份申請，因此本申請將不予辦理。請透過另一份申請繼續辦理。",
    ko: "이미 다른 신청이 접수되어 있어 이 신청은 처리할 수 없습니다. 다른 신청으로 계속 진행해 주세요.",
    vi: "Bạn đã có một hồ sơ khác với chúng tôi nên hồ sơ này sẽ không được xử lý. Vui lòng tiếp tục với hồ sơ kia.",
  },
  line_limit_reached: {
    ja: "お一人あたりの音声通話回線の上限数に達しているため、お申込みをお受けできません。既にお持ちの回線を解約してから、もう一度お申込みください。",
    en: "You already hold the largest number of voice lines one person may have, so we cannot accept this application. Please cancel a line you hold before applying again.",
    "zh-Hans": "您持有的语音线路已达到每人可持有的上限，因此无法受理本申请。请先解约已持有的线路后再重新申请。",
    "zh-Hant": "您持有的語音門號已達每人可持有的上限，因此無法受理本申請。請先解約已持有的門號後再重新申請。",
    ko: "1인당 보유할 수 있는 음성 회선 수의 상한에 도달하여 신청을 접수할 수 없습니다. 보유 중인 회선을 해지한 뒤 다시 신청해 주세요.",
    vi: "Bạn đã có đủ số thuê bao thoại tối đa mà một người được giữ nên chúng tôi không thể chấp nhận hồ sơ này. Vui lòng hủy một thuê bao đang có rồi đăng ký lại.",
  },
  correction_not_made: {
    ja: "内容の修正をお願いしていましたが、期限までに修正を確認できませんでした。引き続きご希望の場合は、新しくお申込みください。",
    en: "We asked you to correct some details, but the corrections did not reach us before the deadline. If you still wish to apply, please start a new application.",
    "zh-Hans": "我们曾请您修改部分内容，但在截止日期前未收到修改。如仍希望办理，请重新提交申请。",
    "zh-Hant": "我們曾請您修正部分內容，但在期限前未收到修正。如仍希望辦理，請重新提出申請。",
    ko: "일부 내용의 수정을 요청드렸으나 기한까지 수정이 확인되지 않았습니다. 계속 신청을 원하시면 새로 신청해 주세요.",
    vi: "Chúng tôi đã đề nghị bạn sửa một số thông tin nhưng chưa nhận được nội dung sửa trước thời hạn. Nếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới.",
  },
  other: {
    ja: "誠に申し訳ありませんが、今回はお申込みをお受けできませんでした。ご不明な点はサポート窓口にお問い合わせください。",
    en: "We are sorry, but we could not accept your application this time. If you have any questions, please contact our support desk.",
    "zh-Hans": "很抱歉，此次我们无法受理您的申请。如有疑问，请联系客服窗口。",
    "zh-Hant": "很抱歉，此次我們無法受理您的申請。如有疑問，請聯絡客服窗口。",
    ko: "죄송하지만 이번에는 신청을 접수할 수 없었습니다. 궁금하신 점은 고객지원 창구로 문의해 주세요.",
    vi: "Rất tiếc, lần này chúng tôi không thể chấp nhận hồ sơ của bạn. Nếu có thắc mắc, vui lòng liên hệ bộ phận hỗ trợ.",
  },
};

// ---------------------------------------------------------------------------------------------------
// Fields a reviewer may ask the applicant to correct
// ---------------------------------------------------------------------------------------------------

export const correctableFields = [
  "name",
  "name.kanji",
  "name.kana",
  "birthDate",
  "nationality",
  "sex",
  "address",
  "document.type",
  "document.number",
  "document.expiryDate",
  "document.issuingCountry",
  "contact.email",
  "contact.phone",
  "evidence.mrz",
  "evidence.image",
  "evidence.selfie",
  "evidence.chip",
  "evidence.jpki",
] as const;
export type CorrectableField = (typeof correctableFields)[number];

/** Short labels, shown as a list in the correction request. */
export const correctableFieldLabels: Record<CorrectableField, Translations> = {
  name: {
    ja: "氏名（本人確認書類の記載どおり）",
    en: "Name (as on your ID document)",
    "zh-Hans": "姓名（与证件上的记载一致）",
    "zh-Hant": "姓名（與證件上的記載一致）",
    ko: "성명(신분증에 기재된 그대로)",
    vi: "Họ tên (như trên giấy tờ tùy thân)",
  },
  "name.kanji": {
    ja: "氏名（漢字）",
    en: "Name in kanji",
    "zh-Hans": "姓名（汉字）",
    "zh-Hant": "姓名（漢字）",
    ko: "성명(한자)",
    vi: "Họ tên bằng chữ Hán (kanji)",
  },
  "name.kana": {
    ja: "氏名（フリガナ）",
    en: "Name in katakana (how it is read)",
    "zh-Hans": "姓名读音（片假名）",
    "zh-Hant": "姓名讀音（片假名）",
    ko: "성명 읽는 법(가타카나)",
    vi: "Cách đọc họ tên (katakana)",
  },
  birthDate: {
    ja: "生年月日",
    en: "Date of birth",
    "zh-Hans": "出生日期",
    "zh-Hant": "出生日期",
    ko: "생년월일",
    vi: "Ngày sinh",
  },
  nationality: { ja: "国籍", en: "Nationality", "zh-Hans": "国籍", "zh-Hant": "國籍", ko: "국적", vi: "Quốc tịch" },
  sex: { ja: "性別", en: "Sex", "zh-Hans": "性别", "zh-Hant": "性別", ko: "성별", vi: "Giới tính" },
  address: { ja: "住所", en: "Address", "zh-Hans": "地址", "zh-Hant": "地址", ko: "주소", vi: "Địa chỉ" },
  "document.type": {
    ja: "本人確認書類の種類",
    en: "Type of ID document",
    "zh-Hans": "证件种类",
    "zh-Hant": "證件種類",
    ko: "신분증 종류",
    vi: "Loại giấy tờ tùy thân",
  },
  "document.number": {
    ja: "本人確認書類の番号",
    en: "ID document number",
    "zh-Hans": "证件号码",
    "zh-Hant": "證件號碼",
    ko: "신분증 번호",
    vi: "Số giấy tờ tùy thân",
  },
  "document.expiryDate": {
    ja: "本人確認書類の有効期限",
    en: "Expiry date of your ID document",
    "zh-Hans": "证件有效期限",
    "zh-Hant": "證件有效期限",
    ko: "신분증 유효기간",
    vi: "Ngày hết hạn của giấy tờ tùy thân",
  },
  "document.issuingCountry": {
    ja: "本人確認書類の発行国",
    en: "Country that issued your ID document",
    "zh-Hans": "证件签发国家",
    "zh-Hant": "證件簽發國家",
    ko: "신분증 발급 국가",
    vi: "Quốc gia cấp giấy tờ tùy thân",
  },
  "contact.email": {
    ja: "メールアドレス",
    en: "E-mail address",
    "zh-Hans": "电子邮件地址",
    "zh-Hant": "電子郵件地址",
    ko: "이메일 주소",
    vi: "Địa chỉ email",
  },
  "contact.phone": {
    ja: "連絡先電話番号",
    en: "Contact phone number",
    "zh-Hans": "联系电话",
    "zh-Hant": "聯絡電話",
    ko: "연락처 전화번호",
    vi: "Số điện thoại liên hệ",
  },
  "evidence.mrz": {
    ja: "機械読取部分（パスポートの顔写真ページ下部の2〜3行）",
    en: "Machine-readable zone (the 2 or 3 lines at the bottom of your passport page)",
    "zh-Hans": "机读区（护照资料页底部的2至3行字符）",
    "zh-Hant": "機器判讀區（護照資料頁底部的2至3行字元）",
    ko: "기계 판독 영역(여권 사진 면 하단의 2~3줄)",
    vi: "Vùng đọc bằng máy (2–3 dòng ký tự ở cuối trang ảnh hộ chiếu)",
  },
  "evidence.image": {
    ja: "本人確認書類の写真",
    en: "Photo of your ID document",
    "zh-Hans": "证件的拍摄图片",
    "zh-Hant": "證件的拍攝影像",
    ko: "신분증 사진",
    vi: "Ảnh chụp giấy tờ tùy thân",
  },
  "evidence.selfie": {
    ja: "自撮り写真",
    en: "Selfie",
    "zh-Hans": "自拍照",
    "zh-Hant": "自拍照",
    ko: "셀피 사진",
    vi: "Ảnh selfie",
  },
  "evidence.chip": {
    ja: "本人確認書類のICチップの読み取り",
    en: "IC chip reading of your card or passport",
    "zh-Hans": "证件IC芯片的读取",
    "zh-Hant": "證件IC晶片的讀取",
    ko: "신분증 IC 칩 읽기",
    vi: "Đọc chip IC của thẻ hoặc hộ chiếu",
  },
  "evidence.jpki": {
    ja: "マイナンバーカードによる電子署名（JPKI）",
    en: "My Number card signature (JPKI)",
    "zh-Hans": "个人编号卡电子签名（JPKI）",
    "zh-Hant": "個人編號卡電子簽章（JPKI）",
    ko: "마이넘버 카드 전자서명(JPKI)",
    vi: "Chữ ký điện tử bằng thẻ My Number (JPKI)",
  },
};

// ---------------------------------------------------------------------------------------------------
// Application states as the applicant sees them
// ---------------------------------------------------------------------------------------------------

export type ApplicationStateText = {
  /** What the state means to the applicant. */
  title: Translations;
  /** What happens next, or what the applicant must do. */
  next: Translations;
  /** How long it usually takes; terminal states say that nothing more will happen. */
  usually: Translations;
};

const underReview: Translations = {
  ja: "審査中",
  en: "Under review",
  "zh-Hans": "审核中",
  "zh-Hant": "審核中",
  ko: "심사 중",
  vi: "Đang xét duyệt",
};

const resultWithinTwoBusinessDays: Translations = {
  ja: "通常2営業日以内に結果をお知らせします。",
  en: "Usually within 2 business days.",
  "zh-Hans": "通常在2个工作日内通知您结果。",
  "zh-Hant": "通常在2個工作天內通知您結果。",
  ko: "보통 영업일 기준 2일 이내에 결과를 알려 드립니다.",
  vi: "Thường trong vòng 2 ngày làm việc.",
};

const nothingMore: Translations = {
  ja: "このお申込みのお手続きはこれで終了です。",
  en: "Nothing more will happen to this application.",
  "zh-Hans": "本申请不会再有后续处理。",
  "zh-Hant": "本申請不會再有後續處理。",
  ko: "이 신청은 더 이상 진행되지 않습니다.",
  vi: "Hồ sơ này sẽ không được xử lý thêm.",
};

export const applicationStateTexts: Record<ApplicationState, ApplicationStateText> = {
  draft: {
    title: {
      ja: "入力中",
      en: "Not yet submitted",
      "zh-Hans": "尚未提交",
      "zh-Hant": "尚未送出",
      ko: "작성 중",
      vi: "Chưa gửi",
    },
    next: {
      ja: "必要事項を入力し、書類をご用意のうえ、お申込みを送信してください。",
      en: "Please fill in your details, add your documents and submit your application.",
      "zh-Hans": "请填写所需信息并上传证件，然后提交申请。",
      "zh-Hant": "請填寫所需資料並上傳證件，然後送出申請。",
      ko: "필요한 정보를 입력하고 서류를 첨부한 뒤 신청서를 제출해 주세요.",
      vi: "Vui lòng điền thông tin, tải giấy tờ lên và gửi hồ sơ.",
    },
    usually: {
      ja: "送信していただくまで、お手続きは始まりません。",
      en: "Nothing happens until you submit it.",
      "zh-Hans": "提交之前，手续不会开始。",
      "zh-Hant": "送出之前，手續不會開始。",
      ko: "제출하시기 전까지는 절차가 시작되지 않습니다.",
      vi: "Thủ tục chỉ bắt đầu sau khi bạn gửi hồ sơ.",
    },
  },
  checking: {
    title: {
      ja: "自動確認中",
      en: "Being checked",
      "zh-Hans": "正在自动核查",
      "zh-Hant": "正在自動核對",
      ko: "자동 확인 중",
      vi: "Đang kiểm tra tự động",
    },
    next: {
      ja: "お申込み内容と書類を自動で確認しています。このままお待ちください。",
      en: "We are checking your details and documents automatically. You do not need to do anything.",
      "zh-Hans": "我们正在自动核查您的申请内容和证件，请稍候，您无需进行任何操作。",
      "zh-Hant": "我們正在自動核對您的申請內容和證件，請稍候，您無需進行任何操作。",
      ko: "신청 내용과 서류를 자동으로 확인하고 있습니다. 잠시 기다려 주세요.",
      vi: "Chúng tôi đang tự động kiểm tra thông tin và giấy tờ của bạn. Bạn không cần làm gì.",
    },
    usually: {
      ja: "通常は数分で終わります。",
      en: "This usually takes a few minutes.",
      "zh-Hans": "通常几分钟内即可完成。",
      "zh-Hant": "通常幾分鐘內即可完成。",
      ko: "보통 몇 분 안에 끝납니다.",
      vi: "Thường chỉ mất vài phút.",
    },
  },
  in_review: {
    title: underReview,
    next: {
      ja: "担当者がお申込み内容を確認しています。結果はメールでお知らせします。",
      en: "Our staff are reviewing your application. We will e-mail you the result.",
      "zh-Hans": "工作人员正在审核您的申请，结果将通过电子邮件通知您。",
      "zh-Hant": "工作人員正在審核您的申請，結果將以電子郵件通知您。",
      ko: "담당 직원이 신청 내용을 심사하고 있습니다. 결과는 이메일로 알려 드립니다.",
      vi: "Nhân viên đang xét duyệt hồ sơ của bạn. Chúng tôi sẽ gửi kết quả qua email.",
    },
    usually: resultWithinTwoBusinessDays,
  },
  // A second, senior reviewer confirms the decision; to the applicant this is still "under review".
  override_pending: {
    title: underReview,
    next: {
      ja: "担当者が引き続きお申込み内容を確認しています。結果はメールでお知らせします。",
      en: "Our staff are still reviewing your application. We will e-mail you the result.",
      "zh-Hans": "工作人员仍在审核您的申请，结果将通过电子邮件通知您。",
      "zh-Hant": "工作人員仍在審核您的申請，結果將以電子郵件通知您。",
      ko: "담당 직원이 계속해서 신청 내용을 심사하고 있습니다. 결과는 이메일로 알려 드립니다.",
      vi: "Nhân viên vẫn đang xét duyệt hồ sơ của bạn. Chúng tôi sẽ gửi kết quả qua email.",
    },
    usually: resultWithinTwoBusinessDays,
  },
  correction_requested: {
    title: {
      ja: "修正をお願いしています",
      en: "Correction needed",
      "zh-Hans": "需要修改",
      "zh-Hant": "需要修正",
      ko: "수정 필요",
      vi: "Cần chỉnh sửa",
    },
    next: {
      ja: "お知らせした項目を修正し、期限までにもう一度送信してください。",
      en: "Please correct the items we pointed out and submit your application again before the deadline.",
      "zh-Hans": "请修改我们指出的项目，并在截止日期前重新提交申请。",
      "zh-Hant": "請修正我們指出的項目，並在期限前重新送出申請。",
      ko: "안내해 드린 항목을 수정하여 기한 내에 다시 제출해 주세요.",
      vi: "Vui lòng sửa các mục chúng tôi đã nêu và gửi lại hồ sơ trước thời hạn.",
    },
    usually: {
      ja: "再送信後、通常2営業日以内に確認します。",
      en: "Once you submit again, we usually check it within 2 business days.",
      "zh-Hans": "重新提交后，通常在2个工作日内完成确认。",
      "zh-Hant": "重新送出後，通常在2個工作天內完成確認。",
      ko: "다시 제출하시면 보통 영업일 기준 2일 이내에 확인합니다.",
      vi: "Sau khi bạn gửi lại, chúng tôi thường kiểm tra trong vòng 2 ngày làm việc.",
    },
  },
  approved: {
    title: {
      ja: "本人確認が完了しました",
      en: "Identity verified",
      "zh-Hans": "身份验证已完成",
      "zh-Hant": "身分驗證已完成",
      ko: "본인 확인 완료",
      vi: "Đã xác minh danh tính",
    },
    next: {
      ja: "次のお手続きに進みます。ご案内をお送りしますので、お待ちください。",
      en: "Your application moves on to the next step. We will tell you what to do.",
      "zh-Hans": "您的申请将进入下一步手续，我们会通知您需要做什么。",
      "zh-Hant": "您的申請將進入下一步手續，我們會通知您需要做什麼。",
      ko: "다음 절차로 넘어갑니다. 하실 일을 안내해 드리겠습니다.",
      vi: "Hồ sơ sẽ chuyển sang bước tiếp theo. Chúng tôi sẽ hướng dẫn bạn cần làm gì.",
    },
    usually: {
      ja: "通常1営業日以内にご案内します。",
      en: "Usually within 1 business day.",
      "zh-Hans": "通常在1个工作日内通知您。",
      "zh-Hant": "通常在1個工作天內通知您。",
      ko: "보통 영업일 기준 1일 이내에 안내해 드립니다.",
      vi: "Thường trong vòng 1 ngày làm việc.",
    },
  },
  contract_pending: {
    title: {
      ja: "ご契約手続きのお願い",
      en: "Contract to sign",
      "zh-Hans": "待签订合同",
      "zh-Hant": "待簽訂合約",
      ko: "계약 절차 대기",
      vi: "Chờ ký hợp đồng",
    },
    next: {
      ja: "重要事項説明をお読みいただき、内容にご同意いただける場合は契約書に署名してください。",
      en: "Please read the explanation of the important points of your contract, and sign it if you agree.",
      "zh-Hans": "请阅读重要事项说明，如同意其内容，请签署合同。",
      "zh-Hant": "請閱讀重要事項說明，如同意其內容，請簽署合約。",
      ko: "중요사항 설명을 읽어 보시고, 내용에 동의하시면 계약서에 서명해 주세요.",
      vi: "Vui lòng đọc phần giải thích các điều khoản quan trọng của hợp đồng và ký nếu bạn đồng ý.",
    },
    usually: {
      ja: "署名いただくと、すぐに次のお手続きに進みます。",
      en: "The next step starts as soon as you sign.",
      "zh-Hans": "签署后即进入下一步。",
      "zh-Hant": "簽署後即進入下一步。",
      ko: "서명하시면 바로 다음 단계로 진행됩니다.",
      vi: "Bước tiếp theo sẽ bắt đầu ngay khi bạn ký.",
    },
  },
  deposit_pending: {
    title: {
      ja: "保証金のお支払い待ち",
      en: "Deposit to pay",
      "zh-Hans": "待支付押金",
      "zh-Hant": "待支付保證金",
      ko: "보증금 결제 대기",
      vi: "Chờ thanh toán tiền đặt cọc",
    },
    next: {
      ja: "ご案内した方法で保証金をお支払いください。",
      en: "Please pay the deposit as described in our instructions.",
      "zh-Hans": "请按照我们的说明支付押金。",
      "zh-Hant": "請依照我們的說明支付保證金。",
      ko: "안내해 드린 방법으로 보증금을 결제해 주세요.",
      vi: "Vui lòng thanh toán tiền đặt cọc theo hướng dẫn của chúng tôi.",
    },
    usually: {
      ja: "お支払いを確認でき次第、次のお手続きに進みます。",
      en: "The next step starts as soon as we receive your payment.",
      "zh-Hans": "确认收到付款后即进入下一步。",
      "zh-Hant": "確認收到款項後即進入下一步。",
      ko: "결제가 확인되면 바로 다음 단계로 진행됩니다.",
      vi: "Bước tiếp theo sẽ bắt đầu ngay khi chúng tôi nhận được khoản thanh toán.",
    },
  },
  payment_pending: {
    title: {
      ja: "料金のお支払い待ち",
      en: "Payment due",
      "zh-Hans": "待付款",
      "zh-Hant": "待付款",
      ko: "요금 결제 대기",
      vi: "Chờ thanh toán",
    },
    next: {
      ja: "本人確認が完了しました。プランの料金をクレジットカードまたはコンビニでお支払いください。お支払いが確認でき次第、SIMカードまたはeSIMをご用意します。",
      en: "Your identity has been verified. Please pay for your plan by card or at a convenience store. We prepare your SIM card or eSIM as soon as the payment arrives.",
      "zh-Hans": "身份验证已完成。请用信用卡或在便利店支付套餐费用。确认收到付款后，我们会立即为您准备SIM卡或eSIM。",
      "zh-Hant": "身分驗證已完成。請以信用卡或在便利商店支付方案費用。確認收到款項後，我們會立即為您準備SIM卡或eSIM。",
      ko: "본인 확인이 완료되었습니다. 요금제 요금을 신용카드 또는 편의점에서 결제해 주세요. 결제가 확인되면 바로 SIM 카드 또는 eSIM을 준비해 드립니다.",
      vi: "Danh tính của bạn đã được xác minh. Vui lòng thanh toán gói cước bằng thẻ hoặc tại cửa hàng tiện lợi. Chúng tôi sẽ chuẩn bị thẻ SIM hoặc eSIM ngay khi nhận được thanh toán.",
    },
    usually: {
      ja: "カードは即時、コンビニはお支払いから数分で確認できます。期限までにお支払いがないと、お申込みは終了となります。",
      en: "A card payment is confirmed at once; a convenience-store payment within minutes of paying. Unpaid by the deadline, the application is closed.",
      "zh-Hans": "信用卡付款即时确认；便利店付款在付款后几分钟内确认。逾期未付款，申请将被关闭。",
      "zh-Hant": "信用卡付款即時確認；便利商店付款在付款後幾分鐘內確認。逾期未付款，申請將會關閉。",
      ko: "카드 결제는 즉시, 편의점 결제는 결제 후 몇 분 이내에 확인됩니다. 기한까지 결제하지 않으시면 신청이 종료됩니다.",
      vi: "Thanh toán bằng thẻ được xác nhận ngay; thanh toán tại cửa hàng tiện lợi được xác nhận trong vài phút. Nếu không thanh toán trước hạn, hồ sơ sẽ bị đóng.",
    },
  },
  ready_to_issue: {
    title: {
      ja: "SIMの準備中",
      en: "Preparing your SIM",
      "zh-Hans": "正在准备SIM卡",
      "zh-Hant": "正在準備SIM卡",
      ko: "SIM 준비 중",
      vi: "Đang chuẩn bị SIM",
    },
    next: {
      ja: "SIMカードまたはeSIMを準備しています。このままお待ちください。",
      en: "We are preparing your SIM card or eSIM. You do not need to do anything.",
      "zh-Hans": "我们正在为您准备SIM卡或eSIM，您无需进行任何操作。",
      "zh-Hant": "我們正在為您準備SIM卡或eSIM，您無需進行任何操作。",
      ko: "SIM 카드 또는 eSIM을 준비하고 있습니다. 따로 하실 일은 없습니다.",
      vi: "Chúng tôi đang chuẩn bị thẻ SIM hoặc eSIM cho bạn. Bạn không cần làm gì.",
    },
    usually: {
      ja: "通常2営業日以内です。",
      en: "Usually within 2 business days.",
      "zh-Hans": "通常在2个工作日内完成。",
      "zh-Hant": "通常在2個工作天內完成。",
      ko: "보통 영업일 기준 2일 이내입니다.",
      vi: "Thường trong vòng 2 ngày làm việc.",
    },
  },
  sim_assigned: {
    title: {
      ja: "SIMをご用意しました",
      en: "Your SIM is ready",
      "zh-Hans": "SIM卡已准备好",
      "zh-Hant": "SIM卡已準備好",
      ko: "SIM 준비 완료",
      vi: "SIM đã sẵn sàng",
    },
    next: {
      ja: "eSIMの場合は、このページの手順に沿ってスマートフォンに設定してください。SIMカードの場合は、発送までお待ちください。",
      en: "For an eSIM, follow the steps on this page to install it on your phone. For a SIM card, we will send it to you soon.",
      "zh-Hans": "如果是eSIM，请按照本页的步骤在手机上安装。如果是SIM卡，我们会尽快寄出。",
      "zh-Hant": "如果是eSIM，請依照本頁的步驟在手機上安裝。如果是SIM卡，我們會盡快寄出。",
      ko: "eSIM은 이 페이지의 안내에 따라 휴대전화에 설치해 주세요. SIM 카드는 곧 발송해 드립니다.",
      vi: "Với eSIM, hãy làm theo các bước trên trang này để cài đặt vào điện thoại. Với thẻ SIM, chúng tôi sẽ sớm gửi đến bạn.",
    },
    usually: {
      ja: "SIMカードは通常2営業日以内に発送します。",
      en: "SIM cards are usually sent within 2 business days.",
      "zh-Hans": "SIM卡通常在2个工作日内寄出。",
      "zh-Hant": "SIM卡通常在2個工作天內寄出。",
      ko: "SIM 카드는 보통 영업일 기준 2일 이내에 발송됩니다.",
      vi: "Thẻ SIM thường được gửi đi trong vòng 2 ngày làm việc.",
    },
  },
  in_delivery: {
    title: {
      ja: "配送中",
      en: "On its way",
      "zh-Hans": "配送中",
      "zh-Hant": "寄送中",
      ko: "배송 중",
      vi: "Đang giao hàng",
    },
    next: {
      ja: "SIMカードを本人限定受取郵便でお送りしました。郵便局からのお知らせに沿って、本人確認書類をご提示のうえ、ご本人が受け取ってください。",
      en: "We have sent your SIM card by restricted-delivery mail (本人限定受取郵便). Follow the post office's notice and collect it yourself, showing your ID document.",
      "zh-Hans":
        "我们已通过“本人限定领取邮件”（本人限定受取郵便）寄出SIM卡。请按照邮局的通知，由您本人出示身份证件领取。",
      "zh-Hant":
        "我們已透過「本人限定領取郵件」（本人限定受取郵便）寄出SIM卡。請依照郵局的通知，由您本人出示身分證件領取。",
      ko: "SIM 카드를 본인 한정 수취 우편(本人限定受取郵便)으로 보내 드렸습니다. 우체국의 안내에 따라 본인이 신분증을 제시하고 받아 주세요.",
      vi: "Chúng tôi đã gửi thẻ SIM bằng thư chỉ giao tận tay người nhận (本人限定受取郵便). Hãy làm theo thông báo của bưu điện và tự mình nhận, kèm theo giấy tờ tùy thân.",
    },
    usually: {
      ja: "通常、発送から2〜4日でお届けします。",
      en: "It usually arrives 2 to 4 days after we send it.",
      "zh-Hans": "通常在寄出后2至4天送达。",
      "zh-Hant": "通常在寄出後2至4天送達。",
      ko: "보통 발송 후 2~4일 안에 도착합니다.",
      vi: "Thường đến nơi sau 2 đến 4 ngày kể từ khi gửi.",
    },
  },
  delivered: {
    title: {
      ja: "お受け取り済み",
      en: "Delivered",
      "zh-Hans": "已签收",
      "zh-Hant": "已簽收",
      ko: "수령 완료",
      vi: "Đã nhận hàng",
    },
    next: {
      ja: "同封の案内に沿って、回線の開通手続きをしてください。",
      en: "Please follow the enclosed instructions to activate your line.",
      "zh-Hans": "请按照随附的说明开通线路。",
      "zh-Hant": "請依照隨附的說明開通門號。",
      ko: "동봉된 안내에 따라 회선 개통 절차를 진행해 주세요.",
      vi: "Vui lòng làm theo hướng dẫn kèm theo để kích hoạt thuê bao.",
    },
    usually: {
      ja: "開通手続きは通常数分で終わります。",
      en: "Activation usually takes a few minutes.",
      "zh-Hans": "开通通常只需几分钟。",
      "zh-Hant": "開通通常只需幾分鐘。",
      ko: "개통은 보통 몇 분이면 끝납니다.",
      vi: "Việc kích hoạt thường chỉ mất vài phút.",
    },
  },
  active: {
    title: {
      ja: "ご利用中",
      en: "Active",
      "zh-Hans": "已开通",
      "zh-Hant": "已開通",
      ko: "이용 중",
      vi: "Đang hoạt động",
    },
    next: {
      ja: "回線が開通し、ご利用いただけます。",
      en: "Your line is active and ready to use.",
      "zh-Hans": "您的线路已开通，可以使用了。",
      "zh-Hant": "您的門號已開通，可以使用了。",
      ko: "회선이 개통되어 이용하실 수 있습니다.",
      vi: "Thuê bao của bạn đã được kích hoạt và có thể sử dụng.",
    },
    usually: {
      ja: "このお申込みのお手続きはすべて完了しました。",
      en: "Your application is complete; nothing more will happen to it.",
      "zh-Hans": "本申请的手续已全部完成。",
      "zh-Hant": "本申請的手續已全部完成。",
      ko: "이 신청의 절차는 모두 완료되었습니다.",
      vi: "Mọi thủ tục của hồ sơ này đã hoàn tất.",
    },
  },
  rejected: {
    title: {
      ja: "お申込みをお受けできませんでした",
      en: "Not accepted",
      "zh-Hans": "申请未获受理",
      "zh-Hant": "申請未獲受理",
      ko: "승인되지 않음",
      vi: "Hồ sơ không được chấp nhận",
    },
    next: {
      ja: "理由はメールとこのページでお知らせしています。ご不明な点はサポート窓口にお問い合わせください。",
      en: "We have explained why in our e-mail and on this page. If you have questions, please contact our support desk.",
      "zh-Hans": "原因已通过电子邮件和本页告知您。如有疑问，请联系客服窗口。",
      "zh-Hant": "原因已透過電子郵件和本頁告知您。如有疑問，請聯絡客服窗口。",
      ko: "사유는 이메일과 이 페이지에서 안내해 드렸습니다. 궁금하신 점은 고객지원 창구로 문의해 주세요.",
      vi: "Lý do đã được nêu trong email và trên trang này. Nếu có thắc mắc, vui lòng liên hệ bộ phận hỗ trợ.",
    },
    usually: nothingMore,
  },
  cancelled: {
    title: {
      ja: "キャンセル済み",
      en: "Cancelled",
      "zh-Hans": "已取消",
      "zh-Hant": "已取消",
      ko: "취소됨",
      vi: "Đã hủy",
    },
    next: {
      ja: "このお申込みはキャンセルされました。改めてご希望の場合は、新しくお申込みください。",
      en: "This application has been cancelled. If you would still like a line, please start a new application.",
      "zh-Hans": "本申请已取消。如仍需办理，请重新提交申请。",
      "zh-Hant": "本申請已取消。如仍需辦理，請重新提出申請。",
      ko: "이 신청은 취소되었습니다. 다시 원하시면 새로 신청해 주세요.",
      vi: "Hồ sơ này đã bị hủy. Nếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới.",
    },
    usually: nothingMore,
  },
  expired: {
    title: {
      ja: "期限切れ",
      en: "Expired",
      "zh-Hans": "已过期",
      "zh-Hant": "已逾期",
      ko: "기한 만료",
      vi: "Đã hết hạn",
    },
    next: {
      ja: "期限までにお手続きが完了しなかったため、このお申込みは終了しました。引き続きご希望の場合は、新しくお申込みください。",
      en: "The application was not completed before its deadline, so it has been closed. If you still want a line, please start a new application.",
      "zh-Hans": "由于未在期限内完成手续，本申请已关闭。如仍需办理，请重新提交申请。",
      "zh-Hant": "由於未在期限內完成手續，本申請已關閉。如仍需辦理，請重新提出申請。",
      ko: "기한 내에 절차가 완료되지 않아 이 신청은 종료되었습니다. 계속 원하시면 새로 신청해 주세요.",
      vi: "Hồ sơ chưa được hoàn tất trước thời hạn nên đã bị đóng. Nếu vẫn muốn đăng ký, vui lòng tạo hồ sơ mới.",
    },
    usually: nothingMore,
  },
};
