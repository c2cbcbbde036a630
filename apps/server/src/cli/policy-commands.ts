import {
  applicantClasses,
  PolicyResolutionError,
  policyChannels,
  resolvePolicy,
  type Situation,
  services,
} from "@jitsumei/domain";
import { loadConfig } from "../config/config.ts";
import { loadPolicies, policySummary } from "../policy/load-policies.ts";
import { dateOption, EXIT, type Io, parseOptions, UsageError } from "./io.ts";

function policies() {
  return loadPolicies(loadConfig().policyDirs);
}

/** `jitsumei policy list`: every loaded policy, oldest first. */
export async function policyListCommand(args: string[], io: Io): Promise<number> {
  parseOptions(args, {});
  const list = policies()
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.effectiveFrom.localeCompare(b.effectiveFrom))
    .map(policySummary);
  io.out(JSON.stringify({ policies: list }));
  return EXIT.ok;
}

/** `jitsumei policy explain --at … --service … --channel … --applicant …`: what applies, and why. */
export async function policyExplainCommand(args: string[], io: Io): Promise<number> {
  const o = parseOptions(args, {
    at: { type: "string" },
    service: { type: "string" },
    channel: { type: "string" },
    applicant: { type: "string" },
  });
  const at = o.at ?? new Date().toISOString().slice(0, 10);
  dateOption("at", at);
  const oneOf = <T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T => {
    if (value === undefined || !(allowed as readonly string[]).includes(value)) {
      throw new UsageError(`--${name} must be one of ${allowed.join(", ")}`);
    }
    return value as T;
  };
  const situation: Situation = {
    at,
    service: oneOf("service", o.service, services),
    channel: oneOf("channel", o.channel, policyChannels),
    applicant: oneOf("applicant", o.applicant, applicantClasses),
  };
  const loaded = policies();
  try {
    const resolved = resolvePolicy(loaded, situation);
    const law = loaded.find((p) => p.id === resolved.statutory.id && p.version === resolved.statutory.version);
    io.out(
      JSON.stringify({
        situation,
        policy: { id: resolved.statutory.id, version: resolved.statutory.version, contentHash: law?.contentHash },
        house: resolved.house.map((h) => ({ id: h.id, version: h.version })),
        verificationRequired: resolved.verificationRequired,
        methods: resolved.methods,
        documents: resolved.documents,
        requiredChecks: resolved.requiredChecks,
        guardianConsentRequired: resolved.guardianConsentRequired,
        minimumAge: resolved.minimumAge,
        lineLimit: resolved.lineLimit,
        retentionYearsAfterContractEnd: resolved.retentionYearsAfterContractEnd,
        explanation: resolved.explanation,
      }),
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PolicyResolutionError) throw new UsageError(error.message);
    throw error;
  }
}
