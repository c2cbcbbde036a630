import { timingSafeEqual } from "node:crypto";
import { activationFailedTexts, type Particulars } from "@jitsumei/domain";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { ApplicationCipher } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import { type Database, type Queryable, toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { activateSim, selectImsi } from "../inventory/sims-repository.ts";
import type { ActivationRequest, Provisioning } from "../issuance/provisioning.ts";
import { rollBackActivation } from "../issuance/roll-back-activation.ts";
import { createSubscription } from "../issuance/subscriptions.ts";
import type { NumberPortability } from "../number-portability/number-portability.ts";
import type { PortIn } from "../number-portability/port-in-repository.ts";
import {
  portInDueForActivation,
  recordSwitchOverFailure,
  SwitchOverRefused,
  switchOverIn,
} from "../number-portability/switch-over.ts";
import type { LoadedPolicy } from "../policy/load-policies.ts";
import { writeVerificationRecord } from "../records/write-verification-record.ts";
import { activatePackageOf } from "../retail/package-steps.ts";
import { deleteActivationCode, selectActivationCode } from "./applicant-access-repository.ts";
import { type ApplicationRow, lockApplication } from "./application-row.ts";
import { setActivationFailures } from "./applications-repository.ts";
import { type Actor, applyEvent } from "./apply-event.ts";
import { loadApplicantDetails } from "./load-application-data.ts";
import { activationCodeHash, assertActivatable, MAX_ACTIVATION_FAILURES } from "./request-activation-code.ts";

export type ActivatedLine = { msisdn: string; iccid: string };

type OnNetwork = { activated?: { request: ActivationRequest; networkRef: string } };

/**
 * Activates the line with the one-time code. A wrong code is counted in the same transaction that
 * answers it (so the count survives the error); the fifth wrong code locks activation. A line that
 * brings its number (port-in) switches it over in the same step, from the time the applicant chose;
 * a refused switch-over rolls the activation back and is recorded after (the old line keeps working).
 * An activation the network took but our transaction did not keep is rolled back fully
 * (issuance/roll-back-activation.ts) and answered `activation_failed` with the next step.
 */
export async function activateLine(
  deps: {
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    policies: readonly LoadedPolicy[];
    provisioning: Provisioning;
    numberPortability: NumberPortability;
    config: { mail: { from: string } };
  },
  application: ApplicationRow,
  code: string,
): Promise<ActivatedLine> {
  const { cipher, particulars, contact } = await loadApplicantDetails(deps.keys, application);
  const portIn = await portInDueForActivation(deps.db, application, deps.clock());
  const mailFrom = deps.config.mail.from;
  const network: OnNetwork = {};
  try {
    return await activateWithCode(deps, { application, code, cipher, particulars, contact, portIn, mailFrom, network });
  } catch (error) {
    // The network took the activation, our records did not (or the switch-over was refused): the
    // activation is undone fully (off the network, the line given back, a new one reserved).
    const rolledBack = network.activated
      ? await rollBackActivation(deps, {
          application,
          request: network.activated.request,
          networkRef: network.activated.networkRef,
          reason: error instanceof Error ? error.message : String(error),
        })
      : null;
    const explanation = rolledBack ? activationFailedTexts[application.formFactor][application.language] : null;
    if (portIn && error instanceof SwitchOverRefused) {
      const refused = await recordSwitchOverFailure({ ...deps, mailFrom }, application, portIn, error);
      if (!explanation) throw refused;
      throw new AppError(refused.code, refused.message, {
        ...refused.extra,
        explanation: `${String(refused.extra.explanation ?? "")}\n${explanation}`,
        line: { givenBack: rolledBack?.lineGivenBack ?? false, newLineReserved: rolledBack?.newLineReserved ?? false },
      });
    }
    if (rolledBack && explanation) {
      throw new AppError(
        "activation_failed",
        "The line could not be switched on: it was given back and a new one is being prepared",
        {
          explanation,
          line: { givenBack: rolledBack.lineGivenBack, newLineReserved: rolledBack.newLineReserved },
        },
      );
    }
    throw error;
  }
}

async function activateWithCode(
  deps: Parameters<typeof activateLine>[0],
  input: {
    application: ApplicationRow;
    code: string;
    cipher: ApplicationCipher;
    particulars: Particulars | null;
    contact: { email: string };
    portIn: PortIn | null;
    mailFrom: string;
    /** Filled in once the network took the activation, for the caller to undo. */
    network: OnNetwork;
  },
): Promise<ActivatedLine> {
  const { application, code, cipher, particulars, network } = input;
  const outcome = await deps.db.transaction(async (tx) => {
    const locked = await lockApplication(tx, application.id);
    if (!locked) throw new AppError("application_not_found", "No such application");
    assertActivatable(locked);
    const stored = await selectActivationCode(tx, application.id);
    if (!stored) {
      return {
        ok: false as const,
        error: new AppError("activation_code_invalid", "No activation code has been issued: request one first"),
      };
    }
    const given = activationCodeHash(deps.keys, application.id, code);
    const matches = timingSafeEqual(given, toBuffer(stored.code_hash));
    if (!matches) {
      const failures = locked.activationFailures + 1;
      const lockNow = failures >= MAX_ACTIVATION_FAILURES;
      await setActivationFailures(tx, application.id, failures, lockNow);
      await appendAuditEntry(tx, {
        actor: "applicant",
        action: lockNow ? "application.activation_locked" : "application.activation_code_wrong",
        subject: application.reference,
        data: { failures },
      });
      return {
        ok: false as const,
        error: lockNow
          ? new AppError(
              "activation_locked",
              `${MAX_ACTIVATION_FAILURES} wrong codes: activation is now locked; contact support`,
            )
          : new AppError("activation_code_invalid", "The code is not correct", {
              errors: [{ field: "code", reason: "is not the code we sent" }],
              attemptsRemaining: MAX_ACTIVATION_FAILURES - failures,
            }),
      };
    }
    if (new Date(stored.expires_at).getTime() < deps.clock().getTime()) {
      return {
        ok: false as const,
        error: new AppError("activation_code_expired", "The code has expired: request a new one", {
          errors: [{ field: "code", reason: "has expired" }],
        }),
      };
    }
    const line = await activateAssignedLine(tx, deps, {
      application: locked,
      actor: { kind: "applicant" },
      cipher,
      particulars,
      switchOver: input.portIn
        ? {
            portIn: input.portIn,
            contactEmail: input.contact.email,
            numberPortability: deps.numberPortability,
            mailFrom: input.mailFrom,
          }
        : undefined,
      network,
    });
    return { ok: true as const, line };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.line;
}

/**
 * The step that makes an assigned line live, in the caller's transaction and after the caller's own
 * checks (the applicant's one-time code; or a clerk handing the SIM over at a counter): the line,
 * the network, the subscription, the retail package if any, and the verification record.
 */
export async function activateAssignedLine(
  tx: Queryable,
  deps: { keys: KeyManagement; clock: () => Date; policies: readonly LoadedPolicy[]; provisioning: Provisioning },
  input: {
    application: ApplicationRow;
    actor: Actor;
    cipher: ApplicationCipher;
    particulars: Particulars | null;
    /** The number this line brings (port-in), switched over once our network has the line. */
    switchOver?: { portIn: PortIn; contactEmail: string; numberPortability: NumberPortability; mailFrom: string };
    /** Filled in once the network took the activation, for the caller to undo if its transaction fails. */
    network?: OnNetwork;
  },
): Promise<ActivatedLine> {
  const { application, cipher, particulars, switchOver } = input;
  const activated: { line?: ActivatedLine } = {};
  await applyEvent(tx, { applicationId: application.id, event: "activate", actor: input.actor }, async () => {
    const row = await activateSim(tx, application.id);
    if (!row) throw new Error(`application ${application.reference} has no assigned SIM`);
    const sim = { iccid: row.iccid, msisdn: row.msisdn, lineType: row.line_type };
    activated.line = { iccid: sim.iccid, msisdn: sim.msisdn };
    await deleteActivationCode(tx, application.id);
    // The network first (idempotent by the application's id: a retry after a rollback provisions
    // nothing twice), then the subscription the line lives on from here.
    // A physical SIM's IMSI comes from the SIM vendor's file; an eSIM's is in its profile.
    const imsi = await selectImsi(tx, sim.iccid);
    const request: ActivationRequest = {
      requestKey: application.id,
      imsi,
      msisdn: sim.msisdn,
      iccid: sim.iccid,
      lineType: sim.lineType,
    };
    const { networkRef } = await deps.provisioning.activate(request, tx);
    if (input.network) input.network.activated = { request, networkRef };
    if (switchOver) {
      await switchOverIn(
        tx,
        { ...switchOver, keys: deps.keys, clock: deps.clock },
        {
          application,
          portIn: switchOver.portIn,
          iccid: sim.iccid,
          contactEmail: switchOver.contactEmail,
          particulars,
        },
      );
    }
    await createSubscription(tx, {
      application,
      msisdn: sim.msisdn,
      iccid: sim.iccid,
      networkRef,
      startedAt: deps.clock(),
    });
    await activatePackageOf(tx, application.id);
    if (particulars) {
      await writeVerificationRecord(tx, {
        application,
        cipher,
        particulars,
        phoneNumbers: [sim.msisdn],
        policies: deps.policies,
        now: deps.clock(),
      });
    }
    return { iccid: sim.iccid };
  });
  if (!activated.line) throw new Error("activation recorded no line");
  return activated.line;
}
