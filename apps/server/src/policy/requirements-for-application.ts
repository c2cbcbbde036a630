import {
  type ApplicantClass,
  ageOn,
  type Particulars,
  type Plan,
  type PolicyChannel,
  type PolicyService,
  type ResolvedRules,
  requirementsFromRules,
  resolvePolicy,
  todayInJapan,
  type VerificationRequirements,
} from "@jitsumei/domain";
import type { LoadedPolicy } from "./load-policies.ts";

/**
 * The policy situation of an application on a day, and what follows from it. Used when the
 * applicant edits (which documents are accepted), at submission (where it is pinned) and in the
 * application's view (what is still needed).
 */
export type ApplicationRequirements = VerificationRequirements & {
  rules: ResolvedRules;
  /** The policy's channel of the application: a counter (airport or shop) is `shop`. */
  policyChannel: PolicyChannel;
  pin: { id: string; version: string; contentHash: string };
};

export function requirementsForApplication(
  policies: readonly LoadedPolicy[],
  input: { plan: Plan; channel: string; particulars: Particulars | null; now: Date },
): ApplicationRequirements {
  const at = todayInJapan(input.now);
  const policyChannel = policyChannelOf(input.channel);
  const rules = resolvePolicy(policies, {
    at,
    service: serviceOf(input.plan),
    channel: policyChannel,
    applicant: applicantClassOf(input.particulars, at),
  });
  const law = policies.find((p) => p.id === rules.statutory.id && p.version === rules.statutory.version);
  return {
    ...requirementsFromRules(rules),
    rules,
    policyChannel,
    pin: { id: rules.statutory.id, version: rules.statutory.version, contentHash: law?.contentHash ?? "" },
  };
}

function serviceOf(plan: Plan): PolicyService {
  if (plan.services.includes("voice")) return "voice";
  return plan.services.includes("sms") ? "sms-data" : "data";
}

/** Airport counters are shops; a package bought off the shelf is registered online. */
function policyChannelOf(channel: string): PolicyChannel {
  if (channel === "shop" || channel === "airport_counter") return "shop";
  if (channel === "post") return "post";
  return "online";
}

/**
 * Minors by age; a visitor is someone with a passport and no address in Japan (short-term stay,
 * no residence card); everyone else is a resident. Corporations apply through another flow.
 */
function applicantClassOf(particulars: Particulars | null, at: string): ApplicantClass {
  if (particulars && ageOn(particulars.birthDate, at) < 18) return "minor";
  if (particulars && !particulars.address && particulars.document.type === "passport") return "visitor";
  return "resident";
}
