import { randomBytes, randomUUID } from "node:crypto";
import {
  addMonths,
  keepAliveRulesSchema,
  keepAliveTimeline,
  type Language,
  liveLineStates,
  todayInJapan,
} from "@jitsumei/domain";
import { findApplicationById } from "../applications/application-row.ts";
import { loadApplicantDetails } from "../applications/load-application-data.ts";
import { hashToken, newActivationCode, tokenMatches } from "../applications/secrets.ts";
import { appendAuditEntry } from "../audit/audit-chain.ts";
import { earlyTerminationFeeJpy } from "../contracts/offer-contract.ts";
import { decryptStandaloneJson, encryptStandaloneJson } from "../crypto/envelope.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database, Queryable } from "../db/database.ts";
import { toBuffer } from "../db/database.ts";
import { AppError } from "../errors.ts";
import { enqueueJob } from "../jobs/jobs.ts";
import { queueMail } from "../mail/outbox.ts";
import { latestPortOuts } from "../number-portability/port-out-repository.ts";
import { minimumTerms, refundableDeposits } from "./leaving-terms-repository.ts";
import {
  findActiveLineByNumber,
  findActiveLineByReference,
  findHolderDocumentApplication,
  findHolderLineApplication,
  listHolderDocuments,
  listHolderLines,
  lockSubscription,
} from "./lines-repository.ts";
import {
  countCodeFailure,
  countCodesSince,
  findLiveSession,
  insertSession,
  insertSignInCode,
  lockLatestCode,
  markCodeUsed,
} from "./sign-in-repository.ts";

/** A code lasts 10 minutes and admits 5 wrong tries; a session lasts 30 minutes. */
const CODE_TTL_MS = 10 * 60_000;
const MAX_CODE_FAILURES = 5;
/**
 * Codes a line gets per hour: with five tries each, at most 25 guesses an hour at one line, however
 * many addresses ask (the HTTP rate limit counts per address).
 */
export const MAX_CODES_PER_HOUR = 5;
const SESSION_TTL_MS = 30 * 60_000;

type Deps = { db: Database; keys: KeyManagement; clock: () => Date; mailFrom: string };

export type SubscriberPrincipal = {
  subscriptionId: string;
  identityIndex: Buffer;
  /** When the session's code was entered: steps that need a fresh sign-in (a port-out) check it. */
  signedInAt: Date;
};

/**
 * Which line a sign-in is for: its number, or the reference of the application it came from (JT-…, in
 * every mail and on the status page). A data-only line's holder has only the reference: its 020 number
 * is never shown to them.
 */
export type LineKey = { msisdn: string; reference?: undefined } | { reference: string; msisdn?: undefined };

const codeHash = (keys: KeyManagement, id: string, code: string) => keys.blindIndex("subscriber-code", `${id}:${code}`);

export const SUBSCRIBER_SIGN_IN_JOB = "subscriber_sign_in_request";

/**
 * Step one as the API answers it: the request is sealed and queued, and answered at once. Whether the
 * number and the address belong together is found out by the job (requestSignInCode), after the
 * answer: the answer is the same in content and in time for a stranger, a wrong address and the
 * holder (issue #21, finding 6: the lookup's time told them apart).
 */
export async function queueSignInRequest(
  deps: { db: Queryable; keys: KeyManagement },
  input: LineKey & { email: string },
): Promise<void> {
  const id = randomUUID();
  const sealed = await encryptStandaloneJson(deps.keys, `sign-in-request:${id}`, {
    ...lineKeyOf(input),
    email: input.email,
  });
  await enqueueJob(deps.db, SUBSCRIBER_SIGN_IN_JOB, { id, sealed: sealed.toString("base64") });
}

export function signInRequestJob(deps: Deps) {
  return async (payload: { id: string; sealed: string }): Promise<void> => {
    const input = await decryptStandaloneJson<LineKey & { email: string }>(
      deps.keys,
      `sign-in-request:${payload.id}`,
      Buffer.from(payload.sealed, "base64"),
    );
    await requestSignInCode(deps, input);
  };
}

/**
 * Step one: the line's number (or its application's reference) and the e-mail address on file. When
 * both belong to one active line, a six-digit code goes to that address in the subscriber's language.
 * The answer is the same either way, so nobody learns whose number, reference or address it is.
 */
export async function requestSignInCode(deps: Deps, input: LineKey & { email: string }): Promise<void> {
  const line = await activeLine(deps.db, input);
  if (!line) return;
  const application = await findApplicationById(deps.db, line.application_id);
  if (!application) return;
  const { contact } = await loadApplicantDetails(deps.keys, application);
  if (contact.email.trim().toLowerCase() !== input.email.trim().toLowerCase()) return;
  const now = deps.clock();
  const id = randomUUID();
  const code = newActivationCode();
  const language = application.language as Language;
  await deps.db.transaction(async (tx) => {
    // Jobs run side by side: the line's row lock makes counting and adding one step.
    await lockSubscription(tx, line.id);
    if ((await countCodesSince(tx, line.id, new Date(now.getTime() - 3_600_000))) >= MAX_CODES_PER_HOUR) {
      await appendAuditEntry(tx, {
        actor: "subscriber",
        action: "subscriber.sign_in_code_withheld",
        subject: application.reference,
        data: { codesInLastHour: MAX_CODES_PER_HOUR },
      });
      return;
    }
    await insertSignInCode(tx, {
      id,
      lineId: line.id,
      codeHash: codeHash(deps.keys, id, code),
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      createdAt: now,
    });
    await queueMail(tx, deps.keys, {
      language: language,
      applicationId: application.id,
      template: "subscriber_sign_in",
      to: contact.email,
      from: deps.mailFrom,
      subject: `[Jitsumei] ${signInSubject[language]}`,
      text: signInText[language].replace("{code}", code),
    });
    await appendAuditEntry(tx, {
      actor: "subscriber",
      action: "subscriber.sign_in_code_sent",
      subject: application.reference,
      data: {},
    });
  });
}

/**
 * Step two: the number (or the reference) and the code. Only the newest code of the line counts; five
 * wrong tries spend it, whichever key the code is entered with. Answers a bearer token (jst_…) for 30
 * minutes.
 */
export async function verifySignInCode(
  deps: Deps,
  input: LineKey & { code: string },
): Promise<{ token: string; expiresAt: string }> {
  const now = deps.clock();
  const refused = () =>
    new AppError(
      "activation_code_invalid",
      "The number (or reference) or the code is not correct, or the code has expired",
    );
  const line = await activeLine(deps.db, input);
  if (!line) throw refused();
  // The refusal is answered after the transaction commits, so the failure it counted stays counted.
  const result = await deps.db.transaction(async (tx): Promise<{ token: string; expiresAt: string } | null> => {
    const code = await lockLatestCode(tx, line.id);
    if (!code || code.used_at || new Date(code.expires_at) <= now || code.failures >= MAX_CODE_FAILURES) return null;
    const expected = toBuffer(code.code_hash);
    const given = codeHash(deps.keys, code.id, input.code);
    if (!given.equals(expected)) {
      // Counted in the transaction that answers: the count commits with the refusal.
      await countCodeFailure(tx, code.id);
      return null;
    }
    await markCodeUsed(tx, code.id, now);
    const token = `jst_${randomBytes(32).toString("base64url")}`;
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await insertSession(tx, { tokenHash: hashToken(token), lineId: line.id, createdAt: now, expiresAt });
    await appendAuditEntry(tx, {
      actor: "subscriber",
      action: "subscriber.signed_in",
      subject: line.reference,
      data: {},
    });
    return { token, expiresAt: expiresAt.toISOString() };
  });
  if (!result) throw refused();
  return result;
}

/** The subscriber a bearer token stands for (the person behind the line it was issued for). */
export async function authenticateSubscriber(
  db: Queryable,
  token: string | null,
  now: Date,
): Promise<SubscriberPrincipal> {
  if (!token?.startsWith("jst_")) {
    throw new AppError("authentication_required", "Sign in first: POST /v1/subscriber/sign-in, then …/sign-in/verify");
  }
  const session = await findLiveSession(db, hashToken(token), now);
  if (!session || !tokenMatches(token, toBuffer(session.token_hash)) || !session.identity_index) {
    throw new AppError("authentication_required", "The session has ended: sign in again");
  }
  return {
    subscriptionId: session.subscription_id,
    identityIndex: toBuffer(session.identity_index),
    signedInAt: new Date(session.created_at),
  };
}

/**
 * Every line the person holds with us (found by the identity blind index, never by decrypting others).
 * `now` dates what ending a line today would mean (`leaving`): the minimum term's end, the contract's
 * early-termination fee while it runs, the deposit given back.
 */
export async function subscriberLines(db: Queryable, who: SubscriberPrincipal, now: Date) {
  const rows = await listHolderLines(db, who.identityIndex);
  const ids = rows.map((r) => r.id);
  const portOuts = await latestPortOuts(db, ids);
  const deposits = await refundableDeposits(db, ids);
  const terms = await minimumTerms(db, ids);
  const today = todayInJapan(now);
  return rows.map((r) => {
    const months = terms.get(r.id) ?? null;
    const minimumTermEndsOn = months ? addMonths(todayInJapan(new Date(r.started_at)), months) : null;
    const live = liveLineStates.includes(r.state);
    const validUntil = r.valid_until ? new Date(r.valid_until) : null;
    // When the line ends without a top-up, by its plan's keep-alive rules (prepaid, still live).
    const terminatesAt =
      live && validUntil && r.keep_alive != null
        ? keepAliveTimeline(keepAliveRulesSchema.parse(r.keep_alive), validUntil).terminatesAt.toISOString()
        : null;
    return {
      msisdn: r.msisdn,
      lineType: r.services.includes("voice") ? ("voice" as const) : ("data" as const),
      planId: r.plan_id,
      formFactor: r.form_factor,
      status: r.status,
      state: r.state,
      startedAt: new Date(r.started_at).toISOString(),
      endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
      validUntil: validUntil?.toISOString() ?? null,
      terminatesAt,
      reference: r.reference,
      portOut: portOuts.get(r.id) ?? null,
      leaving: {
        minimumTermEndsOn,
        earlyTerminationFeeJpy:
          minimumTermEndsOn && today < minimumTermEndsOn ? earlyTerminationFeeJpy({ minimumTermMonths: months }) : 0,
        depositRefundJpy: deposits.get(r.id) ?? 0,
      },
    };
  });
}

/** The documents vault: every contract, explanation and receipt issued for the person's lines. */
export async function subscriberDocuments(db: Queryable, who: SubscriberPrincipal) {
  const rows = await listHolderDocuments(db, who.identityIndex);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    documentNumber: r.document_number,
    language: r.language,
    sha256: r.sha256,
    sizeBytes: Number(r.size_bytes),
    issuedAt: new Date(r.created_at).toISOString(),
    reference: r.reference,
    url: `/v1/subscriber/documents/${r.id}.pdf`,
  }));
}

/** The application a vault document belongs to, if it is this person's. */
export async function subscriberDocumentOwner(db: Queryable, who: SubscriberPrincipal, documentId: string) {
  return findHolderDocumentApplication(db, documentId, who.identityIndex);
}

async function activeLine(db: Queryable, key: LineKey) {
  if (key.reference !== undefined) return findActiveLineByReference(db, key.reference.trim().toUpperCase());
  return findActiveLineByNumber(db, key.msisdn.replace(/[^0-9]/g, ""));
}

/** Only the key given is sealed into the queued request (never an empty other one). */
function lineKeyOf(key: LineKey): LineKey {
  return key.reference !== undefined ? { reference: key.reference } : { msisdn: key.msisdn };
}

const signInSubject: Record<Language, string> = {
  ja: "ログイン用の確認コード",
  en: "Your sign-in code",
  "zh-Hans": "登录验证码",
  "zh-Hant": "登入驗證碼",
  ko: "로그인 인증 코드",
  vi: "Mã đăng nhập của bạn",
};

const signInText: Record<Language, string> = {
  ja: "ログイン用の確認コードは {code} です。10分間有効です。お心当たりのない場合は、このメールを破棄してください。",
  en: "Your sign-in code is {code}. It is valid for 10 minutes. If you did not ask for it, ignore this mail.",
  "zh-Hans": "您的登录验证码是 {code}，10 分钟内有效。如非本人操作，请忽略此邮件。",
  "zh-Hant": "您的登入驗證碼是 {code}，10 分鐘內有效。如非本人操作，請忽略此郵件。",
  ko: "로그인 인증 코드는 {code}입니다. 10분간 유효합니다. 요청하지 않으셨다면 이 메일을 무시해 주세요.",
  vi: "Mã đăng nhập của bạn là {code}, có hiệu lực trong 10 phút. Nếu bạn không yêu cầu, hãy bỏ qua email này.",
};

/** The application behind one of the person's active lines, by its number; null if not theirs. */
export async function subscriberLineApplication(db: Queryable, who: SubscriberPrincipal, msisdn: string) {
  return findHolderLineApplication(db, msisdn.replace(/[^0-9]/g, ""), who.identityIndex);
}
