/**
 * A prepaid top-up's statuses: pending (its payment or voucher not settled) → credited (the line's
 * validity was extended) or expired (its konbini payment lapsed unpaid). Moved only by the top-ups'
 * repository (apps/server/src/payments/top-ups-repository.ts, retail/vouchers-repository.ts).
 */
export const topUpStatuses = ["pending", "credited", "expired"] as const;
export type TopUpStatus = (typeof topUpStatuses)[number];
