import type { CheckMessages } from "../check-messages.ts";

/** Messages of the image checks (see check-messages.ts for the conventions). */
export const imageCheckMessages: CheckMessages = {};
