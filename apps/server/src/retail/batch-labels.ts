import { renderPackageLabels } from "@jitsumei/documents";
import { labelInstructions } from "@jitsumei/domain";
import QRCode from "qrcode";
import type { BatchWithCodes } from "./batch-packages.ts";

/**
 * The batch's printable label sheet. Each QR code carries the registration link exactly (error
 * correction M, as the eSIM QR codes in issuance/esim-qr.ts), so a phone's camera opens the
 * registration page with the code filled in.
 */
export function batchLabelsPdf(batch: BatchWithCodes): Promise<Buffer> {
  return renderPackageLabels({
    batchId: batch.batchId,
    planName: { ja: batch.planName.ja, en: batch.planName.en, "zh-Hans": batch.planName["zh-Hans"] },
    channel: batch.channel,
    instructions: labelInstructions,
    date: batch.createdAt,
    labels: batch.packages.map((p) => {
      const { modules } = QRCode.create(p.link, { errorCorrectionLevel: "M" });
      return {
        serial: p.serial,
        code: p.code,
        link: p.link,
        qr: { size: modules.size, isDark: (row: number, column: number) => Boolean(modules.get(row, column)) },
      };
    }),
  });
}
