import type { z } from "zod";
import {
  creditViewForApplicant,
  type PaymentMethodInput,
  recordCreditConsent,
  setPaymentMethod,
} from "../../credit/credit-actions.ts";
import { settleNonpayment, terminateForNonpayment } from "../../credit/nonpayment.ts";
import type { Services } from "../../services.ts";
import {
  creditConsentBodySchema,
  creditConsentResultSchema,
  creditViewSchema,
  nonpaymentSettlementBodySchema,
  nonpaymentTerminationBodySchema,
  paymentMethodBodySchema,
  paymentMethodResultSchema,
} from "../credit-schemas.ts";
import { defineRoute } from "../route.ts";
import { referenceParamsSchema as params, type referenceParamsSchema } from "../schemas.ts";
import { opened } from "./application-routes.ts";
import { signedIn } from "./staff-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

/** The credit assessment of a postpaid application: consent, payment method, and non-payment. */
export const creditRoutes = [
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/credit",
    operationId: "getCredit",
    summary: "The consent text to read, the payment method on file, and the credit assessment in plain words",
    tag: "credit",
    auth: "applicant",
    params,
    responses: { 200: { description: "The credit step", schema: creditViewSchema } },
    async handler({ application }, services) {
      return { status: 200, body: await creditViewForApplicant(services, opened(application)) };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof creditConsentBodySchema>>({
    method: "POST",
    path: "/v1/applications/{reference}/credit/consent",
    operationId: "giveCreditConsent",
    summary: "Consent to the credit check and the exchange of non-payment information (the text version read)",
    tag: "credit",
    auth: "applicant",
    params,
    body: creditConsentBodySchema,
    idempotent: true,
    responses: { 201: { description: "Consent recorded", schema: creditConsentResultSchema } },
    async handler({ application, body }, services) {
      return { status: 201, body: await recordCreditConsent(services, opened(application), body) };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof paymentMethodBodySchema>>({
    method: "PUT",
    path: "/v1/applications/{reference}/payment-method",
    operationId: "setPaymentMethod",
    summary:
      "How the bills will be paid: a card (token) or a bank account for direct debit (口座振替); checked at once",
    tag: "credit",
    auth: "applicant",
    params,
    body: paymentMethodBodySchema,
    idempotent: true,
    responses: { 200: { description: "Confirmed", schema: paymentMethodResultSchema } },
    async handler({ application, body }, services) {
      return { status: 200, body: await setPaymentMethod(services, opened(application), body as PaymentMethodInput) };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof nonpaymentTerminationBodySchema>>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/nonpayment-termination",
    operationId: "terminateForNonpayment",
    summary: "End the line for unpaid bills and register the subscriber in the non-payment exchange",
    tag: "credit",
    auth: "staff",
    permission: "subscriptions.nonpayment",
    params,
    body: nonpaymentTerminationBodySchema,
    idempotent: true,
    responses: { 201: { description: "Ended; the exchange registration is queued" } },
    async handler({ params, body, staff }, services) {
      const result = await terminateForNonpayment(nonpaymentDeps(services), {
        reference: params.reference,
        unpaidJpy: body.unpaidJpy,
        staffId: signedIn(staff).id,
      });
      services.jobs.kick();
      return { status: 201, body: result };
    },
  }),
  defineRoute<Ref, undefined, z.infer<typeof nonpaymentSettlementBodySchema>>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/nonpayment-termination/settlement",
    operationId: "settleNonpayment",
    summary: "The unpaid balance was paid: withdraw the registration from the non-payment exchange",
    tag: "credit",
    auth: "staff",
    permission: "subscriptions.nonpayment",
    params,
    body: nonpaymentSettlementBodySchema,
    idempotent: true,
    responses: { 200: { description: "Settled; the withdrawal is queued" } },
    async handler({ params, body, staff }, services) {
      const result = await settleNonpayment(nonpaymentDeps(services), {
        reference: params.reference,
        paidJpy: body.paidJpy,
        staffId: signedIn(staff).id,
      });
      services.jobs.kick();
      return { status: 200, body: result };
    },
  }),
];

function nonpaymentDeps(services: Services) {
  return {
    db: services.db,
    clock: services.clock,
    quarantineDays: services.config.numberQuarantineDays,
    provisioning: services.provisioning,
    keys: services.keys,
    mailFrom: services.config.mail.from,
  };
}
