import { nextInTable, type StatusTable } from "../lifecycles/state-table.ts";

/**
 * A retail package's statuses, and the one table of how it moves between them. The server changes
 * a package's status only through `nextPackageStatus`.
 *
 * in_stock → sold (the shop's point of sale, or the first registration) → registered (an application
 * was started from its code) → activated (the line is live). void from anywhere before activation:
 * a lost, stolen or damaged package. A code works once: a registered, activated or void package
 * refuses its code.
 */
export const packageStatuses = ["in_stock", "sold", "registered", "activated", "void"] as const;
export type PackageStatus = (typeof packageStatuses)[number];

export const packageEvents = ["sell", "register", "activate", "void"] as const;
export type PackageEvent = (typeof packageEvents)[number];

export const retailChannels = ["airport", "konbini", "shop"] as const;
export type RetailChannel = (typeof retailChannels)[number];

export const packageTable: StatusTable<PackageStatus, PackageEvent> = {
  in_stock: { sell: "sold", register: "registered", void: "void" },
  sold: { register: "registered", void: "void" },
  registered: { activate: "activated", void: "void" },
  activated: {},
  void: {},
};

/** The status after `event`, or null when the event is not possible from `status`. */
export function nextPackageStatus(status: PackageStatus, event: PackageEvent): PackageStatus | null {
  return nextInTable(packageTable, status, event);
}

/** Why a code cannot be used for registration, or null when it can. */
export function registrationRefusal(status: PackageStatus): "already_registered" | "void" | null {
  if (status === "void") return "void";
  return nextPackageStatus(status, "register") ? null : "already_registered";
}

/** Why a package is withdrawn: a fixed list, so no free text (which could name a person) is kept. */
export const voidReasons = ["lost", "stolen", "damaged", "returned_unsold", "recalled"] as const;
export type VoidReason = (typeof voidReasons)[number];
