import { type FontFamily, fontBytes } from "../fonts/fonts.ts";
import { pdfkit } from "./pdfkit.ts";

/**
 * A sheet of package labels (A4, 3 × 8 labels of 70 × 37 mm, the common sticker sheet): on each, the
 * QR code that opens the registration page with the code filled in, the code printed for typing, the
 * plan's name in Japanese, English and Simplified Chinese, the package's serial and one line of
 * instructions in the three languages.
 *
 * The QR code comes in as its module matrix (the caller encodes it with the same library as the eSIM
 * QR codes) and is drawn as vector squares: sharp at any printer's resolution, and this package needs
 * no QR library of its own.
 */
export type QrMatrix = { size: number; isDark(row: number, column: number): boolean };

export type PackageLabel = { serial: number; code: string; link: string; qr: QrMatrix };

export type LabelSheetInput = {
  batchId: string;
  planName: { ja: string; en: string; "zh-Hans": string };
  channel: string;
  instructions: { ja: string; en: string; "zh-Hans": string };
  labels: readonly PackageLabel[];
  /** Fixed for repeatable bytes (the batch's creation time). */
  date: Date;
};

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const COLUMNS = 3;
const ROWS = 8;
const LABEL = { width: 70 * MM, height: 37 * MM };
const TOP = (PAGE.height - ROWS * LABEL.height) / 2;
const PAD = 2.5 * MM;
const QR_SIDE = 25 * MM;
/** The QR code's quiet zone, in modules (ISO/IEC 18004 asks for four). */
const QUIET = 4;

export function renderPackageLabels(input: LabelSheetInput): Promise<Buffer> {
  if (input.labels.length === 0) throw new RangeError("A label sheet needs at least one label");
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: "1.7",
    lang: "ja-JP",
    info: {
      Title: `Package labels ${input.batchId}`,
      Subject: input.planName.en,
      Creator: "Jitsumei",
      Producer: "Jitsumei (pdfkit)",
      CreationDate: input.date,
      ModDate: input.date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const families: FontFamily[] = ["jp", "sc"];
  for (const family of families) {
    doc.registerFont(`${family}-regular`, fontBytes(family, "regular"));
    doc.registerFont(`${family}-bold`, fontBytes(family, "bold"));
  }

  const perPage = COLUMNS * ROWS;
  input.labels.forEach((label, i) => {
    if (i % perPage === 0) doc.addPage();
    const slot = i % perPage;
    const x = (slot % COLUMNS) * LABEL.width;
    const y = TOP + Math.floor(slot / COLUMNS) * LABEL.height;
    drawLabel(doc, input, label, x, y);
  });
  doc.end();
  return done;
}

function drawLabel(doc: PDFKit.PDFDocument, input: LabelSheetInput, label: PackageLabel, x: number, y: number) {
  // A hairline at the label's edge: where to cut when the sheet is plain paper.
  doc.rect(x, y, LABEL.width, LABEL.height).lineWidth(0.3).strokeColor("#bbbbbb").stroke();

  // The QR code top left (its quiet zone is part of the square), the texts to its right, and the
  // instructions in a band across the bottom: nothing wraps, so nothing can spill off the label.
  const qrX = x + PAD / 2;
  const qrY = y + PAD / 2;
  const modules = label.qr.size + 2 * QUIET;
  const cell = QR_SIDE / modules;
  for (let row = 0; row < label.qr.size; row++) {
    for (let column = 0; column < label.qr.size; column++) {
      if (label.qr.isDark(row, column)) {
        // A hair wider than the cell, so neighbouring squares leave no white seam when rasterised.
        doc.rect(qrX + (column + QUIET) * cell, qrY + (row + QUIET) * cell, cell + 0.05, cell + 0.05);
      }
    }
  }
  doc.fill("#000000");

  const textX = qrX + QR_SIDE + PAD / 4;
  const width = x + LABEL.width - PAD / 2 - textX;
  let ty = y + PAD;
  // One line each, shrunk to fit the width (down to `min` points), never wrapped.
  const line = (
    text: string,
    font: string,
    size: number,
    options: { color?: string; gap?: number; min?: number; at?: number; w?: number } = {},
  ) => {
    const w = options.w ?? width;
    doc.font(font);
    let fitted = size;
    while (fitted > (options.min ?? 4) && doc.fontSize(fitted).widthOfString(text) > w) fitted -= 0.25;
    doc.fontSize(fitted).fillColor(options.color ?? "#000000");
    doc.text(text, options.at ?? textX, ty, { width: w, lineBreak: false });
    ty += doc.currentLineHeight() + (options.gap ?? 0.5);
  };
  line(input.planName.ja, "jp-bold", 7);
  line(input.planName.en, "jp-regular", 6);
  line(input.planName["zh-Hans"], "sc-regular", 6, { gap: 3 });
  line(label.code, "jp-bold", 9, { gap: 2, min: 6 });
  line(`No. ${String(label.serial).padStart(6, "0")}  ${input.channel}`, "jp-regular", 5, { color: "#555555" });

  ty = qrY + QR_SIDE + 0.6 * MM;
  const band = { at: x + PAD / 2, w: LABEL.width - PAD, color: "#333333", gap: 0.2 };
  line(input.instructions.ja, "jp-regular", 4.5, band);
  line(input.instructions.en, "jp-regular", 4.5, band);
  line(input.instructions["zh-Hans"], "sc-regular", 4.5, band);
}
