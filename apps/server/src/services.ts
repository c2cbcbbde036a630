import type { FaceMatcher } from "@jitsumei/evidence";
import type { Config } from "./config/config.ts";
import type { ContractSealer } from "./contracts/contract-signer.ts";
import type { Operator } from "./contracts/operator.ts";
import type { CreditServices } from "./credit/assess-application-credit.ts";
import type { KeyManagement } from "./crypto/key-management.ts";
import type { Database } from "./db/database.ts";
import type { DigitalAuthApp } from "./digital-auth/digital-auth-app.ts";
import type { EvidenceTrust } from "./evidence/evidence-trust.ts";
import type { Delivery } from "./issuance/delivery.ts";
import type { Provisioning } from "./issuance/provisioning.ts";
import type { SmdpPlus } from "./issuance/smdp.ts";
import type { JobWorker } from "./jobs/jobs.ts";
import type { LivenessServices } from "./liveness/liveness-services.ts";
import type { NumberPortability } from "./number-portability/number-portability.ts";
import type { OneStopRecipient } from "./number-portability/one-stop-recipients.ts";
import type { PaymentServices } from "./payments/payment-services.ts";
import type { LoadedPolicy } from "./policy/load-policies.ts";
import type { Counter } from "./site/counters.ts";
import type { DocumentStorage } from "./storage/document-store.ts";

/** What a running server holds; each action takes only the parts it uses. */
export type Services = {
  config: Config;
  db: Database;
  keys: KeyManagement;
  clock: () => Date;
  jobs: JobWorker;
  /** Where documents' ciphertext is kept: the database rows, or an object store (docs/storage.md). */
  documents: DocumentStorage;
  trust: EvidenceTrust;
  faces: FaceMatcher;
  /** The live selfie's challenges and frame analyser. */
  liveness: LivenessServices;
  /** The carrier that takes physical SIMs to subscribers (JITSUMEI_ADAPTERS_MODULE, or the local simulator). */
  delivery: Delivery;
  /** The SM-DP+ that eSIM profiles are released from (JITSUMEI_ADAPTERS_MODULE, or the local simulator). */
  smdp: SmdpPlus;
  /** The network's subscriber database (JITSUMEI_ADAPTERS_MODULE, or the local simulator). */
  provisioning: Provisioning;
  /** The carriers' MNP system, towards the operator a number ports from (a local simulator here). */
  numberPortability: NumberPortability;
  /** The operator's seal (PAdES key and time-stamp authority) for contracts and receipts. */
  sealer: () => ContractSealer;
  /** The payment gateway (JITSUMEI_ADAPTERS_MODULE, or the local test gateway) and its notification secret. */
  payments: PaymentServices;
  /** The operator named on contracts and receipts. */
  operator: Operator;
  /** The non-payment exchange and the payment-method check (JITSUMEI_ADAPTERS_MODULE, or local simulators), and the credit policies. */
  credit: CreditServices;
  /** The Digital Authentication App (the Digital Agency's service, or the simulator); null: not offered. */
  digitalAuth: DigitalAuthApp | null;
  /** Every verification policy, validated at start. */
  policies: readonly LoadedPolicy[];
  /** The counters that read chips face to face (JITSUMEI_COUNTERS_FILE), validated at start. */
  counters: readonly Counter[];
  /** The operators that may ask us for a one-stop port-out (MNP_ONE_STOP_RECIPIENTS_FILE), validated at start. */
  oneStopRecipients: readonly OneStopRecipient[];
};
