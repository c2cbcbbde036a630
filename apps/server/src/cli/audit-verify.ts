import { verifyAuditChain } from "../audit/audit-chain.ts";
import { withDatabase } from "./database-commands.ts";
import { EXIT, type Io, parseOptions } from "./io.ts";

/** Prints {"valid": …, "entries": …, "firstBroken"?: {seq, reason}}; exit 1 when the chain is broken. */
export async function auditVerifyCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const result = await withDatabase((db) => verifyAuditChain(db));
  io.out(JSON.stringify(result));
  if (!result.valid) io.err(`audit chain broken at entry ${result.firstBroken.seq}: ${result.firstBroken.reason}`);
  return result.valid ? EXIT.ok : EXIT.no;
}
