import type { CheckMessages } from "../check-messages.ts";

/** Messages of the face checks (see check-messages.ts for the conventions). */
export const faceCheckMessages: CheckMessages = {};
