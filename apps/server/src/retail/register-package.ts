import {
  type CodeRefusalReason,
  codeRefusalMessage,
  type Language,
  parseRegistrationCode,
  registrationRefusal,
} from "@jitsumei/domain";
import { type CreatedApplication, createApplication } from "../applications/create-application.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { AppError, type ErrorCode } from "../errors.ts";
import { transitionStatus } from "../lifecycles/transition-status.ts";
import { clientIndex, recordCodeFailure, withCodeAttempt } from "./code-throttle.ts";
import { findPackageByCode, lockPackageStatus, markSoldByRegistration } from "./packages-repository.ts";
import { codeIndex } from "./registration-codes.ts";

export type RegisterPackageInput = {
  code: string;
  language: Language;
  contact: { email: string; phone?: string };
  client: { ip: string; deviceId: string | null };
  /** Online from the package (the default), or at an airport counter where a clerk verifies face to face. */
  channel?: "retail_package" | "airport_counter";
};

export type RegisteredPackage = CreatedApplication & { planId: string; packageHint: string; language: Language };

/**
 * Starts an application from a package's registration code: the plan and the SIM (or eSIM profile)
 * come from the package, the language from the applicant. The package moves to `registered` (and is
 * counted sold, if no till recorded it) in the same transaction that creates the application, under
 * the package's row lock: one code starts one application, however many arrive at once.
 *
 * A refused code (mistyped, unknown, used, void) is counted against the client's address and
 * audited in a transaction of its own; too many and every attempt is refused for a while.
 */
export async function registerPackage(
  deps: { db: Database; keys: KeyManagement; clock: () => Date },
  input: RegisterPackageInput,
): Promise<RegisteredPackage> {
  const client = clientIndex(deps.keys, input.client.ip);
  try {
    return await withCodeAttempt(deps.db, client, deps.clock(), (attemptId) =>
      registerWithCode(deps, input, attemptId),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited")
      error.extra.message = codeRefusalMessage("throttled", input.language);
    throw error;
  }
}

async function registerWithCode(
  deps: { db: Database; keys: KeyManagement; clock: () => Date },
  input: RegisterPackageInput,
  attemptId: string,
): Promise<RegisteredPackage> {
  const refuse = async (reason: CodeRefusalReason, packageId?: string): Promise<never> => {
    await recordCodeFailure(deps.db, { attemptId, reason, kind: "package", packageId });
    throw refusal(reason, input.language);
  };

  const parsed = parseRegistrationCode(input.code);
  if (!parsed.ok) return refuse("mistyped");
  const index = codeIndex(deps.keys, parsed.code);
  const pkg = await findPackageByCode(deps.db, index);
  if (!pkg) return refuse("unknown");

  let refused: CodeRefusalReason | null = null;
  try {
    const created = await createApplication(
      deps,
      {
        planId: pkg.plan_id,
        language: input.language,
        channel: input.channel ?? "retail_package",
        formFactor: pkg.form_factor,
        contact: input.contact,
        client: input.client,
      },
      async (tx, application) => {
        const status = (await lockPackageStatus(tx, pkg.id)) ?? "void";
        const why = registrationRefusal(status);
        if (why) {
          refused = why;
          throw refusal(why, input.language);
        }
        // A package registered without a recorded sale was sold by its registration.
        await markSoldByRegistration(tx, pkg.id);
        await transitionStatus(tx, "retail_package", pkg.id, "register", "applicant", {
          audit: { action: "retail.package_registered", subject: pkg.id },
          set: { application_id: application.id, registered_at: new Date() },
          data: { application: application.reference },
        });
      },
    );
    return { ...created, planId: pkg.plan_id, packageHint: pkg.code_hint, language: input.language };
  } catch (error) {
    if (refused) return refuse(refused, pkg.id);
    throw error;
  }
}

const errorFor: Record<CodeRefusalReason, ErrorCode> = {
  mistyped: "registration_code_invalid",
  unknown: "registration_code_invalid",
  already_registered: "package_already_registered",
  void: "package_void",
  throttled: "rate_limited",
};

const reasonFor: Record<CodeRefusalReason, string> = {
  mistyped: "has a typing mistake (its check character does not match)",
  unknown: "is not a code we issued",
  already_registered: "has already been used to register",
  void: "belongs to a withdrawn package",
  throttled: "too many wrong codes from this address",
};

export function refusal(reason: CodeRefusalReason, language: Language): AppError {
  return new AppError(errorFor[reason], `The registration code ${reasonFor[reason]}`, {
    errors: [{ field: "code", reason: reasonFor[reason], code: reason }],
    reason,
    message: codeRefusalMessage(reason, language),
  });
}
