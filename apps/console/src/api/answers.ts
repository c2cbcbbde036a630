/**
 * Names for the API's answers as the console reads them, taken from the generated contract
 * (@jitsumei/api-contract, from the server's OpenAPI document): nothing here is copied by hand.
 */
import type { Answer, components } from "@jitsumei/api-contract/client";

export { type StaffRole, staffRoles } from "@jitsumei/domain/staff-permissions";

type Schemas = components["schemas"];

export type StaffAccount = Schemas["StaffAccount"];
export type StaffSession = Answer<"/v1/staff/session", "get">;
export type Queue = Answer<"/v1/staff/applications", "get">;
export type QueueItem = Queue["items"][number];
export type CaseView = Schemas["Case"];
export type Check = CaseView["checks"][number];
export type Shipment = Schemas["Shipment"];
export type ShippingWork = Schemas["ShippingWork"];
