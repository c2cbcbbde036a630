// The table lives in the domain, where the staff console reads it too.
export { type Permission, permissions, roleMay, type StaffRole, staffRoles } from "@jitsumei/domain/staff-permissions";
