import { it } from "vitest";
import { draftApplication, somebody, throwawayEmail, tokyoAddress } from "./support/journey.ts";
import { signInAs } from "./support/staff.ts";
import { startTestServer } from "./support/test-server.ts";

it("prof", async () => {
  let t = Date.now();
  const lap = (n: string) => {
    const now = Date.now();
    console.log(n, now - t);
    t = now;
  };
  const server = await startTestServer();
  lap("server");
  await signInAs(server, "reviewer");
  lap("signIn");
  for (let i = 0; i < 3; i++) {
    const { reference, token } = await draftApplication(
      server,
      "prepaid-voice-sim",
      somebody(),
      { address: tokyoAddress },
      { contact: { email: throwawayEmail() }, evidence: "jpki" },
    );
    lap("draft jpki");
    await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    lap("submit");
  }
  for (let i = 0; i < 2; i++) {
    const { reference, token } = await draftApplication(
      server,
      "prepaid-data-esim",
      somebody(),
      {},
      { contact: { email: throwawayEmail() } },
    );
    lap("draft mrz");
    await server.api("POST", `/v1/applications/${reference}/submit`, { token });
    lap("submit");
  }
  await server.close();
  lap("close");
}, 120000);
