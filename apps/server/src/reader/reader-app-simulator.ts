import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * A stand-in for the chip reader app on the applicant's phone (development and demo only, never in
 * production): a page that plays the app's part of the reader contract (docs/reader-contract.md). It
 * takes the hand-off address the site shows (the QR code's URL, or the "on this phone" link), exchanges
 * the hand-off token at `POST /v1/handoff/exchange`, and uploads a demo chip read to
 * `POST /v1/applications/{reference}/evidence` with the session it got and an Idempotency-Key, through
 * the server's own HTTP routes, as a real app would. The chips are the demo's (`demo-evidence/` in the
 * data folder, made by `npm start`, signed under test CAs the demo put in the trust folder). Japanese
 * with English beside it, as the Digital Authentication App simulator; plain forms, no script.
 */
export const READER_APP_SIMULATOR_PATH = "/dev/reader-app";

export type ReaderAppSimulatorOptions = {
  env: string;
  /** The folder holding the demo chips: chips/rsa/{sod,dg1,dg2}.bin and residence-cards/first-generation/…. */
  demoEvidenceDir: string;
};

type Document = "passport" | "residence_card";
type Check = { code: string; status: string; message: string };

export async function registerReaderAppSimulator(app: FastifyInstance, options: ReaderAppSimulatorOptions) {
  if (options.env === "production") throw new Error("the reader app simulator cannot run with NODE_ENV=production");
  const root = options.demoEvidenceDir;
  await app.register(
    async (scope) => {
      scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });
      scope.get("/app.css", async (_request, reply) =>
        reply.header("content-type", "text/css; charset=utf-8").header("cache-control", "no-store").send(STYLESHEET),
      );
      scope.get("/", async (request, reply) => {
        const query = (request.query ?? {}) as Record<string, string>;
        return page(reply, scanForm(typeof query.handoff === "string" ? query.handoff : "", null));
      });
      scope.post("/", async (request, reply) => {
        const form = (request.body ?? {}) as Record<string, string>;
        const address = (form.handoff ?? "").trim();
        const document: Document = form.document === "residence_card" ? "residence_card" : "passport";
        const handoff = parseHandoff(address);
        if (!handoff) {
          return page(
            reply.code(422),
            scanForm(
              address,
              'QRコードのアドレス（…/reader/JT-…#jho_…）を貼り付けてください<br><span lang="en">Paste the QR code\'s address (…/reader/JT-…#jho_…)</span>',
            ),
          );
        }
        const body = chipBody(root, document);
        if (!body) {
          return page(
            reply.code(503),
            scanForm(
              address,
              `デモ用のチップがありません（npm start で作られます）<br><span lang="en">The demo chips are missing from ${escapeHtml(root)}: npm start makes them</span>`,
            ),
          );
        }
        // 1. The hand-off: the token from the fragment, exchanged at once for a session on the application.
        const exchanged = await app.inject({
          method: "POST",
          url: "/v1/handoff/exchange",
          payload: { reference: handoff.reference, token: handoff.token },
        });
        const session = exchanged.json() as { accessToken?: string; code?: string; detail?: string };
        if (exchanged.statusCode !== 201 || !session.accessToken) {
          return page(reply.code(exchanged.statusCode), scanForm("", refusal(session.code, session.detail)));
        }
        // 2. The chip read, uploaded with the session; the session is not kept afterwards.
        const uploaded = await app.inject({
          method: "POST",
          url: `/v1/applications/${encodeURIComponent(handoff.reference)}/evidence`,
          headers: { authorization: `Bearer ${session.accessToken}`, "idempotency-key": randomUUID() },
          payload: body,
        });
        const result = uploaded.json() as { checks?: Check[]; code?: string; detail?: string };
        if (uploaded.statusCode !== 201) {
          return page(reply.code(uploaded.statusCode), scanForm("", refusal(result.code, result.detail)));
        }
        return page(reply, done(handoff.reference, document, result.checks ?? []));
      });
    },
    { prefix: READER_APP_SIMULATOR_PATH },
  );
}

/** The reference from the path and the token from the fragment, as the app takes them from its link. */
export function parseHandoff(address: string): { reference: string; token: string } | null {
  if (!URL.canParse(address)) return null;
  const url = new URL(address);
  const path = /^\/reader\/(JT-[0-9A-Z-]{6,20})$/.exec(url.pathname);
  const token = /^#(jho_[A-Za-z0-9_-]+)$/.exec(url.hash);
  return path?.[1] && token?.[1] ? { reference: path[1], token: token[1] } : null;
}

function chipBody(root: string, document: Document): Record<string, unknown> | null {
  const b64 = (...parts: string[]) => readFileSync(join(root, ...parts)).toString("base64");
  if (document === "passport") {
    const dir = ["chips", "rsa"];
    if (!existsSync(join(root, ...dir, "sod.bin"))) return null;
    return {
      kind: "chip",
      sod: b64(...dir, "sod.bin"),
      dataGroups: { "1": b64(...dir, "dg1.bin"), "2": b64(...dir, "dg2.bin") },
    };
  }
  const dir = ["residence-cards", "first-generation"];
  if (!existsSync(join(root, ...dir, "certificate.der"))) return null;
  return {
    kind: "residence_card_chip",
    front: b64(...dir, "d0-front.bin"),
    face: b64(...dir, "d1-face.bin"),
    checkCode: b64(...dir, "check-code.bin"),
    certificate: b64(...dir, "certificate.der"),
  };
}

const refusals: Record<string, string> = {
  handoff_invalid: "このQRコードはこの申込みのものではありません。サイトでQRコードをもう一度表示してください",
  handoff_used: "このQRコードは使用済みです。サイトで新しいQRコードを表示してください",
  handoff_expired: "このQRコードは期限切れです。サイトで新しいQRコードを表示してください",
  application_not_editable: "この申込みは今は書類を受け付けていません。サイトで続けてください",
  rate_limited: "しばらく待ってからもう一度お試しください",
};

function refusal(code: string | undefined, detail: string | undefined): string {
  const ja = (code && refusals[code]) ?? "読み取りを送れませんでした";
  return `${escapeHtml(ja)}<br><span lang="en">${escapeHtml(detail ?? code ?? "The upload was refused")} (${escapeHtml(code ?? "error")})</span>`;
}

function scanForm(address: string, error: string | null): string {
  return `<p class="banner">テスト用シミュレーター <span lang="en">Reader app simulator for development: no real chip is read</span></p>
<p class="lead">本物のアプリは、サイトのQRコードを読み取り、パスポートや在留カードをスマートフォンにかざしてICチップを読みます。ここではQRコードのアドレスを貼り付け、デモ用のチップを送ります。<br><span lang="en">The real app scans the site's QR code and reads the chip of a passport or residence card held to the phone. Here, paste the QR code's address and send a demo chip.</span></p>
${error ? `<p class="alert" role="alert">${error}</p>` : ""}
<form method="post" action="${READER_APP_SIMULATOR_PATH}" class="panel">
<label class="step" for="handoff">1. QRコードのアドレス<br><span lang="en">The QR code's address</span></label>
<input id="handoff" name="handoff" type="url" autocomplete="off" required value="${escapeHtml(address)}" placeholder="http://localhost:3000/reader/JT-…#jho_…">
<fieldset class="step"><legend>2. かざす書類<br><span lang="en">The document held to the phone</span></legend>
<label class="choice"><input type="radio" name="document" value="passport" checked> パスポート（デモ：ERIKSSON ANNA MARIA） <span lang="en">Passport</span></label>
<label class="choice"><input type="radio" name="document" value="residence_card"> 在留カード（デモ） <span lang="en">Residence card</span></label>
</fieldset>
<button type="submit" class="primary">チップを読み取って送信<br><span lang="en">Read the chip and send it</span></button>
</form>`;
}

function done(reference: string, document: Document, checks: Check[]): string {
  const name =
    document === "passport"
      ? 'パスポート <span lang="en">passport</span>'
      : '在留カード <span lang="en">residence card</span>';
  const rows = checks
    .map(
      (c) =>
        `<li><strong>${escapeHtml(c.status)}</strong> <code>${escapeHtml(c.code)}</code><br>${escapeHtml(c.message)}</li>`,
    )
    .join("");
  return `<p class="banner">テスト用シミュレーター <span lang="en">Reader app simulator for development</span></p>
<p class="done" role="status">${name}のICチップを送信しました（${escapeHtml(reference)}）<br><span lang="en">Chip sent for ${escapeHtml(reference)}</span></p>
<div class="panel"><p class="step">チェック結果 <span lang="en">Checks</span></p><ul class="checks">${rows}</ul></div>
<p class="lead">サイトに戻って、自撮りに進んでください。<br><span lang="en">Go back to the site and take the live selfie.</span></p>`;
}

function page(reply: FastifyReply, body: string) {
  const title = "ICチップ読み取りアプリ（シミュレーター） / Chip reader app (simulator)";
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="${READER_APP_SIMULATOR_PATH}/app.css"></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

/** A phone app's look at 390 px; served beside the page (the site's CSP allows same-origin stylesheets only). */
const STYLESHEET = `
*{box-sizing:border-box}
html{font-family:system-ui,"Noto Sans CJK JP","Hiragino Sans",sans-serif;font-size:16px;line-height:1.5;color:#1a1a1c;background:#eef1f6}
body{margin:0}
main{max-width:480px;margin:0 auto;padding:16px 16px 32px}
h1{font-size:1.25rem;line-height:1.35;margin:8px 0 12px;color:#00118f}
.banner{margin:0 0 12px;padding:8px 12px;border-radius:8px;background:#fff4d6;border:1px solid #e0b100;font-size:.875rem}
.lead{margin:0 0 16px}
.panel{display:flex;flex-direction:column;gap:12px;margin:0 0 16px;padding:16px;border-radius:16px;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.step{margin:0;font-weight:600}
fieldset{border:0;padding:0;display:flex;flex-direction:column;gap:8px}
legend{padding:0;margin-bottom:8px}
.choice{display:flex;align-items:center;gap:8px;min-height:48px;font-weight:400}
.choice input{width:24px;min-height:24px}
input{width:100%;min-height:48px;padding:8px 12px;font-size:1rem;border:2px solid #5b6474;border-radius:8px}
input:focus,button:focus{outline:3px solid #ffb300;outline-offset:2px}
button{width:100%;min-height:48px;padding:10px 12px;font:inherit;font-weight:600;border-radius:24px;cursor:pointer}
.primary{background:#00118f;color:#fff;border:2px solid #00118f}
.alert{margin:0 0 16px;padding:12px;border-radius:8px;background:#fde8e8;border:2px solid #c40000;color:#8a0000;font-weight:600}
.done{margin:0 0 16px;padding:12px;border-radius:8px;background:#e5f5e8;border:2px solid #1b7f3b;font-weight:600}
.checks{margin:0;padding-left:20px;overflow-wrap:anywhere}
span[lang=en]{font-weight:400;font-size:.875rem;color:#4a4f59}
.primary span[lang=en]{color:#fff}
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
