import {
  dueReminder,
  type KeepAliveNotice,
  type KeepAliveRules,
  keepAliveNoticeText,
  keepAliveRulesSchema,
  keepAliveTimeline,
  type Language,
  type LineEvent,
  type LineState,
  todayInJapan,
  type ValidityState,
  validityTransition,
} from "@jitsumei/domain";
import { findApplicationById, lockApplication } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import type { NetworkService, Provisioning } from "../issuance/provisioning.ts";
import { queueMail } from "../mail/outbox.ts";
import { applicationReferenceOf } from "../payments/payments-repository.ts";
import { queueSms } from "../sms/sms-outbox.ts";
import { terminateLineIn } from "../subscribers/terminate-line.ts";
import { transitionLine } from "../subscribers/transition-line.ts";
import {
  insertReminderOnce,
  lockSweptLine,
  type SweptLineRow,
  selectLinesToSweep,
  selectPlansWithKeepAlive,
} from "./keep-alive-repository.ts";

/**
 * The prepaid line sweep (保号): for every live line on a plan with keep-alive rules, at one moment,
 * - a reminder before validity ends (30, 7 and 1 days by the demo rules), by mail and SMS in the
 *   subscriber's language, once per validity end however often the sweep runs (keep_alive_reminders);
 * - active → receive-only or suspended once validity has ended (the network told, the subscriber
 *   told), and back to active once a top-up has given the line validity again;
 * - → terminated at the end of the last period, through the one termination path (off the network,
 *   number into quarantine, retention clock started, the subscriber told).
 * Each line is handled in its own transaction under its application's lock (the order top-ups use),
 * so two sweeps, or a sweep and a top-up, queue behind each other. Every change is audited, with the
 * rule set's id and the validity end, never personal data.
 */

export type SweepDeps = {
  db: Database;
  keys: KeyManagement;
  provisioning: Provisioning;
  quarantineDays: number;
  mailFrom: string;
};

export type SweepReport = {
  at: string;
  reminders: number;
  receiveOnly: number;
  suspended: number;
  restored: number;
  terminated: number;
};

type LineRow = SweptLineRow;

const DAY_MS = 86_400_000;

export async function sweepLines(
  deps: SweepDeps,
  options: { at: Date; subscriptionId?: string },
): Promise<SweepReport> {
  const { at } = options;
  const report: SweepReport = {
    at: at.toISOString(),
    reminders: 0,
    receiveOnly: 0,
    suspended: 0,
    restored: 0,
    terminated: 0,
  };
  const rules = await keepAliveRulesByPlan(deps.db);
  if (rules.size === 0) return report;
  // Only lines with something to do: validity within the longest reminder, or service to restore.
  const horizonDays = Math.max(0, ...[...rules.values()].flatMap((r) => r.reminderDaysBefore));
  const rows = await selectLinesToSweep(deps.db, {
    planIds: [...rules.keys()],
    subscriptionId: options.subscriptionId ?? null,
    horizon: new Date(at.getTime() + horizonDays * DAY_MS),
    states: sweptStates,
    restingState: "active" satisfies LineState,
  });
  for (const candidate of rows) {
    const outcome = await deps.db.transaction(async (tx) => {
      await lockApplication(tx, candidate.application_id);
      const line = await lockLine(tx, candidate.id);
      const lineRules = line ? rules.get(line.plan_id) : undefined;
      if (!line || !lineRules) return null;
      return sweepLine(tx, deps, line, lineRules, at);
    });
    if (outcome === "reminder") report.reminders++;
    else if (outcome === "receive_only") report.receiveOnly++;
    else if (outcome === "suspended") report.suspended++;
    else if (outcome === "active") report.restored++;
    else if (outcome === "terminated") report.terminated++;
  }
  return report;
}

async function keepAliveRulesByPlan(db: Queryable): Promise<Map<string, KeepAliveRules>> {
  const rows = await selectPlansWithKeepAlive(db);
  return new Map(rows.map((r) => [r.id, keepAliveRulesSchema.parse(r.keep_alive)]));
}

async function lockLine(tx: Queryable, subscriptionId: string): Promise<LineRow | null> {
  return lockSweptLine(tx, subscriptionId, sweptStates);
}

/** The lines the sweep moves: those only their validity stops (a police suspension is lifted otherwise). */
const sweptStates: readonly LineState[] = ["active", "receive_only", "suspended"];

/** The line event that takes a line to the state its validity gives it. */
const validityEvent: Record<Exclude<ValidityState, "terminated">, LineEvent> = {
  active: "restore_validity",
  receive_only: "restrict_to_receive",
  suspended: "suspend_for_validity",
};

const networkService: Record<Exclude<ValidityState, "terminated">, NetworkService> = {
  active: "full",
  receive_only: "receive_only",
  suspended: "suspended",
};

async function sweepLine(
  tx: Queryable,
  deps: SweepDeps,
  line: LineRow,
  rules: KeepAliveRules,
  at: Date,
): Promise<ValidityState | "reminder" | null> {
  const validUntil = new Date(line.valid_until);
  const next = validityTransition(rules, line.service_state, validUntil, at);
  const reference = await referenceOf(tx, line.application_id);
  if (next === "terminated") {
    await terminateLineIn(tx, deps, {
      applicationId: line.application_id,
      reason: "validity_expired",
      actor: "system",
      at,
    });
    return "terminated";
  }
  if (next) {
    await transitionLine(
      tx,
      line.id,
      validityEvent[next],
      { kind: "system" },
      {
        at,
        data: { rules: rules.id, validUntil: validUntil.toISOString() },
        async within() {
          await deps.provisioning.setService(
            { networkRef: line.network_ref, msisdn: line.msisdn },
            networkService[next],
            tx,
          );
          return undefined;
        },
      },
    );
    if (next !== "active") await tellSubscriber(tx, deps, line, rules, { notice: next, state: next });
    return next;
  }
  if (line.service_state !== "active") return null;
  const daysBefore = dueReminder(rules, validUntil, at);
  if (daysBefore === null) return null;
  const inserted = await insertReminderOnce(tx, { subscriptionId: line.id, validUntil, daysBefore, sentAt: at });
  if (!inserted) return null;
  await tellSubscriber(tx, deps, line, rules, { notice: "reminder", state: "active", daysBefore });
  await appendAuditEntry(tx, {
    actor: "system",
    action: "subscription.expiry_reminder_sent",
    subject: reference,
    data: { daysBefore, rules: rules.id, validUntil: validUntil.toISOString() },
  });
  return "reminder";
}

async function referenceOf(tx: Queryable, applicationId: string): Promise<string> {
  return (await applicationReferenceOf(tx, applicationId)) ?? applicationId;
}

/**
 * Mail to the address on file and an SMS: to the line itself while it can receive, else to the
 * contact number the applicant gave, if any. Nothing once the application's data is purged.
 */
async function tellSubscriber(
  tx: Queryable,
  deps: SweepDeps,
  line: LineRow,
  rules: KeepAliveRules,
  what: { notice: KeepAliveNotice; state: Exclude<ValidityState, "terminated">; daysBefore?: number },
): Promise<void> {
  const application = await findApplicationById(tx, line.application_id);
  if (!application || application.purgedAt) return;
  const { contact } = await loadApplicantDetails(deps.keys, application);
  const language = application.language as Language;
  const validUntil = new Date(line.valid_until);
  const { subject, text } = keepAliveNoticeText(what.notice, language, {
    msisdn: line.msisdn,
    date: todayInJapan(validUntil),
    days: what.daysBefore,
    terminatesOn: todayInJapan(keepAliveTimeline(rules, validUntil).terminatesAt),
  });
  const template = `keep_alive_${what.notice}`;
  await queueMail(tx, deps.keys, {
    language: language,
    applicationId: application.id,
    template,
    to: contact.email,
    from: deps.mailFrom,
    subject: `[Jitsumei] ${subject}`,
    text,
  });
  const lineReceives = line.services.includes("sms") && what.state !== "suspended";
  const smsTo = lineReceives ? line.msisdn : contact.phone;
  if (smsTo) await queueSms(tx, deps.keys, { applicationId: application.id, template, to: smsTo, text });
}

/** The job: `at` when the payload names a moment (a top-up's), else the server's clock. */
export function sweepLinesJob(deps: SweepDeps & { clock: () => Date }) {
  return async (payload: { at?: string; subscriptionId?: string }) => {
    await sweepLines(deps, {
      at: payload.at ? new Date(payload.at) : deps.clock(),
      subscriptionId: payload.subscriptionId,
    });
  };
}
