import { describe, expect, it } from "vitest";
import { activationCodeParts, appleEsimSetupLink, esimDeviceOf } from "./esim-install.ts";

const iphoneSafari =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const iphoneChrome =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1";
const pixel =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
const linux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";

describe("activationCodeParts", () => {
  it("splits an SGP.22 activation code into the SM-DP+ address and the matching ID", () => {
    expect(activationCodeParts("LPA:1$smdp.example.jp$K2-ABC-123")).toEqual({
      smdpAddress: "smdp.example.jp",
      matchingId: "K2-ABC-123",
      confirmationCodeRequired: false,
    });
  });
  it("sees the flag that asks for a confirmation code (empty OID, then 1)", () => {
    expect(activationCodeParts("LPA:1$smdp.example.jp$K2-ABC-123$$1")).toEqual({
      smdpAddress: "smdp.example.jp",
      matchingId: "K2-ABC-123",
      confirmationCodeRequired: true,
    });
  });
  it("gives nothing for what is not an SGP.22 code", () => {
    expect(activationCodeParts("1$smdp.example.jp$X")).toBeNull();
    expect(activationCodeParts("LPA:2$smdp.example.jp$X")).toBeNull();
    expect(activationCodeParts("LPA:1$$X")).toBeNull();
  });
});

describe("appleEsimSetupLink", () => {
  it("carries the whole activation code, URL-encoded, and decodes back to it", () => {
    const code = "LPA:1$smdp.example.jp$K2-ABC+123$$1";
    const link = new URL(appleEsimSetupLink(code));
    expect(link.origin + link.pathname).toBe("https://esimsetup.apple.com/esim_qrcode_provisioning");
    expect(link.search).toBe(`?carddata=${encodeURIComponent(code)}`);
    expect(link.searchParams.get("carddata")).toBe(code);
  });
});

describe("esimDeviceOf", () => {
  it("tells iOS Safari from other iOS browsers, other phones and desktops", () => {
    expect(esimDeviceOf(iphoneSafari)).toBe("iosSafari");
    expect(esimDeviceOf(iphoneChrome)).toBe("phone");
    expect(esimDeviceOf(pixel)).toBe("phone");
    expect(esimDeviceOf(linux)).toBe("desktop");
  });
});
