import type { CheckMessages } from "../check-messages.ts";

/** Messages of the jpki checks (see check-messages.ts for the conventions). */
export const jpkiCheckMessages: CheckMessages = {};
