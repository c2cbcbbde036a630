import { formatYen } from "@jitsumei/domain/money";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { LocalTestGateway } from "./local-test-gateway.ts";
import { PaymentGatewayError } from "./payment-gateway.ts";

/**
 * The convenience store's till, for the local test gateway (development only, never in production):
 * a page where a person keys in the payment number from a konbini slip, sees the amount and the
 * deadline as a till shows them, and takes the cash. The gateway then notifies us as a provider's
 * 入金通知 would, so the application moves on by itself. It stands in for the store, so it speaks as
 * the store's till does (Japanese, with English beside it); the applicant's own language is on the slip
 * and in the mail. Plain HTML forms, no script: the site's CSP applies as everywhere.
 */
export const KONBINI_TILL_PATH = "/dev/konbini";

export async function registerKonbiniTill(
  app: FastifyInstance,
  options: { env: string; gateway: LocalTestGateway },
): Promise<void> {
  if (options.env === "production") throw new Error("the konbini till simulator cannot run with NODE_ENV=production");
  const { gateway } = options;
  await app.register(
    async (scope) => {
      scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });
      scope.get("/", async (_request, reply) => tillPage(reply, enterNumber(null)));
      scope.post("/", async (request, reply) => {
        const form = (request.body ?? {}) as Record<string, string>;
        const number = (form.paymentNumber ?? "").replace(/[\s-]/g, "");
        if (!/^\d{6,20}$/.test(number)) {
          return tillPage(
            reply.code(422),
            enterNumber("払込番号は数字で入力してください / Enter the payment number in digits"),
          );
        }
        const slip = gateway.findKonbiniSlip(number);
        if (!slip?.konbini) {
          return tillPage(
            reply.code(404),
            enterNumber("この払込番号は見つかりません / No slip has this payment number"),
          );
        }
        if (form.action !== "pay") {
          if (slip.status === "expired") {
            return tillPage(reply.code(410), enterNumber("お支払い期限を過ぎています / This slip has expired"));
          }
          if (slip.status === "captured" || slip.status === "refunded") {
            return tillPage(reply, enterNumber("この払込票はお支払い済みです / This slip is already paid"));
          }
          return tillPage(reply, confirmPayment(number, slip.amountJpy, slip.konbini.expiresAt));
        }
        try {
          const paid = await gateway.payAtKonbini(number);
          return tillPage(reply, receipt(number, paid.amountJpy));
        } catch (error) {
          const expired = error instanceof PaymentGatewayError && error.code === "konbini_expired";
          return tillPage(
            reply.code(expired ? 410 : 422),
            enterNumber(
              expired
                ? "お支払い期限を過ぎています / This slip has expired"
                : "お支払いできませんでした / The payment was refused",
            ),
          );
        }
      });
    },
    { prefix: KONBINI_TILL_PATH },
  );
}

const yen = (n: number) => formatYen(n, "ja");
const japanTime = (iso: string) =>
  new Intl.DateTimeFormat("ja-JP", { dateStyle: "long", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(
    new Date(iso),
  );

function enterNumber(error: string | null): string {
  return `<p>コンビニのレジの代わりです（開発用）。払込票の払込番号を入力してください。</p>
<p>A stand-in for a convenience store's till (development only). Key in the payment number from the slip.</p>
${error ? `<p role="alert"><strong>${escapeHtml(error)}</strong></p>` : ""}
<form method="post" action="${KONBINI_TILL_PATH}">
<p><label for="payment-number">払込番号 / Payment number</label><br>
<input id="payment-number" name="paymentNumber" inputmode="numeric" autocomplete="off" required></p>
<p><button type="submit" name="action" value="find">確認 / Look up</button></p>
</form>`;
}

function confirmPayment(number: string, amountJpy: number, expiresAt: string): string {
  return `<dl>
<dt>払込番号 / Payment number</dt><dd>${escapeHtml(number)}</dd>
<dt>お支払い金額 / Amount</dt><dd><strong id="amount">${yen(amountJpy)}</strong></dd>
<dt>お支払い期限 / Pay by</dt><dd>${escapeHtml(japanTime(expiresAt))}</dd>
</dl>
<form method="post" action="${KONBINI_TILL_PATH}">
<input type="hidden" name="paymentNumber" value="${escapeHtml(number)}">
<p><button type="submit" name="action" value="pay">現金を受け取り、支払う / Take the cash and pay</button></p>
</form>
<p><a href="${KONBINI_TILL_PATH}">取り消し / Cancel</a></p>`;
}

function receipt(number: string, amountJpy: number): string {
  return `<p role="status"><strong>お支払いが完了しました / Paid</strong></p>
<dl><dt>払込番号 / Payment number</dt><dd>${escapeHtml(number)}</dd>
<dt>お支払い金額 / Amount</dt><dd>${yen(amountJpy)}</dd></dl>
<p>受領書をお渡しします。お申込みのページは、まもなく自動で次へ進みます。</p>
<p>The store hands over the receipt. The application page moves on by itself shortly.</p>
<p><a href="${KONBINI_TILL_PATH}">次のお客様 / Next customer</a></p>`;
}

function tillPage(reply: FastifyReply, body: string) {
  const title = "コンビニのレジ（シミュレーター） / Convenience-store till (simulator)";
  return reply
    .header("content-type", "text/html; charset=utf-8")
    .header("cache-control", "no-store")
    .send(
      `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
