import {
  deletionRequestTable,
  holderChangeTable,
  nextInTable,
  packageTable,
  policeRequestTable,
  type StatusTable,
} from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { insertStatusEvent, lockStatus, writeStatus } from "./status-repository.ts";

/** Each smaller stateful thing: its table in the database and its status table in the domain. */
const subjects = {
  police_request: { table: "police_requests", statuses: policeRequestTable },
  holder_change: { table: "holder_changes", statuses: holderChangeTable },
  deletion_request: { table: "deletion_requests", statuses: deletionRequestTable },
  retail_package: { table: "retail_packages", statuses: packageTable },
} as const;
type Subjects = typeof subjects;
export type StatusSubject = keyof Subjects;
type EventOf<K extends StatusSubject> = Subjects[K]["statuses"] extends StatusTable<string, infer E> ? E : never;
type StatusOf<K extends StatusSubject> = Subjects[K]["statuses"] extends StatusTable<infer S, string> ? S : never;

export type StatusTransitionOptions = {
  /** The audit entry's action and subject (an application's reference, or null). */
  audit: { action: string; subject: string | null };
  /** Other columns the step writes with the status (column names are code, never input). */
  set?: Record<string, unknown>;
  /** Non-personal facts about the step: stored with the event and audited. */
  data?: Record<string, unknown>;
  /** When it happened (the caller's clock); now by default. */
  at?: Date;
};

/**
 * The one door for a police request's, holder change's, deletion request's or retail package's
 * status. In the caller's transaction it locks the row, asks the domain's table where the event
 * leads, writes the status (and the step's columns), the event row and the audit entry. A step the
 * table does not allow is refused (409) and changes nothing.
 */
export async function transitionStatus<K extends StatusSubject>(
  tx: Queryable,
  kind: K,
  id: string,
  event: EventOf<K>,
  actor: string,
  options: StatusTransitionOptions,
): Promise<{ from: StatusOf<K>; to: StatusOf<K> }> {
  const { table, statuses } = subjects[kind];
  const from = await lockStatus<StatusOf<K>>(tx, table, id);
  if (!from) throw new AppError("not_found", `There is no ${kind.replace("_", " ")} ${id}`);
  const to = nextInTable(statuses as StatusTable<StatusOf<K>, EventOf<K>>, from, event);
  if (!to) {
    throw new AppError(
      "status_step_not_allowed",
      `The ${kind.replace("_", " ")} is ${from}: "${event}" is not possible`,
      {
        status: from,
        event,
      },
    );
  }
  const set = Object.entries(options.set ?? {});
  for (const [column] of set) if (!/^[a-z_]+$/.test(column)) throw new Error(`bad column name ${column}`);
  const at = options.at ?? new Date();
  await writeStatus(tx, table, id, to, set);
  const data = options.data ?? {};
  await insertStatusEvent(tx, { kind, id, event, from, to, actor, data, at });
  await appendAuditEntry(tx, {
    actor,
    action: options.audit.action,
    subject: options.audit.subject,
    // What happened is written last: the step's own facts can never overwrite it.
    data: { ...data, event, from, to },
  });
  return { from, to };
}
