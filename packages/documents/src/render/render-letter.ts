import type { Language } from "@jitsumei/domain";
import { formatDate } from "../templates/format.ts";
import { texts } from "../templates/texts/index.ts";
import { columnsFor, type OperatorDetails, operatorLines } from "./inputs.ts";
import { type Row, renderPages } from "./layout.ts";

/** What a letter says in one language: its caller (the server) holds the texts in all six. */
export type LetterContent = {
  title: string;
  /** The greeting line, e.g. "Dear Anna Eriksson". */
  salutation: string;
  paragraphs: readonly string[];
  /** Labelled values printed as a block after the paragraphs (line number, deadline, reference). */
  fields: readonly { label: string; value: string }[];
};

export type LetterInput = {
  /** The addressee's language; Japanese is always printed too, on the left. */
  language: Language;
  /** Printed on every page, e.g. "L-APP-…-1A2B3C4D". */
  documentNumber: string;
  date: Date;
  operator: OperatorDetails;
  content: (language: Language) => LetterContent;
};

/**
 * A letter from the operator to a subscriber (書面による通知), Japanese beside the subscriber's
 * language, dated and signed off with the operator's name, address and registration number.
 */
export function renderLetter(input: LetterInput): Promise<Buffer> {
  const columns = columnsFor(input.language);
  const content = Object.fromEntries(columns.map((l) => [l, input.content(l)])) as Record<Language, LetterContent>;
  const of = (l: Language) => content[l];
  const longest = Math.max(...columns.map((l) => of(l).paragraphs.length));
  const fieldCount = of(columns[0] ?? "ja").fields.length;
  const rows: Row[] = [
    { cells: columns.map((l) => [{ text: formatDate(texts[l].formats, input.date), style: "small" }]), gapAfter: 6 },
    { cells: columns.map((l) => [{ text: of(l).title, style: "title" }]), gapAfter: 8, rule: true },
    { cells: columns.map((l) => [{ text: of(l).salutation, style: "body", anyScript: true }]), gapAfter: 6 },
  ];
  for (let i = 0; i < longest; i++) {
    rows.push({ cells: columns.map((l) => [{ text: of(l).paragraphs[i] ?? "", style: "body" }]), gapAfter: 6 });
  }
  for (let i = 0; i < fieldCount; i++) {
    rows.push({
      cells: columns.map((l) => [
        { text: of(l).fields[i]?.label ?? "", style: "label" },
        { text: of(l).fields[i]?.value ?? "", style: "value", anyScript: true },
      ]),
      gapAfter: 5,
    });
  }
  rows.push({
    cells: columns.map((l) => [
      {
        text: [...operatorLines(input.operator, l), `${input.operator.phone} · ${input.operator.url}`].join("\n"),
        style: "small",
      },
    ]),
    rule: true,
  });
  return renderPages({
    columns,
    rows,
    footer: (page, pages) => `${input.documentNumber} · ${page} / ${pages}`,
    info: {
      title: of(columns[0] ?? "ja").title,
      subject: input.documentNumber,
      author: input.operator.name.ja,
      creationDate: input.date,
    },
  });
}
