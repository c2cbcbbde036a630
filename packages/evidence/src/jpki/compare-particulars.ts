import type { CheckResult, Particulars } from "@jitsumei/domain";
import type { JpkiParticulars } from "./jpki-certificate.ts";

/**
 * `jpki.particulars_match_form`: what the certificate says against the form. A different name or
 * birth date fails (the certificate is the proof of both); a different address or sex goes to a
 * person (address notation varies: 一丁目1番1号 and 1-1-1 are the same place). The certificate holds
 * the address as the residents' register writes it, which usually stops at the lot (番地・号): the
 * building and room the applicant adds on the second line are then absent from it. The address
 * matches when the certificate states the form's address either whole or without that second line,
 * never less: a certificate that stops earlier (another lot, only the town) still goes to a person.
 */
export function compareJpkiParticulars(
  certificate: JpkiParticulars,
  form: Pick<Particulars, "name" | "birthDate" | "sex" | "address">,
): CheckResult {
  const code = "jpki.particulars_match_form";
  const hard: string[] = [];
  const soft: string[] = [];
  const certName = compact(certificate.name);
  const formNames = [form.name.kanji, `${form.name.family}${form.name.given}`, `${form.name.given}${form.name.family}`]
    .filter((n): n is string => Boolean(n))
    .map(compact);
  if (!formNames.includes(certName)) hard.push("name");
  if (certificate.birthDate !== form.birthDate) hard.push("birthDate");
  if (form.sex && certificate.sex !== "unspecified" && form.sex !== certificate.sex) soft.push("sex");
  if (!form.address) soft.push("address");
  else {
    const lot = `${form.address.prefecture}${form.address.city}${form.address.line1}`;
    const stated = [normaliseAddress(lot), normaliseAddress(`${lot}${form.address.line2 ?? ""}`)];
    if (!stated.includes(normaliseAddress(certificate.address))) soft.push("address");
  }
  if (hard.length > 0) return { code, status: "fail", params: { fields: [...hard, ...soft].join(",") } };
  if (soft.length > 0) return { code, status: "review", params: { fields: soft.join(",") } };
  return { code, status: "pass" };
}

/** Width, case and spacing do not make a different name. */
function compact(s: string): string {
  return s
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\u3000・･.'-]/g, "");
}

const kanjiDigits: Record<string, string> = {
  〇: "0",
  一: "1",
  二: "2",
  三: "3",
  四: "4",
  五: "5",
  六: "6",
  七: "7",
  八: "8",
  九: "9",
};

/** 東京都千代田区千代田一丁目1番1号 → 東京都千代田区千代田1-1-1, as the form usually writes it. */
export function normaliseAddress(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/\s/g, "")
    .replace(/([〇一二三四五六七八九十]+)丁目/g, (_, n: string) => `${kanjiNumber(n)}丁目`)
    .replace(/[‐‑‒–—―−ー－]/g, "-")
    .replace(/(\d)(丁目|番地|番|号)/g, "$1-")
    .replace(/-+$/g, "")
    .replace(/-+/g, "-");
}

function kanjiNumber(n: string): string {
  if (!n.includes("十")) return [...n].map((c) => kanjiDigits[c] ?? c).join("");
  const [tens = "", ones = ""] = n.split("十");
  return String((tens ? Number(kanjiDigits[tens] ?? 0) : 1) * 10 + (ones ? Number(kanjiDigits[ones] ?? 0) : 0));
}
