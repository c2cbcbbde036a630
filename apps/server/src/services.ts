import type { FaceMatcher } from "@jitsumei/evidence";
import type { Config } from "./config/config.ts";
import type { KeyManagement } from "./crypto/key-management.ts";
import type { Database } from "./db/database.ts";
import type { EvidenceTrust } from "./evidence/evidence-trust.ts";
import type { JobWorker } from "./jobs/jobs.ts";
import type { LoadedPolicy } from "./policy/load-policies.ts";

/** What a running server holds; each action takes only the parts it uses. */
export type Services = {
  config: Config;
  db: Database;
  keys: KeyManagement;
  clock: () => Date;
  jobs: JobWorker;
  trust: EvidenceTrust;
  faces: FaceMatcher;
  /** Every verification policy, validated at start. */
  policies: readonly LoadedPolicy[];
};
