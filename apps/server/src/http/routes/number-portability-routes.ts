import { interpolate, portInRefusalTexts } from "@jitsumei/domain";
import { z } from "zod";
import type { ApplicationRow } from "../../applications/application-row.ts";
import { AppError } from "../../errors.ts";
import type { LocalPortingSimulator } from "../../number-portability/local-porting-simulator.ts";
import { completeOneStopPortIn, startOneStopPortIn } from "../../number-portability/one-stop-port-in.ts";
import {
  assertSwitchOverBy,
  authenticateRecipient,
  checkOneStopRequest,
  confirmOneStopPortOut,
  declineOneStopPortOut,
  lookUpPortOut,
  redeemOneStopPortOut,
} from "../../number-portability/one-stop-port-out.ts";
import { findPortIn, type PortIn } from "../../number-portability/port-in-repository.ts";
import { cancelPortOut, completePortOut, requestPortOut } from "../../number-portability/port-out.ts";
import { registerPortIn } from "../../number-portability/register-port-in.ts";
import { scheduleSwitchOver } from "../../number-portability/schedule-switch-over.ts";
import { switchOverFailureText } from "../../number-portability/switch-over.ts";
import type { Services } from "../../services.ts";
import { defineRoute } from "../route.ts";
import { referenceParamsSchema } from "../schemas.ts";
import { opened } from "./application-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

const msisdn = z.string().trim().max(20).describe("The mobile number to keep, e.g. 090-1234-5678");
const registerBody = z
  .object({
    msisdn,
    reservationNumber: z.string().trim().max(20).describe("The 10-digit MNP reservation number (MNP予約番号)"),
  })
  .strict();
const oneStopBody = z.object({ msisdn }).strict();
const oneStopCompleteBody = z.object({ state: z.string().min(16).max(200), code: z.string().min(1).max(200) }).strict();
const scheduleBody = z
  .object({ at: z.iso.datetime({ offset: true, error: "must be a date and time (ISO 8601)" }) })
  .strict()
  .describe("When the number switches over: the new SIM can be activated from then");
const portOutBody = z
  .object({
    oneStop: z
      .object({ recipient: z.string().trim().min(1).max(100).describe("The operator the number moves to") })
      .strict()
      .optional()
      .describe("Answering another operator's one-stop request instead of a two-stop reservation"),
  })
  .strict();

const recipientId = z.string().trim().min(1).max(63).describe("The recipient operator's registered id");
const returnUrl = z.string().max(2000).describe("Where the recipient asked its customer to be sent back");
const recipientState = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, "must be 8 to 200 printable ASCII characters")
  .describe("The recipient's opaque state, sent back unchanged");
const oneStopPortOutBody = z.object({ recipient: recipientId, state: recipientState, returnUrl }).strict();
const oneStopAnswerSchema = z.object({
  msisdn: z.string(),
  reservationNumber: z.string(),
  expiresOn: z.string().describe("The reservation number's last valid day (Japan)"),
  donor: z.string().describe("The porting-out operator (us)"),
  holder: z.object({ name: z.string(), kana: z.string().optional(), birthDate: z.string() }),
});

const simulatedLineBody = z
  .object({
    msisdn: z.string().regex(/^0[789]0\d{8}$/, "must be a mobile number, digits only"),
    holder: z
      .object({ name: z.string().min(1).max(80), kana: z.string().max(80).optional(), birthDate: z.iso.date() })
      .strict(),
    inArrears: z.boolean().optional(),
    portedAway: z.boolean().optional(),
    failSwitchOver: z.boolean().optional(),
    issuedOn: z.iso.date().optional(),
  })
  .strict();

const portInSchema = z.object({
  msisdn: z.string(),
  mode: z.enum(["two_stop", "one_stop"]),
  state: z.enum(["reserved", "scheduled", "completed", "failed", "cancelled"]),
  reservationExpiresOn: z.string().describe("The reservation number's last valid day (Japan)"),
  donor: z.string().describe("The operator the number comes from"),
  switchOverAt: z.string().nullable(),
  failure: z
    .object({
      code: z.string(),
      explanation: z.string().describe("What happened and what to do, in the applicant's language"),
    })
    .nullable(),
});
const portOutSchema = z.object({
  msisdn: z.string(),
  reservationNumber: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  mode: z.enum(["two_stop", "one_stop"]),
  recipient: z.string().nullable(),
});

function portInView(application: ApplicationRow, portIn: PortIn | null) {
  if (!portIn) return { portIn: null };
  return {
    portIn: {
      msisdn: portIn.msisdn,
      mode: portIn.mode,
      state: portIn.state,
      reservationExpiresOn: portIn.reservationExpiresOn,
      donor: portIn.donor,
      switchOverAt: portIn.switchOverAt?.toISOString() ?? null,
      failure:
        portIn.state === "failed"
          ? {
              code: portIn.failureCode ?? "switch_over_refused",
              explanation: interpolate(
                portInRefusalTexts[switchOverFailureText(portIn.failureCode ?? "")][application.language],
                {
                  expiresOn: portIn.reservationExpiresOn,
                },
              ),
            }
          : null,
    },
  };
}

function portInDeps(services: Services) {
  return {
    db: services.db,
    keys: services.keys,
    clock: services.clock,
    numberPortability: services.numberPortability,
    minDaysLeft: services.config.mnpMinDaysLeft,
  };
}

const viewResponse = {
  200: {
    description: "The number the application brings, if any",
    schema: z.object({ portIn: portInSchema.nullable() }),
  },
};

function simulator(services: Services): LocalPortingSimulator {
  const port = services.numberPortability as Partial<LocalPortingSimulator>;
  if (port.kind !== "local-simulator" || !port.openLine) throw new AppError("not_found", "No MNP simulator here");
  return port as LocalPortingSimulator;
}

/** Number portability: port-in on an application, port-out from a subscriber's account, the simulator's tools. */
export const numberPortabilityRoutes = [
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/number-port",
    operationId: "getPortIn",
    summary: "The number the application brings from another operator (MNP port-in), and its switch-over",
    tag: "number-portability",
    auth: "applicant",
    params: referenceParamsSchema,
    responses: viewResponse,
    async handler({ application }, services) {
      const app = opened(application);
      return { status: 200, body: portInView(app, await findPortIn(services.db, app.id)) };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof registerBody>>({
    method: "PUT",
    path: "/v1/applications/{reference}/number-port",
    operationId: "registerPortIn",
    summary:
      "Keep your number (two-stop): the number and its MNP reservation number; the holder at your operator must be you",
    tag: "number-portability",
    auth: "applicant",
    params: referenceParamsSchema,
    body: registerBody,
    responses: viewResponse,
    async handler({ application, body }, services) {
      const app = opened(application);
      return { status: 200, body: portInView(app, await registerPortIn(portInDeps(services), app, body)) };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof oneStopBody>>({
    method: "POST",
    path: "/v1/applications/{reference}/number-port/one-stop",
    operationId: "startOneStopPortIn",
    summary: "Keep your number (one-stop): where to send the applicant to confirm at their operator",
    tag: "number-portability",
    auth: "applicant",
    params: referenceParamsSchema,
    body: oneStopBody,
    responses: { 200: { description: "Open redirectUrl", schema: z.object({ redirectUrl: z.string() }) } },
    async handler({ application, body }, services) {
      const deps = { ...portInDeps(services), publicUrl: services.config.publicUrl };
      return { status: 200, body: await startOneStopPortIn(deps, opened(application), body) };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof oneStopCompleteBody>>({
    method: "POST",
    path: "/v1/applications/{reference}/number-port/one-stop/complete",
    operationId: "completeOneStopPortIn",
    summary: "Back from the operator: the state and code it sent give the reservation",
    tag: "number-portability",
    auth: "applicant",
    params: referenceParamsSchema,
    body: oneStopCompleteBody,
    issuedNumberFields: ["code"],
    responses: viewResponse,
    async handler({ application, body }, services) {
      const app = opened(application);
      return { status: 200, body: portInView(app, await completeOneStopPortIn(portInDeps(services), app, body)) };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof scheduleBody>>({
    method: "PUT",
    path: "/v1/applications/{reference}/number-port/switch-over",
    operationId: "scheduleSwitchOver",
    summary: "Choose when the number switches over (the old line stops when the new SIM is activated)",
    tag: "number-portability",
    auth: "applicant",
    params: referenceParamsSchema,
    body: scheduleBody,
    responses: viewResponse,
    async handler({ application, body }, services) {
      const app = opened(application);
      const deps = { ...services, mailFrom: services.config.mail.from };
      return { status: 200, body: portInView(app, await scheduleSwitchOver(deps, app, body)) };
    },
  }),
  defineRoute<{ msisdn: string }, undefined, z.infer<typeof portOutBody>>({
    method: "POST",
    path: "/v1/subscriber/lines/{msisdn}/port-out",
    operationId: "requestPortOut",
    summary:
      "Take a line's number to another operator (MNP転出): a reservation number valid 15 days; needs a sign-in within 10 minutes",
    tag: "number-portability",
    auth: "subscriber",
    params: z.object({ msisdn: z.string().regex(/^0\d{9,10}$/, "must be the line's number, digits only") }),
    body: portOutBody,
    idempotent: true,
    responses: { 201: { description: "Issued (or the one still valid)", schema: portOutSchema } },
    async handler({ subscriber, params, body }, services) {
      if (!subscriber) throw new Error("route declared auth 'subscriber' but nobody signed in");
      const deps = { ...services, mailFrom: services.config.mail.from };
      return { status: 201, body: await requestPortOut(deps, subscriber, { msisdn: params.msisdn, ...body }) };
    },
  }),
  defineRoute<{ msisdn: string }>({
    method: "POST",
    path: "/v1/subscriber/lines/{msisdn}/port-out/cancel",
    operationId: "cancelPortOut",
    summary:
      "Cancel the line's valid port-out reservation number before another operator uses it: the number and the line stay; needs a sign-in within 10 minutes",
    tag: "number-portability",
    auth: "subscriber",
    params: z.object({ msisdn: z.string().regex(/^0\d{9,10}$/, "must be the line's number, digits only") }),
    idempotent: true,
    responses: {
      200: {
        description: "Cancelled",
        schema: z.object({ msisdn: z.string(), reservationNumber: z.string(), state: z.literal("cancelled") }),
      },
    },
    async handler({ subscriber, params }, services) {
      if (!subscriber) throw new Error("route declared auth 'subscriber' but nobody signed in");
      return { status: 200, body: await cancelPortOut(services, subscriber, { msisdn: params.msisdn }) };
    },
  }),
  defineRoute<undefined, { recipient: string; returnUrl: string }>({
    method: "GET",
    path: "/v1/port-out/one-stop/recipient",
    operationId: "getOneStopRecipient",
    summary:
      "One-stop port-out (we are the porting-out operator): the operator that sent the subscriber, if it is registered with this return address",
    tag: "number-portability",
    auth: "none",
    query: z.object({ recipient: recipientId, returnUrl }).strict(),
    responses: {
      200: { description: "Registered", schema: z.object({ id: z.string(), name: z.string() }) },
    },
    async handler({ query }, services) {
      const recipient = checkOneStopRequest(services.oneStopRecipients, query);
      return { status: 200, body: { id: recipient.id, name: recipient.name } };
    },
  }),
  defineRoute<{ msisdn: string }, undefined, z.infer<typeof oneStopPortOutBody>>({
    method: "POST",
    path: "/v1/subscriber/lines/{msisdn}/port-out/one-stop",
    operationId: "confirmOneStopPortOut",
    summary:
      "The subscriber confirms another operator's one-stop request: a reservation is issued for it and a single-use code goes back to its return address; needs a sign-in within 10 minutes",
    tag: "number-portability",
    auth: "subscriber",
    params: z.object({ msisdn: z.string().regex(/^0\d{9,10}$/, "must be the line's number, digits only") }),
    body: oneStopPortOutBody,
    issuedNumberFields: ["state"],
    // A retried confirmation (a double click, a flaky network) answers the first one's redirect again.
    idempotent: true,
    responses: {
      200: {
        description: "Send the browser to redirectUrl (the recipient's return address with the state and the code)",
        schema: z.object({ redirectUrl: z.string(), reservation: portOutSchema }),
      },
    },
    async handler({ subscriber, params, body }, services) {
      if (!subscriber) throw new Error("route declared auth 'subscriber' but nobody signed in");
      const deps = { ...services, mailFrom: services.config.mail.from, recipients: services.oneStopRecipients };
      return {
        status: 200,
        body: await confirmOneStopPortOut(deps, subscriber, { ...body, msisdn: params.msisdn }),
      };
    },
  }),
  defineRoute<undefined, undefined, z.infer<typeof oneStopPortOutBody>>({
    method: "POST",
    path: "/v1/port-out/one-stop/decline",
    operationId: "declineOneStopPortOut",
    summary: "The subscriber declines another operator's one-stop request: back to it with error=access_denied",
    tag: "number-portability",
    auth: "none",
    body: oneStopPortOutBody,
    issuedNumberFields: ["state"],
    responses: {
      200: { description: "Send the browser to redirectUrl", schema: z.object({ redirectUrl: z.string() }) },
    },
    async handler({ body }, services) {
      return {
        status: 200,
        body: await declineOneStopPortOut({ db: services.db, recipients: services.oneStopRecipients }, body),
      };
    },
  }),
  defineRoute<undefined, undefined, { code: string }>({
    method: "POST",
    path: "/v1/port-out/one-stop/redeem",
    operationId: "redeemOneStopPortOut",
    summary:
      "The recipient operator, server to server (Authorization: Bearer <its credential>): the code it was sent back with, once, for the reservation and the holder",
    tag: "number-portability",
    auth: "none",
    body: z.object({ code: z.string().min(1).max(200) }).strict(),
    issuedNumberFields: ["code"],
    responses: { 200: { description: "The reservation", schema: oneStopAnswerSchema } },
    async handler({ headers, body }, services) {
      const recipient = authenticateRecipient(services.oneStopRecipients, headers.authorization);
      const donor = services.operator.name.en;
      return { status: 200, body: await redeemOneStopPortOut({ ...services, donor }, recipient, body) };
    },
  }),
  defineRoute<undefined, undefined, { msisdn: string; reservationNumber: string }>({
    method: "POST",
    path: "/v1/port-out/look-up",
    operationId: "lookUpPortOut",
    summary:
      "A registered recipient operator, server to server (Authorization: Bearer <its credential>): a reservation number still valid, and its holder",
    tag: "number-portability",
    auth: "none",
    body: z
      .object({ msisdn: z.string().regex(/^\d{10,11}$/), reservationNumber: z.string().regex(/^\d{10}$/) })
      .strict(),
    issuedNumberFields: ["reservationNumber"],
    responses: { 200: { description: "The reservation", schema: oneStopAnswerSchema } },
    async handler({ headers, body }, services) {
      const recipient = authenticateRecipient(services.oneStopRecipients, headers.authorization);
      const donor = services.operator.name.en;
      return { status: 200, body: await lookUpPortOut({ ...services, donor }, recipient, body) };
    },
  }),
  defineRoute<undefined, undefined, { msisdn: string; reservationNumber: string }>({
    method: "POST",
    path: "/v1/port-out/switch-over",
    operationId: "switchOverPortOut",
    summary:
      "A registered recipient operator, server to server (Authorization: Bearer <its credential>): the number moved to it, our line ends",
    tag: "number-portability",
    auth: "none",
    body: z
      .object({ msisdn: z.string().regex(/^\d{10,11}$/), reservationNumber: z.string().regex(/^\d{10}$/) })
      .strict(),
    issuedNumberFields: ["reservationNumber"],
    // The recipient's retry (its request key as Idempotency-Key) answers the same, and ends nothing twice.
    idempotent: true,
    responses: {
      200: { description: "Our line ended", schema: z.object({ portRef: z.string() }) },
    },
    async handler({ headers, body }, services) {
      const recipient = authenticateRecipient(services.oneStopRecipients, headers.authorization);
      await assertSwitchOverBy(services.db, recipient, body);
      await completePortOut(
        {
          ...services,
          quarantineDays: services.config.numberQuarantineDays,
          mailFrom: services.config.mail.from,
          by: recipient.id,
        },
        body,
      );
      return { status: 200, body: { portRef: `port-out:${body.reservationNumber}` } };
    },
  }),
  defineRoute<undefined, undefined, z.infer<typeof simulatedLineBody>>({
    method: "POST",
    path: "/dev/mnp/lines",
    operationId: "devMnpOpenLine",
    summary: "The MNP simulator: a line at the simulated porting-out operator, and its reservation number",
    tag: "development",
    auth: "none",
    devOnly: true,
    body: simulatedLineBody,
    responses: {
      201: {
        description: "The reservation number the simulated operator issued",
        schema: z.object({ reservationNumber: z.string(), expiresOn: z.string() }),
      },
    },
    async handler({ body }, services) {
      const sim = simulator(services);
      const { issuedOn, ...line } = body;
      sim.openLine(line);
      return { status: 201, body: sim.issueReservation(line.msisdn, issuedOn) };
    },
  }),
  defineRoute<undefined, undefined, { msisdn: string; reservationNumber: string }>({
    method: "POST",
    path: "/dev/mnp/port-outs",
    operationId: "devMnpSwitchOverPortOut",
    summary: "The MNP simulator as the new operator: switches over a number ported out of us (ends our line)",
    tag: "development",
    auth: "none",
    devOnly: true,
    body: z
      .object({ msisdn: z.string().regex(/^\d{10,11}$/), reservationNumber: z.string().regex(/^\d{10}$/) })
      .strict(),
    responses: {
      200: {
        description: "Our line ended",
        schema: z.object({ reference: z.string(), purgeAfter: z.string().nullable() }),
      },
    },
    async handler({ body }, services) {
      simulator(services);
      const ended = await completePortOut(
        {
          ...services,
          quarantineDays: services.config.numberQuarantineDays,
          mailFrom: services.config.mail.from,
        },
        body,
      );
      return { status: 200, body: { reference: ended.reference, purgeAfter: ended.purgeAfter } };
    },
  }),
];
