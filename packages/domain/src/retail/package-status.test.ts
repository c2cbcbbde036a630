import { describe, expect, it } from "vitest";
import {
  nextPackageStatus,
  type PackageEvent,
  type PackageStatus,
  packageEvents,
  packageStatuses,
  registrationRefusal,
} from "./package-status.ts";

/** Every (status, event) pair, written out by hand. */
const expected: Record<PackageStatus, Record<PackageEvent, PackageStatus | null>> = {
  in_stock: { sell: "sold", register: "registered", activate: null, void: "void" },
  sold: { sell: null, register: "registered", activate: null, void: "void" },
  registered: { sell: null, register: null, activate: "activated", void: "void" },
  activated: { sell: null, register: null, activate: null, void: null },
  void: { sell: null, register: null, activate: null, void: null },
};

describe("package statuses", () => {
  for (const status of packageStatuses) {
    for (const event of packageEvents) {
      it(`${status} + ${event} → ${expected[status][event] ?? "refused"}`, () => {
        expect(nextPackageStatus(status, event)).toBe(expected[status][event]);
      });
    }
  }

  it("say why a code cannot register: used once already, or void", () => {
    expect(registrationRefusal("in_stock")).toBeNull();
    expect(registrationRefusal("sold")).toBeNull();
    expect(registrationRefusal("registered")).toBe("already_registered");
    expect(registrationRefusal("activated")).toBe("already_registered");
    expect(registrationRefusal("void")).toBe("void");
  });
});
