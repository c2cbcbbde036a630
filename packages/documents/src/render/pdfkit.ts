import { createRequire } from "node:module";
import type PDFDocument from "pdfkit";

let loaded: typeof PDFDocument | null = null;

/**
 * pdfkit, loaded with the first document made rather than when the server starts: it and the font
 * code it brings are about 16 MiB of a server's resident memory, and a server may run for days
 * without making a PDF (a prepaid journey makes none).
 */
export function pdfkit(): typeof PDFDocument {
  loaded ??= createRequire(import.meta.url)("pdfkit") as typeof PDFDocument;
  return loaded;
}
