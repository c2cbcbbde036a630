import type { NetworkOperation, NetworkOperationOutcome } from "@jitsumei/domain";
import type { Selectable } from "kysely";
import type { Queryable } from "../db/database.ts";
import type { ProvisioningOperations } from "../db/schema.ts";
import { sqlStatus, sqlStatuses } from "../db/sql-status.ts";

// Outcomes as literals in the SQL text: the partial index provisioning_operations_unanswered
// (WHERE outcome IN ('pending', 'in_doubt')) serves the sweep's reads.
const PENDING = sqlStatus<NetworkOperationOutcome>("pending");
const FAILED = sqlStatus<NetworkOperationOutcome>("failed");
const IN_DOUBT = sqlStatus<NetworkOperationOutcome>("in_doubt");
const RECONCILED = sqlStatus<NetworkOperationOutcome>("reconciled");
const ROLLED_BACK = sqlStatus<NetworkOperationOutcome>("rolled_back");
const DONE = sqlStatuses<NetworkOperationOutcome>("succeeded", "reconciled");

/**
 * The SQL of the network operation log (provisioning_operations, migrations 0038 and 0044). The door
 * that writes it is provisioning-log.ts; the console's case view reads `operationsOfApplication`.
 */
export type OperationEntry = {
  operation: NetworkOperation;
  applicationId: string | null;
  adapter: string;
  /** Sent with every attempt: the network does the operation once however often it is asked. */
  key: string;
  request: Record<string, unknown>;
};

export type OperationRow = Omit<
  Selectable<ProvisioningOperations>,
  "id" | "operation" | "outcome" | "request" | "answer"
> & {
  /** bigserial: pg returns it as a string, and the reads make it one. */
  id: string;
  operation: NetworkOperation;
  outcome: NetworkOperationOutcome;
  request: Record<string, unknown>;
  answer: Record<string, unknown> | null;
};

/** The entry before the call: `pending`, with the request. */
export async function insertPendingOperation(
  db: Queryable,
  entry: OperationEntry,
): Promise<{ id: string; startedAt: Date }> {
  const { rows } = await db.query<{ id: string; started_at: Date }>(
    `INSERT INTO provisioning_operations (application_id, operation, adapter, idempotency_key, request)
     VALUES ($1, $2, $3, $4, $5) RETURNING id, started_at`,
    [entry.applicationId, entry.operation, entry.adapter, entry.key, JSON.stringify(entry.request)],
  );
  const row = rows[0];
  if (!row) throw new Error("the operation log returned no row");
  return { id: String(row.id), startedAt: new Date(row.started_at) };
}

/**
 * The call's outcome on its entry (or a later judgement of it: rolled back, in doubt, reconciled).
 * `from` names the outcomes it may replace: the answer of a call is recorded only while its entry is
 * still `pending`, so a call answered after the sweep judged it does not undo that judgement.
 */
export async function recordOperationOutcome(
  db: Queryable,
  id: string,
  outcome: {
    outcome: NetworkOperationOutcome;
    answer?: Record<string, unknown> | null;
    error?: string | null;
    attempts?: number;
    from?: readonly NetworkOperationOutcome[];
  },
): Promise<void> {
  await db.query(
    `UPDATE provisioning_operations SET outcome = $2, answer = coalesce($3, answer), error = coalesce($4, error),
       attempts = coalesce($5, attempts), finished_at = now()
     WHERE id = $1 AND ($6::text[] IS NULL OR outcome = ANY($6::text[]))`,
    [
      id,
      outcome.outcome,
      outcome.answer === undefined || outcome.answer === null ? null : JSON.stringify(outcome.answer),
      outcome.error ?? null,
      outcome.attempts ?? null,
      outcome.from ?? null,
    ],
  );
}

/**
 * A failed call's entry, written outside a caller's transaction that rolled back (PGlite only: there
 * the entry shares the caller's transaction). With the entry's own id, so it is never written twice.
 */
export async function keepFailedOperation(
  db: Queryable,
  entry: OperationEntry,
  failure: { id: string; startedAt: Date; error: string; attempts: number },
): Promise<void> {
  await db.query(
    `INSERT INTO provisioning_operations (id, application_id, operation, adapter, idempotency_key, request,
         outcome, error, attempts, started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, ${FAILED}, $7, $8, $9, now()) ON CONFLICT (id) DO NOTHING`,
    [
      failure.id,
      entry.applicationId,
      entry.operation,
      entry.adapter,
      entry.key,
      JSON.stringify(entry.request),
      failure.error,
      failure.attempts,
      failure.startedAt,
    ],
  );
}

/** Whether an operation with this idempotency key is done already (a rollback run twice asks). */
export async function operationDone(db: Queryable, key: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM provisioning_operations WHERE idempotency_key = $1 AND outcome IN (${DONE}) LIMIT 1`,
    [key],
  );
  return rows.length > 0;
}

/**
 * How many times this operation was done on this line (a suspension lifted and asked again is a new
 * suspension): the number in its next idempotency key.
 */
export async function countOperationsDone(
  db: Queryable,
  applicationId: string | null,
  operation: string,
  networkRef: string,
): Promise<number> {
  const { rows } = await db.query<{ done: number }>(
    `SELECT count(*)::int AS done FROM provisioning_operations
     WHERE application_id IS NOT DISTINCT FROM $1 AND operation = $2 AND request->>'networkRef' = $3
       AND outcome IN (${DONE})`,
    [applicationId, operation, networkRef],
  );
  return rows[0]?.done ?? 0;
}

/** A later call with the same key succeeded: the entries a crash left in doubt are settled by it. */
export async function settleInDoubt(db: Queryable, key: string, answeredBy: string): Promise<void> {
  await db.query(
    `UPDATE provisioning_operations SET outcome = ${RECONCILED}, finished_at = now(),
       answer = jsonb_build_object('settledBy', $2::text)
     WHERE idempotency_key = $1 AND outcome = ${IN_DOUBT}`,
    [key, answeredBy],
  );
}

/** The application's activation, undone: the network took it, our records did not keep it. */
export async function markActivationRolledBack(db: Queryable, applicationId: string, reason: string): Promise<void> {
  await db.query(
    `UPDATE provisioning_operations SET outcome = ${ROLLED_BACK}, error = $2
     WHERE application_id = $1 AND operation = 'activate' AND outcome IN (${sqlStatuses<NetworkOperationOutcome>("succeeded", "in_doubt", "reconciled")})`,
    [applicationId, reason],
  );
}

/** Entries still `pending` that began before `before`: their call's process died. Marked in doubt. */
export async function markStalePendingInDoubt(db: Queryable, before: Date): Promise<number> {
  const r = await db.query(
    `UPDATE provisioning_operations SET outcome = ${IN_DOUBT},
       error = 'no outcome was recorded: the process making the call stopped'
     WHERE outcome = ${PENDING} AND started_at < $1`,
    [before],
  );
  return r.rowCount;
}

/** Entries in doubt of one adapter, oldest first, for the sweep to reconcile. */
export async function operationsInDoubt(db: Queryable, adapter: string, limit = 50): Promise<OperationRow[]> {
  const { rows } = await db.query<OperationRow>(
    `SELECT id, application_id, operation, adapter, idempotency_key, request, answer, outcome, error, attempts,
            started_at, finished_at
     FROM provisioning_operations WHERE outcome = ${IN_DOUBT} AND adapter = $1 ORDER BY id LIMIT $2`,
    [adapter, limit],
  );
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** Every entry of one application, oldest first (the console's "Network operations" card). */
export async function operationsOfApplication(db: Queryable, applicationId: string): Promise<OperationRow[]> {
  const { rows } = await db.query<OperationRow>(
    `SELECT id, application_id, operation, adapter, idempotency_key, request, answer, outcome, error, attempts,
            started_at, finished_at
     FROM provisioning_operations WHERE application_id = $1 ORDER BY id`,
    [applicationId],
  );
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** The application a line on the network belongs to (for the log's entry). */
export async function applicationOfNetworkRef(db: Queryable, networkRef: string): Promise<string | null> {
  const { rows } = await db.query<{ application_id: string }>(
    "SELECT application_id FROM subscriptions WHERE network_ref = $1 ORDER BY started_at DESC LIMIT 1",
    [networkRef],
  );
  return rows[0]?.application_id ?? null;
}

/** What our records say of a line on the network: its latest subscription's state, if any. */
export async function recordedLineState(db: Queryable, networkRef: string): Promise<string | null> {
  const { rows } = await db.query<{ state: string }>(
    "SELECT state FROM subscriptions WHERE network_ref = $1 ORDER BY started_at DESC LIMIT 1",
    [networkRef],
  );
  return rows[0]?.state ?? null;
}

/** Whether our records have the application's line live (its activation committed). */
export async function activationRecorded(db: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await db.query<{ network_ref: string }>(
    "SELECT network_ref FROM subscriptions WHERE application_id = $1 ORDER BY started_at DESC LIMIT 1",
    [applicationId],
  );
  return rows[0]?.network_ref ?? null;
}

/** Holds the application while the sweep reconciles its activation (an activation retried meanwhile waits). */
export async function lockApplicationForReconciling(db: Queryable, applicationId: string): Promise<void> {
  await db.query("SELECT 1 FROM applications WHERE id = $1 FOR UPDATE", [applicationId]);
}
