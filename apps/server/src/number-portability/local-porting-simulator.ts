import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { type PortingHolder, reservationExpiresOn, todayInJapan } from "@jitsumei/domain";
import { type DonorReservation, type NumberPortability, PortingRefusal } from "./number-portability.ts";

/** The simulated porting-out operator's name, as the MNP system would name it. */
export const SIMULATED_DONOR = "Simulated Mobile (MNP simulator)";

export type SimulatedLine = {
  msisdn: string;
  holder: PortingHolder;
  /** Unpaid bills: the operator refuses to release the number. */
  inArrears?: boolean;
  /** The number already left (or is leaving) for another operator. */
  portedAway?: boolean;
  /** The switch-over is refused at the last step (the MNP system is down, the number was barred…). */
  failSwitchOver?: boolean;
};

export type LocalPortingSimulator = NumberPortability & {
  /** Opens (or replaces) a line at the simulated operator; answers nothing. */
  openLine(line: SimulatedLine): void;
  /** The operator issues a reservation number for a line it holds (two-stop), dated `issuedOn` (default today). */
  issueReservation(msisdn: string, issuedOn?: string): { reservationNumber: string; expiresOn: string };
  /** The one-stop answer: the operator authenticated its subscriber; the code goes back to the recipient. */
  answerOneStop(msisdn: string): { code: string };
  /** Whether the number still rings at the simulated operator (its line not yet switched over). */
  lineIsLive(msisdn: string): boolean;
};

/**
 * The porting-out operator, in memory (one process; it is a development and test stand-in, like the
 * konbini till). Each case the MNP system answers can be set up: a reservation issued, expired
 * (issued more than 15 days ago), a holder of another name, a line in arrears, a number already
 * ported, and a switch-over that fails. Days are Japan's, from the server's clock.
 */
export function localPortingSimulator(options: { clock: () => Date }): LocalPortingSimulator {
  const lines = new Map<string, SimulatedLine>();
  const reservations = new Map<string, { msisdn: string; expiresOn: string }>();
  const oneStopCodes = new Map<string, string>();
  const today = () => todayInJapan(options.clock());

  function answer(reservationNumber: string): DonorReservation {
    const reservation = reservations.get(reservationNumber);
    const line = reservation ? lines.get(reservation.msisdn) : undefined;
    if (!reservation || !line) throw new PortingRefusal("reservation_unknown", "No such reservation number");
    if (line.portedAway) throw new PortingRefusal("already_ported", "The number has left this operator already");
    if (line.inArrears) throw new PortingRefusal("line_in_arrears", "The line has unpaid bills");
    if (reservation.expiresOn < today()) throw new PortingRefusal("reservation_expired", "The reservation has expired");
    return {
      msisdn: line.msisdn,
      reservationNumber,
      expiresOn: reservation.expiresOn,
      donor: SIMULATED_DONOR,
      holder: { ...line.holder },
    };
  }

  function issue(msisdn: string, issuedOn: string) {
    if (!lines.has(msisdn)) throw new Error(`the simulated operator holds no line ${msisdn}`);
    let reservationNumber: string;
    do reservationNumber = String(randomInt(1_000_000_000, 10_000_000_000)).padStart(10, "0");
    while (reservations.has(reservationNumber));
    const expiresOn = reservationExpiresOn(issuedOn);
    reservations.set(reservationNumber, { msisdn, expiresOn });
    return { reservationNumber, expiresOn };
  }

  return {
    kind: "local-simulator",
    async lookUpReservation({ msisdn, reservationNumber }) {
      const found = answer(reservationNumber);
      if (found.msisdn !== msisdn)
        throw new PortingRefusal("reservation_unknown", "The reservation is for another number");
      return found;
    },
    oneStopUrl({ msisdn, state, returnUrl }) {
      const query = new URLSearchParams({ msisdn, state, return: returnUrl });
      return `/dev/mnp/one-stop?${query}`;
    },
    async redeemOneStop({ code }) {
      const reservationNumber = oneStopCodes.get(code);
      if (!reservationNumber) throw new PortingRefusal("one_stop_code_invalid", "The one-stop code is not valid");
      oneStopCodes.delete(code);
      return answer(reservationNumber);
    },
    async switchOver({ msisdn, reservationNumber }) {
      const found = answer(reservationNumber);
      if (found.msisdn !== msisdn)
        throw new PortingRefusal("reservation_unknown", "The reservation is for another number");
      const line = lines.get(msisdn);
      if (line?.failSwitchOver)
        throw new PortingRefusal("switch_over_refused", "The MNP system refused the switch-over");
      if (line) line.portedAway = true;
      reservations.delete(reservationNumber);
      return { portRef: `MNP-${randomUUID()}` };
    },
    openLine(line) {
      lines.set(line.msisdn, { ...line, holder: { ...line.holder } });
    },
    issueReservation(msisdn, issuedOn = today()) {
      return issue(msisdn, issuedOn);
    },
    answerOneStop(msisdn) {
      const line = lines.get(msisdn);
      if (!line) throw new Error(`the simulated operator holds no line ${msisdn}`);
      // The one-stop system issues the reservation behind the scenes; the code stands for it.
      const { reservationNumber } = issue(msisdn, today());
      const code = randomBytes(18).toString("base64url");
      oneStopCodes.set(code, reservationNumber);
      return { code };
    },
    lineIsLive(msisdn) {
      const line = lines.get(msisdn);
      return Boolean(line && !line.portedAway);
    },
  };
}
