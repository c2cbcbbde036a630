import { type Language, languages, type Translations } from "../i18n/languages.ts";
import type { DepositReasonCode } from "./decide-deposit.ts";

/** What the applicant reads about each reason for a deposit: why, and what would change it. */
export const depositReasonTexts: Readonly<Record<DepositReasonCode, Translations>> = {
  billing_bank_transfer: {
    ja: "口座振替のお手続きが完了するまでの間、ご請求は払込票でのお支払いとなるため、預託金をお預かりします。",
    en: "You chose bank direct debit (口座振替). Until your bank has set it up, bills are paid by slip, so we ask for a deposit.",
    "zh-Hans": "您选择了银行账户自动扣款（口座振替）。在银行办理完成之前需用缴费单付款，因此需要支付押金。",
    "zh-Hant": "您選擇了銀行帳戶自動扣款（口座振替）。在銀行辦理完成之前需以繳費單付款，因此需要支付押金。",
    ko: "계좌이체(口座振替)를 선택하셨습니다. 은행 처리가 끝날 때까지는 납부서로 요금을 내셔야 하므로 보증금을 받습니다.",
    vi: "Bạn đã chọn trừ tiền tự động qua ngân hàng (口座振替). Cho đến khi ngân hàng xử lý xong, hóa đơn được thanh toán bằng phiếu, nên chúng tôi cần một khoản đặt cọc.",
  },
  billing_convenience_store: {
    ja: "コンビニでの払込票払いは自動引き落としではないため、預託金をお預かりします。クレジットカード払いにすると不要になります。",
    en: "You chose to pay each bill at a convenience store, which is not automatic, so we ask for a deposit. Paying by credit card removes this reason.",
    "zh-Hans": "您选择在便利店支付每期账单，并非自动扣款，因此需要支付押金。改用信用卡付款即可免除此项。",
    "zh-Hant": "您選擇在便利商店支付每期帳單，並非自動扣款，因此需要支付押金。改用信用卡付款即可免除此項。",
    ko: "매달 편의점에서 납부하는 방식은 자동 결제가 아니므로 보증금을 받습니다. 신용카드 결제로 바꾸시면 이 사유는 없어집니다.",
    vi: "Bạn chọn thanh toán hóa đơn tại cửa hàng tiện lợi, không phải tự động, nên chúng tôi cần đặt cọc. Thanh toán bằng thẻ tín dụng sẽ bỏ lý do này.",
  },
  billing_method_missing: {
    ja: "月々のお支払い方法がまだ選ばれていないため、預託金をお預かりします。",
    en: "No way of paying the monthly bills has been chosen yet, so we ask for a deposit.",
    "zh-Hans": "尚未选择每月账单的付款方式，因此需要支付押金。",
    "zh-Hant": "尚未選擇每月帳單的付款方式，因此需要支付押金。",
    ko: "월 요금 납부 방법을 아직 선택하지 않으셨으므로 보증금을 받습니다.",
    vi: "Bạn chưa chọn cách thanh toán hóa đơn hằng tháng, nên chúng tôi cần một khoản đặt cọc.",
  },
  stay_shorter_than_minimum_term: {
    ja: "在留期間の満了日が、このプランの最低利用期間が終わる前に来るため、預託金をお預かりします。在留期間を更新された場合はお知らせください。",
    en: "Your permitted period of stay ends before this plan's minimum term does, so we ask for a deposit. Tell us if your stay is extended.",
    "zh-Hans": "您的在留期间在本套餐最低使用期结束之前届满，因此需要支付押金。如在留期间已更新，请告知我们。",
    "zh-Hant": "您的在留期間在本方案最低使用期結束之前屆滿，因此需要支付押金。如在留期間已更新，請告知我們。",
    ko: "체류 기간 만료일이 이 요금제의 최소 이용 기간보다 먼저 오므로 보증금을 받습니다. 체류 기간이 연장되면 알려 주세요.",
    vi: "Thời hạn lưu trú của bạn kết thúc trước thời hạn sử dụng tối thiểu của gói này, nên chúng tôi cần đặt cọc. Hãy báo cho chúng tôi nếu thời hạn lưu trú được gia hạn.",
  },
  young_applicant: {
    ja: "ご年齢から国内でのお支払い実績が少ないと考えられるため、預託金をお預かりします。",
    en: "At your age there is usually little record of paying bills in Japan, so we ask for a deposit.",
    "zh-Hans": "按您的年龄，在日本的付款记录通常较少，因此需要支付押金。",
    "zh-Hant": "依您的年齡，在日本的付款紀錄通常較少，因此需要支付押金。",
    ko: "연령상 일본 내 요금 납부 이력이 적은 경우가 많아 보증금을 받습니다.",
    vi: "Ở độ tuổi của bạn thường chưa có nhiều lịch sử thanh toán tại Nhật Bản, nên chúng tôi cần một khoản đặt cọc.",
  },
  credit_assessment: {
    ja: "与信審査の結果、預託金をお預かりします。",
    en: "The credit check asks for a deposit.",
    "zh-Hans": "根据信用审查的结果，需要支付押金。",
    "zh-Hant": "根據信用審查的結果，需要支付押金。",
    ko: "신용 심사 결과에 따라 보증금을 받습니다.",
    vi: "Theo kết quả thẩm định tín dụng, chúng tôi cần một khoản đặt cọc.",
  },
  high_price_plan: {
    ja: "月額料金の高いプランのため、預託金をお預かりします。",
    en: "This plan's monthly price is high, so we ask for a deposit.",
    "zh-Hans": "本套餐月费较高，因此需要支付押金。",
    "zh-Hant": "本方案月費較高，因此需要支付押金。",
    ko: "월 요금이 높은 요금제이므로 보증금을 받습니다.",
    vi: "Gói này có cước hằng tháng cao, nên chúng tôi cần một khoản đặt cọc.",
  },
};

export function explainDepositReason(code: DepositReasonCode, language: Language): string {
  return depositReasonTexts[code][language];
}

/** Every reason has a text in every language (a test walks this). */
export function missingDepositReasonTexts(): string[] {
  return Object.entries(depositReasonTexts).flatMap(([code, texts]) =>
    languages.filter((l) => !texts[l]?.trim()).map((l) => `${code}:${l}`),
  );
}
