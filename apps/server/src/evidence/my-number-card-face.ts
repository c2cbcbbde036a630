import { type CardFaceParticulars, particularsOf, ReaderError } from "@jitsumei/reader";

/**
 * The My Number card's card-face particulars (券面事項入力補助AP, EF 0002) read at a counter. The card's
 * own signature covers them and the SHA-256 of the My Number (DF31), a hash anyone can reverse by trying
 * the 10^11 well-formed numbers: it goes nowhere, so the server cannot check that signature and keeps the
 * counter program's verdict as its report, labelled so. What the server does check: the bytes are a
 * particulars file (FF20 with a name, an address, a YYYYMMDD birth date and an ISO/IEC 5218 sex) and
 * hold nothing else; the particulars it keeps are those it parsed itself, not the client's words.
 */
export type CardFaceEvidence = {
  kind: "my_number_card_face";
  /** EF 0002 as read, base64. */
  particularsFile: string;
  particulars: CardFaceParticulars;
  /** The card's signature as the counter program reported it (the server cannot verify it, see above). */
  cardSignature: { reportedBy: "counter_reader"; result: "valid" | "invalid" };
};

export type CardFaceProblem = { field: "particulars"; reason: string };

export function examineCardFace(
  file: Buffer,
  cardSignature: "valid" | "invalid",
): { ok: true; stored: CardFaceEvidence } | { ok: false; problem: CardFaceProblem } {
  let particulars: CardFaceParticulars;
  try {
    particulars = particularsOf(file);
  } catch (error) {
    const reason = error instanceof ReaderError ? error.message : "not a card-face particulars file";
    return { ok: false, problem: { field: "particulars", reason } };
  }
  return {
    ok: true,
    stored: {
      kind: "my_number_card_face",
      particularsFile: file.toString("base64"),
      particulars,
      cardSignature: { reportedBy: "counter_reader", result: cardSignature },
    },
  };
}
