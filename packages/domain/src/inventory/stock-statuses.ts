/**
 * The statuses of the stock a line is made from, as the migrations' CHECKs allow them. No table of
 * moves: the inventory's repositories (apps/server/src/inventory/) make each move in one statement, and
 * name the statuses through these types so that a renamed status is a type error there.
 */

/** A physical SIM card from the vendor's file (`sim_cards`); packaged: bound to a retail package. */
export const simCardStatuses = ["available", "packaged", "assigned", "retired"] as const;
export type SimCardStatus = (typeof simCardStatuses)[number];

/** An eSIM profile from the SM-DP+'s file (`esim_profiles`). */
export const esimProfileStatuses = ["available", "packaged", "assigned", "released"] as const;
export type EsimProfileStatus = (typeof esimProfileStatuses)[number];

/** A number of our block (`phone_numbers`); ported_out: it left for another operator for good. */
export const phoneNumberStatuses = ["available", "assigned", "quarantined", "ported_out"] as const;
export type PhoneNumberStatus = (typeof phoneNumberStatuses)[number];

/** The SIM card or eSIM profile and number held by an application (`sims`). */
export const simStatuses = ["assigned", "active", "released"] as const;
export type SimStatus = (typeof simStatuses)[number];
