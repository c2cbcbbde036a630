import { randomUUID } from "node:crypto";
import type { LivenessStep } from "@jitsumei/evidence";
import type { FastifyInstance } from "fastify";
import type { PortName } from "./adapters/adapters.ts";
import { chooseAdapters } from "./adapters/choose-adapters.ts";
import { withDefaults } from "./adapters/simulators.ts";
import { SEND_ANNOUNCEMENT_JOB, sendAnnouncementJob } from "./announcements/announcements.ts";
import { type Config, loadConfig } from "./config/config.ts";
import { contractSealer } from "./contracts/contract-signer.ts";
import { loadOperator } from "./contracts/operator.ts";
import { REASSESS_CREDIT_JOB, reassessCreditJob } from "./credit/assess-application-credit.ts";
import { loadCreditPolicies } from "./credit/credit-policies.ts";
import { EXCHANGE_SYNC_JOB, syncNonpaymentExchangeJob } from "./credit/nonpayment.ts";
import { openKeyManagement } from "./crypto/key-ring.ts";
import { loadOrCreateMasterKey } from "./crypto/master-key.ts";
import type { Database } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { openDatabase } from "./db/open-database.ts";
import { setUpDigitalAuth } from "./digital-auth/setup.ts";
import { loadEvidenceTrust } from "./evidence/evidence-trust.ts";
import { lazyFaceMatcher } from "./evidence/face-matcher.ts";
import { buildApp } from "./http/app.ts";
import { seedDemoData } from "./inventory/seed-demo-data.ts";
import { startEs2plusCallbackServer } from "./issuance/es2plus-callback-server.ts";
import { loadNetworkAdapters } from "./issuance/network-adapters.ts";
import {
  CANCEL_ESIM_ORDER_JOB,
  cancelEsimOrderJob,
  RELEASE_ESIM_JOB,
  releaseEsimJob,
} from "./issuance/release-esim.ts";
import { errorSummary, startJobWorker } from "./jobs/jobs.ts";
import { releaseLease } from "./jobs/lease.ts";
import { runPeriodicSweeps, SWEEPS_LEASE } from "./jobs/periodic-sweeps.ts";
import { SWEEP_LINES_JOB } from "./keep-alive/queue-line-sweep.ts";
import { sweepLinesJob } from "./keep-alive/sweep-lines.ts";
import { livenessServices } from "./liveness/liveness-services.ts";
import { deliverMailJob } from "./mail/outbox.ts";
import { notifyApplicantJob } from "./notifications/notify-applicant.ts";
import { NOTIFY_PAYMENT_JOB, notifyPaymentJob } from "./notifications/payment-notices.ts";
import { loadOneStopRecipients } from "./number-portability/one-stop-recipients.ts";
import { REFUND_JOB } from "./payments/record-gateway-answer.ts";
import { refundPaymentJob } from "./payments/refund-charges.ts";
import { sealPlainPoliceRequests } from "./police/seal-police-requests.ts";
import { loadPolicies } from "./policy/load-policies.ts";
import { keepDashboardRollup } from "./review/dashboard.ts";
import type { Services } from "./services.ts";
import { loadCounters } from "./site/counters.ts";
import { operatorMailFooter } from "./site/operator-contact.ts";
import { deliverSmsJob } from "./sms/sms-outbox.ts";
import { seedDemoStaff } from "./staff/demo-staff.ts";
import { usePasswordHashCost } from "./staff/staff-accounts.ts";
import { openDocumentStorage } from "./storage/open-document-storage.ts";
import { SUBSCRIBER_SIGN_IN_JOB, signInRequestJob } from "./subscribers/subscriber-access.ts";
import { deliverWebhookJob, fanOutWebhookEventJob } from "./webhooks/deliver-webhooks.ts";

export type RunningServer = {
  app: FastifyInstance;
  services: Services;
  url: string;
  /** Where the SM-DP+ reports downloads (ES2PLUS_CALLBACK_PORT), null when not configured. */
  es2plusCallbackUrl: string | null;
  /** The ports running on their local simulator (adapters/adapters.ts). */
  simulators: readonly PortName[];
  stop(): Promise<void>;
};

/**
 * Starts everything: database (migrated), keys, job worker, HTTP. `db` may be given (tests reuse
 * one); otherwise it is opened from the configuration.
 */
export async function startServer(
  options: {
    config?: Config;
    db?: Database;
    demoData?: boolean;
    /** Demo staff accounts, one per role (`npm start` in development; see staff/demo-staff.ts). */
    demoStaff?: boolean;
    listen?: boolean;
    clock?: () => Date;
    warn?: (message: string) => void;
    /** Where the HTTP log goes (default stdout). */
    logStream?: { write(line: string): unknown };
    /** Tests only (refused with NODE_ENV=production): fixes the liveness challenges' steps. */
    livenessSteps?: () => LivenessStep[];
  } = {},
): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  if (options.livenessSteps && config.env === "production")
    throw new Error("fixed liveness steps are for tests: a production server draws them at random");
  if (options.demoStaff && config.env === "production") {
    throw new Error("Demo staff accounts are never created in production");
  }
  const warn = options.warn ?? ((m: string) => process.stderr.write(`WARNING: ${m}\n`));
  usePasswordHashCost(config.passwordHashing);
  // A broken policy file stops start-up here, naming the file, the path in it and the reason.
  const policies = loadPolicies(config.policyDirs);
  const creditPolicies = loadCreditPolicies(config.policyDirs);
  const masterKey = loadOrCreateMasterKey(config.masterKey, config.dataDir, warn);
  // Every file key and every other thing a start can be refused for is opened before the database is
  // touched: a refused start leaves no migration applied and no key wrapped with the key it was given.
  const sealer = contractSealer(config, warn);
  const operator = loadOperator(config, warn);
  const counters = loadCounters(config);
  const oneStopRecipients = loadOneStopRecipients(config);
  let url = "";
  const clock = options.clock ?? (() => new Date());
  // The operator's adapters (JITSUMEI_ADAPTERS_MODULE); production refuses a simulator it was not allowed.
  const { chosen, simulators } = await chooseAdapters(config, {
    env: config.env,
    publicUrl: () => (config.publicUrlSet ? config.publicUrl : url),
    clock,
    warn,
  });
  const digitalAuth = chosen.digitalAuth
    ? { app: chosen.digitalAuth, simulator: null, jpkiTrustDir: config.trust.jpkiDir }
    : await setUpDigitalAuth(config, () => url, warn);
  const network = loadNetworkAdapters(config.network);
  const trust = loadEvidenceTrust({ ...config, trust: { ...config.trust, jpkiDir: digitalAuth.jpkiTrustDir } }, warn);
  const db = options.db ?? (await openDatabase(config, { warn }));
  try {
    await migrate(db);
    // The dashboard's roll-up counts the operator's days (filled again when the zone changed).
    await keepDashboardRollup(db, config.timeZone);
    if (options.demoData) await seedDemoData(db);
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }
  const keys = await openKeyManagement(db, masterKey, config.previousMasterKeys);
  // Police requests recorded before they were sealed (migration 0031) are sealed now.
  await sealPlainPoliceRequests(db, keys);
  if (options.demoStaff) await seedDemoStaff({ db, keys });
  const domain = config.mail.from.match(/@([^>\s]+)/)?.[1] ?? "jitsumei.localhost";
  const adapters = withDefaults(chosen, { config, db, keys, clock, url: () => url, smdp: network.smdp });
  const { mail: mailer, sms, smdp, provisioning, payments, numberPortability } = adapters;
  // Documents' ciphertext: the database rows, or an object store (docs/storage.md).
  const storage = await openDocumentStorage(config.storage, chosen.documentStore);
  const { documents } = storage;
  const credit = {
    exchange: adapters.creditExchange,
    paymentMethods: adapters.paymentMethodCheck,
    policies: creditPolicies,
  };
  const deliverMail = deliverMailJob({
    db,
    keys,
    mailer,
    domain,
    footer: operatorMailFooter(operator.contact, config),
  });
  const deliverSms = deliverSmsJob({ db, keys, sms });
  const jobs = startJobWorker(
    db,
    {
      deliver_mail: deliverMail,
      deliver_sms: deliverSms,
      [SUBSCRIBER_SIGN_IN_JOB]: signInRequestJob({ db, keys, clock, mailFrom: config.mail.from }),
      // One job a notification: it renders the mail and SMS and hands them over itself.
      notify_applicant: notifyApplicantJob({
        db,
        keys,
        config,
        clock,
        deliver: { mail: (mailId) => deliverMail({ mailId }), sms: (smsId) => deliverSms({ smsId }) },
      }),
      [NOTIFY_PAYMENT_JOB]: notifyPaymentJob({ db, keys, config }),
      // Real time, not the injectable clock: receivers check webhook-timestamp against their own.
      fan_out_webhook_event: fanOutWebhookEventJob({ db }),
      deliver_webhook: deliverWebhookJob({ db, keys, allowLoopback: config.webhookAllowLoopback }),
      [REFUND_JOB]: refundPaymentJob({ db, gateway: payments.gateway }),
      [RELEASE_ESIM_JOB]: releaseEsimJob({ db, keys, smdp, mailFrom: config.mail.from }),
      [CANCEL_ESIM_ORDER_JOB]: cancelEsimOrderJob({ db, smdp }),
      [EXCHANGE_SYNC_JOB]: syncNonpaymentExchangeJob({ db, keys, exchange: credit.exchange }),
      [REASSESS_CREDIT_JOB]: reassessCreditJob({ db, keys, clock, credit }),
      [SEND_ANNOUNCEMENT_JOB]: sendAnnouncementJob({ db, keys, mailFrom: config.mail.from }),
      [SWEEP_LINES_JOB]: sweepLinesJob({
        db,
        keys,
        clock,
        provisioning,
        quarantineDays: config.numberQuarantineDays,
        mailFrom: config.mail.from,
      }),
    },
    {
      pollMs: 1000,
      // PGlite has one connection: runners would only queue behind each other there.
      concurrency: db.kind === "postgres" ? config.jobConcurrency : 1,
      // No personal data in the log: the summary drops addresses an SMTP refusal repeats.
      onError: (error, job) => warn(`job ${job.kind} #${job.id} failed: ${errorSummary(error)}`),
    },
  );
  const faces = lazyFaceMatcher();
  const services: Services = {
    config,
    db,
    keys,
    clock,
    jobs,
    documents,
    delivery: adapters.delivery,
    sealer,
    operator,
    counters,
    oneStopRecipients,
    payments,
    provisioning,
    numberPortability,
    smdp,
    trust,
    faces,
    liveness: livenessServices({ drawSteps: options.livenessSteps }),
    policies,
    credit,
    digitalAuth: digitalAuth.app,
  };
  const app = await buildApp(services, {
    logStream: options.logStream,
    digitalAuthSimulator: digitalAuth.simulator,
  });
  if (options.listen !== false) url = await app.listen({ port: config.port, host: config.host });
  // The SM-DP+ reports downloads to its own mutually authenticated listener, apart from the public API.
  const es2plusCallback =
    network.callback && options.listen !== false ? await startEs2plusCallbackServer(db, network.callback, warn) : null;
  // Unset, PUBLIC_URL is the origin the server listens on; only now is the port known when PORT is 0.
  if (url && !config.publicUrlSet) config.publicUrl = new URL(url).origin;
  // The periodic sweeps (jobs/periodic-sweeps.ts) run in one server process at a time: the one that
  // holds the sweeps lease, renewed at each turn and taken over by another once it lapses.
  const sweepHolder = randomUUID();
  const sweepSeconds = config.sweepIntervalSeconds;
  const sweep = setInterval(() => {
    runPeriodicSweeps(services, sweepHolder, sweepSeconds * 2, warn)
      .then((ran) => {
        if (ran) app.log.info({ sweepHolder }, "periodic sweeps ran");
      })
      .catch((error) => warn(`periodic sweeps failed: ${errorSummary(error)}`));
  }, sweepSeconds * 1000);
  sweep.unref();
  return {
    app,
    services,
    url,
    es2plusCallbackUrl: es2plusCallback?.url ?? null,
    simulators,
    async stop() {
      clearInterval(sweep);
      await releaseLease(db, SWEEPS_LEASE, sweepHolder).catch(() => {});
      await app.close();
      await es2plusCallback?.close();
      network.close();
      await jobs.stop();
      mailer.close();
      storage.close();
      if (!options.db) await db.close();
    },
  };
}
