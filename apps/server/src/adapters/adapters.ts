import type { NonpaymentExchange } from "../credit/nonpayment-exchange.ts";
import type { PaymentMethodCheck } from "../credit/payment-method-check.ts";
import type { DigitalAuthApp } from "../digital-auth/digital-auth-app.ts";
import type { Delivery } from "../issuance/delivery.ts";
import type { ProvisioningAdapter } from "../issuance/provisioning.ts";
import type { SmdpPlus } from "../issuance/smdp.ts";
import type { Mailer } from "../mail/mailer.ts";
import type { NumberPortability } from "../number-portability/number-portability.ts";
import type { PaymentGateway } from "../payments/payment-gateway.ts";
import type { SmsSender } from "../sms/sms-sender.ts";
import type { DocumentStore } from "../storage/document-store.ts";

/**
 * The ports an operator plugs real services into. An adapter module (JITSUMEI_ADAPTERS_MODULE) exports
 * a factory under a port's name for each port it serves; every other port keeps its default (the local
 * simulator, or SMTP for mail when SMTP_URL is set). The same names are what ALLOW_SIMULATORS lists.
 */
export type Adapters = {
  /** The SM-DP+ eSIM profiles are ordered from (GSMA SGP.22 ES2+). */
  smdp: SmdpPlus;
  /** The network's subscriber database (HLR/HSS/UDM, or an MVNE's API); every call is written to the
   * operation log by the server (issuance/provisioning-log.ts), retried and reversed there. */
  provisioning: ProvisioningAdapter;
  /** The MNP system: the porting-out operator's side of a number brought in (番号ポータビリティ). */
  numberPortability: NumberPortability;
  /** The payment gateway (cards, konbini). */
  payment: PaymentGateway;
  /** The SMS provider. */
  sms: SmsSender;
  /** The carrier that takes physical SIMs to subscribers (本人限定受取郵便). */
  delivery: Delivery;
  /** The carriers' exchange of non-payment information (不払い者情報の交換). */
  creditExchange: NonpaymentExchange;
  /** The card and bank-account check before a postpaid contract. */
  paymentMethodCheck: PaymentMethodCheck;
  /** The mail transport. */
  mail: Mailer;
  /** The Digital Agency's Digital Authentication App (デジタル認証アプリ), for JPKI signatures. */
  digitalAuth: DigitalAuthApp;
  /** The object store for documents' ciphertext (docs/storage.md); unset, the database rows keep it. */
  documentStore: DocumentStore;
};

export type PortName = keyof Adapters;

/** What a factory is given: no database and no keys, which are the server's alone. */
export type AdapterContext = {
  env: "development" | "production" | "test";
  /** Where applicants reach the server (known once it listens when PORT is 0): for callback URLs. */
  publicUrl: () => string;
  clock: () => Date;
  warn: (message: string) => void;
};

/** A factory may be async (it may open a connection or read a key file at start). */
export type AdapterFactory<P extends PortName> = (context: AdapterContext) => Adapters[P] | Promise<Adapters[P]>;

/** The shape of an adapter module: any subset of the ports. */
export type AdapterModule = { [P in PortName]?: AdapterFactory<P> };

/**
 * Each port with the methods its adapter must have (checked at start, so a module that returns the
 * wrong thing stops the server instead of the first applicant's request) and what its simulator is.
 */
export const portDetails: { [P in PortName]: { methods: readonly string[]; simulator: string } } = {
  smdp: {
    methods: ["downloadOrder", "confirmOrder", "releaseProfile", "cancelOrder"],
    simulator: "the local SM-DP+ simulator (no eSIM profile reaches a phone)",
  },
  provisioning: {
    methods: ["activate", "barOutgoing", "suspend", "resume", "terminate", "changeNumber"],
    simulator: "the local network simulator (no line reaches the network)",
  },
  numberPortability: {
    methods: ["lookUpReservation", "oneStopUrl", "redeemOneStop", "switchOver"],
    simulator: "the local MNP simulator of the porting-out operators (no number moves between operators)",
  },
  payment: {
    methods: ["authorize", "capture", "refund", "status"],
    simulator: "the local test gateway (no money moves)",
  },
  sms: { methods: ["send"], simulator: "the local SMS outbox (no SMS is sent)" },
  delivery: { methods: ["book"], simulator: "the Japan Post simulator (no parcel is booked)" },
  creditExchange: {
    methods: ["query", "register", "remove"],
    simulator: "the local non-payment exchange (no other carrier's records are asked)",
  },
  paymentMethodCheck: {
    methods: ["verifyCard", "registerBankAccount"],
    simulator: "the local payment-method check (test cards and accounts only)",
  },
  mail: { methods: ["send", "close"], simulator: "the local mail outbox (no mail is sent; set SMTP_URL)" },
  digitalAuth: {
    methods: ["startSignature", "authorizationUrl", "exchangeCode", "signatureResult"],
    simulator: "the Digital Authentication App simulator",
  },
  // No simulator: without a module's store (or JITSUMEI_DOCUMENT_STORE=s3) the database keeps documents.
  documentStore: { methods: ["put", "get", "delete"], simulator: "none (the database keeps documents)" },
};

export const portNames = Object.keys(portDetails) as PortName[];
