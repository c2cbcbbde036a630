import QRCode from "qrcode";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { findAssignedSim } from "../inventory/assign-sim.ts";

/**
 * The eSIM's QR code: the SGP.22 activation code (`LPA:1$<SM-DP+ address>$<matching ID>`) exactly,
 * nothing added, so a phone's camera (or `zbarimg`) reads back the same string. Error correction M,
 * the level GSMA's eSIM guidance recommends, and a quiet zone of four modules.
 */
const options = { errorCorrectionLevel: "M", margin: 4 } as const;

export async function esimActivationCode(db: Queryable, applicationId: string): Promise<string> {
  const sim = await findAssignedSim(db, applicationId);
  if (!sim) throw new AppError("activation_not_ready", "No SIM or eSIM is assigned to the application yet");
  // Between a re-download's cancel and the new order's confirmation there is no code to scan.
  if (sim.formFactor === "esim" && !sim.activationCode)
    throw new AppError("activation_not_ready", "The new eSIM download is being prepared: try again in a moment");
  if (sim.formFactor !== "esim" || !sim.activationCode) {
    throw new AppError("not_found", "The application's line is a physical SIM: there is no eSIM QR code");
  }
  return sim.activationCode;
}

export function esimQrPng(activationCode: string): Promise<Buffer> {
  return QRCode.toBuffer(activationCode, { ...options, type: "png", width: 480 });
}

export function esimQrSvg(activationCode: string): Promise<string> {
  return QRCode.toString(activationCode, { ...options, type: "svg" });
}
