/**
 * The identity documents an applicant may show. A module of its own, without zod, so that the
 * applicant site can import the list (`@jitsumei/domain/document-types`) without the schemas.
 */
export const documentTypes = [
  "passport",
  "residence_card", // 在留カード
  "special_permanent_resident_certificate", // 特別永住者証明書
  "my_number_card", // マイナンバーカード: the card, never its 12-digit number
  "drivers_licence", // 運転免許証
] as const;
export type DocumentType = (typeof documentTypes)[number];
