import {
  assessCredit,
  creditInputsSchema,
  creditPolicyInForce,
  explainCreditReasonToStaff,
  todayInJapan,
} from "@jitsumei/domain";
import { loadConfig } from "../config/config.ts";
import { loadCreditPolicies } from "../credit/credit-policies.ts";
import { dateOption, EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei credit assess --at YYYY-MM-DD [--lang en|ja]`: applies the credit policy in force on that
 * day to the inputs given as JSON on stdin, for operators tuning their rules. Prints the outcome, the
 * deposit and every reason; exit 2 with the field and the reason on bad input.
 */
export async function creditAssessCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, { at: { type: "string" }, lang: { type: "string" } });
  const at = o.at ?? todayInJapan();
  dateOption("at", at);
  const lang = o.lang ?? "en";
  if (lang !== "en" && lang !== "ja") throw new UsageError("--lang must be en or ja");
  const policy = creditPolicyInForce(loadCreditPolicies(loadConfig().policyDirs), at);
  if (!policy) throw new UsageError(`no credit policy is in force on ${at}`);

  const text = await io.stdin();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`stdin is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = creditInputsSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`);
    throw new UsageError(`bad input on stdin:\n  ${problems.join("\n  ")}`);
  }
  const result = assessCredit(parsed.data, policy);
  io.out(
    JSON.stringify({
      outcome: result.outcome,
      deposit: result.depositJpy,
      reasons: result.reasons.map((r) => ({ code: r.code, message: explainCreditReasonToStaff(r, lang) })),
      policy: { id: policy.id, version: policy.version, file: policy.file },
    }),
  );
  return EXIT.ok;
}
