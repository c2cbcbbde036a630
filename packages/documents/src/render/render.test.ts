import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoPlans, type Language, languages } from "@jitsumei/domain";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { familyFor, familyOf } from "../fonts/fonts.ts";
import {
  sampleApplicantNames,
  sampleContractInput,
  sampleOperator,
  sampleReceiptInput,
} from "../sample/sample-data.ts";
import { texts } from "../templates/texts/index.ts";
import { run } from "../test-support/tools.ts";
import { operatorText } from "./inputs.ts";
import { renderContract, renderImportantMatters } from "./render-contract.ts";
import { renderReceipt } from "./render-receipt.ts";

const dir = mkdtempSync(join(tmpdir(), "jitsumei-documents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(name: string, pdf: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

/** pdftotext output with line breaks and spaces removed, so wrapped phrases still match. */
function extract(file: string): string {
  return run("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8").replace(/\s+/g, "");
}
const squash = (s: string) => s.replace(/\s+/g, "");

const plan = demoPlans.find((p) => p.id === "postpaid-voice");
if (!plan) throw new Error("demo plan postpaid-voice is missing");

/** The fonts pdffonts lists: every one must be embedded, subset and have a ToUnicode map. */
function fonts(file: string): { name: string; emb: string; sub: string; uni: string }[] {
  const lines = run("pdffonts", [file]).toString("utf8").trim().split("\n").slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0] ?? "", emb: emb ?? "", sub: sub ?? "", uni: uni ?? "" };
  });
}

const fontOfLanguage: Record<Language, string> = {
  ja: "NotoSansJP",
  en: "NotoSansJP",
  vi: "NotoSansJP",
  "zh-Hans": "NotoSansSC",
  "zh-Hant": "NotoSansTC",
  ko: "NotoSansKR",
};

describe("contract and important-matters explanation", () => {
  it.each(languages)(
    "%s: renders side by side, under 1 MB, with subset fonts, and pdftotext finds the key strings",
    async (language) => {
      const input = sampleContractInput("postpaid-voice", language);
      const contract = save(`contract-${language}.pdf`, await renderContract(input));
      const explanation = await renderImportantMatters(input);
      const explanationFile = save(`important-${language}.pdf`, explanation);

      const text = extract(contract);
      expect(text).toContain(squash(sampleApplicantNames[language]));
      expect(text).toContain("APP-7K3M-9QX2");
      expect(text).toContain(squash(plan.name.ja));
      expect(text).toContain(squash(plan.name[language]));
      expect(text).toContain("携帯電話サービス契約書");
      expect(text).toContain(squash(texts[language].contract.title));
      expect(text).toContain("月額2,970円"); // the tariff
      expect(text).toContain("20,000円"); // the deposit
      expect(text).toContain("1,100円"); // the early-termination fee
      expect(text).toContain("2025年4月1日");
      // The operator named in each column's language (from the operator's details), no made-up number.
      expect(text).toContain(squash(sampleOperator.name.ja));
      expect(text).toContain(squash(operatorText(sampleOperator.name, language)));
      if (language !== "en" && language !== "ja") expect(text).not.toContain(squash(sampleOperator.name.en));
      expect(text).not.toContain("A-00-00000");
      const amountInLanguage = {
        ja: "2,970円",
        en: "¥2,970",
        "zh-Hans": "2,970日元",
        "zh-Hant": "2,970日圓",
        ko: "2,970엔",
        vi: "2.970yên",
      };
      expect(text).toContain(amountInLanguage[language]);

      const explained = extract(explanationFile);
      expect(explained).toContain("重要事項説明");
      expect(explained).toContain(squash(texts[language].importantMatters.title));
      expect(explained).toContain(squash(sampleApplicantNames[language]));
      expect(explained).toContain("初期契約解除");

      for (const pdf of [contract, explanationFile]) {
        const embedded = fonts(pdf);
        expect(embedded.length).toBeGreaterThan(0);
        for (const font of embedded) expect(font).toMatchObject({ emb: "yes", sub: "yes", uni: "yes" });
        expect(embedded.some((f) => f.name.includes(fontOfLanguage[language]))).toBe(true);
      }
      expect(explanation.length).toBeLessThan(1024 * 1024);
    },
  );

  it("stays under 1 MB even in Chinese, the script with the most distinct glyphs", async () => {
    for (const language of ["zh-Hans", "zh-Hant"] as const) {
      const pdf = await renderContract(sampleContractInput("postpaid-voice", language));
      expect(pdf.length).toBeLessThan(1024 * 1024);
      // Subsetting, not whole fonts: a whole Noto Sans CJK weight is 5–10 MB.
      expect(pdf.length).toBeLessThan(300 * 1024);
    }
  });

  it("prints Japanese only for a Japanese applicant", async () => {
    const file = save("contract-ja-only.pdf", await renderContract(sampleContractInput("postpaid-voice", "ja")));
    const text = extract(file);
    expect(text).not.toContain("MobileServiceContract");
    expect(fonts(file).every((f) => f.name.includes("NotoSansJP"))).toBe(true);
  });

  it("gives the same bytes for the same input and date", async () => {
    const input = sampleContractInput("prepaid-voice-sim", "vi");
    expect((await renderContract(input)).equals(await renderContract(input))).toBe(true);
  });

  it("states a prepaid plan's price for its days and no deposit or minimum term", async () => {
    const file = save("prepaid-en.pdf", await renderImportantMatters(sampleContractInput("prepaid-voice-sim", "en")));
    const text = extract(file);
    expect(text).toContain(squash("¥3,300 for 30 days"));
    expect(text).toContain(squash("No deposit is required."));
    expect(text).toContain(squash("There is no minimum term."));
    expect(text).toContain("預り金はありません。");
  });

  it("draws the text: a rendered page has dark pixels in both columns, where the title and clauses are", async () => {
    const file = save("contract-ko-png.pdf", await renderContract(sampleContractInput("postpaid-voice", "ko")));
    run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(dir, "page")]);
    const image = sharp(join(dir, "page-1.png")).greyscale();
    const { width, height } = await image.metadata();
    if (!width || !height) throw new Error("no page image");
    const dark = async (left: number, top: number, w: number, h: number) => {
      const { data } = await image
        .clone()
        .extract({
          left: Math.round(left * width),
          top: Math.round(top * height),
          width: Math.round(w * width),
          height: Math.round(h * height),
        })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data.filter((v) => v < 128).length / data.length;
    };
    // Title band, left (Japanese) and right (Korean) columns; and the empty right margin.
    expect(await dark(0.07, 0.05, 0.4, 0.05)).toBeGreaterThan(0.03);
    expect(await dark(0.53, 0.05, 0.4, 0.05)).toBeGreaterThan(0.03);
    expect(await dark(0.53, 0.5, 0.4, 0.3)).toBeGreaterThan(0.01);
    expect(await dark(0.96, 0.1, 0.03, 0.8)).toBe(0);
  });
});

describe("fonts", () => {
  const characters = (value: unknown): string[] =>
    typeof value === "string"
      ? [value]
      : value && typeof value === "object"
        ? Object.values(value).flatMap(characters)
        : [];

  it.each(languages)("%s: the language's font has a glyph for every character of its texts", (language) => {
    for (const text of characters(texts[language]))
      expect(familyFor(text, familyOf[language])).toBe(familyOf[language]);
    for (const name of Object.values(plan.name)) expect(familyFor(name, "jp")).not.toBeUndefined();
    expect(familyFor(plan.name[language], familyOf[language])).toBe(familyOf[language]);
  });

  it("sets a Hangul name in the Japanese column in the Korean font, not as empty boxes", () => {
    expect(familyFor("김민준", "jp")).toBe("kr");
    expect(familyFor("Nguyễn Thị Hương", "jp")).toBe("jp");
  });
});

describe("receipt", () => {
  it.each(["ja", "en", "vi"] as const)(
    "%s: renders the amount, payer, purpose, date, reference and payment number",
    async (language) => {
      const pdf = await renderReceipt(sampleReceiptInput(language));
      expect(pdf.length).toBeLessThan(1024 * 1024);
      const text = extract(save(`receipt-${language}.pdf`, pdf));
      expect(text).toContain("領収書");
      expect(text).toContain("20,000円");
      expect(text).toContain(squash(sampleApplicantNames[language]));
      expect(text).toContain("預り金（保証金）として");
      expect(text).toContain("2025年4月1日");
      expect(text).toContain("R-2025-000042");
      expect(text).toContain("APP-7K3M-9QX2");
      expect(text).toContain("APP-7K3M-9QX2-01");
      // The fictitious operator has no registration number: none is made up.
      expect(text).not.toContain("A-00-00000");
      if (language !== "ja") expect(text).toContain(squash(texts[language].receipt.title));
    },
  );

  it("states the 10% consumption tax in a plan's price, none in a deposit, and the registration number 登録番号", async () => {
    const purchase = extract(
      save(
        "receipt-purchase-zh-Hans.pdf",
        await renderReceipt({ ...sampleReceiptInput("zh-Hans"), amountJpy: 2200, purpose: "plan_purchase" }),
      ),
    );
    expect(purchase).toContain("2,200円");
    expect(purchase).toContain(squash("うち消費税（10%対象）"));
    expect(purchase).toContain("200円");
    expect(purchase).toContain("登録番号");
    expect(purchase).toContain("T1234567890123");
    expect(purchase).toContain(squash(texts["zh-Hans"].receipt.labels.consumptionTax));
    const deposit = extract(save("receipt-deposit-ja.pdf", await renderReceipt(sampleReceiptInput("ja"))));
    expect(deposit).toContain(squash("対象外（預り金）"));
    // No number configured: the receipt says so, in every column, rather than printing nothing.
    const unregistered = extract(
      save(
        "receipt-unregistered-en.pdf",
        await renderReceipt({ ...sampleReceiptInput("en"), invoiceRegistrationNumber: null }),
      ),
    );
    expect(unregistered).toContain(squash("未登録（この領収書は適格請求書ではありません）"));
    expect(unregistered).toContain(squash("None (this receipt is not a qualified invoice)"));
    expect(unregistered).not.toContain("T1234567890123");
  });

  it("refuses an amount that is not whole yen", () => {
    expect(() => renderReceipt({ ...sampleReceiptInput("en"), amountJpy: 12.5 })).toThrow(RangeError);
  });
});
