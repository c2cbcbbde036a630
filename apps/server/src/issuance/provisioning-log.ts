import type { Database, Queryable } from "../db/database.ts";
import {
  type LineOnNetwork,
  localNetworkAdapter,
  type Provisioning,
  type ProvisioningAdapter,
  ProvisioningError,
} from "./provisioning.ts";

type Operation = "activate" | "bar_outgoing" | "unbar_outgoing" | "suspend" | "resume" | "terminate" | "change_number";

/**
 * The one door to the network: every provisioning operation is written to provisioning_operations
 * before the call (pending, with the request) and after it (the answer and the outcome), in the
 * caller's transaction, and retried while it failed without an answer, with the same idempotency
 * key. A failure is also kept outside that transaction (keepFailure), so a refused call stays on
 * record when the caller rolls back. One function per operation: a hook (the line's lifecycle) goes
 * here.
 */
export function loggedProvisioning(
  adapter: ProvisioningAdapter,
  db: Database,
  options: { attempts?: number; retryDelayMs?: number; warn?: (message: string) => void } = {},
): Provisioning {
  const attempts = options.attempts ?? 3;

  async function applicationOf(tx: Queryable, line: LineOnNetwork): Promise<string | null> {
    const { rows } = await tx.query<{ application_id: string }>(
      "SELECT application_id FROM subscriptions WHERE network_ref = $1",
      [line.networkRef],
    );
    return rows[0]?.application_id ?? null;
  }

  async function run<T>(
    tx: Queryable,
    entry: { operation: Operation; applicationId: string | null; key: string; request: Record<string, unknown> },
    call: (idempotencyKey: string) => Promise<T>,
    answerOf: (result: T) => Record<string, unknown> | null,
  ): Promise<T> {
    const { rows } = await tx.query<{ id: string; started_at: Date }>(
      `INSERT INTO provisioning_operations (application_id, operation, adapter, idempotency_key, request)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, started_at`,
      [entry.applicationId, entry.operation, adapter.kind, entry.key, JSON.stringify(entry.request)],
    );
    const row = rows[0];
    if (!row) throw new Error("the operation log returned no row");
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await call(entry.key);
        await tx.query(
          `UPDATE provisioning_operations SET outcome = 'succeeded', answer = $2, attempts = $3, finished_at = now()
           WHERE id = $1`,
          [row.id, JSON.stringify(answerOf(result)), attempt],
        );
        return result;
      } catch (error) {
        const transient = error instanceof ProvisioningError && error.transient;
        if (transient && attempt < attempts) {
          const wait = (options.retryDelayMs ?? 200) * 2 ** (attempt - 1);
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          continue;
        }
        const failure = [row.id, error instanceof Error ? error.message : String(error), attempt] as const;
        // In the caller's transaction, for a caller that handles the error and commits; an aborted
        // transaction refuses it, and the copy below keeps the failure.
        await tx
          .query(
            `UPDATE provisioning_operations SET outcome = 'failed', error = $2, attempts = $3, finished_at = now()
             WHERE id = $1`,
            failure,
          )
          .catch(() => undefined);
        keepFailure(entry, row.started_at, failure);
        throw error;
      }
    }
  }

  /**
   * The failure again, outside the caller's transaction and not awaited by it: with the row's own id,
   * so it waits for that transaction and is written only if the transaction rolled back (the network
   * does not roll back with it). Nothing in the transaction waits for it, so it cannot deadlock.
   */
  function keepFailure(
    entry: { operation: Operation; applicationId: string | null; key: string; request: Record<string, unknown> },
    startedAt: Date,
    [id, message, attempt]: readonly [string, string, number],
  ): void {
    void db
      .query(
        `INSERT INTO provisioning_operations (id, application_id, operation, adapter, idempotency_key, request,
             outcome, error, attempts, started_at, finished_at)
           VALUES ($1, $2, $3, $4, $5, $6, 'failed', $7, $8, $9, now()) ON CONFLICT (id) DO NOTHING`,
        [
          id,
          entry.applicationId,
          entry.operation,
          adapter.kind,
          entry.key,
          JSON.stringify(entry.request),
          message,
          attempt,
          startedAt,
        ],
      )
      .catch((error: unknown) => options.warn?.(`operation log: a failure was not kept (${String(error)})`));
  }

  const lineOp =
    (operation: Operation, fn: (line: LineOnNetwork, c: { idempotencyKey: string; tx: Queryable }) => Promise<void>) =>
    async (line: LineOnNetwork, tx: Queryable) =>
      run(
        tx,
        {
          operation,
          applicationId: await applicationOf(tx, line),
          key: `${operation}:${line.networkRef}`,
          request: { networkRef: line.networkRef, msisdn: line.msisdn },
        },
        (idempotencyKey) => fn(line, { idempotencyKey, tx }),
        () => null,
      );

  const suspend = lineOp("suspend", (l, c) => adapter.suspend(l, c));
  const resume = lineOp("resume", (l, c) => adapter.resume(l, c));
  const terminate = lineOp("terminate", (l, c) => adapter.terminate(l, c));
  const bar = lineOp("bar_outgoing", (l, c) => adapter.barOutgoing(l, true, c));
  const unbar = lineOp("unbar_outgoing", (l, c) => adapter.barOutgoing(l, false, c));

  return {
    kind: adapter.kind,
    async activate(request, tx) {
      const { networkRef } = await run(
        tx,
        {
          operation: "activate",
          applicationId: request.requestKey,
          key: `activate:${request.requestKey}`,
          request: { ...request },
        },
        (idempotencyKey) => adapter.activate(request, { idempotencyKey, tx }),
        (result) => ({ networkRef: result.networkRef, ...result.answer }),
      );
      return { networkRef };
    },
    barOutgoing: (line, barred, tx) => (barred ? bar(line, tx) : unbar(line, tx)),
    suspend,
    resume,
    terminate,
    async changeNumber(line, newMsisdn, tx) {
      await run(
        tx,
        {
          operation: "change_number",
          applicationId: await applicationOf(tx, line),
          key: `change_number:${line.networkRef}:${newMsisdn}`,
          request: { networkRef: line.networkRef, msisdn: line.msisdn, newMsisdn },
        },
        (idempotencyKey) => adapter.changeNumber(line, newMsisdn, { idempotencyKey, tx }),
        () => null,
      );
    },
    deactivate: terminate,
    async setService(line, service, tx) {
      if (service === "suspended") return suspend(line, tx);
      if (service === "receive_only") return bar(line, tx);
      await unbar(line, tx);
      await resume(line, tx);
    },
    async rollBackActivation(request, networkRef, reason) {
      await db.transaction(async (tx) => {
        await run(
          tx,
          {
            operation: "terminate",
            applicationId: request.requestKey,
            key: `terminate:${networkRef}`,
            request: { networkRef, msisdn: request.msisdn, reason },
          },
          (idempotencyKey) => adapter.terminate({ networkRef, msisdn: request.msisdn }, { idempotencyKey, tx }),
          () => null,
        );
        await tx.query(
          `UPDATE provisioning_operations SET outcome = 'rolled_back', error = $2
           WHERE application_id = $1 AND operation = 'activate' AND outcome = 'succeeded'`,
          [request.requestKey, reason],
        );
      });
    },
  };
}

/** The default: the local network simulator, logged like any network. */
export function localNetworkSimulator(db: Database) {
  return loggedProvisioning(localNetworkAdapter(), db);
}
