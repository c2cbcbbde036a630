import type { DocumentType } from "../application/particulars.ts";
import type { CheckResult, CheckStatus, ExplainedCheckResult } from "../checks/check.ts";
import { creditCheckPassTexts, creditOutcomeApplicantTexts } from "../credit/credit-texts.ts";
import type { Language, Translations } from "./languages.ts";
import { interpolate } from "./languages.ts";
import { cardFaceCheckMessages } from "./messages/card-face-messages.ts";
import type { CheckMessages } from "./messages/check-messages-type.ts";
import { chipCheckMessages } from "./messages/chip-messages.ts";
import { staffWillCheck } from "./messages/common-phrases.ts";
import { documentNumberCheckMessages } from "./messages/document-number-messages.ts";
import { faceCheckMessages } from "./messages/face-messages.ts";
import { fraudCheckMessages } from "./messages/fraud-messages.ts";
import { imageCheckMessages } from "./messages/image-messages.ts";
import { jpkiCheckMessages } from "./messages/jpki-messages.ts";
import { livenessCheckMessages } from "./messages/liveness-messages.ts";

export type { CheckMessages };

const mrzPlace: Translations = {
  ja: "MRZは、写真のあるページの下部にある、英数字と「<」が並んだ2〜3行の部分です。",
  en: "The MRZ is the two or three lines of letters, numbers and < signs at the bottom of the photo page.",
  "zh-Hans": "机读区是照片页底部由字母、数字和“<”组成的两到三行。",
  "zh-Hant": "機讀區是照片頁底部由字母、數字和「<」組成的兩到三行。",
  ko: "MRZ는 사진이 있는 면 하단에 영문자, 숫자, ‘<’ 기호로 이루어진 2~3줄입니다.",
  vi: "MRZ là hai hoặc ba dòng gồm chữ cái, chữ số và ký hiệu “<” ở cuối trang có ảnh.",
};

/** Joins sentences the way each script does: no space after Chinese and Japanese full stops. */
function sentences(...parts: readonly Translations[]): Translations {
  const join = (language: Language, separator: string) => parts.map((p) => p[language]).join(separator);
  return {
    ja: join("ja", ""),
    en: join("en", " "),
    "zh-Hans": join("zh-Hans", ""),
    "zh-Hant": join("zh-Hant", ""),
    ko: join("ko", " "),
    vi: join("vi", " "),
  };
}

const prepaidCheckMessages = {
  "mrz.valid": {
    pass: {
      ja: "本人確認書類の機械読取領域（MRZ）を正しく読み取れました。",
      en: "The machine-readable zone (MRZ) of your document was read correctly.",
      "zh-Hans": "已正确读取您证件的机读区（MRZ）。",
      "zh-Hant": "已正確讀取您證件的機讀區（MRZ）。",
      ko: "신분증의 기계판독영역(MRZ)을 정확히 읽었습니다.",
      vi: "Chúng tôi đã đọc chính xác vùng đọc máy (MRZ) trên giấy tờ của bạn.",
    },
    fail: sentences(
      {
        ja: "本人確認書類の機械読取領域（MRZ）の次の部分を正しく読み取れませんでした：{fields}。",
        en: "We could not correctly read these parts of the machine-readable zone (MRZ) of your document: {fields}.",
        "zh-Hans": "未能正确读取您证件机读区（MRZ）的以下部分：{fields}。",
        "zh-Hant": "未能正確讀取您證件機讀區（MRZ）的以下部分：{fields}。",
        ko: "신분증 기계판독영역(MRZ)의 다음 부분을 정확히 읽지 못했습니다: {fields}.",
        vi: "Chúng tôi chưa đọc chính xác được các phần sau trong vùng đọc máy (MRZ) trên giấy tờ của bạn: {fields}.",
      },
      mrzPlace,
      {
        ja: "ページを平らにし、明るい場所で光の反射や影が入らないよう、すべての文字がはっきり写るように撮り直して、もう一度送信してください。",
        en: "Please take a new photo with the page flat, in good light and without glare or shadows, so that every character is sharp, and submit again.",
        "zh-Hans": "请将证件页放平，在光线充足、无反光和阴影的地方重新拍摄，确保每个字符都清晰，然后再次提交。",
        "zh-Hant": "請將證件頁放平，在光線充足、無反光和陰影的地方重新拍攝，確保每個字元都清晰，然後再次提交。",
        ko: "페이지를 평평하게 펴고 밝은 곳에서 빛 반사나 그림자 없이 모든 글자가 선명하게 나오도록 다시 촬영한 뒤 다시 제출해 주세요.",
        vi: "Vui lòng đặt trang giấy tờ phẳng, chụp lại ở nơi đủ sáng, không bị lóa hay đổ bóng để mọi ký tự đều rõ nét, rồi gửi lại.",
      },
    ),
  },
  "mrz.matches_form": {
    pass: {
      ja: "本人確認書類の機械読取領域（MRZ）の内容は、入力された内容と一致しました。",
      en: "The details in your document's machine-readable zone (MRZ) match the form.",
      "zh-Hans": "您证件机读区（MRZ）中的信息与表格填写的内容一致。",
      "zh-Hant": "您證件機讀區（MRZ）中的資料與表格填寫的內容一致。",
      ko: "신분증 기계판독영역(MRZ)의 정보가 신청서에 입력한 내용과 일치합니다.",
      vi: "Thông tin trong vùng đọc máy (MRZ) trên giấy tờ của bạn khớp với thông tin trong biểu mẫu.",
    },
    fail: {
      ja: "本人確認書類の機械読取領域（MRZ）の内容が、入力された内容と一致しません。{fields}が書類の記載どおりに入力されているかご確認のうえ、もう一度送信してください。",
      en: "The details in your document's machine-readable zone (MRZ) do not match the form: please check {fields}, enter them exactly as printed on your document, and submit again.",
      "zh-Hans":
        "您证件机读区（MRZ）中的信息与表格填写的内容不一致。请核对{fields}，按证件上的内容准确填写后再次提交。",
      "zh-Hant":
        "您證件機讀區（MRZ）中的資料與表格填寫的內容不一致。請核對{fields}，依證件上的內容正確填寫後再次提交。",
      ko: "신분증 기계판독영역(MRZ)의 정보가 신청서에 입력한 내용과 일치하지 않습니다. {fields} 항목을 신분증에 적힌 그대로 입력했는지 확인한 뒤 다시 제출해 주세요.",
      vi: "Thông tin trong vùng đọc máy (MRZ) trên giấy tờ của bạn không khớp với biểu mẫu. Vui lòng kiểm tra {fields}, nhập đúng như in trên giấy tờ, rồi gửi lại.",
    },
    review: sentences(
      {
        ja: "本人確認書類の機械読取領域（MRZ）には{fields}の一部が記録されていないため、自動で照合できませんでした。",
        en: "Your document's machine-readable zone (MRZ) does not fully record your {fields}, so we could not compare them automatically.",
        "zh-Hans": "您证件的机读区（MRZ）未完整记录{fields}，因此无法自动核对。",
        "zh-Hant": "您證件的機讀區（MRZ）未完整記錄{fields}，因此無法自動核對。",
        ko: "신분증 기계판독영역(MRZ)에 {fields} 정보가 완전하게 기록되어 있지 않아 자동으로 대조하지 못했습니다.",
        vi: "Vùng đọc máy (MRZ) trên giấy tờ của bạn không ghi đầy đủ {fields}, nên chúng tôi không thể tự động đối chiếu.",
      },
      staffWillCheck,
    ),
  },
  "document.not_expired": {
    pass: {
      ja: "本人確認書類が有効期限内であることを確認しました。",
      en: "Your document is valid today.",
      "zh-Hans": "已确认您的证件在有效期内。",
      "zh-Hant": "已確認您的證件在有效期限內。",
      ko: "신분증이 유효기간 내에 있음을 확인했습니다.",
      vi: "Giấy tờ của bạn vẫn còn hiệu lực.",
    },
    fail: {
      ja: "本人確認書類の有効期限が切れています。お申し込みの日に有効な書類が必要ですので、有効期限内の書類でもう一度お申し込みください。",
      en: "Your document has expired. A document must still be valid on the day you apply, so please apply again with a document that is currently valid.",
      "zh-Hans": "您的证件已过期。申请当天证件必须仍在有效期内，请使用有效的证件重新申请。",
      "zh-Hant": "您的證件已過期。申請當天證件必須仍在有效期限內，請使用有效的證件重新申請。",
      ko: "신분증의 유효기간이 지났습니다. 신청하는 날에 유효한 신분증이 필요하니, 유효기간이 남아 있는 신분증으로 다시 신청해 주세요.",
      vi: "Giấy tờ của bạn đã hết hạn. Giấy tờ phải còn hiệu lực vào ngày bạn đăng ký, vì vậy vui lòng đăng ký lại bằng giấy tờ còn hiệu lực.",
    },
    review: sentences(
      {
        ja: "本人確認書類の有効期限を自動で確認できませんでした。",
        en: "We could not confirm the expiry date of your document automatically.",
        "zh-Hans": "我们无法自动确认您证件的有效期限。",
        "zh-Hant": "我們無法自動確認您證件的有效期限。",
        ko: "신분증의 유효기간을 자동으로 확인하지 못했습니다.",
        vi: "Chúng tôi không thể tự động xác nhận ngày hết hạn của giấy tờ.",
      },
      staffWillCheck,
    ),
  },
  "applicant.of_age": {
    pass: {
      ja: "ご利用いただける年齢（{minimumAge}歳以上）であることを確認しました。",
      en: "You meet the minimum age of {minimumAge} for this service.",
      "zh-Hans": "已确认您符合本服务的年龄要求（{minimumAge}岁及以上）。",
      "zh-Hant": "已確認您符合本服務的年齡要求（{minimumAge}歲以上）。",
      ko: "이 서비스의 이용 가능 연령(만 {minimumAge}세 이상)을 충족함을 확인했습니다.",
      vi: "Bạn đáp ứng độ tuổi tối thiểu ({minimumAge} tuổi) để sử dụng dịch vụ này.",
    },
    fail: {
      ja: "申し訳ありませんが、このサービスは{minimumAge}歳以上の方のみご利用いただけます。生年月日の入力に誤りがある場合は、修正してもう一度送信してください。",
      en: "We're sorry: this service is only available to people aged {minimumAge} or over. If your date of birth was entered incorrectly, please correct it and submit again.",
      "zh-Hans": "很抱歉，本服务仅面向{minimumAge}岁及以上人士。如果出生日期填写有误，请更正后再次提交。",
      "zh-Hant": "很抱歉，本服務僅提供給{minimumAge}歲以上人士。如果出生日期填寫有誤，請更正後再次提交。",
      ko: "죄송하지만 이 서비스는 만 {minimumAge}세 이상만 이용할 수 있습니다. 생년월일을 잘못 입력하셨다면 수정한 뒤 다시 제출해 주세요.",
      vi: "Rất tiếc, dịch vụ này chỉ dành cho người từ {minimumAge} tuổi trở lên. Nếu bạn nhập sai ngày sinh, vui lòng sửa lại rồi gửi lại.",
    },
    review: sentences(
      {
        ja: "生年月日を自動で確認できませんでした。",
        en: "We could not confirm your date of birth automatically.",
        "zh-Hans": "我们无法自动确认您的出生日期。",
        "zh-Hant": "我們無法自動確認您的出生日期。",
        ko: "생년월일을 자동으로 확인하지 못했습니다.",
        vi: "Chúng tôi không thể tự động xác nhận ngày sinh của bạn.",
      },
      staffWillCheck,
    ),
  },
  "document.type_accepted": {
    pass: {
      ja: "お申し込みに{documentType}をご利用いただけます。",
      en: "Your {documentType} can be used for this application.",
      "zh-Hans": "本次申请可以使用您的{documentType}。",
      "zh-Hant": "本次申請可以使用您的{documentType}。",
      ko: "이번 신청에는 다음 서류를 사용할 수 있습니다: {documentType}.",
      vi: "Bạn có thể dùng {documentType} cho đơn đăng ký này.",
    },
    fail: {
      ja: "{documentType}は、このお申し込みにはご利用いただけません。お手数ですが、次のいずれかの書類でお申し込みください：{acceptedTypes}。",
      en: "Your {documentType} cannot be used for this application. Please apply with one of these documents instead: {acceptedTypes}.",
      "zh-Hans": "本次申请不能使用{documentType}。请改用以下任一证件申请：{acceptedTypes}。",
      "zh-Hant": "本次申請不能使用{documentType}。請改用以下任一證件申請：{acceptedTypes}。",
      ko: "이번 신청에는 다음 서류를 사용할 수 없습니다: {documentType}. 번거로우시겠지만 다음 중 하나로 신청해 주세요: {acceptedTypes}.",
      vi: "Không thể dùng {documentType} cho đơn đăng ký này. Vui lòng đăng ký bằng một trong các giấy tờ sau: {acceptedTypes}.",
    },
  },
  "policy.method_available": {
    pass: {
      ja: "お選びいただいた本人確認方法は、この回線のお申し込みにご利用いただけます。",
      en: "The identity verification method you chose can be used for this line.",
      "zh-Hans": "您选择的身份验证方式可用于此线路。",
      "zh-Hant": "您選擇的身分驗證方式可用於此門號。",
      ko: "선택하신 본인 확인 방법은 이 회선에 사용할 수 있습니다.",
      vi: "Phương thức xác minh danh tính bạn đã chọn có thể dùng cho thuê bao này.",
    },
    fail: {
      ja: "お選びいただいた本人確認方法は、この回線のお申し込みにはご利用いただけません。別の方法を選んで、もう一度送信してください。音声通話付きの回線には、本人確認書類のICチップの読み取りと自撮り、またはマイナンバーカードによる電子署名（JPKI）が必要です。",
      en: "The identity verification method you chose cannot be used for this line. Please choose another method and submit again: a voice line needs the IC chip of your ID card read together with a selfie, or a signature with your My Number card (JPKI).",
      "zh-Hans":
        "您选择的身份验证方式不能用于此线路。请选择其他方式后再次提交：语音线路需读取身份证件的IC芯片并拍摄自拍，或使用个人编号卡（My Number卡）进行电子签名（JPKI）。",
      "zh-Hant":
        "您選擇的身分驗證方式不能用於此門號。請選擇其他方式後再次提交：語音門號需讀取身分證件的IC晶片並拍攝自拍，或使用個人編號卡（My Number卡）進行電子簽章（JPKI）。",
      ko: "선택하신 본인 확인 방법은 이 회선에 사용할 수 없습니다. 다른 방법을 선택해 다시 제출해 주세요. 음성 회선에는 신분증 IC칩 판독과 셀피 촬영, 또는 마이넘버 카드 전자서명(JPKI)이 필요합니다.",
      vi: "Không thể dùng phương thức xác minh danh tính bạn đã chọn cho thuê bao này. Vui lòng chọn phương thức khác rồi gửi lại: thuê bao thoại cần đọc chip IC trên giấy tờ tùy thân kèm ảnh selfie, hoặc ký điện tử bằng thẻ My Number (JPKI).",
    },
    review: {
      ja: "2026年4月1日から、音声通話付きの回線には、本人確認書類のICチップの読み取りと自撮り、またはマイナンバーカードによる電子署名（JPKI）が必要になりました。お申し込みは担当者が確認し、必要な場合はご連絡します。",
      en: "Since 1 April 2026, a voice line needs the IC chip of your ID card read together with a selfie, or a signature with your My Number card (JPKI). Our staff will review your application and contact you if anything more is needed.",
      "zh-Hans":
        "自2026年4月1日起，语音线路需读取身份证件的IC芯片并拍摄自拍，或使用个人编号卡（My Number卡）进行电子签名（JPKI）。工作人员将审核您的申请，如有需要会与您联系。",
      "zh-Hant":
        "自2026年4月1日起，語音門號需讀取身分證件的IC晶片並拍攝自拍，或使用個人編號卡（My Number卡）進行電子簽章（JPKI）。工作人員將審核您的申請，如有需要會與您聯繫。",
      ko: "2026년 4월 1일부터 음성 회선에는 신분증 IC칩 판독과 셀피 촬영, 또는 마이넘버 카드 전자서명(JPKI)이 필요합니다. 담당 직원이 신청 내용을 검토하고, 필요한 경우 연락드리겠습니다.",
      vi: "Từ ngày 1 tháng 4 năm 2026, thuê bao thoại cần đọc chip IC trên giấy tờ tùy thân kèm ảnh selfie, hoặc ký điện tử bằng thẻ My Number (JPKI). Nhân viên của chúng tôi sẽ xem xét đơn của bạn và liên hệ nếu cần thêm thông tin.",
    },
  },
  "evidence.mrz_present": {
    pass: {
      ja: "本人確認書類の機械読取領域（MRZ）を受け取りました。",
      en: "We received the machine-readable zone (MRZ) of your document.",
      "zh-Hans": "已收到您证件的机读区（MRZ）。",
      "zh-Hant": "已收到您證件的機讀區（MRZ）。",
      ko: "신분증의 기계판독영역(MRZ)을 받았습니다.",
      vi: "Chúng tôi đã nhận được vùng đọc máy (MRZ) trên giấy tờ của bạn.",
    },
    fail: sentences(
      {
        ja: "本人確認書類の機械読取領域（MRZ）が見つかりません。",
        en: "The machine-readable zone (MRZ) of your document is missing.",
        "zh-Hans": "缺少您证件的机读区（MRZ）。",
        "zh-Hant": "缺少您證件的機讀區（MRZ）。",
        ko: "신분증의 기계판독영역(MRZ)이 없습니다.",
        vi: "Thiếu vùng đọc máy (MRZ) trên giấy tờ của bạn.",
      },
      mrzPlace,
      {
        ja: "その部分を含めてページ全体を撮影またはスキャンし、もう一度送信してください。",
        en: "Please photograph or scan the whole page, including those lines, and submit again.",
        "zh-Hans": "请拍摄或扫描包含这几行在内的整页，然后再次提交。",
        "zh-Hant": "請拍攝或掃描包含這幾行在內的整頁，然後再次提交。",
        ko: "이 부분이 포함되도록 페이지 전체를 촬영하거나 스캔한 뒤 다시 제출해 주세요.",
        vi: "Vui lòng chụp hoặc quét toàn bộ trang, bao gồm cả các dòng đó, rồi gửi lại.",
      },
    ),
  },
} as const satisfies CheckMessages;

/** The whole catalogue: the prepaid checks above, and one file per area of the evidence engine. */
export const checkMessages: CheckMessages = {
  ...prepaidCheckMessages,
  ...documentNumberCheckMessages,
  ...chipCheckMessages,
  ...cardFaceCheckMessages,
  ...jpkiCheckMessages,
  ...imageCheckMessages,
  ...faceCheckMessages,
  ...livenessCheckMessages,
  ...fraudCheckMessages,
  // The credit assessment of a postpaid application; its reasons are explained on the credit page.
  "credit.assessment": {
    pass: creditCheckPassTexts,
    review: creditOutcomeApplicantTexts.review,
    fail: creditOutcomeApplicantTexts.reject,
  },
};

/** For a code (or a status of a code) the catalogue does not know: still names the code. */
export const unknownCheckMessages: Readonly<Record<CheckStatus, Translations>> = {
  pass: {
    ja: "確認項目「{code}」：問題ありませんでした。",
    en: "Check “{code}”: passed.",
    "zh-Hans": "检查项“{code}”：已通过。",
    "zh-Hant": "檢查項目「{code}」：已通過。",
    ko: "확인 항목 ‘{code}’: 통과했습니다.",
    vi: "Mục kiểm tra “{code}”: đạt.",
  },
  fail: {
    ja: "確認項目「{code}」：確認できませんでした。お申し込み内容を見直して、もう一度送信してください。何を直せばよいかわからない場合は、このコードを添えてお問い合わせください。",
    en: "Check “{code}”: not passed. Please review your application and submit again; if you are unsure what to change, contact us and mention this code.",
    "zh-Hans": "检查项“{code}”：未通过。请检查您的申请内容后再次提交；如不确定需要修改什么，请联系我们并告知此代码。",
    "zh-Hant":
      "檢查項目「{code}」：未通過。請檢查您的申請內容後再次提交；如不確定需要修改什麼，請與我們聯繫並告知此代碼。",
    ko: "확인 항목 ‘{code}’: 통과하지 못했습니다. 신청 내용을 확인한 뒤 다시 제출해 주세요. 무엇을 고쳐야 할지 모르시면 이 코드를 알려 주시고 문의해 주세요.",
    vi: "Mục kiểm tra “{code}”: chưa đạt. Vui lòng xem lại đơn đăng ký rồi gửi lại; nếu bạn không rõ cần sửa gì, hãy liên hệ với chúng tôi và cho biết mã này.",
  },
  review: {
    ja: "確認項目「{code}」：担当者が確認します。このままお待ちください。",
    en: "Check “{code}”: our staff will review this. You do not need to do anything now.",
    "zh-Hans": "检查项“{code}”：工作人员将进行审核，您目前无需进行任何操作。",
    "zh-Hant": "檢查項目「{code}」：工作人員將進行審核，您目前無需進行任何操作。",
    ko: "확인 항목 ‘{code}’: 담당 직원이 검토할 예정입니다. 지금은 따로 하실 일이 없습니다.",
    vi: "Mục kiểm tra “{code}”: nhân viên của chúng tôi sẽ xem xét. Hiện bạn không cần làm gì thêm.",
  },
};

/** Names of the fields that `{fields}` lists (form fields and MRZ fields). */
export const fieldLabels: Readonly<Record<string, Translations>> = {
  familyName: {
    ja: "姓（ローマ字）",
    en: "family name",
    "zh-Hans": "姓（英文）",
    "zh-Hant": "姓（英文）",
    ko: "성(영문)",
    vi: "họ",
  },
  givenNames: {
    ja: "名（ローマ字）",
    en: "given names",
    "zh-Hans": "名（英文）",
    "zh-Hant": "名（英文）",
    ko: "이름(영문)",
    vi: "tên",
  },
  birthDate: {
    ja: "生年月日",
    en: "date of birth",
    "zh-Hans": "出生日期",
    "zh-Hant": "出生日期",
    ko: "생년월일",
    vi: "ngày sinh",
  },
  documentNumber: {
    ja: "書類の番号",
    en: "document number",
    "zh-Hans": "证件号码",
    "zh-Hant": "證件號碼",
    ko: "신분증 번호",
    vi: "số giấy tờ",
  },
  nationality: { ja: "国籍", en: "nationality", "zh-Hans": "国籍", "zh-Hant": "國籍", ko: "국적", vi: "quốc tịch" },
  expiryDate: {
    ja: "有効期限",
    en: "expiry date",
    "zh-Hans": "有效期限",
    "zh-Hant": "有效期限",
    ko: "만료일",
    vi: "ngày hết hạn",
  },
  issuingCountry: {
    ja: "発行国",
    en: "issuing country",
    "zh-Hans": "签发国家",
    "zh-Hant": "簽發國家",
    ko: "발급 국가",
    vi: "quốc gia cấp",
  },
  issuingState: {
    ja: "発行国",
    en: "issuing country",
    "zh-Hans": "签发国家",
    "zh-Hant": "簽發國家",
    ko: "발급 국가",
    vi: "quốc gia cấp",
  },
  documentCode: {
    ja: "書類の種類",
    en: "document type",
    "zh-Hans": "证件类型",
    "zh-Hant": "證件類型",
    ko: "문서 종류",
    vi: "loại giấy tờ",
  },
  sex: { ja: "性別", en: "sex", "zh-Hans": "性别", "zh-Hant": "性別", ko: "성별", vi: "giới tính" },
  name: { ja: "氏名", en: "name", "zh-Hans": "姓名", "zh-Hant": "姓名", ko: "성명", vi: "họ tên" },
  address: { ja: "住所", en: "address", "zh-Hans": "地址", "zh-Hant": "地址", ko: "주소", vi: "địa chỉ" },
  personalNumber: {
    ja: "個人識別番号の欄",
    en: "personal number",
    "zh-Hans": "个人号码",
    "zh-Hant": "個人號碼",
    ko: "개인 번호",
    vi: "mã số cá nhân",
  },
  composite: {
    ja: "全体のチェック用数字",
    en: "overall check digit",
    "zh-Hans": "总校验位",
    "zh-Hant": "總檢查碼",
    ko: "전체 검증 숫자",
    vi: "chữ số kiểm tra tổng",
  },
  mrz: {
    ja: "すべての行",
    en: "all of its lines",
    "zh-Hans": "所有行",
    "zh-Hant": "所有行",
    ko: "모든 줄",
    vi: "tất cả các dòng",
  },
};

export const documentTypeLabels: Readonly<Record<DocumentType, Translations>> = {
  passport: { ja: "パスポート", en: "passport", "zh-Hans": "护照", "zh-Hant": "護照", ko: "여권", vi: "hộ chiếu" },
  residence_card: {
    ja: "在留カード",
    en: "residence card",
    "zh-Hans": "在留卡",
    "zh-Hant": "在留卡",
    ko: "재류카드",
    vi: "thẻ cư trú (Zairyu)",
  },
  special_permanent_resident_certificate: {
    ja: "特別永住者証明書",
    en: "special permanent resident certificate",
    "zh-Hans": "特别永住者证明书",
    "zh-Hant": "特別永住者證明書",
    ko: "특별영주자증명서",
    vi: "giấy chứng nhận thường trú nhân đặc biệt",
  },
  my_number_card: {
    ja: "マイナンバーカード",
    en: "My Number card",
    "zh-Hans": "个人编号卡（My Number卡）",
    "zh-Hant": "個人編號卡（My Number卡）",
    ko: "마이넘버 카드",
    vi: "thẻ My Number",
  },
  drivers_licence: {
    ja: "運転免許証",
    en: "driver's licence",
    "zh-Hans": "驾驶证",
    "zh-Hant": "駕照",
    ko: "운전면허증",
    vi: "giấy phép lái xe",
  },
};

/** Renders a check result in `language`. Unknown codes and statuses fall back to a message naming the code. */
export function explainCheck(result: CheckResult, language: Language): ExplainedCheckResult {
  const catalogue: CheckMessages = checkMessages;
  // hasOwn: a code such as "constructor" must not find Object.prototype's members.
  const byStatus = Object.hasOwn(catalogue, result.code) ? catalogue[result.code] : undefined;
  const template = byStatus?.[result.status] ?? unknownCheckMessages[result.status];
  const params = { ...localiseParams(result.params ?? {}, language), code: result.code };
  return { ...result, message: interpolate(template[language], params), language };
}

function localiseParams(
  params: Readonly<Record<string, string | number>>,
  language: Language,
): Record<string, string | number> {
  const localised: Record<string, string | number> = { ...params };
  const list = (
    value: string | number | undefined,
    labels: Readonly<Record<string, Translations>>,
    type: "conjunction" | "disjunction",
  ) => {
    const ids = String(value ?? "")
      .split(",")
      .filter((id) => id !== "");
    const words = ids.map((id) => (Object.hasOwn(labels, id) ? labels[id]?.[language] : undefined) ?? id);
    return new Intl.ListFormat(language, { style: "long", type }).format(words);
  };
  if ("fields" in params) localised.fields = list(params.fields, fieldLabels, "conjunction");
  if ("documentType" in params) localised.documentType = list(params.documentType, documentTypeLabels, "conjunction");
  if ("acceptedTypes" in params)
    localised.acceptedTypes = list(params.acceptedTypes, documentTypeLabels, "disjunction");
  return localised;
}
