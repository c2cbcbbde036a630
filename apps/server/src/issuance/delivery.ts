import { randomInt } from "node:crypto";

/**
 * The delivery port: hands a parcel to a carrier and returns its tracking number. A real adapter
 * for Japan Post books 特定事項伝達型本人限定受取郵便 or 書留 (転送不要) through its business API and
 * reports delivered / returned through the carrier's tracking feed, which reaches
 * `recordShipmentEvent`. The local simulator makes Japan Post-style 11-digit numbers with a check
 * digit; tests and staff report the carrier's events through the staff API.
 */
export type ShipmentMethod = "restricted_delivery" | "registered_non_forwardable";

export type Delivery = {
  readonly carrier: string;
  book(request: { shipmentId: string; method: ShipmentMethod }): Promise<{ trackingNumber: string }>;
};

export function localPostSimulator(): Delivery {
  return {
    carrier: "japan-post-simulator",
    async book() {
      const body = Array.from({ length: 10 }, () => randomInt(10)).join("");
      return { trackingNumber: `${body}${mod7Check(body)}` };
    },
  };
}

/** Japan Post's tracking numbers end in the remainder of the body divided by 7. */
export function mod7Check(body: string): number {
  return Number(BigInt(body) % 7n);
}

/**
 * The carrier's public tracking page for a parcel, from the configured template (SHIPMENT_TRACKING_URL):
 * Japan Post's pages come in Japanese and English, so every language but Japanese gets English.
 */
export function trackingUrlFor(template: string, trackingNumber: string, language: string): string {
  return template
    .replaceAll("{trackingNumber}", encodeURIComponent(trackingNumber))
    .replaceAll("{locale}", language === "ja" ? "ja" : "en");
}
