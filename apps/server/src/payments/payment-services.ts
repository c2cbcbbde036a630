import { type LocalTestGateway, localTestGateway } from "./local-test-gateway.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import type { NotificationSettings } from "./receive-notification.ts";

/** What the payment routes and jobs need: the gateway, and the secret its notifications are signed with. */
export type PaymentServices = { gateway: PaymentGateway; notifications: NotificationSettings };

/**
 * The local test gateway, notifying the server it runs in over real HTTP. `notifyUrl` is read at
 * each notification, so it can point at the server once it listens.
 */
export function localPaymentServices(options: {
  secret: string;
  notifyUrl?: () => string | null;
  timeoutMs?: number;
  toleranceSeconds?: number;
  clock?: () => Date;
}): PaymentServices & { gateway: LocalTestGateway } {
  return {
    gateway: localTestGateway(options),
    notifications: { secret: options.secret, toleranceSeconds: options.toleranceSeconds },
  };
}
