/** The API's codes the console has a label for; an unknown code is shown as it is. */
export const caseTags = ["escalated", "override_pending", "correction_returned", "failed_checks", "overdue"] as const;
export const queueStateFilters = ["in_review", "override_pending", "correction_requested"] as const;
export const rejectReasons = [
  "document_invalid",
  "identity_mismatch",
  "document_unreadable",
  "fraud_suspected",
  "not_eligible",
  "duplicate_application",
  "line_limit_reached",
  "correction_not_made",
  "other",
] as const;
export const correctableFields = [
  "name",
  "name.kanji",
  "name.kana",
  "birthDate",
  "nationality",
  "sex",
  "address",
  "document.type",
  "document.number",
  "document.expiryDate",
  "document.issuingCountry",
  "contact.email",
  "contact.phone",
  "evidence.mrz",
  "evidence.image",
  "evidence.selfie",
  "evidence.chip",
  "evidence.jpki",
] as const;
