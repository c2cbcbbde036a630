import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCounters } from "./counters.ts";

const fileWith = (json: unknown) => {
  const file = join(mkdtempSync(join(tmpdir(), "jitsumei-counters-")), "counters.json");
  writeFileSync(file, JSON.stringify(json));
  return file;
};
const counter = {
  id: "kansai-t1",
  kind: "airport",
  name: { ja: "関西空港カウンター", en: "Kansai Airport counter" },
  address: { ja: "大阪府泉佐野市", en: "Izumisano, Osaka" },
  hours: { ja: "毎日 8:00–21:00", en: "Daily 8:00–21:00" },
  documents: ["passport"],
};

describe("counters", () => {
  it("ships a demo list for development and none in production", () => {
    const demo = loadCounters({ countersFile: null, env: "development" });
    expect(demo.length).toBeGreaterThanOrEqual(2);
    expect(demo.every((c) => c.name.en.includes("(demo)") && c.documents.includes("passport"))).toBe(true);
    expect(loadCounters({ countersFile: null, env: "production" })).toEqual([]);
  });

  it("reads the operator's file", () => {
    expect(loadCounters({ countersFile: fileWith([counter]), env: "production" })).toEqual([counter]);
  });

  it("refuses a file that does not parse, naming the entry, the field and the reason", () => {
    expect(() =>
      loadCounters({
        countersFile: fileWith([counter, { ...counter, documents: ["library_card"] }]),
        env: "production",
      }),
    ).toThrow(/JITSUMEI_COUNTERS_FILE .*\[1\.documents\.0\]/);
    expect(() =>
      loadCounters({ countersFile: fileWith([{ ...counter, name: { en: "No Japanese" } }]), env: "production" }),
    ).toThrow(/\[0\.name\.ja\]/);
  });
});
