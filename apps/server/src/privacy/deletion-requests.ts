import { randomUUID } from "node:crypto";
import {
  type DeletionRequestStatus,
  interpolate,
  type Language,
  nextDeletionRequestStatus,
  type Translations,
} from "@jitsumei/domain";
import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { transitionStatus } from "../lifecycles/transition-status.ts";
import { queueMail } from "../mail/outbox.ts";
import { shredApplicationIn } from "../records/retention.ts";
import { deleteQueuedObjects } from "../storage/delete-queued-objects.ts";
import type { DocumentStorage } from "../storage/document-store.ts";
import type { SubscriberPrincipal } from "../subscribers/subscriber-access.ts";
import {
  type DeletionRequestRow,
  deleteEvidenceOf,
  deleteMailOf,
  insertDeletionRequest,
  lockApplicationsOfIdentity,
  lockDeletionRequest,
  lockOpenDeletionRequest,
  selectApplicationOfLine,
  selectOpenDeletionRequests,
  selectOwnDeletionRequest,
  selectReferenceOfLine,
} from "./privacy-repository.ts";

/** Why something asked to be deleted is kept (codes: the answer and the audit trail hold no free text). */
export type KeptBecause =
  /** A line of the application is in force: the contract needs the data, and the record's clock has not started. */
  | "contract_in_force"
  /** The verification record (本人確認記録) must be kept until its retention ends (3 years after the contract). */
  | "verification_record_retention"
  /** A legal hold (an investigation, a dispute) stops every destruction. */
  | "legal_hold";

export type DeletionOutcome = {
  kept: { reference: string; because: KeptBecause; until: string | null; alsoDeleted: Record<string, number> }[];
  deleted: { reference: string; destroyed: Record<string, number | boolean | null> }[];
};

export type DeletionRequestView = {
  id: string;
  status: DeletionRequestStatus;
  filedAt: string;
  decidedAt: string | null;
  outcome: DeletionOutcome | null;
};

/**
 * A signed-in subscriber asks for their personal data to be deleted (個人情報保護法 第35条). One open
 * request per person: asking again answers the open one. Audited with the request's id only.
 */
export async function fileDeletionRequest(
  deps: { db: Database; clock: () => Date },
  who: SubscriberPrincipal,
): Promise<DeletionRequestView> {
  return deps.db.transaction(async (tx) => {
    const open = await lockOpenDeletionRequest(tx, who.identityIndex);
    if (open) return view(open);
    const id = randomUUID();
    const now = deps.clock();
    await insertDeletionRequest(tx, {
      id,
      subscriptionId: who.subscriptionId,
      identityIndex: who.identityIndex,
      filedAt: now,
    });
    await appendAuditEntry(tx, {
      actor: "subscriber",
      action: "privacy.deletion_requested",
      subject: await referenceOfLine(tx, who.subscriptionId),
      data: { requestId: id },
    });
    return { id, status: "filed", filedAt: now.toISOString(), decidedAt: null, outcome: null };
  });
}

/** One of the person's own requests, with the answer once decided. */
export async function ownDeletionRequest(db: Queryable, who: SubscriberPrincipal, id: string) {
  const request = await selectOwnDeletionRequest(db, id, who.identityIndex);
  if (!request) throw new AppError("not_found", "No such deletion request of yours");
  return view(request);
}

/** The requests compliance has to decide, oldest first (no personal data: ids and dates). */
export async function openDeletionRequests(db: Queryable): Promise<DeletionRequestView[]> {
  return (await selectOpenDeletionRequests(db)).map(view);
}

/**
 * Compliance decides a request, within what the retention duty allows, in one transaction: for each
 * application of the person, a line in force keeps its data (the contract needs it); an ended
 * contract's verification record is kept until its retention ends (or while a legal hold stands), and
 * what the record does not need (evidence, mail) is deleted now; everything else is crypto-shredded
 * (the application's data key destroyed with its evidence and mail). The answer lists which references
 * were kept, why and until when, and which were destroyed; the person is told by mail. Audited per
 * application and for the decision.
 */
export async function decideDeletionRequest(
  deps: { db: Database; keys: KeyManagement; clock: () => Date; mailFrom: string; documents: DocumentStorage },
  input: { id: string; actor: string },
): Promise<DeletionRequestView> {
  const now = deps.clock();
  const decided = await deps.db.transaction(async (tx): Promise<DeletionRequestView> => {
    const request = await lockDeletionRequest(tx, input.id);
    if (!request) throw new AppError("not_found", "No such deletion request");
    if (!nextDeletionRequestStatus(request.status, "decide"))
      throw new AppError("deletion_request_decided", "This request was decided already");
    // Told before anything is destroyed: the address may belong to an application about to be shredded.
    const contactLine = await contactOfLine(tx, deps.keys, request.subscription_id);
    const rows = await lockApplicationsOfIdentity(tx, toBuffer(request.identity_index));
    const outcome: DeletionOutcome = { kept: [], deleted: [] };
    for (const app of rows) {
      const inForce = app.line_status === "active" || app.line_status === "suspended";
      const retained = app.has_record && (app.purge_after === null || new Date(app.purge_after) > now);
      if (inForce || app.legal_hold || retained) {
        const because: KeptBecause = inForce
          ? "contract_in_force"
          : app.legal_hold
            ? "legal_hold"
            : "verification_record_retention";
        // An ended contract's record is self-contained: the evidence and mail behind it are not needed.
        const alsoDeleted: Record<string, number> = {};
        if (because === "verification_record_retention") {
          alsoDeleted.evidence = await deleteEvidenceOf(tx, app.id);
          alsoDeleted.mail = await deleteMailOf(tx, app.id);
        }
        const until = because === "verification_record_retention" && app.purge_after ? iso(app.purge_after) : null;
        outcome.kept.push({ reference: app.reference, because, until, alsoDeleted });
        await appendAuditEntry(tx, {
          actor: input.actor,
          action: "privacy.deletion_kept",
          subject: app.reference,
          data: { requestId: input.id, because, until, alsoDeleted },
        });
        continue;
      }
      const destroyed = await shredApplicationIn(tx, app.id, now);
      outcome.deleted.push({ reference: app.reference, destroyed });
      await appendAuditEntry(tx, {
        actor: input.actor,
        action: "application.purged",
        subject: app.reference,
        data: { rule: "deletion request (個人情報保護法 第35条)", requestId: input.id, destroyed },
      });
    }
    await transitionStatus(tx, "deletion_request", input.id, "decide", input.actor, {
      audit: { action: "privacy.deletion_decided", subject: null },
      set: { decided_at: now, decided_by: input.actor, outcome: JSON.stringify(outcome) },
      data: { requestId: input.id, kept: outcome.kept.length, deleted: outcome.deleted.length },
      at: now,
    });
    if (contactLine) {
      const params = { kept: outcome.kept.length, deleted: outcome.deleted.length };
      await queueMail(tx, deps.keys, {
        language: contactLine.language,
        // The mail belongs to no application: it must outlive a shredded one.
        applicationId: null,
        template: "deletion_decided",
        to: contactLine.email,
        from: deps.mailFrom,
        subject: `[Jitsumei] ${decidedTexts.subject[contactLine.language]}`,
        text: interpolate(decidedTexts.body[contactLine.language], params),
      });
    }
    return { id: input.id, status: "decided", filedAt: iso(request.filed_at), decidedAt: now.toISOString(), outcome };
  });
  // The objects of what was deleted, now that the deletion is committed; what fails stays queued and
  // the periodic sweep retries it, so the decision stands either way.
  await deleteQueuedObjects(deps).catch(() => {});
  return decided;
}

type Row = DeletionRequestRow;

const iso = (d: Date | string) => new Date(d).toISOString();

function view(r: Row): DeletionRequestView {
  const outcome = typeof r.outcome === "string" ? (JSON.parse(r.outcome) as DeletionOutcome) : r.outcome;
  return {
    id: r.id,
    status: r.status,
    filedAt: iso(r.filed_at),
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
    outcome: (outcome as DeletionOutcome | null) ?? null,
  };
}

async function referenceOfLine(db: Queryable, subscriptionId: string): Promise<string | null> {
  return selectReferenceOfLine(db, subscriptionId);
}

async function contactOfLine(db: Queryable, keys: KeyManagement, subscriptionId: string) {
  const applicationId = await selectApplicationOfLine(db, subscriptionId);
  const application = applicationId ? await findApplicationById(db, applicationId) : null;
  if (!application || application.purgedAt) return null;
  const { contact } = await loadApplicantDetails(keys, application);
  return { email: contact.email, language: application.language as Language };
}

const decidedTexts: Record<"subject" | "body", Translations> = {
  subject: {
    ja: "個人情報の削除のご請求への回答",
    en: "Our answer to your request to delete your data",
    "zh-Hans": "关于删除个人信息请求的答复",
    "zh-Hant": "關於刪除個人資料請求的答覆",
    ko: "개인정보 삭제 요청에 대한 답변",
    vi: "Trả lời yêu cầu xóa dữ liệu cá nhân của bạn",
  },
  body: {
    ja: "ご請求に基づき、{deleted} 件のお申し込みの個人情報を削除しました。{kept} 件は、ご契約中であるか、法律（携帯電話不正利用防止法）で本人確認記録の保存が義務付けられているため、保存期間の終了まで保管します。詳細はマイページ（契約者用API）の削除請求の回答をご覧ください。",
    en: "As you asked, the personal data of {deleted} application(s) has been deleted. {kept} are kept, because a contract is in force or the law (the Mobile Phone Improper Use Prevention Act) requires the verification record to be kept, until that period ends. Your account (the subscriber API) shows the details in the answer to your request.",
    "zh-Hans":
      "根据您的请求，已删除 {deleted} 份申请的个人信息。另有 {kept} 份因合同仍有效或法律（《防止不正当使用手机法》）要求保存本人确认记录，将保存至保存期结束。详情请在会员页面（签约人 API）查看删除请求的答复。",
    "zh-Hant":
      "根據您的請求，已刪除 {deleted} 份申請的個人資料。另有 {kept} 份因合約仍有效或法律（《防止不正當使用手機法》）要求保存本人確認記錄，將保存至保存期結束。詳情請在會員頁面（簽約人 API）查看刪除請求的答覆。",
    ko: "요청하신 대로 {deleted}건의 신청에 관한 개인정보를 삭제했습니다. {kept}건은 계약이 유효하거나 법률(휴대전화 부정이용 방지법)에 따라 본인 확인 기록을 보존해야 하므로 보존 기간이 끝날 때까지 보관합니다. 자세한 내용은 마이페이지(계약자 API)의 삭제 요청 답변을 확인해 주십시오.",
    vi: "Theo yêu cầu của bạn, dữ liệu cá nhân của {deleted} hồ sơ đã được xóa. {kept} hồ sơ được giữ lại vì hợp đồng còn hiệu lực hoặc luật (Luật phòng chống sử dụng điện thoại di động bất hợp pháp) yêu cầu lưu hồ sơ xác minh danh tính cho đến hết thời hạn. Chi tiết có trong câu trả lời cho yêu cầu của bạn trên tài khoản (API thuê bao).",
  },
};
