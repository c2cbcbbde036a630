import { interpolate, type Language, languages, type Translations } from "../i18n/languages.ts";
import { type CreditOutcome, type CreditReasonCode, creditOutcomes, creditReasonCodes } from "./credit-policy.ts";

/**
 * What people read about a credit assessment. Staff read each reason with the figures it is based on;
 * the applicant reads a plain explanation in their language that never shows what other carriers
 * registered (how many records, which carrier, how much): only that the shared information stands in
 * the way, and whom to ask.
 */

/** The consent asked for before any query (versioned: the record keeps the version and its text's hash). */
export const creditConsent = {
  version: "credit-consent-2026-04",
  texts: {
    ja: "与信審査と不払い者情報の交換への同意：当社は、ご契約の審査のため、お客様の氏名・生年月日・住所・電話番号を、携帯電話事業者の間で交換される料金不払い者の情報と照合します。ご契約後に料金の不払いにより契約を解除した場合は、その情報を登録し、他の事業者と交換します。また、ご指定のお支払い方法（クレジットカードまたは口座振替）がご利用いただけるかを確認します。同意いただけない場合、後払いのご契約の審査は進められません。",
    en: "Consent to the credit check and the exchange of non-payment information: to assess your application, we compare your name, date of birth, address and phone number with the information on unpaid bills that mobile carriers in Japan exchange. If we end your contract later because bills were not paid, we register that information and exchange it with other carriers. We also check that the way of paying you chose (credit card or bank direct debit) can be used. Without your consent we cannot assess a postpaid contract.",
    "zh-Hans":
      "关于信用审查及欠费信息交换的同意：为审查您的申请，我们会将您的姓名、出生日期、地址和电话号码与日本各移动运营商之间交换的欠费信息进行核对。如日后因欠费而解除合同，我们会登记该信息并与其他运营商交换。我们还会确认您所选择的付款方式（信用卡或银行账户自动扣款）是否可用。如您不同意，我们无法审查后付费合同。",
    "zh-Hant":
      "關於信用審查及欠費資訊交換的同意：為審查您的申請，我們會將您的姓名、出生日期、地址和電話號碼與日本各行動電信業者之間交換的欠費資訊進行比對。如日後因欠費而解除合約，我們會登錄該資訊並與其他業者交換。我們也會確認您所選擇的付款方式（信用卡或銀行帳戶自動扣款）是否可用。如您不同意，我們無法審查後付方案的合約。",
    ko: "신용 심사 및 미납 정보 교환에 대한 동의: 신청을 심사하기 위해 고객님의 성명, 생년월일, 주소, 전화번호를 일본 이동통신사들이 서로 교환하는 요금 미납 정보와 대조합니다. 계약 후 요금 미납으로 계약을 해지하는 경우 그 정보를 등록하고 다른 통신사와 교환합니다. 또한 선택하신 결제 방법(신용카드 또는 계좌이체)을 사용할 수 있는지 확인합니다. 동의하지 않으시면 후불 계약 심사를 진행할 수 없습니다.",
    vi: "Đồng ý thẩm định tín dụng và trao đổi thông tin nợ cước: để xét hồ sơ, chúng tôi đối chiếu họ tên, ngày sinh, địa chỉ và số điện thoại của bạn với thông tin về cước chưa thanh toán mà các nhà mạng di động tại Nhật Bản trao đổi với nhau. Nếu sau này chúng tôi chấm dứt hợp đồng vì cước không được thanh toán, chúng tôi sẽ đăng ký thông tin đó và trao đổi với các nhà mạng khác. Chúng tôi cũng kiểm tra xem phương thức thanh toán bạn chọn (thẻ tín dụng hoặc trừ tiền tự động qua ngân hàng) có dùng được không. Nếu bạn không đồng ý, chúng tôi không thể thẩm định hợp đồng trả sau.",
  } satisfies Translations,
} as const;

/** The languages staff read (the console's: ja, en, zh-Hans). */
export type StaffLanguage = "ja" | "en" | "zh-Hans";

/** For reviewers and the CLI: each reason with its figures ({records}, {remainingStayDays}, …). */
export const creditReasonStaffTexts: Readonly<Record<CreditReasonCode, Record<StaffLanguage, string>>> = {
  consent_missing: {
    ja: "申込者が与信審査と不払い者情報の交換に同意していないため、照会していません。",
    en: "The applicant has not consented to the credit check and the exchange of non-payment information: nothing was queried.",
    "zh-Hans": "申请人未同意信用审查及欠费信息交换：未进行任何查询。",
  },
  unpaid_elsewhere: {
    ja: "他の事業者が登録した不払い情報が {records} 件あります。",
    en: "{records} unpaid record(s) registered by other carriers in the non-payment exchange.",
    "zh-Hans": "欠费信息交换中有其他运营商登记的欠费记录 {records} 条。",
  },
  unpaid_with_us: {
    ja: "当社での未払い（不払いによる解除）が {records} 件あります。",
    en: "{records} unpaid balance(s) with us (lines ended for non-payment).",
    "zh-Hans": "本公司有未付款项 {records} 笔（因欠费解约的线路）。",
  },
  payment_method_none: {
    ja: "利用可能なお支払い方法が確認できていません。",
    en: "No way of paying the bills has been confirmed by the payment-method check.",
    "zh-Hans": "付款方式检查未确认任何可用的付款方式。",
  },
  payment_method_bank: {
    ja: "お支払いは口座振替です（引き落とし開始まで払込票）。",
    en: "Bills are paid by bank direct debit (slips until the debit starts).",
    "zh-Hans": "以银行账户自动扣款（口座振替）付款（扣款开始前使用缴费单）。",
  },
  stay_shorter_than_term: {
    ja: "在留期間の残りが {remainingStayDays} 日で、最低利用期間の {minimumTermDays} 日より短くなっています。",
    en: "{remainingStayDays} days of stay are left, less than the minimum term of {minimumTermDays} days.",
    "zh-Hans": "在留期间剩余 {remainingStayDays} 天，短于最低使用期 {minimumTermDays} 天。",
  },
  stay_ending_soon: {
    ja: "在留期間の残りが {remainingStayDays} 日です（{days} 日未満）。",
    en: "Only {remainingStayDays} days of stay are left (under {days}).",
    "zh-Hans": "在留期间仅剩 {remainingStayDays} 天（不足 {days} 天）。",
  },
  minor: {
    ja: "申込者は {age} 歳で、{under} 歳未満です（親権者の同意が必要）。",
    en: "The applicant is {age}, under {under}: a guardian must consent to the contract.",
    "zh-Hans": "申请人 {age} 岁，未满 {under} 岁：签约须经监护人同意。",
  },
  young_applicant: {
    ja: "申込者は {age} 歳で、{under} 歳未満です（支払実績が少ない）。",
    en: "The applicant is {age}, under {under}: little payment history.",
    "zh-Hans": "申请人 {age} 岁，未满 {under} 岁：付款记录较少。",
  },
  many_lines: {
    ja: "当社の回線を既に {lines} 回線お持ちです。",
    en: "Already holds {lines} line(s) with us.",
    "zh-Hans": "已在本公司持有 {lines} 条线路。",
  },
};

/** For the applicant: why, in plain words, without other carriers' data. */
export const creditReasonApplicantTexts: Readonly<Record<CreditReasonCode, Translations>> = {
  consent_missing: {
    ja: "与信審査への同意をいただいていないため、審査を進められません。お申込み画面から同意いただけます。",
    en: "We have not received your consent to the credit check, so we cannot assess your application. You can give it on your application page.",
    "zh-Hans": "我们尚未收到您对信用审查的同意，因此无法进行审查。您可以在申请页面上表示同意。",
    "zh-Hant": "我們尚未收到您對信用審查的同意，因此無法進行審查。您可以在申請頁面上表示同意。",
    ko: "신용 심사에 대한 동의를 받지 못해 심사를 진행할 수 없습니다. 신청 페이지에서 동의하실 수 있습니다.",
    vi: "Chúng tôi chưa nhận được sự đồng ý thẩm định tín dụng của bạn nên chưa thể xét hồ sơ. Bạn có thể đồng ý trên trang hồ sơ.",
  },
  unpaid_elsewhere: {
    ja: "携帯電話事業者の間で交換している料金不払いの情報により、このお申込みをお受けできないか、確認が必要です。詳しくは、料金が未払いとなっている事業者にお問い合わせください。",
    en: "Information on unpaid bills that mobile carriers exchange stands in the way of this application. Please ask the carrier with which a bill may be unpaid.",
    "zh-Hans": "根据移动运营商之间交换的欠费信息，此申请无法受理或需要进一步确认。请向可能存在欠费的运营商咨询。",
    "zh-Hant": "根據行動電信業者之間交換的欠費資訊，此申請無法受理或需要進一步確認。請向可能存在欠費的業者洽詢。",
    ko: "이동통신사 간에 교환되는 요금 미납 정보로 인해 이 신청을 접수할 수 없거나 확인이 필요합니다. 요금이 미납되었을 수 있는 통신사에 문의해 주세요.",
    vi: "Thông tin về cước chưa thanh toán mà các nhà mạng trao đổi với nhau gây trở ngại cho hồ sơ này. Vui lòng hỏi nhà mạng mà bạn có thể còn nợ cước.",
  },
  unpaid_with_us: {
    ja: "当社でお支払いいただいていない料金があります。お支払いの後、改めてお申し込みください。",
    en: "There is an unpaid bill with us. Please pay it and apply again.",
    "zh-Hans": "您在本公司尚有未付费用。请付清后重新申请。",
    "zh-Hant": "您在本公司尚有未付費用。請付清後重新申請。",
    ko: "당사에 미납 요금이 있습니다. 납부하신 후 다시 신청해 주세요.",
    vi: "Bạn còn một khoản cước chưa thanh toán với chúng tôi. Vui lòng thanh toán rồi đăng ký lại.",
  },
  payment_method_none: {
    ja: "月々のお支払い方法（クレジットカードまたは口座振替）を確認できていません。お支払い方法を登録してください。",
    en: "We could not confirm a way to pay the monthly bills (credit card or bank direct debit). Please register one.",
    "zh-Hans": "我们未能确认每月的付款方式（信用卡或银行账户自动扣款）。请登记付款方式。",
    "zh-Hant": "我們未能確認每月的付款方式（信用卡或銀行帳戶自動扣款）。請登錄付款方式。",
    ko: "월 요금 결제 방법(신용카드 또는 계좌이체)을 확인하지 못했습니다. 결제 방법을 등록해 주세요.",
    vi: "Chúng tôi chưa xác nhận được cách thanh toán cước hằng tháng (thẻ tín dụng hoặc trừ tiền qua ngân hàng). Vui lòng đăng ký một cách thanh toán.",
  },
  payment_method_bank: {
    ja: "口座振替の開始までは払込票でのお支払いとなるため、預託金をお預かりすることがあります。",
    en: "Until bank direct debit starts, bills are paid by slip, so a deposit may be asked for.",
    "zh-Hans": "在银行自动扣款开始之前需用缴费单付款，因此可能需要支付押金。",
    "zh-Hant": "在銀行自動扣款開始之前需以繳費單付款，因此可能需要支付押金。",
    ko: "계좌이체가 시작되기 전까지는 납부서로 내셔야 하므로 보증금을 받을 수 있습니다.",
    vi: "Cho đến khi bắt đầu trừ tiền qua ngân hàng, hóa đơn được trả bằng phiếu, nên có thể cần đặt cọc.",
  },
  stay_shorter_than_term: {
    ja: "在留期間の満了日が、このプランの最低利用期間が終わる前に来ます。在留期間を更新された場合はお知らせください。",
    en: "Your period of stay ends before this plan's minimum term does. Tell us if your stay is extended.",
    "zh-Hans": "您的在留期间在本套餐最低使用期结束之前届满。如在留期间已更新，请告知我们。",
    "zh-Hant": "您的在留期間在本方案最低使用期結束之前屆滿。如在留期間已更新，請告知我們。",
    ko: "체류 기간이 이 요금제의 최소 이용 기간보다 먼저 끝납니다. 체류 기간이 연장되면 알려 주세요.",
    vi: "Thời hạn lưu trú của bạn kết thúc trước thời hạn sử dụng tối thiểu của gói này. Hãy báo cho chúng tôi nếu được gia hạn.",
  },
  stay_ending_soon: {
    ja: "在留期間の満了日が近いため、担当者が確認します。在留期間を更新された場合はお知らせください。",
    en: "Your period of stay ends soon, so a member of our staff will look at your application. Tell us if your stay is extended.",
    "zh-Hans": "您的在留期间即将届满，我们的工作人员将进行确认。如在留期间已更新，请告知我们。",
    "zh-Hant": "您的在留期間即將屆滿，我們的工作人員將進行確認。如在留期間已更新，請告知我們。",
    ko: "체류 기간 만료가 가까워 담당자가 확인합니다. 체류 기간이 연장되면 알려 주세요.",
    vi: "Thời hạn lưu trú của bạn sắp hết, nên nhân viên của chúng tôi sẽ xem xét hồ sơ. Hãy báo cho chúng tôi nếu được gia hạn.",
  },
  minor: {
    ja: "未成年の方のご契約には親権者の同意が必要です。担当者からご連絡します。",
    en: "A contract with someone under age needs a parent's or guardian's consent. Our staff will contact you.",
    "zh-Hans": "未成年人签约需要监护人同意。我们的工作人员将与您联系。",
    "zh-Hant": "未成年人簽約需要監護人同意。我們的工作人員將與您聯絡。",
    ko: "미성년자의 계약에는 친권자의 동의가 필요합니다. 담당자가 연락드립니다.",
    vi: "Hợp đồng với người chưa thành niên cần sự đồng ý của cha mẹ hoặc người giám hộ. Nhân viên sẽ liên hệ với bạn.",
  },
  young_applicant: {
    ja: "ご年齢から国内でのお支払い実績が少ないと考えられるため、預託金をお預かりすることがあります。",
    en: "At your age there is usually little record of paying bills in Japan, so a deposit may be asked for.",
    "zh-Hans": "按您的年龄，在日本的付款记录通常较少，因此可能需要支付押金。",
    "zh-Hant": "依您的年齡，在日本的付款紀錄通常較少，因此可能需要支付押金。",
    ko: "연령상 일본 내 요금 납부 이력이 적은 경우가 많아 보증금을 받을 수 있습니다.",
    vi: "Ở độ tuổi của bạn thường chưa có nhiều lịch sử thanh toán tại Nhật Bản, nên có thể cần đặt cọc.",
  },
  many_lines: {
    ja: "既に当社の回線を複数お持ちのため、担当者が確認します。",
    en: "You already hold several lines with us, so a member of our staff will look at your application.",
    "zh-Hans": "您已持有本公司多条线路，我们的工作人员将进行确认。",
    "zh-Hant": "您已持有本公司多條線路，我們的工作人員將進行確認。",
    ko: "이미 당사 회선을 여러 개 보유하고 계시므로 담당자가 확인합니다.",
    vi: "Bạn đã có nhiều thuê bao với chúng tôi, nên nhân viên sẽ xem xét hồ sơ.",
  },
};

/** The check's line when the assessment passed (approved, perhaps with a deposit shown with the contract). */
export const creditCheckPassTexts: Translations = {
  ja: "与信審査が完了しました。預託金が必要な場合は、契約書面とともにご案内します。",
  en: "The credit check is complete. If it asks for a deposit, the amount is shown with your contract.",
  "zh-Hans": "信用审查已完成。如需押金，将随合同一并告知金额。",
  "zh-Hant": "信用審查已完成。如需押金，將隨合約一併告知金額。",
  ko: "신용 심사가 완료되었습니다. 보증금이 필요한 경우 계약서와 함께 금액을 안내해 드립니다.",
  vi: "Đã hoàn tất thẩm định tín dụng. Nếu cần đặt cọc, số tiền sẽ được ghi cùng hợp đồng của bạn.",
};

/** The outcome in one sentence, for the applicant. */
export const creditOutcomeApplicantTexts: Readonly<Record<CreditOutcome, Translations>> = {
  approve: {
    ja: "与信審査に問題はありませんでした。",
    en: "The credit check raised no questions.",
    "zh-Hans": "信用审查没有问题。",
    "zh-Hant": "信用審查沒有問題。",
    ko: "신용 심사에 문제가 없었습니다.",
    vi: "Thẩm định tín dụng không có vấn đề gì.",
  },
  approve_with_deposit: {
    ja: "与信審査の結果、預託金 {deposit} 円をお預かりしてご契約いただけます。",
    en: "After the credit check, we can offer the contract with a deposit of ¥{deposit}.",
    "zh-Hans": "经信用审查，支付押金 {deposit} 日元即可签约。",
    "zh-Hant": "經信用審查，支付押金 {deposit} 日圓即可簽約。",
    ko: "신용 심사 결과, 보증금 {deposit}엔을 맡기시면 계약하실 수 있습니다.",
    vi: "Sau khi thẩm định tín dụng, chúng tôi có thể ký hợp đồng với khoản đặt cọc ¥{deposit}.",
  },
  review: {
    ja: "与信審査の結果について、担当者が確認します。",
    en: "A member of our staff will look at the result of the credit check.",
    "zh-Hans": "我们的工作人员将确认信用审查的结果。",
    "zh-Hant": "我們的工作人員將確認信用審查的結果。",
    ko: "신용 심사 결과를 담당자가 확인합니다.",
    vi: "Nhân viên của chúng tôi sẽ xem xét kết quả thẩm định tín dụng.",
  },
  reject: {
    ja: "申し訳ありませんが、与信審査の結果、後払いのご契約をお受けできません。プリペイドのプランはご利用いただけます。",
    en: "We are sorry, but after the credit check we cannot offer a postpaid contract. Our prepaid plans remain open to you.",
    "zh-Hans": "很抱歉，经信用审查，我们无法提供后付费合同。您仍可选择预付费套餐。",
    "zh-Hant": "很抱歉，經信用審查，我們無法提供後付方案的合約。您仍可選擇預付方案。",
    ko: "죄송하지만 신용 심사 결과 후불 계약을 해 드릴 수 없습니다. 선불 요금제는 이용하실 수 있습니다.",
    vi: "Rất tiếc, sau khi thẩm định tín dụng chúng tôi không thể ký hợp đồng trả sau. Bạn vẫn có thể dùng các gói trả trước.",
  },
};

export function explainCreditReasonToStaff(
  reason: { code: CreditReasonCode; params: Record<string, number> },
  language: StaffLanguage = "en",
): string {
  return interpolate(creditReasonStaffTexts[reason.code][language], reason.params);
}

export function explainCreditToApplicant(
  assessment: { outcome: CreditOutcome; depositJpy: number; reasons: readonly { code: CreditReasonCode }[] },
  language: Language,
): { summary: string; reasons: { code: CreditReasonCode; message: string }[] } {
  const deposit = assessment.depositJpy.toLocaleString("en-US");
  return {
    summary: interpolate(creditOutcomeApplicantTexts[assessment.outcome][language], { deposit }),
    reasons: assessment.reasons.map((r) => ({ code: r.code, message: creditReasonApplicantTexts[r.code][language] })),
  };
}

/** Keys without a text in some language (a test walks this). */
export function missingCreditTexts(): string[] {
  const missing: string[] = [];
  for (const code of creditReasonCodes) {
    for (const l of languages) if (!creditReasonApplicantTexts[code]?.[l]) missing.push(`reason ${code} ${l}`);
    for (const l of ["ja", "en", "zh-Hans"] as const)
      if (!creditReasonStaffTexts[code]?.[l]) missing.push(`staff ${code} ${l}`);
  }
  for (const outcome of creditOutcomes) {
    for (const l of languages) if (!creditOutcomeApplicantTexts[outcome]?.[l]) missing.push(`outcome ${outcome} ${l}`);
  }
  for (const l of languages) if (!creditConsent.texts[l]) missing.push(`consent ${l}`);
  for (const l of languages) if (!creditCheckPassTexts[l]) missing.push(`check pass ${l}`);
  return missing;
}
