import { interpolate, type Language } from "@jitsumei/domain";
import { formatDate, formatYen } from "../templates/format.ts";
import {
  type ContractTemplate,
  contractSections,
  type ImportantMattersTemplate,
  importantMattersSections,
  type LanguageTexts,
  type Section,
} from "../templates/template.ts";
import { texts } from "../templates/texts/index.ts";
import { type ContractInput, columnsFor, type ImportantMattersInput, operatorText } from "./inputs.ts";
import { type Piece, type Row, renderPages } from "./layout.ts";

export type ContractDocumentKind = "contract" | "important_matters";

/** The contract (契約書), Japanese and the applicant's language side by side. */
export function renderContract(input: ContractInput): Promise<Buffer> {
  return renderContractDocument("contract", input);
}

/** The important-matters explanation (重要事項説明書) given before the contract is signed. */
export function renderImportantMatters(input: ImportantMattersInput): Promise<Buffer> {
  return renderContractDocument("important_matters", input);
}

export function renderContractDocument(kind: ContractDocumentKind, input: ContractInput): Promise<Buffer> {
  validate(input);
  const columns = columnsFor(input.language);
  const filled = columns.map((language) => fill(kind, input, language));
  const cells = (pick: (f: Filled) => readonly Piece[]): Row["cells"] => filled.map(pick);

  const rows: Row[] = [
    { cells: cells((f) => [{ text: f.template.title, style: "title" }]), gapAfter: 4 },
    { cells: cells((f) => [{ text: f.intro, style: "body" }]), gapAfter: 12 },
    ...f0(filled).particulars.map(
      (_, i): Row => ({
        cells: cells((f) => {
          const [label, value, typed] = f.particulars[i] ?? ["", "", false];
          return [
            { text: label, style: "label" },
            { text: value, style: "value", anyScript: typed },
          ];
        }),
        gapAfter: i === f0(filled).particulars.length - 1 ? 12 : 5,
        rule: i === 0,
      }),
    ),
    ...f0(filled).sections.map(
      (_, i): Row => ({
        cells: cells((f) => {
          const section = f.sections[i];
          return section
            ? [
                { text: section.heading, style: "heading" },
                { text: section.body, style: "body" },
              ]
            : [];
        }),
        gapAfter: 8,
        rule: i === 0,
      }),
    ),
    { cells: cells((f) => [{ text: f.closing, style: "body" }]), rule: true },
  ];

  const ja = texts.ja[kind === "contract" ? "contract" : "importantMatters"];
  return renderPages({
    columns,
    rows,
    footer: (page, pages) => `${input.documentNumber} · ${input.applicant.reference} · ${page} / ${pages}`,
    info: {
      title: ja.title,
      subject: `${input.plan.name.ja} / ${input.applicant.reference}`,
      author: input.operator.name.ja,
      creationDate: input.date,
    },
  });
}

type Filled = {
  template: ContractTemplate | ImportantMattersTemplate;
  intro: string;
  /** [label, value, typed by the applicant] */
  particulars: [string, string, boolean][];
  sections: Section[];
  closing: string;
};

function f0(filled: readonly Filled[]): Filled {
  const first = filled[0];
  if (!first) throw new Error("a document needs at least one column");
  return first;
}

function fill(kind: ContractDocumentKind, input: ContractInput, language: Language): Filled {
  const t: LanguageTexts = texts[language];
  const { plan } = input;
  const price = formatYen(t.formats, plan.priceJpy);
  const tariff =
    plan.kind === "postpaid"
      ? interpolate(t.contract.tariff.monthly, { price })
      : interpolate(t.contract.tariff.prepaid, { price, days: plan.validityDays ?? 0 });
  const months = plan.minimumTermMonths ?? 0;
  const monthsText = interpolate(t.formats.months, { count: months });
  const fee = input.cancellation.earlyTerminationFeeJpy;
  const params = {
    operatorName: operatorText(input.operator.name, language),
    operatorAddress: operatorText(input.operator.address, language),
    operatorPhone: input.operator.phone,
    operatorUrl: input.operator.url,
    supportHours: operatorText(input.operator.supportHours, language),
    registrationNumber: input.operator.registrationNumber ?? "",
    planName: plan.name[language],
    services: plan.services.map((service) => t.services[service]).join(t.listSeparator),
    tariff,
    deposit:
      input.depositJpy > 0
        ? interpolate(t.terms.deposit, { amount: formatYen(t.formats, input.depositJpy) })
        : t.terms.noDeposit,
    minimumTerm: months > 0 ? interpolate(t.terms.minimumTerm, { months: monthsText }) : t.terms.noMinimumTerm,
    cancellationFee:
      months > 0 && fee > 0
        ? interpolate(t.terms.cancellationFee, { fee: formatYen(t.formats, fee) })
        : t.terms.noCancellationFee,
    initialCancellationDays: input.cancellation.initialCancellationDays,
  };
  const template = kind === "contract" ? t.contract : t.importantMatters;
  const ordered: readonly Section[] =
    kind === "contract"
      ? contractSections.map((key) => t.contract.sections[key])
      : importantMattersSections.map((key) => t.importantMatters.sections[key]);
  const labels = template.particulars;
  const particulars: [string, string, boolean][] = [
    [labels.documentNumber, input.documentNumber, false],
    [labels.date, formatDate(t.formats, input.date), false],
    [labels.applicantName, input.applicant.name, true],
    [labels.applicationReference, input.applicant.reference, false],
    [labels.plan, params.planName, false],
    [labels.tariff, tariff, false],
    [labels.deposit, input.depositJpy > 0 ? formatYen(t.formats, input.depositJpy) : t.formats.none, false],
    [labels.minimumTerm, months > 0 ? monthsText : t.formats.none, false],
    [labels.operator, params.operatorName, false],
  ];
  // An operator with no registration number (the fictitious demo one): its line is left out.
  const withoutNumber = (body: string) =>
    input.operator.registrationNumber
      ? body
      : body
          .split("\n")
          .filter((line) => !line.includes("{registrationNumber}"))
          .join("\n");
  const sections = ordered.map((section) => ({
    heading: section.heading,
    body: interpolate(withoutNumber(section.body), params),
  }));
  return {
    template,
    intro: interpolate(template.intro, params),
    particulars,
    sections,
    closing: "seal" in template ? template.seal : template.acknowledgement,
  };
}

function validate(input: ContractInput): void {
  for (const [name, value] of [
    ["depositJpy", input.depositJpy],
    ["earlyTerminationFeeJpy", input.cancellation.earlyTerminationFeeJpy],
    ["priceJpy", input.plan.priceJpy],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be whole yen ≥ 0: ${value}`);
  }
  if (Number.isNaN(input.date.getTime())) throw new RangeError("date is invalid");
}
