/**
 * Who on the staff may do what: every staff route names one permission, and this table is the only
 * place that says which roles hold it. The HTTP layer checks it before a handler runs.
 */
export const staffRoles = ["clerk", "agent", "reviewer", "senior_reviewer", "compliance", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

const deciders = ["reviewer", "senior_reviewer"] as const;
const caseReaders = ["reviewer", "senior_reviewer", "compliance"] as const;

export const permissions = {
  /** Status by reference with masked personal data: the call centre and the shop counter. */
  "applications.lookup": ["clerk", "agent", "reviewer", "senior_reviewer", "compliance", "admin"],
  /** The review queue and the full case (personal data, evidence, checks, history). */
  "applications.queue": caseReaders,
  "applications.case": caseReaders,
  /**
   * Opening the faces beside the particulars (the chip's photo, the selfie): biometric data, for the
   * people who compare them to decide; compliance reads the case and its checks without them. Audited.
   */
  "applications.images": deciders,
  /**
   * Unlocking activation after five wrong codes: the call centre (agent) hears the applicant out, a
   * reviewer may do it from the case. Audited with the reason; the applicant then asks for a new code.
   */
  "applications.unlock_activation": ["agent", "reviewer", "senior_reviewer"],
  /** Claiming a case and deciding it (approve, reject, request a correction, escalate). */
  "applications.claim": deciders,
  "applications.decide": deciders,
  /**
   * Confirming (or declining) another reviewer's approval against a failed check: the second pair of
   * eyes. Sent through the decision route, so the route's permission is applications.decide and the
   * decision itself checks this one; never the proposer's own (review/decide.ts).
   */
  "applications.confirm_override": ["senior_reviewer"],
  /** Releasing another reviewer's claim. */
  "applications.release_claim": ["admin"],
  /**
   * Changes of a holder's particulars after activation (name, address, contact): the queue, the
   * request with its documents, and the decision (a new version of the verification record).
   */
  "holder_changes.review": deciders,
  /** Sending physical SIMs and recording what the carrier reports (delivered, returned). */
  "shipments.manage": ["clerk", "admin"],
  /** Ending a line for the operator (a request by phone, fraud, an operator decision). */
  "subscriptions.terminate": ["admin"],
  /** Ending a line for unpaid bills (registered in the carriers' non-payment exchange) and recording the payment. */
  "subscriptions.nonpayment": ["admin"],
  /** Notices to subscribers (public, and mailed to the lines they concern). */
  "announcements.publish": ["compliance", "admin"],
  /** Police requests about a line (契約者確認の求め): recording them, and their report. */
  "police_requests.manage": ["compliance"],
  /** Verifying a holder again at a shop counter (the document read in front of the clerk). */
  "police_requests.counter": ["clerk", "admin"],
  /** Data-subject deletion requests: deciding what the retention duty keeps and destroying the rest. */
  "privacy.deletion_requests": ["compliance"],
  /** SIM cards, numbers and eSIM profiles: counts and imports. */
  "inventory.manage": ["admin"],
  /** Retail package batches (making them, their CSV and label sheets), voiding a package, top-up vouchers. */
  "packages.manage": ["admin"],
  /**
   * Refunds owed by bank transfer (cash paid at a konbini cannot go back through the till): the list,
   * and recording that the operator's bank paid one. Audited with the transfer's reference.
   */
  "payments.refund_transfers": ["admin"],
  /** Recording a package's sale at the counter (the point of sale scans its code). */
  "packages.sell": ["clerk", "admin"],
  /** The dashboard's figures (counts, rates and times; no personal data). */
  "dashboard.view": ["reviewer", "senior_reviewer", "compliance", "admin"],
  /** The verification policies loaded (statutory and house) and their data, read-only. */
  "policies.view": ["compliance", "admin"],
  /** Searching and exporting the verification records (本人確認記録), decrypted: personal data. */
  "records.export": ["compliance"],
  /** Changing a plan day to day: open or closed to new applications, and its price. */
  "plans.manage": ["admin"],
  /** Recomputing the audit chain and reading its result. */
  "audit.verify": ["compliance", "admin"],
  /** Staff accounts. */
  "staff.manage": ["admin"],
  /** Webhook subscriptions and their delivery log. */
  "webhooks.manage": ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;
export type Permission = keyof typeof permissions;

export function roleMay(role: StaffRole, permission: Permission): boolean {
  return (permissions[permission] as readonly StaffRole[]).includes(role);
}
