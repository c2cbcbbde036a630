import type { Language, RejectReasonCode } from "@jitsumei/domain";
import {
  type ApplicationEvent,
  type ApplicationState,
  explainCheck,
  type PlanKind,
  rejectReasonMessages,
} from "@jitsumei/domain";
import { formatPhone } from "@jitsumei/domain/formats";
import { formatYen } from "@jitsumei/domain/money";
import { findApplicationById } from "../applications/application-row.ts";
import { cipherFor, loadApplicantDetails } from "../applications/load-application-data.ts";
import type { Config } from "../config/config.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { trackingUrlFor } from "../issuance/delivery.ts";
import { latestShipment } from "../issuance/shipments-repository.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { queueMail } from "../mail/outbox.ts";
import { findDepositDecision } from "../payments/payments-repository.ts";
import { findPlan } from "../plans/plans-repository.ts";
import { correctionFieldsIn, findCorrection } from "../review/corrections.ts";
import { queueSms } from "../sms/sms-outbox.ts";
import { carrierName } from "./carriers.ts";
import {
  japanDate,
  type NotificationTemplate,
  type RenderedNotification,
  renderNotification,
  withApnNote,
  withSignAgainNote,
} from "./notification-texts.ts";
import {
  decidingChecks,
  findEventAt,
  findEventFacts,
  findSimNumber,
  hasJpkiSignature,
  insertNotification,
  lockNotification,
  markNotificationRendered,
} from "./notifications-repository.ts";

/**
 * Which state changes the applicant hears about, keyed by the state reached (a new state names its
 * notice here). The one door calls this for every transition and, where it names a template, records
 * the notification in the transition's own transaction; a job then writes the mail and the SMS in the
 * applicant's language to their outboxes.
 */
export function notificationFor(
  transition: { from: ApplicationState; to: ApplicationState; event: ApplicationEvent },
  planKind: PlanKind,
): NotificationTemplate | null {
  const { from, to } = transition;
  if (from === to) return null; // an escalation, for example, changes nothing for the applicant
  switch (to) {
    case "checking":
      // Every submission, the first and each after a correction: the reference and how to get back in.
      return "application_received";
    case "correction_requested":
      return "correction_requested";
    // A prepaid approval is followed at once by its price to pay (sold online) or its SIM (paid at a
    // till); the next state's message says both.
    case "approved":
      return planKind === "postpaid" ? "approved" : null;
    case "payment_pending":
      // Verified, and the price is owed before the SIM is released: the mail says how much and how to pay.
      return "payment_due";
    case "contract_pending":
      return "contract_ready";
    case "deposit_pending":
      return "deposit_due";
    case "ready_to_issue":
      // A failed activation undone: what happened and what comes next (the new SIM's notice follows).
      if (transition.event === "activation_failed") return "activation_failed";
      // Paid (a deposit, or a prepaid price): a receipt of the payment.
      return from === "deposit_pending" || from === "payment_pending" ? "payment_received" : null;
    case "rejected":
      return "rejected";
    case "expired":
      return "expired";
    case "cancelled":
      return "cancelled";
    case "sim_assigned":
      return from === "in_delivery" ? null : "sim_ready";
    case "in_delivery":
      return "shipped";
    case "delivered":
      return "delivered";
    case "active":
      // The data-only variant (no phone number) is chosen when the notice is written.
      return "activated";
    default:
      return null;
  }
}

/** Where every mail link leads: the sign-in page on PUBLIC_URL with the reference filled in, no secret. */
export function signInUrl(publicUrl: string, reference: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/sign-in?reference=${encodeURIComponent(reference)}`;
}

export async function queueNotification(
  tx: Queryable,
  input: { applicationId: string; version: number; template: NotificationTemplate },
): Promise<void> {
  await insertNotification(tx, input);
  await enqueueJob(tx, "notify_applicant", { applicationId: input.applicationId, version: input.version });
}

/** Renders one notification into the mail and SMS outboxes, once however often the job runs. */
export function notifyApplicantJob(deps: { db: Database; keys: KeyManagement; config: Config; clock: () => Date }) {
  return async (payload: { applicationId: string; version: number }) => {
    const application = await findApplicationById(deps.db, payload.applicationId);
    if (!application || application.purgedAt) return;
    const { contact } = await loadApplicantDetails(deps.keys, application);
    const cipher = await cipherFor(deps.keys, application);
    const language = application.language;
    await deps.db.transaction(async (tx) => {
      const notification = await lockNotification(tx, payload.applicationId, payload.version);
      if (!notification || notification.rendered_at) return;
      const template = await variantFor(tx, notification.template, application, payload.version);
      const params = await paramsFor(tx, deps, {
        template,
        applicationId: application.id,
        reference: application.reference,
        // Read with the application just before (its plan's price now): not read again.
        planPriceJpy: application.planPriceJpy,
        version: payload.version,
        cipher,
        language,
      });
      const rendered = withDataSettings(
        renderNotification(template, language, params),
        template,
        language,
        deps.config.apn,
      );
      const message =
        params.signAgain === "yes" ? { ...rendered, text: withSignAgainNote(rendered.text, language) } : rendered;
      await queueMail(tx, deps.keys, {
        language: language,
        to: contact.email,
        from: deps.config.mail.from,
        subject: message.subject,
        text: message.text,
        applicationId: application.id,
        template,
        notificationVersion: payload.version,
      });
      if (contact.phone) {
        await queueSms(tx, deps.keys, {
          to: contact.phone,
          text: message.sms,
          applicationId: application.id,
          template,
          notificationVersion: payload.version,
        });
      }
      await markNotificationRendered(tx, payload.applicationId, payload.version);
    });
  };
}

async function paramsFor(
  tx: Queryable,
  deps: { config: Config; clock: () => Date },
  n: {
    template: NotificationTemplate;
    applicationId: string;
    reference: string;
    planPriceJpy: number;
    version: number;
    cipher: Awaited<ReturnType<typeof cipherFor>>;
    language: Parameters<typeof correctionFieldsIn>[0];
  },
): Promise<Record<string, string>> {
  const event = await findEventFacts(tx, n.applicationId, n.version);
  const at = event ? new Date(event.created_at) : deps.clock();
  const params: Record<string, string> = {
    reference: n.reference,
    signInUrl: signInUrl(deps.config.publicUrl, n.reference),
  };
  if (n.template === "correction_requested") {
    // The correction this very event asked for (a reviewer's request_correction).
    const correctionId = event?.data.correctionId;
    const correction =
      typeof correctionId === "string" ? await findCorrection(tx, n.cipher, n.applicationId, correctionId) : null;
    const days = deps.config.review.correctionDeadlineDays;
    params.deadline = japanDate(new Date(at.getTime() + days * 86_400_000), n.language);
    params.fields = correctionFieldsIn(n.language, correction?.fields ?? [])
      .map((f) => `・${f.label}`)
      .join("\n");
    params.message = correction?.message ?? "";
    const signed = correction?.fields.some((f) => jpkiSignedFields.includes(f)) ?? false;
    if (signed && (await hasJpkiSignature(tx, n.applicationId))) params.signAgain = "yes";
  }
  if (n.template === "correction_checks") {
    // What the checks that decided found, in the applicant's words: never an earlier reviewer's message.
    const decidedBy = Array.isArray(event?.data.decidedBy) ? (event.data.decidedBy as string[]) : [];
    const found = await decidingChecks(tx, n.applicationId, decidedBy);
    params.deadline = japanDate(
      new Date(at.getTime() + deps.config.review.correctionDeadlineDays * 86_400_000),
      n.language,
    );
    params.fields = found.map((c) => `・${explainCheck(c, n.language).message}`).join("\n");
    if (found.some((c) => c.code.startsWith("jpki."))) params.signAgain = "yes";
  }
  if (n.template === "rejected") {
    const code = (event?.data.reason as RejectReasonCode | undefined) ?? "other";
    params.reason = (rejectReasonMessages[code] ?? rejectReasonMessages.other)[n.language];
  }
  if (n.template === "expired") {
    const deadline = event?.data.deadline;
    params.deadline = japanDate(typeof deadline === "string" ? new Date(deadline) : at, n.language);
  }
  if (n.template === "deposit_due") {
    const decision = await findDepositDecision(tx, n.applicationId);
    params.amount = yen(decision?.amountJpy ?? 0, n.language);
  }
  if (n.template === "payment_due") {
    // The plan's price as the purchase page shows it, and the day the application lapses unpaid.
    params.amount = yen(n.planPriceJpy, n.language);
    params.deadline = japanDate(
      new Date(at.getTime() + deps.config.review.prepaidPaymentDays * 86_400_000),
      n.language,
    );
  }
  if (n.template === "payment_received") {
    const amount = event?.data.amountJpy;
    params.amount = yen(typeof amount === "number" ? amount : 0, n.language);
  }
  if (n.template === "shipped") {
    const shipment = await latestShipment(tx, n.applicationId);
    const carrier = shipment?.carrier ?? "";
    params.carrier = carrierName(carrier, n.language);
    params.trackingNumber = shipment?.trackingNumber ?? "";
    // The same tracking page the status page links (SHIPMENT_TRACKING_URL), so mail and page agree.
    params.trackingUrl = trackingUrlFor(deps.config.shipmentTrackingUrl, params.trackingNumber, n.language);
  }
  if (n.template === "activated") {
    // Written as in Japan (070-1000-0001), as the status page writes it.
    params.msisdn = formatPhone((await findSimNumber(tx, n.applicationId)) ?? "");
  }
  return params;
}

/** An activation mail gives the APN (where the operator set one): the eSIM page points to it. */
function withDataSettings(
  message: RenderedNotification,
  template: NotificationTemplate,
  language: Language,
  apn: string | null,
): RenderedNotification {
  const activation = template === "activated" || template === "activated_data";
  return activation && apn ? { ...message, text: withApnNote(message.text, language, apn) } : message;
}

/**
 * A notice said for what the applicant has: a voice line's activation names its number (a data-only
 * line has none); "your SIM is ready" speaks of the eSIM, the card we post, or the card already in
 * hand (a retail package), as the status page does, never "a SIM card or eSIM".
 */
async function variantFor(
  tx: Queryable,
  template: NotificationTemplate,
  application: { id: string; planId: string; formFactor: string; channel: string },
  version: number,
): Promise<NotificationTemplate> {
  if (template === "correction_requested") {
    // A reviewer's request carries their fields and message; the checks' own outcome (an answer to a
    // correction that still fails them, say) says what they found instead.
    const event = await findEventAt(tx, application.id, version);
    return event && event !== "request_correction" ? "correction_checks" : template;
  }
  if (template === "sim_ready") {
    if (application.formFactor === "esim") return "sim_ready_esim";
    return application.channel === "retail_package" ? "sim_ready_in_hand" : "sim_ready";
  }
  if (template !== "activated") return template;
  const plan = await findPlan(tx, application.planId);
  return plan && !plan.services.includes("voice") ? "activated_data" : template;
}

/** The particulars a JPKI signature covers (jpki-payload.ts): correcting one needs a new signature. */
const jpkiSignedFields: readonly string[] = ["name", "name.kanji", "name.kana", "birthDate", "sex", "address"];

/** A yen amount as the applicant's language writes it: the site's format (one per language). */
export function yen(amountJpy: number, language: Language): string {
  return formatYen(amountJpy, language);
}
