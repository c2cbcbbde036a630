import type { ApplicationRow } from "../applications/application-row.ts";
import { assignSimIfAvailable } from "../applications/submit-application.ts";
import type { Queryable } from "../db/database.ts";
import { findPlan } from "../plans/plans-repository.ts";

/**
 * A postpaid application that is signed (and paid where a deposit was due) gets its SIM or eSIM at
 * once, in the same transaction; when stock has run out it waits in ready_to_issue.
 */
export async function issueWhenReady(tx: Queryable, application: ApplicationRow): Promise<boolean> {
  if (application.state !== "ready_to_issue") return false;
  const plan = await findPlan(tx, application.planId);
  return plan ? assignSimIfAvailable(tx, application, plan) : false;
}
