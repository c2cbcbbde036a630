import { nextInTable, type StatusTable } from "./state-table.ts";

/** A person's request to delete their data (APPI art. 35): filed, then decided once (the outcome says how). */
export const deletionRequestStatuses = ["filed", "decided"] as const;
export type DeletionRequestStatus = (typeof deletionRequestStatuses)[number];

export const deletionRequestEvents = ["decide"] as const;
export type DeletionRequestEvent = (typeof deletionRequestEvents)[number];

export const deletionRequestTable: StatusTable<DeletionRequestStatus, DeletionRequestEvent> = {
  filed: { decide: "decided" },
  decided: {},
};

export function nextDeletionRequestStatus(status: DeletionRequestStatus, event: DeletionRequestEvent) {
  return nextInTable(deletionRequestTable, status, event);
}
