/**
 * Installing the eSIM on the phone that shows the status page, where a QR code cannot be scanned
 * (a phone's camera does not read its own screen).
 *
 * The activation code is GSMA SGP.22's `LPA:1$<SM-DP+ address>$<matching ID>[$<OID>[$<flag>]]`
 * (flag `1`: the profile asks for a confirmation code, sent apart). The server builds it in
 * `apps/server/src/inventory/identifiers.ts`. It is the applicant's secret: these functions only
 * reshape it for the page, and nothing here logs it.
 */

export type ActivationCodeParts = {
  smdpAddress: string;
  matchingId: string;
  confirmationCodeRequired: boolean;
};

/** The two values an iPhone's "Enter Details Manually" screen asks for; null when the code is not SGP.22's. */
export function activationCodeParts(code: string): ActivationCodeParts | null {
  if (!code.startsWith("LPA:")) return null;
  const [format, smdpAddress, matchingId = "", , flag] = code.slice("LPA:".length).split("$");
  if (format !== "1" || !smdpAddress) return null;
  return { smdpAddress, matchingId, confirmationCodeRequired: flag === "1" };
}

/**
 * Apple's eSIM setup universal link (iOS 17.4 and later): opened in Safari on an iPhone, it starts
 * the system's "Add eSIM" sheet with the activation code filled in; elsewhere it is a web page.
 * The form is `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=<activation code,
 * URL-encoded>`. Apple gives it to carriers rather than on a public reference page; we use it as
 * carriers' own pages do, and only on iOS Safari, with the manual details beside it for older iOS.
 */
export function appleEsimSetupLink(code: string): string {
  return `https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=${encodeURIComponent(code)}`;
}

export type EsimDevice = "iosSafari" | "phone" | "desktop";

/**
 * What the page is shown on, from the browser's user agent. Safari alone on iOS: other iOS browsers
 * (CriOS, FxiOS, EdgiOS…) and in-app views may not hand the universal link to the system. A phone
 * is any iOS or Android device (or a browser that says Mobile); everything else is a desktop, which
 * keeps the QR code first for the phone beside it.
 */
export function esimDeviceOf(userAgent: string): EsimDevice {
  const ios = /\b(iPhone|iPad|iPod)\b/.test(userAgent);
  if (ios && /\bSafari\//.test(userAgent) && !/\b(CriOS|FxiOS|EdgiOS|OPiOS|GSA|Line)\//.test(userAgent)) {
    return "iosSafari";
  }
  return ios || /\b(Android|Mobile)\b/.test(userAgent) ? "phone" : "desktop";
}
