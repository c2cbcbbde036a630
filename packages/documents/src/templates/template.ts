import type { Language, Service } from "@jitsumei/domain";

/**
 * Texts of the documents, one typed object per document and language (in `texts/`). Every language has
 * the same keys, so the renderer can set Japanese and the applicant's language side by side, row by row.
 * `{name}` placeholders are filled by `interpolate` from @jitsumei/domain.
 */

/** How a language writes amounts and dates. */
export type Formats = {
  /** e.g. "{amount}円", "¥{amount}" */
  yen: string;
  /** e.g. "{year}年{month}月{day}日"; `{monthName}` uses `monthNames`. */
  date: string;
  monthNames?: readonly string[];
  thousandsSeparator: string;
  /** "{count}か月" */
  months: string;
  /** The word for "none" (no minimum term, no deposit). */
  none: string;
  /** Joins a label and its value. */
  labelSeparator: string;
  /** "{page} / {pages}" */
  page: string;
};

export type Section = { heading: string; body: string };

/** Rows of the particulars table at the top of the contract and the explanation. */
export type ParticularsLabels = {
  documentNumber: string;
  date: string;
  applicantName: string;
  applicationReference: string;
  plan: string;
  tariff: string;
  deposit: string;
  minimumTerm: string;
  operator: string;
};

export type TariffTexts = {
  /** Postpaid: "{price} per month (tax included)" */
  monthly: string;
  /** Prepaid: "{price} for {days} days (tax included)" */
  prepaid: string;
};

/** The order the sections are printed in (the same for every language, so rows pair up). */
export const importantMattersSections = [
  "operator",
  "service",
  "charges",
  "deposit",
  "term",
  "initialCancellation",
  "cancellation",
  "identity",
  "personalData",
  "contact",
] as const;
export type ImportantMattersSectionKey = (typeof importantMattersSections)[number];

export type ImportantMattersTemplate = {
  title: string;
  intro: string;
  particulars: ParticularsLabels;
  tariff: TariffTexts;
  sections: Readonly<Record<ImportantMattersSectionKey, Section>>;
  acknowledgement: string;
};

export const contractSections = [
  "parties",
  "subject",
  "charges",
  "deposit",
  "term",
  "cancellation",
  "obligations",
  "identity",
  "law",
] as const;
export type ContractSectionKey = (typeof contractSections)[number];

export type ContractTemplate = {
  title: string;
  intro: string;
  particulars: ParticularsLabels;
  tariff: TariffTexts;
  sections: Readonly<Record<ContractSectionKey, Section>>;
  seal: string;
};

export type ReceiptLabels = {
  receiptNumber: string;
  date: string;
  receivedFrom: string;
  applicationReference: string;
  paymentId: string;
  description: string;
  amount: string;
  issuer: string;
  /** The consumption tax included in the amount (10%, the standard rate). */
  consumptionTax: string;
  /** 登録番号: the qualified invoice issuer's registration number. */
  invoiceRegistrationNumber: string;
};

export type ReceiptTemplate = {
  title: string;
  intro: string;
  labels: ReceiptLabels;
  /** What a payment is for, by purpose. */
  purposes: Readonly<Record<ReceiptPurpose, string>>;
  /** In place of the tax for a deposit, which bears none. */
  notTaxable: string;
  /** In place of the registration number when the operator has none configured. */
  invoiceNumberAbsent: string;
  taxNote: string;
};

export type ReceiptPurpose = "deposit" | "plan_purchase" | "monthly_charge";

/** Sentences that depend on the plan's terms (a deposit or none, a minimum term or none). */
export type TermsTexts = {
  /** "{amount}": the deposit, refunded at the end less unpaid charges. */
  deposit: string;
  noDeposit: string;
  /** "{months}": e.g. "12か月" */
  minimumTerm: string;
  noMinimumTerm: string;
  /** "{fee}" is the early-termination fee. */
  cancellationFee: string;
  noCancellationFee: string;
};

export type LanguageTexts = {
  formats: Formats;
  services: Readonly<Record<Service, string>>;
  /** Joins service names: "・" in Japanese, ", " in English. */
  listSeparator: string;
  terms: TermsTexts;
  importantMatters: ImportantMattersTemplate;
  contract: ContractTemplate;
  receipt: ReceiptTemplate;
  /** Operator details in this language (address and name as the operator gives them). */
  languageName: string;
};

export type Texts = Readonly<Record<Language, LanguageTexts>>;
