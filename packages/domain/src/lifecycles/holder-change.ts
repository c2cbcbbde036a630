import { nextInTable, type StatusTable } from "./state-table.ts";

/** A change of a line holder's particulars (name, address), waiting for a reviewer's decision. */
export const holderChangeStatuses = ["pending", "approved", "rejected"] as const;
export type HolderChangeStatus = (typeof holderChangeStatuses)[number];

export const holderChangeEvents = ["approve", "reject"] as const;
export type HolderChangeEvent = (typeof holderChangeEvents)[number];

export const holderChangeTable: StatusTable<HolderChangeStatus, HolderChangeEvent> = {
  pending: { approve: "approved", reject: "rejected" },
  approved: {},
  rejected: {},
};

export function nextHolderChangeStatus(status: HolderChangeStatus, event: HolderChangeEvent) {
  return nextInTable(holderChangeTable, status, event);
}
