/**
 * The counter program's own small API (`jitsumei counter-reader`, loopback only, 127.0.0.1:47900): what the
 * console sends it and what it answers. The server's program (apps/server/src/counter-reader/) and the
 * console's panel (apps/console/src/counter/CounterReader.tsx) both take these types from here, so neither
 * copies the other. Errors are RFC 9457 problems (`CounterReaderProblem`).
 */

/** POST /pair: the six digits the console shows and the clerk types at the counter PC. */
export type CounterPairRequest = { code: string };
/** Its answer: the bearer token for POST /read, for this pairing only. */
export type CounterPairAnswer = { token: string };

/** POST /read: what to read, with what that card needs to open. */
export type CounterReadRequest =
  /** `challenge`: the server's Active Authentication challenge (POST …/chip-challenge), 8 bytes in base64. */
  | { document: "passport"; mrz: string[]; challenge?: string }
  /** 在留カード or 特別永住者証明書: the 12-character number printed on its front, typed by the clerk. */
  | { document: "residence_card"; cardNumber: string }
  /** マイナンバーカード, card-face input-support application: the 4-digit PIN the customer types. */
  | { document: "my_number_card"; pin: string };

export type CounterReadDocument = CounterReadRequest["document"];

/** A face image as the chip holds it (base64). */
export type CounterReadFace = { format: "jpeg" | "jpeg2000"; base64: string };

/** POST /read's answer: the chip's files as read, for the server's evidence engine to decide on. */
export type CounterRead =
  | {
      document: "passport";
      accessControl: "BAC" | "PACE";
      sod: string;
      dataGroups: Record<string, string>;
      /** With the challenge and the chip's answer (base64): the server verifies them itself. */
      activeAuthentication?: { passed: boolean; reason?: string; challenge?: string; signature?: string };
      /** Chip Authentication as the counter program ran it: recorded as its report, never as proof. */
      chipAuthentication?: { passed: boolean; reason?: string; protocol?: string };
      face?: CounterReadFace;
    }
  | {
      document: "residence_card";
      generation: 1 | 2;
      cardType: "residence_card" | "special_permanent_resident_certificate" | null;
      /** The signed files as read (base64), for the server's `residence_card_chip` evidence. */
      front: string;
      face: string;
      checkCode: string;
      certificate: string;
      photo?: CounterReadFace;
    }
  | {
      document: "my_number_card";
      /** The card-face particulars: never the My Number, which the library does not read. */
      particulars: { name: string; address: string; birthDate: string; sex: string };
      /** EF 0002 as read (base64), for the server's `my_number_card_face` evidence: no My Number in it. */
      particularsFile: string;
      /** The card's own signature over them, as the program checked it (J-LIS's key signs the card's). */
      signature: { particularsHashMatches: boolean; signatureValid: boolean };
      /** The PIN's tries left before this read. */
      pinRetriesBefore: number | null;
    };

/** Its refusals; a wrong or blocked PIN carries the tries left, shown before the customer types again. */
export type CounterReaderProblem = {
  status: number;
  code: string;
  detail: string;
  field?: string;
  retriesLeft?: number;
};
