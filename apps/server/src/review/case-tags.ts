/**
 * Labels the queue can filter on, derived from the case's facts (case-view.ts). A file of its own,
 * with no imports, so the staff console imports the list rather than copying it.
 */
export const caseTags = ["escalated", "override_pending", "correction_returned", "failed_checks", "overdue"] as const;
export type CaseTag = (typeof caseTags)[number];
