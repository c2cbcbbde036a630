import type { DonorReservation, NumberPortability } from "./number-portability.ts";
import { PortingRefusal } from "./number-portability.ts";

/**
 * The number-portability port towards another operator that runs Jitsumei (or speaks its one-stop
 * port-out protocol, docs/number-portability.md): its customer is sent to its page
 * (`/port-out/one-stop`), confirms there after signing in, and comes back with a code, which this
 * adapter redeems server to server with our credential; the switch-over is reported to it the same
 * way, and a reservation number is looked up there too (a two-stop number given by hand, and the
 * one-stop one again before the switch-over). We must be registered there as a recipient (id, return
 * address, credential's SHA-256).
 */
export function jitsumeiPortingOperator(options: {
  /** The porting-out operator's site, e.g. https://shop.example.jp */
  donorUrl: string;
  /** Our id in its recipients file. */
  recipientId: string;
  /** Our credential there (it keeps only the SHA-256). */
  credential: string;
}): NumberPortability {
  const base = options.donorUrl.replace(/\/$/, "");
  async function call(path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${options.credential}`, ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    return { status: response.status, json };
  }
  const unexpected = (what: string, answer: { status: number; json: Record<string, unknown> }) =>
    new Error(`the porting-out operator answered ${what} with ${answer.status} ${String(answer.json.code ?? "")}`);
  return {
    kind: "mnp-system",

    async lookUpReservation({ msisdn, reservationNumber }) {
      const answer = await call("/v1/port-out/look-up", { msisdn, reservationNumber });
      if (answer.status === 200) return reservationOf(answer.json);
      throw refusalOf(answer) ?? unexpected("the look-up", answer);
    },
    oneStopUrl({ msisdn, state, returnUrl }) {
      const query = new URLSearchParams({ recipient: options.recipientId, msisdn, state, return: returnUrl });
      return `${base}/port-out/one-stop?${query}`;
    },
    async redeemOneStop({ code }): Promise<DonorReservation> {
      const answer = await call("/v1/port-out/one-stop/redeem", { code });
      if (answer.status === 422 && answer.json.code === "mnp_one_stop_code_invalid") {
        throw new PortingRefusal("one_stop_code_invalid", "The one-stop code is not valid, has expired or was used");
      }
      if (answer.status !== 200) throw unexpected("the code", answer);
      return reservationOf(answer.json);
    },
    async switchOver({ requestKey, msisdn, reservationNumber }) {
      const answer = await call(
        "/v1/port-out/switch-over",
        { msisdn, reservationNumber },
        { "idempotency-key": requestKey },
      );
      if (answer.status === 200) return { portRef: String(answer.json.portRef) };
      const refusal = refusalOf(answer);
      if (refusal) throw refusal;
      if (answer.status >= 400 && answer.status < 500) {
        throw new PortingRefusal("switch_over_refused", `The operator refused the switch-over (${answer.status})`);
      }
      throw unexpected("the switch-over", answer);
    },
  };
}

function reservationOf(json: Record<string, unknown>): DonorReservation {
  const j = json as {
    msisdn: string;
    reservationNumber: string;
    expiresOn: string;
    donor: string;
    holder: { name: string; kana?: string; birthDate: string };
  };
  return {
    msisdn: j.msisdn,
    reservationNumber: j.reservationNumber,
    expiresOn: j.expiresOn,
    donor: j.donor,
    holder: { name: j.holder.name, ...(j.holder.kana ? { kana: j.holder.kana } : {}), birthDate: j.holder.birthDate },
  };
}

/** The porting-out operator's refusals of a reservation number, as the port's codes. */
function refusalOf(answer: { status: number; json: Record<string, unknown> }): PortingRefusal | null {
  if (answer.status !== 422) return null;
  if (answer.json.code === "mnp_reservation_expired") {
    return new PortingRefusal("reservation_expired", "The reservation number is no longer valid at the operator");
  }
  if (answer.json.code === "mnp_reservation_unknown") {
    return new PortingRefusal("reservation_unknown", "The operator does not know this reservation number");
  }
  return null;
}
