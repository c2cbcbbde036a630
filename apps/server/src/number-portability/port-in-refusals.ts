import {
  addDays,
  interpolate,
  type Language,
  type PortInRefusalCode,
  portInRefusalTexts,
  RESERVATION_VALID_DAYS,
  todayInJapan,
} from "@jitsumei/domain";
import { AppError, type FieldError } from "../errors.ts";
import type { PortingRefusal } from "./number-portability.ts";

/**
 * A refused port-in as the API answers it: the stable code, the field it is about, and
 * `explanation`, the reason and the next step in the applicant's language (the site shows it as it is,
 * the mail says the same).
 */
export function portInRefusal(
  code: PortInRefusalCode,
  input: { language: Language; message: string; errors?: FieldError[]; params?: Record<string, string | number> },
): AppError {
  const params = input.params ?? {};
  return new AppError(code, input.message, {
    ...params,
    ...(input.errors ? { errors: input.errors } : {}),
    explanation: interpolate(portInRefusalTexts[code][input.language], params),
  });
}

/** The porting-out operator's refusal, in our codes. */
export function fromPortingRefusal(
  refusal: PortingRefusal,
  input: { language: Language; now: Date; minDaysLeft: number; expiresOn?: string },
): AppError {
  const applyAgainBy = addDays(todayInJapan(input.now), Math.max(0, RESERVATION_VALID_DAYS - input.minDaysLeft));
  const language = input.language;
  switch (refusal.code) {
    case "reservation_unknown":
      return portInRefusal("mnp_reservation_unknown", {
        language,
        message: "The current operator knows no such reservation number for this phone number",
        errors: [{ field: "reservationNumber", reason: "is not known for this phone number" }],
      });
    case "reservation_expired":
      return portInRefusal("mnp_reservation_expired", {
        language,
        message: "The reservation number has expired: ask the current operator for a new one",
        errors: [{ field: "reservationNumber", reason: "has expired" }],
        params: { applyAgainBy },
      });
    case "line_in_arrears":
      return portInRefusal("mnp_line_in_arrears", {
        language,
        message: "The current operator will not release the number while bills are unpaid",
        errors: [{ field: "msisdn", reason: "has unpaid bills at the current operator" }],
      });
    case "already_ported":
      return portInRefusal("mnp_already_ported", {
        language,
        message: "The number has already moved to another operator, or is moving",
        errors: [{ field: "msisdn", reason: "has already moved" }],
      });
    case "one_stop_code_invalid":
      return new AppError("mnp_one_stop_invalid", "The one-stop answer is not valid or was used: start again", {
        errors: [{ field: "code", reason: "is not valid or was used" }],
      });
    case "switch_over_refused":
      return portInRefusal("mnp_switch_over_failed", {
        language,
        message: "The MNP system refused the switch-over: the old line still works",
        params: { expiresOn: input.expiresOn ?? "" },
      });
  }
}
