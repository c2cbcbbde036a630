/**
 * Labels the review queue can filter on, derived from the case's facts (the server's case-view.ts).
 * In the domain, with no imports, so the staff console imports the list (`@jitsumei/domain/case-tags`).
 */
export const caseTags = ["escalated", "override_pending", "correction_returned", "failed_checks", "overdue"] as const;
export type CaseTag = (typeof caseTags)[number];
