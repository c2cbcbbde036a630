/** What the payment-method check said of the applicant's card or bank account (`payment_methods`). */
export const paymentMethodStatuses = ["verified", "refused"] as const;
export type PaymentMethodStatus = (typeof paymentMethodStatuses)[number];
