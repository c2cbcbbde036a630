import { IN_DOUBT_AFTER_MINUTES, type NetworkOperation } from "@jitsumei/domain";
import type { Database, Queryable } from "../db/database.ts";
import {
  type ActivationRequest,
  type LineOnNetwork,
  localNetworkAdapter,
  type NetworkService,
  type Provisioning,
  type ProvisioningAdapter,
  ProvisioningError,
} from "./provisioning.ts";
import {
  activationRecorded,
  applicationOfNetworkRef,
  countOperationsDone,
  insertPendingOperation,
  keepFailedOperation,
  lockApplicationForReconciling,
  markActivationRolledBack,
  markStalePendingInDoubt,
  type OperationEntry,
  type OperationRow,
  operationDone,
  operationsInDoubt,
  recordedLineState,
  recordOperationOutcome,
  settleInDoubt,
} from "./provisioning-operations-repository.ts";

type LogOptions = { attempts?: number; retryDelayMs?: number; warn?: (message: string) => void };

/**
 * One call to the network (or the SM-DP+), written to the operation log around it: the entry
 * `pending` with the request before the call, then the answer and the outcome; retried while it failed
 * without an answer, with the same idempotency key.
 *
 * On PostgreSQL the entry is written and committed on its own (the pool, outside the caller's
 * transaction) before the call, and its outcome after it: a crash during the call leaves it `pending`
 * for the sweep (`reconcile`), and a refusal stays on record when the caller rolls back. The network
 * does not roll back with our transaction, so its answer is recorded whatever the caller does next.
 * PGlite has one connection, which the caller's transaction holds: there the entry is written in that
 * transaction, and a failure copied outside it once it has ended (`keepFailedOperation`).
 */
export async function logCall<T>(
  db: Database,
  tx: Queryable,
  entry: OperationEntry,
  call: (idempotencyKey: string) => Promise<T>,
  answerOf: (result: T) => Record<string, unknown> | null,
  options: LogOptions = {},
): Promise<T> {
  const own: Queryable = db.kind === "postgres" ? db : tx;
  const attempts = options.attempts ?? 3;
  const row = await insertPendingOperation(own, entry);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await call(entry.key);
      await recordOperationOutcome(own, row.id, {
        outcome: "succeeded",
        answer: answerOf(result),
        attempts: attempt,
        from: ["pending"],
      });
      await settleInDoubt(own, entry.key, row.id);
      return result;
    } catch (error) {
      const transient = error instanceof ProvisioningError && error.transient;
      if (transient && attempt < attempts) {
        const wait = (options.retryDelayMs ?? 200) * 2 ** (attempt - 1);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      const message = error instanceof Error ? error.message : String(error);
      // An aborted caller's transaction (PGlite) refuses the update; the copy below keeps the failure.
      await recordOperationOutcome(own, row.id, {
        outcome: "failed",
        error: message,
        attempts: attempt,
        from: ["pending"],
      }).catch(() => undefined);
      if (own !== db) {
        // Not awaited: it waits for the caller's transaction, which is still open here.
        void keepFailedOperation(db, entry, { ...row, error: message, attempts: attempt }).catch((e: unknown) =>
          options.warn?.(`operation log: a failure was not kept (${String(e)})`),
        );
      }
      throw error;
    }
  }
}

/** What a line's recorded state asks of the network. */
function serviceFor(state: string): NetworkService | "terminated" | null {
  if (state === "active") return "full";
  if (state === "receive_only") return "receive_only";
  if (state === "suspended" || state === "police_suspended") return "suspended";
  if (state === "terminated") return "terminated";
  return null; // transferred: the line lives on under its new holder's subscription
}

/**
 * The one door to the network: every provisioning operation goes through `logCall`. One function per
 * operation: a hook (the line's lifecycle) goes here.
 */
export function loggedProvisioning(adapter: ProvisioningAdapter, db: Database, options: LogOptions = {}): Provisioning {
  const run = <T>(
    tx: Queryable,
    entry: Omit<OperationEntry, "adapter">,
    call: (idempotencyKey: string) => Promise<T>,
    answerOf: (result: T) => Record<string, unknown> | null,
  ) => logCall(db, tx, { ...entry, adapter: adapter.kind }, call, answerOf, options);

  const lineOp =
    (
      operation: NetworkOperation,
      fn: (line: LineOnNetwork, c: { idempotencyKey: string; tx: Queryable }) => Promise<void>,
    ) =>
    async (line: LineOnNetwork, tx: Queryable) => {
      const applicationId = await applicationOfNetworkRef(tx, line.networkRef);
      // A line is suspended, resumed and suspended again: each is a new operation for the network, so
      // its key counts the ones done before (a retry of this one, after a crash too, counts the same).
      // A line is terminated once: its key stays the one undoActivation checks.
      const nth =
        operation === "terminate"
          ? ""
          : `:${1 + (await countOperationsDone(tx, applicationId, operation, line.networkRef))}`;
      return run(
        tx,
        {
          operation,
          applicationId,
          key: `${operation}:${line.networkRef}${nth}`,
          request: { networkRef: line.networkRef, msisdn: line.msisdn },
        },
        (idempotencyKey) => fn(line, { idempotencyKey, tx }),
        () => null,
      );
    };

  const suspend = lineOp("suspend", (l, c) => adapter.suspend(l, c));
  const resume = lineOp("resume", (l, c) => adapter.resume(l, c));
  const terminate = lineOp("terminate", (l, c) => adapter.terminate(l, c));
  const bar = lineOp("bar_outgoing", (l, c) => adapter.barOutgoing(l, true, c));
  const unbar = lineOp("unbar_outgoing", (l, c) => adapter.barOutgoing(l, false, c));

  async function setService(line: LineOnNetwork, service: NetworkService, tx: Queryable) {
    if (service === "suspended") return suspend(line, tx);
    if (service === "receive_only") return bar(line, tx);
    await unbar(line, tx);
    await resume(line, tx);
  }

  /** Takes an activation off the network again; done once however often it is asked. */
  async function undoActivation(tx: Queryable, request: ActivationRequest, networkRef: string, reason: string) {
    const key = `terminate:${networkRef}`;
    if (!(await operationDone(tx, key))) {
      await run(
        tx,
        {
          operation: "terminate",
          applicationId: request.requestKey,
          key,
          request: { networkRef, msisdn: request.msisdn, reason },
        },
        (idempotencyKey) => adapter.terminate({ networkRef, msisdn: request.msisdn }, { idempotencyKey, tx }),
        () => null,
      );
    }
    await markActivationRolledBack(db.kind === "postgres" ? db : tx, request.requestKey, reason);
  }

  /**
   * An activation a crash left in doubt. Our records are the truth: a line they have live is
   * reconciled; otherwise the activating transaction never committed, and the line (asked for again
   * with the same key, which gives the network's own reference and creates nothing twice) is taken
   * off the network again. The application is locked, so an activation retried meanwhile waits.
   */
  async function reconcileActivation(op: OperationRow) {
    const request = op.request as ActivationRequest;
    await db.transaction(async (tx) => {
      if (op.application_id) await lockApplicationForReconciling(tx, op.application_id);
      const live = op.application_id ? await activationRecorded(tx, op.application_id) : null;
      if (live) {
        await recordOperationOutcome(db.kind === "postgres" ? db : tx, op.id, {
          outcome: "reconciled",
          answer: { networkRef: live, reconciledTo: "the line is live in our records" },
        });
        return;
      }
      const { networkRef } = await run(
        tx,
        { operation: "activate", applicationId: op.application_id, key: op.idempotency_key, request: { ...request } },
        (idempotencyKey) => adapter.activate(request, { idempotencyKey, tx }),
        (result) => ({ networkRef: result.networkRef, ...result.answer }),
      );
      await undoActivation(
        tx,
        request,
        networkRef,
        "a crash left the activation in doubt and our records have no line: taken off the network again",
      );
    });
  }

  /** A line operation a crash left in doubt: the network is set to the line's recorded state. */
  async function reconcileLine(op: OperationRow) {
    const line = {
      networkRef: String(op.request.networkRef),
      msisdn: String(op.request.newMsisdn ?? op.request.msisdn),
    };
    await db.transaction(async (tx) => {
      const state = await recordedLineState(tx, line.networkRef);
      const wanted = state ? serviceFor(state) : null;
      if (wanted === "terminated") await terminate(line, tx);
      else if (wanted) await setService(line, wanted, tx);
      await recordOperationOutcome(db.kind === "postgres" ? db : tx, op.id, {
        outcome: "reconciled",
        answer: { reconciledTo: state ?? "no line in our records" },
      });
    });
  }

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
          applicationId: await applicationOfNetworkRef(tx, line.networkRef),
          key: `change_number:${line.networkRef}:${newMsisdn}`,
          request: { networkRef: line.networkRef, msisdn: line.msisdn, newMsisdn },
        },
        (idempotencyKey) => adapter.changeNumber(line, newMsisdn, { idempotencyKey, tx }),
        () => null,
      );
    },
    deactivate: terminate,
    setService,
    async rollBackActivation(request, networkRef, reason) {
      await db.transaction((tx) => undoActivation(tx, request, networkRef, reason));
    },
    async reconcile(now) {
      const before = new Date(now.getTime() - IN_DOUBT_AFTER_MINUTES * 60_000);
      const marked = await markStalePendingInDoubt(db, before);
      let reconciled = 0;
      for (const op of await operationsInDoubt(db, adapter.kind)) {
        try {
          if (op.operation === "activate") await reconcileActivation(op);
          else if (op.operation === "cancel_esim_order" || op.operation === "release_line") continue;
          else await reconcileLine(op);
          reconciled++;
        } catch (error) {
          // Stays in doubt, shown to staff; the next sweep tries again.
          options.warn?.(`operation ${op.id} (${op.operation}) could not be reconciled: ${String(error)}`);
        }
      }
      return { inDoubt: marked, reconciled };
    },
  };
}

/** The default: the local network simulator, logged like any network. */
export function localNetworkSimulator(db: Database) {
  return loggedProvisioning(localNetworkAdapter(), db);
}
