import type { PortingHolder } from "@jitsumei/domain";

/**
 * The number-portability port: how we, as the recipient operator, reach the porting-out operator
 * (through the carriers' MNP system) for a number an applicant brings.
 *
 * - Two-stop (the classic flow): the applicant got a reservation number (MNP予約番号) from their
 *   operator; `lookUpReservation` asks about it and answers the holder and the last valid day.
 * - One-stop (since 2023): the site sends the applicant to their operator (`oneStopUrl`), who
 *   authenticates them there and sends them back with a one-time `code`; `redeemOneStop` exchanges it
 *   for the same answer.
 * - `switchOver` moves the number: from then on it rings on our SIM and the old line has stopped.
 *
 * Refusals are `PortingRefusal`s with a stable code. A real adapter speaks the MNP system's interface
 * with the operator's credentials, passes `requestKey` as its idempotency key (a retried switch-over
 * must not move a number twice) and maps the answers to these codes. The local simulator
 * (`local-porting-simulator.ts`) plays the porting-out operator.
 */
export type DonorReservation = {
  msisdn: string;
  reservationNumber: string;
  /** The last day it may be used (YYYY-MM-DD). */
  expiresOn: string;
  /** The porting-out operator's name. */
  donor: string;
  holder: PortingHolder;
};

export type PortingRefusalCode =
  | "reservation_unknown"
  | "reservation_expired"
  | "line_in_arrears"
  | "already_ported"
  | "one_stop_code_invalid"
  | "switch_over_refused";

export class PortingRefusal extends Error {
  constructor(
    readonly code: PortingRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "PortingRefusal";
  }
}

export type NumberPortability = {
  readonly kind: "local-simulator" | "mnp-system";
  lookUpReservation(input: { msisdn: string; reservationNumber: string }): Promise<DonorReservation>;
  /** Where to send the applicant's browser for a one-stop port; `state` comes back with the code. */
  oneStopUrl(input: { msisdn: string; state: string; returnUrl: string }): string;
  redeemOneStop(input: { code: string }): Promise<DonorReservation>;
  switchOver(input: {
    requestKey: string;
    msisdn: string;
    reservationNumber: string;
    iccid: string;
  }): Promise<{ portRef: string }>;
};
