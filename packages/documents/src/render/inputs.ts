import type { Language, Plan } from "@jitsumei/domain";
import type { ReceiptPurpose } from "../templates/template.ts";

/** A text the operator gives in Japanese and English; other languages fall back to English. */
export type OperatorText = { ja: string; en: string } & Partial<Record<Language, string>>;

/** The telecommunications carrier (電気通信事業者) as its documents name it. */
export type OperatorDetails = {
  name: OperatorText;
  address: OperatorText;
  /**
   * Registration or notification number under the Telecommunications Business Act; null for the
   * fictitious demo operator, which has none (the line is left out rather than a made-up number).
   */
  registrationNumber: string | null;
  phone: string;
  supportHours: OperatorText;
  url: string;
};

export type ContractPlan = Pick<
  Plan,
  "id" | "kind" | "name" | "services" | "priceJpy" | "validityDays" | "minimumTermMonths"
>;

/** Everything the contract and the important-matters explanation (重要事項説明) state. */
export type ContractInput = {
  /** The applicant's language; Japanese is always printed too, on the left. */
  language: Language;
  /** Printed on every page, e.g. "C-2025-000123". */
  documentNumber: string;
  date: Date;
  operator: OperatorDetails;
  applicant: { name: string; reference: string };
  plan: ContractPlan;
  depositJpy: number;
  cancellation: {
    /** Charged when a contract with a minimum term ends early. */
    earlyTerminationFeeJpy: number;
    /** Initial cancellation (初期契約解除) period: 8 days under the Telecommunications Business Act. */
    initialCancellationDays: number;
  };
};

export type ImportantMattersInput = ContractInput;

export type ReceiptInput = {
  language: Language;
  receiptNumber: string;
  date: Date;
  operator: OperatorDetails;
  /** The qualified invoice registration number (登録番号, T + 13 digits); null prints it as absent. */
  invoiceRegistrationNumber: string | null;
  payer: { name: string };
  applicationReference: string;
  /** The payment as a person quotes it (the application's reference and the payment's number in it). */
  paymentNumber: string;
  amountJpy: number;
  purpose: ReceiptPurpose;
  /** The plan the payment is for (named in the purpose line). */
  plan: Pick<Plan, "name">;
};

/**
 * The operator's text in `language`, as the operator's file gives it; where it gives none, Chinese
 * readers get the Japanese (a company's name and address are kept in kanji in Chinese too), others
 * the English.
 */
export function operatorText(text: OperatorText, language: Language): string {
  return text[language] ?? (language === "ja" || language.startsWith("zh") ? text.ja : text.en);
}

/** The operator's lines for a document: name, address and (where it has one) its registration number. */
export function operatorLines(operator: OperatorDetails, language: Language): string[] {
  return [
    operatorText(operator.name, language),
    operatorText(operator.address, language),
    ...(operator.registrationNumber ? [operator.registrationNumber] : []),
  ];
}

/** Japanese first, then the applicant's language unless it is Japanese. */
export function columnsFor(language: Language): Language[] {
  return language === "ja" ? ["ja"] : ["ja", language];
}
