import { nextInTable, type StatusTable } from "./state-table.ts";

/**
 * A police request about a line (契約者確認の求め): it waits for the holder to verify again by its
 * deadline; past the deadline the line is suspended (the request with it) until they do; a line that
 * ended meanwhile closes it.
 */
export const policeRequestStatuses = ["awaiting", "reverified", "suspended", "line_ended"] as const;
export type PoliceRequestStatus = (typeof policeRequestStatuses)[number];

export const policeRequestEvents = ["reverify", "suspend_line", "close_line_ended"] as const;
export type PoliceRequestEvent = (typeof policeRequestEvents)[number];

export const policeRequestTable: StatusTable<PoliceRequestStatus, PoliceRequestEvent> = {
  awaiting: { reverify: "reverified", suspend_line: "suspended", close_line_ended: "line_ended" },
  // Verifying again after the deadline answers the request and restores the line.
  suspended: { reverify: "reverified" },
  reverified: {},
  line_ended: {},
};

/** Requests the holder may still answer by verifying again. */
export const openPoliceRequestStatuses: readonly PoliceRequestStatus[] = policeRequestStatuses.filter(
  (s) => policeRequestTable[s].reverify !== undefined,
);

export function nextPoliceRequestStatus(status: PoliceRequestStatus, event: PoliceRequestEvent) {
  return nextInTable(policeRequestTable, status, event);
}
