import type { StatusTable } from "../lifecycles/state-table.ts";

/**
 * The network operation log (apps/server/src/issuance/provisioning-log.ts) as one table: what may be
 * asked of the network (and of the SM-DP+ and our own inventory when a failed activation is rolled
 * back), and how an entry's outcome moves.
 *
 * `pending` is written and committed before the call; the call's answer moves it to `succeeded` or
 * `failed`; a later step that undoes it makes it `rolled_back`. An entry still `pending` long after
 * its call began was left by a crash: the sweep marks it `in_doubt` (shown to staff), drives the
 * network to what our records say, and marks it `reconciled`.
 */
export const networkOperations = [
  "activate",
  "bar_outgoing",
  "unbar_outgoing",
  "suspend",
  "resume",
  "terminate",
  "change_number",
  // The steps of a failed activation's rollback besides `terminate`:
  "cancel_esim_order", // ES2+ CancelOrder at the SM-DP+
  "release_line", // the line's number back to the pool, its card or profile out of use
] as const;
export type NetworkOperation = (typeof networkOperations)[number];

export const networkOperationOutcomes = [
  "pending",
  "succeeded",
  "failed",
  "rolled_back",
  "in_doubt",
  "reconciled",
] as const;
export type NetworkOperationOutcome = (typeof networkOperationOutcomes)[number];

export type NetworkOperationEvent = "answered" | "refused" | "undone" | "found_in_doubt" | "reconciled";

export const networkOperationTable: StatusTable<NetworkOperationOutcome, NetworkOperationEvent> = {
  pending: { answered: "succeeded", refused: "failed", found_in_doubt: "in_doubt" },
  succeeded: { undone: "rolled_back" },
  failed: {},
  rolled_back: {},
  // The sweep sets the network to what our records say; until it manages, the entry stays in doubt.
  in_doubt: { reconciled: "reconciled", undone: "rolled_back" },
  reconciled: { undone: "rolled_back" },
};

/** An entry whose call began this long ago and is still `pending` was left by a crash. */
export const IN_DOUBT_AFTER_MINUTES = 10;
