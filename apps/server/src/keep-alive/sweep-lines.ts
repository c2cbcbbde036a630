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
  type Service,
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
import { queueSms } from "../sms/sms-outbox.ts";
import { terminateLineIn } from "../subscribers/terminate-line.ts";
import { transitionLine } from "../subscribers/transition-line.ts";

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

type LineRow = {
  id: string;
  application_id: string;
  plan_id: string;
  msisdn: string;
  network_ref: string;
  valid_until: Date;
  service_state: Exclude<ValidityState, "terminated">;
  services: Service[];
};

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
  const { rows } = await deps.db.query<{ id: string; application_id: string }>(
    `SELECT s.id, s.application_id FROM subscriptions s
     WHERE s.state = ANY($4::text[]) AND s.valid_until IS NOT NULL AND s.plan_id = ANY($1::text[])
       AND ($2::uuid IS NULL OR s.id = $2)
       AND (s.valid_until <= $3 OR s.state <> $5)
     ORDER BY s.valid_until, s.id`,
    [
      [...rules.keys()],
      options.subscriptionId ?? null,
      new Date(at.getTime() + horizonDays * DAY_MS),
      sweptStates,
      "active" satisfies LineState,
    ],
  );
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
  const { rows } = await db.query<{ id: string; keep_alive: unknown }>(
    "SELECT id, keep_alive FROM plans WHERE keep_alive IS NOT NULL",
  );
  return new Map(rows.map((r) => [r.id, keepAliveRulesSchema.parse(r.keep_alive)]));
}

async function lockLine(tx: Queryable, subscriptionId: string): Promise<LineRow | null> {
  const { rows } = await tx.query<LineRow>(
    `SELECT s.id, s.application_id, s.plan_id, s.msisdn, s.network_ref, s.valid_until, s.state AS service_state,
            p.services
     FROM subscriptions s JOIN plans p ON p.id = s.plan_id
     WHERE s.id = $1 AND s.state = ANY($2::text[]) AND s.valid_until IS NOT NULL FOR UPDATE OF s`,
    [subscriptionId, sweptStates],
  );
  return rows[0] ?? null;
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
  const inserted = await tx.query(
    `INSERT INTO keep_alive_reminders (subscription_id, valid_until, days_before, sent_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING days_before`,
    [line.id, validUntil, daysBefore, at],
  );
  if (inserted.rows.length === 0) return null;
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
  const { rows } = await tx.query<{ reference: string }>("SELECT reference FROM applications WHERE id = $1", [
    applicationId,
  ]);
  return rows[0]?.reference ?? applicationId;
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
