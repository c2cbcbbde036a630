/** ICAO 9303's three sizes: TD1 (cards, 3 × 30), TD2 (2 × 36) and TD3 (passports, 2 × 44). */
export type MrzFormat = "TD1" | "TD2" | "TD3";

/** Where each field sits in each ICAO 9303 format (EVIDENCE.md, MRZ). */

/** [line, start, end) */
export type Span = readonly [line: number, start: number, end: number];

export type Layout = {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  documentCode: Span;
  issuingState: Span;
  /** The nine principal characters of the document number. */
  documentNumber: Span;
  documentNumberCheck: Span;
  /** TD1/TD2 optional field, where a long document number continues; TD3 has none. */
  optionalData: Span | null;
  nationality: Span;
  birthDate: Span;
  sex: Span;
  expiryDate: Span;
  name: Span;
  personalNumber: Span | null;
  optionalData2: Span | null;
};

export const layouts: readonly Layout[] = [
  {
    format: "TD1",
    lineCount: 3,
    lineLength: 30,
    documentCode: [0, 0, 2],
    issuingState: [0, 2, 5],
    documentNumber: [0, 5, 14],
    documentNumberCheck: [0, 14, 15],
    optionalData: [0, 15, 30],
    birthDate: [1, 0, 6],
    sex: [1, 7, 8],
    expiryDate: [1, 8, 14],
    nationality: [1, 15, 18],
    optionalData2: [1, 18, 29],
    name: [2, 0, 30],
    personalNumber: null,
  },
  {
    format: "TD2",
    lineCount: 2,
    lineLength: 36,
    documentCode: [0, 0, 2],
    issuingState: [0, 2, 5],
    name: [0, 5, 36],
    documentNumber: [1, 0, 9],
    documentNumberCheck: [1, 9, 10],
    nationality: [1, 10, 13],
    birthDate: [1, 13, 19],
    sex: [1, 20, 21],
    expiryDate: [1, 21, 27],
    optionalData: [1, 28, 35],
    personalNumber: null,
    optionalData2: null,
  },
  {
    format: "TD3",
    lineCount: 2,
    lineLength: 44,
    documentCode: [0, 0, 2],
    issuingState: [0, 2, 5],
    name: [0, 5, 44],
    documentNumber: [1, 0, 9],
    documentNumberCheck: [1, 9, 10],
    nationality: [1, 10, 13],
    birthDate: [1, 13, 19],
    sex: [1, 20, 21],
    expiryDate: [1, 21, 27],
    personalNumber: [1, 28, 42],
    optionalData: null,
    optionalData2: null,
  },
];
