import type { Config } from "../config/config.ts";
import { localNonpaymentExchange } from "../credit/nonpayment-exchange.ts";
import { localPaymentMethodCheck } from "../credit/payment-method-check.ts";
import type { KeyManagement } from "../crypto/key-management.ts";
import type { Database } from "../db/database.ts";
import { localPostSimulator } from "../issuance/delivery.ts";
import { localNetworkAdapter, type Provisioning } from "../issuance/provisioning.ts";
import { loggedProvisioning } from "../issuance/provisioning-log.ts";
import type { SmdpPlus } from "../issuance/smdp.ts";
import { localOutboxMailer, smtpMailer } from "../mail/mailer.ts";
import { localPortingSimulator } from "../number-portability/local-porting-simulator.ts";
import type { PaymentServices } from "../payments/payment-services.ts";
import { localPaymentServices } from "../payments/payment-services.ts";
import { localSmsOutbox } from "../sms/sms-sender.ts";
import type { Adapters } from "./adapters.ts";

/** Every port but the Digital Authentication App (digital-auth/setup.ts) and the document store (storage/open-document-storage.ts), with payments as the routes need them. */
export type ServerAdapters = Omit<Adapters, "payment" | "digitalAuth" | "provisioning" | "documentStore"> & {
  payments: PaymentServices;
  /** The network adapter behind the operation log. */
  provisioning: Provisioning;
};

/**
 * The operator's adapters, and for every other port its default: SMTP when SMTP_URL is set, else the
 * local simulator. The simulators keep their state in the server's database, hence `db` and `keys`.
 */
export function withDefaults(
  chosen: Partial<Adapters>,
  deps: {
    config: Config;
    db: Database;
    keys: KeyManagement;
    clock: () => Date;
    url: () => string;
    /** The SM-DP+ the configuration names (ES2+ when SMDP_ES2PLUS_URL is set, else the simulator). */
    smdp: SmdpPlus;
  },
): ServerAdapters {
  const { config } = deps;
  const payments: PaymentServices = chosen.payment
    ? { gateway: chosen.payment, notifications: { secret: config.payments.notificationSecret } }
    : localPaymentServices({
        secret: config.payments.notificationSecret,
        notifyUrl: () => (deps.url() ? `${deps.url()}/v1/payments/notifications` : null),
        // The server's clock: the simulated konbini deadlines move with it (tests advance it).
        clock: deps.clock,
      });
  return {
    smdp: chosen.smdp ?? deps.smdp,
    provisioning: loggedProvisioning(chosen.provisioning ?? localNetworkAdapter(), deps.db),
    // The porting-out side of MNP, on the server's clock (tests move it).
    numberPortability: chosen.numberPortability ?? localPortingSimulator({ clock: deps.clock }),
    payments,
    sms: chosen.sms ?? localSmsOutbox(),
    delivery: chosen.delivery ?? localPostSimulator(),
    creditExchange: chosen.creditExchange ?? localNonpaymentExchange(deps.db, deps.keys),
    paymentMethodCheck: chosen.paymentMethodCheck ?? localPaymentMethodCheck(),
    mail: chosen.mail ?? (config.mail.kind === "smtp" ? smtpMailer(config.mail.url) : localOutboxMailer()),
  };
}
