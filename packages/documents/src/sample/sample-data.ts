import { demoPlans, type Language } from "@jitsumei/domain";
import type { ContractInput, OperatorDetails, ReceiptInput } from "../render/inputs.ts";

/** A fictitious operator for samples, tests and the demo server. */
export const sampleOperator: OperatorDetails = {
  name: {
    ja: "実名モバイル株式会社",
    en: "Jitsumei Mobile K.K.",
    "zh-Hans": "实名移动株式会社",
    "zh-Hant": "實名行動株式會社",
    ko: "지쓰메이 모바일 주식회사",
    vi: "Công ty Jitsumei Mobile",
  },
  address: {
    ja: "〒100-0005 東京都千代田区丸の内一丁目1番1号（架空）",
    en: "1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005 (fictitious)",
    "zh-Hans": "〒100-0005 东京都千代田区丸之内一丁目1番1号（虚构）",
    "zh-Hant": "〒100-0005 東京都千代田區丸之內一丁目1番1號（虛構）",
    ko: "〒100-0005 도쿄도 지요다구 마루노우치 1-1-1 (가상)",
    vi: "1-1-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005 (hư cấu)",
  },
  // A fictitious operator has no number under the Telecommunications Business Act: none is printed.
  registrationNumber: null,
  phone: "0120-000-000",
  supportHours: {
    ja: "毎日 9時〜20時",
    en: "daily 9:00–20:00",
    vi: "hằng ngày 9:00–20:00",
    ko: "매일 9:00~20:00",
    "zh-Hans": "每天 9:00–20:00",
    "zh-Hant": "每天 9:00–20:00",
  },
  url: "https://mobile.example.jp",
};

/** Fictitious applicants, one per language, with names in their own script. */
export const sampleApplicantNames: Record<Language, string> = {
  ja: "山田 花子",
  en: "Emily Johnson",
  "zh-Hans": "王小明",
  "zh-Hant": "陳美玲",
  ko: "김민준",
  vi: "Nguyễn Thị Hương",
};

export function sampleContractInput(
  planId: string,
  language: Language,
  date = new Date("2025-04-01T01:00:00Z"),
): ContractInput {
  const plan = demoPlans.find((p) => p.id === planId);
  if (!plan) throw new Error(`unknown plan "${planId}"; known: ${demoPlans.map((p) => p.id).join(", ")}`);
  return {
    language,
    documentNumber: "C-2025-000123",
    date,
    operator: sampleOperator,
    applicant: { name: sampleApplicantNames[language], reference: "APP-7K3M-9QX2" },
    plan,
    depositJpy: plan.kind === "postpaid" ? 20000 : 0,
    cancellation: { earlyTerminationFeeJpy: plan.kind === "postpaid" ? 1100 : 0, initialCancellationDays: 8 },
  };
}

export function sampleReceiptInput(language: Language, date = new Date("2025-04-01T01:00:00Z")): ReceiptInput {
  const plan = demoPlans.find((p) => p.id === "postpaid-voice");
  if (!plan) throw new Error("demo plan postpaid-voice is missing");
  return {
    language,
    receiptNumber: "R-2025-000042",
    date,
    operator: sampleOperator,
    invoiceRegistrationNumber: "T1234567890123",
    payer: { name: sampleApplicantNames[language] },
    applicationReference: "APP-7K3M-9QX2",
    paymentNumber: "APP-7K3M-9QX2-01",
    amountJpy: 20000,
    purpose: "deposit",
    plan,
  };
}
