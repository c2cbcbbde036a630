import type { Language } from "../i18n/languages.ts";

export type CheckStatus = "pass" | "fail" | "review";

/**
 * What a check concluded. `code` is stable (clients and policies key on it); `params` fill the
 * translated message. A check result never carries personal data in `params` beyond what the
 * applicant typed themselves, because results are shown back to the applicant.
 */
export type CheckResult = {
  code: string;
  status: CheckStatus;
  params?: Readonly<Record<string, string | number>>;
  /** For staff and the record only, never shown to the applicant (scores, model versions). */
  details?: Readonly<Record<string, unknown>>;
};

/** A check result rendered for a reader. */
export type ExplainedCheckResult = CheckResult & { message: string; language: Language };
