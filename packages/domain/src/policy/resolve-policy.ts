import type { DocumentType } from "../application/particulars.ts";
import type { ApplicantClass, Policy, PolicyChannel, PolicyRule, PolicyService, VerificationMethod } from "./policy.ts";

/**
 * What applies to one situation on one day: the statutory policy in force, made stricter by every
 * house policy in force. House policies can only add: require verification where the law does not,
 * narrow the methods, raise the minimum age, lower the line limit. An explanation lists every policy
 * and rule that decided the answer.
 */
export type Situation = { at: string; service: PolicyService; channel: PolicyChannel; applicant: ApplicantClass };

export type AppliedPolicy = { id: string; version: string; kind: Policy["kind"]; title: string };

export type ResolvedRules = {
  statutory: AppliedPolicy;
  house: AppliedPolicy[];
  /** Whether the law itself asks for verification (then the particulars include an address). */
  legallyRequired: boolean;
  verificationRequired: boolean;
  methods: VerificationMethod[];
  documents: Partial<Record<VerificationMethod, DocumentType[]>>;
  requiredChecks: Partial<Record<VerificationMethod, string[]>>;
  /** Where a document's checks differ from the method's own (policy.ts `requiredChecksByDocument`). */
  requiredChecksByDocument: Partial<Record<VerificationMethod, Partial<Record<DocumentType, string[]>>>>;
  guardianConsentRequired: boolean;
  minimumAge: number;
  lineLimit: number | null;
  retentionYearsAfterContractEnd: number | null;
  faceThresholds: Policy["faceThresholds"];
  /** Active/Chip Authentication of passport chips: the strictest policy in force (`when_offered` if none says). */
  chipAuthentication: NonNullable<Policy["chipAuthentication"]>;
  explanation: string[];
};

export class PolicyResolutionError extends Error {}

export function inForce(policy: Policy, at: string): boolean {
  return policy.effectiveFrom <= at && (policy.effectiveUntil === null || at <= policy.effectiveUntil);
}

function matchingRule(policy: Policy, s: Situation): PolicyRule | undefined {
  return policy.rules.find(
    (r) => r.services.includes(s.service) && r.channels.includes(s.channel) && r.applicants.includes(s.applicant),
  );
}

export function resolvePolicy(policies: readonly Policy[], situation: Situation): ResolvedRules {
  const statutory = policies.filter((p) => p.kind === "statutory" && inForce(p, situation.at));
  if (statutory.length !== 1) {
    throw new PolicyResolutionError(
      statutory.length === 0
        ? `no statutory policy is in force on ${situation.at}`
        : `${statutory.length} statutory policies are in force on ${situation.at}: ${statutory.map((p) => p.id).join(", ")}`,
    );
  }
  const law = statutory[0] as Policy;
  const lawRule = matchingRule(law, situation);
  if (!lawRule) {
    throw new PolicyResolutionError(
      `${law.id}@${law.version} has no rule for ${situation.service} / ${situation.channel} / ${situation.applicant}`,
    );
  }
  const explanation = [
    `${law.id}@${law.version} (${law.title}), in force ${law.effectiveFrom} – ${law.effectiveUntil ?? "open"}: ` +
      (lawRule.verificationRequired
        ? `verification required; methods ${lawRule.methods.map((m) => m.method).join(", ")}`
        : "no verification required by law") +
      (lawRule.note ? ` (${lawRule.note})` : ""),
  ];
  let verificationRequired = lawRule.verificationRequired;
  let methods = lawRule.methods;
  let guardianConsentRequired = lawRule.guardianConsentRequired;
  let minimumAge = law.minimumAge;
  let lineLimit = law.lineLimit;
  const house: AppliedPolicy[] = [];
  for (const policy of policies.filter((p) => p.kind === "house" && inForce(p, situation.at))) {
    const rule = matchingRule(policy, situation);
    if (!rule) continue;
    house.push(applied(policy));
    if (rule.verificationRequired && !verificationRequired) {
      verificationRequired = true;
      methods = rule.methods;
      explanation.push(
        `${policy.id}@${policy.version} (house): requires verification; methods ${rule.methods.map((m) => m.method).join(", ")}`,
      );
    } else if (rule.verificationRequired) {
      const allowed = new Set(rule.methods.map((m) => m.method));
      methods = methods.filter((m) => allowed.has(m.method));
      explanation.push(
        `${policy.id}@${policy.version} (house): narrows methods to ${methods.map((m) => m.method).join(", ") || "none"}`,
      );
    }
    guardianConsentRequired ||= rule.guardianConsentRequired;
    if (policy.minimumAge > minimumAge) minimumAge = policy.minimumAge;
    if (policy.lineLimit !== null && (lineLimit === null || policy.lineLimit < lineLimit)) {
      lineLimit = policy.lineLimit;
      explanation.push(`${policy.id}@${policy.version} (house): line limit ${lineLimit}`);
    }
  }
  // Thresholds are not tied to a rule: the strictest of every policy in force applies.
  let faceThresholds = law.faceThresholds;
  for (const policy of policies.filter((p) => p.kind === "house" && inForce(p, situation.at) && p.faceThresholds)) {
    const t = policy.faceThresholds as NonNullable<Policy["faceThresholds"]>;
    faceThresholds = faceThresholds
      ? {
          match: Math.max(faceThresholds.match, t.match),
          reject: Math.max(faceThresholds.reject, t.reject),
          liveness: Math.max(faceThresholds.liveness, t.liveness),
          antiSpoof: Math.max(faceThresholds.antiSpoof, t.antiSpoof),
        }
      : t;
  }
  // Like the thresholds, not tied to a rule: the strictest in force. A house policy may turn it off only
  // where nothing stricter is in force (the law says nothing of AA; `off` is the operator's choice).
  const strictness = ["off", "when_offered", "required"] as const;
  const said = [law, ...policies.filter((p) => p.kind === "house" && inForce(p, situation.at))]
    .map((p) => p.chipAuthentication)
    .filter((c): c is NonNullable<Policy["chipAuthentication"]> => c !== null);
  const chipAuthentication =
    said.length === 0 ? "when_offered" : said.reduce((a, b) => (strictness.indexOf(b) > strictness.indexOf(a) ? b : a));
  if (chipAuthentication !== "when_offered") explanation.push(`chip authentication: ${chipAuthentication}`);
  if (verificationRequired && methods.length === 0) {
    throw new PolicyResolutionError(`the house policies leave no method allowed for ${JSON.stringify(situation)}`);
  }
  return {
    statutory: applied(law),
    house,
    legallyRequired: lawRule.verificationRequired,
    verificationRequired,
    methods: methods.map((m) => m.method),
    documents: Object.fromEntries(methods.map((m) => [m.method, m.documents])),
    requiredChecks: Object.fromEntries(methods.map((m) => [m.method, m.requiredChecks])),
    requiredChecksByDocument: Object.fromEntries(
      methods.filter((m) => m.requiredChecksByDocument).map((m) => [m.method, m.requiredChecksByDocument]),
    ),
    guardianConsentRequired,
    minimumAge,
    lineLimit,
    retentionYearsAfterContractEnd: law.retentionYearsAfterContractEnd,
    faceThresholds,
    chipAuthentication,
    explanation,
  };
}

/**
 * The checks that must pass for `method` to count with `document` (the one the applicant presented):
 * the document's own list where the policy gives one, else the method's.
 */
export function requiredChecksFor(
  rules: Pick<ResolvedRules, "requiredChecks" | "requiredChecksByDocument">,
  method: VerificationMethod,
  document: DocumentType | null,
): string[] {
  const byDocument = document ? rules.requiredChecksByDocument[method]?.[document] : undefined;
  return byDocument ?? rules.requiredChecks[method] ?? [];
}

function applied(p: Policy): AppliedPolicy {
  return { id: p.id, version: p.version, kind: p.kind, title: p.title };
}
