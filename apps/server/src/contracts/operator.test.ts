import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleOperator } from "@jitsumei/documents";
import { describe, expect, it } from "vitest";
import { sampleContact } from "../site/operator-contact.ts";
import { loadOperator } from "./operator.ts";

const dir = mkdtempSync(join(tmpdir(), "jitsumei-operator-"));
const details = {
  name: { ja: "試験通信株式会社", en: "Shiken Tsushin K.K." },
  address: { ja: "〒530-0001 大阪府大阪市北区梅田一丁目1番1号", en: "1-1-1 Umeda, Kita-ku, Osaka 530-0001" },
  registrationNumber: "T1234567890123",
  phone: "0120-111-222",
  supportHours: { ja: "平日 10時〜18時", en: "weekdays 10:00–18:00" },
  url: "https://shiken.example.jp",
};
const contact = {
  phone: "0120-111-333",
  hours: { ja: "平日 10:00〜18:00", en: "weekdays 10:00–18:00" },
  email: "help@shiken.example.jp",
  postalAddress: { ja: "〒530-0001 大阪府大阪市北区梅田1-1-1", en: "1-1-1 Umeda, Kita-ku, Osaka 530-0001" },
};

let n = 0;
function file(json: unknown): string {
  const path = join(dir, `operator-${n++}.json`);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

describe("the operator file's contact section", () => {
  it("is read with the rest of the file", () => {
    const operator = loadOperator({ operatorFile: file({ ...details, contact }), env: "production" });
    expect(operator.contact).toEqual(contact);
    expect(operator.phone).toBe("0120-111-222");
  });

  it.each([
    [{ ...contact, formUrl: "http://shiken.example.jp/form" }, "contact.formUrl must be an https:// URL"],
    [{ ...contact, email: undefined }, "contact.email must give an email or a formUrl"],
    [{ ...contact, phone: "call us" }, "contact.phone must be a phone number"],
    [{ ...contact, hours: { ja: "平日" } }, "contact.hours.en"],
    [{ ...contact, postalAddress: undefined }, "contact.postalAddress"],
    [{ ...contact, complaints: { name: { ja: "苦情", en: "Complaints" } } }, "contact.complaints must give a phone"],
    [{ ...contact, fax: "03-0000-0000" }, "contact"],
  ])("refuses a bad field, naming the file and the field (%#)", (bad, named) => {
    const path = file({ ...details, contact: bad });
    expect(() => loadOperator({ operatorFile: path, env: "development" })).toThrow(
      `JITSUMEI_OPERATOR_FILE ${path}: ${named}`,
    );
  });

  it("is required in production, optional elsewhere", () => {
    const path = file(details);
    expect(() => loadOperator({ operatorFile: path, env: "production" })).toThrow(
      `JITSUMEI_OPERATOR_FILE ${path}: contact is required when NODE_ENV=production`,
    );
    expect(loadOperator({ operatorFile: path, env: "development" }).contact).toBeNull();
  });

  it("is the demo operator's without a file, with a warning in production", () => {
    const warnings: string[] = [];
    const operator = loadOperator({ operatorFile: null, env: "production" }, (m) => warnings.push(m));
    expect(operator).toEqual({ ...sampleOperator, contact: sampleContact });
    expect(warnings).toEqual([expect.stringMatching(/JITSUMEI_OPERATOR_FILE is unset/)]);
    loadOperator({ operatorFile: null, env: "development" }, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
  });
});
