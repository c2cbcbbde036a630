import { interpolate, type Language, type Translations } from "@jitsumei/domain";
import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Queryable } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { releaseLine } from "../inventory/release-line.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { queueMail } from "../mail/outbox.ts";
import { japanDate } from "../notifications/notification-texts.ts";
import { refundChargesOnCancel } from "../payments/refund-charges.ts";
import { markContractEndedIn } from "../records/retention.ts";
import { findIdentityIndex, hasVerificationRecord } from "./lines-repository.ts";
import { lineActor, liveLineOf, transitionLine } from "./transition-line.ts";

/**
 * Why a line ended; the codes go to the audit trail and the subscription (never free text).
 * `validity_expired`: a prepaid line nobody topped up, ended by the keep-alive sweep (保号).
 * `ported_out`: the number left with its subscriber for another operator (MNP転出).
 */
export const terminationReasons = [
  "subscriber_request",
  "nonpayment",
  "fraud",
  "operator_decision",
  "validity_expired",
  "ported_out",
] as const;
export type TerminationReason = (typeof terminationReasons)[number];

export type EndedLine = {
  subscriptionId: string;
  reference: string;
  msisdn: string;
  endedAt: string;
  identityIndex: Buffer | null;
  refundsQueued: number;
  purgeAfter: string | null;
};

/**
 * Ends a line (解約), in the caller's transaction: off the network first (the number must stop
 * working and be free for its next holder after quarantine), the subscription ended with its reason,
 * the number into quarantine, any deposit refunded (by the refund job, after commit), and the
 * verification record's retention clock started (3 years under the Act, then purge). Audited.
 */
export async function terminateLineIn(
  tx: Queryable,
  deps: { provisioning: Provisioning; quarantineDays: number; keys: KeyManagement; mailFrom: string },
  input: { applicationId: string; reason: TerminationReason; actor: string; at: Date },
): Promise<EndedLine> {
  const lineId = await liveLineOf(tx, input.applicationId);
  if (!lineId)
    throw new AppError("subscription_not_active", "The line is not active: it has ended already, or never started");
  let refundsQueued = 0;
  let purgeAfter: string | null = null;
  const { line } = await transitionLine(tx, lineId, "terminate", lineActor(input.actor), {
    at: input.at,
    endReason: input.reason,
    data: { reason: input.reason },
    async within(live) {
      await deps.provisioning.deactivate({ networkRef: live.networkRef, msisdn: live.msisdn }, tx);
      await releaseLine(tx, input.applicationId, { now: input.at, quarantineDays: deps.quarantineDays });
      refundsQueued = (await refundChargesOnCancel(tx, input.applicationId, ["deposit"])).length;
      if (await hasVerificationRecord(tx, input.applicationId)) {
        purgeAfter = (await markContractEndedIn(tx, live.reference, input.at, input.actor)).purgeAfter;
      }
      return { refundsQueued };
    },
  });
  // The subscriber hears it in writing, in their language: the number, the day, a refund under way.
  const application = await findApplicationById(tx, input.applicationId);
  if (application && !application.purgedAt) {
    const { contact } = await loadApplicantDetails(deps.keys, application);
    const language = application.language as Language;
    const refund = refundsQueued > 0 ? `\n\n${endedTexts.refund[language]}` : "";
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: application.id,
      template: "line_ended",
      to: contact.email,
      from: deps.mailFrom,
      // The mark the other mails put first: 【Jitsumei】 in Japanese, [Jitsumei] elsewhere.
      subject: `${language === "ja" ? "【Jitsumei】" : "[Jitsumei] "}${interpolate(endedTexts.subject[language], { msisdn: line.msisdn })}`,
      // A number that moved to another operator (MNP) still works there: only its contract here ended.
      text: `${interpolate((input.reason === "ported_out" ? endedTexts.portedOut : endedTexts.body)[language], {
        msisdn: line.msisdn,
        date: japanDate(input.at, language),
      })}${refund}`,
    });
  }
  return {
    subscriptionId: line.id,
    reference: line.reference,
    msisdn: line.msisdn,
    endedAt: input.at.toISOString(),
    identityIndex: await identityIndexOf(tx, input.applicationId),
    refundsQueued,
    purgeAfter,
  };
}

async function identityIndexOf(tx: Queryable, applicationId: string): Promise<Buffer | null> {
  return findIdentityIndex(tx, applicationId);
}

const endedTexts: Record<"subject" | "body" | "portedOut" | "refund", Translations> = {
  subject: {
    ja: "{msisdn} の回線のご契約が終了しました",
    en: "Your line {msisdn} has ended",
    "zh-Hans": "线路 {msisdn} 的合同已终止",
    "zh-Hant": "線路 {msisdn} 的合約已終止",
    ko: "{msisdn} 회선의 계약이 종료되었습니다",
    vi: "Thuê bao {msisdn} của bạn đã chấm dứt",
  },
  body: {
    ja: "{msisdn} の回線のご契約は {date} に終了しました。この番号での通話・通信はできなくなりました。これまでのご利用ありがとうございました。",
    en: "The contract for your line {msisdn} ended on {date}. Calls and data on this number have stopped. Thank you for using it.",
    "zh-Hans": "您的线路 {msisdn} 的合同已于 {date} 终止，该号码已无法通话和上网。感谢您的使用。",
    "zh-Hant": "您的線路 {msisdn} 的合約已於 {date} 終止，該號碼已無法通話與上網。感謝您的使用。",
    ko: "{msisdn} 회선의 계약이 {date}에 종료되었습니다. 이 번호로는 더 이상 통화와 데이터를 이용할 수 없습니다. 그동안 이용해 주셔서 감사합니다.",
    vi: "Hợp đồng thuê bao {msisdn} của bạn đã chấm dứt vào ngày {date}. Số này không còn gọi và dùng dữ liệu được nữa. Cảm ơn bạn đã sử dụng.",
  },
  portedOut: {
    ja: "{msisdn} の回線の当社でのご契約は {date} に終了しました。番号はお客さまと一緒に新しい事業者へ移りました（MNP）。この番号での通話・通信は、これからは新しい事業者の回線で行えます。これまでのご利用ありがとうございました。",
    en: "The contract for your line {msisdn} with us ended on {date}: the number moved with you to your new operator (number portability). Calls and data on it now go through your new operator. Thank you for using our service.",
    "zh-Hans":
      "您的线路 {msisdn} 在本公司的合同已于 {date} 终止：该号码已随您转至新的运营商（携号转网）。今后该号码的通话和上网由新的运营商提供。感谢您的使用。",
    "zh-Hant":
      "您的線路 {msisdn} 在本公司的合約已於 {date} 終止：該號碼已隨您轉至新的電信業者（攜碼轉移）。今後該號碼的通話與上網由新的電信業者提供。感謝您的使用。",
    ko: "{msisdn} 회선의 당사 계약이 {date}에 종료되었습니다. 번호는 고객님과 함께 새 통신사로 이동했습니다(번호이동). 이 번호의 통화와 데이터는 이제 새 통신사를 통해 이용하실 수 있습니다. 그동안 이용해 주셔서 감사합니다.",
    vi: "Hợp đồng thuê bao {msisdn} của bạn với chúng tôi đã chấm dứt vào ngày {date}: số đã chuyển cùng bạn sang nhà mạng mới (chuyển mạng giữ số). Từ nay, cuộc gọi và dữ liệu trên số này đi qua nhà mạng mới. Cảm ơn bạn đã sử dụng dịch vụ.",
  },
  refund: {
    ja: "お預かりしていた預託金は、お支払いに使われた方法で返金します。",
    en: "The deposit you paid is being refunded to the way you paid it.",
    "zh-Hans": "您支付的押金将退回至原付款方式。",
    "zh-Hant": "您支付的押金將退回至原付款方式。",
    ko: "맡기신 보증금은 결제하신 방법으로 환불해 드립니다.",
    vi: "Khoản đặt cọc bạn đã trả đang được hoàn lại theo cách bạn đã thanh toán.",
  },
};
