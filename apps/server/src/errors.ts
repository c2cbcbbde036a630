/**
 * Every error the API can answer with: a stable code, its HTTP status and a title. Actions throw
 * AppError with a code from here; only the HTTP layer turns it into problem+json.
 */
export const errorCodes = {
  validation_failed: { status: 422, title: "Some fields are not valid" },
  malformed_request: { status: 400, title: "The request could not be read" },
  payload_too_large: { status: 413, title: "The request body is too large" },
  headers_too_large: { status: 431, title: "The request headers are too large" },
  request_timeout: { status: 408, title: "The request took too long to arrive" },
  unsupported_media_type: { status: 415, title: "The request body must be JSON" },
  authentication_required: { status: 401, title: "Authentication is required" },
  login_failed: { status: 401, title: "The e-mail, password or one-time code is not correct" },
  forbidden: { status: 403, title: "Your role does not allow this" },
  csrf_failed: { status: 403, title: "The request did not carry this session's CSRF token" },
  password_change_required: { status: 403, title: "Choose a new password before anything else" },
  rate_limited: { status: 429, title: "Too many requests" },
  too_many_in_review: { status: 409, title: "This document already has applications waiting for a decision" },
  specimen_document: { status: 422, title: "A specimen document is not anyone's identity document" },
  staff_exists: { status: 409, title: "A staff account with this e-mail already exists" },
  claimed_by_another: { status: 409, title: "Another reviewer is working on this case" },
  claim_required: { status: 409, title: "Claim the case before deciding it" },
  own_override: { status: 403, title: "An override needs a second senior reviewer" },
  verification_incomplete: {
    status: 409,
    title: "No verification method the law allows is complete: ask the applicant for what is missing",
  },
  payment_declined: { status: 402, title: "The card was declined" },
  payment_failed: { status: 502, title: "The payment could not be completed" },
  payment_timeout: { status: 504, title: "The payment service did not answer in time" },
  payment_signature_invalid: { status: 401, title: "The notification's signature is not valid" },
  credit_not_applicable: { status: 409, title: "Only a postpaid application has a credit assessment" },
  consent_required: { status: 409, title: "Consent to the credit check comes first" },
  credit_policy_missing: { status: 503, title: "No credit policy is in force: postpaid applications wait" },
  consent_text_outdated: { status: 409, title: "The consent text was replaced: read the current one" },
  terms_outdated: { status: 409, title: "The terms or the privacy notice were replaced: read the current ones" },
  payment_method_refused: { status: 422, title: "The payment method could not be confirmed" },
  credit_assessment_needed: { status: 409, title: "The credit assessment has not been made" },
  subscription_not_active: { status: 409, title: "The line is not active" },
  holder_change_pending: { status: 409, title: "A change of the same kind is already waiting for a decision" },
  holder_change_decided: { status: 409, title: "This change has already been decided" },
  transfer_pending: { status: 409, title: "A transfer of this line is already under way" },
  deposit_not_due: { status: 409, title: "No deposit is due for this application now" },
  payment_not_due: { status: 409, title: "Nothing is owed for this application's plan now" },
  registration_code_invalid: { status: 422, title: "The registration code is not valid" },
  package_already_registered: { status: 409, title: "This package's code has already been used" },
  package_void: { status: 409, title: "This package was withdrawn and cannot be used" },
  package_step_not_allowed: { status: 409, title: "The package cannot take that step now" },
  stock_insufficient: { status: 409, title: "There is not enough SIM stock for that" },
  voucher_code_invalid: { status: 422, title: "The voucher code is not valid" },
  voucher_already_redeemed: { status: 409, title: "This voucher has already been used" },
  top_up_not_possible: { status: 409, title: "This line cannot be topped up" },
  reverification_not_requested: { status: 409, title: "Nobody asked for this line to be verified again" },
  reverification_failed: { status: 422, title: "The identity could not be verified again" },
  deletion_request_decided: { status: 409, title: "This deletion request has been decided already" },
  refund_transfer_recorded: { status: 409, title: "This refund by bank transfer was already recorded as paid" },
  not_implemented: { status: 501, title: "Not available yet" },
  mnp_not_voice: { status: 409, title: "Only a plan with voice can keep a number" },
  mnp_not_possible_now: {
    status: 409,
    title: "The number to keep can no longer be changed: a SIM is already on its way",
  },
  mnp_reservation_unknown: { status: 422, title: "The current operator does not know this reservation number" },
  mnp_reservation_expired: { status: 422, title: "The MNP reservation number has expired" },
  mnp_reservation_not_issued: { status: 409, title: "The line has no valid MNP reservation number to cancel" },
  mnp_reservation_too_few_days: { status: 422, title: "Too few days are left on the MNP reservation number" },
  mnp_holder_mismatch: { status: 422, title: "The holder at the current operator is not the verified applicant" },
  mnp_line_in_arrears: { status: 409, title: "The current operator will not release the number: bills are unpaid" },
  mnp_already_ported: { status: 409, title: "The number has already moved, or is moving" },
  mnp_one_stop_code_invalid: { status: 422, title: "The one-stop code is not valid, has expired or was used" },
  mnp_one_stop_invalid: { status: 422, title: "The answer from the current operator is not valid or was used" },
  mnp_switch_over_failed: { status: 409, title: "The number could not be switched over: the old line still works" },
  activation_failed: {
    status: 409,
    title: "The line could not be switched on: it was given back, and a new one is being prepared",
  },
  mnp_switch_over_not_yet: { status: 409, title: "The switch-over is scheduled for later" },
  mnp_port_in_missing: { status: 409, title: "No number to keep was given for this application" },
  reauthentication_required: { status: 401, title: "Sign in again to confirm it is you" },
  contract_changed: { status: 409, title: "The documents are not the ones issued" },
  correction_unchanged: { status: 422, title: "Nothing was changed since the correction was requested" },
  application_not_found: { status: 404, title: "Application not found" },
  application_purged: { status: 410, title: "The application's personal data was destroyed when its retention ended" },
  not_found: { status: 404, title: "Not found" },
  sign_in_code_invalid: { status: 422, title: "The sign-in code is not correct, was used already or has expired" },
  handoff_invalid: { status: 404, title: "The hand-off code is not valid" },
  handoff_used: { status: 410, title: "The hand-off code was used already" },
  handoff_expired: { status: 410, title: "The hand-off code has expired" },
  plan_not_found: { status: 422, title: "Unknown plan" },
  application_not_editable: { status: 409, title: "The application can no longer be changed" },
  application_incomplete: { status: 422, title: "The application is not complete" },
  application_changed: { status: 409, title: "The application changed during the request" },
  transition_not_allowed: { status: 409, title: "That step is not possible in the application's current state" },
  status_step_not_allowed: { status: 409, title: "That step is not possible in its current status" },
  line_transition_not_allowed: { status: 409, title: "That step is not possible in the line's current state" },
  digital_auth_unavailable: { status: 409, title: "Signing with the Digital Authentication App is not offered here" },
  digital_auth_failed: { status: 502, title: "The Digital Authentication App service did not answer as expected" },
  evidence_invalid: { status: 422, title: "The evidence could not be accepted" },
  liveness_challenge_not_found: { status: 404, title: "No such liveness challenge for this application" },
  liveness_challenge_expired: { status: 410, title: "The liveness challenge has expired: ask for a new one" },
  liveness_challenge_used: { status: 409, title: "The liveness challenge was already answered: ask for a new one" },
  activation_not_ready: { status: 409, title: "The line cannot be activated yet" },
  activation_code_invalid: { status: 422, title: "The activation code is not correct" },
  activation_code_expired: { status: 422, title: "The activation code has expired" },
  activation_locked: { status: 423, title: "Activation is locked after too many wrong codes" },
  activation_not_locked: { status: 409, title: "Activation is not locked" },
  idempotency_key_invalid: { status: 400, title: "The Idempotency-Key header is not valid" },
  idempotency_key_reused: { status: 422, title: "The Idempotency-Key was already used with another request" },
  idempotency_in_progress: { status: 409, title: "A request with this Idempotency-Key is still being processed" },
  database_unavailable: { status: 503, title: "The service is temporarily unavailable" },
  password_work_busy: { status: 503, title: "Too many sign-ins at once: try again in a moment" },
  timestamp_unavailable: { status: 503, title: "The contract cannot be sealed just now: try again shortly" },
  internal_error: { status: 500, title: "Something went wrong on our side" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export type FieldError = { field: string; reason: string; code?: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: readonly FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  static validation(errors: readonly FieldError[]): AppError {
    const first = errors[0];
    const detail = first ? `${first.field}: ${first.reason}` : "invalid request";
    return new AppError("validation_failed", errors.length > 1 ? `${detail} (and ${errors.length - 1} more)` : detail, {
      errors,
    });
  }
}
