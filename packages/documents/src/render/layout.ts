import type { Language } from "@jitsumei/domain";
import { type FontFamily, type FontWeight, familyFor, familyOf, fontBytes } from "../fonts/fonts.ts";
import { pdfkit } from "./pdfkit.ts";

/**
 * A small page layout on pdfkit: rows of cells, one cell per language column (Japanese on the left, the
 * applicant's language on the right), each row as tall as its tallest cell, so a clause and its
 * translation always start on the same line. Rows never split across pages.
 */

export type Style = "title" | "subtitle" | "heading" | "body" | "label" | "value" | "small";

/** One piece of text in a cell; pieces of a cell are stacked. */
export type Piece = { text: string; style: Style /** set for text the applicant typed */; anyScript?: boolean };

/** A row holds one cell per column, in column order. */
export type Row = { cells: readonly (readonly Piece[])[]; gapAfter?: number; rule?: boolean };

export type PageDocument = {
  columns: readonly Language[];
  rows: readonly Row[];
  /** The footer of each page, per column, e.g. the document number and "page n / N". */
  footer: (page: number, pages: number) => string;
  info: { title: string; subject: string; author: string; creationDate: Date };
};

const styles: Record<Style, { size: number; weight: FontWeight; color: string; lineGap: number }> = {
  title: { size: 17, weight: "bold", color: "#111111", lineGap: 2 },
  subtitle: { size: 10, weight: "regular", color: "#333333", lineGap: 2 },
  heading: { size: 10.5, weight: "bold", color: "#111111", lineGap: 1.5 },
  body: { size: 9, weight: "regular", color: "#222222", lineGap: 2.5 },
  label: { size: 7.5, weight: "bold", color: "#555555", lineGap: 1 },
  value: { size: 10, weight: "regular", color: "#111111", lineGap: 1.5 },
  small: { size: 7.5, weight: "regular", color: "#555555", lineGap: 1 },
};

const page = { size: "A4" as const, width: 595.28, height: 841.89, marginX: 42, top: 48, bottom: 60 };
const columnGap = 20;
const pieceGap = 2;

function fontName(family: FontFamily, weight: FontWeight): string {
  return `${family}-${weight}`;
}

export async function renderPages(document: PageDocument): Promise<Buffer> {
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: page.size,
    margins: { top: page.top, bottom: page.bottom, left: page.marginX, right: page.marginX },
    bufferPages: true,
    autoFirstPage: true,
    lang: document.columns[0] === "ja" ? "ja-JP" : undefined,
    // Fixed dates make the bytes (and the trailer /ID pdfkit derives from them) repeatable.
    info: {
      Title: document.info.title,
      Subject: document.info.subject,
      Author: document.info.author,
      Creator: "Jitsumei",
      Producer: "Jitsumei (pdfkit)",
      CreationDate: document.info.creationDate,
      ModDate: document.info.creationDate,
    },
    pdfVersion: "1.7",
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const families = document.columns.map((language) => familyOf[language]);
  const pieceFamily = (family: FontFamily, piece: Piece) => (piece.anyScript ? familyFor(piece.text, family) : family);
  const used = new Set(families);
  for (const row of document.rows) {
    row.cells.forEach((pieces, i) => {
      for (const piece of pieces) used.add(pieceFamily(families[i] ?? "jp", piece));
    });
  }
  for (const family of used) {
    for (const weight of ["regular", "bold"] as const)
      doc.registerFont(fontName(family, weight), fontBytes(family, weight));
  }

  const contentWidth = page.width - 2 * page.marginX;
  const columnWidth = (contentWidth - columnGap * (document.columns.length - 1)) / document.columns.length;
  const columnX = document.columns.map((_, i) => page.marginX + i * (columnWidth + columnGap));
  const bottom = page.height - page.bottom;

  const use = (family: FontFamily, style: Style) => {
    const s = styles[style];
    doc.font(fontName(family, s.weight)).fontSize(s.size).fillColor(s.color);
    return s;
  };
  const cellHeight = (family: FontFamily, pieces: readonly Piece[]) =>
    pieces.reduce((height, piece, i) => {
      const s = use(pieceFamily(family, piece), piece.style);
      return (
        height + (i > 0 ? pieceGap : 0) + doc.heightOfString(piece.text, { width: columnWidth, lineGap: s.lineGap })
      );
    }, 0);

  let y = page.top;
  for (const row of document.rows) {
    const height = Math.max(...row.cells.map((pieces, i) => cellHeight(families[i] ?? "jp", pieces)));
    if (y + height > bottom && y > page.top) {
      doc.addPage();
      y = page.top;
    }
    if (row.rule) {
      doc
        .moveTo(page.marginX, y - 4)
        .lineTo(page.width - page.marginX, y - 4)
        .lineWidth(0.5)
        .strokeColor("#999999")
        .stroke();
    }
    row.cells.forEach((pieces, i) => {
      const family = families[i] ?? "jp";
      let cy = y;
      for (const piece of pieces) {
        const s = use(pieceFamily(family, piece), piece.style);
        doc.text(piece.text, columnX[i], cy, { width: columnWidth, lineGap: s.lineGap });
        cy += doc.heightOfString(piece.text, { width: columnWidth, lineGap: s.lineGap }) + pieceGap;
      }
    });
    y += height + (row.gapAfter ?? 6);
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing below the bottom margin would make pdfkit open a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0;
    use("jp", "small");
    doc.text(document.footer(i + 1, range.count), page.marginX, page.height - 36, {
      width: contentWidth,
      align: "center",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
