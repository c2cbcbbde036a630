import { randomInt } from "node:crypto";
import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * The MNP simulator's counter at the porting-out operator (development only, never in production): a
 * page that opens a line there and issues its reservation number (MNP予約番号), as `POST /dev/mnp/lines`
 * does; it posts to that route, so the checks and the answer are the same. The applicant then types the
 * number, the reservation number and its expiry on the site. Japanese with English beside it, as the
 * other operator pages; plain forms, no script.
 */
export const MNP_LINES_PAGE_PATH = "/dev/mnp";

type Problem = { detail?: string; errors?: { field?: string; reason?: string }[] };

export async function registerMnpLinesPage(app: FastifyInstance, options: { env: string }): Promise<void> {
  if (options.env === "production") throw new Error("the MNP simulator cannot run with NODE_ENV=production");
  await app.register(
    async (scope) => {
      scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });
      scope.get("/", async (_request, reply) => page(reply, lineForm(defaults(), null)));
      scope.post("/", async (request, reply) => {
        const form = { ...defaults(), ...((request.body ?? {}) as Record<string, string>) };
        const msisdn = form.msisdn.replace(/[\s-]/g, "");
        const opened = await app.inject({
          method: "POST",
          url: "/dev/mnp/lines",
          payload: {
            msisdn,
            holder: {
              name: form.name.trim(),
              ...(form.kana.trim() ? { kana: form.kana.trim() } : {}),
              birthDate: form.birthDate,
            },
          },
        });
        const answer = opened.json() as { reservationNumber?: string; expiresOn?: string } & Problem;
        if (opened.statusCode !== 201 || !answer.reservationNumber) {
          const why = (answer.errors ?? []).map((e) => `${e.field ?? ""}: ${e.reason ?? ""}`).join("; ");
          return page(
            reply.code(opened.statusCode),
            lineForm(form, `入力を確認してください / Check the line: ${why || answer.detail || opened.statusCode}`),
          );
        }
        return page(reply, issued(msisdn, answer.reservationNumber, String(answer.expiresOn)));
      });
    },
    { prefix: MNP_LINES_PAGE_PATH },
  );
}

type Line = { msisdn: string; name: string; kana: string; birthDate: string };

/** A random mobile number (unlikely to be taken in the demo); the holder is left for the tester to type. */
function defaults(): Line {
  return { msisdn: `090${String(randomInt(0, 100_000_000)).padStart(8, "0")}`, name: "", kana: "", birthDate: "" };
}

function lineForm(line: Line, error: string | null): string {
  return `<p class="banner">テスト用シミュレーター <span lang="en">MNP simulator for development: no real operator is asked</span></p>
<p>他社（転出元）で回線を作り、MNP予約番号を発行します。名義は、サイトで入力する申込者の氏名・生年月日と同じにしてください。<br>
<span lang="en">Opens a line at the other operator (the one the number leaves) and issues its MNP reservation number. Give the holder the name and date of birth the applicant enters on the site.</span></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${MNP_LINES_PAGE_PATH}">
<p><label for="msisdn">電話番号 / Phone number</label><br><input id="msisdn" name="msisdn" inputmode="numeric" autocomplete="off" required value="${escapeHtml(line.msisdn)}"></p>
<p><label for="name">名義人の氏名 / Holder's name</label><br><input id="name" name="name" autocomplete="off" required value="${escapeHtml(line.name)}"></p>
<p><label for="kana">フリガナ（任意） / Name in kana (optional)</label><br><input id="kana" name="kana" autocomplete="off" value="${escapeHtml(line.kana)}"></p>
<p><label for="birth-date">生年月日 / Date of birth</label><br><input id="birth-date" name="birthDate" type="date" required value="${escapeHtml(line.birthDate)}"></p>
<p><button type="submit">MNP予約番号を発行 / Issue a reservation number</button></p>
</form>`;
}

function issued(msisdn: string, reservationNumber: string, expiresOn: string): string {
  return `<p class="banner">テスト用シミュレーター <span lang="en">MNP simulator for development</span></p>
<p role="status"><strong>MNP予約番号を発行しました / Reservation number issued</strong></p>
<dl>
<dt>電話番号 / Phone number</dt><dd id="msisdn">${escapeHtml(msisdn)}</dd>
<dt>MNP予約番号 / Reservation number</dt><dd><strong id="reservation-number">${escapeHtml(reservationNumber)}</strong></dd>
<dt>有効期限 / Valid until</dt><dd id="expires-on">${escapeHtml(expiresOn)}</dd>
</dl>
<p>サイトの「番号そのまま乗り換え（MNP）」に、この3つを入力してください。<br><span lang="en">Enter these three on the site where it asks for the number to keep (MNP).</span></p>
<p><a href="${MNP_LINES_PAGE_PATH}">もう1回線 / Another line</a></p>`;
}

function page(reply: FastifyReply, body: string) {
  const title = "MNP予約番号の発行（シミュレーター） / MNP reservation number (simulator)";
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
