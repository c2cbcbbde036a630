import { consumptionTaxIncluded, interpolate } from "@jitsumei/domain";
import { formatDate, formatYen } from "../templates/format.ts";
import { texts } from "../templates/texts/index.ts";
import { columnsFor, operatorLines, type ReceiptInput } from "./inputs.ts";
import { type Piece, type Row, renderPages } from "./layout.ts";

/**
 * A payment receipt (領収書): what was paid, when, by whom, for what, with the payment's id; the
 * consumption tax in it and the issuer's qualified invoice registration number (登録番号), as the
 * invoice system (インボイス制度) asks of a receipt that serves as a qualified simplified invoice.
 */
export function renderReceipt(input: ReceiptInput): Promise<Buffer> {
  if (!Number.isSafeInteger(input.amountJpy) || input.amountJpy <= 0) {
    throw new RangeError(`amountJpy must be whole yen > 0: ${input.amountJpy}`);
  }
  const columns = columnsFor(input.language);
  const cells = (pick: (language: (typeof columns)[number]) => readonly Piece[]): Row["cells"] => columns.map(pick);
  const field = (
    label: (l: (typeof columns)[number]) => string,
    value: (l: (typeof columns)[number]) => string,
    typed = false,
  ): Row => ({
    cells: cells((l) => [
      { text: label(l), style: "label" },
      { text: value(l), style: "value", anyScript: typed },
    ]),
    gapAfter: 5,
  });
  const labels = (l: (typeof columns)[number]) => texts[l].receipt.labels;
  // A deposit is money held, not a sale: it bears no consumption tax.
  const taxJpy = input.purpose === "deposit" ? null : consumptionTaxIncluded(input.amountJpy);

  const rows: Row[] = [
    { cells: cells((l) => [{ text: texts[l].receipt.title, style: "title" }]), gapAfter: 4 },
    { cells: cells((l) => [{ text: texts[l].receipt.intro, style: "body" }]), gapAfter: 10 },
    {
      cells: cells((l) => [
        { text: labels(l).amount, style: "label" },
        { text: formatYen(texts[l].formats, input.amountJpy), style: "title" },
      ]),
      gapAfter: 5,
    },
    {
      cells: cells((l) => [
        { text: labels(l).consumptionTax, style: "label" },
        {
          text: taxJpy === null ? texts[l].receipt.notTaxable : formatYen(texts[l].formats, taxJpy),
          style: "value",
        },
      ]),
      rule: true,
      gapAfter: 8,
    },
    field(
      (l) => labels(l).receivedFrom,
      () => input.payer.name,
      true,
    ),
    field(
      (l) => labels(l).description,
      (l) => interpolate(texts[l].receipt.purposes[input.purpose], { planName: input.plan.name[l] }),
    ),
    field(
      (l) => labels(l).date,
      (l) => formatDate(texts[l].formats, input.date),
    ),
    field(
      (l) => labels(l).receiptNumber,
      () => input.receiptNumber,
    ),
    field(
      (l) => labels(l).applicationReference,
      () => input.applicationReference,
    ),
    field(
      (l) => labels(l).paymentId,
      () => input.paymentNumber,
    ),
    field(
      (l) => labels(l).issuer,
      (l) => operatorLines(input.operator, l).join("\n"),
    ),
    field(
      (l) => labels(l).invoiceRegistrationNumber,
      (l) => input.invoiceRegistrationNumber ?? texts[l].receipt.invoiceNumberAbsent,
    ),
    { cells: cells((l) => [{ text: texts[l].receipt.taxNote, style: "small" }]), rule: true },
  ];

  return renderPages({
    columns,
    rows,
    footer: (page, pages) => `${input.receiptNumber} · ${input.paymentNumber} · ${page} / ${pages}`,
    info: {
      title: texts.ja.receipt.title,
      subject: `${input.receiptNumber} / ${input.applicationReference}`,
      author: input.operator.name.ja,
      creationDate: input.date,
    },
  });
}
