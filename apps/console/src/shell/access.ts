import { type Permission, roleMay } from "@jitsumei/domain/staff-permissions";
import type { StaffRole } from "../api/answers.ts";

/**
 * The console's pages and the permission each needs: the same table the server enforces
 * (staff/permissions.ts, imported, not copied), so a role sees only what it may do.
 */
export const pagePermissions = {
  queue: "applications.queue",
  counter: "packages.sell",
  lookup: "applications.lookup",
  shipping: "shipments.manage",
  inventory: "inventory.manage",
  packages: "packages.manage",
  refunds: "payments.refund_transfers",
  staff: "staff.manage",
  dashboard: "dashboard.view",
  records: "records.export",
  audit: "audit.verify",
  policies: "policies.view",
  plans: "policies.view",
} as const satisfies Record<string, Permission>;
export type PageName = keyof typeof pagePermissions;

export function pagesFor(role: StaffRole): PageName[] {
  return (Object.keys(pagePermissions) as PageName[]).filter((page) => roleMay(role, pagePermissions[page]));
}

export { roleMay };
