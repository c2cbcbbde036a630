import type { CheckMessages } from "./check-messages-type.ts";

/** Messages of the document number checks (see check-messages.ts for the conventions). */
export const documentNumberCheckMessages: CheckMessages = {};
