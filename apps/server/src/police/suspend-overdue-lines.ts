import { interpolate, type Language, todayInJapan } from "@jitsumei/domain";
import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { transitionStatus } from "../lifecycles/transition-status.ts";
import { queueMail } from "../mail/outbox.ts";
import { lineActor, transitionLine } from "../subscribers/transition-line.ts";
import { lockOverdueRequest, selectOverdueRequestIds } from "./police-repository.ts";
import { mailTexts } from "./police-texts.ts";

/**
 * The deadline sweep: a line whose holder did not verify again by the deadline of a police request is
 * suspended (利用停止) on the network and through the line's door (`suspend_for_police`), its holder told by mail, and the request
 * closed; all in one transaction per request, audited. A request whose line ended meanwhile is closed
 * as such. Safe to run from every process: each request is taken under SKIP LOCKED and checked again.
 */
export async function suspendOverdueLines(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; provisioning: Provisioning; mailFrom: string },
  actor = "system:police-deadline-sweep",
): Promise<{ suspended: string[]; closed: string[] }> {
  const now = deps.clock();
  const due = await selectOverdueRequestIds(deps.db, now);
  const suspended: string[] = [];
  const closed: string[] = [];
  for (const id of due) {
    await deps.db.transaction(async (tx) => {
      const request = await lockOverdueRequest(tx, id, now);
      if (!request) return;
      const application = await findApplicationById(tx, request.application_id);
      const reference = application?.reference ?? null;
      if (request.line_status !== "active") {
        await transitionStatus(tx, "police_request", id, "close_line_ended", actor, {
          audit: { action: "police_request.closed", subject: reference },
          data: { requestId: id, lineStatus: request.line_status },
          at: now,
        });
        closed.push(id);
        return;
      }
      // An earlier request's deadline may have suspended the line already: this one finds it so.
      if (request.line_state !== "police_suspended")
        await transitionLine(tx, request.subscription_id, "suspend_for_police", lineActor(actor), {
          at: now,
          data: { requestId: id, reason: "police_request_unanswered" },
          async within(line) {
            await deps.provisioning.setService({ networkRef: line.networkRef, msisdn: line.msisdn }, "suspended", tx);
            return undefined;
          },
        });
      await transitionStatus(tx, "police_request", id, "suspend_line", actor, {
        audit: { action: "police_request.line_suspended", subject: reference },
        set: { suspended_at: now },
        data: { requestId: id },
        at: now,
      });
      if (application && !application.purgedAt) {
        const { contact } = await loadApplicantDetails(deps.keys, application);
        const language = application.language as Language;
        const params = { msisdn: request.msisdn, deadline: todayInJapan(new Date(request.deadline)) };
        await queueMail(tx, deps.keys, {
          language: language,
          applicationId: application.id,
          template: "line_suspended",
          to: contact.email,
          from: deps.mailFrom,
          subject: `[Jitsumei] ${interpolate(mailTexts.suspendedSubject[language], params)}`,
          text: interpolate(mailTexts.suspendedBody[language], params),
        });
      }
      suspended.push(id);
    });
  }
  return { suspended, closed };
}
