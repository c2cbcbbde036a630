import type { CheckMessages } from "../check-messages.ts";

/** Messages of the chip checks (see check-messages.ts for the conventions). */
export const chipCheckMessages: CheckMessages = {};
