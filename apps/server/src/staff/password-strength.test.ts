import { describe, expect, it } from "vitest";
import { passwordProblems } from "./staff-accounts.ts";

// Issue #21, finding 12: a staff password equal to the account's e-mail, or sixteen identical
// letters, was accepted (ASVS 2.1.7: refuse breached passwords).
const account = { email: "hanako.yamada@operator.test", displayName: "Hanako Yamada" };

describe("staff passwords", () => {
  it("refuses the account's own e-mail address and name, naming the field", () => {
    expect(passwordProblems("hanako.yamada@operator.test", "newPassword", account)).toEqual([
      { field: "newPassword", reason: "must not contain the account's e-mail address or name" },
    ]);
    expect(passwordProblems("HanakoYamada2026!", "password", account)[0]?.reason).toMatch(/e-mail address or name/);
  });

  it("refuses sixteen identical letters and other patterns", () => {
    expect(passwordProblems("aaaaaaaaaaaaaaaa")[0]?.reason).toMatch(/too easy to guess/);
    expect(passwordProblems("abcdefghijklmnop")[0]?.reason).toMatch(/too easy to guess|breaches/);
  });

  it("refuses passwords on the breached-password list that ships with the project", () => {
    expect(passwordProblems("password1234")[0]?.reason).toMatch(/found in breaches/);
    expect(passwordProblems("qwertyuiop123")[0]?.reason).toMatch(/breaches|too easy/);
  });

  it("accepts a long passphrase and a random one-time password", () => {
    expect(passwordProblems("violet-harbour-tiger-spoon", "password", account)).toEqual([]);
    expect(passwordProblems("x7Qm-2vLp_9RtA0b")).toEqual([]);
    expect(passwordProblems(`a-long-password-3-${Date.now()}`)).toEqual([]);
  });
});
