/** A top-up voucher's statuses: issued → redeemed (once, by a line's holder) or void. */
export const voucherStatuses = ["issued", "redeemed", "void"] as const;
export type VoucherStatus = (typeof voucherStatuses)[number];
