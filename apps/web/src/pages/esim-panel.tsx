import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { activationCodeParts, appleEsimSetupLink, type EsimDevice, esimDeviceOf } from "../esim-install.ts";
import type { MessageKey } from "../i18n/en.ts";
import { useI18n } from "../i18n/index.tsx";
import { useSiteConfig } from "../site-config.ts";

/**
 * The eSIM, ready to install. On a desktop the QR code comes first, for the phone beside it. On a
 * phone, which cannot scan its own screen: on iOS Safari a button that opens the iPhone's own eSIM
 * setup, then on every phone the values to enter by hand in Settings (each with a copy button), and
 * the QR code last, for another device.
 *
 * Sources for the steps: Apple, "Set up eSIM on iPhone" (https://support.apple.com/en-nz/HT212780:
 * Settings → Mobile Service → Add eSIM → Use QR Code, or enter the details manually); Android's eSIM
 * overview (https://source.android.com/docs/core/connect/esim-overview): the download is the
 * system's LPA, whose screens differ by maker, so typing the code in is the path that works on all.
 */
export function EsimPanel({ code }: { code: string }) {
  const { t } = useI18n();
  const apn = useSiteConfig()?.apn ?? null;
  const device: EsimDevice = esimDeviceOf(navigator.userAgent);
  const onPhone = device !== "desktop";
  const parts = activationCodeParts(code);
  return (
    <section className="card esim" aria-labelledby="esim-title">
      <h2 id="esim-title">{t("esim.title")}</h2>
      {!onPhone && (
        <>
          <p>{t("esim.intro")}</p>
          <EsimQr code={code} />
        </>
      )}
      {onPhone && <p>{t("esim.introPhone")}</p>}
      {device === "iosSafari" && (
        <div className="esim-install-here">
          <a className="button button-primary" href={appleEsimSetupLink(code)}>
            {t("esim.installOnIphone")}
          </a>
          <p className="small muted">{t("esim.installOnIphoneHint")}</p>
        </div>
      )}
      <section aria-labelledby="esim-manual">
        <h3 id="esim-manual">{t("esim.manual")}</h3>
        <ManualDetails code={code} smdpAddress={parts?.smdpAddress} matchingId={parts?.matchingId} />
        {parts?.confirmationCodeRequired && <p>{t("esim.confirmationCode")}</p>}
      </section>
      <div className="two-col">
        <section aria-labelledby="esim-iphone">
          <h3 id="esim-iphone">{t("esim.iphone")}</h3>
          <p>{t("esim.iphoneSteps")}</p>
        </section>
        <section aria-labelledby="esim-android">
          <h3 id="esim-android">{t("esim.android")}</h3>
          <p>{t("esim.androidSteps")}</p>
        </section>
      </div>
      {onPhone && (
        <section aria-labelledby="esim-other-device">
          <h3 id="esim-other-device">{t("esim.otherDevice")}</h3>
          <p>{t("esim.intro")}</p>
          <EsimQr code={code} />
        </section>
      )}
      <p className="small muted">{apn ? t("esim.dataHelp", { apn }) : t("esim.dataHelpNoApn")}</p>
    </section>
  );
}

function EsimQr({ code }: { code: string }) {
  const { t } = useI18n();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(code, { margin: 2, width: 280, errorCorrectionLevel: "M" }).then(setQr, () => setQr(null));
  }, [code]);
  return qr ? <img src={qr} alt={t("esim.qrAlt")} width={280} height={280} className="qr" /> : null;
}

/**
 * The SM-DP+ address and the matching ID apart (what an iPhone's manual entry asks for), and the whole
 * activation code (what Android's manual entry asks for), each with a copy button. One live region
 * says what was copied, seen and read out by screen readers.
 */
function ManualDetails({ code, smdpAddress, matchingId }: { code: string; smdpAddress?: string; matchingId?: string }) {
  const { t } = useI18n();
  const [said, setSaid] = useState<{ text: string; ok: boolean } | null>(null);
  const rows: { key: string; label: MessageKey; value: string }[] = [
    ...(smdpAddress ? [{ key: "smdp", label: "esim.smdpAddress" as const, value: smdpAddress }] : []),
    ...(matchingId ? [{ key: "matching", label: "esim.matchingId" as const, value: matchingId }] : []),
    { key: "full", label: "esim.fullCode", value: code },
  ];
  async function copy(label: MessageKey, value: string) {
    try {
      await navigator.clipboard.writeText(value);
      setSaid({ text: t("esim.copied", { what: t(label) }), ok: true });
    } catch {
      setSaid({ text: t("esim.copyFailed"), ok: false });
    }
  }
  return (
    <>
      <dl className="esim-values">
        {rows.map((row) => (
          <div key={row.key}>
            <dt id={`esim-value-${row.key}`}>{t(row.label)}</dt>
            <dd>
              <span className="mono code-box" lang="en" data-esim-value={row.key}>
                {row.value}
              </span>
              <button
                type="button"
                className="button button-secondary copy-button"
                aria-label={t("esim.copyLabel", { what: t(row.label) })}
                onClick={() => copy(row.label, row.value)}
              >
                {t("esim.copy")}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <p className={`small copy-status${said?.ok ? " ok" : ""}`} role="status">
        {said?.text}
      </p>
    </>
  );
}
