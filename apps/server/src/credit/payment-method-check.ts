/**
 * Checking the way a postpaid subscriber will pay the bills, before the contract: a card is verified
 * with the card gateway (a zero-yen authorisation on the token the gateway's form gave; the card
 * number never reaches us), a bank account is registered for direct debit (口座振替) with the bank's
 * online registration service (口座振替受付サービス), which answers at once whether the account
 * exists and accepts debits.
 *
 * A real adapter calls the card gateway's verify endpoint and the bank network's registration API
 * (usually through a collection agency); the local simulator below decides by the test values.
 */
export type BankAccount = {
  bankCode: string; // 4 digits (金融機関コード)
  branchCode: string; // 3 digits (支店コード)
  accountType: "ordinary" | "current"; // 普通 / 当座
  accountNumber: string; // 7 digits
  holderKana: string; // 口座名義 in full-width katakana, as the bank holds it
};

export type PaymentMethodCheckResult =
  | { status: "verified"; display: string; reference: string }
  | {
      status: "refused";
      code: "card_declined" | "card_unknown" | "account_not_found" | "account_closed" | "holder_mismatch";
      display: string;
    };

export type PaymentMethodCheck = {
  readonly name: string;
  verifyCard(cardToken: string): Promise<PaymentMethodCheckResult>;
  registerBankAccount(account: BankAccount): Promise<PaymentMethodCheckResult>;
};

/** Test values the simulator understands (documented for integrators in docs/journeys.md). */
export const testPaymentMethods = {
  card: { ok: "tok_test_ok", decline: "tok_test_decline" },
  /** Any other 7-digit number registers. */
  bank: { notFound: "0000000", closed: "9999999" },
  /** A holder name the simulated bank holds differently. */
  mismatchedHolder: "ヤマダ ハナコ",
} as const;

export function localPaymentMethodCheck(): PaymentMethodCheck {
  let count = 0;
  return {
    name: "local-payment-method-simulator",
    async verifyCard(cardToken) {
      const display = `•••• ${cardToken.slice(-4)}`;
      if (cardToken === testPaymentMethods.card.decline) return { status: "refused", code: "card_declined", display };
      if (!cardToken.startsWith("tok_test_")) return { status: "refused", code: "card_unknown", display };
      return { status: "verified", display: "VISA •••• 4242", reference: `cv_${++count}` };
    },
    async registerBankAccount(account) {
      // No word for the kind in it: each reader's page names the kind in their language beside it.
      const display = `${account.bankCode}-${account.branchCode} •••• ${account.accountNumber.slice(-3)}`;
      if (account.accountNumber === testPaymentMethods.bank.notFound) {
        return { status: "refused", code: "account_not_found", display };
      }
      if (account.accountNumber === testPaymentMethods.bank.closed) {
        return { status: "refused", code: "account_closed", display };
      }
      if (account.holderKana === testPaymentMethods.mismatchedHolder) {
        return { status: "refused", code: "holder_mismatch", display };
      }
      return { status: "verified", display, reference: `ba_${++count}` };
    },
  };
}
