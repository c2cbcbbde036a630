import { describe, expect, it } from "vitest";
import { printedFullName, printedName } from "./printed-name.ts";

describe("the name printed on documents", () => {
  it("is the kanji name where the applicant gave one, else the Latin name given name first", () => {
    expect(printedName({ family: "Yamada", given: "Hanako", kanji: "山田 花子" })).toBe("山田 花子");
    expect(printedName({ family: "Eriksson", given: "Anna Maria" })).toBe("Anna Maria Eriksson");
    expect(printedName({ family: "Eriksson", given: "Anna", kanji: " " })).toBe("Anna Eriksson");
    expect(printedName(undefined)).toBe("");
  });

  it("on a contract is both, the kanji first", () => {
    expect(printedFullName({ family: "Yamada", given: "Hanako", kanji: "山田 花子" })).toBe(
      "山田 花子（Hanako Yamada）",
    );
    expect(printedFullName({ family: "Eriksson", given: "Anna" })).toBe("Anna Eriksson");
  });
});
