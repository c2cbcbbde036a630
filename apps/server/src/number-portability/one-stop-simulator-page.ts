import type { FastifyInstance, FastifyReply } from "fastify";
import type { LocalPortingSimulator } from "./local-porting-simulator.ts";

/**
 * The porting-out operator's side of a one-stop port-in (development only, never in production): the
 * page an operator shows after the recipient sent its customer there. It authenticates the customer
 * (here: the simulated line's holder, asked for when the simulator does not hold the number yet), asks
 * them to confirm, and sends them back to the return address with the state and a one-time code.
 * It speaks as an operator's page does (Japanese, English beside it). Plain forms, no script.
 */
export const MNP_SIMULATOR_PATH = "/dev/mnp/one-stop";

export async function registerOneStopSimulator(
  app: FastifyInstance,
  options: { env: string; simulator: LocalPortingSimulator; publicOrigin: () => string },
): Promise<void> {
  if (options.env === "production") throw new Error("the MNP simulator cannot run with NODE_ENV=production");
  const { simulator } = options;
  // Only back to our own site: a return address elsewhere would make this page an open redirect.
  const returnAllowed = (url: string) => URL.canParse(url) && new URL(url).origin === options.publicOrigin();
  await app.register(
    async (scope) => {
      scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });
      scope.get("/", async (request, reply) => {
        const q = request.query as Record<string, string | undefined>;
        const trip = { msisdn: q.msisdn ?? "", state: q.state ?? "", returnUrl: q.return ?? "" };
        if (!/^0[789]0\d{8}$/.test(trip.msisdn) || !trip.state || !returnAllowed(trip.returnUrl)) {
          return page(reply.code(400), '<p role="alert">この要求は無効です / This request is not valid</p>');
        }
        return page(reply, confirmForm(trip, !simulator.lineIsLive(trip.msisdn)));
      });
      scope.post("/", async (request, reply) => {
        const form = (request.body ?? {}) as Record<string, string | undefined>;
        const trip = { msisdn: form.msisdn ?? "", state: form.state ?? "", returnUrl: form.return ?? "" };
        if (!/^0[789]0\d{8}$/.test(trip.msisdn) || !trip.state || !returnAllowed(trip.returnUrl)) {
          return page(reply.code(400), '<p role="alert">この要求は無効です / This request is not valid</p>');
        }
        const back = new URL(trip.returnUrl);
        back.searchParams.set("state", trip.state);
        if (form.action !== "confirm") {
          back.searchParams.set("error", "access_denied");
          return reply.redirect(back.toString(), 303);
        }
        if (!simulator.lineIsLive(trip.msisdn)) {
          const name = (form.name ?? "").trim();
          const birthDate = form.birthDate ?? "";
          if (!name || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
            return page(
              reply.code(422),
              confirmForm(
                trip,
                true,
                "契約者の氏名と生年月日を入力してください / Enter the holder's name and birth date",
              ),
            );
          }
          simulator.openLine({ msisdn: trip.msisdn, holder: { name, birthDate } });
        }
        back.searchParams.set("code", simulator.answerOneStop(trip.msisdn).code);
        return reply.redirect(back.toString(), 303);
      });
    },
    { prefix: MNP_SIMULATOR_PATH },
  );
}

function confirmForm(
  trip: { msisdn: string; state: string; returnUrl: string },
  askHolder: boolean,
  error?: string,
): string {
  const holder = askHolder
    ? `<p>この番号のご契約者としてログインします（シミュレーター）。/ Sign in as the holder of this number (simulated).</p>
<p><label for="holder-name">契約者名 / Holder's name</label><br><input id="holder-name" name="name" autocomplete="name" required></p>
<p><label for="holder-birth">生年月日 / Date of birth</label><br><input id="holder-birth" name="birthDate" type="date" required></p>`
    : "";
  return `<p>携帯電話番号 <strong id="msisdn">${escapeHtml(trip.msisdn)}</strong> を他社へ移す手続きです（MNPワンストップ、開発用シミュレーター）。</p>
<p>You are moving the number <strong>${escapeHtml(trip.msisdn)}</strong> to another operator (MNP one-stop, development simulator).</p>
${error ? `<p role="alert"><strong>${escapeHtml(error)}</strong></p>` : ""}
<form method="post" action="${MNP_SIMULATOR_PATH}">
<input type="hidden" name="msisdn" value="${escapeHtml(trip.msisdn)}">
<input type="hidden" name="state" value="${escapeHtml(trip.state)}">
<input type="hidden" name="return" value="${escapeHtml(trip.returnUrl)}">
${holder}
<p><button type="submit" name="action" value="confirm">番号移行に同意する / Agree to move the number</button></p>
<p><button type="submit" name="action" value="cancel" formnovalidate>やめる / Cancel</button></p>
</form>`;
}

function page(reply: FastifyReply, body: string) {
  const title = "現在の携帯会社（MNPシミュレーター） / Your current operator (MNP simulator)";
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
