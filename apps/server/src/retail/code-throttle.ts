import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors.ts";

/**
 * Wrong registration and voucher codes per client address, in the database so the count holds across
 * server processes and restarts (the HTTP rate limit counts per process). Ten wrong codes within 15
 * minutes stop the client's attempts, right or wrong, until the oldest leaves the window: at 75 bits
 * per code, guessing is hopeless anyway; the limit keeps it from being cheap.
 */
export const MAX_CODE_FAILURES = 10;
export const CODE_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function clientIndex(keys: KeyManagement, ip: string): Buffer {
  return keys.blindIndex("retail-code-client", ip);
}

export async function assertNotThrottled(db: Database, client: Buffer, now: Date): Promise<void> {
  const { rows } = await db.query<{ n: string | number; oldest: Date | null }>(
    "SELECT count(*) AS n, min(created_at) AS oldest FROM retail_code_failures WHERE client_index = $1 AND created_at > $2",
    [client, new Date(now.getTime() - CODE_FAILURE_WINDOW_MS)],
  );
  const failures = Number(rows[0]?.n ?? 0);
  if (failures >= MAX_CODE_FAILURES) {
    const oldest = rows[0]?.oldest ? new Date(rows[0].oldest).getTime() : now.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + CODE_FAILURE_WINDOW_MS - now.getTime()) / 1000));
    throw new AppError("rate_limited", `${failures} wrong codes from this address: try again later`, {
      errors: [{ field: "code", reason: "too many wrong codes from this address" }],
      retryAfterSeconds,
    });
  }
}

/**
 * Counts a wrong code and audits it, in a transaction of its own: the request that brought it fails,
 * the count stays. The audit entry names the reason, never the code typed nor the address.
 */
export async function recordCodeFailure(
  db: Database,
  input: { client: Buffer; reason: string; kind: "package" | "voucher"; packageId?: string; now: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query("INSERT INTO retail_code_failures (client_index, reason, created_at) VALUES ($1, $2, $3)", [
      input.client,
      input.reason,
      input.now,
    ]);
    await appendAuditEntry(tx, {
      actor: "applicant",
      action: input.kind === "package" ? "retail.registration_code_refused" : "retail.voucher_code_refused",
      subject: input.packageId ?? "unknown",
      data: { reason: input.reason },
    });
  });
}
